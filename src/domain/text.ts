// Cell values in and out: reading what getValues returns (strings, numbers, booleans, Dates
// from another realm, '' for empty), writing text that Sheets must not reinterpret, pasted
// tables, email address lists and dates as 'yyyy-mm-dd'.

/** True for a Date from any realm (values from services may come from another vm context). */
export function isDateValue(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** A cell value as trimmed text: '' for empty, numbers as JavaScript prints them, Dates as 'yyyy-mm-dd'. */
export function cellText(value: unknown): string {
  // Most cells are text: no other test for them (this runs for every cell the add-on reads).
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (isDateValue(value)) return formatIsoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

/** The comparison key of a name or code: trimmed, Unicode NFC (one spelling of each accented letter) and lower case. */
export function normKey(value: unknown): string {
  return cellText(value).normalize('NFC').toLowerCase();
}

/** The most characters a cell holds in Google Sheets. */
export const MAX_CELL_TEXT = 50_000;

/**
 * Characters nobody can see that change what a code, a name or an address is: zero-width
 * spaces and joiners, the soft hyphen, the byte-order mark, and the bidirectional controls
 * (U+202E reverses what users see). Tab and line breaks are not among them.
 */
const HIDDEN = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** The first hidden character of `text` as `U+XXXX`, or null when it has none. */
export function hiddenCharacter(text: string): string | null {
  const found = HIDDEN.exec(text);
  return found ? `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** True when every cell of the row is empty (or whitespace). */
export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return (row ?? []).every((cell) => cellText(cell) === '');
}

/**
 * A number typed in a cell: a finite number, or text with a decimal point or an Indonesian
 * decimal comma ('2,5'). Thousands separators are not accepted (ambiguous between locales).
 */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): string {
  if (y < 1 || m < 1 || m > 12 || d < 1) return '';
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return d <= days ? isoOf(y, m, d) : '';
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 9999-12-31 as a Sheets serial: bigger numbers are not dates. */
const MAX_SERIAL = 2_958_466;

/**
 * A date cell value as 'yyyy-mm-dd', or '' when it is empty or not a date.
 *
 * - Date (from any realm): getValues returns a date cell as the instant of its midnight in the
 *   spreadsheet's time zone, read here in the script's time zone (Asia/Jakarta, the manifest's).
 *   The two zones may differ (a WITA spreadsheet, a local runtime in UTC), so the date is the one
 *   of the nearest local midnight: right whenever the zones are less than 12 hours apart. A
 *   date-time after noon therefore counts as the next day; deadlines are dates, not times.
 * - number: a Sheets serial date (days since 1899-12-30; the fraction is the time of day).
 * - string: 'yyyy-mm-dd' (or yyyy/mm/dd) or 'dd/mm/yyyy' (or with '-' or '.'), a real calendar date.
 */
export function formatIsoDate(value: unknown): string {
  if (isDateValue(value)) {
    const noon = value.getHours() >= 12 ? 1 : 0;
    const day = new Date(value.getFullYear(), value.getMonth(), value.getDate() + noon);
    return isoOf(day.getFullYear(), day.getMonth() + 1, day.getDate());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value >= MAX_SERIAL) return '';
    const day = new Date(SERIAL_EPOCH_MS + Math.floor(value) * DAY_MS);
    return isoOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (ymd) return validYmd(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dmy) return validYmd(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return '';
}

const MONTH = '(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|sep|oct|okt|nov|dec|des)[a-z]*\\.?';
const NON_TEXT_PATTERNS: readonly RegExp[] = [
  // numbers, money, percentages, accounting negatives: 12, 2,5, 1.000, Rp 5.000, 5 %, (3)
  /^\(?[+-]?\s*(?:rp\.?|[$€£¥])?\s*[\d.,\s]*\d[\d.,\s]*%?\)?$/i,
  /^[+-]?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i,
  // dates and date-times: 2020-01-05, 5/1/2020, 1-2, 2020-01-05 10:00
  /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?$/i,
  /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$/i,
  new RegExp(`^\\d{1,2}[\\s/.,-]*${MONTH}(?:[\\s/.,-]*\\d{2,4})?$`, 'i'),
  new RegExp(`^${MONTH}[\\s/.,-]*\\d{1,4}(?:[\\s/.,-]+\\d{2,4})?$`, 'i'),
  // booleans (English and Indonesian locales) and typed error values
  /^(?:true|false|benar|salah)$/i,
  /^#(?:n\/a|ref!|value!|div\/0!|name\?|num!|null!|error!)$/i,
];

/**
 * `value` made safe for Range.setValues: text Sheets would turn into a formula, number, date,
 * boolean or error (or whose leading apostrophe it would swallow) gets a leading apostrophe,
 * which Sheets hides and drops from the stored text. Anything else is returned unchanged.
 */
export function asText(value: string): string {
  if (value === '') return value;
  const trimmed = value.trim();
  if (/^['=+\-@]/.test(value) || /^['=+\-@]/.test(trimmed)) return `'${value}`;
  return NON_TEXT_PATTERNS.some((re) => re.test(trimmed)) ? `'${value}` : value;
}

/** The delimiter of a pasted table: tab (copied from a spreadsheet), else ';' or ',' by count in the first record. */
function detectDelimiter(text: string): string {
  let tabs = 0;
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === '\t') tabs++;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  if (tabs > 0) return '\t';
  return semicolons > commas ? ';' : ',';
}

/** A pasted or imported table as read: its rows, the delimiter found, and where a quote was left open. */
export interface DelimitedText {
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  /** The 1-based line on which a quoted cell opened that never closes (it swallowed the rest), or null. */
  openQuoteLine: number | null;
}

/**
 * A pasted or imported table as rows of cells: TSV (what a spreadsheet copies) or CSV with
 * RFC 4180 quotes (',' or, as Indonesian-locale Excel writes it, ';'). Strips a BOM, accepts
 * CRLF/CR/LF line ends, drops trailing empty lines. Cells are not trimmed.
 */
export function readDelimited(text: string): DelimitedText {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source) as DelimitedText['delimiter'];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\r' || (ch === '\n' && source[i - 1] !== '\r')) line++;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return { rows, delimiter, openQuoteLine: inQuotes ? quoteLine : null };
}

/** The rows of a pasted or imported table (see readDelimited). */
export function parseDelimited(text: string): string[][] {
  return readDelimited(text).rows;
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A plain address `local@domain.tld` (no display name, no spaces, at most 254 characters). */
export function isValidEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s) && s.indexOf('@') <= 64;
}

/** The addresses in a cell separated by commas, semicolons or new lines: trimmed, without empties or repeats. */
export function splitEmails(cell: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cellText(cell).split(/[,;\r\n]+/)) {
    const address = part.trim().normalize('NFC');
    if (address === '' || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push(address);
  }
  return out;
}
