// The Sheets advanced service (the `Sheets` global, Sheets API v4) over the session's workbook:
// spreadsheets.get under a field mask, spreadsheets.values.batchGet (unformatted values) and
// spreadsheets.batchUpdate with the request kinds the add-on sends (HANDLERS: one entry per kind;
// any other kind, field or option is refused as not implemented). batchUpdate is atomic as in the
// API: the requests are first applied to a copy of the model (draftOf); if one fails nothing is
// changed and the call throws the API's error text.
import type { FormulaEngine } from '../engine';
import { WorkbookEditor, withContent } from '../model/editor';
import { shiftedFormula } from '../model/formula-text';
import type { CellData, CellFormat, DataValidationRule, DeveloperMetadata, GridRange, ProtectedRange, Scalar, SheetModel, WorkbookModel } from '../model/types';
import { allocateId, cloneRows, closedRange, formatA1, parseA1Range, quoteSheetName, rangesIntersect, rectangles, sheetById, sheetByTitle, subtractRange, type EnteredContent } from '../model/workbook';
import type { ServiceCall, ServiceContext } from './context';
import { loud, notImplemented } from './loud';
import { canEditProtection, insertionBlocking, PROTECTED_CELL_MESSAGE, protectionBlocking, protectionEditors } from './spreadsheet/protection-rules';

type Json = Record<string, unknown>;
type Request = Record<string, Json>;

/** A field mask ('title,gridProperties.frozenRowCount', 'sheets(properties(sheetId,title))', '*') as a tree. */
type Mask = true | { [field: string]: Mask };

export function parseFieldMask(text: string): Mask {
  const root: { [field: string]: Mask } = {};
  let i = 0;
  const parseList = (into: { [field: string]: Mask }): void => {
    while (i < text.length && text[i] !== ')') {
      let name = '';
      while (i < text.length && !',()'.includes(text[i])) name += text[i++];
      const path = name.trim().split('.').filter(Boolean);
      let node = into;
      path.slice(0, -1).forEach((p) => {
        const next = node[p];
        node = next === true || next === undefined ? (node[p] = {}) : next;
      });
      const last = path[path.length - 1];
      if (text[i] === '(') {
        i += 1;
        const child: { [field: string]: Mask } = {};
        parseList(child);
        i += 1;
        if (last) node[last] = child;
      } else if (last) {
        node[last] = true;
      }
      if (text[i] === ',') i += 1;
    }
  };
  parseList(root);
  return '*' in root ? true : root;
}

function applyMask(value: unknown, mask: Mask): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Json = {};
  for (const [k, m] of Object.entries(mask)) {
    const v = (value as Json)[k];
    if (v !== undefined) out[k] = applyMask(v, m);
  }
  return out;
}

/** Does the mask select the path (or a parent of it)? */
function masked(mask: Mask, path: string): boolean {
  let node: Mask = mask;
  for (const part of path.split('.')) {
    if (node === true) return true;
    const next: Mask | undefined = node[part];
    if (next === undefined) return false;
    node = next;
  }
  return true;
}

/** The paths a mask names, for refusing the ones a handler does not implement. */
function maskPaths(mask: Mask, prefix = ''): string[] {
  if (mask === true) return [prefix];
  return Object.entries(mask).flatMap(([k, m]) => maskPaths(m, prefix ? `${prefix}.${k}` : k));
}

/** Drops undefined fields and empty lists, as API responses omit them. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const k in value) {
    const v = (value as Json)[k];
    if (!Object.hasOwn(value, k) || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = compact(v);
  }
  return out as T;
}

class ApiError extends Error {}

const fail = (message: string): never => {
  throw new ApiError(message);
};

/** Refuses the fields of an input object the emulation does not implement. */
function only(input: Json | undefined, where: string, known: readonly string[]): void {
  for (const key in input) if (Object.hasOwn(input, key) && !known.includes(key)) throw notImplemented(`${where}.${key}`);
}

// --- colours and cell formats ------------------------------------------------------------------

interface ApiColor {
  red?: number;
  green?: number;
  blue?: number;
}

