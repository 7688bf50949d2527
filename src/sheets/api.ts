// The thin shell over the Sheets advanced service (scope: spreadsheets): one structure read,
// one values read and one batchUpdate per action. Structural work goes through batchUpdate
// because one call is one round trip and atomic; per-tab SpreadsheetApp calls are neither.
import { compactRequests, type Request } from './requests';
import { quoteSheet, columnLetter } from '../domain/plan/cells';

/** A protected range as the acting user sees it. */
export interface ProtectionInfo {
  id: number;
  description: string;
  /** Who may edit (lower case; the API lists them only to a user who may edit the range). */
  editors: string[];
  /** Whether the acting user may edit the range, and so change the protection. */
  canEdit: boolean;
  range: GoogleAppsScript.Sheets.Schema.GridRange;
  /** Of a sheet protection: the blocks it leaves out. */
  unprotected: GoogleAppsScript.Sheets.Schema.GridRange[];
}

export interface SheetInfo {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRows: number;
  metadata: { id: number; key: string; value: string }[];
  protections: ProtectionInfo[];
  /** Ranges of each conditional format rule, by rule index. */
  colourRules: GoogleAppsScript.Sheets.Schema.GridRange[][];
  chartIds: number[];
  /** The merged ranges (the top-left cell holds the value; the others read empty). */
  merges: GoogleAppsScript.Sheets.Schema.GridRange[];
}

const SHEET_FIELDS =
  'properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),' +
  'developerMetadata(metadataId,metadataKey,metadataValue),protectedRanges(protectedRangeId,description,editors(users),requestingUserCanEdit,range,unprotectedRanges),' +
  'conditionalFormats(ranges),charts(chartId),merges';
const STRUCTURE_FIELDS = `properties(timeZone),sheets(${SHEET_FIELDS})`;

function api(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) throw new Error('The Sheets advanced service (v4) is not enabled for this script.');
  return Sheets;
}

export function activeSpreadsheetId(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getId();
}

export interface Structure {
  timeZone: string;
  sheets: SheetInfo[];
}

/**
 * The grid data spreadsheets.get adds under a field mask that names it (the mask set, the
 * includeGridData parameter is ignored): each cell's effectiveValue, the value it shows, unformatted
 * (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get).
 */
const STRUCTURE_AND_GRID_FIELDS = `properties(timeZone),sheets(${SHEET_FIELDS},data(rowData(values(effectiveValue))))`;

/** The text a cell holding an error shows (ExtendedValue.errorValue.type), as values reads return it. */
const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: 'Loading...',
};

/** An effectiveValue as values reads return it unformatted: numbers (dates as serials), text, booleans, errors as their text, '' when empty. */
function valueOf(value: GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined): unknown {
  if (!value) return '';
  if (value.errorValue) return ERROR_TEXT[value.errorValue.type ?? ''] ?? '#ERROR!';
  return value.numberValue ?? value.boolValue ?? value.stringValue ?? '';
}

/** Every tab's properties, sheet-level metadata, protections, colour rules, charts and merges: one call. */
export function readStructure(spreadsheetId: string): Structure {
  return structureOf(api().Spreadsheets.get(spreadsheetId, { fields: STRUCTURE_FIELDS }));
}

/** The structure (readStructure) and every tab's values from A1, by sheet id, in one call: one round trip where two would read them. */
export function readStructureAndValues(spreadsheetId: string): { structure: Structure; values: Map<number, unknown[][]> } {
  const ss = api().Spreadsheets.get(spreadsheetId, { fields: STRUCTURE_AND_GRID_FIELDS });
  const structure = structureOf(ss);
  const values = new Map(
    (ss.sheets ?? []).map((sheet, i) => {
      const rows = (sheet.data?.[0]?.rowData ?? []).map((row) => (row.values ?? []).map((cell) => valueOf(cell.effectiveValue)));
      return [structure.sheets[i].sheetId, rows] as const;
    }),
  );
  return { structure, values };
}

