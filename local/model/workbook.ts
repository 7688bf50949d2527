// Creating and querying the in-memory workbook, and the rules Sheets applies to what goes in it:
// USER_ENTERED parsing, sheet names, the 10-million-cell grid limit.
import { randomBytes } from 'node:crypto';
import { dateToSerial, isDateFormat, parseDateText } from './dates';
import type { CellData, GridRange, Scalar, SheetModel, WorkbookModel } from './types';

export { columnIndex, columnLetters, formatA1, parseA1Range, quoteSheetName, RANGE_NOT_FOUND, type A1Range } from './a1';
export { dateToSerial, isDateFormat, parseDateText, serialToEpochMs } from './dates';

/** A new Google Sheet's tab: 1,000 rows × 26 columns. */
export const DEFAULT_ROW_COUNT = 1000;
export const DEFAULT_COLUMN_COUNT = 26;
/** Cells in one spreadsheet, every tab's whole grid counted. */
export const MAX_WORKBOOK_CELLS = 10_000_000;
export const MAX_SHEET_NAME_LENGTH = 100;

/** Sheets' error text when a change would pass the cell limit. */
export const GRID_LIMIT_MESSAGE =
  `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`;

export interface NewWorkbookOptions {
  owner: string;
  title?: string;
  timeZone?: string;
  locale?: string;
  spreadsheetId?: string;
}

export function newWorkbook({
  owner,
  title = 'Untitled spreadsheet',
  timeZone = 'Asia/Jakarta',
  locale = 'id_ID',
  spreadsheetId = randomBytes(33).toString('base64url'),
}: NewWorkbookOptions): WorkbookModel {
  return {
    spreadsheetId,
    title,
    locale,
    timeZone,
    owner,
    sheets: [emptySheet(0, 'Sheet1')],
    documentProperties: {},
    mailQuota: [],
    nextId: 1,
  };
}

/** A copy of a cell: its own format and spill origin; what an .xlsx file held (deep) copied only where present. */
function cloneCell(cell: CellData | undefined): CellData | undefined {
  if (cell === undefined) return undefined;
  const copy: CellData = { ...cell };
  if (cell.format) {
    copy.format = { ...cell.format };
    if (cell.format.fileStyle !== undefined) copy.format.fileStyle = structuredClone(cell.format.fileStyle);
  }
  if (cell.spilledFrom) copy.spilledFrom = { ...cell.spilledFrom };
  if (cell.fileValue !== undefined) copy.fileValue = structuredClone(cell.fileValue);
  return copy;
}

/**
 * A deep copy of a sheet's cells, empty rows and cells left as holes (as structuredClone would, and
 * several times faster: a generation copies its template tab once per unit).
 */
export function cloneRows(rows: SheetModel['rows']): SheetModel['rows'] {
  return rows.map((row) => row?.map(cloneCell));
}

export function emptySheet(sheetId: number, title: string, rowCount = DEFAULT_ROW_COUNT, columnCount = DEFAULT_COLUMN_COUNT): SheetModel {
  return {
    sheetId,
    title,
    hidden: false,
    rowCount,
    columnCount,
    frozenRowCount: 0,
    frozenColumnCount: 0,
    rows: [],
    columnWidths: {},
    merges: [],
    dataValidations: [],
    conditionalFormats: [],
    protectedRanges: [],
    developerMetadata: [],
    charts: [],
  };
}

/** A fresh id for a sheet, protected range, metadata entry or chart: ids are never reused. */
export function allocateId(workbook: WorkbookModel): number {
  const id = workbook.nextId;
  workbook.nextId += 1;
  return id;
}

/**
 * Where each sheet id and lower-cased title stood in a sheets array when it was last indexed. The
 * array is changed in place (sheets added, removed, replaced, renamed), so a position is only a
 * hint, checked at every use: a stale one makes the lookup scan the array and index it again.
 */
interface SheetPositions {
  byId: Map<number, number>;
  byTitle: Map<string, number>;
}
const sheetPositions = new WeakMap<SheetModel[], SheetPositions>();

function indexSheets(sheets: SheetModel[]): SheetPositions {
  const positions: SheetPositions = { byId: new Map(), byTitle: new Map() };
  sheets.forEach((sheet, i) => {
    if (!positions.byId.has(sheet.sheetId)) positions.byId.set(sheet.sheetId, i);
    const title = sheet.title.toLowerCase();
    if (!positions.byTitle.has(title)) positions.byTitle.set(title, i);
  });
  sheetPositions.set(sheets, positions);
  return positions;
}