function colorToHex(color: ApiColor): string {
  const hex = (v = 0) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`;
}

/** The userEnteredFormat fields the emulation writes: field path → CellFormat key. */
const FORMAT_FIELDS = { numberFormat: 'numberFormat', 'textFormat.bold': 'bold', backgroundColor: 'background', wrapStrategy: 'wrap' } as const;
type FormatField = keyof typeof FORMAT_FIELDS;

/** The API's NumberFormat types without a pattern: their default pattern in the spreadsheet's locale. */
const DEFAULT_PATTERNS: Record<string, string> = { DATE: 'dd/MM/yyyy', DATE_TIME: 'dd/MM/yyyy HH:mm:ss', NUMBER: '#,##0.00' };

/** Each format field's value in an API CellFormat (undefined = none). */
function formatValues(format: Json): { [F in FormatField]: CellFormat[(typeof FORMAT_FIELDS)[F]] | undefined } {
  // The API's NumberFormat: the pattern, else the type's default pattern.
  const numberFormat = format.numberFormat as { type?: string; pattern?: string } | undefined;
  return {
    numberFormat: numberFormat ? (numberFormat.pattern ?? DEFAULT_PATTERNS[numberFormat.type ?? '']) : undefined,
    'textFormat.bold': (format.textFormat as { bold?: boolean } | undefined)?.bold,
    backgroundColor: format.backgroundColor ? colorToHex(format.backgroundColor as ApiColor) : undefined,
    wrapStrategy: format.wrapStrategy === undefined ? undefined : format.wrapStrategy === 'WRAP',
  };
}

/** The API's ExtendedValue → entered content (a stringValue is text even when it starts with '='). */
function extendedValueToContent(value: Json | undefined): EnteredContent {
  only(value, 'userEnteredValue', ['formulaValue', 'stringValue', 'numberValue', 'boolValue']);
  if (typeof value?.formulaValue === 'string') return { formula: value.formulaValue };
  if (typeof value?.stringValue === 'string') return value.stringValue === '' ? {} : { value: value.stringValue };
  if (typeof value?.numberValue === 'number') return { value: value.numberValue };
  if (typeof value?.boolValue === 'boolean') return { value: value.boolValue };
  return {};
}

type CellWriter = (old: CellData | undefined, data: Json | undefined) => CellData | undefined;

/**
 * Writes one API CellData under a field mask onto a model cell. What the mask selects is worked
 * out once for the many cells of a request; a format field the emulation does not write is
 * refused at the first cell, after that cell's own fields are checked.
 */
function cellWriter(mask: Mask): CellWriter {
  const value = masked(mask, 'userEnteredValue');
  const format = masked(mask, 'userEnteredFormat') || (mask !== true && typeof mask.userEnteredFormat === 'object');
  // A whole-format mask replaces the cell's format.
  const wholeFormat = masked(mask, 'userEnteredFormat') && mask !== true && mask.userEnteredFormat === true;
  const formatFields = (Object.keys(FORMAT_FIELDS) as FormatField[]).filter((field) => masked(mask, `userEnteredFormat.${field}`));
  const unwritten = maskPaths(mask).find((path) => path.startsWith('userEnteredFormat.') && !Object.hasOwn(FORMAT_FIELDS, path.slice(18)));
  const note = masked(mask, 'note');
  const formatFromApi = (input: Json, old: CellFormat | undefined): CellFormat | undefined => {
    only(input, 'userEnteredFormat', ['numberFormat', 'textFormat', 'backgroundColor', 'wrapStrategy']);
    only(input.textFormat as Json | undefined, 'userEnteredFormat.textFormat', ['bold']);
    if (unwritten !== undefined) throw notImplemented(`fields ${unwritten}`);
    const next: Record<string, unknown> = wholeFormat ? {} : { ...old };
    const values = formatValues(input);
    for (const field of formatFields) {
      const v = values[field];
      if (v === undefined) delete next[FORMAT_FIELDS[field]];
      else next[FORMAT_FIELDS[field]] = v;
    }
    return Object.keys(next).length > 0 ? (next as CellFormat) : undefined;
  };
  return (old, data) => {
    only(data, 'CellData', ['userEnteredValue', 'userEnteredFormat', 'note', 'dataValidation']);
    let cell: CellData | undefined = old ? { ...old } : undefined;
    if (value) cell = withContent(cell, extendedValueToContent(data?.userEnteredValue as Json | undefined));
    if (format) {
      const next = formatFromApi((data?.userEnteredFormat ?? {}) as Json, cell?.format);
      cell = { ...cell };
      if (next) cell.format = next;
      else delete cell.format;
    }
    if (note) {
      cell = { ...cell };
      if (typeof data?.note === 'string' && data.note !== '') cell.note = data.note;
      else delete cell.note;
    }
    return cell && Object.keys(cell).length > 0 ? cell : undefined;
  };
}

// --- model → API shapes ------------------------------------------------------------------------

function sheetProperties(workbook: WorkbookModel, sheet: SheetModel): Json {
  return compact({
    sheetId: sheet.sheetId,
    title: sheet.title,
    index: workbook.sheets.indexOf(sheet),
    sheetType: 'GRID',
    hidden: sheet.hidden || undefined,
    gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.columnCount, frozenRowCount: sheet.frozenRowCount || undefined },
  });
}

function metadataToApi(m: DeveloperMetadata): Json {
  return compact({ metadataId: m.metadataId, metadataKey: m.metadataKey, metadataValue: m.metadataValue, visibility: m.visibility, location: { locationType: 'SHEET', ...m.location } });
}

function protectedRangeToApi(workbook: WorkbookModel, p: ProtectedRange, user: string): Json {
  const canEdit = canEditProtection(workbook, p, user);
  return compact({
    protectedRangeId: p.protectedRangeId,
    range: p.range,
    description: p.description,
    warningOnly: p.warningOnly || undefined,
    requestingUserCanEdit: canEdit,
    unprotectedRanges: p.unprotectedRanges,
    editors: canEdit ? { users: protectionEditors(workbook, p), domainUsersCanEdit: p.editors.domainUsersCanEdit } : undefined,
  });
}

function chartToApi(chart: SheetModel['charts'][number]): Json {
  return { chartId: chart.chartId, spec: chart.spec, position: { overlayPosition: { anchorCell: chart.anchor } } };
}

// --- the request processor ---------------------------------------------------------------------

/** Applies batchUpdate requests to a workbook through an editor; returns the replies and counts the cells written. */
class RequestProcessor {
  cellsWritten = 0;

  constructor(
    private readonly editor: WorkbookEditor,
    private readonly user: string,
  ) {}

  private get workbook(): WorkbookModel {
    return this.editor.workbook;
  }

  private sheet(sheetId: unknown): SheetModel {
    return sheetById(this.workbook, Number(sheetId)) ?? fail(`No grid with id: ${String(sheetId)}`);
  }

  private bounded(sheet: SheetModel, range: GridRange): Required<GridRange> {
    const r = closedRange(sheet, { ...range, sheetId: sheet.sheetId });
    if (r.endRowIndex > sheet.rowCount) fail(`GridCoordinate.rowIndex[${r.endRowIndex - 1}] is after last row in grid[${sheet.rowCount - 1}]`);
    if (r.endColumnIndex > sheet.columnCount) fail(`GridCoordinate.columnIndex[${r.endColumnIndex - 1}] is after last column in grid[${sheet.columnCount - 1}]`);
    return r;
  }

  /** Writes API cells over a block (cells of the block without data are written empty under the mask). */
  private writeBlock(sheet: SheetModel, r: Required<GridRange>, dataAt: (i: number, j: number) => Json | undefined, mask: Mask): void {
    const height = r.endRowIndex - r.startRowIndex;
    const width = r.endColumnIndex - r.startColumnIndex;
    if (protectionBlocking(this.workbook, this.user, sheet, r.startRowIndex, r.startColumnIndex, height, width)) fail(PROTECTED_CELL_MESSAGE);
    const content = masked(mask, 'userEnteredValue');
    const write = cellWriter(mask);
    this.editor.updateCells(sheet, r.startRowIndex, r.startColumnIndex, height, width, (old, row, col) => write(old, dataAt(row - r.startRowIndex, col - r.startColumnIndex)), content);
    if (masked(mask, 'dataValidation')) this.writeValidations(sheet, r, dataAt);
    this.cellsWritten += height * width;
  }

  /**
   * The dataValidation field of CellData: every cell of the block takes the rule it carries, or
   * none. Rules are kept as ranges, so the cells of one rule are merged into rectangles.
   */
  private writeValidations(sheet: SheetModel, r: Required<GridRange>, dataAt: (i: number, j: number) => Json | undefined): void {
    const byRule = new Map<string, { rule: DataValidationRule; cells: { row: number; column: number }[] }>();
    for (let row = r.startRowIndex; row < r.endRowIndex; row += 1) {
      for (let column = r.startColumnIndex; column < r.endColumnIndex; column += 1) {
        const rule = dataAt(row - r.startRowIndex, column - r.startColumnIndex)?.dataValidation as DataValidationRule | undefined;
        if (!rule) continue;
        const key = JSON.stringify(rule);
        const group = byRule.get(key) ?? { rule, cells: [] };
        group.cells.push({ row, column });
        byRule.set(key, group);
      }
    }
    const added = [...byRule.values()].flatMap(({ rule, cells }) => rectangles(sheet.sheetId, cells).map((range) => ({ range, rule: structuredClone(rule) })));
    sheet.dataValidations = [...sheet.dataValidations.flatMap((v) => subtractRange(sheet, v.range, r).map((range) => ({ range, rule: v.rule }))), ...added];
  }

  private protectedRange(id: unknown): ProtectedRange {
    for (const sheet of this.workbook.sheets) {
      const p = sheet.protectedRanges.find((x) => x.protectedRangeId === Number(id));
      if (p) return p;
    }
    return fail(`No protected range with id: ${String(id)}`);
  }

  apply(request: Request): Json {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) fail('Request must contain exactly one kind of request.');
    const kind = HANDLED.find((k) => k === kinds[0]);
    if (!kind) throw notImplemented(`batchUpdate request ${kinds[0]}`);
    return this[kind](request[kind] ?? {}) ?? {};
  }

  addSheet(body: Json): Json {
    const props = (body.properties ?? {}) as Json;
    const grid = (props.gridProperties ?? {}) as Json;
    only(props, 'addSheet.properties', ['sheetId', 'title', 'hidden', 'gridProperties']);
    only(grid, 'addSheet.properties.gridProperties', ['rowCount', 'columnCount', 'frozenRowCount']);
    const sheet = this.editor.addSheet({
      title: props.title as string | undefined,
      sheetId: props.sheetId as number | undefined,
      hidden: props.hidden === true,
      rowCount: grid.rowCount as number | undefined,
      columnCount: grid.columnCount as number | undefined,
      frozenRowCount: grid.frozenRowCount as number | undefined,
    });
    return { addSheet: { properties: sheetProperties(this.workbook, sheet) } };
  }

  /**
   * The copy goes last, as every duplicate the add-on makes. Sheets' copy of protections and
   * developer metadata is not modelled: a sheet holding either is refused.
   */
  duplicateSheet(body: Json): Json {
    only(body, 'duplicateSheet', ['sourceSheetId', 'insertSheetIndex', 'newSheetId', 'newSheetName']);
    const source = this.sheet(body.sourceSheetId);
    if (source.protectedRanges.length > 0 || source.developerMetadata.length > 0) throw notImplemented('duplicateSheet of a sheet with protections or developer metadata');
    if (body.insertSheetIndex !== this.workbook.sheets.length) throw notImplemented('duplicateSheet other than last');
    const copy = this.editor.copySheet(source.sheetId, String(body.newSheetName ?? fail("'newSheetName' is required")), body.newSheetId as number | undefined);
    return { duplicateSheet: { properties: sheetProperties(this.workbook, copy) } };
  }

  deleteSheet(body: Json): void {
    const sheet = this.sheet(body.sheetId);
    if (protectionBlocking(this.workbook, this.user, sheet, 0, 0, sheet.rowCount, sheet.columnCount)) fail(PROTECTED_CELL_MESSAGE);
    this.editor.deleteSheet(sheet.sheetId);
  }

  updateSheetProperties(body: Json): void {
    const props = (body.properties ?? {}) as Json;
    const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
    for (const path of maskPaths(mask)) if (path !== 'title' && path !== 'gridProperties.frozenRowCount') throw notImplemented(`updateSheetProperties fields ${path}`);
    const sheet = this.sheet(props.sheetId);
    if (masked(mask, 'title')) this.editor.renameSheet(sheet.sheetId, String(props.title ?? ''));
    if (masked(mask, 'gridProperties.frozenRowCount')) sheet.frozenRowCount = Number((props.gridProperties as Json | undefined)?.frozenRowCount ?? 0);
  }

  /** With a range, every cell of it is written; with a start, the rows given from there. */
  updateCells(body: Json): void {
    const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
    const rows = ((body.rows ?? []) as Json[]).map((r) => (r.values ?? []) as Json[]);
    const start = body.start as { sheetId: number; rowIndex?: number; columnIndex?: number } | undefined;
    const range = body.range as GridRange | undefined;
    const sheet = this.sheet(start?.sheetId ?? range?.sheetId);
    const top = start?.rowIndex ?? 0;
    const left = start?.columnIndex ?? 0;
    const r = this.bounded(
      sheet,
      range ?? { sheetId: sheet.sheetId, startRowIndex: top, endRowIndex: top + Math.max(1, rows.length), startColumnIndex: left, endColumnIndex: left + Math.max(1, ...rows.map((v) => v.length)) },
    );
    if (range) this.writeBlock(sheet, r, (i, j) => rows[i]?.[j], mask);
    else rows.forEach((values, i) => this.writeBlock(sheet, { ...r, startRowIndex: top + i, endRowIndex: top + i + 1, endColumnIndex: left + values.length }, (_i, j) => values[j], mask));
  }

  /**
   * Every cell of the range takes the cell's fields under the mask; a formula's relative
   * references move with the cell as in Sheets (=A1 over B2:C3: B3 gets =A2, C2 =B1).
   */
  repeatCell(body: Json): void {
    only(body, 'repeatCell', ['range', 'cell', 'fields']);
    const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
    const cell = (body.cell ?? {}) as Json;
    const formula = (cell.userEnteredValue as Json | undefined)?.formulaValue;
    const at = (i: number, j: number): Json => (typeof formula === 'string' ? { ...cell, userEnteredValue: { formulaValue: shiftedFormula(formula, i, j) } } : cell);
    const range = (body.range ?? fail("'range' is required")) as GridRange;
    const sheet = this.sheet(range.sheetId);
    this.writeBlock(sheet, this.bounded(sheet, range), at, mask);
  }

  /** The rule for every cell of the range; without a rule, the range's cells lose theirs. */
  setDataValidation(body: Json): void {
    only(body, 'setDataValidation', ['range', 'rule']);
    const range = (body.range ?? fail("'range' is required")) as GridRange;
    const sheet = this.sheet(range.sheetId);
    const cell = body.rule === undefined ? {} : { dataValidation: body.rule };
    this.writeBlock(sheet, this.bounded(sheet, range), () => cell, parseFieldMask('dataValidation'));
  }

  appendDimension(body: Json): void {
    this.editor.appendDimension(this.sheet(body.sheetId), body.dimension as 'ROWS' | 'COLUMNS', Number(body.length));
  }

  /** inheritFromBefore is not modelled: the new columns are plain. */
  insertDimension(body: Json): void {
    const range = body.range as { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number };
    const sheet = this.sheet(range.sheetId);
    if (insertionBlocking(this.workbook, this.user, sheet, range.dimension, range.startIndex)) fail(PROTECTED_CELL_MESSAGE);
    this.editor.insertDimension(sheet, range.dimension, range.startIndex, range.endIndex - range.startIndex);
  }

  deleteDimension(body: Json): void {
    const range = body.range as { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number };
    const sheet = this.sheet(range.sheetId);
    const rows = range.dimension === 'ROWS';
    const [top, left] = rows ? [range.startIndex, 0] : [0, range.startIndex];
    const [height, width] = rows ? [range.endIndex - range.startIndex, sheet.columnCount] : [sheet.rowCount, range.endIndex - range.startIndex];
    if (protectionBlocking(this.workbook, this.user, sheet, top, left, height, width)) fail(PROTECTED_CELL_MESSAGE);
    this.editor.deleteDimension(sheet, range.dimension, range.startIndex, range.endIndex);
  }

  updateDimensionProperties(body: Json): void {
    const range = body.range as { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number };
    if (range.dimension !== 'COLUMNS' || body.fields !== 'pixelSize') throw notImplemented(`updateDimensionProperties of ${range.dimension} fields ${String(body.fields)}`);
    const sheet = this.sheet(range.sheetId);
    for (let c = range.startIndex; c < range.endIndex; c += 1) sheet.columnWidths[c] = Number((body.properties as Json).pixelSize);
  }

  /** A boolean rule: its condition as given, its format's background. */
  addConditionalFormatRule(body: Json): void {
    const rule = body.rule as { ranges: GridRange[]; booleanRule?: { condition: DataValidationRule['condition']; format: Json } };
    if (!rule.booleanRule) throw notImplemented('gradient conditional format rules');
    only(rule.booleanRule.format, 'booleanRule.format', ['backgroundColor']);
    const sheet = this.sheet(rule.ranges[0]?.sheetId);
    const format = rule.booleanRule.format.backgroundColor ? { backgroundColor: colorToHex(rule.booleanRule.format.backgroundColor as ApiColor) } : {};
    sheet.conditionalFormats.splice(Number(body.index ?? sheet.conditionalFormats.length), 0, { ranges: rule.ranges, booleanRule: { condition: rule.booleanRule.condition, format } });
  }

  deleteConditionalFormatRule(body: Json): void {
    const sheet = this.sheet(body.sheetId);
    const index = Number(body.index);
    if (!(index >= 0 && index < sheet.conditionalFormats.length)) fail(`No conditional format on sheet: ${sheet.sheetId} at index: ${index}`);
    sheet.conditionalFormats.splice(index, 1);
  }

  addProtectedRange(body: Json): Json {
    const input = (body.protectedRange ?? {}) as Json;
    const range = input.range as GridRange;
    const sheet = this.sheet(range.sheetId);
    const editors = input.editors as ProtectedRange['editors'] | undefined;
    if (input.warningOnly === true && editors) fail('Cannot set editors on a warning-only protected range.');
    const p: ProtectedRange = {
      protectedRangeId: allocateId(this.workbook),
      range: structuredClone(range),
      editors: { users: [...(editors?.users ?? [this.user])], ...(editors?.domainUsersCanEdit !== undefined ? { domainUsersCanEdit: editors.domainUsersCanEdit } : {}) },
    };
    if (typeof input.description === 'string') p.description = input.description;
    if (input.warningOnly === true) p.warningOnly = true;
    if (input.unprotectedRanges) p.unprotectedRanges = structuredClone(input.unprotectedRanges as GridRange[]);
    sheet.protectedRanges.push(p);
    return { addProtectedRange: { protectedRange: protectedRangeToApi(this.workbook, p, this.user) } };
  }

  updateProtectedRange(body: Json): void {
    const input = (body.protectedRange ?? {}) as Json;
    const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
    for (const path of maskPaths(mask)) if (!['range', 'description', 'warningOnly', 'editors', 'unprotectedRanges'].includes(path)) throw notImplemented(`updateProtectedRange fields ${path}`);
    const p = this.protectedRange(input.protectedRangeId);
    if (!canEditProtection(this.workbook, p, this.user)) fail('You do not have permission to edit this protected range.');
    if (masked(mask, 'description')) p.description = String(input.description ?? '');
    if (masked(mask, 'warningOnly')) p.warningOnly = input.warningOnly === true;
    if (masked(mask, 'range')) {
      const range = input.range as GridRange;
      if (range.sheetId !== p.range.sheetId) fail('A protected range cannot move to another sheet.');
      p.range = structuredClone(range);
    }
    if (masked(mask, 'unprotectedRanges')) p.unprotectedRanges = structuredClone((input.unprotectedRanges ?? []) as GridRange[]);
    if (masked(mask, 'editors')) {
      const editors = (input.editors ?? {}) as ProtectedRange['editors'];
      p.editors = { users: [...(editors.users ?? [])], domainUsersCanEdit: editors.domainUsersCanEdit === true };
      delete p.mirrorsFile;
    }
  }

  /** Sheet-level metadata (the add-on ties a unit tab to its unit with it). */
  createDeveloperMetadata(body: Json): Json {
    const input = (body.developerMetadata ?? {}) as Json;
    const location = (input.location ?? fail('Developer metadata must have a location.')) as Json;
    only(location, 'developerMetadata.location', ['sheetId']);
    const key = typeof input.metadataKey === 'string' && input.metadataKey !== '' ? input.metadataKey : fail('Developer metadata must have a key.');
    const sheet = this.sheet(location.sheetId);
    const entry: DeveloperMetadata = { metadataId: allocateId(this.workbook), metadataKey: key, visibility: input.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT', location: { sheetId: sheet.sheetId } };
    if (typeof input.metadataValue === 'string') entry.metadataValue = input.metadataValue;
    sheet.developerMetadata.push(entry);
    return { createDeveloperMetadata: { developerMetadata: metadataToApi(entry) } };
  }

  /** By a data filter looking up one metadata id. */
  deleteDeveloperMetadata(body: Json): Json {
    const lookup = ((body.dataFilter as Json | undefined)?.developerMetadataLookup ?? {}) as Json;
    only(lookup, 'deleteDeveloperMetadata.dataFilter.developerMetadataLookup', ['metadataId']);
    const deleted: Json[] = [];
    for (const list of this.workbook.sheets.map((s) => s.developerMetadata)) {
      const at = list.findIndex((m) => m.metadataId === Number(lookup.metadataId));
      if (at >= 0) deleted.push(metadataToApi(list.splice(at, 1)[0]));
    }
    return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted } };
  }

  /** A chart over a sheet, its spec kept as given. */
  addChart(body: Json): Json {
    const chart = (body.chart ?? {}) as Json;
    const anchor = ((chart.position as Json | undefined)?.overlayPosition as Json | undefined)?.anchorCell as { sheetId: number; rowIndex?: number; columnIndex?: number } | undefined;
    if (!anchor) throw notImplemented('charts on their own sheet');
    const sheet = this.sheet(anchor.sheetId);
    const model = { chartId: allocateId(this.workbook), spec: structuredClone((chart.spec ?? {}) as Record<string, unknown>), anchor: { sheetId: sheet.sheetId, rowIndex: anchor.rowIndex ?? 0, columnIndex: anchor.columnIndex ?? 0 } };
    sheet.charts.push(model);
    return { addChart: { chart: chartToApi(model) } };
  }

  /**
   * Unmerges every merge inside the range; the top-left cell keeps the value, the others stay
   * empty as they read while merged. A range that cuts across a merge is refused, as by the API.
   */
  unmergeCells(body: Json): void {
    only(body, 'unmergeCells', ['range']);
    const range = body.range as GridRange;
    const sheet = this.sheet(range.sheetId);
    const r = this.bounded(sheet, range);
    if (protectionBlocking(this.workbook, this.user, sheet, r.startRowIndex, r.startColumnIndex, r.endRowIndex - r.startRowIndex, r.endColumnIndex - r.startColumnIndex)) fail(PROTECTED_CELL_MESSAGE);
    const hit = sheet.merges.filter((m) => rangesIntersect(sheet, m, r));
    if (hit.some((m) => subtractRange(sheet, m, r).length > 0)) fail('Cannot unmerge a range that partially spans a merge.');
    sheet.merges = sheet.merges.filter((m) => !hit.includes(m));
  }

  deleteEmbeddedObject(body: Json): void {
    const sheet = this.workbook.sheets.find((s) => s.charts.some((c) => c.chartId === Number(body.objectId)));
    if (!sheet) fail(`No embedded object with id: ${String(body.objectId)}`);
    else sheet.charts = sheet.charts.filter((c) => c.chartId !== Number(body.objectId));
  }
}

/** The request kinds the emulation implements, each by its RequestProcessor method of that name. */
const HANDLED = [
  'addSheet', 'duplicateSheet', 'deleteSheet', 'updateSheetProperties', 'updateCells', 'repeatCell', 'setDataValidation', 'appendDimension', 'insertDimension', 'deleteDimension',
  'updateDimensionProperties', 'addConditionalFormatRule', 'deleteConditionalFormatRule', 'addProtectedRange',
  'updateProtectedRange', 'createDeveloperMetadata', 'deleteDeveloperMetadata', 'addChart', 'deleteEmbeddedObject', 'unmergeCells',
] as const;

// --- values ------------------------------------------------------------------------------------

interface ResolvedRange {
  sheet: SheetModel;
  range: Required<GridRange>;
  /** A1 as the API echoes it: quoted sheet name, bounded. */
  a1: string;
}

function resolveRange(workbook: WorkbookModel, a1: string): ResolvedRange {
  let parsed;
  try {
    parsed = parseA1Range(a1);
  } catch {
    return fail(`Unable to parse range: ${a1}`);
  }
  const sheet = parsed.sheetName === undefined ? workbook.sheets[0] : sheetByTitle(workbook, parsed.sheetName);
  if (!sheet) return fail(`Unable to parse range: ${a1}`);
  const range = closedRange(sheet, { sheetId: sheet.sheetId, startRowIndex: parsed.startRow, endRowIndex: parsed.endRow, startColumnIndex: parsed.startColumn, endColumnIndex: parsed.endColumn });
  const a1Text = formatA1(range.startRowIndex, range.startColumnIndex, range.endRowIndex - range.startRowIndex, range.endColumnIndex - range.startColumnIndex);
  return { sheet, range, a1: `${quoteSheetName(sheet.title)}!${a1Text}` };
}

/** UNFORMATTED_VALUE with SERIAL_NUMBER dates: trailing empty cells of each row and trailing empty rows omitted. */
function readValues(r: ResolvedRange): (Scalar | '')[][] {
  const rows: (Scalar | '')[][] = [];
  for (let i = r.range.startRowIndex; i < r.range.endRowIndex; i += 1) {
    const line = r.sheet.rows[i];
    const row: (Scalar | '')[] = [];
    for (let j = r.range.startColumnIndex; j < r.range.endColumnIndex; j += 1) row.push(line?.[j]?.value ?? '');
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** ErrorValue.type of each error code a cell can hold (the API's ErrorType). */
const ERROR_TYPES: Record<string, string> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

/** A cell's effectiveValue (ExtendedValue): what it shows, unformatted; dates as serial numbers; an error as its ErrorValue. */
function effectiveValue(cell: CellData | undefined): Json | undefined {
  const value = cell?.value;
  if (value === undefined || value === '') return undefined;
  if (cell?.error !== undefined) return { errorValue: { type: ERROR_TYPES[String(value)] ?? 'ERROR', message: cell.error } };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value };
}

/**
 * A sheet's grid data (GridData from A1) as spreadsheets.get returns it under the mask
 * data.rowData.values.effectiveValue: rows up to the last holding a value, each row's cells up to
 * its last value, an empty cell as {}. `cells` counts the CellData returned.
 */
function gridData(sheet: SheetModel): { data: Json; cells: number } {
  const rows = Array.from(sheet.rows, (line) => {
    const values = Array.from(line ?? [], (cell) => effectiveValue(cell));
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    return values;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const cells = rows.reduce((n, row) => n + row.length, 0);
  const rowData = rows.map((values) => (values.length === 0 ? {} : { values: values.map((v) => (v === undefined ? {} : { effectiveValue: v })) }));
  return { data: { rowData }, cells };
}

/**
 * A copy of the workbook for a batchUpdate's dry run. A sheet's cells, the bulk of a workbook,
 * are copied when the dry run first reaches them: one call's requests reach few of the sheets.
 */
function draftOf(workbook: WorkbookModel): WorkbookModel {
  const draft: WorkbookModel = structuredClone({ ...workbook, sheets: [] });
  draft.sheets = workbook.sheets.map(({ rows, ...rest }) => {
    const sheet = structuredClone(rest) as SheetModel;
    let copied: SheetModel['rows'] | undefined;
    Object.defineProperty(sheet, 'rows', {
      enumerable: true,
      get: () => (copied ??= cloneRows(rows)),
      set: (next: SheetModel['rows']) => {
        copied = next;
      },
    });
    return sheet;
  });
  return draft;
}

// --- the service -------------------------------------------------------------------------------

interface BatchGetOptions {
  ranges?: string[];
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
  majorDimension?: string;
}

export function createSheetsAdvancedService(ctx: ServiceContext, engine: FormulaEngine, faults: { failWritesAfter?: number } = {}) {
  const workbook = () => engine.workbook;
  let writes = 0;

  /** Authorises, records and runs one API call; model errors become the API's error text. */
  const call = <T>(service: string, method: string, kind: ServiceCall['kind'], spreadsheetId: string, run: () => { result: T } & Pick<ServiceCall, 'cells' | 'requests' | 'bytes'>): T => {
    const qualified = `${service}.${method}`;
    if (ctx.authMode === 'NONE' || ctx.authMode === 'CUSTOM_FUNCTION') throw new ctx.realm.Error(`You do not have permission to call ${qualified}`);
    const apiName = `sheets.${qualified.slice('Sheets.'.length).replace('Spreadsheets', 'spreadsheets').replace('.Values', '.values')}`;
    const apiError = (message: string) => new ctx.realm.Error(`API call to ${apiName} failed with error: ${message}`);
    if (spreadsheetId !== workbook().spreadsheetId) throw apiError('Requested entity was not found.');
    // The API sees the spreadsheet as the server holds it: what SpreadsheetApp buffered is recalculated first.
    engine.flush();
    let outcome;
    try {
      outcome = run();
    } catch (e) {
      throw apiError(e instanceof Error ? e.message : String(e));
    }
    const { result, ...size } = outcome;
    ctx.metrics.record({ service, method, kind, ...size });
    return toRealm(ctx, result) as T;
  };

  const spreadsheetResource = (): Json => {
    const wb = workbook();
    return compact({
      spreadsheetId: wb.spreadsheetId,
      properties: { title: wb.title, locale: wb.locale, timeZone: wb.timeZone },
      sheets: wb.sheets.map((sheet) =>
        compact({
          properties: sheetProperties(wb, sheet),
          protectedRanges: sheet.protectedRanges.map((p) => protectedRangeToApi(wb, p, ctx.user)),
          developerMetadata: sheet.developerMetadata.map(metadataToApi),
          charts: sheet.charts.map(chartToApi),
          merges: sheet.merges,
          // The add-on reads a rule's ranges (to find its own by position), never its condition or format.
          conditionalFormats: sheet.conditionalFormats.map((rule) => ({ ranges: rule.ranges })),
        }),
      ),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${wb.spreadsheetId}/edit`,
    });
  };

  const spreadsheets = {
    get: (spreadsheetId: string, optionalArgs: { fields?: string } = {}) =>
      call('Sheets.Spreadsheets', 'get', 'read', spreadsheetId, () => {
        only(optionalArgs, 'Spreadsheets.get options', ['fields']);
        const resource = spreadsheetResource();
        if (!optionalArgs.fields) return { result: resource };
        const mask = parseFieldMask(optionalArgs.fields);
        // Grid data comes only under a mask that names it (a mask set, includeGridData is ignored):
        // each sheet's values, charged by the cells returned.
        const data = mask !== true && mask.sheets !== true ? mask.sheets?.data : undefined;
        if (data === undefined) return { result: applyMask(resource, mask) as Json };
        for (const path of maskPaths(data)) if (path !== 'rowData.values.effectiveValue') throw notImplemented(`spreadsheets.get fields sheets.data.${path}`);
        const grids = workbook().sheets.map(gridData);
        const sheets = (resource.sheets as Json[]).map((sheet, i) => ({ ...sheet, data: [grids[i].data] }));
        return { result: applyMask({ ...resource, sheets }, mask) as Json, cells: grids.reduce((n, g) => n + g.cells, 0) };
      }),

    batchUpdate: (resource: { requests?: Request[] }, spreadsheetId: string) =>
      call('Sheets.Spreadsheets', 'batchUpdate', 'write', spreadsheetId, () => {
        only(resource, 'batchUpdate body', ['requests']);
        const requests = resource.requests ?? [];
        if (faults.failWritesAfter !== undefined && writes >= faults.failWritesAfter) throw new ApiError(`Internal error encountered (fault injected after ${faults.failWritesAfter} batchUpdate calls).`);
        writes++;
        // Dry run on a copy: one failing request leaves the workbook untouched.
        const dry = new RequestProcessor(new WorkbookEditor(draftOf(workbook())), ctx.user);
        requests.forEach((request, i) => {
          try {
            dry.apply(request);
          } catch (e) {
            throw new ApiError(`Invalid requests[${i}].${Object.keys(request)[0] ?? ''}: ${e instanceof Error ? e.message : String(e)}`);
          }
        });
        const live = new RequestProcessor(engine.editor, ctx.user);
        // One batchUpdate is one batch of changes: every dependent formula is recalculated once, at its end.
        const replies = engine.batch(() => requests.map((request) => live.apply(request)));
        // What the call sends: its JSON body (the advanced service posts the resource as JSON, UTF-8).
        return { result: { spreadsheetId, replies }, cells: live.cellsWritten, requests: requests.length, bytes: Buffer.byteLength(JSON.stringify(resource)) };
      }),

    Values: {
      batchGet: (spreadsheetId: string, optionalArgs: BatchGetOptions = {}) =>
        call('Sheets.Spreadsheets.Values', 'batchGet', 'read', spreadsheetId, () => {
          const { valueRenderOption, dateTimeRenderOption, majorDimension = 'ROWS' } = optionalArgs;
          if (valueRenderOption !== 'UNFORMATTED_VALUE' || dateTimeRenderOption !== 'SERIAL_NUMBER' || majorDimension !== 'ROWS') {
            throw notImplemented(`values.batchGet other than UNFORMATTED_VALUE, SERIAL_NUMBER, ROWS`);
          }
          const ranges = (optionalArgs.ranges ?? []).map((a1) => resolveRange(workbook(), a1));
          const valueRanges = ranges.map((r) => compact({ range: r.a1, majorDimension: 'ROWS', values: readValues(r) }));
          const cells = ranges.reduce((n, r) => n + (r.range.endRowIndex - r.range.startRowIndex) * (r.range.endColumnIndex - r.range.startColumnIndex), 0);
          return { result: { spreadsheetId, valueRanges }, cells };
        }),
    },
  };
  return loud({ Spreadsheets: loud({ ...spreadsheets, Values: loud(spreadsheets.Values, 'Sheets.Spreadsheets.Values') }, 'Sheets.Spreadsheets') }, 'Sheets');
}

/** Plain JSON into the bundle's realm (its arrays and objects), as the advanced service returns parsed JSON. */
function toRealm(ctx: ServiceContext, value: unknown): unknown {
  if (Array.isArray(value)) return ctx.realm.Array.from(value, (v) => toRealm(ctx, v));
  if (value === null || typeof value !== 'object') return value;
  const out = new ctx.realm.Object() as Json;
  // for…in, not Object.entries: a result can hold a whole workbook's cells, and entries would be one array per object.
  for (const k in value) if (Object.hasOwn(value, k)) out[k] = toRealm(ctx, (value as Json)[k]);
  return out;
}
