// .xlsx load and save (exceljs). What a spreadsheet application shows lives in the native
// parts of the file: values, formulas with their cached results, number and date formats,
// cell styles and notes, column widths, frozen panes, merges, hidden sheets, tab colours,
// data-validation lists and the conditional formats Excel can express. What .xlsx cannot hold
// (protections with editor lists, developer metadata, document properties, the mail quota
// window, triggers, sheet ids, grid sizes, validations and formats in their exact Sheets form,
// spilled and error cells) goes as JSON into the hidden sheet `_pendamping_meta`, so a
// save/load round trip loses nothing. A workbook exported from Google Sheets (no meta sheet)
// loads from its native parts alone.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { mapOutsideStrings } from './model/formula-text';
import type {
  BooleanCondition,
  CellData,
  CellFormat,
  ConditionalFormatRule,
  DataValidationEntry,
  DataValidationRule,
  GridRange,
  Scalar,
  SheetModel,
  WorkbookModel,
} from './model/types';
import { allocateId, closedRange, columnIndex, columnLetters, emptySheet, newWorkbook } from './model/workbook';
import { atomicWriteFile } from './workbook-file';

export const META_SHEET = '_pendamping_meta';
/** Excel's limit is 32,767 characters per cell; keep a margin. */
const META_CHUNK_CHARS = 32_000;
const META_VERSION = 1;
const DEFAULT_COLUMN_WIDTH_PX = 100;
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
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

interface SheetMeta extends Omit<SheetModel, 'rows' | 'merges'> {
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

const argbToHex = (argb: string | undefined): string | undefined =>
  argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined;
const hexToArgb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const pxToWidth = (px: number): number => (px - 5) / 7;
const widthToPx = (width: number): number => Math.round(width * 7 + 5);

const dateToSerial = (date: Date): number => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;

function a1Of(sheet: SheetModel, range: GridRange): string {
  const r = closedRange(sheet, range);
  const start = `${columnLetters(r.startColumnIndex)}${r.startRowIndex + 1}`;
  const end = `${columnLetters(r.endColumnIndex - 1)}${r.endRowIndex}`;
  return start === end ? start : `${start}:${end}`;
}

function gridRangeOf(sheetId: number, a1: string): GridRange {
  const [start, end = start] = a1.replace(/\$/g, '').split(':');
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref);
    if (!m) throw new Error(`bad cell reference ${ref}`);
    return { row: Number(m[2]) - 1, column: columnIndex(m[1].toUpperCase()) };
  };
  const s = parse(start);
  const e = parse(end);
  return { sheetId, startRowIndex: s.row, endRowIndex: e.row + 1, startColumnIndex: s.column, endColumnIndex: e.column + 1 };
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
  } else if (cell.value !== undefined) {
    target.value = nativeResult(cell);
  }
  const f = cell.format;
  if (f) {
    if (f.numberFormat !== undefined) target.numFmt = f.numberFormat;
    if (f.bold || f.italic || f.fontColor) {
      target.font = {
        ...(f.bold ? { bold: true } : {}),
        ...(f.italic ? { italic: true } : {}),
        ...(f.fontColor ? { color: { argb: hexToArgb(f.fontColor) } } : {}),
      };
    }
    if (f.background) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(f.background) } };
    if (f.horizontalAlignment || f.verticalAlignment || f.wrap) {
      target.alignment = {
        ...(f.horizontalAlignment ? { horizontal: f.horizontalAlignment.toLowerCase() as 'left' | 'center' | 'right' } : {}),
        ...(f.verticalAlignment ? { vertical: ({ TOP: 'top', MIDDLE: 'middle', BOTTOM: 'bottom' } as const)[f.verticalAlignment] } : {}),
        ...(f.wrap ? { wrapText: true } : {}),
      };
    }
  }
  if (cell.note !== undefined) target.note = cell.note;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQ: 'equal',
  NUMBER_NOT_EQ: 'notEqual',
  NUMBER_GREATER: 'greaterThan',
  NUMBER_GREATER_THAN_EQ: 'greaterThanOrEqual',
  NUMBER_LESS: 'lessThan',
  NUMBER_LESS_THAN_EQ: 'lessThanOrEqual',
};
const OPERATOR_CONDITIONS = Object.fromEntries(Object.entries(NUMBER_OPERATORS).map(([k, v]) => [v, k]));

const stripEquals = (text: string) => (text.startsWith('=') ? text.slice(1) : text);

