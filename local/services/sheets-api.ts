// The Sheets advanced service (the `Sheets` global, Sheets API v4) over the session's workbook.
// batchUpdate is atomic as in the API: the requests are first applied to a copy of the model; if
// one fails nothing is changed and the call throws the API's error text.
import type { FormulaEngine } from '../engine';
import { WorkbookEditor, withContent, type Dimension } from '../model/editor';
import { formatCellValue } from '../model/number-format';
import type {
  CellData,
  CellFormat,
  ConditionalFormatRule,
  DataValidationEntry,
  DataValidationRule,
  DeveloperMetadata,
  GridRange,
  ProtectedRange,
  Scalar,
  SheetModel,
  WorkbookModel,
} from '../model/types';
import {
  allocateId,
  formatA1,
  isDateFormat,
  parseA1Range,
  quoteSheetName,
  rangesIntersect,
  rawToCell,
  sheetById,
  sheetByTitle,
  subtractRange,
  userEnteredToCell,
  type EnteredContent,
} from '../model/workbook';
import type { ServiceCall, ServiceContext } from './context';
import { allMetadata, locationSheetId, removeMetadata } from './spreadsheet/metadata';
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
      const path = name.trim().split(/[./]/).filter(Boolean);
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
      } else if (last === '*') {
        return void Object.assign(into, { '*': true });
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

/** Drops undefined fields and empty lists, as API responses omit them. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = compact(v);
  }
  return out as T;
}

// --- colours -----------------------------------------------------------------------------------

interface ApiColor {
  red?: number;
  green?: number;
  blue?: number;
}

function colorToHex(color: ApiColor | undefined): string | undefined {
  if (!color) return undefined;
  const hex = (v = 0) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`;
}

function hexToColor(hex: string | undefined): ApiColor | undefined {
  const m = hex ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) : null;
  if (!m) return undefined;
  return { red: parseInt(m[1], 16) / 255, green: parseInt(m[2], 16) / 255, blue: parseInt(m[3], 16) / 255 };
}

const colorOf = (c: Json | undefined, key: string): string | undefined =>
  colorToHex((c?.[key] as ApiColor | undefined) ?? ((c?.[`${key}Style`] as Json | undefined)?.rgbColor as ApiColor | undefined));

// --- model ↔ API shapes ------------------------------------------------------------------------

function sheetProperties(workbook: WorkbookModel, sheet: SheetModel): Json {
  return compact({
    sheetId: sheet.sheetId,
    title: sheet.title,
    index: workbook.sheets.indexOf(sheet),
    sheetType: 'GRID',
    hidden: sheet.hidden || undefined,
    gridProperties: {
      rowCount: sheet.rowCount,
      columnCount: sheet.columnCount,
      frozenRowCount: sheet.frozenRowCount || undefined,
      frozenColumnCount: sheet.frozenColumnCount || undefined,
    },
    tabColor: hexToColor(sheet.tabColor),
  });
}

function metadataToApi(m: DeveloperMetadata): Json {
  const location = m.location;
  const locationType = 'spreadsheet' in location ? 'SPREADSHEET' : 'sheetId' in location ? 'SHEET' : location.dimensionRange.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
  return compact({ metadataId: m.metadataId, metadataKey: m.metadataKey, metadataValue: m.metadataValue, visibility: m.visibility, location: { locationType, ...location } });
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

function conditionalFormatToApi(rule: ConditionalFormatRule): Json {
  const f = rule.booleanRule.format;
  return compact({
    ranges: rule.ranges,
    booleanRule: {
      condition: rule.booleanRule.condition,
      format: compact({ backgroundColor: hexToColor(f.backgroundColor), textFormat: f.fontColor || f.bold !== undefined ? compact({ foregroundColor: hexToColor(f.fontColor), bold: f.bold }) : undefined }),
    },
  });
}

function conditionalFormatFromApi(rule: Json): ConditionalFormatRule {
  const booleanRule = rule.booleanRule as Json | undefined;
  if (!booleanRule) throw new Error('Not implemented in the local runtime: gradient conditional format rules');
  const format = (booleanRule.format ?? {}) as Json;
  const text = format.textFormat as Json | undefined;
  const out: ConditionalFormatRule['booleanRule']['format'] = {};
  const background = colorOf(format, 'backgroundColor');
  const fontColor = colorOf(text, 'foregroundColor');
  if (background) out.backgroundColor = background;
  if (fontColor) out.fontColor = fontColor;
  if (typeof text?.bold === 'boolean') out.bold = text.bold;
  return { ranges: rule.ranges as GridRange[], booleanRule: { condition: booleanRule.condition as ConditionalFormatRule['booleanRule']['condition'], format: out } };
}

function cellFormatFromApi(format: Json, mask: Mask, old: CellFormat | undefined): CellFormat | undefined {
  const next: CellFormat = masked(mask, 'userEnteredFormat') && mask !== true && typeof mask.userEnteredFormat === 'object' ? { ...old } : {};
  const set = <K extends keyof CellFormat>(path: string, key: K, value: CellFormat[K] | undefined) => {
    if (!masked(mask, `userEnteredFormat.${path}`)) return;
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  const numberFormat = format.numberFormat as { type?: string; pattern?: string } | undefined;
  const defaultPattern: Record<string, string> = { DATE: 'dd/MM/yyyy', DATE_TIME: 'dd/MM/yyyy HH:mm:ss', TIME: 'HH:mm:ss', TEXT: '@', PERCENT: '0.00%', NUMBER: '#,##0.00' };
  set('numberFormat', 'numberFormat', numberFormat ? (numberFormat.pattern ?? defaultPattern[numberFormat.type ?? '']) : undefined);
  const text = format.textFormat as Json | undefined;
  set('textFormat.bold', 'bold', typeof text?.bold === 'boolean' ? text.bold : undefined);
  set('textFormat.italic', 'italic', typeof text?.italic === 'boolean' ? text.italic : undefined);
  set('textFormat.foregroundColor', 'fontColor', colorOf(text, 'foregroundColor'));
  set('textFormat.foregroundColorStyle', 'fontColor', colorOf(text, 'foregroundColor'));
  set('backgroundColor', 'background', colorOf(format, 'backgroundColor'));
  set('backgroundColorStyle', 'background', colorOf(format, 'backgroundColor'));
  set('wrapStrategy', 'wrap', format.wrapStrategy === undefined ? undefined : format.wrapStrategy === 'WRAP');
  set('horizontalAlignment', 'horizontalAlignment', format.horizontalAlignment as CellFormat['horizontalAlignment']);
  set('verticalAlignment', 'verticalAlignment', format.verticalAlignment as CellFormat['verticalAlignment']);
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The API's ExtendedValue → entered content (a stringValue is text even when it starts with '='). */
function extendedValueToContent(value: Json | undefined): EnteredContent {
  if (!value) return {};
  if (typeof value.formulaValue === 'string') return { formula: value.formulaValue };
  if (typeof value.stringValue === 'string') return value.stringValue === '' ? {} : { value: value.stringValue };
  if (typeof value.numberValue === 'number') return { value: value.numberValue };
  if (typeof value.boolValue === 'boolean') return { value: value.boolValue };
  return {};
}

/** One API CellData written under a field mask onto a model cell. */
function writeApiCell(old: CellData | undefined, data: Json | undefined, mask: Mask): CellData | undefined {
  let cell: CellData | undefined = old ? { ...old } : undefined;
  if (masked(mask, 'userEnteredValue')) cell = withContent(cell, extendedValueToContent(data?.userEnteredValue as Json | undefined));
  if (masked(mask, 'userEnteredFormat') || (mask !== true && typeof mask.userEnteredFormat === 'object')) {
    const format = cellFormatFromApi((data?.userEnteredFormat ?? {}) as Json, mask, cell?.format);
    cell = { ...cell };
    if (format) cell.format = format;
    else delete cell.format;
  }
  if (masked(mask, 'note')) {
    cell = { ...cell };
    if (typeof data?.note === 'string' && data.note !== '') cell.note = data.note;
    else delete cell.note;
  }
  return cell && Object.keys(cell).length > 0 ? cell : undefined;
}

// --- the request processor ---------------------------------------------------------------------

class ApiError extends Error {}

const fail = (message: string): never => {
  throw new ApiError(message);
};

/** Applies batchUpdate requests to a workbook through an editor; returns the replies and the cells written. */
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
    const r = {
      sheetId: sheet.sheetId,
      startRowIndex: range.startRowIndex ?? 0,
      endRowIndex: range.endRowIndex ?? sheet.rowCount,
      startColumnIndex: range.startColumnIndex ?? 0,
      endColumnIndex: range.endColumnIndex ?? sheet.columnCount,
    };
    if (r.endRowIndex > sheet.rowCount) fail(`GridCoordinate.rowIndex[${r.endRowIndex - 1}] is after last row in grid[${sheet.rowCount - 1}]`);
    if (r.endColumnIndex > sheet.columnCount) fail(`GridCoordinate.columnIndex[${r.endColumnIndex - 1}] is after last column in grid[${sheet.columnCount - 1}]`);
    return r;
  }

  private assertEditable(sheet: SheetModel, r: Required<GridRange>): void {
    const height = r.endRowIndex - r.startRowIndex;
    const width = r.endColumnIndex - r.startColumnIndex;
    if (protectionBlocking(this.workbook, this.user, sheet, r.startRowIndex, r.startColumnIndex, height, width)) fail(PROTECTED_CELL_MESSAGE);
  }

  /** Writes API cells over a block (cells of the block without data are written empty under the mask). */
  private writeBlock(sheet: SheetModel, r: Required<GridRange>, dataAt: (i: number, j: number) => Json | undefined, mask: Mask): void {
    this.assertEditable(sheet, r);
    const height = r.endRowIndex - r.startRowIndex;
    const width = r.endColumnIndex - r.startColumnIndex;
    const content = masked(mask, 'userEnteredValue');
    this.editor.updateCells(sheet, r.startRowIndex, r.startColumnIndex, height, width, (old, row, col) => writeApiCell(old, dataAt(row - r.startRowIndex, col - r.startColumnIndex), mask), content);
    if (masked(mask, 'dataValidation')) this.writeValidations(sheet, r, dataAt);
    this.cellsWritten += height * width;
  }

  /**
   * The dataValidation field of CellData: every cell of the block takes the rule it carries, or
   * none. Rules are kept as ranges, so equal rules down a column are merged into one range.
   */
  private writeValidations(sheet: SheetModel, r: Required<GridRange>, dataAt: (i: number, j: number) => Json | undefined): void {
    const added: DataValidationEntry[] = [];
    for (let col = r.startColumnIndex; col < r.endColumnIndex; col += 1) {
      let run: { start: number; rule: DataValidationRule; key: string } | undefined;
      const close = (end: number) => {
        if (run) added.push({ range: { sheetId: sheet.sheetId, startRowIndex: run.start, endRowIndex: end, startColumnIndex: col, endColumnIndex: col + 1 }, rule: run.rule });
        run = undefined;
      };
      for (let row = r.startRowIndex; row < r.endRowIndex; row += 1) {
        const rule = dataAt(row - r.startRowIndex, col - r.startColumnIndex)?.dataValidation as DataValidationRule | undefined;
        const key = rule ? JSON.stringify(rule) : '';
        if (run && run.key === key) continue;
        close(row);
        if (rule) run = { start: row, rule: structuredClone(rule), key };
      }
      close(r.endRowIndex);
    }
    sheet.dataValidations = [...sheet.dataValidations.flatMap((v) => subtractRange(sheet, v.range, r).map((range) => ({ range, rule: v.rule }))), ...added];
  }

  private protectedRange(id: unknown): { sheet: SheetModel; p: ProtectedRange } {
    for (const sheet of this.workbook.sheets) {
      const p = sheet.protectedRanges.find((x) => x.protectedRangeId === Number(id));
      if (p) return { sheet, p };
    }
    return fail(`No protected range with id: ${String(id)}`);
  }

  private assertCanChange(p: ProtectedRange): void {
    if (!canEditProtection(this.workbook, p, this.user)) fail('You do not have permission to edit this protected range.');
  }

  private metadataMatching(filter: Json | undefined): DeveloperMetadata[] {
    const lookup = filter?.developerMetadataLookup as Json | undefined;
    if (!lookup) return fail('Not implemented in the local runtime: data filters other than developerMetadataLookup');
    return allMetadata(this.workbook)
      .map((m) => m.entry)
      .filter((m) => metadataMatches(m, lookup));
  }

  apply(request: Request): Json | undefined {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) fail('Request must contain exactly one kind of request.');
    const kind = kinds[0];
    const body = request[kind] ?? {};
    const handler = this.handlers[kind];
    if (!handler) fail(`Not implemented in the local runtime: ${kind}`);
    return handler(body);
  }

  private readonly handlers: Record<string, (body: Json) => Json | undefined> = {
    addSheet: (body) => {
      const props = (body.properties ?? {}) as Json;
      const grid = (props.gridProperties ?? {}) as Json;
      const sheet = this.editor.addSheet({
        title: props.title as string | undefined,
        index: props.index as number | undefined,
        sheetId: props.sheetId as number | undefined,
        rowCount: grid.rowCount as number | undefined,
        columnCount: grid.columnCount as number | undefined,
        hidden: props.hidden as boolean | undefined,
        frozenRowCount: grid.frozenRowCount as number | undefined,
        frozenColumnCount: grid.frozenColumnCount as number | undefined,
        tabColor: colorOf(props, 'tabColor'),
      });
      return { addSheet: { properties: sheetProperties(this.workbook, sheet) } };
    },
    deleteSheet: (body) => {
      const sheet = this.sheet(body.sheetId);
      this.assertEditable(sheet, this.bounded(sheet, { sheetId: sheet.sheetId }));
      this.editor.deleteSheet(sheet.sheetId);
      return undefined;
    },
    updateSheetProperties: (body) => {
      const props = (body.properties ?? {}) as Json;
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      const sheet = this.sheet(props.sheetId);
      const grid = (props.gridProperties ?? {}) as Json;
      if (masked(mask, 'title')) this.editor.renameSheet(sheet.sheetId, String(props.title ?? ''));
      if (masked(mask, 'index')) this.editor.moveSheet(sheet.sheetId, Number(props.index ?? 0));
      if (masked(mask, 'hidden')) {
        if (props.hidden === true && this.workbook.sheets.every((s) => s === sheet || s.hidden)) fail("You can't hide all the sheets in a document.");
        sheet.hidden = props.hidden === true;
      }
      if (masked(mask, 'tabColor') || masked(mask, 'tabColorStyle')) {
        const color = colorOf(props, 'tabColor');
        if (color) sheet.tabColor = color;
        else delete sheet.tabColor;
      }
      if (masked(mask, 'gridProperties.frozenRowCount')) sheet.frozenRowCount = Number(grid.frozenRowCount ?? 0);
      if (masked(mask, 'gridProperties.frozenColumnCount')) sheet.frozenColumnCount = Number(grid.frozenColumnCount ?? 0);
      const resize = (dimension: Dimension, wanted: unknown, current: number) => {
        const target = Number(wanted ?? 0);
        if (target > current) this.editor.appendDimension(sheet, dimension, target - current);
        else if (target < current) this.editor.deleteDimension(sheet, dimension, target, current);
      };
      if (masked(mask, 'gridProperties.rowCount')) resize('ROWS', grid.rowCount, sheet.rowCount);
      if (masked(mask, 'gridProperties.columnCount')) resize('COLUMNS', grid.columnCount, sheet.columnCount);
      return undefined;
    },
    updateSpreadsheetProperties: (body) => {
      const props = (body.properties ?? {}) as Json;
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      if (masked(mask, 'title')) this.workbook.title = String(props.title ?? '');
      if (masked(mask, 'timeZone')) this.workbook.timeZone = String(props.timeZone ?? this.workbook.timeZone);
      if (masked(mask, 'locale')) this.workbook.locale = String(props.locale ?? this.workbook.locale);
      return undefined;
    },
    updateCells: (body) => {
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      const rows = ((body.rows ?? []) as Json[]).map((r) => (r.values ?? []) as Json[]);
      const start = body.start as { sheetId: number; rowIndex?: number; columnIndex?: number } | undefined;
      const range = body.range as GridRange | undefined;
      const sheet = this.sheet(start?.sheetId ?? range?.sheetId);
      const r = range
        ? this.bounded(sheet, range)
        : this.bounded(sheet, {
            sheetId: sheet.sheetId,
            startRowIndex: start?.rowIndex ?? 0,
            endRowIndex: (start?.rowIndex ?? 0) + Math.max(1, rows.length),
            startColumnIndex: start?.columnIndex ?? 0,
            endColumnIndex: (start?.columnIndex ?? 0) + Math.max(1, ...rows.map((v) => v.length)),
          });
      // With a start, only the cells given are written; with a range, every cell of it is.
      const target = (i: number, j: number) => rows[i]?.[j];
      if (range) this.writeBlock(sheet, r, target, mask);
      else rows.forEach((values, i) => values.forEach((cell, j) => this.writeBlock(sheet, { ...r, startRowIndex: r.startRowIndex + i, endRowIndex: r.startRowIndex + i + 1, startColumnIndex: r.startColumnIndex + j, endColumnIndex: r.startColumnIndex + j + 1 }, () => cell, mask)));
      return undefined;
    },
    repeatCell: (body) => {
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      const range = body.range as GridRange;
      const sheet = this.sheet(range.sheetId);
      this.writeBlock(sheet, this.bounded(sheet, range), () => body.cell as Json, mask);
      return undefined;
    },
    appendDimension: (body) => {
      this.editor.appendDimension(this.sheet(body.sheetId), body.dimension as Dimension, Number(body.length));
      return undefined;
    },
    insertDimension: (body) => {
      const range = body.range as { sheetId: number; dimension: Dimension; startIndex: number; endIndex: number };
      const sheet = this.sheet(range.sheetId);
      if (insertionBlocking(this.workbook, this.user, sheet, range.dimension, range.startIndex)) fail(PROTECTED_CELL_MESSAGE);
      this.editor.insertDimension(sheet, range.dimension, range.startIndex, range.endIndex - range.startIndex);
      return undefined;
    },
    deleteDimension: (body) => {
      const range = body.range as { sheetId: number; dimension: Dimension; startIndex: number; endIndex: number };
      const sheet = this.sheet(range.sheetId);
      const block: GridRange = range.dimension === 'ROWS' ? { sheetId: sheet.sheetId, startRowIndex: range.startIndex, endRowIndex: range.endIndex } : { sheetId: sheet.sheetId, startColumnIndex: range.startIndex, endColumnIndex: range.endIndex };
      this.assertEditable(sheet, this.bounded(sheet, block));
      this.editor.deleteDimension(sheet, range.dimension, range.startIndex, range.endIndex);
      return undefined;
    },
    updateDimensionProperties: (body) => {
      const range = body.range as { sheetId: number; dimension: Dimension; startIndex: number; endIndex: number };
      const props = (body.properties ?? {}) as Json;
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      if (range.dimension !== 'COLUMNS') fail('Not implemented in the local runtime: row properties');
      const sheet = this.sheet(range.sheetId);
      if (masked(mask, 'pixelSize')) for (let c = range.startIndex; c < range.endIndex; c += 1) sheet.columnWidths[c] = Number(props.pixelSize);
      return undefined;
    },
    setDataValidation: (body) => {
      const range = body.range as GridRange;
      const sheet = this.sheet(range.sheetId);
      const block = this.bounded(sheet, range);
      sheet.dataValidations = sheet.dataValidations.flatMap((v) => subtractRange(sheet, v.range, block).map((r) => ({ range: r, rule: v.rule })));
      if (body.rule) sheet.dataValidations.push({ range: block, rule: structuredClone(body.rule) as SheetModel['dataValidations'][number]['rule'] });
      return undefined;
    },
    addConditionalFormatRule: (body) => {
      const rule = conditionalFormatFromApi(body.rule as Json);
      const sheet = this.sheet(rule.ranges[0]?.sheetId);
      sheet.conditionalFormats.splice(Number(body.index ?? sheet.conditionalFormats.length), 0, rule);
      return undefined;
    },
    deleteConditionalFormatRule: (body) => {
      const sheet = this.sheet(body.sheetId);
      const index = Number(body.index);
      if (!(index >= 0 && index < sheet.conditionalFormats.length)) fail(`No conditional format on sheet: ${sheet.sheetId} at index: ${index}`);
      sheet.conditionalFormats.splice(index, 1);
      return undefined;
    },
    addProtectedRange: (body) => {
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
    },
    updateProtectedRange: (body) => {
      const input = (body.protectedRange ?? {}) as Json;
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      const { sheet, p } = this.protectedRange(input.protectedRangeId);
      this.assertCanChange(p);
      if (masked(mask, 'description')) p.description = String(input.description ?? '');
      if (masked(mask, 'warningOnly')) p.warningOnly = input.warningOnly === true;
      if (masked(mask, 'range')) {
        const range = input.range as GridRange;
        if (range.sheetId !== sheet.sheetId) fail('A protected range cannot move to another sheet.');
        p.range = structuredClone(range);
      }
      if (masked(mask, 'unprotectedRanges')) p.unprotectedRanges = structuredClone((input.unprotectedRanges ?? []) as GridRange[]);
      if (masked(mask, 'editors')) {
        const editors = (input.editors ?? {}) as ProtectedRange['editors'];
        if (masked(mask, 'editors.users')) p.editors.users = [...(editors.users ?? [])];
        if (masked(mask, 'editors.domainUsersCanEdit')) p.editors.domainUsersCanEdit = editors.domainUsersCanEdit === true;
        delete p.mirrorsFile;
      }
      return undefined;
    },
    deleteProtectedRange: (body) => {
      const { sheet, p } = this.protectedRange(body.protectedRangeId);
      this.assertCanChange(p);
      sheet.protectedRanges = sheet.protectedRanges.filter((x) => x !== p);
      return undefined;
    },
    createDeveloperMetadata: (body) => {
      const input = (body.developerMetadata ?? {}) as Json;
      const location = (input.location ?? fail('Developer metadata must have a location.')) as Json;
      const key = typeof input.metadataKey === 'string' && input.metadataKey !== '' ? input.metadataKey : fail('Developer metadata must have a key.');
      const modelLocation = locationFromApi(location);
      const sheetId = locationSheetId(modelLocation);
      if (sheetId !== undefined) this.sheet(sheetId);
      const id = typeof input.metadataId === 'number' ? input.metadataId : allocateId(this.workbook);
      if (allMetadata(this.workbook).some((m) => m.entry.metadataId === id)) fail(`Developer metadata with id ${id} already exists.`);
      const entry: DeveloperMetadata = { metadataId: id, metadataKey: key, visibility: input.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT', location: modelLocation };
      if (typeof input.metadataValue === 'string') entry.metadataValue = input.metadataValue;
      (sheetId === undefined ? this.workbook.developerMetadata : this.sheet(sheetId).developerMetadata).push(entry);
      return { createDeveloperMetadata: { developerMetadata: metadataToApi(entry) } };
    },
    updateDeveloperMetadata: (body) => {
      const input = (body.developerMetadata ?? {}) as Json;
      const mask = parseFieldMask(String(body.fields ?? fail("'fields' is required")));
      const matches = ((body.dataFilters ?? []) as Json[]).flatMap((f) => this.metadataMatching(f));
      for (const m of matches) {
        if (masked(mask, 'metadataKey')) m.metadataKey = String(input.metadataKey ?? '');
        if (masked(mask, 'metadataValue')) {
          if (typeof input.metadataValue === 'string') m.metadataValue = input.metadataValue;
          else delete m.metadataValue;
        }
        if (masked(mask, 'visibility')) m.visibility = input.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
      }
      return { updateDeveloperMetadata: { developerMetadata: matches.map(metadataToApi) } };
    },
    deleteDeveloperMetadata: (body) => {
      const matches = this.metadataMatching(body.dataFilter as Json | undefined);
      const deleted = matches.map(metadataToApi);
      for (const m of matches) removeMetadata(this.workbook, m.metadataId);
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted } };
    },
    addChart: (body) => {
      const chart = (body.chart ?? {}) as Json;
      const anchor = ((chart.position as Json | undefined)?.overlayPosition as Json | undefined)?.anchorCell as { sheetId: number; rowIndex?: number; columnIndex?: number } | undefined;
      if (!anchor) fail('Not implemented in the local runtime: charts on their own sheet');
      const sheet = this.sheet(anchor?.sheetId);
      const chartId = typeof chart.chartId === 'number' ? chart.chartId : allocateId(this.workbook);
      const model = { chartId, spec: structuredClone((chart.spec ?? {}) as Record<string, unknown>), anchor: { sheetId: sheet.sheetId, rowIndex: anchor?.rowIndex ?? 0, columnIndex: anchor?.columnIndex ?? 0 } };
      sheet.charts.push(model);
      return { addChart: { chart: chartToApi(model) } };
    },
    deleteEmbeddedObject: (body) => {
      const sheet = this.workbook.sheets.find((s) => s.charts.some((c) => c.chartId === Number(body.objectId)));
      if (!sheet) fail(`No embedded object with id: ${String(body.objectId)}`);
      else sheet.charts = sheet.charts.filter((c) => c.chartId !== Number(body.objectId));
      return undefined;
    },
    mergeCells: (body) => {
      const range = body.range as GridRange;
      const sheet = this.sheet(range.sheetId);
      const r = this.bounded(sheet, range);
      const type = String(body.mergeType ?? 'MERGE_ALL');
      const pieces: GridRange[] =
        type === 'MERGE_ROWS'
          ? Array.from({ length: r.endRowIndex - r.startRowIndex }, (_, i) => ({ ...r, startRowIndex: r.startRowIndex + i, endRowIndex: r.startRowIndex + i + 1 }))
          : type === 'MERGE_COLUMNS'
            ? Array.from({ length: r.endColumnIndex - r.startColumnIndex }, (_, j) => ({ ...r, startColumnIndex: r.startColumnIndex + j, endColumnIndex: r.startColumnIndex + j + 1 }))
            : [r];
      sheet.merges = [...sheet.merges.filter((m) => !pieces.some((p) => rangesIntersect(sheet, m, p))), ...pieces];
      return undefined;
    },
    unmergeCells: (body) => {
      const range = body.range as GridRange;
      const sheet = this.sheet(range.sheetId);
      sheet.merges = sheet.merges.filter((m) => !rangesIntersect(sheet, m, range));
      return undefined;
    },
  };
}

