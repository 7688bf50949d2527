// .xlsx load and save (exceljs). What a spreadsheet application shows lives in the native
// parts of the file: values, formulas with their cached results, number and date formats,
// cell styles and notes, column widths, frozen panes, merges, hidden sheets, tab colours,
// data-validation lists and the conditional formats Excel can express. What .xlsx cannot hold
// (protections with editor lists, developer metadata, document properties, the mail quota
// window, triggers, sheet ids, grid sizes, validations and formats in their exact Sheets form,
// spilled and error cells) goes as JSON into the hidden sheet `_pendamping_meta`, so a
// save/load round trip loses nothing. A workbook exported from Google Sheets (no meta sheet)
// loads from its native parts alone. What the file holds beyond the model (fonts, borders,
// rich text, hyperlinks, row heights, images …) is carried to the next save (local/xlsx-carry.ts).
// A file that is not an .xlsx workbook, or is damaged, is refused with a WorkbookFileError.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { mapOutsideStrings } from './model/formula-text';
import type {
  BooleanCondition,
  CellData,
  ConditionalFormatRule,
  DataValidationEntry,
  DataValidationRule,
  GridRange,
  Scalar,
  SheetModel,
  WorkbookModel,
} from './model/types';
import { allocateId, closedRange, dateToSerial, emptySheet, formatA1, newWorkbook, parseA1Range, rectangles } from './model/workbook';
import { atomicWriteFile } from './workbook-file';
import {
  argbToHex,
  columnWidthFor,
  fileSheetParts,
  formatOfFileStyle,
  hexToArgb,
  sheetView,
  styleOfFormat,
  widthToPx,
  writeFileSheetParts,
  type FileSheetParts,
} from './xlsx-carry';

export const META_SHEET = '_pendamping_meta';
/** Excel's limit is 32,767 characters per cell; keep a margin. */
const META_CHUNK_CHARS = 32_000;
export const META_VERSION = 1;
const DEFAULT_COLUMN_WIDTH_PX = 100;
/** Error codes Excel knows; others (Sheets' '#ERROR!') are written as '#VALUE!' natively, exact in the meta sheet. */
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
/**
 * Functions Excel added after 2007 must carry the `_xlfn.` prefix in the file or Excel shows
 * #NAME?; Sheets (and the model) write them bare.
 */
const EXCEL_FUTURE_FUNCTIONS = [
  'IFNA', 'IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'XLOOKUP', 'XMATCH', 'FILTER', 'SORT', 'SORTBY',
  'UNIQUE', 'SEQUENCE', 'DAYS', 'ISOWEEKNUM', 'NUMBERVALUE',
];
const FUTURE_CALL = new RegExp(`(^|[^A-Za-z0-9_.])(${EXCEL_FUTURE_FUNCTIONS.join('|')})\\(`, 'gi');
const FILE_PREFIXES = /_xlfn\.|_xludf\.|_xlws\./gi;

/** Per-cell facts .xlsx cannot hold: [row, column, extras]. */
type CellExtra = [number, number, Pick<CellData, 'spilledFrom' | 'error' | 'value'>];

interface SheetMeta extends Omit<SheetModel, 'rows' | 'merges' | 'fileParts'> {
  cellExtras: CellExtra[];
}

interface Meta {
  version: number;
  workbook: Omit<WorkbookModel, 'sheets'>;
  sheets: SheetMeta[];
}

export interface LoadOptions {
  /** Owner of a workbook that has no meta sheet (exported from Google Sheets). */
  owner?: string;
  /** Time zone of such a workbook (default Asia/Jakarta). */
  timeZone?: string;
}

// ---------------------------------------------------------------- shared helpers

function a1Of(sheet: SheetModel, range: GridRange): string {
  const r = closedRange(sheet, range);
  return formatA1(r.startRowIndex, r.startColumnIndex, r.endRowIndex - r.startRowIndex, r.endColumnIndex - r.startColumnIndex);
}

function gridRangeOf(sheetId: number, a1: string): GridRange {
  const r = parseA1Range(a1);
  return { sheetId, startRowIndex: r.startRow, endRowIndex: r.endRow, startColumnIndex: r.startColumn, endColumnIndex: r.endColumn };
}

// ---------------------------------------------------------------- save

