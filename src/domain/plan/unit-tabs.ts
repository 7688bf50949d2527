// Deciding, in pure code, what "Buat / perbarui tab unit" does: which unit tabs to create,
// refresh, rename or mark inactive, every cell they get (answers carried over by indicator
// Kode), who may edit what, and which rows go to Arsip. src/sheets only carries it out.
import { t, type Lang, type MessageKey } from '../i18n';
import { indicatorsFor } from '../instrument';
import { ANSWER_WORDS } from '../scoring';
import { HEADERS, findColumns } from '../tables';
import { unitTabName } from '../tabname';
import { normKey } from '../text';
import type { AnswerType, Category, Indicator, Settings, Unit } from '../types';
import { locateUnitTable, readUnitRows, type LabelledCell, type UnitRows } from '../unit-tab';
import { profileQualifier } from '../profiles';
import { hasIndex, type ScoreScale } from '../scale';
import { zoneColourRules } from './category-cells';
import { FILL_VALUES, INITIAL_STATUSES, VERIFY_VALUES } from '../stage';
import { EMPTY, formula, formulaString, isEmptyValue, isoToSerial, kept, num, plannedValue, quoteSheet, text, columnLetter, type PlannedCell } from './cells';
import {
  ARSIP_HEADERS,
  ASSESSOR_COLUMNS,
  FOLLOW_UP_VALUES,
  KEPT_COLUMNS,
  OPTIONAL_UNIT_COLUMNS,
  PIC_COLUMNS,
  PROTECTION_TAGS,
  QUALIFIER_VALUES,
  SUMMARY_HEADERS,
  SUMMARY_INDEX_HEADERS,
  UNIT_TAB,
  UNIT_TAB_LABELS,
  unitColumn,
  type UnitColumn,
} from './layout';

/** A unit tab found in the workbook by its `pendamping.unit` metadata. */
export interface ExistingUnitTab {
  sheetId: number;
  title: string;
  code: string;
  inactive: boolean;
  rowCount: number;
  /** The tab's cells as read (unformatted values), first row first. */
  values: unknown[][];
}