function chartToApi(chart: SheetModel['charts'][number]): Json {
  return { chartId: chart.chartId, spec: chart.spec, position: { overlayPosition: { anchorCell: chart.anchor } } };
}

function locationFromApi(location: Json): DeveloperMetadata['location'] {
  if (location.spreadsheet === true) return { spreadsheet: true };
  if (typeof location.sheetId === 'number') return { sheetId: location.sheetId };
  const d = location.dimensionRange as { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number } | undefined;
  if (d) return { dimensionRange: { sheetId: d.sheetId, dimension: d.dimension, startIndex: d.startIndex, endIndex: d.endIndex } };
  return fail('Developer metadata location must be the spreadsheet, a sheet or a dimension range.');
}

/** DeveloperMetadataLookup matching: every given field must match. */
function metadataMatches(m: DeveloperMetadata, lookup: Json): boolean {
  if (lookup.metadataId !== undefined && m.metadataId !== Number(lookup.metadataId)) return false;
  if (lookup.metadataKey !== undefined && m.metadataKey !== lookup.metadataKey) return false;
  if (lookup.metadataValue !== undefined && m.metadataValue !== lookup.metadataValue) return false;
  if (lookup.visibility !== undefined && m.visibility !== lookup.visibility) return false;
  const api = metadataToApi(m);
  const location = api.location as Json;
  if (lookup.locationType !== undefined && location.locationType !== lookup.locationType) return false;
  const where = lookup.metadataLocation as Json | undefined;
  if (where) {
    if (where.spreadsheet === true && location.locationType !== 'SPREADSHEET') return false;
    if (typeof where.sheetId === 'number' && location.sheetId !== where.sheetId) return false;
    const d = where.dimensionRange as Json | undefined;
    const md = location.dimensionRange as Json | undefined;
    if (d && (!md || md.sheetId !== d.sheetId || md.dimension !== d.dimension || md.startIndex !== d.startIndex || md.endIndex !== d.endIndex)) return false;
  }
  return true;
}

