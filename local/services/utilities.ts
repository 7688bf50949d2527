// Utilities: dates formatted with real time zones and Java SimpleDateFormat patterns, digests
// and base64 as signed bytes, blobs, CSV, UUIDs, sprintf-style formatting, sleep.
// https://developers.google.com/apps-script/reference/utilities/utilities
import { createHash, randomUUID } from 'node:crypto';
import { zoneOffsetMs } from '../model/dates';
import type { ServiceContext } from './context';
import { recordCall, scriptError } from './script-app';

export const DIGEST_ALGORITHMS = Object.freeze({
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
});
export type DigestAlgorithmName = keyof typeof DIGEST_ALGORITHMS;

export const CHARSETS = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
type CharsetName = keyof typeof CHARSETS;

/** Longest Utilities.sleep Apps Script accepts. */
export const SLEEP_MAX_MS = 300_000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** '+07:00' / '+0700' / '+07' for an offset in minutes. */
function offsetText(minutes: number, style: 'colon' | 'basic' | 'hours'): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (style === 'hours') return `${sign}${hh}`;
  return style === 'colon' ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** The zone's name at an instant, as Java prints it: an abbreviation, else "GMT+07:00". */
function zoneName(instant: Date, timeZone: string, long: boolean, offsetMinutes: number): string {
  if (timeZone === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (part === undefined || /^GMT[+-]/.test(part)) return `GMT${offsetText(offsetMinutes, 'colon')}`;
  return part;
}

/** Week of year as Java's default (US) calendar counts it: weeks start on Sunday, week 1 holds 1 January. */
function weekOfYear(year: number, dayOfYear: number, weekday: number): number {
  const jan1Weekday = (weekday - ((dayOfYear - 1) % 7) + 7) % 7;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  // The last days of December share a week (ending on Saturday) with the next 1 January: week 1.
  if (dayOfYear + (6 - weekday) > daysInYear) return 1;
  return Math.floor((dayOfYear - 1 + jan1Weekday) / 7) + 1;
}

/**
 * Formats `date` in `timeZone` with a java.text.SimpleDateFormat pattern, as
 * Utilities.formatDate does (an unknown zone falls back to GMT, as Java's TimeZone does).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = isValidZone(timeZone) ? timeZone : 'GMT';
  const instant = date.getTime();
  const offsetMs = zoneOffsetMs(instant, zone);
  const wall = new Date(instant + offsetMs);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const weekday = wall.getUTCDay();
  const hour = wall.getUTCHours();
  const dayOfYear = (Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  const offsetMinutes = Math.round(offsetMs / 60_000);

  const field = (letter: string, count: number): string => {
    switch (letter) {
      case 'G':
        return year > 0 ? 'AD' : 'BC';
      case 'y':
      case 'Y':
        return count === 2 ? pad(year % 100, 2) : pad(year, count);
      case 'M':
      case 'L':
        if (count >= 4) return MONTHS[month];
        if (count === 3) return MONTHS[month].slice(0, 3);
        return pad(month + 1, count);
      case 'd':
        return pad(day, count);
      case 'D':
        return pad(dayOfYear, count);
      case 'E':
        return count >= 4 ? WEEKDAYS[weekday] : WEEKDAYS[weekday].slice(0, 3);
      case 'u':
        return pad(weekday === 0 ? 7 : weekday, count);
      case 'F':
        return pad(Math.floor((day - 1) / 7) + 1, count);
      case 'w':
        return pad(weekOfYear(year, dayOfYear, weekday), count);
      case 'W':
        return pad(Math.floor((day - 1 + ((weekday - ((day - 1) % 7) + 7) % 7)) / 7) + 1, count);
      case 'a':
        return hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(hour, count);
      case 'k':
        return pad(hour === 0 ? 24 : hour, count);
      case 'K':
        return pad(hour % 12, count);
      case 'h':
        return pad(hour % 12 === 0 ? 12 : hour % 12, count);
      case 'm':
        return pad(wall.getUTCMinutes(), count);
      case 's':
        return pad(wall.getUTCSeconds(), count);
      case 'S':
        return pad(wall.getUTCMilliseconds(), count);
      case 'z':
        return zoneName(date, zone, count >= 4, offsetMinutes);
      case 'Z':
        return offsetText(offsetMinutes, 'basic');
      case 'X':
        if (offsetMinutes === 0) return 'Z';
        return offsetText(offsetMinutes, count === 1 ? 'hours' : count === 2 ? 'basic' : 'colon');
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  };

  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      // '' is a quote; 'text' is literal text, in which '' is a quote too.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      for (i += 1; i < pattern.length; i += 1) {
        if (pattern[i] !== "'") out += pattern[i];
        else if (pattern[i + 1] === "'") out += pattern[i++];
        else break;
      }
      i += 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += field(ch, count);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Bytes as Apps Script hands them to scripts: Java's signed bytes, -128…127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** A string (in `charset`) or a byte array (signed or not) as raw bytes. */
export function toBuffer(data: string | ArrayLike<number>, charset: CharsetName = 'UTF_8'): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

/** Sprintf-style formatting of Utilities.formatString: %s %d %i %f %x %o %e %%, with flags, width and precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifxXoeE%])/g, (whole, flags: string, width?: string, precision?: string, conv?: string) => {
    if (conv === '%') return '%';
    const arg = args[next++];
    let text: string;
    switch (conv) {
      case 's':
        text = String(arg);
        if (precision !== undefined) text = text.slice(0, Number(precision));
        break;
      case 'd':
      case 'i':
        text = String(Math.trunc(Number(arg)));
        break;
      case 'f':
        text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
        break;
      case 'e':
      case 'E':
        text = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
        if (conv === 'E') text = text.toUpperCase();
        break;
      case 'x':
      case 'X':
        text = Math.trunc(Number(arg)).toString(16);
        if (conv === 'X') text = text.toUpperCase();
        break;
      case 'o':
        text = Math.trunc(Number(arg)).toString(8);
        break;
      default:
        return whole;
    }
    const numeric = conv !== 's';
    if (numeric && flags.includes('+') && !text.startsWith('-')) text = `+${text}`;
    else if (numeric && flags.includes(' ') && !text.startsWith('-')) text = ` ${text}`;
    const w = width === undefined ? 0 : Number(width);
    if (text.length >= w) return text;
    if (flags.includes('-')) return text.padEnd(w);
    if (numeric && flags.includes('0')) {
      const sign = /^[-+ ]/.test(text) ? text[0] : '';
      return sign + text.slice(sign.length).padStart(w - sign.length, '0');
    }
    return text.padStart(w);
  });
}

/** RFC 4180 CSV, as Utilities.parseCsv reads it. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface UtilitiesOptions {
  /** Modeled time passes during Utilities.sleep. */
  advance(ms: number): void;
}