/** Zero-based, half-open cell block on one tab. */
export interface Block {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

export interface PlannedProtection {
  tag: (typeof PROTECTION_TAGS)[keyof typeof PROTECTION_TAGS];
  /** null = the whole sheet. */
  block: Block | null;
  /** Only for the whole-sheet protection: the blocks it leaves to the range protections. */
  unprotected: Block[];
  editors: string[];
}

export interface PlannedColourRule {
  /** A custom formula over the category cell. */
  formula: string;
  background: string;
}

/**
 * A block of planned cells written from (row, column): `all` its values and formats, notes and
 * dropdowns; `values` only the values; `look` only the notes, dropdowns, wrapping, number
 * formats and shading (what a PIC's link or rich text in the cell survives).
 */
export interface PlannedWrite {
  row: number;
  column: number;
  cells: PlannedCell[][];
  fields: 'all' | 'values' | 'look';
}

export interface UnitTabPlan {
  code: string;
  kind: 'create' | 'refresh';
  sheetId: number;
  title: string;
  /** The current title when the tab is renamed. */
  renamedFrom?: string;
  /** The whole tab from A1, UNIT_TAB.width cells a row; trailing blank rows clear what the old table left. */
  rows: PlannedCell[][];
  /**
   * Zero-based columns to insert first, one after the other (a refreshed tab that lacks a column
   * added to the table since: what sits there and to its right moves right, intact).
   */
  insertColumns: number[];
  /** What `rows` takes to write: a new tab whole, a refreshed one without rewriting a people's cell whose value is unchanged. */
  writes: PlannedWrite[];
  /** Rows the grid needs (the header block and the table, no more for a new tab). */
  rowCount: number;
  frozenRows: number;
  protections: PlannedProtection[];
  colourRules: PlannedColourRule[];
  /** The tab was inactive and its unit is back. */
  reactivate: boolean;
}

export interface DeactivationPlan {
  code: string;
  sheetId: number;
  title: string;
  titleCell: PlannedCell;
  /** The new editors of the tab's answer protections: the admins only. */
  editors: string[];
}

export interface UnitTabsInput {
  lang: Lang;
  settings: Settings;
  indicators: readonly Indicator[];
  categories: readonly Category[];
  /** The scale Kategori declares: with 0-N (not 0-100) the summary heads the index it spills too. */
  scale: ScoreScale;
  /** Valid units, in Unit order. */
  units: readonly Unit[];
  /** Kode (any case) of every row of Unit, valid or not: a tab whose Kode is here is never deactivated. */
  listedCodes: readonly string[];
  /** The Tab column of Unit as read, per Kode (normalised), to tell our last name from a user's rename. */
  recordedTabs: ReadonlyMap<string, string>;
  existing: readonly ExistingUnitTab[];
  /** Titles of every tab in the workbook. */
  titles: readonly string[];
  admins: readonly string[];
  /** First sheet id free for new tabs (ids of the workbook and of this plan never collide). */
  firstFreeSheetId: number;
  /** When the archive rows are written, as shown in Arsip. */
  archivedAt: string;
}

export interface UnitTabsPlan {
  tabs: UnitTabPlan[];
  deactivations: DeactivationPlan[];
  /** Rows for Arsip, ARSIP_HEADERS wide. */
  archive: PlannedCell[][];
  /** Final tab title per unit Kode (normalised). */
  tabOf: Map<string, string>;
  /** Units whose tab could not be read (its table header was changed): left untouched, with a status. */
  unreadable: Map<string, string>;
}

const HEADER_BACKGROUND = '#e8eaed';
/** The shading of the cells the unit's PIC edits, and of those only its assessor (and the admins) edit: the legend says which is which. */
export const ROLE_COLOURS = { pic: '#cfe2f3', assessor: '#ead1dc' } as const;
/** Where the legend sits in the top block (H2: the PIC's colour, H3: the assessor's). */
const LEGEND_COLUMN = 7;

/** The allowed answers of an indicator in words, as the answer cells' note shows them: "Ya / Sebagian / Tidak", "0 sampai 3". */
export function answersInWords(lang: Lang, type: AnswerType, allowNA: boolean): string {
  const base = type.kind === 'scale' ? t(lang, 'core.answers.scale', { max: type.max }) : answerChoices(type, false).join(' / ');
  return allowNA ? `${base} / ${t(lang, 'core.answers.na')}` : base;
}

/** The dropdown of an answer column: the vocabulary of the indicator's Jenis Jawaban, plus N/A where allowed. */
export function answerChoices(type: AnswerType, allowNA: boolean): string[] {
  const base =
    type.kind === 'ya-tidak'
      ? ['Ya', 'Tidak']
      : type.kind === 'ya-sebagian-tidak'
        ? ['Ya', 'Sebagian', 'Tidak']
        : Array.from({ length: type.max + 1 }, (_, k) => String(k));
  return allowNA ? [...base, 'N/A'] : base;
}

function uniqueEmails(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const e of list) if (e.trim() !== '') seen.add(e.trim().toLowerCase());
  return [...seen].sort();
}

function span(columns: readonly UnitColumn[]): { start: number; end: number } {
  const idx = columns.map(unitColumn);
  const start = Math.min(...idx);
  const end = Math.max(...idx) + 1;
  if (end - start !== idx.length) throw new Error(`columns ${columns.join(', ')} are not side by side`);
  return { start, end };
}

/** A system tab (settings, instrument, units, Rekap, ledger, history…): the whole sheet, admins only. */
export function systemProtection(admins: readonly string[]): PlannedProtection {
  return { tag: PROTECTION_TAGS.system, block: null, unprotected: [], editors: uniqueEmails([admins]) };
}

/** The value cell of a status in the top block (right of its label). */
function statusBlock(row: number): Block {
  const column = UNIT_TAB.statusLabelColumn + 1;
  return { startRow: row, endRow: row + 1, startColumn: column, endColumn: column + 1 };
}