// --- values ------------------------------------------------------------------------------------

type RenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

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
  const range = {
    sheetId: sheet.sheetId,
    startRowIndex: parsed.startRow ?? 0,
    endRowIndex: parsed.endRow ?? sheet.rowCount,
    startColumnIndex: parsed.startColumn ?? 0,
    endColumnIndex: parsed.endColumn ?? sheet.columnCount,
  };
  return {
    sheet,
    range,
    a1: `${quoteSheetName(sheet.title)}!${formatA1(range.startRowIndex, range.startColumnIndex, range.endRowIndex - range.startRowIndex, range.endColumnIndex - range.startColumnIndex)}`,
  };
}

function renderCell(workbook: WorkbookModel, cell: CellData | undefined, render: RenderOption, dateTime: string): Scalar | '' {
  if (render === 'FORMULA' && cell?.formula !== undefined) return cell.formula;
  const value = cell?.value;
  if (value === undefined) return '';
  if (render === 'FORMATTED_VALUE') return formatCellValue(value, cell?.format?.numberFormat, workbook.locale);
  if (typeof value === 'number' && dateTime === 'FORMATTED_STRING' && isDateFormat(cell?.format?.numberFormat)) {
    return formatCellValue(value, cell?.format?.numberFormat, workbook.locale);
  }
  return value;
}

