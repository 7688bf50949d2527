// Reading a unit tab's values, the one place that does: where its table is (the row holding
// Kode and Jawaban Mandiri, never a fixed row number), the label/value pairs of the block above
// it (Putaran, Batas Waktu, status cells), the rows generation carries over by indicator Kode,
// and the indicators and answers scored the way RINGKASAN_KEPATUHAN scores them. Pure: src/sheets
// reads the values (src/sheets/programme.ts) and src/domain/plan/unit-tabs.ts writes the tab.
import { t, type Lang, type MessageKey } from './i18n';
import { indicatorsFromTable, parseYesNo } from './instrument';
import { TANPA_MALADMINISTRASI } from './profiles';
import { columnLetter, isEmptyValue } from './plan/cells';
import { KEPT_COLUMNS, OPTIONAL_UNIT_COLUMNS, UNIT_TAB, UNIT_TAB_LABELS, unitColumn, type UnitColumn } from './plan/layout';
import { problemAt, readTable, tabWhere } from './problems';
import { answerCredit } from './scoring';
import { HEADERS, findColumns } from './tables';
import { cellText, formatIsoDate, normKey } from './text';
import type { AnswerRow, Indicator, Parsed, Problem } from './types';

type Values = readonly (readonly unknown[])[];

/** A unit tab as read: the unit it belongs to (metadata), its id, title and unformatted values from A1. */
export interface UnitTabValues {
  code: string;
  sheetId: number;
  title: string;
  values: Values;
}

/** A zero-based cell of a tab. */
export interface Cell {
  row: number;
  column: number;
}

/** A value of the block above the table: the cell right of its label, and what it holds. */
export interface LabelledCell extends Cell {
  value: unknown;
}

/** Where things are on a unit tab, found by content (never by fixed row numbers). */
export interface UnitTableLayout {
  /** Zero-based row of the table's header (the row holding Kode and Jawaban Mandiri). */
  headerRow: number;
  column: Partial<Record<UnitColumn, number>>;
  /** Every label of the block above the table (normKey) with the cell right of it; the first one of a label wins. */
  labels: ReadonlyMap<string, LabelledCell>;
  /** The header block's round label and deadline cells (right of "Putaran" / "Batas Waktu"), when present. */
  roundCell: LabelledCell | null;
  deadlineCell: LabelledCell | null;
}

/** The tab's status cells (right of "Status Pengisian" / "Status Verifikasi"), when the tab has them. */
export interface UnitTabStatus {
  filling: LabelledCell | null;
  verification: LabelledCell | null;
}

function headerRowOf(values: Values): number {
  return values.findIndex((row) => findColumns(row, ['Kode', 'Jawaban Mandiri'] as const).missing.length === 0);
}

/** Each text cell of the rows above `headerRow` labels the cell right of it. */
function topBlockLabels(values: Values, headerRow: number): Map<string, LabelledCell> {
  const labels = new Map<string, LabelledCell>();
  values.slice(0, headerRow).forEach((cells, row) => {
    cells.forEach((cell, column) => {
      const label = typeof cell === 'string' ? normKey(cell) : '';
      if (label !== '' && !labels.has(label)) labels.set(label, { row, column: column + 1, value: cells[column + 1] ?? '' });
    });
  });
  return labels;
}

/** The layout of a unit tab, or null when it has no table header. */
export function locateUnitTable(values: Values): UnitTableLayout | null {
  const headerRow = headerRowOf(values);
  if (headerRow < 0) return null;
  const labels = topBlockLabels(values, headerRow);
  return {
    headerRow,
    column: findColumns(values[headerRow], HEADERS.unitTable).index,
    labels,
    roundCell: labels.get(normKey(UNIT_TAB_LABELS.round)) ?? null,
    deadlineCell: labels.get(normKey(UNIT_TAB_LABELS.deadline)) ?? null,
  };
}

/** The status cells of a located tab (none on a tab without a table). */
export function statusOf(layout: UnitTableLayout | null): UnitTabStatus {
  return {
    filling: layout?.labels.get(normKey(UNIT_TAB_LABELS.filling)) ?? null,
    verification: layout?.labels.get(normKey(UNIT_TAB_LABELS.verification)) ?? null,
  };
}