/** Status Pengisian's value cell (E2), which the unit's PIC, its assessor and the admins may set. */
export const FILL_STATUS_CELL: Block = statusBlock(UNIT_TAB.fillStatusRow);
/** Status Verifikasi's value cell (E3), which only the unit's assessor and the admins may set. */
export const VERIFY_STATUS_CELL: Block = statusBlock(UNIT_TAB.verifyStatusRow);

/** The qualifier's value cell (J5, right of its label), which, like Status Verifikasi, only the unit's assessor and the admins may set. */
export const QUALIFIER_CELL: Block = {
  startRow: UNIT_TAB.summaryRow,
  endRow: UNIT_TAB.summaryRow + 1,
  startColumn: UNIT_TAB.qualifierLabelColumn + 1,
  endColumn: UNIT_TAB.qualifierLabelColumn + 2,
};

/**
 * Who may edit what, in Sheets semantics (a cell is editable by a user only if every
 * protection containing it lists that user; the owner always may): the whole sheet for the
 * admins, except the answer block and the two status cells; the answer block (PIC and assessor
 * columns, side by side) for PIC + assessor + admins; inside it the assessor columns for
 * assessor + admins; Status Pengisian for PIC + assessor + admins; Status Verifikasi for
 * assessor + admins.
 */
export function unitProtections(
  dataRows: number,
  admins: readonly string[],
  pic: readonly string[],
  assessors: readonly string[],
  qualifier = false,
): PlannedProtection[] {
  const answers = span([...PIC_COLUMNS, ...ASSESSOR_COLUMNS]);
  const assessor = span(ASSESSOR_COLUMNS);
  const rows = { startRow: UNIT_TAB.firstDataRow, endRow: UNIT_TAB.firstDataRow + dataRows };
  const answerBlock: Block = { ...rows, startColumn: answers.start, endColumn: answers.end };
  const everyone = uniqueEmails([admins, pic, assessors]);
  const checkers = uniqueEmails([admins, assessors]);
  const range = (tag: PlannedProtection['tag'], block: Block, editors: string[]): PlannedProtection => ({ tag, block, unprotected: [], editors });
  return [
    {
      tag: PROTECTION_TAGS.sheet,
      block: null,
      unprotected: [...(dataRows > 0 ? [answerBlock] : []), FILL_STATUS_CELL, VERIFY_STATUS_CELL, ...(qualifier ? [QUALIFIER_CELL] : [])],
      editors: uniqueEmails([admins]),
    },
    range(PROTECTION_TAGS.answers, answerBlock, everyone),
    range(PROTECTION_TAGS.assessor, { ...rows, startColumn: assessor.start, endColumn: assessor.end }, checkers),
    range(PROTECTION_TAGS.fillStatus, FILL_STATUS_CELL, everyone),
    range(PROTECTION_TAGS.verifyStatus, VERIFY_STATUS_CELL, checkers),
    ...(qualifier ? [range(PROTECTION_TAGS.qualifier, QUALIFIER_CELL, checkers)] : []),
  ];
}

/** The summary's category cell (D5), which the zone colours paint. */
export const CATEGORY_CELL: Block = {
  startRow: UNIT_TAB.summaryRow,
  endRow: UNIT_TAB.summaryRow + 1,
  startColumn: UNIT_TAB.summaryColumn + SUMMARY_HEADERS.indexOf('Kategori'),
  endColumn: UNIT_TAB.summaryColumn + SUMMARY_HEADERS.indexOf('Kategori') + 1,
};

/** Conditional colours of the category cell: one rule per zone, from Kategori. */
export function categoryColourRules(categories: readonly Category[]): PlannedColourRule[] {
  return zoneColourRules(`$${columnLetter(CATEGORY_CELL.startColumn)}$${CATEGORY_CELL.startRow + 1}`, categories);
}

function holdsData(cells: readonly unknown[]): boolean {
  return KEPT_COLUMNS.some((c) => !isEmptyValue(cells[unitColumn(c)]));
}

