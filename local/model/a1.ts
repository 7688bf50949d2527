// A1 notation as Sheets and Apps Script read it: 'A1', 'A1:B2', 'A:D', '3:5', 'A3:D' (open to the
// end of the column), optionally prefixed by a sheet name, quoted when it is not a plain word
// ("'Unit Tab''s'!A1": a quote inside a quoted name is doubled).

/** A parsed range: zero-based, half-open; an absent bound is open (to the edge of the grid). */
export interface A1Range {
  sheetName?: string;
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

/** Thrown for text that is not A1 notation; Apps Script's message for a bad A1 range. */
export const RANGE_NOT_FOUND = 'Range not found';

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}[0-9]+$|^R[0-9]*C[0-9]*$/i;

/** The sheet name as it must be written before '!': quoted unless it is a plain word that is not a cell address. */
export function quoteSheetName(name: string): string {
  if (PLAIN_NAME.test(name) && !LOOKS_LIKE_CELL.test(name) && !/^(TRUE|FALSE)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1" into the sheet name (unquoted) and the rest; no '!' outside quotes = no sheet. */
export function splitSheetPrefix(a1: string): { sheetName?: string; ref: string } {
  const text = a1.trim();
  if (text.startsWith("'")) {
    // A quoted name, then nothing or '!' and the reference.
    const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/s.exec(text);
    if (!quoted) throw new Error(RANGE_NOT_FOUND);
    return { sheetName: quoted[1].replace(/''/g, "'"), ref: quoted[2] ?? '' };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  return { sheetName: text.slice(0, bang), ref: text.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]+)$/;

interface Bound {
  row?: number;
  column?: number;
}

function parseBound(text: string): Bound {
  const cell = CELL.exec(text);
  if (cell) return { column: columnIndex(cell[1]), row: Number(cell[2]) - 1 };
  const column = COLUMN.exec(text);
  if (column) return { column: columnIndex(column[1]) };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  throw new Error(RANGE_NOT_FOUND);
}

/**
 * Parses A1 notation. A bare sheet name ("Unit" or "'Unit Tab'") is the whole sheet, as in the
 * Sheets API. `defaultSheet` fills `sheetName` when the text names no sheet.
 */
export function parseA1Range(a1: string, defaultSheet?: string): A1Range {
  let { sheetName, ref } = splitSheetPrefix(a1);
  if (sheetName === undefined && ref !== '' && !/[:$]/.test(ref) && !CELL.test(ref)) {
    // A bare word that is not a cell: a sheet name (Sheets API style).
    sheetName = ref;
    ref = '';
  }
  const result: A1Range = {};
  const name = sheetName ?? defaultSheet;
  if (name !== undefined) result.sheetName = name;
  if (ref === '') return result;
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw new Error(RANGE_NOT_FOUND);
  const start = parseBound(parts[0]);
  const end = parts.length === 2 ? parseBound(parts[1]) : start;
  if (parts.length === 1 && (start.row === undefined || start.column === undefined)) throw new Error(RANGE_NOT_FOUND);
  // Whole rows ('3:5') have no column bound, whole columns ('A:D') no row bound; 'A3:D' runs to the end.
  const wholeRows = start.column === undefined && end.column === undefined;
  const wholeColumns = start.row === undefined && end.row === undefined && !wholeRows;
  if ((start.column === undefined) !== (end.column === undefined) && !wholeRows) throw new Error(RANGE_NOT_FOUND);
  if (!wholeColumns) {
    const rows = [start.row, end.row].filter((r): r is number => r !== undefined);
    result.startRow = Math.min(...rows);
    if (start.row !== undefined && end.row !== undefined) result.endRow = Math.max(start.row, end.row) + 1;
  }
  if (!wholeRows) {
    const a = start.column as number;
    const b = end.column as number;
    result.startColumn = Math.min(a, b);
    result.endColumn = Math.max(a, b) + 1;
  }
  return result;
}

/** A1 text of a bounded range (no sheet): 'B5' for one cell, 'A7:N57' otherwise. */
export function formatA1(startRow: number, startColumn: number, numRows = 1, numColumns = 1): string {
  const first = `${columnLetters(startColumn)}${startRow + 1}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(startColumn + numColumns - 1)}${startRow + numRows}`;
}
