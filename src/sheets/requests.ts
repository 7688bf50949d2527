// Plans (src/domain/plan) as Sheets API batchUpdate requests. Pure: no service is called here,
// so every request shape is unit-tested. Agency text is a stringValue, never a formulaValue.
import type { Block, PlannedColourRule, PlannedProtection } from '../domain/plan/unit-tabs';
import type { PlannedCell } from '../domain/plan/cells';

type Schema = GoogleAppsScript.Sheets.Schema.Request;
export type Request = Schema;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

const NUMBER_FORMATS = {
  date: { type: 'DATE', pattern: 'yyyy-mm-dd' },
  datetime: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' },
  decimal: { type: 'NUMBER', pattern: '0.00' },
  percent: { type: 'NUMBER', pattern: '0.00"%"' },
} as const;

/** '#rrggbb' as a Sheets API Color. */
export function colour(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const n = parseInt(hex.slice(1), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

export function cellData(cell: PlannedCell): CellData {
  const out: CellData = {};
  const v = cell.value;
  if (v.kind === 'text') out.userEnteredValue = { stringValue: v.text };
  else if (v.kind === 'number') out.userEnteredValue = { numberValue: v.value };
  else if (v.kind === 'bool') out.userEnteredValue = { boolValue: v.value };
  else if (v.kind === 'formula') out.userEnteredValue = { formulaValue: v.formula };
  const style = cell.style;
  if (style && (style.bold || style.wrap || style.format || style.background)) {
    const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
    if (style.bold) format.textFormat = { bold: true };
    if (style.wrap) format.wrapStrategy = 'WRAP';
    if (style.format) format.numberFormat = { ...NUMBER_FORMATS[style.format] };
    if (style.background) format.backgroundColor = colour(style.background);
    out.userEnteredFormat = format;
  }
  if (cell.note) out.note = cell.note;
  if (cell.dropdown) {
    out.dataValidation = {
      condition: { type: 'ONE_OF_LIST', values: cell.dropdown.values.map((value) => ({ userEnteredValue: value })) },
      strict: cell.dropdown.strict,
      showCustomUi: true,
    };
  }
  return out;
}

/**
 * Writes `rows` as the block from (row, column) as wide as the widest row: every field of the
 * mask is replaced in the whole block (cells a short row leaves out are cleared), so stale
 * notes and dropdowns go too.
 */
export function updateCells(sheetId: number, row: number, column: number, rows: readonly (readonly PlannedCell[])[]): Request {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return {
    updateCells: {
      range: { sheetId, startRowIndex: row, endRowIndex: row + rows.length, startColumnIndex: column, endColumnIndex: column + width },
      rows: rows.map((r) => ({ values: r.map(cellData) })),
      fields: 'userEnteredValue,userEnteredFormat,note,dataValidation',
    },
  };
}

export function addSheet(sheetId: number, title: string, rowCount: number, columnCount: number, frozenRows: number): Request {
  return {
    addSheet: {
      properties: { sheetId, title, gridProperties: { rowCount, columnCount, frozenRowCount: frozenRows } },
    },
  };
}

/** A copy of a tab (cells, formats, notes, dropdowns, widths, colour rules) as tab `newSheetId` at `index`. */
export function duplicateSheet(sourceSheetId: number, newSheetId: number, title: string, index: number): Request {
  return { duplicateSheet: { sourceSheetId, newSheetId, newSheetName: title, insertSheetIndex: index } };
}

export function deleteSheet(sheetId: number): Request {
  return { deleteSheet: { sheetId } };
}

export function renameSheet(sheetId: number, title: string): Request {
  return { updateSheetProperties: { properties: { sheetId, title }, fields: 'title' } };
}

export function freezeRows(sheetId: number, frozenRows: number): Request {
  return {
    updateSheetProperties: { properties: { sheetId, gridProperties: { frozenRowCount: frozenRows } }, fields: 'gridProperties.frozenRowCount' },
  };
}

/** Inserts `count` empty columns before zero-based column `at`; what was there moves right, intact. */
export function insertColumns(sheetId: number, at: number, count: number): Request {
  return { insertDimension: { range: { sheetId, dimension: 'COLUMNS', startIndex: at, endIndex: at + count }, inheritFromBefore: at > 0 } };
}

/** Grows the grid by `length` rows or columns at the end. */
export function appendDimension(sheetId: number, dimension: 'ROWS' | 'COLUMNS', length: number): Request {
  return { appendDimension: { sheetId, dimension, length } };
}

/** Column widths: one request per run of equal widths (absent or 0 = leave as is). */
export function columnWidths(sheetId: number, widths: readonly number[]): Request[] {
  const out: Request[] = [];
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    if (widths[start] > 0) {
      out.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: end },
          properties: { pixelSize: widths[start] },
          fields: 'pixelSize',
        },
      });
    }
    start = end;
  }
  return out;
}

export function gridRange(sheetId: number, block: Block): GridRange {
  return {
    sheetId,
    startRowIndex: block.startRow,
    endRowIndex: block.endRow,
    startColumnIndex: block.startColumn,
    endColumnIndex: block.endColumn,
  };
}