const bold = { bold: true, background: HEADER_BACKGROUND };

/**
 * A status as the tab will hold it: a known value in its canonical spelling, an empty one at
 * its start, anything else as typed (never lost; it reads as the start).
 */
function statusValue(read: unknown, values: readonly string[], initial: string): PlannedCell {
  const known = values.find((v) => normKey(v) === normKey(read));
  if (known !== undefined) return text(known);
  return isEmptyValue(read) ? text(initial) : kept(read);
}

/** A status's label, with a note saying who sets it, and its value cell with its dropdown, shaded for who sets it. */
function statusCells(label: string, note: string, value: PlannedCell, values: readonly string[], background: string): PlannedCell[] {
  return [{ ...text(label, { bold: true }), note }, { ...value, style: { ...value.style, background }, dropdown: { values, strict: true } }];
}

/** The note on each header of the unit table: what the column holds and who fills it. */
const COLUMN_NOTES: Record<UnitColumn, MessageKey> = {
  Kode: 'core.column.code',
  Aspek: 'core.column.aspect',
  Indikator: 'core.column.indicator',
  Bobot: 'core.column.weight',
  'Jenis Jawaban': 'core.column.answerType',
  'Jawaban Mandiri': 'core.column.self',
  Bukti: 'core.column.evidence',
  'Jawaban Verifikasi': 'core.column.verified',
  'Catatan Asesor': 'core.column.note',
  Rekomendasi: 'core.column.recommendation',
  'Batas Waktu': 'core.column.deadline',
  'Tindak Lanjut': 'core.column.followUp',
  'Keterangan Tindak Lanjut': 'core.column.followUpNote',
  'Jawaban Putaran Lalu': 'core.column.previous',
  'Bukti Putaran Lalu': 'core.column.previousEvidence',
  'Boleh N/A': 'core.column.allowNA',
  Nilai: 'core.column.credit',
};

/** A1 address of a zero-based cell. */
function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** The qualifier's label and value cells, right of the summary, and the range RINGKASAN_KEPATUHAN reads them from (I5:J5). */
function qualifierCells(label: string, lang: Lang, read: LabelledCell | null): { cells: PlannedCell[]; range: string } {
  const value = statusValue(read?.value, QUALIFIER_VALUES, QUALIFIER_VALUES[1]);
  const row = UNIT_TAB.summaryRow + 1;
  return {
    cells: statusCells(label, t(lang, 'core.qualifier.note'), value, QUALIFIER_VALUES, ROLE_COLOURS.assessor).map((c, i) => (i === 0 ? { ...c, style: { ...c.style, wrap: true } } : c)),
    range: `${columnLetter(UNIT_TAB.qualifierLabelColumn)}${row}:${columnLetter(UNIT_TAB.qualifierLabelColumn + 1)}${row}`,
  };
}