/** The Excel form of a Sheets validation rule, when Excel has one. */
function nativeValidation(rule: DataValidationRule): ExcelJS.DataValidation | undefined {
  const values = (rule.condition.values ?? []).map((v) => v.userEnteredValue);
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.strict === false ? 'warning' : 'stop',
    ...(rule.inputMessage ? { showInputMessage: true, prompt: rule.inputMessage } : {}),
  };
  switch (rule.condition.type) {
    case 'ONE_OF_LIST': {
      const list = `"${values.join(',')}"`;
      if (values.some((v) => /[,"]/.test(v)) || list.length > 257) return undefined;
      return { type: 'list', formulae: [list], ...common };
    }
    case 'ONE_OF_RANGE':
      return values[0] ? { type: 'list', formulae: [stripEquals(values[0])], ...common } : undefined;
    case 'CUSTOM_FORMULA':
      return values[0] ? { type: 'custom', formulae: [stripEquals(values[0])], ...common } : undefined;
    default: {
      const operator = NUMBER_OPERATORS[rule.condition.type];
      if (!operator || values.some((v) => !Number.isFinite(Number(v)))) return undefined;
      return { type: 'decimal', operator, formulae: values.map(Number), ...common };
    }
  }
}

/** The Excel form of a Sheets conditional format, when Excel has one. */
function nativeConditionalFormat(rule: ConditionalFormatRule, priority: number): ExcelJS.ConditionalFormattingRule | undefined {
  const { condition, format } = rule.booleanRule;
  const values = (condition.values ?? []).map((v) => v.userEnteredValue);
  const style: Partial<ExcelJS.Style> = {
    ...(format.backgroundColor ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(format.backgroundColor) } } } : {}),
    ...(format.fontColor || format.bold
      ? { font: { ...(format.fontColor ? { color: { argb: hexToArgb(format.fontColor) } } : {}), ...(format.bold ? { bold: true } : {}) } }
      : {}),
  };
  if (condition.type === 'CUSTOM_FORMULA' && values[0]) return { type: 'expression', priority, formulae: [stripEquals(values[0])], style };
  if (condition.type === 'TEXT_EQ' && values[0] !== undefined) {
    return { type: 'cellIs', priority, operator: 'equal', formulae: [`"${values[0].replace(/"/g, '""')}"`], style };
  }
  if (condition.type === 'TEXT_CONTAINS' && values[0] !== undefined) {
    return { type: 'containsText', priority, operator: 'containsText', text: values[0], style };
  }
  const operator = NUMBER_OPERATORS[condition.type];
  if (operator && values.every((v) => Number.isFinite(Number(v)))) {
    return { type: 'cellIs', priority, operator: operator as 'equal', formulae: values.map(Number), style };
  }
  return undefined;
}

interface NativeSheetParts {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
}
const nativeParts = (ws: ExcelJS.Worksheet) => ws as unknown as NativeSheetParts;

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel): SheetMeta {
  const ws = wb.addWorksheet(sheet.title, {
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: hexToArgb(sheet.tabColor) } } } : {}),
    ...(sheet.frozenRowCount > 0 || sheet.frozenColumnCount > 0
      ? { views: [{ state: 'frozen', xSplit: sheet.frozenColumnCount, ySplit: sheet.frozenRowCount }] }
      : {}),
  });
  for (const [column, px] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(column) + 1).width = pxToWidth(px);
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
    const native = nativeValidation(entry.rule);
    if (native) nativeParts(ws).dataValidations.add(a1Of(sheet, entry.range), native);
  }
  sheet.conditionalFormats.forEach((rule, i) => {
    const native = nativeConditionalFormat(rule, i + 1);
    if (native) ws.addConditionalFormatting({ ref: rule.ranges.map((r) => a1Of(sheet, r)).join(' '), rules: [native] });
  });
  const { rows: _rows, merges: _merges, ...rest } = sheet;
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Saves atomically: readers see the old file or the new one, never a torn one. */
export async function saveWorkbook(model: WorkbookModel, file: string): Promise<void> {
  atomicWriteFile(file, await workbookToXlsx(model));
}

// ---------------------------------------------------------------- load

function scalarOf(value: unknown): { value?: Scalar; error?: string } {
  if (value === null || value === undefined) return {};
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (typeof value === 'string') return value === '' ? {} : { value };
  if (value instanceof Date) return { value: dateToSerial(value) };
  const v = value as { error?: string; richText?: { text: string }[]; text?: unknown };
  if (v.error !== undefined) return { value: v.error, error: v.error };
  if (v.richText) return { value: v.richText.map((t) => t.text).join('') };
  if (v.text !== undefined) return scalarOf(v.text);
  return {};
}

