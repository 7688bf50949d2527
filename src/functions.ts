// The custom functions, described once as data: scripts/build.mjs renders their JSDoc
// wrappers in dist/Code.js from CUSTOM_FUNCTIONS, and the local runtime registers them in its
// formula engine from the same table. They are pure functions of their arguments, thin over
// the domain's one scoring code, and never throw: a wrong argument gives a '#GALAT: …' text.
// Apps Script passes a range as a 2-D array (empty cells ''), a single cell as a scalar and
// an omitted optional argument as undefined. Cells never show a stack trace, so text is Indonesian.
import { t } from './domain/i18n';
import { checkAspectCoverage, indicatorsFromTable, parseAnswerType, parseAspects, parseCategoryTable, parseWeight, parseYesNo } from './domain/instrument';
import { problemAt, readTable, type Where } from './domain/problems';
import { answerCredit, flatScore, summarize, type Scored } from './domain/scoring';
import { categoryDisplay, categoryOnScale, hasIndex, roundHalfUp, shownScore } from './domain/scale';
import { cellText, parseNumber } from './domain/text';
import type { AnswerRow, Indicator, Problem } from './domain/types';

export interface CustomFunctionParam {
  name: string;
  description: string;
  /** What the formula helper shows as the type, e.g. a range example "F5:F44". */
  example: string;
  optional?: boolean;
}

export interface CustomFunctionSpec {
  name: string;
  description: string;
  params: CustomFunctionParam[];
  returns: string;
  /** The most cells the result fills from the formula cell (a 2-D array spills right and down). */
  resultSize: { rows: number; columns: number };
}

export const CUSTOM_FUNCTIONS: CustomFunctionSpec[] = [
  {
    name: 'SKOR_KEPATUHAN',
    description:
      'Skor kepatuhan 0–100 (tanpa bobot aspek): 100 × Σ bobot·nilai / Σ bobot atas indikator yang berlaku, dibulatkan 2 desimal. Ya = 1, Sebagian = 0,5, Tidak atau kosong = 0, angka k pada jenis 0-N = k/N; N/A yang dibolehkan tidak dihitung. Contoh: =SKOR_KEPATUHAN(F8:F47; D8:D47; E8:E47; N8:N47).',
    params: [
      { name: 'jawaban', example: 'F8:F47', description: 'Jawaban per indikator: Ya, Tidak, Sebagian, N/A atau angka 0..N.' },
      { name: 'bobot', example: 'D8:D47', description: 'Bobot per indikator (angka > 0), sepanjang jawaban.' },
      {
        name: 'jenis_jawaban',
        example: 'E8:E47',
        description: 'Jenis jawaban per indikator (ya-tidak, ya-sebagian-tidak, 0-N) atau satu nilai untuk semua. Bila dikosongkan: ya-sebagian-tidak.',
        optional: true,
      },
      {
        name: 'boleh_na',
        example: 'N8:N47',
        description: 'Ya bila N/A dibolehkan, per indikator atau satu nilai untuk semua. Bila dikosongkan: Tidak.',
        optional: true,
      },
    ],
    returns: 'Skor 0–100 dengan 2 desimal; kosong bila tidak ada indikator yang berlaku.',
    resultSize: { rows: 1, columns: 1 },
  },
  {
    name: 'KATEGORI_KEPATUHAN',
    description:
      'Kategori sebuah skor: baris tabel kategori dengan Skor Minimum tertinggi yang tidak melebihi skor. Contoh: =KATEGORI_KEPATUHAN(C5; Kategori!A:F).',
    params: [
      { name: 'skor', example: 'C5', description: 'Skor 0–100, mis. hasil SKOR_KEPATUHAN.' },
      {
        name: 'tabel_kategori',
        example: 'Kategori!A:F',
        description: 'Tabel kategori beserta baris judulnya: Kategori | Skor Minimum | Keterangan | Zona | Skala (Skala 0-N: Skor Minimum dan kategori pada indeks Skor × N / 100).',
      },
    ],
    returns: 'Nama kategori, mis. Hijau; kosong bila skor kosong.',
    resultSize: { rows: 1, columns: 1 },
  },
  {
    name: 'RINGKASAN_KEPATUHAN',
    description:
      'Ringkasan satu tab unit dalam satu baris: Skor Mandiri, Skor Akhir, Kategori, Jumlah Temuan, Kelengkapan (%), dan dengan Skala 0-N di tabel kategori (selain 0-100) Indeks Mandiri dan Indeks Akhir. Kolom tabel dicari dari judulnya. Contoh: =RINGKASAN_KEPATUHAN(A7:N47; Kategori!A:F; Aspek!A:B).',
    params: [
      {
        name: 'tabel_indikator',
        example: 'A7:N47',
        description:
          'Tabel indikator tab unit beserta baris judulnya, dengan kolom Kode, Aspek, Bobot, Jenis Jawaban, Jawaban Mandiri, Jawaban Verifikasi dan (boleh tidak ada) Boleh N/A.',
      },
      {
        name: 'tabel_kategori',
        example: 'Kategori!A:F',
        description: 'Tabel kategori beserta baris judulnya: Kategori | Skor Minimum | Keterangan | Zona | Skala (Skala 0-N: Skor Minimum dan kategori pada indeks Skor × N / 100).',
      },
      {
        name: 'tabel_aspek',
        example: 'Aspek!A:B',
        description: 'Tabel bobot aspek beserta baris judulnya: Aspek | Bobot Aspek. Kosong atau dikosongkan: tanpa bobot aspek.',
        optional: true,
      },
      {
        name: 'predikat',
        example: 'I5:J5',
        description: 'Predikat unit: sel label (mis. Tanpa Maladministrasi) dan sel nilainya (Ya atau Tidak) di kanannya. Ya: label ditulis setelah kategori. Tidak memengaruhi skor.',
        optional: true,
      },
    ],
    returns:
      'Satu baris lima kolom: Skor Mandiri, Skor Akhir, Kategori (dengan Keterangan dan zonanya, mis. B — Kualitas Tinggi, Zona Hijau, lalu predikat bila Ya), Jumlah Temuan, Kelengkapan; dengan Skala 0-N selain 0-100, tujuh kolom: lalu Indeks Mandiri dan Indeks Akhir, skor pada skala itu (Skor × N / 100, 2 desimal). Selama belum ada jawaban sama sekali, skor, indeks, kategori dan jumlah temuan kosong (bukan 0).',
    resultSize: { rows: 1, columns: 7 },
  },
];

