// Parsing the methodology tabs: Instrumen (indicators), Aspek (optional aspect weights) and
// Kategori (score categories). Every problem is collected, each naming tab, row and the fix.
import type { Lang, MessageKey } from './i18n';
import { eachDuplicate, problemAt, readTable, tabWhere, type TableRow, type Where } from './problems';
import { SCORE_SCALE, parseScale, zeroToN, type ScoreScale } from './scale';
import { HEADERS, TABS, findColumns } from './tables';
import { cellText, hiddenCharacter, isBlankRow, normKey, parseNumber } from './text';
import type { AnswerType, AspectWeight, Category, CategoryTable, Indicator, Parsed, Problem } from './types';

/** A "Jenis Jawaban": 'ya-tidak', 'ya-sebagian-tidak' or '0-N' (N = 1..10), case-insensitive; null if unknown. */
export function parseAnswerType(value: unknown): { type: AnswerType; text: string } | null {
  const text = normKey(value);
  if (text === 'ya-tidak') return { type: { kind: 'ya-tidak' }, text };
  if (text === 'ya-sebagian-tidak') return { type: { kind: 'ya-sebagian-tidak' }, text };
  const max = zeroToN(text) ?? 0;
  return max >= 1 && max <= 10 ? { type: { kind: 'scale', max }, text: `0-${max}` } : null;
}

/** A "Berlaku Untuk" cell: the Jenis values it names, comma separated, trimmed, empty ones left out. */
function parseAppliesTo(value: unknown): string[] {
  return cellText(value)
    .split(',')
    .map((jenis) => jenis.trim())
    .filter((jenis) => jenis !== '');
}

/**
 * The indicators that apply to a unit of this Jenis: those whose Berlaku Untuk is empty (every
 * unit) or names the Jenis, compared trimmed and case-insensitively. Instrument order is kept.
 */
export function indicatorsFor(instrument: readonly Indicator[], jenis: string): Indicator[] {
  const key = normKey(jenis);
  return instrument.filter((ind) => {
    const kinds = ind.appliesTo ?? [];
    return kinds.length === 0 || kinds.some((j) => normKey(j) === key);
  });
}

/** A "Boleh N/A" cell: Ya/Yes/TRUE → true, Tidak/No/FALSE/empty → false, anything else null. */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = normKey(value);
  if (text === 'ya' || text === 'yes' || text === 'true') return true;
  if (text === '' || text === 'tidak' || text === 'no' || text === 'false') return false;
  return null;
}

/** The largest Bobot and Bobot Aspek: any sum of them stays a plain finite number. */
export const MAX_WEIGHT = 1000;

/** A weight cell: a number > 0 and at most MAX_WEIGHT, or null. */
export function parseWeight(value: unknown): number | null {
  const n = parseNumber(value);
  return n !== null && n > 0 && n <= MAX_WEIGHT ? n : null;
}

/** The problem of a refused weight cell: `tooBig` for a number above MAX_WEIGHT, else `notPositive`. */
function weightProblem(where: Where, value: unknown, row: number, column: string, notPositive: MessageKey, tooBig: MessageKey): Problem {
  const n = parseNumber(value);
  const key = n !== null && n > MAX_WEIGHT ? tooBig : notPositive;
  return problemAt(where, key, { value: cellText(value), max: MAX_WEIGHT }, row, column);
}

/** The problem of a code holding an invisible character (zero-width, bidi control), or null. */
export function hiddenProblem(where: Where, text: string, row: number, column: string): Problem | null {
  const char = hiddenCharacter(text);
  return char === null ? null : problemAt(where, 'check.hidden', { column, char }, row, column);
}

/** The columns an indicator is scored from: a unit tab's table has them too. */
type IndicatorColumn = Exclude<(typeof HEADERS.instrumen)[number], InstrumentOnlyColumn>;
/** Columns only Instrumen has; Keterangan (where an indicator comes from) is for the reader and is not read. */
type InstrumentOnlyColumn = 'Berlaku Untuk' | 'Panduan Skor' | 'Keterangan';
const INSTRUMENT_REQUIRED: IndicatorColumn[] = ['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban'];
const INSTRUMENT_OPTIONAL: (IndicatorColumn | InstrumentOnlyColumn)[] = ['Boleh N/A', 'Rekomendasi', 'Dasar Hukum', 'Bukti Diminta', 'Berlaku Untuk', 'Panduan Skor'];

/**
 * Indicators from the rows of a header-keyed table (the Instrumen tab, or a unit tab's table
 * in a custom function): Kode present and unique, Bobot > 0, a known Jenis Jawaban and Boleh
 * N/A, and (when `requireText`) the Indikator text.
 */