function readFormat(cell: ExcelJS.Cell): CellFormat | undefined {
  const format: CellFormat = {};
  if (cell.numFmt && cell.numFmt !== 'General') format.numberFormat = cell.numFmt;
  if (cell.font?.bold) format.bold = true;
  if (cell.font?.italic) format.italic = true;
  const fontColor = argbToHex(cell.font?.color?.argb);
  if (fontColor) format.fontColor = fontColor;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const background = argbToHex(fill.fgColor?.argb);
    if (background) format.background = background;
  }
  const a = cell.alignment;
  if (a?.horizontal === 'left' || a?.horizontal === 'center' || a?.horizontal === 'right') format.horizontalAlignment = a.horizontal.toUpperCase() as CellFormat['horizontalAlignment'];
  if (a?.vertical === 'top') format.verticalAlignment = 'TOP';
  else if (a?.vertical === 'middle') format.verticalAlignment = 'MIDDLE';
  else if (a?.vertical === 'bottom') format.verticalAlignment = 'BOTTOM';
  if (a?.wrapText) format.wrap = true;
  return Object.keys(format).length > 0 ? format : undefined;
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
  }
  const format = readFormat(cell);
  if (format) out.format = format;
  const note = noteText(cell.note);
  if (note !== undefined) out.note = note;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Rectangles covering a set of cells, for validations Excel stores cell by cell after loading. */
function rectangles(sheetId: number, cells: { row: number; column: number }[]): GridRange[] {
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

function ruleFromNative(v: ExcelJS.DataValidation): DataValidationRule | undefined {
  const strict = v.errorStyle !== 'warning' && v.errorStyle !== 'information';
  const base = { strict, ...(v.prompt ? { inputMessage: v.prompt } : {}) };
  const first = v.formulae?.[0] === undefined ? undefined : String(v.formulae[0]);
  if (v.type === 'list' && first !== undefined) {
    if (first.startsWith('"')) {
      const values = first.slice(1, -1).split(',').map((userEnteredValue) => ({ userEnteredValue }));
      return { ...base, condition: { type: 'ONE_OF_LIST', values }, showCustomUi: true };
    }
    return { ...base, condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: `=${first}` }] }, showCustomUi: true };
  }
  if (v.type === 'custom' && first !== undefined) return { ...base, condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=${first}` }] } };
  if ((v.type === 'decimal' || v.type === 'whole') && v.operator) {
    const type = OPERATOR_CONDITIONS[v.operator];
    if (type) return { ...base, condition: { type, values: (v.formulae ?? []).map((f) => ({ userEnteredValue: String(f) })) } };
  }
  return undefined;
}

function nativeValidations(ws: ExcelJS.Worksheet, sheetId: number): DataValidationEntry[] {
  const groups = new Map<ExcelJS.DataValidation, { row: number; column: number }[]>();
  for (const [address, validation] of Object.entries(nativeParts(ws).dataValidations.model)) {
    if (!validation) continue;
    const range = gridRangeOf(sheetId, address);
    const cells = groups.get(validation) ?? [];
    for (let row = range.startRowIndex ?? 0; row < (range.endRowIndex ?? 0); row += 1) {
      for (let column = range.startColumnIndex ?? 0; column < (range.endColumnIndex ?? 0); column += 1) cells.push({ row, column });
    }
    groups.set(validation, cells);
  }
  const out: DataValidationEntry[] = [];
  for (const [validation, cells] of groups) {
    const rule = ruleFromNative(validation);
    if (rule) for (const range of rectangles(sheetId, cells)) out.push({ range, rule: structuredClone(rule) });
  }
  return out;
}

function conditionFromNative(rule: ExcelJS.ConditionalFormattingRule): BooleanCondition | undefined {
  const r = rule as { type: string; operator?: string; formulae?: unknown[]; text?: string };
  const values = (r.formulae ?? []).map((f) => String(f));
  if (r.type === 'expression' && values[0]) return { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=${values[0]}` }] };
  if (r.type === 'containsText' && r.text !== undefined) return { type: 'TEXT_CONTAINS', values: [{ userEnteredValue: r.text }] };
  if (r.type === 'cellIs' && r.operator) {
    if (r.operator === 'equal' && values[0]?.startsWith('"')) {
      return { type: 'TEXT_EQ', values: [{ userEnteredValue: values[0].slice(1, -1).replace(/""/g, '"') }] };
    }
    const type = OPERATOR_CONDITIONS[r.operator];
    if (type) return { type, values: values.map((userEnteredValue) => ({ userEnteredValue })) };
  }
  return undefined;
}