const LANG = 'id';

/** A table argument: a range as given, a single cell as a 1×1 table, an omitted one as no rows. */
function tableOf(arg: unknown): unknown[][] {
  if (arg === undefined) return [];
  if (!Array.isArray(arg)) return [[arg]];
  return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** A list argument (a column or a row), cell by cell. */
function listOf(arg: unknown): unknown[] {
  return tableOf(arg).flat();
}

/** Where the problems of an argument are reported: by the parameter's name. */
function argWhere(name: string): Where {
  return { tab: name, label: name, lang: LANG };
}

/** The cell's error text: the first problem, and how many more there are. */
function errorText(problems: readonly Pick<Problem, 'message'>[]): string {
  const first = problems[0].message;
  const what = problems.length > 1 ? t(LANG, 'fn.more', { what: first, count: problems.length - 1 }) : first;
  return t(LANG, 'fn.error', { what });
}

/** An optional per-indicator argument: one cell applies to all, else it must be as long as jawaban. */
function perIndicator(arg: unknown, name: string, count: number): unknown[] | string {
  const cells = listOf(arg);
  if (cells.length <= 1) return new Array<unknown>(count).fill(cells[0] ?? '');
  if (cells.length === count) return cells;
  return errorText([{ message: t(LANG, 'fn.lengthMismatch', { param: name, count: cells.length, expected: count }) }]);
}

/**
 * =SKOR_KEPATUHAN(jawaban; bobot; [jenis_jawaban]; [boleh_na]): the flat score, or '' when no
 * indicator applies. Rows where jawaban and bobot are both empty are not indicators; an empty
 * jenis_jawaban is ya-sebagian-tidak.
 */
export function SKOR_KEPATUHAN(jawaban: unknown, bobot: unknown, jenis_jawaban?: unknown, boleh_na?: unknown): number | string {
  const answers = listOf(jawaban);
  const weights = perIndicator(bobot, 'bobot', answers.length);
  const types = perIndicator(jenis_jawaban, 'jenis_jawaban', answers.length);
  const allowed = perIndicator(boleh_na, 'boleh_na', answers.length);
  for (const list of [weights, types, allowed]) if (typeof list === 'string') return list;
  const [w, ty, na] = [weights, types, allowed] as unknown[][];
  const problems: Problem[] = [];
  const items: Scored[] = [];
  answers.forEach((answer, i) => {
    const row = i + 1;
    if (cellText(answer) === '' && cellText(w[i]) === '') return;
    const weight = parseWeight(w[i]);
    const type = parseAnswerType(cellText(ty[i]) === '' ? 'ya-sebagian-tidak' : ty[i]);
    const allowNA = parseYesNo(na[i]);
    if (weight === null) problems.push(problemAt(argWhere('bobot'), 'check.weight.invalid', { value: cellText(w[i]) }, row));
    if (type === null) problems.push(problemAt(argWhere('jenis_jawaban'), 'check.answerType.invalid', { value: cellText(ty[i]) }, row));
    if (allowNA === null) problems.push(problemAt(argWhere('boleh_na'), 'check.allowNA.invalid', { value: cellText(na[i]) }, row));
    if (weight === null || type === null || allowNA === null) return;
    items.push({ ind: { weight, aspect: '' }, credit: answerCredit(answer, { answerType: type.type, allowNA }) });
  });
  if (problems.length > 0) return errorText(problems);
  return flatScore(items) ?? '';
}

/** =KATEGORI_KEPATUHAN(skor; tabel_kategori): the category name of the (rounded) score, '' for an empty score. */
export function KATEGORI_KEPATUHAN(skor: unknown, tabel_kategori: unknown): string {
  const cell = listOf(skor)[0] ?? '';
  const categories = parseCategoryTable(tableOf(tabel_kategori), LANG, argWhere('tabel_kategori'));
  if (!categories.ok) return errorText(categories.problems);
  if (cellText(cell) === '') return '';
  const score = parseNumber(cell);
  if (score === null) return errorText([problemAt(argWhere('skor'), 'fn.scoreNotNumber', { value: cellText(cell) })]);
  return categoryOnScale(roundHalfUp(score), categories.value.scale, categories.value.categories)?.name ?? '';
}

const SUMMARY_REQUIRED = ['Kode', 'Aspek', 'Bobot', 'Jenis Jawaban', 'Jawaban Mandiri', 'Jawaban Verifikasi'] as const;
// Dasar Hukum and Bukti Diminta are not on a unit tab: they read as empty.
const SUMMARY_OPTIONAL = ['Boleh N/A', 'Indikator', 'Rekomendasi', 'Dasar Hukum', 'Bukti Diminta'] as const;

/** A unit tab's table argument read as RINGKASAN_KEPATUHAN reads it: its indicators and answers, or the cell's error text. */
function unitTable(tabel_indikator: unknown): { indicators: Indicator[]; answers: AnswerRow[]; problems: Problem[] } | string {
  const where = argWhere('tabel_indikator');
  const table = readTable(tableOf(tabel_indikator), where, SUMMARY_REQUIRED, SUMMARY_OPTIONAL);
  if (!table.ok) return errorText(table.problems);
  const { items, problems } = indicatorsFromTable(table.rows, where, false);
  const answers: AnswerRow[] = table.rows.map((r) => ({ code: r.text('Kode'), self: r.get('Jawaban Mandiri'), verified: r.get('Jawaban Verifikasi') }));
  return { indicators: items.map((i) => i.indicator), answers, problems };
}

/** The qualifier argument (label cell, value cell): the label when the value is Ya, else ''. */
function qualifierOf(predikat: unknown): string {
  const [label, value] = listOf(predikat);
  return parseYesNo(value) === true ? cellText(label) : '';
}

/**
 * =RINGKASAN_KEPATUHAN(tabel_indikator; tabel_kategori; [tabel_aspek]; [predikat]): one row
 * [Skor Mandiri, Skor Akhir, Kategori, Jumlah Temuan, Kelengkapan], '' where there is no value;
 * with a Kategori Skala 0-N other than 0-100, then [Indeks Mandiri, Indeks Akhir], the two
 * scores on that scale as shown everywhere (shownScore). Kategori is shown as everywhere
 * (categoryDisplay: with its Keterangan and zone, then the qualifier when its value is Ya).
 */
export function RINGKASAN_KEPATUHAN(
  tabel_indikator: unknown,
  tabel_kategori: unknown,
  tabel_aspek?: unknown,
  predikat?: unknown,
): (string | number)[][] | string {
  const read = unitTable(tabel_indikator);
  if (typeof read === 'string') return read;
  const { indicators, answers, problems } = read;
  const categories = parseCategoryTable(tableOf(tabel_kategori), LANG, argWhere('tabel_kategori'));
  const aspects = parseAspects(tableOf(tabel_aspek), LANG, argWhere('tabel_aspek'));
  if (!categories.ok) problems.push(...categories.problems);
  if (!aspects.ok) problems.push(...aspects.problems);
  if (aspects.ok) problems.push(...checkAspectCoverage(indicators, aspects.value, LANG, argWhere('tabel_aspek')));
  if (problems.length > 0 || !categories.ok || !aspects.ok) return errorText(problems);
  const s = summarize(indicators, answers, aspects.value, categories.value);
  const { scale } = categories.value;
  const category = categoryDisplay(LANG, s.category, categories.value.categories, qualifierOf(predikat));
  const index = hasIndex(scale) ? [s.selfScore, s.finalScore].map((score) => shownScore(score, scale) ?? '') : [];
  return [[s.selfScore ?? '', s.finalScore ?? '', category, s.findings ?? '', s.completeness ?? '', ...index]];
}