/**
 * The sheet `matches` accepts (ids and titles are unique in a workbook): where the index says it
 * is, else by a scan, which indexes the array again when it finds it.
 */
function findSheet(sheets: SheetModel[], hint: (positions: SheetPositions) => number | undefined, matches: (sheet: SheetModel) => boolean): SheetModel | undefined {
  const positions = sheetPositions.get(sheets);
  const at = positions ? hint(positions) : undefined;
  if (at !== undefined && at < sheets.length && matches(sheets[at])) return sheets[at];
  const found = sheets.find(matches);
  if (found) indexSheets(sheets);
  return found;
}

export function sheetById(workbook: WorkbookModel, sheetId: number): SheetModel | undefined {
  return findSheet(workbook.sheets, (p) => p.byId.get(sheetId), (s) => s.sheetId === sheetId);
}

/** Sheet names are matched case-insensitively, as Sheets does. */
export function sheetByTitle(workbook: WorkbookModel, title: string): SheetModel | undefined {
  const wanted = title.toLowerCase();
  return findSheet(workbook.sheets, (p) => p.byTitle.get(wanted), (s) => s.title.toLowerCase() === wanted);
}

/** Content = what a user typed: a formula or a value (a spilled value is computed, not content). */
export function hasContent(cell: CellData | undefined): boolean {
  if (!cell) return false;
  return cell.formula !== undefined || (cell.value !== undefined && cell.spilledFrom === undefined);
}

export function workbookCellCount(workbook: WorkbookModel): number {
  return workbook.sheets.reduce((n, s) => n + s.rowCount * s.columnCount, 0);
}

/** Throws Sheets' error when adding `extraCells` to the grid would pass the limit. */
export function assertGridLimit(workbook: WorkbookModel, extraCells: number): void {
  if (extraCells > 0 && workbookCellCount(workbook) + extraCells > MAX_WORKBOOK_CELLS) throw new Error(GRID_LIMIT_MESSAGE);
}

/** Why a sheet name is refused, or undefined when it may be used. */
export function sheetNameProblem(workbook: WorkbookModel, name: string, exceptSheetId?: number): string | undefined {
  if (name.trim() === '') return 'Sheet names cannot be empty.';
  if (name.length > MAX_SHEET_NAME_LENGTH) return `Sheet names cannot be longer than ${MAX_SHEET_NAME_LENGTH} characters.`;
  const taken = sheetByTitle(workbook, name);
  if (taken && taken.sheetId !== exceptSheetId) return `A sheet with the name "${name}" already exists. Please enter another name.`;
  return undefined;
}

/** The first free "Sheet<n>" name, as Sheets names a new tab. */
export function defaultSheetName(workbook: WorkbookModel): string {
  for (let n = workbook.sheets.length + 1; ; n += 1) {
    if (!sheetByTitle(workbook, `Sheet${n}`)) return `Sheet${n}`;
  }
}

/**
 * The name Sheet.copyTo gives a copy: "Copy of [original name]" (Apps Script's reference, in
 * English whatever the spreadsheet's locale, as new tabs are "Sheet<n>"), then " 2", " 3" … while taken.
 */
