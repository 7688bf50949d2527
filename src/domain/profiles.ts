// The methodology profiles shipped with the add-on ("Siapkan buku kerja" writes one into
// Instrumen, Aspek and Kategori) and the default Pengaturan rows.
import { t, type Lang, type MessageKey } from './i18n';
import { INSTRUMEN_OMBUDSMAN_2021, KATEGORI_OMBUDSMAN_2021 } from './profile-data/ombudsman-2021';
import { ASPEK_OPINI_2022, INSTRUMEN_OPINI_2022, KATEGORI_OPINI } from './profile-data/opini-2022';
import { ASPEK_OPINI_2025, INSTRUMEN_OPINI_2025 } from './profile-data/opini-2025';
import { ASPEK_PEKPPP_2023, INSTRUMEN_PEKPPP_2023, KATEGORI_PEKPPP_2023 } from './profile-data/pekppp-2023';
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
  /**
   * The label of the per-unit qualifier the assessor records on each unit tab (`Ya`/`Tidak`),
   * shown after the category when it holds and never scored (docs/WORKBOOK.md); null for none.
   */
  qualifier: string | null;
  /** The message of its one-line explanation with its legal basis. */
  summaryKey: MessageKey;
}

/** opini-2025's qualifier: every Ombudsman product for the unit has been followed up. */
export const TANPA_MALADMINISTRASI = 'Tanpa Maladministrasi';

/** The profiles, the default first, then newest to oldest (docs/METHODOLOGY.md describes each). */
const PROFILES: readonly Profile[] = [
  {
    id: 'opini-2025',
    label: 'Ombudsman RI 2025 — Penilaian Maladministrasi (Opini Ombudsman RI)',
    instrument: INSTRUMEN_OPINI_2025,
    categories: KATEGORI_OPINI,
    aspects: ASPEK_OPINI_2025,
    qualifier: TANPA_MALADMINISTRASI,
    summaryKey: 'profile.summary.opini-2025',
  },
  {
    id: 'pekppp-2023',
    label: 'KemenPAN-RB — PEKPPP (Indeks Pelayanan Publik 0–5)',
    instrument: INSTRUMEN_PEKPPP_2023,
    categories: KATEGORI_PEKPPP_2023,
    aspects: ASPEK_PEKPPP_2023,
    qualifier: null,
    summaryKey: 'profile.summary.pekppp-2023',
  },
  {
    id: 'opini-2022',
    label: 'Ombudsman RI 2022–2024 — Opini Pengawasan Penyelenggaraan Pelayanan Publik',
    instrument: INSTRUMEN_OPINI_2022,
    categories: KATEGORI_OPINI,
    aspects: ASPEK_OPINI_2022,
    qualifier: null,
    summaryKey: 'profile.summary.opini-2022',
  },
  {
    id: 'ombudsman-2021',
    label: 'Ombudsman RI 2019–2021 (lama) — Kepatuhan terhadap Standar Pelayanan Publik',
    instrument: INSTRUMEN_OMBUDSMAN_2021,
    categories: KATEGORI_OMBUDSMAN_2021,
    aspects: [[...HEADERS.aspek]],
    qualifier: null,
    summaryKey: 'profile.summary.ombudsman-2021',
  },
];

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);

export const DEFAULT_PROFILE_ID = 'opini-2025';

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

/** The qualifier label of profile `id` (trimmed, case-insensitive): opini-2025's Tanpa Maladministrasi; null for none or an unknown id. */
export function profileQualifier(id: string): string | null {
  return PROFILES.find((p) => p.id === id.trim().toLowerCase())?.qualifier ?? null;
}

/**
 * Each profile in one line with its legal basis, in `lang`, in PROFILE_IDS order: what the
 * sidebar's setup shows beside the profile choice.
 */
export function profileSummaries(lang: Lang): { id: string; label: string; summary: string }[] {
  return PROFILES.map((p) => ({ id: p.id, label: p.label, summary: t(lang, p.summaryKey) }));
}

export const DEFAULT_NAMA_KEGIATAN = 'Pendampingan Perbaikan Pelayanan Publik';

/**
 * The Pengaturan rows of a new workbook, header included: docs/WORKBOOK.md's defaults (the
 * installer as admin and reply-to, the first round's label `Putaran 1 {year}`) and a
 * Keterangan per key in `lang`. Without `year` the label is `Putaran 1`.
 */
export function defaultSettingsRows(profileId: string, adminEmail: string, lang: Lang = 'id', year?: number): string[][] {
  const values: Record<SettingKey, string> = {
    nama_kegiatan: DEFAULT_NAMA_KEGIATAN,
    instansi_penilai: '',
    profil: profileId,
    putaran: t(lang, 'setting.default.putaran', { year: year ?? '' }).trim(),
    batas_waktu: '',
    email_admin: adminEmail,
    email_balasan: adminEmail,
    bahasa: lang,
    kirim_tanda_terima: 'Ya',
    pengingat_otomatis: 'Tidak',
    penandatangan_nama: '',
    penandatangan_jabatan: '',
    lampirkan_rapor: 'Ya',
  };
  return [[...HEADERS.pengaturan], ...SETTING_KEYS.map((key) => [key, values[key], t(lang, `setting.note.${key}`)])];
}