function structureOf(ss: GoogleAppsScript.Sheets.Schema.Spreadsheet): Structure {
  const sheets = (ss.sheets ?? []).map((sheet): SheetInfo => {
    const p = sheet.properties ?? {};
    return {
      sheetId: p.sheetId ?? 0,
      title: p.title ?? '',
      rowCount: p.gridProperties?.rowCount ?? 0,
      columnCount: p.gridProperties?.columnCount ?? 0,
      frozenRows: p.gridProperties?.frozenRowCount ?? 0,
      metadata: (sheet.developerMetadata ?? []).map((m) => ({ id: m.metadataId ?? 0, key: m.metadataKey ?? '', value: m.metadataValue ?? '' })),
      protections: (sheet.protectedRanges ?? []).map((r) => ({
        id: r.protectedRangeId ?? 0,
        description: r.description ?? '',
        editors: (r.editors?.users ?? []).map((u) => u.toLowerCase()),
        canEdit: r.requestingUserCanEdit === true,
        range: r.range ?? {},
        unprotected: r.unprotectedRanges ?? [],
      })),
      colourRules: (sheet.conditionalFormats ?? []).map((rule) => rule.ranges ?? []),
      chartIds: (sheet.charts ?? []).map((c) => c.chartId ?? 0),
      merges: sheet.merges ?? [],
    };
  });
  return { timeZone: ss.properties?.timeZone ?? 'Asia/Jakarta', sheets };
}

/** The A1 range of a whole tab's grid ('Tab'!A1:N47); `columns` limits the width. */
export function wholeTab(sheet: SheetInfo, columns = sheet.columnCount): string {
  const width = Math.max(1, Math.min(columns, sheet.columnCount));
  return `${quoteSheet(sheet.title)}!A1:${columnLetter(width - 1)}${Math.max(1, sheet.rowCount)}`;
}

/** Values of many ranges in one call: unformatted (numbers as numbers, dates as serials). */
export function readValues(spreadsheetId: string, ranges: readonly string[]): unknown[][][] {
  if (ranges.length === 0) return [];
  const response = api().Spreadsheets.Values.batchGet(spreadsheetId, {
    ranges: [...ranges],
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
    majorDimension: 'ROWS',
  });
  return (response.valueRanges ?? []).map((vr) => (vr.values ?? []) as unknown[][]);
}

/** A batchUpdate holds at most this many requests. */
const MAX_REQUESTS_PER_CALL = 2000;
/**
 * A batchUpdate body is at most this many bytes: Google's Sheets API usage limits recommend a
 * maximum payload of 2 MB (developers.google.com/workspace/sheets/api/limits).
 */
export const MAX_BODY_BYTES = 2_000_000;
/** `{"requests":[]}`: the body around the requests. */
const BODY_BYTES = 15;

/** Bytes of `text` in UTF-8 (what the body weighs on the wire). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The batchUpdate calls that carry `groups` in order: each group compacted (compactRequests) and
 * never split (one unit tab's requests succeed or fail together), as few calls as fit both
 * ceilings. A group larger than a ceiling goes alone.
 */
export function batchesOf(groups: readonly (readonly Request[])[]): Request[][] {
  const batches: Request[][] = [];
  let batch: Request[] = [];
  let bytes = BODY_BYTES;
  for (const group of groups.map(compactRequests)) {
    if (group.length === 0) continue;
    // Each request, and the comma after it.
    const size = group.reduce((sum, request) => sum + utf8Length(JSON.stringify(request)) + 1, 0);
    if (batch.length > 0 && (batch.length + group.length > MAX_REQUESTS_PER_CALL || bytes + size > MAX_BODY_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = BODY_BYTES;
    }
    batch.push(...group);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Applies `requests` in order. Groups keep requests that must succeed or fail together
 * (one unit tab's creation) in the same call; a single call whenever they fit (batchesOf).
 * `applied` hears of each call made, so a caller knows how far a failed run went.
 */
export function applyRequests(spreadsheetId: string, groups: readonly (readonly Request[])[], applied: () => void = () => undefined): number {
  const batches = batchesOf(groups);
  for (const requests of batches) {
    api().Spreadsheets.batchUpdate({ requests }, spreadsheetId);
    applied();
  }
  return batches.length;
}

/** The first sheet id no tab uses (new tabs get ids chosen here, so one batch can address them). */
export function firstFreeSheetId(sheets: readonly SheetInfo[]): number {
  return sheets.reduce((max, s) => Math.max(max, s.sheetId), 0) + 1;
}