function protectedRange(sheetId: number, p: PlannedProtection): GoogleAppsScript.Sheets.Schema.ProtectedRange {
  return {
    range: p.block ? gridRange(sheetId, p.block) : { sheetId },
    description: p.tag,
    warningOnly: false,
    editors: { users: [...p.editors], domainUsersCanEdit: false },
    ...(p.block ? {} : { unprotectedRanges: p.unprotected.map((b) => gridRange(sheetId, b)) }),
  };
}

export function addProtection(sheetId: number, p: PlannedProtection): Request {
  return { addProtectedRange: { protectedRange: protectedRange(sheetId, p) } };
}

export function updateProtection(sheetId: number, protectedRangeId: number, p: PlannedProtection): Request {
  return {
    updateProtectedRange: {
      protectedRange: { ...protectedRange(sheetId, p), protectedRangeId },
      fields: p.block ? 'range,description,warningOnly,editors' : 'range,description,warningOnly,editors,unprotectedRanges',
    },
  };
}

export function setProtectionEditors(protectedRangeId: number, editors: readonly string[]): Request {
  return {
    updateProtectedRange: { protectedRange: { protectedRangeId, editors: { users: [...editors], domainUsersCanEdit: false } }, fields: 'editors' },
  };
}

export function addColourRule(sheetId: number, cell: Block, rule: PlannedColourRule, index: number): Request {
  return {
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [gridRange(sheetId, cell)],
        booleanRule: {
          condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: rule.formula }] },
          format: { backgroundColor: colour(rule.background) },
        },
      },
    },
  };
}

export function deleteColourRule(sheetId: number, index: number): Request {
  return { deleteConditionalFormatRule: { sheetId, index } };
}

export function createSheetMetadata(sheetId: number, key: string, value: string): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: { metadataKey: key, metadataValue: value, visibility: 'DOCUMENT', location: { sheetId } },
    },
  };
}

export function deleteMetadata(metadataId: number): Request {
  return { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } };
}

export function addColumnChart(
  sheetId: number,
  title: string,
  domain: Block,
  series: Block,
  anchorRow: number,
  anchorColumn: number,
  chartType: 'COLUMN' | 'LINE' = 'COLUMN',
): Request {
  return {
    addChart: {
      chart: {
        spec: {
          title,
          basicChart: {
            chartType,
            legendPosition: 'NO_LEGEND',
            headerCount: 0,
            domains: [{ domain: { sourceRange: { sources: [gridRange(sheetId, domain)] } } }],
            series: [{ series: { sourceRange: { sources: [gridRange(sheetId, series)] } }, targetAxis: 'LEFT_AXIS' }],
          },
        },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: anchorRow, columnIndex: anchorColumn } } },
      },
    },
  };
}

export function deleteChart(chartId: number): Request {
  return { deleteEmbeddedObject: { objectId: chartId } };
}

// --- compact payloads -------------------------------------------------------------------------
// A block written cell by cell repeats the same format, note, dropdown or value in every cell of
// a column. Before a batch is sent, each updateCells over a range keeps what is particular to one
// cell; a value, format, note or dropdown that side-by-side cells share goes once for their
// rectangle (repeatCell for a value, a format or a note, setDataValidation for a dropdown)
// wherever that is fewer bytes. A formula is shared down a column where each cell's is the one
// above moved a row down, as repeatCell moves it (the Sheets API reference: "the formula's ranges
// will automatically increment for each field in the range"). The updateCells still clears its
// fields over its whole range first, so the workbook ends exactly as the cell-by-cell request
// would leave it.

type RangeAttribute = 'userEnteredValue' | 'userEnteredFormat' | 'note' | 'dataValidation';
const RANGE_ATTRIBUTES: readonly RangeAttribute[] = ['userEnteredValue', 'userEnteredFormat', 'note', 'dataValidation'];

/** Zero-based, half-open rectangle inside a block. */
interface Rectangle {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

/** Cells as rectangles: runs down each column, and side-by-side columns with the same run merged. */
function rectanglesOf(cells: readonly (readonly [number, number])[]): Rectangle[] {
  const rowsByColumn = new Map<number, number[]>();
  for (const [row, column] of cells) rowsByColumn.set(column, [...(rowsByColumn.get(column) ?? []), row]);
  const out: Rectangle[] = [];
  const open = new Map<string, Rectangle>();
  for (const column of [...rowsByColumn.keys()].sort((a, b) => a - b)) {
    const rows = (rowsByColumn.get(column) ?? []).sort((a, b) => a - b);
    for (let i = 0; i < rows.length; ) {
      let end = i + 1;
      while (end < rows.length && rows[end] === rows[end - 1] + 1) end++;
      const key = `${rows[i]}:${rows[end - 1] + 1}`;
      const rect = open.get(key);
      if (rect && rect.endColumn === column) rect.endColumn = column + 1;
      else {
        const added = { startRow: rows[i], endRow: rows[end - 1] + 1, startColumn: column, endColumn: column + 1 };
        out.push(added);
        open.set(key, added);
      }
      i = end;
    }
  }
  return out;
}

/** A string literal, a quoted sheet name, or a cell reference (not part of a name, a call or a sheet prefix). */
const LITERAL_OR_CELL = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_.(!])/g;
/** What a formula holds besides its cell references that repeatCell would move too, or that this reading may not see: a row range (3:5), a reference not in capitals. */
const UNREAD_REFERENCE = /[A-Za-z_$][0-9]|[0-9]:|:[0-9]/;

