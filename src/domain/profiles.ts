// The methodology profiles shipped with the add-on ("Siapkan buku kerja" writes one into
// Instrumen, Aspek and Kategori) and the default Pengaturan rows.
import { t, type Lang } from './i18n';
import { INSTRUMEN_OMBUDSMAN_2021, KATEGORI_OMBUDSMAN_2021 } from './profile-data/ombudsman-2021';
import { ASPEK_OPINI_2022, INSTRUMEN_OPINI_2022, KATEGORI_OPINI_2022 } from './profile-data/opini-2022';
import { HEADERS, SETTING_KEYS, type SettingKey } from './tables';

export interface Profile {
  id: string;
  label: string;
  /** Rows of the Instrumen tab, header row included. */
  instrument: string[][];
  /** Rows of the Kategori tab, header row included. */
  categories: string[][];
  /** Rows of the Aspek tab, header row included (header only: flat scoring). */
  aspects: string[][];
}

const PROFILES: readonly Profile[] = [
  {
    id: 'ombudsman-2021',
    label: 'Ombudsman RI 2021 — Kepatuhan terhadap Standar Pelayanan Publik',
    instrument: INSTRUMEN_OMBUDSMAN_2021,
    categories: KATEGORI_OMBUDSMAN_2021,
    aspects: [[...HEADERS.aspek]],
  },
  {
    id: 'opini-2022',
    label: 'Ombudsman RI 2022 — Opini Pengawasan Penyelenggaraan Pelayanan Publik',
    instrument: INSTRUMEN_OPINI_2022,
    categories: KATEGORI_OPINI_2022,
    aspects: ASPEK_OPINI_2022,
  },
];

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);

export const DEFAULT_PROFILE_ID = 'ombudsman-2021';

const copyRows = (rows: readonly (readonly string[])[]): string[][] => rows.map((row) => [...row]);

/** The profile `id` (trimmed, case-insensitive) as fresh rows the caller may change, or null if unknown. */
export function getProfile(id: string): Profile | null {
  const key = id.trim().toLowerCase();
  const found = PROFILES.find((p) => p.id === key);
  if (!found) return null;
  return {
    ...found,
    instrument: copyRows(found.instrument),
    categories: copyRows(found.categories),
    aspects: copyRows(found.aspects),
  };
}

export const DEFAULT_NAMA_KEGIATAN = 'Pendampingan Perbaikan Pelayanan Publik';

/**
 * The Pengaturan rows of a new workbook, header included: docs/WORKBOOK.md's defaults (the
 * installer as admin and reply-to) and a Keterangan per key in `lang`.
 */
export function defaultSettingsRows(profileId: string, adminEmail: string, lang: Lang = 'id'): string[][] {
  const values: Record<SettingKey, string> = {
    nama_kegiatan: DEFAULT_NAMA_KEGIATAN,
    instansi_penilai: '',
    profil: profileId,
    putaran: '',
    batas_waktu: '',
    email_admin: adminEmail,
    email_balasan: adminEmail,
    bahasa: lang,
    kirim_tanda_terima: 'Ya',
    pengingat_otomatis: 'Tidak',
  };
  return [[...HEADERS.pengaturan], ...SETTING_KEYS.map((key) => [key, values[key], t(lang, `setting.note.${key}`)])];
}