export function indicatorsFromTable(
  rows: readonly TableRow<IndicatorColumn>[],
  where: Where,
  requireText: boolean,
): { items: { row: number; indicator: Indicator }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const items: { row: number; indicator: Indicator }[] = [];
  for (const r of rows) {
    const before = problems.length;
    const code = r.text('Kode').normalize('NFC');
    if (code === '') problems.push(problemAt(where, 'check.code.empty', {}, r.row, 'Kode'));
    const hidden = hiddenProblem(where, code, r.row, 'Kode');
    if (hidden) problems.push(hidden);
    const text = r.text('Indikator');
    if (requireText && text === '') problems.push(problemAt(where, 'check.indicator.emptyText', {}, r.row, 'Indikator'));
    const weight = parseWeight(r.get('Bobot'));
    if (weight === null) problems.push(weightProblem(where, r.get('Bobot'), r.row, 'Bobot', 'check.weight.invalid', 'check.weight.range'));
    const answerType = parseAnswerType(r.get('Jenis Jawaban'));
    if (answerType === null) {
      problems.push(problemAt(where, 'check.answerType.invalid', { value: r.text('Jenis Jawaban') }, r.row, 'Jenis Jawaban'));
    }
    const allowNA = parseYesNo(r.get('Boleh N/A'));
    if (allowNA === null) problems.push(problemAt(where, 'check.allowNA.invalid', { value: r.text('Boleh N/A') }, r.row, 'Boleh N/A'));
    if (problems.length > before || weight === null || answerType === null || allowNA === null) continue;
    items.push({
      row: r.row,
      indicator: {
        code,
        aspect: r.text('Aspek'),
        text,
        weight,
        answerType: answerType.type,
        answerTypeText: answerType.text,
        allowNA,
        recommendation: r.text('Rekomendasi'),
        legalBasis: r.text('Dasar Hukum'),
        evidence: r.text('Bukti Diminta'),
      },
    });
  }
  eachDuplicate(
    rows.map((r) => ({ row: r.row, code: r.text('Kode').normalize('NFC') })),
    (r) => r.code,
    (r, first) => problems.push(problemAt(where, 'check.code.duplicate', { code: r.code, first }, r.row, 'Kode')),
  );
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { items, problems };
}

/** The Instrumen tab (rows including the header row), with each indicator's Berlaku Untuk and Panduan Skor. */
export function parseInstrument(rows: readonly (readonly unknown[])[], lang: Lang): Parsed<Indicator[]> {
  const where = tabWhere(TABS.instrumen, lang);
  const table = readTable(rows, where, INSTRUMENT_REQUIRED, INSTRUMENT_OPTIONAL);
  if (!table.ok) return table;
  const { items, problems } = indicatorsFromTable(table.rows, where, true);
  if (table.rows.length === 0) problems.push(problemAt(where, 'check.instrument.none'));
  if (problems.length > 0) return { ok: false, problems };
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  return {
    ok: true,
    value: items.map(({ row, indicator }) => ({
      ...indicator,
      appliesTo: parseAppliesTo(byRow.get(row)?.get('Berlaku Untuk')),
      rubric: byRow.get(row)?.text('Panduan Skor') ?? '',
    })),
  };
}

/** The value when no problem was found, else the problems. */
function finish<T>(problems: Problem[], value: T): Parsed<T> {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** The Aspek tab. Empty, absent (no rows) or header only: no aspect weights (flat scoring). */
export function parseAspects(
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  where: Where = tabWhere(TABS.aspek, lang),
): Parsed<AspectWeight[]> {
  const headerOnly = rows.length === 0 || isBlankRow(rows[0]) || findColumns(rows[0], HEADERS.aspek).missing.length === 0;
  if (headerOnly && rows.slice(1).every((row) => isBlankRow(row))) return { ok: true, value: [] };
  const table = readTable(rows, where, ['Aspek', 'Bobot Aspek']);
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const value: (AspectWeight & { row: number })[] = [];
  for (const r of table.rows) {
    const aspect = r.text('Aspek');
    const weight = parseWeight(r.get('Bobot Aspek'));
    if (aspect === '') problems.push(problemAt(where, 'check.aspect.emptyName', {}, r.row, 'Aspek'));
    if (weight === null) problems.push(weightProblem(where, r.get('Bobot Aspek'), r.row, 'Bobot Aspek', 'check.aspect.weight', 'check.aspect.weightRange'));
    if (aspect !== '' && weight !== null) value.push({ aspect, weight, row: r.row });
  }
  eachDuplicate(
    table.rows.map((r) => ({ row: r.row, aspect: r.text('Aspek') })),
    (r) => r.aspect,
    (r, first) => problems.push(problemAt(where, 'check.aspect.duplicate', { name: r.aspect, first }, r.row, 'Aspek')),
  );
  return finish(problems, value.map(({ aspect, weight }) => ({ aspect, weight })));
}

/**
 * With aspect weights, an indicator whose aspect is not listed would silently not count:
 * one problem (on the Aspek tab) per such aspect.
 */
export function checkAspectCoverage(
  indicators: readonly Indicator[],
  aspects: readonly AspectWeight[],
  lang: Lang,
  where: Where = tabWhere(TABS.aspek, lang),
): Problem[] {
  if (aspects.length === 0) return [];
  const listed = new Set(aspects.map((a) => normKey(a.aspect)));
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const ind of indicators) {
    const key = normKey(ind.aspect);
    if (listed.has(key) || reported.has(key)) continue;
    reported.add(key);
    problems.push(problemAt(where, 'check.aspect.unlisted', { name: ind.aspect }));
  }
  return problems;
}

