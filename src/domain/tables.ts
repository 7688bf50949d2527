// The pinned names of docs/WORKBOOK.md: system tabs, their header rows and the Pengaturan keys,
// plus the one routine that finds a table's columns by header text.

export const TABS = {
  pengaturan: 'Pengaturan',
  instrumen: 'Instrumen',
  aspek: 'Aspek',
  kategori: 'Kategori',
  unit: 'Unit',
  rekap: 'Rekap',
  logEmail: 'Log Email',
  riwayat: 'Riwayat',
  arsip: 'Arsip',
  arsipJawaban: 'Arsip Jawaban',
} as const;

export const HEADERS = {
  pengaturan: ['Kunci', 'Nilai', 'Keterangan'],
  /** Berlaku Untuk, Panduan Skor and Keterangan are optional (issue 15): a table without them still reads. */
  instrumen: [
    'Kode',
    'Aspek',
    'Indikator',
    'Bobot',
    'Jenis Jawaban',
    'Boleh N/A',
    'Rekomendasi',
    'Dasar Hukum',
    'Bukti Diminta',
    'Berlaku Untuk',
    'Panduan Skor',
    'Keterangan',
  ],
  aspek: ['Aspek', 'Bobot Aspek'],
  /** Skala and Catatan are optional (issue 15): without Skala the scale is 0-100. */
  kategori: ['Kategori', 'Skor Minimum', 'Keterangan', 'Zona', 'Skala', 'Catatan'],
  unit: ['Kode', 'Nama Unit', 'Jenis', 'Nama PIC', 'Email PIC', 'Email Asesor', 'Tab', 'Status'],
  rekap: [
    'Kode',
    'Nama Unit',
    'Jenis',
    'Skor Mandiri',
    'Skor Akhir',
    'Kategori',
    'Jumlah Temuan',
    'Kelengkapan',
    'Skor Putaran Lalu',
    'Perubahan',
    'Email Terakhir',
  ],
  logEmail: ['Waktu', 'Putaran', 'Kode Unit', 'Kepada', 'Tembusan', 'Subjek', 'Status', 'Sidik', 'Keterangan'],
  riwayat: ['Putaran', 'Kode Unit', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Ditutup'],
  /** Every answer of every closed round: one row per unit × indicator × round, written when the round closes. */
  arsipJawaban: [
    'Putaran',
    'Kode Unit',
    'Kode',
    'Jawaban Mandiri',
    'Bukti',
    'Jawaban Verifikasi',
    'Catatan Asesor',
    'Tindak Lanjut',
    'Keterangan Tindak Lanjut',
  ],
  /**
   * The unit tab's table: the 14 pinned columns of docs/WORKBOOK.md in their order, with the
   * columns added since (Keterangan Tindak Lanjut after Tindak Lanjut, Bukti Putaran Lalu after
   * Jawaban Putaran Lalu, and Nilai, each row's credit, right of the pinned table); a tab made
   * before them lacks them until generated again (OPTIONAL_UNIT_COLUMNS).
   */
  unitTable: [
    'Kode',
    'Aspek',
    'Indikator',
    'Bobot',
    'Jenis Jawaban',
    'Jawaban Mandiri',
    'Bukti',
    'Jawaban Verifikasi',
    'Catatan Asesor',
    'Rekomendasi',
    'Batas Waktu',
    'Tindak Lanjut',
    'Keterangan Tindak Lanjut',
    'Jawaban Putaran Lalu',
    'Bukti Putaran Lalu',
    'Boleh N/A',
    'Nilai',
  ],
} as const;

export const SETTING_KEYS = [
  'nama_kegiatan',
  'instansi_penilai',
  'profil',
  'putaran',
  'batas_waktu',
  'email_admin',
  'email_balasan',
  'bahasa',
  // Added by the mail room (issue 5): Ya/Tidak, send the acknowledgement to units with no finding.
  'kirim_tanda_terima',
  // Added by the rounds room (issue 7): Ya/Tidak, the hourly reminder trigger (set from the sidebar).
  'pengingat_otomatis',
  // Added by the reports room (issue 14): who signs the rapor and the findings email, and whether the email carries the rapor.
  'penandatangan_nama',
  'penandatangan_jabatan',
  'lampirkan_rapor',
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

/** Every system tab name, for checks that a unit tab never takes one. */
export const SYSTEM_TAB_NAMES: readonly string[] = Object.values(TABS);

/**
 * Column positions of `wanted` headers in `headerRow` (case-insensitive, trimmed; the first
 * match wins), and the wanted headers that are absent.
 */
export function findColumns<K extends string>(
  headerRow: readonly unknown[] | undefined,
  wanted: readonly K[],
): { index: Partial<Record<K, number>>; missing: K[] } {
  const cells = (headerRow ?? []).map((c) => String(c ?? '').trim().toLowerCase());
  const index: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const name of wanted) {
    const at = cells.indexOf(name.toLowerCase());
    if (at < 0) missing.push(name);
    else index[name] = at;
  }
  return { index, missing };
}