/** The block above the table; `old` is the old tab's (null for a new tab). */
function headerBlock(unit: Unit, input: UnitTabsInput, indicatorCount: number, old: UnitRows | null): PlannedCell[][] {
  const status = old?.status ?? null;
  const { settings, lang } = input;
  const width = UNIT_TAB.width;
  const row = (cells: PlannedCell[]): PlannedCell[] => [...cells, ...Array<PlannedCell>(width - cells.length).fill(EMPTY)];
  const deadline = isoToSerial(settings.batasWaktu);
  const lastRow = UNIT_TAB.firstDataRow + indicatorCount;
  const table = `A${UNIT_TAB.tableHeaderRow + 1}:${columnLetter(width - 1)}${lastRow}`;
  // Kategori's every column, Skala included: the category is looked up on the scale it declares.
  // With the profile's qualifier (opini-2025), its label and value cells (I5:J5) follow the summary and the index it may spill (G5:H5).
  const label = profileQualifier(settings.profil);
  const qualifier = label === null ? null : qualifierCells(label, lang, old?.qualifier ?? null);
  const summary = `=RINGKASAN_KEPATUHAN(${table},${quoteSheet('Kategori')}!A:${columnLetter(HEADERS.kategori.length - 1)},${quoteSheet('Aspek')}!A:B${qualifier ? `,${qualifier.range}` : ''})`;
  const gap = Array<PlannedCell>(UNIT_TAB.statusLabelColumn - 2).fill(EMPTY);
  const legendGap = Array<PlannedCell>(LEGEND_COLUMN - UNIT_TAB.statusLabelColumn - 2).fill(EMPTY);
  const fill = statusValue(status?.filling?.value, FILL_VALUES, INITIAL_STATUSES.fill);
  const verify = statusValue(status?.verification?.value, VERIFY_VALUES, INITIAL_STATUSES.verify);
  const valueColumn = UNIT_TAB.statusLabelColumn + 1;
  const guide = t(lang, 'core.guide', {
    fill: a1(UNIT_TAB.fillStatusRow, valueColumn),
    verify: a1(UNIT_TAB.verifyStatusRow, valueColumn),
    deadline: a1(UNIT_TAB.deadlineRow, 1),
  });
  return [
    row([text(`${unit.code} — ${unit.name}`, { bold: true })]),
    row([
      text(UNIT_TAB_LABELS.round, { bold: true }),
      text(settings.putaran),
      ...gap,
      ...statusCells(UNIT_TAB_LABELS.filling, t(lang, 'core.status.fill.note'), fill, FILL_VALUES, ROLE_COLOURS.pic),
      ...legendGap,
      text(t(lang, 'core.legend.pic'), { background: ROLE_COLOURS.pic }),
    ]),
    row([
      text(UNIT_TAB_LABELS.deadline, { bold: true }),
      deadline === null ? EMPTY : num(deadline, { format: 'date' }),
      ...gap,
      ...statusCells(UNIT_TAB_LABELS.verification, t(lang, 'core.status.verify.note'), verify, VERIFY_VALUES, ROLE_COLOURS.assessor),
      ...legendGap,
      text(t(lang, 'core.legend.assessor'), { background: ROLE_COLOURS.assessor }),
    ]),
    row([
      EMPTY,
      ...SUMMARY_HEADERS.map((h) => text(h, bold)),
      ...(hasIndex(input.scale) ? SUMMARY_INDEX_HEADERS.map((h) => ({ ...text(h, bold), note: t(lang, 'core.summary.index.note', { max: input.scale.max }) })) : []),
    ]),
    row([
      text(UNIT_TAB_LABELS.result, { bold: true }),
      formula(summary),
      ...(qualifier ? [...Array<PlannedCell>(UNIT_TAB.qualifierLabelColumn - 2).fill(EMPTY), ...qualifier.cells] : []),
    ]),
    row([text(UNIT_TAB_LABELS.guide, { bold: true }), text(guide)]),
    HEADERS.unitTable.map((h) => ({ ...text(h, { ...bold, wrap: true }), note: t(lang, COLUMN_NOTES[h]) })),
  ];
}

const KEPT_STYLE: Partial<Record<UnitColumn, PlannedCell['style']>> = {
  Bukti: { wrap: true },
  'Catatan Asesor': { wrap: true },
  Rekomendasi: { wrap: true },
  'Batas Waktu': { format: 'date' },
  'Tindak Lanjut': {},
};

/**
 * The row's Nilai: the credit its effective answer earns (Jawaban Verifikasi where filled in,
 * else Jawaban Mandiri), as RINGKASAN_KEPATUHAN counts it (src/domain/scoring.ts answerCredit):
 * 1, 0.5, k/N or 0 for an answer outside the vocabulary; "N/A" where allowed; empty before any
 * answer. A plain formula over the row's cells, so it follows each answer at once.
 */