export function createUtilities(ctx: ServiceContext, opts: UtilitiesOptions) {
  const call = (method: string) => recordCall(ctx, 'Utilities', method);
  const signed = (bytes: Uint8Array): number[] => ctx.realm.Array.from(toSignedBytes(bytes));
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

  const newBlob = (initial: Buffer, initialType: string | null, initialName: string | null) => {
    let bytes = initial;
    let contentType = initialType;
    let name = initialName;
    const blob = {
      getBytes: (): number[] => signed(bytes),
      setBytes: (data: ArrayLike<number>) => {
        bytes = toBuffer(data);
        return blob;
      },
      getDataAsString: (charset?: CharsetName): string => bytes.toString(charset === 'US_ASCII' ? 'latin1' : 'utf8'),
      setDataFromString: (text: string, charset?: CharsetName) => {
        bytes = toBuffer(text, charset);
        return blob;
      },
      getContentType: () => contentType,
      setContentType: (type: string) => {
        contentType = type;
        return blob;
      },
      getName: () => name,
      setName: (next: string) => {
        name = next;
        return blob;
      },
      isGoogleType: () => false,
      copyBlob: () => newBlob(Buffer.from(bytes), contentType, name),
      getBlob: () => blob,
      toString: () => 'Blob',
    };
    return blob;
  };

  return {
    DigestAlgorithm: DIGEST_ALGORITHMS,
    Charset: CHARSETS,
    formatDate(date: Date, timeZone: string, format: string): string {
      call('formatDate');
      if (!isDate(date)) throw scriptError(ctx, 'Invalid argument: date');
      try {
        return formatDate(date, String(timeZone), String(format));
      } catch (error) {
        throw scriptError(ctx, (error as Error).message);
      }
    },
    computeDigest(algorithm: string, value: string | number[], charset?: CharsetName): number[] {
      call('computeDigest');
      const name = Object.values(DIGEST_ALGORITHMS).find((a) => a === algorithm);
      if (name === undefined) throw scriptError(ctx, `Invalid argument: algorithm (${algorithm})`);
      return signed(createHash(name).update(toBuffer(value, charset)).digest());
    },
    base64Encode(data: string | number[], charset?: CharsetName): string {
      call('base64Encode');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: string | number[], charset?: CharsetName): string {
      call('base64EncodeWebSafe');
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      call('base64Decode');
      return signed(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      call('base64DecodeWebSafe');
      return signed(Buffer.from(encoded, 'base64url'));
    },
    newBlob(data: string | number[], contentType?: string, name?: string) {
      call('newBlob');
      return newBlob(toBuffer(data), contentType ?? null, name ?? null);
    },
    parseCsv(csv: string, delimiter?: string): string[][] {
      call('parseCsv');
      return ctx.realm.Array.from(parseCsv(String(csv), delimiter), (row) => ctx.realm.Array.from(row));
    },
    formatString(template: string, ...args: unknown[]): string {
      call('formatString');
      return formatString(String(template), args);
    },
    getUuid(): string {
      call('getUuid');
      return randomUUID();
    },
    sleep(milliseconds: number): void {
      call('sleep');
      if (!(milliseconds >= 0 && milliseconds <= SLEEP_MAX_MS)) throw scriptError(ctx, `Invalid argument: milliseconds (${milliseconds})`);
      opts.advance(milliseconds);
    },
  };
}

export type UtilitiesService = ReturnType<typeof createUtilities>;
