// What a cell displays (Range.getDisplayValues, FORMATTED_VALUE): its value through its number
// format, in the spreadsheet's locale (Indonesian: decimal comma, '.' thousands, Indonesian month names).
import { isDateFormat, serialToParts } from './dates';
import type { Scalar } from './types';

interface LocaleSymbols {
  decimal: string;
  group: string;
  months: string[];
  weekdays: string[];
}

const ID: LocaleSymbols = {
  decimal: ',',
  group: '.',
  months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  weekdays: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
};
const EN: LocaleSymbols = {
  decimal: '.',
  group: ',',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

function symbols(locale: string): LocaleSymbols {
  return /^(id|in)(_|$)/i.test(locale) ? ID : EN;
}

export function formatCellValue(value: Scalar | undefined, pattern: string | undefined, locale: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const sym = symbols(locale);
  if (pattern && isDateFormat(pattern)) return formatDate(value, pattern, sym);
  if (pattern && /[0#]/.test(pattern)) return formatNumber(value, pattern, sym);
  return formatAutomatic(value, sym);
}

/** 'Automatic' format: up to 10 significant digits, no grouping. */
function formatAutomatic(value: number, sym: LocaleSymbols): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return text.replace('.', sym.decimal);
}

function formatNumber(value: number, pattern: string, sym: LocaleSymbols): string {
  const section = pattern.split(';')[0];
  const prefix = /^[^0#.,]*/.exec(section)?.[0] ?? '';
  const suffix = /[^0#.,%]*%?[^0#.,]*$/.exec(section.slice(prefix.length))?.[0] ?? '';
  const core = section.slice(prefix.length, section.length - suffix.length);
  const percent = suffix.includes('%');
  const [intPart, fracPart = ''] = core.split('.');
  const decimals = (fracPart.match(/[0#]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const n = percent ? value * 100 : value;
  let [whole, frac = ''] = Math.abs(n).toFixed(decimals).split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sym.group);
  const minInt = (intPart.match(/0/g) ?? []).length;
  if (whole === '0' && minInt === 0) whole = '';
  const sign = n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? '-' : '';
  const strip = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  return `${sign}${strip(prefix)}${whole}${frac ? sym.decimal + frac : ''}${strip(suffix)}`;
}

const DATE_TOKEN = /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi;

function formatDate(serial: number, pattern: string, sym: LocaleSymbols): string {
  const p = serialToParts(serial);
  const tokens = [...pattern.matchAll(DATE_TOKEN)].map((m) => m[0]);
  const twelveHour = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const pad = (n: number) => String(n).padStart(2, '0');
  let lastWasHour = false;
  let index = 0;
  return pattern.replace(DATE_TOKEN, (token) => {
    const lower = token.toLowerCase();
    const next = tokens[index + 1]?.toLowerCase() ?? '';
    index += 1;
    const wasHour = lastWasHour;
    lastWasHour = lower.startsWith('h');
    if (token.startsWith('"')) return token.slice(1, -1);
    if (token.startsWith('\\')) return token.slice(1);
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (lower) {
      case 'yyyy':
        return String(p.year);
      case 'yy':
        return pad(p.year % 100);
      case 'mmmm':
        return sym.months[p.month - 1];
      case 'mmm':
        return sym.months[p.month - 1].slice(0, 3);
      case 'mm':
      case 'm': {
        const minute = wasHour || next.startsWith('s');
        const n = minute ? p.minute : p.month;
        return lower === 'mm' ? pad(n) : String(n);
      }
      case 'dddd':
        return sym.weekdays[p.weekday];
      case 'ddd':
        return sym.weekdays[p.weekday].slice(0, 3);
      case 'dd':
        return pad(p.day);
      case 'd':
        return String(p.day);
      case 'hh':
        return pad(twelveHour ? hour12 : p.hour);
      case 'h':
        return String(twelveHour ? hour12 : p.hour);
      case 'ss':
        return pad(p.second);
      case 's':
        return String(p.second);
      case 'am/pm':
        return p.hour < 12 ? 'AM' : 'PM';
      default:
        return p.hour < 12 ? 'A' : 'P';
    }
  });
}