function toFileFormula(formula: string): string {
  return mapOutsideStrings(formula.slice(1), (code) => code.replace(FUTURE_CALL, (_m, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}(`));
}

function nativeResult(cell: CellData): ExcelJS.CellValue {
  if (cell.error !== undefined) {
    const code = String(cell.value);
    return { error: (EXCEL_ERRORS.has(code) ? code : '#VALUE!') as ExcelJS.ErrorValue };
  }
  return cell.value ?? null;
}

/** What of a cell the native file cannot hold exactly. */
function cellExtrasOf(cell: CellData): CellExtra[2] | undefined {
  const extras: CellExtra[2] = {};
  if (cell.spilledFrom !== undefined) extras.spilledFrom = cell.spilledFrom;
  if (cell.error !== undefined) extras.error = cell.error;
  // An empty-text formula result, or an error code Excel does not have.
  if (cell.value === '' || (cell.error !== undefined && !EXCEL_ERRORS.has(String(cell.value)))) extras.value = cell.value;
  return Object.keys(extras).length > 0 ? extras : undefined;
}

function writeCell(target: ExcelJS.Cell, cell: CellData): void {
  if (cell.formula !== undefined) {
    target.value = { formula: toFileFormula(cell.formula), result: nativeResult(cell) } as ExcelJS.CellFormulaValue;
  } else if (cell.fileValue !== undefined && scalarOf(cell.fileValue).value === cell.value) {
    target.value = structuredClone(cell.fileValue) as ExcelJS.CellValue;
  } else if (cell.value !== undefined) {
    target.value = nativeResult(cell);
  }
  if (cell.format) target.style = styleOfFormat(cell.format);
  if (cell.note !== undefined) target.note = cell.note;
}

const stripEquals = (text: string) => (text.startsWith('=') ? text.slice(1) : text);

/**
 * The Excel form of a validation rule: the add-on makes dropdowns only (ONE_OF_LIST). A rule of
 * another kind read from a file stays in the file's own form (FileSheetParts.validations).
 */
function nativeValidation(rule: DataValidationRule): ExcelJS.DataValidation | undefined {
  const values = (rule.condition.values ?? []).map((v) => v.userEnteredValue);
  const list = `"${values.join(',')}"`;
  if (rule.condition.type !== 'ONE_OF_LIST' || values.some((v) => /[,"]/.test(v)) || list.length > 257) return undefined;
  return {
    type: 'list',
    formulae: [list],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.strict === false ? 'warning' : 'stop',
    ...(rule.inputMessage ? { showInputMessage: true, prompt: rule.inputMessage } : {}),
  };
}

/** The Excel form of a conditional format: the add-on's are custom formulas (a rule of another kind read from a file stays in its own form). */
function nativeConditionalFormat(rule: ConditionalFormatRule, priority: number): ExcelJS.ConditionalFormattingRule | undefined {
  const { condition, format } = rule.booleanRule;
  const formula = condition.values?.[0]?.userEnteredValue;
  if (condition.type !== 'CUSTOM_FORMULA' || !formula) return undefined;
  const style: Partial<ExcelJS.Style> = {
    ...(format.backgroundColor ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(format.backgroundColor) } } } : {}),
    ...(format.fontColor || format.bold
      ? { font: { ...(format.fontColor ? { color: { argb: hexToArgb(format.fontColor) } } : {}), ...(format.bold ? { bold: true } : {}) } }
      : {}),
  };
  return { type: 'expression', priority, formulae: [stripEquals(formula)], style };
}

interface NativeSheetParts {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
}
const nativeParts = (ws: ExcelJS.Worksheet) => ws as unknown as NativeSheetParts;

/** Whether the model still reads a file form as it did (both readings come from one function, so their JSON is comparable). */
const sameReading = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The file form of a validation: the one it was read from while its rule is unchanged. */
function validationToWrite(entry: DataValidationEntry): ExcelJS.DataValidation | undefined {
  const file = entry.fileRule as ExcelJS.DataValidation | undefined;
  if (file && sameReading(ruleFromNative(file), entry.rule)) return structuredClone(file);
  return nativeValidation(entry.rule);
}

/** The file form of a conditional format: the one it was read from while its rule is unchanged. */
function conditionalFormatToWrite(rule: ConditionalFormatRule, priority: number): ExcelJS.ConditionalFormattingRule | undefined {
  const file = rule.fileRule as ExcelJS.ConditionalFormattingRule | undefined;
  if (file && sameReading(booleanRuleFromNative(file), rule.booleanRule)) return { ...structuredClone(file), priority };
  return nativeConditionalFormat(rule, priority);
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel): SheetMeta {
  const parts = sheet.fileParts as FileSheetParts | undefined;
  const view = sheetView(parts, sheet.frozenRowCount, sheet.frozenColumnCount);
  const ws = wb.addWorksheet(sheet.title, { state: sheet.hidden ? 'hidden' : 'visible', ...(view && { views: [view] }) });
  if (parts) writeFileSheetParts(wb, ws, parts);
  if (sheet.tabColor) ws.properties.tabColor = { argb: hexToArgb(sheet.tabColor) };
  for (const [column, px] of Object.entries(sheet.columnWidths)) {
    const index = Number(column);
    ws.getColumn(index + 1).width = columnWidthFor(parts, index, px);
  }
  const cellExtras: CellExtra[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const target = ws.getRow(r + 1);
    row.forEach((cell, c) => {
      if (!cell) return;
      writeCell(target.getCell(c + 1), cell);
      const extras = cellExtrasOf(cell);
      if (extras) cellExtras.push([r, c, extras]);
    });
  });
  for (const merge of sheet.merges) ws.mergeCells(a1Of(sheet, merge));
  for (const entry of sheet.dataValidations) {
    const native = validationToWrite(entry);
    if (native) nativeParts(ws).dataValidations.add(a1Of(sheet, entry.range), native);
  }
  sheet.conditionalFormats.forEach((rule, i) => {
    const native = conditionalFormatToWrite(rule, i + 1);
    if (native) ws.addConditionalFormatting({ ref: rule.ranges.map((r) => a1Of(sheet, r)).join(' '), rules: [native] });
  });
  const { rows: _rows, merges: _merges, fileParts: _parts, ...rest } = sheet;
  return { ...rest, cellExtras };
}

/** The workbook as .xlsx bytes. */
export async function workbookToXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.owner;
  wb.title = model.title;
  const sheets = model.sheets.map((sheet) => writeSheet(wb, sheet));
  const { sheets: _sheets, ...workbook } = model;
  const meta: Meta = { version: META_VERSION, workbook, sheets };
  const json = JSON.stringify(meta);
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (let i = 0, row = 1; i < json.length; i += META_CHUNK_CHARS, row += 1) {
    ws.getCell(row, 1).value = json.slice(i, i + META_CHUNK_CHARS);
  }
  // A hidden sheet must never be the active one.
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  // Deflate level 1: half the CPU of the default 6 for a file about a fifth larger (a 30-unit
  // workbook: 0.42 → 0.52 MB); every reader takes either.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } }));
}

/** The most characters an .xlsx cell keeps: Excel refuses more, LibreOffice cuts the rest on open. */
export const XLSX_MAX_CELL_TEXT = 32_767;

/** A save refused because a cell holds more text than .xlsx keeps: never cut silently. */
export class CellTooLongError extends Error {
  constructor(
    readonly file: string,
    readonly sheet: string,
    readonly cell: string,
    readonly length: number,
  ) {
    super(`${file}: ${sheet}!${cell} holds ${length} characters, more than the ${XLSX_MAX_CELL_TEXT} an .xlsx cell keeps`);
    this.name = 'CellTooLongError';
  }
}

/** The first cell whose text is longer than an .xlsx cell keeps, or undefined. */
function tooLongCell(model: WorkbookModel): { sheet: string; cell: string; length: number } | undefined {
  for (const sheet of model.sheets) {
    for (let r = 0; r < sheet.rows.length; r += 1) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c += 1) {
        const value = row[c]?.value;
        if (typeof value === 'string' && value.length > XLSX_MAX_CELL_TEXT) return { sheet: sheet.title, cell: formatA1(r, c), length: value.length };
      }
    }
  }
  return undefined;
}

/**
 * Saves atomically: readers see the old file or the new one, never a torn one. A cell longer
 * than .xlsx keeps refuses the save (CellTooLongError, the old file untouched) rather than
 * letting Excel or LibreOffice cut it.
 */
export async function saveWorkbook(model: WorkbookModel, file: string): Promise<void> {
  const long = tooLongCell(model);
  if (long) throw new CellTooLongError(file, long.sheet, long.cell, long.length);
  atomicWriteFile(file, await workbookToXlsx(model));
}

// ---------------------------------------------------------------- load

function scalarOf(value: unknown): { value?: Scalar; error?: string } {
  if (value === null || value === undefined) return {};
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (typeof value === 'string') return value === '' ? {} : { value };
  // exceljs reads a date cell as the instant of its wall clock in UTC.
  if (value instanceof Date) return { value: dateToSerial(value, 'UTC') };
  const v = value as { error?: string; richText?: { text: string }[]; text?: unknown };
  if (v.error !== undefined) return { value: v.error, error: v.error };
  if (v.richText) return { value: v.richText.map((t) => t.text).join('') };
  if (v.text !== undefined) return scalarOf(v.text);
  return {};
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function readCell(cell: ExcelJS.Cell): CellData | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const out: CellData = {};
  const raw = cell.value as unknown;
  if (raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    const text = cell.formula;
    if (text) out.formula = `=${text.replace(FILE_PREFIXES, '')}`;
    Object.assign(out, scalarOf((raw as { result?: unknown }).result));
  } else {
    Object.assign(out, scalarOf(raw));
    // Rich text or a hyperlink: the model holds the text, the file's value goes along.
    if (raw !== null && typeof raw === 'object' && ('richText' in raw || 'hyperlink' in raw)) out.fileValue = raw;
  }
  const format = formatOfFileStyle(cell.style);
  if (format) out.format = format;
  const note = noteText(cell.note);
  if (note !== undefined) out.note = note;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The model's reading of a file's validation: a list of items (what nativeValidation writes). */
function ruleFromNative(v: ExcelJS.DataValidation): DataValidationRule | undefined {
  const first = v.formulae?.[0] === undefined ? undefined : String(v.formulae[0]);
  if (v.type !== 'list' || !first?.startsWith('"')) return undefined;
  const values = first.slice(1, -1).split(',').map((userEnteredValue) => ({ userEnteredValue }));
  const strict = v.errorStyle !== 'warning' && v.errorStyle !== 'information';
  return { strict, ...(v.prompt ? { inputMessage: v.prompt } : {}), condition: { type: 'ONE_OF_LIST', values }, showCustomUi: true };
}

/**
 * The validations of a file's sheet the model reads (each with its file form; only when `read`,
 * as the meta sheet holds a known tab's), and those it cannot read.
 */
function nativeValidations(ws: ExcelJS.Worksheet, sheetId: number, read: boolean): { entries: DataValidationEntry[]; unread: [string, ExcelJS.DataValidation][] } {
  const groups = new Map<ExcelJS.DataValidation, { row: number; column: number }[]>();
  const unread: [string, ExcelJS.DataValidation][] = [];
  for (const [address, validation] of Object.entries(nativeParts(ws).dataValidations.model)) {
    if (!validation) continue;
    if (ruleFromNative(validation) === undefined) {
      unread.push([address, validation]);
      continue;
    }
    if (!read) continue;
    const range = gridRangeOf(sheetId, address);
    const cells = groups.get(validation) ?? [];
    for (let row = range.startRowIndex ?? 0; row < (range.endRowIndex ?? 0); row += 1) {
      for (let column = range.startColumnIndex ?? 0; column < (range.endColumnIndex ?? 0); column += 1) cells.push({ row, column });
    }
    groups.set(validation, cells);
  }
  const entries: DataValidationEntry[] = [];
  for (const [validation, cells] of groups) {
    const rule = ruleFromNative(validation) as DataValidationRule;
    for (const range of rectangles(sheetId, cells)) entries.push({ range, rule: structuredClone(rule), fileRule: validation });
  }
  return { entries, unread };
}

function conditionFromNative(rule: ExcelJS.ConditionalFormattingRule): BooleanCondition | undefined {
  const r = rule as { type: string; formulae?: unknown[] };
  const formula = r.formulae?.[0];
  return r.type === 'expression' && formula ? { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=${String(formula)}` }] } : undefined;
}

