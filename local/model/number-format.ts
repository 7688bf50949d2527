// What a cell displays: its value through its number format, in the spreadsheet's locale
// (id_ID: decimal comma, '.' thousands, Indonesian month names). numfmt renders the format codes.
import { format, isValidFormat } from 'numfmt';
import type { Scalar } from './types';

export function formatCellValue(value: Scalar | undefined, pattern: string | undefined, locale: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return format(pattern !== undefined && isValidFormat(pattern) ? pattern : 'General', value, { locale });
}