export function creditFormula(ind: Pick<Indicator, 'answerType' | 'allowNA'>, row: number): string {
  const cell = (column: UnitColumn) => `TRIM(${columnLetter(unitColumn(column))}${row + 1}&"")`;
  const answer = `IF(${cell('Jawaban Verifikasi')}<>"",${cell('Jawaban Verifikasi')},${cell('Jawaban Mandiri')})`;
  const na = ind.allowNA ? '"N/A"' : '0';
  const words = (list: readonly string[], credit: string | number) => list.map((w) => `${formulaString(w)},${credit}`);
  const type = ind.answerType;
  const cases =
    type.kind === 'scale'
      ? [...words(ANSWER_WORDS.notApplicable, na), `IFERROR(IF(AND(VALUE(${answer})=INT(VALUE(${answer})),VALUE(${answer})>=0,VALUE(${answer})<=${type.max}),VALUE(${answer})/${type.max},0),0)`]
      : [
          ...words(ANSWER_WORDS.yes, 1),
          ...words(ANSWER_WORDS.no, 0),
          ...(type.kind === 'ya-sebagian-tidak' ? words(ANSWER_WORDS.partial, 0.5) : []),
          ...words(ANSWER_WORDS.notApplicable, na),
          '0',
        ];
  return `=IF(${answer}="","",SWITCH(LOWER(${answer}),${cases.join(',')}))`;
}

function indicatorRow(lang: Lang, ind: Indicator, keptCells: readonly unknown[] | undefined, row: number): PlannedCell[] {
  const choices = answerChoices(ind.answerType, ind.allowNA);
  const cells: PlannedCell[] = Array<PlannedCell>(UNIT_TAB.width).fill(EMPTY);
  const put = (column: UnitColumn, cell: PlannedCell) => (cells[unitColumn(column)] = cell);
  put('Kode', text(ind.code));
  put('Aspek', text(ind.aspect, { wrap: true }));
  put('Indikator', text(ind.text, { wrap: true }));
  put('Bobot', num(ind.weight));
  put('Jenis Jawaban', text(ind.answerTypeText));
  put('Boleh N/A', text(ind.allowNA ? 'Ya' : 'Tidak'));
  put('Nilai', formula(creditFormula(ind, row), { format: 'decimal' }));
  // Who edits a cell shows in its colour (ROLE_COLOURS, the legend in the top block).
  const shade = (column: UnitColumn) =>
    PIC_COLUMNS.includes(column) ? { background: ROLE_COLOURS.pic } : ASSESSOR_COLUMNS.includes(column) ? { background: ROLE_COLOURS.assessor } : {};
  KEPT_COLUMNS.forEach((column, i) => put(column, kept(keptCells?.[i], { ...KEPT_STYLE[column], ...shade(column) })));
  const withNote = (column: UnitColumn, note: string) => {
    if (note !== '') cells[unitColumn(column)] = { ...cells[unitColumn(column)], note };
  };
  withNote('Indikator', ind.legalBasis === '' ? '' : `Dasar hukum: ${ind.legalBasis}`);
  withNote('Bukti', ind.evidence === '' ? '' : `Bukti diminta: ${ind.evidence}`);
  withNote('Rekomendasi', ind.recommendation === '' ? '' : `Rekomendasi instrumen: ${ind.recommendation}`);
  // The allowed answers in words first, then the rubric: a PIC never needs the Jenis Jawaban code.
  const answers = t(lang, 'core.answers.note', { answers: answersInWords(lang, ind.answerType, ind.allowNA) });
  for (const column of ['Jawaban Mandiri', 'Jawaban Verifikasi'] as const) {
    cells[unitColumn(column)] = { ...cells[unitColumn(column)], dropdown: { values: choices, strict: true } };
    withNote(column, ind.rubric ? `${answers}\n${ind.rubric}` : answers);
  }
  cells[unitColumn('Tindak Lanjut')] = { ...cells[unitColumn('Tindak Lanjut')], dropdown: { values: FOLLOW_UP_VALUES, strict: true } };
  return cells;
}

/**
 * The columns to insert into an old tab that lacks a column added to the table since
 * (OPTIONAL_UNIT_COLUMNS; only where something sits at or right of its place from the header row
 * down), and the tab's values
 * as they will be once inserted: every answer then sits where the plan compares it.
 */
