// The shapes the domain works on. Values read from the workbook are parsed into these by
// settings.ts, instrument.ts and units.ts; scoring.ts computes over them.
import type { Lang } from './i18n';
import type { ScoreScale } from './scale';

/** How an indicator is answered (Instrumen "Jenis Jawaban"). */
export type AnswerType = { kind: 'ya-tidak' } | { kind: 'ya-sebagian-tidak' } | { kind: 'scale'; max: number };

export interface Indicator {
  code: string;
  aspect: string;
  text: string;
  weight: number;
  answerType: AnswerType;
  /** The canonical "Jenis Jawaban" text: 'ya-tidak', 'ya-sebagian-tidak' or '0-N'. */
  answerTypeText: string;
  allowNA: boolean;
  recommendation: string;
  legalBasis: string;
  evidence: string;
  /** Instrumen "Berlaku Untuk": the unit Jenis it applies to, as written; absent or empty = every unit. */
  appliesTo?: readonly string[];
  /** Instrumen "Panduan Skor": what each answer means (the rubric ladder); absent or '' = none. */
  rubric?: string;
}

export interface Category {
  name: string;
  min: number;
  description: string;
  zone: 'Hijau' | 'Kuning' | 'Merah';
}

/** The Kategori tab read whole: its categories and the scale their minimums (and the figure shown) are on. */
export interface CategoryTable {
  categories: Category[];
  scale: ScoreScale;
}

export interface AspectWeight {
  aspect: string;
  weight: number;
}

export interface Settings {
  namaKegiatan: string;
  instansiPenilai: string;
  profil: string;
  putaran: string;
  /** 'yyyy-mm-dd' or '' */
  batasWaktu: string;
  emailAdmin: string[];
  emailBalasan: string;
  bahasa: Lang;
  /** Pengaturan kirim_tanda_terima (issue 5): a unit with no finding gets an acknowledgement; only Tidak/No turns it off. */
  kirimTandaTerima: boolean;
  /** Pengaturan pengingat_otomatis (issue 7): the hourly reminder trigger is on; only Ya/Yes turns it on. */
  pengingatOtomatis: boolean;
  /**
   * Pengaturan penandatangan_nama / penandatangan_jabatan (issue 14): who signs the rapor and the
   * findings email; '' (parseSettings) or absent = nobody named.
   */
  penandatanganNama?: string;
  penandatanganJabatan?: string;
  /** Pengaturan lampirkan_rapor (issue 14): the findings email carries the unit's rapor (PDF); only Tidak/No turns it off (absent = Ya). */
  lampirkanRapor?: boolean;
}

export interface Unit {
  /** 1-based sheet row in Unit */
  row: number;
  code: string;
  name: string;
  type: string;
  picName: string;
  picEmails: string[];
  assessorEmails: string[];
  /** Unit's optional Nama Pimpinan / Jabatan Pimpinan (issue 14): the head of the agency the findings are addressed to; '' when not filled. */
  headName?: string;
  headTitle?: string;
}

/** Something wrong in the workbook that the user can fix; `message` is localized and says how. */
export interface Problem {
  tab: string;
  row?: number;
  column?: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** One indicator's answers on a unit tab, keyed by indicator code. */
export interface AnswerRow {
  code: string;
  self: unknown;
  verified: unknown;
  note?: string;
  recommendation?: string;
  deadline?: string;
}

export interface Summary {
  selfScore: number | null;
  finalScore: number | null;
  /** Category name of the rounded final score; '' when there is no score. */
  category: string;
  /** Jumlah Temuan; null when the unit has no answer at all (not assessed). */
  findings: number | null;
  /** Percent of the self-assessment filled in; null when nothing can be answered. */
  completeness: number | null;
}

export interface Finding {
  code: string;
  /** The indicator's Aspek (the findings are grouped by it). */
  aspect: string;
  text: string;
  /** The effective answer as displayed, '' if none. */
  answer: string;
  status: 'unanswered' | 'invalid' | 'partial' | 'no';
  note: string;
  recommendation: string;
  deadline: string;
  /** The indicator's Bukti Diminta: the evidence asked, '' if none. */
  evidence: string;
}
