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
// A block written cell by cell repeats the same format, note or dropdown in every cell of a
// column. Before a batch is sent, each updateCells over a range keeps the values and what is
// particular to one cell; a format, note or dropdown that side-by-side cells share goes once for
// their rectangle (repeatCell for a format or a note, setDataValidation for a dropdown) wherever
// that is fewer bytes. The updateCells still clears its fields over its whole range first, so the
// workbook ends exactly as the cell-by-cell request would leave it.

type RangeAttribute = 'userEnteredFormat' | 'note' | 'dataValidation';
const RANGE_ATTRIBUTES: readonly RangeAttribute[] = ['userEnteredFormat', 'note', 'dataValidation'];

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

function rangeRequest(range: GridRange, attribute: RangeAttribute, value: unknown): Request {
  if (attribute === 'dataValidation') return { setDataValidation: { range, rule: value as GoogleAppsScript.Sheets.Schema.DataValidationRule } };
  return { repeatCell: { range, cell: { [attribute]: value }, fields: attribute } };
}

/** Rows without their trailing empty cells and trailing empty rows: the range clears what they leave out. */
function trimmedRows(rows: CellData[][]): GoogleAppsScript.Sheets.Schema.RowData[] {
  const isEmpty = (cell: CellData) => Object.keys(cell).length === 0;
  const out = rows.map((cells) => {
    let width = cells.length;
    while (width > 0 && isEmpty(cells[width - 1])) width--;
    return width === 0 ? {} : { values: cells.slice(0, width) };
  });
  while (out.length > 0 && out[out.length - 1].values === undefined) out.pop();
  return out;
}

/** One updateCells over a range as its values plus the shared formats, notes and dropdowns as ranges (see above). */
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
    const groups = new Map<string, { value: unknown; cells: [number, number][] }>();
    rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        if (cell[attribute] === undefined) return;
        const key = JSON.stringify(cell[attribute]);
        const group = groups.get(key) ?? { value: cell[attribute], cells: [] };
        group.cells.push([i, j]);
        groups.set(key, group);
      }),
    );
    for (const [key, { value, cells }] of groups) {
      // What one cell carries inline: `"attribute":value,`.
      const inlineBytes = attribute.length + key.length + 4;
      for (const rect of rectanglesOf(cells)) {
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