/** Every profile's qualifier label (opini-2025: Tanpa Maladministrasi), as a unit tab may hold it. */
const QUALIFIER_LABELS: readonly string[] = [TANPA_MALADMINISTRASI];

/** The qualifier cell of a located tab (right of its label, found by text), when the tab has one. */
export function qualifierCell(layout: UnitTableLayout | null): (LabelledCell & { label: string }) | null {
  for (const label of QUALIFIER_LABELS) {
    const cell = layout?.labels.get(normKey(label));
    if (cell) return { ...cell, label };
  }
  return null;
}

/** The qualifier a tab records, as shown after its category: its label when its value is Ya (or Yes), else ''. */
export function qualifierShown(layout: UnitTableLayout | null): string {
  const cell = qualifierCell(layout);
  return cell && parseYesNo(cell.value) === true ? cell.label : '';
}

/** A unit tab's data rows and statuses as generation carries them over. */
export interface UnitRows {
  /** Kept cells per indicator code (normalised), in KEPT_COLUMNS order; first row of a code wins. */
  kept: Map<string, unknown[]>;
  /** Every data row as unit-table cells, with its code, for the archive. */
  rows: { code: string; cells: unknown[] }[];
  /** The status cells, carried over too. */
  status: UnitTabStatus;
  /** The qualifier's value cell (Tanpa Maladministrasi), carried over too; null on a tab without it. */
  qualifier: LabelledCell | null;
}

/** The data rows below a tab's table header, in unit-table column order, and its statuses; null if the tab has no table. */
export function readUnitRows(values: Values): UnitRows | null {
  const layout = locateUnitTable(values);
  if (!layout) return null;
  const kept = new Map<string, unknown[]>();
  const rows: { code: string; cells: unknown[] }[] = [];
  for (const row of values.slice(layout.headerRow + 1)) {
    const cells = HEADERS.unitTable.map((h) => {
      const at = layout.column[h];
      return at === undefined ? '' : (row[at] ?? '');
    });
    const code = normKey(cells[unitColumn('Kode')]);
    if (code === '' && cells.every(isEmptyValue)) continue;
    rows.push({ code, cells });
    if (code !== '' && !kept.has(code)) kept.set(code, KEPT_COLUMNS.map((c) => cells[unitColumn(c)]));
  }
  return { kept, rows, status: statusOf(layout), qualifier: qualifierCell(layout) };
}

/** What a new round clears on every unit tab (Tindak Lanjut, its Keterangan, Rekomendasi and Batas Waktu stay). */
export const CLEARED_COLUMNS = ['Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi', 'Catatan Asesor'] as const;
/** Every unit-table column a round change writes (the closed round's answer and Bukti carried into the last-round columns); the snapshot keeps them all. */
export const ROUND_COLUMNS = [...CLEARED_COLUMNS, 'Jawaban Putaran Lalu', 'Bukti Putaran Lalu'] as const;
export type RoundColumn = (typeof ROUND_COLUMNS)[number];
/** The follow-up columns the rounds, the mail and Rekap read. */
export const FOLLOW_UP_COLUMNS = ['Tindak Lanjut', 'Keterangan Tindak Lanjut'] as const;

/** One indicator row of a unit tab with everything the rounds look at ('' for a column the tab lacks). */
export interface RoundRow {
  /** Zero-based row on the tab. */
  row: number;
  code: string;
  cells: Record<RoundColumn | (typeof FOLLOW_UP_COLUMNS)[number], unknown>;
}

/** A unit tab read the way RINGKASAN_KEPATUHAN reads it, plus the columns the rounds use. */
export interface UnitAnswers {
  tab: UnitTabValues;
  layout: UnitTableLayout;
  indicators: Indicator[];
  answers: AnswerRow[];
  rows: RoundRow[];
  /** The qualifier shown after the unit's category (its label when the assessor set Ya), '' for none. */
  qualifier: string;
}

/** A unit tab's answers, or the problems that stop the rounds, the mail and Rekap from using it. */
export type UnitTabReading = Parsed<UnitAnswers>;

