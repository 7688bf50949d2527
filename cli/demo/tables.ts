// Reading what a person sees in a tab of the in-memory workbook: the simulated PICs and
// assessors find their answer cells, and the demo reads the recap, the way a user would —
// by header text, never by fixed positions.
import { columnLetters } from '../../local/model/a1';
import type { Scalar, WorkbookModel } from '../../local/model/types';
import { sheetByTitle } from '../../local/model/workbook';
import type { LocalRuntime } from '../../local/runtime';
import type { UserEditResult } from '../../local/services/spreadsheet/user-edit';

export interface Table {
  /** The tab's title. */
  sheet: string;
  /** 0-based row of the header. */
  headerRow: number;
  /** 0-based column of each header text. */
  columns: Map<string, number>;
  /** The rows under the header, up to the first row whose first column is empty. */
  rows: { row: number; cells: (Scalar | undefined)[] }[];
}

/** The displayed values of a tab (formulas show their computed result). */
export function sheetValues(workbook: WorkbookModel, title: string): (Scalar | undefined)[][] {
  const sheet = sheetByTitle(workbook, title);
  if (sheet === undefined) return [];
  return sheet.rows.map((row) => (row ?? []).map((cell) => cell?.value));
}

/** The table of a tab whose header row holds every one of `headers`, or undefined. */
export function findTable(workbook: WorkbookModel, title: string, headers: readonly string[]): Table | undefined {
  const values = sheetValues(workbook, title);
  for (let r = 0; r < values.length; r++) {
    const columns = new Map<string, number>();
    (values[r] ?? []).forEach((v, c) => {
      const text = String(v ?? '').trim();
      if (text !== '' && !columns.has(text)) columns.set(text, c);
    });
    if (!headers.every((h) => columns.has(h))) continue;
    const first = Math.min(...headers.map((h) => columns.get(h) as number));
    const rows: Table['rows'] = [];
    for (let d = r + 1; d < values.length; d++) {
      const cells = values[d] ?? [];
      if (String(cells[first] ?? '').trim() === '') break;
      rows.push({ row: d, cells });
    }
    return { sheet: title, headerRow: r, columns, rows };
  }
  return undefined;
}

/** The cell under `header` in a table row. */
export function cellOf(table: Table, row: { cells: (Scalar | undefined)[] }, header: string): Scalar | undefined {
  const c = table.columns.get(header);
  return c === undefined ? undefined : row.cells[c];
}

/** A1 address of the cell under `header` on 0-based `row`. */
export function addressOf(table: Table, row: number, header: string): string {
  return `${columnLetters(table.columns.get(header) as number)}${row + 1}`;
}

/** A1 address of the cell right of the first cell that reads `label` (a label and its value, as the unit tab's statuses). */
export function labelledCell(workbook: WorkbookModel, title: string, label: string): string | undefined {
  const values = sheetValues(workbook, title);
  for (let r = 0; r < values.length; r++) {
    const c = (values[r] ?? []).findIndex((v) => String(v ?? '').trim() === label);
    if (c >= 0) return `${columnLetters(c + 1)}${r + 1}`;
  }
  return undefined;
}

/** The scripted people only type where they may: a refused edit is a bug, never hidden. */
export function refuseNothing(result: UserEditResult): void {
  if (!result.ok) throw new Error(`scripted edit refused: ${result.reason}`);
}

/** A status of a unit tab's top block (the cell right of its label), typed as `user`. */
export function setStatus(runtime: LocalRuntime, user: string, tab: string, label: string, value: string): void {
  const at = labelledCell(runtime.workbook, tab, label);
  if (at === undefined) throw new Error(`no ${label} in tab ${tab}`);
  refuseNothing(runtime.edit(user, tab, at, value));
}
