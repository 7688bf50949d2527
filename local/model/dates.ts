// Date serials as Sheets stores them: days since 1899-12-30 on the spreadsheet's wall clock (its
// time zone), the fraction being the time of day. A JS Date is an instant; converting needs the zone.
import { isDateFormat as isDatePattern } from 'numfmt';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a serial. */
const UNIX_EPOCH_SERIAL = 25_569;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Jakarta: +7 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

export function dateToSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + zoneOffsetMs(ms, timeZone)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The instant a serial denotes in the zone, as milliseconds since the epoch. */
export function serialToEpochMs(serial: number, timeZone: string): number {
  const wallMs = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  // Two passes settle the offset across a DST change.
  let instant = wallMs - zoneOffsetMs(wallMs, timeZone);
  instant = wallMs - zoneOffsetMs(instant, timeZone);
  return instant;
}

function partsToSerial(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DMY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date typed as text, read as Sheets reads it in an Indonesian-locale spreadsheet: ISO
 * 'yyyy-mm-dd' and day-first 'dd/MM/yyyy', optionally with a time. Returns the serial and the
 * number format Sheets gives the cell, or undefined when the text is not such a date.
 */
export function parseDateText(text: string): { serial: number; numberFormat: string } | undefined {
  const iso = ISO_DATE.exec(text);
  const dmy = iso ? undefined : DMY_DATE.exec(text);
  if (!iso && !dmy) return undefined;
  const m = (iso ?? dmy) as RegExpExecArray;
  const [year, month, day] = iso ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!validDate(year, month, day)) return undefined;
  const hasTime = m[4] !== undefined;
  const hour = hasTime ? Number(m[4]) : 0;
  const minute = hasTime ? Number(m[5]) : 0;
  const second = m[6] !== undefined ? Number(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const datePattern = iso ? 'yyyy-mm-dd' : 'dd/MM/yyyy';
  return {
    serial: partsToSerial(year, month, day, hour, minute, second),
    numberFormat: hasTime ? `${datePattern} HH:mm:ss` : datePattern,
  };
}

/** True for number formats that make a number display (and read back in Apps Script) as a date or time. */
export function isDateFormat(pattern: string | undefined): boolean {
  return pattern !== undefined && isDatePattern(pattern);
}