export function missingColumns(values: readonly (readonly unknown[])[]): { insert: number[]; values: unknown[][] } {
  let grid = values.map((r) => [...r]);
  const layout = locateUnitTable(grid);
  const insert: number[] = [];
  if (!layout) return { insert, values: grid };
  HEADERS.unitTable.forEach((name, at) => {
    if (!OPTIONAL_UNIT_COLUMNS.includes(name) || findColumns(grid[layout.headerRow], [name]).missing.length === 0) return;
    if (!grid.slice(layout.headerRow).some((r) => r.slice(at).some((c) => !isEmptyValue(c)))) return;
    insert.push(at);
    grid = grid.map((r) => (r.length > at ? [...r.slice(0, at), '', ...r.slice(at)] : r));
  });
  return { insert, values: grid };
}

function sameValue(planned: PlannedCell, old: unknown): boolean {
  const now = plannedValue(planned);
  return now === (old === null || old === undefined ? '' : old) && planned.value.kind !== 'formula';
}

/**
 * A refreshed tab's writes: the top block and the columns people do not fill, whole; the people's
 * columns' notes, dropdowns and formats; and their values only where they change (one block per
 * run of rows whose changed cells span the same columns), so a PIC's link or HYPERLINK in an
 * unchanged Bukti stays as it is.
 */
export function refreshWrites(rows: readonly PlannedCell[][], old: readonly (readonly unknown[])[]): PlannedWrite[] {
  const first = UNIT_TAB.firstDataRow;
  const { start, end } = span(KEPT_COLUMNS);
  const writes: PlannedWrite[] = [{ row: 0, column: 0, cells: rows.slice(0, first), fields: 'all' }];
  const data = rows.slice(first);
  if (data.length === 0) return writes;
  writes.push(
    { row: first, column: 0, cells: data.map((r) => r.slice(0, start)), fields: 'all' },
    { row: first, column: end, cells: data.map((r) => r.slice(end)), fields: 'all' },
    { row: first, column: start, cells: data.map((r) => r.slice(start, end)), fields: 'look' },
  );
  let run: PlannedWrite | null = null;
  data.forEach((r, i) => {
    const changed = r.slice(start, end).flatMap((cell, j) => (sameValue(cell, old[first + i]?.[start + j]) ? [] : [start + j]));
    if (changed.length === 0) {
      run = null;
      return;
    }
    const [from, to] = [changed[0], changed[changed.length - 1] + 1];
    const cells = r.slice(from, to);
    if (run && run.column === from && run.cells[0].length === cells.length && run.row + run.cells.length === first + i) run.cells.push(cells);
    else writes.push((run = { row: first + i, column: from, cells: [cells], fields: 'values' }));
  });
  return writes;
}

function archiveRow(input: UnitTabsInput, code: string, title: string, reason: string, cells: readonly unknown[]): PlannedCell[] {
  return [text(input.archivedAt), text(code), text(title), text(reason), ...cells.map((c) => kept(c))].slice(0, ARSIP_HEADERS.length);
}