/** The values of a range as the API returns them: trailing empty cells of each row and trailing empty rows omitted. */
function readValues(workbook: WorkbookModel, r: ResolvedRange, render: RenderOption, dateTime: string): (Scalar | '')[][] {
  const rows: (Scalar | '')[][] = [];
  for (let i = r.range.startRowIndex; i < r.range.endRowIndex; i += 1) {
    const line = r.sheet.rows[i];
    const row: (Scalar | '')[] = [];
    for (let j = r.range.startColumnIndex; j < r.range.endColumnIndex; j += 1) row.push(renderCell(workbook, line?.[j], render, dateTime));
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

// --- the service -------------------------------------------------------------------------------

export interface SheetsAdvancedService {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string; ranges?: string[]; includeGridData?: boolean }): Json;
    batchUpdate(resource: { requests?: Request[]; includeSpreadsheetInResponse?: boolean }, spreadsheetId: string): Json;
    Values: {
      get(spreadsheetId: string, range: string, optionalArgs?: { valueRenderOption?: RenderOption; dateTimeRenderOption?: string }): Json;
      batchGet(spreadsheetId: string, optionalArgs?: { ranges?: string[]; valueRenderOption?: RenderOption; dateTimeRenderOption?: string }): Json;
      update(resource: { values?: unknown[][] }, spreadsheetId: string, range: string, optionalArgs?: { valueInputOption?: string }): Json;
      batchUpdate(resource: { valueInputOption?: string; data?: { range: string; values?: unknown[][] }[] }, spreadsheetId: string): Json;
      append(resource: { values?: unknown[][] }, spreadsheetId: string, range: string, optionalArgs?: { valueInputOption?: string }): Json;
    };
    DeveloperMetadata: {
      get(spreadsheetId: string, metadataId: number): Json;
      search(resource: { dataFilters?: Json[] }, spreadsheetId: string): Json;
    };
  };
}