function nativeConditionalFormats(ws: ExcelJS.Worksheet, sheetId: number): ConditionalFormatRule[] {
  const out: ConditionalFormatRule[] = [];
  for (const cf of nativeParts(ws).conditionalFormattings ?? []) {
    const ranges = cf.ref.split(/\s+/).map((a1) => gridRangeOf(sheetId, a1));
    for (const rule of cf.rules) {
      const condition = conditionFromNative(rule);
      if (!condition) continue;
      const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
      const fill = style.fill as { bgColor?: { argb?: string }; fgColor?: { argb?: string } } | undefined;
      const backgroundColor = argbToHex(fill?.bgColor?.argb ?? fill?.fgColor?.argb);
      const fontColor = argbToHex(style.font?.color?.argb);
      out.push({
        ranges,
        booleanRule: {
          condition,
          format: { ...(backgroundColor ? { backgroundColor } : {}), ...(fontColor ? { fontColor } : {}), ...(style.font?.bold ? { bold: true } : {}) },
        },
      });
    }
  }
  return out;
}

function readMeta(wb: ExcelJS.Workbook): Meta | undefined {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return undefined;
  let json = '';
  for (let row = 1; row <= ws.rowCount; row += 1) {
    const value = ws.getCell(row, 1).value;
    if (typeof value === 'string') json += value;
  }
  const meta = JSON.parse(json) as Meta;
  if (meta.version !== META_VERSION) throw new Error(`${META_SHEET}: unsupported version ${meta.version}`);
  return meta;
}

/** A workbook from .xlsx bytes; `name` titles a workbook that has no meta sheet. */
export async function xlsxToWorkbook(data: Buffer, name: string, opts: LoadOptions = {}): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const meta = readMeta(wb);
  const model: WorkbookModel = meta
    ? { ...structuredClone(meta.workbook), sheets: [] }
    : {
        ...newWorkbook({
          owner: opts.owner ?? '',
          title: name,
          timeZone: opts.timeZone,
          spreadsheetId: randomBytes(33).toString('base64url'),
        }),
        sheets: [],
      };
  const metaByTitle = new Map((meta?.sheets ?? []).map((s) => [s.title, s]));
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    const known = metaByTitle.get(ws.name);
    const sheet = known ? sheetFromMeta(known) : sheetFromNative(model, ws);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const data = readCell(cell);
        if (!data) return;
        (sheet.rows[rowNumber - 1] ??= [])[colNumber - 1] = data;
      });
    });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    sheet.merges = merges.map((a1) => gridRangeOf(sheet.sheetId, a1));
    for (const [r, c, extras] of known?.cellExtras ?? []) {
      const cell = ((sheet.rows[r] ??= [])[c] ??= {});
      Object.assign(cell, extras);
    }
    if (!known) {
      sheet.rowCount = Math.max(sheet.rowCount, sheet.rows.length);
      // rows is sparse (an empty row is a hole): forEach skips the holes, a spread would not.
      sheet.rows.forEach((row) => {
        sheet.columnCount = Math.max(sheet.columnCount, row.length);
      });
    }
    model.sheets.push(sheet);
  }
  return model;
}

function sheetFromMeta(meta: SheetMeta): SheetModel {
  const { cellExtras: _extras, ...rest } = structuredClone(meta);
  return { ...rest, rows: [], merges: [] };
}

function sheetFromNative(model: WorkbookModel, ws: ExcelJS.Worksheet): SheetModel {
  const sheetId = allocateId(model);
  const sheet = emptySheet(sheetId, ws.name);
  sheet.hidden = ws.state !== 'visible';
  const tab = argbToHex((ws.properties.tabColor as { argb?: string } | undefined)?.argb);
  if (tab) sheet.tabColor = tab;
  const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as { xSplit?: number; ySplit?: number } | undefined;
  sheet.frozenRowCount = frozen?.ySplit ?? 0;
  sheet.frozenColumnCount = frozen?.xSplit ?? 0;
  ws.columns?.forEach((column, i) => {
    if (column.width !== undefined && widthToPx(column.width) !== DEFAULT_COLUMN_WIDTH_PX) sheet.columnWidths[i] = widthToPx(column.width);
  });
  sheet.dataValidations = nativeValidations(ws, sheetId);
  sheet.conditionalFormats = nativeConditionalFormats(ws, sheetId);
  return sheet;
}

/** Loads a workbook file (ours, or exported from Google Sheets or Excel). */
export async function loadWorkbook(file: string, opts: LoadOptions = {}): Promise<WorkbookModel> {
  return xlsxToWorkbook(readFileSync(file), basename(file, extname(file)), opts);
}