/** The model's reading of a file's conditional-format rule, when the model can express it. */
function booleanRuleFromNative(rule: ExcelJS.ConditionalFormattingRule): ConditionalFormatRule['booleanRule'] | undefined {
  const condition = conditionFromNative(rule);
  if (!condition) return undefined;
  const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
  const fill = style.fill as { bgColor?: { argb?: string }; fgColor?: { argb?: string } } | undefined;
  const backgroundColor = argbToHex(fill?.bgColor?.argb ?? fill?.fgColor?.argb);
  const fontColor = argbToHex(style.font?.color?.argb);
  return {
    condition,
    format: { ...(backgroundColor ? { backgroundColor } : {}), ...(fontColor ? { fontColor } : {}), ...(style.font?.bold ? { bold: true } : {}) },
  };
}

/** The conditional formats of a file's sheet the model reads (each with its file form), and those it cannot. */
function nativeConditionalFormats(ws: ExcelJS.Worksheet, sheetId: number): { rules: ConditionalFormatRule[]; unread: ExcelJS.ConditionalFormattingOptions[] } {
  const rules: ConditionalFormatRule[] = [];
  const unread: ExcelJS.ConditionalFormattingOptions[] = [];
  for (const cf of nativeParts(ws).conditionalFormattings ?? []) {
    const ranges = cf.ref.split(/\s+/).map((a1) => gridRangeOf(sheetId, a1));
    for (const rule of cf.rules) {
      const booleanRule = booleanRuleFromNative(rule);
      if (booleanRule) rules.push({ ranges, booleanRule, fileRule: rule });
      else unread.push({ ref: cf.ref, rules: [rule] });
    }
  }
  return { rules, unread };
}