/** The whole plan of "Buat / perbarui tab unit" (see the file comment). */
export function planUnitTabs(input: UnitTabsInput): UnitTabsPlan {
  const byCode = new Map<string, ExistingUnitTab>();
  for (const tab of input.existing) if (!byCode.has(normKey(tab.code))) byCode.set(normKey(tab.code), tab);
  const listed = new Set(input.listedCodes.map(normKey));
  const taken = new Set(input.titles.map((title) => title.toLowerCase()));
  const colourRules = categoryColourRules(input.categories);
  const instrumentCodes = new Set(input.indicators.map((i) => normKey(i.code)));
  const plan: UnitTabsPlan = { tabs: [], deactivations: [], archive: [], tabOf: new Map(), unreadable: new Map() };
  let nextSheetId = input.firstFreeSheetId;

  for (const unit of input.units) {
    const key = normKey(unit.code);
    const old = byCode.get(key);
    const oldTable = old ? readUnitRows(old.values) : null;
    // A column added to the table since the tab was made goes in where it belongs, moving what is right of it.
    const migrated = old && oldTable ? missingColumns(old.values) : { insert: [], values: [] };
    if (old && !oldTable) {
      plan.unreadable.set(key, t(input.lang, 'core.status.tableUnreadable', { tab: old.title }));
      plan.tabOf.set(key, old.title);
      continue;
    }
    if (old) taken.delete(old.title.toLowerCase());
    const wanted = unitTabName(unit.code, unit.name, taken);
    // Rename only a tab that still has the name we gave it; a name a user chose is kept.
    const keepTitle = old && (old.title === wanted || old.title !== input.recordedTabs.get(key));
    const title = old && keepTitle ? old.title : wanted;
    taken.add(title.toLowerCase());
    plan.tabOf.set(key, title);

    // The indicators of the unit's Jenis (Instrumen "Berlaku Untuk"); one that no longer applies goes to Arsip as a removed one.
    const indicators = indicatorsFor(input.indicators, unit.type);
    const indicatorCodes = new Set(indicators.map((i) => normKey(i.code)));
    const rows = [
      ...headerBlock(unit, input, indicators.length, oldTable),
      ...indicators.map((ind, i) => indicatorRow(input.lang, ind, oldTable?.kept.get(normKey(ind.code)), UNIT_TAB.firstDataRow + i)),
    ];
    const contentRows = rows.length;
    while (old && rows.length < old.values.length) rows.push(Array<PlannedCell>(UNIT_TAB.width).fill(EMPTY));
    const writes: PlannedWrite[] = old ? refreshWrites(rows, migrated.values) : [{ row: 0, column: 0, cells: rows, fields: 'all' }];
    // Rows not carried over (indicator removed, no Kode, or a repeated Kode) go to Arsip if they hold anything.
    const carried = new Set<string>();
    for (const r of oldTable?.rows ?? []) {
      const carriedOver = indicatorCodes.has(r.code) && !carried.has(r.code);
      if (carriedOver) carried.add(r.code);
      else if (old && holdsData(r.cells)) {
        const reason = instrumentCodes.has(r.code) && !carried.has(r.code) ? 'core.archive.indicatorNotApplicable' : 'core.archive.indicatorRemoved';
        plan.archive.push(archiveRow(input, unit.code, old.title, t(input.lang, reason), r.cells));
      }
    }
    plan.tabs.push({
      code: unit.code,
      kind: old ? 'refresh' : 'create',
      sheetId: old ? old.sheetId : nextSheetId++,
      title,
      ...(old && old.title !== title ? { renamedFrom: old.title } : {}),
      rows,
      insertColumns: migrated.insert,
      writes,
      rowCount: old ? Math.max(old.rowCount, contentRows) : contentRows,
      frozenRows: UNIT_TAB.tableHeaderRow + 1,
      protections: unitProtections(indicators.length, input.admins, unit.picEmails, unit.assessorEmails, profileQualifier(input.settings.profil) !== null),
      colourRules,
      reactivate: old?.inactive ?? false,
    });
  }

  for (const [key, tab] of byCode) {
    if (listed.has(key) || tab.inactive) continue;
    const oldTable = readUnitRows(tab.values);
    for (const r of oldTable?.rows ?? []) {
      if (holdsData(r.cells)) plan.archive.push(archiveRow(input, tab.code, tab.title, t(input.lang, 'core.archive.unitRemoved'), r.cells));
    }
    const title = String(tab.values[UNIT_TAB.titleRow]?.[0] ?? tab.code);
    plan.deactivations.push({
      code: tab.code,
      sheetId: tab.sheetId,
      title: tab.title,
      titleCell: text(t(input.lang, 'core.inactiveTitle', { title }), { bold: true }),
      editors: uniqueEmails([input.admins]),
    });
  }
  return plan;
}
