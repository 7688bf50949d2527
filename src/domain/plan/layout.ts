// Where things sit in the tabs the add-on generates (unit tabs, Rekap, Arsip) and the
// metadata keys that tie them to units. docs/internals.md describes the same layout; code
// that reads a unit tab finds its table by header, never by these row numbers.
import { HEADERS } from '../tables';

export type UnitColumn = (typeof HEADERS.unitTable)[number];

/** Zero-based column of a unit-table header. */
export function unitColumn(name: UnitColumn): number {
  return (HEADERS.unitTable as readonly string[]).indexOf(name);
}

/** Zero-based rows of a unit tab. */
export const UNIT_TAB = {
  titleRow: 0,
  roundRow: 1,
  deadlineRow: 2,
  /** Status Pengisian (label, then its value) beside the round, Status Verifikasi beside the deadline. */
  fillStatusRow: 1,
  verifyStatusRow: 2,
  /** Column of the status labels (D); each value is in the cell directly to its right (E). */
  statusLabelColumn: 3,
  summaryHeaderRow: 3,
  summaryRow: 4,
  tableHeaderRow: 6,
  firstDataRow: 7,
  /** Column of the one RINGKASAN_KEPATUHAN cell (B), which spills over the next four (six with an index). */
  summaryColumn: 1,
  /** The profile's qualifier (opini-2025: Tanpa Maladministrasi) on the summary row, right of what it may spill: label I5, value J5. */
  qualifierLabelColumn: 8,
  width: HEADERS.unitTable.length,
} as const;

/** Column widths of a new unit tab in pixels (0 = the default): the indicator text, the statuses' labels and values. */
export const UNIT_TAB_WIDTHS: readonly number[] = [0, 0, 360, 130, 130];

/** Labels of the header block; each labels the cell right of it (a tab made before the status cells gets them when it is generated again). */
export const UNIT_TAB_LABELS = {
  round: 'Putaran',
  deadline: 'Batas Waktu',
  result: 'Hasil',
  filling: 'Status Pengisian',
  verification: 'Status Verifikasi',
  guide: 'Petunjuk',
} as const;

/** What RINGKASAN_KEPATUHAN spills, left to right, from the summary cell. */
export const SUMMARY_HEADERS = ['Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan'] as const;
/** What it spills after them with a Kategori Skala 0-N other than 0-100: the two scores on that scale (Rekap shows them too). */
export const SUMMARY_INDEX_HEADERS = ['Indeks Mandiri', 'Indeks Akhir'] as const;
export type SummaryHeader = (typeof SUMMARY_HEADERS)[number] | (typeof SUMMARY_INDEX_HEADERS)[number];
/** The summary's headers, left to right: the index's too where the scale shows one. */
export const SUMMARY_LAYOUT: readonly SummaryHeader[] = [...SUMMARY_HEADERS, ...SUMMARY_INDEX_HEADERS];

/** Columns people fill in (the rest is rewritten from Instrumen): kept, keyed by indicator Kode, across every refresh. */
export const KEPT_COLUMNS: readonly UnitColumn[] = [
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
];

/** Columns added to the unit table after tabs were made: a tab generated before them reads without them. */
export const OPTIONAL_UNIT_COLUMNS: readonly UnitColumn[] = ['Keterangan Tindak Lanjut', 'Bukti Putaran Lalu', 'Nilai'];

/** The unit's PIC edits these (its assessor and the admins too). */
export const PIC_COLUMNS: readonly UnitColumn[] = ['Jawaban Mandiri', 'Bukti', 'Tindak Lanjut', 'Keterangan Tindak Lanjut'];
/** The unit's assessor and the admins edit these. */
export const ASSESSOR_COLUMNS: readonly UnitColumn[] = ['Jawaban Verifikasi', 'Catatan Asesor', 'Rekomendasi', 'Batas Waktu'];

export const FOLLOW_UP_VALUES = ['Belum', 'Dalam proses', 'Selesai'] as const;

/** The qualifier's values (empty reads as Tidak; Yes/No are read too). */
export const QUALIFIER_VALUES = ['Ya', 'Tidak'] as const;

export const METADATA_KEYS = { unit: 'pendamping.unit', inactive: 'pendamping.inactive' } as const;

/** Descriptions that mark the protections the add-on owns: on a unit tab, and on each system tab. */
export const PROTECTION_TAGS = {
  sheet: 'pendamping:tab',
  answers: 'pendamping:jawaban',
  assessor: 'pendamping:asesor',
  fillStatus: 'pendamping:status-pengisian',
  verifyStatus: 'pendamping:status-verifikasi',
  qualifier: 'pendamping:predikat',
  system: 'pendamping:sistem',
} as const;

/** The protections of a unit tab that name the unit's PIC or assessor: an inactive tab gives them to the admins alone. */
export const UNIT_PEOPLE_TAGS: readonly string[] = [
  PROTECTION_TAGS.answers,
  PROTECTION_TAGS.assessor,
  PROTECTION_TAGS.fillStatus,
  PROTECTION_TAGS.verifyStatus,
  PROTECTION_TAGS.qualifier,
];

/** The Arsip tab: where data of removed indicators and units goes, never silently deleted. */
export const ARSIP_HEADERS = ['Diarsipkan', 'Kode Unit', 'Nama Tab', 'Alasan', ...HEADERS.unitTable] as const;

/**
 * Rekap: the pinned columns, then the unit's stage (Tahap), whether it moved a category since
 * the last round, its open follow-ups, a link to its tab and its rank among the verified units;
 * then one `Skor {Aspek}` column per aspect of the instrument (RECAP_ASPECT_PREFIX). The count
 * block (categories, stages, moves, open follow-ups, Jenis × Kategori, the trend over the
 * rounds) sits to the right, after one empty column, or after the user's own columns where they
 * added some.
 */
export const RECAP_HEADERS = [...HEADERS.rekap, 'Tahap', 'Perubahan Kategori', 'Tindak Lanjut Terbuka', 'Tab', 'Peringkat'] as const;
export type RecapColumn = (typeof RECAP_HEADERS)[number];
export function recapColumn(name: RecapColumn): number {
  return (RECAP_HEADERS as readonly string[]).indexOf(name);
}
/** How an aspect's column is headed: `Skor {Aspek}`. */
export const RECAP_ASPECT_PREFIX = 'Skor ';
/** Rekap columns other features write (rounds: Skor Putaran Lalu); a rebuild keeps them per Kode. */
export const RECAP_KEPT_COLUMNS: readonly RecapColumn[] = ['Skor Putaran Lalu'];
export const RECAP_COUNT_HEADERS = ['Kategori', 'Jumlah Unit'] as const;
/** The header of the count block's stage rows. */
export const RECAP_STAGE_COUNT_HEADERS = ['Tahap', 'Jumlah Unit'] as const;
/** The first header of the Jenis × Kategori table (the categories follow). */
export const RECAP_JENIS_HEADER = 'Jenis';
/** The first headers of the trend table (the categories follow). */
export const RECAP_TREND_HEADERS = ['Putaran', 'Rata-rata Skor Akhir'] as const;
/** What Perubahan Kategori shows: the category of Skor Akhir against that of Skor Putaran Lalu. */
export const CATEGORY_MOVES = { up: 'Naik', down: 'Turun', same: 'Tetap' } as const;