/** Why a file cannot be worked on as a workbook. */
export type WorkbookFileProblem =
  | 'directory'
  | 'unreadable'
  | 'empty'
  | 'oldExcel'
  | 'text'
  | 'notZip'
  | 'damaged'
  | 'notWorkbook'
  | 'metaDamaged'
  | 'metaVersion';

/** A file that is not a workbook this runtime can load (and so is never written either). */
export class WorkbookFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: WorkbookFileProblem,
    /** What the system or the file said (a version number, an error message). */
    readonly detail = '',
  ) {
    super(`${basename(file)}: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a meta sheet's JSON has the shape this runtime writes (every sheet's lists and numbers). */
function isMeta(value: Record<string, unknown>): value is Meta & Record<string, unknown> {
  const { workbook, sheets } = value;
  if (!isObject(workbook) || !Array.isArray(sheets)) return false;
  const texts = ['spreadsheetId', 'title', 'locale', 'timeZone', 'owner'].every((k) => typeof workbook[k] === 'string');
  const lists = Array.isArray(workbook.mailQuota) && isObject(workbook.documentProperties);
  const sheetOk = (s: unknown) =>
    isObject(s) &&
    typeof s.title === 'string' &&
    ['sheetId', 'rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'].every((k) => Number.isInteger(s[k])) &&
    ['dataValidations', 'conditionalFormats', 'protectedRanges', 'developerMetadata', 'charts', 'cellExtras'].every((k) => Array.isArray(s[k])) &&
    isObject(s.columnWidths);
  return texts && lists && Number.isInteger(workbook.nextId) && sheets.every(sheetOk);
}

function readMeta(wb: ExcelJS.Workbook, file: string): Meta | undefined {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return undefined;
  let json = '';
  for (let row = 1; row <= ws.rowCount; row += 1) {
    const value = ws.getCell(row, 1).value;
    if (typeof value === 'string') json += value;
  }
  let meta: unknown;
  try {
    meta = JSON.parse(json);
  } catch (error) {
    throw new WorkbookFileError(file, 'metaDamaged', (error as Error).message);
  }
  if (!isObject(meta)) throw new WorkbookFileError(file, 'metaDamaged');
  if (meta.version !== META_VERSION) throw new WorkbookFileError(file, 'metaVersion', String(meta.version));
  if (!isMeta(meta)) throw new WorkbookFileError(file, 'metaDamaged');
  return meta;
}

/** What .xlsx holds exactly of a tab's layout: read from the file even when the meta sheet has it, so changes made elsewhere count. */
function nativeLayout(ws: ExcelJS.Worksheet): Pick<SheetModel, 'hidden' | 'tabColor' | 'frozenRowCount' | 'frozenColumnCount' | 'columnWidths'> {
  const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as { xSplit?: number; ySplit?: number } | undefined;
  const columnWidths: Record<number, number> = {};
  ws.columns?.forEach((column, i) => {
    if (column.width !== undefined && widthToPx(column.width) !== DEFAULT_COLUMN_WIDTH_PX) columnWidths[i] = widthToPx(column.width);
  });
  return {
    hidden: ws.state !== 'visible',
    tabColor: argbToHex((ws.properties.tabColor as { argb?: string } | undefined)?.argb),
    frozenRowCount: frozen?.ySplit ?? 0,
    frozenColumnCount: frozen?.xSplit ?? 0,
    columnWidths,
  };
}

/** The model of a loaded .xlsx workbook; `file` names it in errors and titles a workbook that has no meta sheet. */
function workbookModel(wb: ExcelJS.Workbook, file: string, opts: LoadOptions): WorkbookModel {
  const meta = readMeta(wb, file);
  const model: WorkbookModel = meta
    ? { ...structuredClone(meta.workbook), sheets: [] }
    : {
        ...newWorkbook({
          owner: opts.owner ?? '',
          title: basename(file, extname(file)),
          timeZone: opts.timeZone,
          spreadsheetId: randomBytes(33).toString('base64url'),
        }),
        sheets: [],
      };
  const metaByTitle = new Map((meta?.sheets ?? []).map((s) => [s.title, s]));
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    const known = metaByTitle.get(ws.name);
    const sheet = known ? sheetFromMeta(known) : emptySheet(allocateId(model), ws.name);
    const { columnWidths, tabColor, ...layout } = nativeLayout(ws);
    Object.assign(sheet, layout, { columnWidths: { ...sheet.columnWidths, ...columnWidths } });
    if (tabColor) sheet.tabColor = tabColor;
    else delete sheet.tabColor;
    // The meta sheet holds a known tab's validations and formats exactly; a foreign tab's are
    // read. Those the model cannot express are carried either way.
    const validations = nativeValidations(ws, sheet.sheetId, !known);
    const formats = nativeConditionalFormats(ws, sheet.sheetId);
    if (!known) {
      sheet.dataValidations = validations.entries;
      sheet.conditionalFormats = formats.rules;
    }
    const parts = fileSheetParts(wb, ws, { validations: validations.unread, conditionalFormats: formats.unread });
    if (parts) sheet.fileParts = parts;
    // Every cell that holds anything, a note on an empty cell included; a merge spans its top-left
    // cell and the cells that point to it (not ws.model's merges: that builds every cell's model).
    const merges = new Map<ExcelJS.Cell, GridRange>();
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) {
          const { row, col } = cell.master.fullAddress;
          const range = merges.get(cell.master) ?? { sheetId: sheet.sheetId, startRowIndex: row - 1, endRowIndex: row, startColumnIndex: col - 1, endColumnIndex: col };
          range.endRowIndex = Math.max(range.endRowIndex ?? row, rowNumber);
          range.endColumnIndex = Math.max(range.endColumnIndex ?? col, colNumber);
          merges.set(cell.master, range);
          return;
        }
        const data = readCell(cell);
        if (data) (sheet.rows[rowNumber - 1] ??= [])[colNumber - 1] = data;
      });
    });
    sheet.merges = [...merges.values()];
    for (const [r, c, extras] of known?.cellExtras ?? []) {
      const cell = ((sheet.rows[r] ??= [])[c] ??= {});
      Object.assign(cell, extras);
    }
    sheet.rowCount = Math.max(sheet.rowCount, sheet.rows.length);
    // rows is sparse (an empty row is a hole): forEach skips the holes, a spread would not.
    sheet.rows.forEach((row) => {
      sheet.columnCount = Math.max(sheet.columnCount, row.length);
    });
    model.sheets.push(sheet);
  }
  return model;
}

function sheetFromMeta(meta: SheetMeta): SheetModel {
  const { cellExtras: _extras, ...rest } = structuredClone(meta);
  return { ...rest, rows: [], merges: [] };
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

/** Reads `file` as an .xlsx workbook, or says what it is instead. */
async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new WorkbookFileError(file, code === 'EISDIR' ? 'directory' : 'unreadable', code === 'EISDIR' ? '' : message);
  }
  if (data.length === 0) throw new WorkbookFileError(file, 'empty');
  if (data.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) throw new WorkbookFileError(file, 'oldExcel');
  if (!data.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    throw new WorkbookFileError(file, data.subarray(0, 4096).includes(0) ? 'notZip' : 'text');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookFileError(file, 'damaged', (error as Error).message);
  }
  // A zip without a workbook part (.ods, .docx …) loads as a workbook with no sheet at all.
  if (wb.worksheets.length === 0) throw new WorkbookFileError(file, 'notWorkbook');
  return wb;
}

/** Throws a WorkbookFileError unless `file` is an .xlsx workbook (the meta sheet unchecked): what may be replaced. */
export async function assertXlsxWorkbook(file: string): Promise<void> {
  await readXlsx(file);
}

/** Loads a workbook file (ours, or exported from Google Sheets or Excel, or saved by LibreOffice). */
export async function loadWorkbook(file: string, opts: LoadOptions = {}): Promise<WorkbookModel> {
  return workbookModel(await readXlsx(file), file, opts);
}
