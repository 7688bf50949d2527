// What the workbench page shows, read from the workbook model: each tab's cells as display text
// (with the formula, if any) and the users one can act as (admins, assessors, unit PICs).
import { formatCellValue } from '../../local/model/number-format';
import type { SheetModel, WorkbookModel } from '../../local/model/types';
import { columnLetters, sheetByTitle } from '../../local/model/workbook';

export interface GridCell {
  /** The value as displayed. */
  v: string;
  /** The formula, when the cell holds one. */
  f?: string;
}

export interface GridSheet {
  sheetId: number;
  title: string;
  /** The letter of each column shown (A, B, …). */
  columns: string[];
  rows: (GridCell | null)[][];
}

export interface WorkbenchUser {
  email: string;
  role: 'admin' | 'asesor' | 'pic';
  /** The unit's Kode for an assessor or a PIC. */
  unit?: string;
}

function gridOfSheet(sheet: SheetModel, locale: string): GridSheet {
  let height = 0;
  let width = 0;
  sheet.rows.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      if (cell && (cell.value !== undefined || cell.formula !== undefined)) {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }),
  );
  const rows = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c): GridCell | null => {
      const cell = sheet.rows[r]?.[c];
      if (!cell || (cell.value === undefined && cell.formula === undefined)) return null;
      const v = formatCellValue(cell.value, cell.format?.numberFormat, locale);
      return cell.formula !== undefined ? { v, f: cell.formula } : { v };
    }),
  );
  const columns = Array.from({ length: Math.max(1, width) }, (_, c) => columnLetters(c));
  return { sheetId: sheet.sheetId, title: sheet.title, columns, rows };
}

export function gridOf(workbook: WorkbookModel): GridSheet[] {
  return workbook.sheets.filter((s) => !s.hidden).map((s) => gridOfSheet(s, workbook.locale));
}

/** Addresses in a cell separated by commas, semicolons or new lines. */
function emailsIn(cell: unknown): string[] {
  return String(cell ?? '')
    .split(/[,;\r\n]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/** A tab's values as text rows, header first. */
function textRows(workbook: WorkbookModel, title: string): string[][] {
  return (sheetByTitle(workbook, title)?.rows ?? []).map((row) => (row ?? []).map((cell) => String(cell?.value ?? '').trim()));
}

/** The admins listed in Pengaturan email_admin (Kunci and Nilai by header, else columns A and B). */
function listedAdmins(workbook: WorkbookModel): string[] {
  const rows = textRows(workbook, 'Pengaturan');
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const [keyAt, valueAt] = [header.indexOf('kunci'), header.indexOf('nilai')];
  const row = rows.slice(1).find((r) => r[keyAt < 0 ? 0 : keyAt]?.toLowerCase() === 'email_admin');
  return emailsIn(row?.[valueAt < 0 ? 1 : valueAt]);
}

/**
 * Admins first (Pengaturan email_admin), then each unit's assessors and PICs from the Unit tab
 * (docs/WORKBOOK.md's headers; local/ reads the workbook's contract, never src/), each address
 * once. Read from the workbook, not from the sidebar's state: a PIC's state names no admin.
 */
export function usersOf(workbook: WorkbookModel): WorkbenchUser[] {
  const users: WorkbenchUser[] = listedAdmins(workbook).map((email) => ({ email, role: 'admin' }));
  const rows = textRows(workbook, 'Unit');
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const column = (name: string) => header.indexOf(name.toLowerCase());
  const [kodeAt, picAt, assessorAt] = [column('Kode'), column('Email PIC'), column('Email Asesor')];
  if (kodeAt >= 0) {
    for (const row of rows.slice(1)) {
      const kode = row[kodeAt] ?? '';
      if (kode === '') continue;
      if (assessorAt >= 0) for (const email of emailsIn(row[assessorAt])) users.push({ email, role: 'asesor', unit: kode });
      if (picAt >= 0) for (const email of emailsIn(row[picAt])) users.push({ email, role: 'pic', unit: kode });
    }
  }
  const seen = new Set<string>();
  return users.filter((u) => {
    const key = u.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