export function copySheetName(workbook: WorkbookModel, title: string): string {
  const base = `Copy of ${title}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!sheetByTitle(workbook, name)) return name;
  }
}

/** What a write puts in a cell: a formula or a value, and the number format Sheets derives from the input. */
export interface EnteredContent {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PERCENT_TEXT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * USER_ENTERED semantics (what typing into a cell, Range.setValue(s) and valueInputOption
 * USER_ENTERED do): '=…' is a formula; a leading apostrophe forces text and is dropped; numbers,
 * percentages, TRUE/FALSE and dates typed as text are parsed; a JS Date becomes a date serial in
 * the spreadsheet's zone. A cell formatted as plain text ('@') keeps what is typed as text.
 */
export function userEnteredToCell(value: unknown, options: { timeZone?: string; currentFormat?: string } = {}): EnteredContent {
  const { timeZone = 'Asia/Jakarta', currentFormat } = options;
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: String(value) };
  if (typeof value === 'boolean') return { value };
  if (isDateValue(value)) {
    const serial = dateToSerial(value, timeZone);
    if (isDateFormat(currentFormat)) return { value: serial };
    const midnight = Math.abs(serial - Math.round(serial)) < 1e-9;
    return { value: serial, numberFormat: midnight ? 'dd/MM/yyyy' : 'dd/MM/yyyy HH:mm:ss' };
  }
  const text = String(value);
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  if (currentFormat === '@') return { value: text };
  const trimmed = text.trim();
  if (NUMBER_TEXT.test(trimmed)) return { value: Number(trimmed) };
  const percent = PERCENT_TEXT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: '0%' };
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  const date = parseDateText(trimmed);
  if (date) return isDateFormat(currentFormat) ? { value: date.serial } : { value: date.serial, numberFormat: date.numberFormat };
  return { value: text };
}

/** The grid range a sheet's bounds close: open ends become the sheet's edges. */
export function closedRange(sheet: SheetModel, range: GridRange): Required<GridRange> {
  return {
    sheetId: range.sheetId,
    startRowIndex: range.startRowIndex ?? 0,
    endRowIndex: range.endRowIndex ?? sheet.rowCount,
    startColumnIndex: range.startColumnIndex ?? 0,
    endColumnIndex: range.endColumnIndex ?? sheet.columnCount,
  };
}

export function rangeContains(sheet: SheetModel, range: GridRange, row: number, column: number): boolean {
  const r = closedRange(sheet, range);
  return row >= r.startRowIndex && row < r.endRowIndex && column >= r.startColumnIndex && column < r.endColumnIndex;
}

export function rangesIntersect(sheet: SheetModel, a: GridRange, b: GridRange): boolean {
  if (a.sheetId !== b.sheetId) return false;
  const x = closedRange(sheet, a);
  const y = closedRange(sheet, b);
  return x.startRowIndex < y.endRowIndex && y.startRowIndex < x.endRowIndex && x.startColumnIndex < y.endColumnIndex && y.startColumnIndex < x.endColumnIndex;
}

/** Is the range the whole sheet (a sheet protection's range carries only the sheetId)? */
export function isWholeSheet(range: GridRange): boolean {
  return range.startRowIndex === undefined && range.endRowIndex === undefined && range.startColumnIndex === undefined && range.endColumnIndex === undefined;
}

/** The parts of `a` outside `b` (at most four rectangles), both closed to the sheet's grid. */
export function subtractRange(sheet: SheetModel, a: GridRange, b: GridRange): GridRange[] {
  if (!rangesIntersect(sheet, a, b)) return [a];
  const x = closedRange(sheet, a);
  const y = closedRange(sheet, b);
  const out: GridRange[] = [];
  const rows = (start: number, end: number, left: number, right: number) => {
    if (start < end && left < right) out.push({ sheetId: a.sheetId, startRowIndex: start, endRowIndex: end, startColumnIndex: left, endColumnIndex: right });
  };
  const top = Math.max(x.startRowIndex, y.startRowIndex);
  const bottom = Math.min(x.endRowIndex, y.endRowIndex);
  rows(x.startRowIndex, top, x.startColumnIndex, x.endColumnIndex);
  rows(bottom, x.endRowIndex, x.startColumnIndex, x.endColumnIndex);
  rows(top, bottom, x.startColumnIndex, Math.max(x.startColumnIndex, y.startColumnIndex));
  rows(top, bottom, Math.min(x.endColumnIndex, y.endColumnIndex), x.endColumnIndex);
  return out;
}

/** Rectangles covering a set of cells: runs down each column, side-by-side equal runs joined. */
export function rectangles(sheetId: number, cells: { row: number; column: number }[]): GridRange[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, column } of cells) byColumn.set(column, [...(byColumn.get(column) ?? []), row]);
  const runs: { column: number; start: number; end: number }[] = [];
  for (const [column, rows] of [...byColumn.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i += 1) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        runs.push({ column, start, end: rows[i - 1] + 1 });
        if (i < rows.length) start = rows[i];
      }
    }
  }
  const out: GridRange[] = [];
  for (const run of runs) {
    const left = out.find(
      (g) => g.endColumnIndex === run.column && g.startRowIndex === run.start && g.endRowIndex === run.end,
    );
    if (left) left.endColumnIndex = run.column + 1;
    else out.push({ sheetId, startRowIndex: run.start, endRowIndex: run.end, startColumnIndex: run.column, endColumnIndex: run.column + 1 });
  }
  return out;
}
