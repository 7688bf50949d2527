// The cells a plan writes, independent of any Apps Script API: src/sheets turns them into
// Sheets API CellData. Text is always text (a value starting with '=' never becomes a formula);
// only the add-on's own formulas are formulas.

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; formula: string };

export interface CellStyle {
  bold?: boolean;
  wrap?: boolean;
  /** 'date' = yyyy-mm-dd, 'datetime' = yyyy-mm-dd hh:mm, 'decimal' = 0.00, 'percent' = 0.00 shown as a number with a % sign. */
  format?: 'date' | 'datetime' | 'decimal' | 'percent';
  background?: string;
}

export interface PlannedCell {
  value: CellValue;
  style?: CellStyle;
  note?: string;
  /** A dropdown of allowed values; strict rejects anything else. */
  dropdown?: { values: readonly string[]; strict: boolean };
}

export const EMPTY: PlannedCell = { value: { kind: 'empty' } };

export function text(value: string, style?: CellStyle): PlannedCell {
  return value === '' ? { value: { kind: 'empty' }, style } : { value: { kind: 'text', text: value }, style };
}

export function formula(value: string, style?: CellStyle): PlannedCell {
  return { value: { kind: 'formula', formula: value }, style };
}

export function num(value: number, style?: CellStyle): PlannedCell {
  return { value: { kind: 'number', value }, style };
}

/**
 * A value as read back from a sheet (unformatted: numbers, booleans, strings, '' for empty),
 * written again with its type: text stays text whatever it starts with.
 */
export function kept(value: unknown, style?: CellStyle): PlannedCell {
  if (typeof value === 'number' && Number.isFinite(value)) return { value: { kind: 'number', value }, style };
  if (typeof value === 'boolean') return { value: { kind: 'bool', value }, style };
  if (value === null || value === undefined || value === '') return { value: { kind: 'empty' }, style };
  return { value: { kind: 'text', text: String(value) }, style };
}

/**
 * A default value shipped with the add-on (profile rows): a plain decimal number becomes a
 * number, anything else text. Never used for what users or agencies typed.
 */
export function shipped(value: string, style?: CellStyle): PlannedCell {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? num(Number(value), style) : text(value, style);
}

/** What a planned cell holds once written, as a values read returns it ('' for empty; a formula's result is not known: ''). */
export function plannedValue(cell: PlannedCell): unknown {
  const v = cell.value;
  return v.kind === 'text' ? v.text : v.kind === 'number' || v.kind === 'bool' ? v.value : '';
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A string literal inside a formula: double quotes doubled. */
export function formulaString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A sheet name as a formula or A1 reference prefix: 'It''s'!A1. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** Zero-based column index as A1 letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 'yyyy-mm-dd' as a Sheets date serial (days since 1899-12-30), or null. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SERIAL_EPOCH_MS) / 86_400_000);
}