const SUMMARY_REQUIRED = ['Kode', 'Aspek', 'Bobot', 'Jenis Jawaban', 'Jawaban Mandiri', 'Jawaban Verifikasi'] as const;
const SUMMARY_OPTIONAL = ['Boleh N/A', 'Indikator', 'Rekomendasi', 'Dasar Hukum', 'Bukti Diminta'] as const;
const ROUND_REQUIRED: readonly UnitColumn[] = ([...ROUND_COLUMNS, ...FOLLOW_UP_COLUMNS, 'Batas Waktu', 'Catatan Asesor', 'Rekomendasi'] as UnitColumn[]).filter(
  (c) => !OPTIONAL_UNIT_COLUMNS.includes(c),
);

/**
 * A unit tab's indicators and answers, parsed with the custom function's own rules (the same
 * table reader and indicator parser), or the problems that stop the rounds from using it.
 * `layout` is the tab's, when already located.
 */
export function readUnitAnswers(tab: UnitTabValues, lang: Lang, layout = locateUnitTable(tab.values)): UnitTabReading {
  const where = tabWhere(tab.title, lang);
  if (!layout) return { ok: false, problems: [{ tab: tab.title, message: t(lang, 'tab.unreadable', { tab: tab.title }) }] };
  const missing = ROUND_REQUIRED.filter((c) => layout.column[c] === undefined);
  if (missing.length > 0) {
    const columns = missing.map((c) => `"${c}"`).join(', ');
    return { ok: false, problems: [{ tab: tab.title, message: t(lang, 'round.tabMissingColumns', { tab: tab.title, columns }) }] };
  }
  const tableValues = tab.values.slice(layout.headerRow);
  const table = readTable(tableValues, where, SUMMARY_REQUIRED, SUMMARY_OPTIONAL);
  if (!table.ok) return table;
  const { items, problems } = indicatorsFromTable(table.rows, where, false);
  if (problems.length > 0) return { ok: false, problems };
  const at = (row: readonly unknown[], c: UnitColumn): unknown => {
    const column = layout.column[c];
    return column === undefined ? '' : (row[column] ?? '');
  };
  const rows: RoundRow[] = [];
  const answers: AnswerRow[] = [];
  tab.values.forEach((row, i) => {
    if (i <= layout.headerRow) return;
    const code = cellText(at(row, 'Kode'));
    if (code === '') return;
    const cells = {} as RoundRow['cells'];
    for (const c of [...ROUND_COLUMNS, ...FOLLOW_UP_COLUMNS]) cells[c] = at(row, c);
    rows.push({ row: i, code, cells });
    answers.push({
      code,
      self: at(row, 'Jawaban Mandiri'),
      verified: at(row, 'Jawaban Verifikasi'),
      note: cellText(at(row, 'Catatan Asesor')),
      recommendation: cellText(at(row, 'Rekomendasi')),
      deadline: formatIsoDate(at(row, 'Batas Waktu')) || cellText(at(row, 'Batas Waktu')),
    });
  });
  return { ok: true, value: { tab, layout, indicators: items.map((i) => i.indicator), answers, rows, qualifier: qualifierShown(layout) } };
}

/** A flag of a unit tab: a Problem on that tab, and whether "Buat / perbarui tab unit" repairs it. */
export interface UnitTabFlag extends Problem {
  row: number;
  /** Generation repairs it (a repeated or unknown row goes to Arsip, a moved table is laid out again). */
  repairable: boolean;
}

/** The choices an answer cell of `ind` offers, as its dropdown shows them. */
function choicesOf(ind: Indicator): string {
  const { answerType: type } = ind;
  const base = type.kind === 'ya-tidak' ? ['Ya', 'Tidak'] : type.kind === 'ya-sebagian-tidak' ? ['Ya', 'Sebagian', 'Tidak'] : [`0–${type.max}`];
  return [...base, ...(ind.allowNA ? ['N/A'] : [])].join(', ');
}

/**
 * What a unit tab holds that cannot be scored, each naming its row and column and how to fix
 * it: an answer outside its indicator's choices (typed where no dropdown stopped it, as in
 * Excel), a text Batas Waktu, a row whose Kode repeats an earlier one or is not among the
 * unit's indicators (`indicators`: those of its Jenis), answers on a row without a Kode, and a
 * table header that is not where generation put it. Pure: a tab without a table has no flags
 * (it is reported as unreadable).
 */
