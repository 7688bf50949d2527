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