/**
 * A formula as the same text for every cell of its column where repeatCell would give it: each
 * relative reference as its distance from the cell at zero-based (row, column); undefined for a
 * formula this reading cannot vouch for (UNREAD_REFERENCE), which then goes cell by cell.
 */
function movableFormula(formula: string, row: number, column: number): string | undefined {
  const outside = formula.replace(LITERAL_OR_CELL, (whole, _fixed, letters: string | undefined) => (letters === undefined ? whole[0].repeat(2) : '#'));
  if (UNREAD_REFERENCE.test(outside)) return undefined;
  const relative = formula.replace(LITERAL_OR_CELL, (whole, columnFixed: string | undefined, letters: string | undefined, rowFixed: string, at: string) => {
    if (letters === undefined) return whole;
    const index = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return `${columnFixed === '$' ? `$${letters}` : `C[${index - column}]`}${rowFixed === '$' ? `$${at}` : `R[${Number(at) - 1 - row}]`}`;
  });
  return `${column}:${relative}`;
}

/** What side-by-side cells must share for one range request to write `value` in them all; undefined: never shared. */
function sharedKey(attribute: RangeAttribute, value: unknown, row: number, column: number): string | undefined {
  const formula = attribute === 'userEnteredValue' ? (value as GoogleAppsScript.Sheets.Schema.ExtendedValue).formulaValue : undefined;
  return formula === undefined ? JSON.stringify(value) : movableFormula(formula, row, column);
}

function rangeRequest(range: GridRange, attribute: RangeAttribute, value: unknown): Request {
  if (attribute === 'dataValidation') return { setDataValidation: { range, rule: value as GoogleAppsScript.Sheets.Schema.DataValidationRule } };
  return { repeatCell: { range, cell: { [attribute]: value }, fields: attribute } };
}

/** Rows without their trailing empty cells and trailing empty rows: the range clears what they leave out. */
function trimmedRows(rows: CellData[][]): GoogleAppsScript.Sheets.Schema.RowData[] {
  const isEmpty = (cell: CellData) => Object.values(cell).every((field) => field === undefined);
  const out = rows.map((cells) => {
    let width = cells.length;
    while (width > 0 && isEmpty(cells[width - 1])) width--;
    return width === 0 ? {} : { values: cells.slice(0, width) };
  });
  while (out.length > 0 && out[out.length - 1].values === undefined) out.pop();
  return out;
}

/** One updateCells over a range as what is particular to each cell plus the shared values, formats, notes and dropdowns as ranges (see above). */
function compactUpdateCells(request: Request): Request[] {
  const body = request.updateCells;
  const range = body?.range;
  if (!body || !range || body.fields === undefined) return [request];
  const fields = body.fields.split(',');
  const rows = (body.rows ?? []).map((row) => (row.values ?? []).map((cell): CellData => ({ ...cell })));
  const top = range.startRowIndex ?? 0;
  const left = range.startColumnIndex ?? 0;
  const ranged: Request[] = [];
  for (const attribute of RANGE_ATTRIBUTES.filter((a) => fields.includes(a))) {
    const groups = new Map<string, [number, number][]>();
    rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        const key = cell[attribute] === undefined ? undefined : sharedKey(attribute, cell[attribute], top + i, left + j);
        if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), [i, j]]);
      }),
    );
    for (const cells of groups.values()) {
      for (const rect of rectanglesOf(cells)) {
        // The value as its rectangle's first cell holds it; what one cell carries inline: `"attribute":value,`.
        const value = rows[rect.startRow][rect.startColumn][attribute];
        const inlineBytes = attribute.length + JSON.stringify(value).length + 4;
        const area = (rect.endRow - rect.startRow) * (rect.endColumn - rect.startColumn);
        const grid: GridRange = { sheetId: range.sheetId, startRowIndex: top + rect.startRow, endRowIndex: top + rect.endRow, startColumnIndex: left + rect.startColumn, endColumnIndex: left + rect.endColumn };
        const request = rangeRequest(grid, attribute, value);
        if (JSON.stringify(request).length >= area * inlineBytes) continue;
        ranged.push(request);
        for (let i = rect.startRow; i < rect.endRow; i++) for (let j = rect.startColumn; j < rect.endColumn; j++) delete rows[i][j][attribute];
      }
    }
  }
  return [{ updateCells: { ...body, rows: trimmedRows(rows) } }, ...ranged];
}

/** `requests` with every updateCells over a range compacted (see above); the others as they are. */
export function compactRequests(requests: readonly Request[]): Request[] {
  return requests.flatMap(compactUpdateCells);
}