export function createSheetsAdvancedService(ctx: ServiceContext, engine: FormulaEngine): SheetsAdvancedService {
  const workbook = () => engine.workbook;
  const realmError = (method: string, message: string) => new ctx.realm.Error(`API call to sheets.${method} failed with error: ${message}`);

  /** Authorises, records and runs one API call; model errors become the API's error text. */
  const call = <T>(method: string, kind: ServiceCall['kind'], spreadsheetId: string, run: () => { result: T; cells?: number; requests?: number }): T => {
    const qualified = `Sheets.${method.replace(/^spreadsheets/, 'Spreadsheets').replace(/\.values/, '.Values').replace(/\.developerMetadata/, '.DeveloperMetadata')}`;
    if (ctx.authMode === 'NONE' || ctx.authMode === 'CUSTOM_FUNCTION') throw new ctx.realm.Error(`You do not have permission to call ${qualified}`);
    if (spreadsheetId !== workbook().spreadsheetId) throw realmError(method, 'Requested entity was not found.');
    // The API sees the spreadsheet as the server holds it: what SpreadsheetApp buffered is recalculated first.
    engine.flush();
    let outcome;
    try {
      outcome = run();
    } catch (e) {
      throw realmError(method, e instanceof Error ? e.message : String(e));
    }
    const record: ServiceCall = { service: qualified.replace(/\.[a-zA-Z]+$/, ''), method: qualified.slice(qualified.lastIndexOf('.') + 1), kind };
    if (outcome.cells !== undefined) record.cells = outcome.cells;
    if (outcome.requests !== undefined) record.requests = outcome.requests;
    ctx.metrics.record(record);
    return toRealm(ctx, outcome.result) as T;
  };

  const spreadsheetResource = (options: { ranges?: string[]; includeGridData?: boolean }): Json => {
    const wb = workbook();
    const gridRanges = (options.ranges ?? []).map((a1) => resolveRange(wb, a1));
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
          conditionalFormats: sheet.conditionalFormats.map(conditionalFormatToApi),
          data: options.includeGridData ? gridData(wb, sheet, gridRanges.filter((g) => g.sheet === sheet)) : undefined,
        }),
      ),
      developerMetadata: wb.developerMetadata.map(metadataToApi),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${wb.spreadsheetId}/edit`,
    });
  };

  const writeValues = (data: { range: string; values?: unknown[][] }[], inputOption: string | undefined, appendRows = false) => {
    if (inputOption !== 'RAW' && inputOption !== 'USER_ENTERED') fail("'valueInputOption' is required but not specified");
    const wb = workbook();
    const plans = data.map((d) => {
      const target = resolveRange(wb, d.range);
      const values = d.values ?? [];
      const width = Math.max(0, ...values.map((row) => row.length));
      let top = target.range.startRowIndex;
      if (appendRows) {
        let last = top - 1;
        target.sheet.rows.forEach((row, r) => {
          if (r >= top && row?.slice(target.range.startColumnIndex, target.range.endColumnIndex).some((c) => c?.value !== undefined || c?.formula !== undefined)) last = r;
        });
        top = last + 1;
      }
      const overflowRows = top + values.length - target.sheet.rowCount;
      if (!appendRows && (overflowRows > 0 || target.range.startColumnIndex + width > target.sheet.columnCount)) {
        fail(`Range (${target.a1}) exceeds grid limits. Max rows: ${target.sheet.rowCount}, max columns: ${target.sheet.columnCount}`);
      }
      if (!appendRows && (values.length > target.range.endRowIndex - target.range.startRowIndex || width > target.range.endColumnIndex - target.range.startColumnIndex)) {
        fail(`Requested writing within range [${d.range}], but tried writing to ${values.length > target.range.endRowIndex - target.range.startRowIndex ? 'row' : 'column'} [${values.length > target.range.endRowIndex - target.range.startRowIndex ? top + values.length : target.range.startColumnIndex + width}]`);
      }
      if (protectionBlocking(wb, ctx.user, target.sheet, top, target.range.startColumnIndex, Math.max(1, values.length), Math.max(1, width))) fail(PROTECTED_CELL_MESSAGE);
      return { target, values, width, top, overflowRows };
    });
    // All the ranges of one call are one batch of writes: recalculated once.
    return engine.batch(() => plans.map(({ target, values, width, top, overflowRows }) => {
      const sheet = target.sheet;
      if (overflowRows > 0) engine.editor.appendDimension(sheet, 'ROWS', overflowRows);
      if (target.range.startColumnIndex + width > sheet.columnCount) engine.editor.appendDimension(sheet, 'COLUMNS', target.range.startColumnIndex + width - sheet.columnCount);
      const grid = values.map((row, i) =>
        row.map((v, j) => {
          const current = sheet.rows[top + i]?.[target.range.startColumnIndex + j]?.format?.numberFormat;
          return inputOption === 'RAW' ? rawToCell(v, wb.timeZone) : userEnteredToCell(v, { timeZone: wb.timeZone, currentFormat: current });
        }),
      );
      engine.editor.writeContent(sheet, top, target.range.startColumnIndex, grid);
      const cells = values.reduce((n, row) => n + row.length, 0);
      return {
        spreadsheetId: wb.spreadsheetId,
        updatedRange: `${quoteSheetName(sheet.title)}!${formatA1(top, target.range.startColumnIndex, Math.max(1, values.length), Math.max(1, width))}`,
        updatedRows: values.length,
        updatedColumns: width,
        updatedCells: cells,
      };
    }));
  };

  const valueRange = (a1: string, render: RenderOption = 'FORMATTED_VALUE', dateTime = 'SERIAL_NUMBER') => {
    const r = resolveRange(workbook(), a1);
    const values = readValues(workbook(), r, render, dateTime);
    const cells = (r.range.endRowIndex - r.range.startRowIndex) * (r.range.endColumnIndex - r.range.startColumnIndex);
    return { json: compact({ range: r.a1, majorDimension: 'ROWS', values }), cells };
  };

  return {
    Spreadsheets: {
      get: (spreadsheetId, optionalArgs = {}) =>
        call('spreadsheets.get', 'read', spreadsheetId, () => {
          const resource = spreadsheetResource(optionalArgs);
          return { result: optionalArgs.fields ? (applyMask(resource, parseFieldMask(optionalArgs.fields)) as Json) : resource };
        }),

      batchUpdate: (resource, spreadsheetId) =>
        call('spreadsheets.batchUpdate', 'write', spreadsheetId, () => {
          const requests = resource.requests ?? [];
          // Dry run on a copy: one failing request leaves the workbook untouched.
          const dry = new RequestProcessor(new WorkbookEditor(structuredClone(workbook())), ctx.user);
          requests.forEach((request, i) => {
            try {
              dry.apply(request);
            } catch (e) {
              const kind = Object.keys(request)[0] ?? '';
              throw new ApiError(`Invalid requests[${i}].${kind}: ${e instanceof Error ? e.message : String(e)}`);
            }
          });
          const live = new RequestProcessor(engine.editor, ctx.user);
          // One batchUpdate is one batch of changes: every dependent formula is recalculated once, at its end.
          const replies = engine.batch(() => requests.map((request) => live.apply(request) ?? {}));
          const result: Json = { spreadsheetId, replies };
          if (resource.includeSpreadsheetInResponse) result.updatedSpreadsheet = spreadsheetResource({});
          return { result, cells: live.cellsWritten, requests: requests.length };
        }),

      Values: {
        get: (spreadsheetId, range, optionalArgs = {}) =>
          call('spreadsheets.values.get', 'read', spreadsheetId, () => {
            const { json, cells } = valueRange(range, optionalArgs.valueRenderOption, optionalArgs.dateTimeRenderOption);
            return { result: json, cells };
          }),
        batchGet: (spreadsheetId, optionalArgs = {}) =>
          call('spreadsheets.values.batchGet', 'read', spreadsheetId, () => {
            const ranges = (optionalArgs.ranges ?? []).map((a1) => valueRange(a1, optionalArgs.valueRenderOption, optionalArgs.dateTimeRenderOption));
            return { result: { spreadsheetId, valueRanges: ranges.map((r) => r.json) }, cells: ranges.reduce((n, r) => n + r.cells, 0) };
          }),
        update: (resource, spreadsheetId, range, optionalArgs = {}) =>
          call('spreadsheets.values.update', 'write', spreadsheetId, () => {
            const [reply] = writeValues([{ range, values: resource.values ?? [] }], optionalArgs.valueInputOption);
            return { result: reply, cells: reply.updatedCells };
          }),
        batchUpdate: (resource, spreadsheetId) =>
          call('spreadsheets.values.batchUpdate', 'write', spreadsheetId, () => {
            const responses = writeValues(resource.data ?? [], resource.valueInputOption);
            const total = (key: 'updatedCells' | 'updatedRows' | 'updatedColumns') => responses.reduce((n, r) => n + r[key], 0);
            return {
              result: { spreadsheetId, totalUpdatedRows: total('updatedRows'), totalUpdatedColumns: total('updatedColumns'), totalUpdatedCells: total('updatedCells'), totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange.split('!')[0])).size, responses },
              cells: total('updatedCells'),
            };
          }),
        append: (resource, spreadsheetId, range, optionalArgs = {}) =>
          call('spreadsheets.values.append', 'write', spreadsheetId, () => {
            const [updates] = writeValues([{ range, values: resource.values ?? [] }], optionalArgs.valueInputOption, true);
            return { result: { spreadsheetId, tableRange: range, updates }, cells: updates.updatedCells };
          }),
      },

      DeveloperMetadata: {
        get: (spreadsheetId, metadataId) =>
          call('spreadsheets.developerMetadata.get', 'read', spreadsheetId, () => {
            const found = allMetadata(workbook()).find((m) => m.entry.metadataId === Number(metadataId));
            return { result: metadataToApi(found?.entry ?? fail('Requested entity was not found.')) };
          }),
        search: (resource, spreadsheetId) =>
          call('spreadsheets.developerMetadata.search', 'read', spreadsheetId, () => {
            const matched = (resource.dataFilters ?? []).flatMap((filter) => {
              const lookup = (filter.developerMetadataLookup as Json | undefined) ?? fail('Not implemented in the local runtime: data filters other than developerMetadataLookup');
              return allMetadata(workbook())
                .filter((m) => metadataMatches(m.entry, lookup))
                .map((m) => ({ developerMetadata: metadataToApi(m.entry), dataFilters: [filter] }));
            });
            return { result: compact({ matchedDeveloperMetadata: matched }) };
          }),
      },
    },
  };
}

function gridData(workbook: WorkbookModel, sheet: SheetModel, ranges: ResolvedRange[]): Json[] {
  const blocks = ranges.length > 0 ? ranges.map((r) => r.range) : [{ sheetId: sheet.sheetId, startRowIndex: 0, endRowIndex: sheet.rows.length, startColumnIndex: 0, endColumnIndex: sheet.columnCount }];
  return blocks.map((b) => ({
    startRow: b.startRowIndex,
    startColumn: b.startColumnIndex,
    rowData: Array.from({ length: b.endRowIndex - b.startRowIndex }, (_, i) => ({
      values: Array.from({ length: b.endColumnIndex - b.startColumnIndex }, (_, j) => {
        const cell = sheet.rows[b.startRowIndex + i]?.[b.startColumnIndex + j];
        const value = cell?.value;
        const effective = value === undefined ? undefined : typeof value === 'number' ? { numberValue: value } : typeof value === 'boolean' ? { boolValue: value } : cell?.error ? { errorValue: { message: cell.error } } : { stringValue: value };
        return compact({
          userEnteredValue: cell?.formula !== undefined ? { formulaValue: cell.formula } : effective,
          effectiveValue: effective,
          formattedValue: value === undefined ? undefined : formatCellValue(value, cell?.format?.numberFormat, workbook.locale),
          note: cell?.note,
        });
      }),
    })),
  }));
}

/** Plain JSON into the bundle's realm (its arrays and objects), as the advanced service returns parsed JSON. */
function toRealm(ctx: ServiceContext, value: unknown): unknown {
  if (Array.isArray(value)) return ctx.realm.Array.from(value, (v) => toRealm(ctx, v));
  if (value === null || typeof value !== 'object') return value;
  const out = new ctx.realm.Object() as Json;
  for (const [k, v] of Object.entries(value)) out[k] = toRealm(ctx, v);
  return out;
}