export function unitTabFlags(tab: UnitTabValues, indicators: readonly Indicator[], lang: Lang, layout = locateUnitTable(tab.values)): UnitTabFlag[] {
  if (!layout) return [];
  const where = tabWhere(tab.title, lang);
  const flags: UnitTabFlag[] = [];
  const flag = (repairable: boolean, key: MessageKey, params: Record<string, string | number>, row: number, column?: string) =>
    flags.push({ ...problemAt(where, key, params, row, column), row, repairable });
  if (layout.headerRow !== UNIT_TAB.tableHeaderRow) flag(true, 'tab.flag.header', { row: layout.headerRow + 1, expected: UNIT_TAB.tableHeaderRow + 1 }, layout.headerRow + 1);
  const byCode = new Map(indicators.map((ind) => [normKey(ind.code), ind]));
  const first = new Map<string, number>();
  const at = (cells: readonly unknown[], c: UnitColumn): unknown => (layout.column[c] === undefined ? '' : (cells[layout.column[c] as number] ?? ''));
  tab.values.forEach((cells, i) => {
    if (i <= layout.headerRow) return;
    const row = i + 1;
    const code = cellText(at(cells, 'Kode'));
    const key = normKey(code);
    const answered = KEPT_COLUMNS.some((c) => !isEmptyValue(at(cells, c)));
    if (key === '') {
      if (answered) flag(true, 'tab.flag.noCode', {}, row);
      return;
    }
    const seen = first.get(key);
    if (seen !== undefined) return void flag(true, 'tab.flag.duplicate', { code, first: seen }, row, 'Kode');
    first.set(key, row);
    const ind = byCode.get(key);
    if (!ind) return void flag(true, 'tab.flag.unknown', { code }, row, 'Kode');
    for (const column of ['Jawaban Mandiri', 'Jawaban Verifikasi'] as const) {
      const value = at(cells, column);
      if (answerCredit(value, ind).kind === 'invalid') flag(false, 'tab.flag.answer', { column, value: cellText(value), code: ind.code, choices: choicesOf(ind) }, row, column);
    }
    const deadline = at(cells, 'Batas Waktu');
    if (cellText(deadline) !== '' && formatIsoDate(deadline) === '') flag(false, 'tab.flag.deadline', { value: cellText(deadline) }, row, 'Batas Waktu');
  });
  return flags;
}

/** A merged range of a tab, zero-based and end-exclusive, as the Sheets API gives it (Sheet.merges). */
export interface MergedRange {
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** The merges that reach into the table (its header row down, its columns): Sheets reads only their top-left cell. */
export function tableMerges<M extends MergedRange>(merges: readonly M[], layout: UnitTableLayout): M[] {
  const columns = Object.values(layout.column);
  const last = Math.max(...columns);
  return merges.filter((m) => (m.endRowIndex ?? Infinity) > layout.headerRow && (m.startColumnIndex ?? 0) <= last && (m.endColumnIndex ?? Infinity) > Math.min(...columns));
}

/**
 * A flag for each merge that reaches into the table: only its top-left cell is read (Sheets keeps
 * the value there; the other cells are empty). Generation repairs it by unmerging, which keeps
 * that value.
 */
export function mergeFlags(tab: UnitTabValues, merges: readonly MergedRange[], lang: Lang, layout = locateUnitTable(tab.values)): UnitTabFlag[] {
  if (!layout) return [];
  const where = tabWhere(tab.title, lang);
  const header = tab.values[layout.headerRow] ?? [];
  return tableMerges(merges, layout).map((m) => {
    const top = m.startRowIndex ?? 0;
    const left = m.startColumnIndex ?? 0;
    const cell = `${columnLetter(left)}${top + 1}`;
    const range = `${cell}:${columnLetter((m.endColumnIndex ?? left + 1) - 1)}${m.endRowIndex ?? top + 1}`;
    // A merge from the block above the table starts in no column of the table.
    const column = top >= layout.headerRow ? cellText(header[left]) : '';
    return { ...problemAt(where, 'tab.flag.merged', { range, cell }, top + 1, column === '' ? undefined : column), row: top + 1, repairable: true };
  });
}
