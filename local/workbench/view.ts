// What the workbench page shows, read from the workbook model: each tab's cells as display text
// (with the formula, if any) and the users one can act as (admins, assessors, unit PICs).
import { formatCellValue } from '../model/number-format';
import type { SheetModel, WorkbookModel } from '../model/types';
import { columnLetters, sheetByTitle } from '../model/workbook';

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

/**
 * Admins first, then each unit's assessors and PICs from the Unit tab (docs/WORKBOOK.md's headers;
 * local/ reads the workbook's contract, never src/), each address once.
 */
export function usersOf(workbook: WorkbookModel, admins: readonly string[]): WorkbenchUser[] {
  const users: WorkbenchUser[] = admins.map((email) => ({ email, role: 'admin' }));
  const rows = (sheetByTitle(workbook, 'Unit')?.rows ?? []).map((row) => (row ?? []).map((cell) => cell?.value));
  const header = (rows[0] ?? []).map((h) => String(h ?? '').trim().toLowerCase());
  const column = (name: string) => header.indexOf(name.toLowerCase());
  const [kodeAt, picAt, assessorAt] = [column('Kode'), column('Email PIC'), column('Email Asesor')];
  if (kodeAt >= 0) {
    for (const row of rows.slice(1)) {
      const kode = String(row[kodeAt] ?? '').trim();
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