const ZONES: readonly Category['zone'][] = ['Hijau', 'Kuning', 'Merah'];

/** The Skala of the Kategori rows: the one value its filled cells hold (0-100 when none), and the problems. */
function scaleOf(rows: readonly TableRow<'Skala'>[], where: Where): { scale: ScoreScale; problems: Problem[] } {
  const problems: Problem[] = [];
  let first: { row: number; text: string; scale: ScoreScale } | null = null;
  for (const r of rows) {
    const text = r.text('Skala');
    if (text === '') continue;
    const scale = parseScale(text);
    if (scale === null) problems.push(problemAt(where, 'check.category.scale', { value: text }, r.row, 'Skala'));
    else if (first === null) first = { row: r.row, text, scale };
    else if (scale.max !== first.scale.max) {
      problems.push(problemAt(where, 'check.category.scaleMixed', { value: text, first: first.text, firstRow: first.row }, r.row, 'Skala'));
    }
  }
  return { scale: first?.scale ?? SCORE_SCALE, problems };
}

/**
 * The Kategori tab: names and minimums unique, minimums from 0 to the Skala's N (100 without
 * Skala) with one at 0, Zona Hijau/Kuning/Merah, one Skala for the whole table.
 */
export function parseCategoryTable(
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  where: Where = tabWhere(TABS.kategori, lang),
): Parsed<CategoryTable> {
  const table = readTable(rows, where, ['Kategori', 'Skor Minimum', 'Zona'], ['Keterangan', 'Skala']);
  if (!table.ok) return table;
  const { scale, problems } = scaleOf(table.rows, where);
  const value: Category[] = [];
  const mins: { row: number; min: string }[] = [];
  for (const r of table.rows) {
    const name = r.text('Kategori');
    const min = parseNumber(r.get('Skor Minimum'));
    const zone = ZONES.find((z) => z.toLowerCase() === normKey(r.get('Zona')));
    if (name === '') problems.push(problemAt(where, 'check.category.emptyName', {}, r.row, 'Kategori'));
    if (min === null || min < 0 || min > scale.max) {
      problems.push(problemAt(where, 'check.category.min', { value: r.text('Skor Minimum'), max: scale.max }, r.row, 'Skor Minimum'));
    } else mins.push({ row: r.row, min: String(min) });
    if (zone === undefined) problems.push(problemAt(where, 'check.category.zone', { value: r.text('Zona') }, r.row, 'Zona'));
    if (name !== '' && min !== null && zone !== undefined) value.push({ name, min, description: r.text('Keterangan'), zone });
  }
  eachDuplicate(
    table.rows.map((r) => ({ row: r.row, name: r.text('Kategori') })),
    (r) => r.name,
    (r, first) => problems.push(problemAt(where, 'check.category.duplicateName', { name: r.name, first }, r.row, 'Kategori')),
  );
  eachDuplicate(mins, (m) => m.min, (m, first) =>
    problems.push(problemAt(where, 'check.category.duplicateMin', { value: m.min, first }, m.row, 'Skor Minimum')),
  );
  if (!mins.some((m) => m.min === '0')) problems.push(problemAt(where, 'check.category.noZero'));
  problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return finish(problems, { categories: value, scale });
}

/** The categories of the Kategori tab (see parseCategoryTable). */
export function parseCategories(
  rows: readonly (readonly unknown[])[],
  lang: Lang,
  where: Where = tabWhere(TABS.kategori, lang),
): Parsed<Category[]> {
  const parsed = parseCategoryTable(rows, lang, where);
  return parsed.ok ? { ok: true, value: parsed.value.categories } : parsed;
}
