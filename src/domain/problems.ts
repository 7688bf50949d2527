// Building the problems the parsers report, and reading a header-keyed table: the one place
// that says where a problem is ("Tab Instrumen baris 5, kolom Bobot: …") and finds columns.
import { t, type Lang, type MessageKey } from './i18n';
import { findColumns } from './tables';
import { cellText } from './text';
import type { Problem } from './types';

/** Where problems are reported: the tab (Problem.tab), how messages name it, and their language. */
export interface Where {
  tab: string;
  label: string;
  lang: Lang;
}

/** A sheet tab: its messages say "Tab {tab}". */
export function tabWhere(tab: string, lang: Lang): Where {
  return { tab, label: t(lang, 'problem.tabLabel', { tab }), lang };
}

/** A problem at `where` (optionally a row and a column) whose text is the message `key`. */
export function problemAt(
  where: Where,
  key: MessageKey,
  params: Record<string, string | number> = {},
  row?: number,
  column?: string,
): Problem {
  const what = t(where.lang, key, params);
  const base = { where: where.label, what };
  if (row === undefined) return { tab: where.tab, message: t(where.lang, 'problem.at.tab', base) };
  if (column === undefined) return { tab: where.tab, row, message: t(where.lang, 'problem.at.row', { ...base, row }) };
  return { tab: where.tab, row, column, message: t(where.lang, 'problem.at.cell', { ...base, row, column }) };
}

export interface TableRow<K extends string> {
  /** 1-based row number in the table (the header row is 1), which is the sheet row for a tab read from A1. */
  row: number;
  /** The cell under header `name` ('' when the column is absent or the row is short). */
  get(name: K): unknown;
  /** Same as get, as trimmed text. */
  text(name: K): string;
}

/**
 * The data rows of a table whose first row holds the headers. Columns are found by header
 * (case-insensitive); a missing `required` one is a problem, a missing `optional` one reads as
 * empty. Rows whose wanted cells are all empty are left out.
 */
export function readTable<K extends string>(
  rows: readonly (readonly unknown[])[],
  where: Where,
  required: readonly K[],
  optional: readonly K[] = [],
): { ok: true; rows: TableRow<K>[] } | { ok: false; problems: Problem[] } {
  const { index, missing } = findColumns(rows[0], [...required, ...optional]);
  const absent = missing.filter((name) => required.includes(name));
  if (absent.length > 0) {
    const columns = absent.map((name) => `"${name}"`).join(', ');
    return { ok: false, problems: [problemAt(where, 'check.missingColumns', { columns })] };
  }
  const positions = Object.values(index) as number[];
  const out: TableRow<K>[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || positions.every((p) => cellText(cells[p]) === '')) return;
    const get = (name: K): unknown => {
      const p = index[name];
      return p === undefined ? '' : (cells[p] ?? '');
    };
    out.push({ row: i + 1, get, text: (name) => cellText(get(name)) });
  });
  return { ok: true, rows: out };
}

/** Reports the rows whose `key` repeats an earlier row's (case-insensitive, Unicode NFC); calls `report` with the first row. */
export function eachDuplicate<T extends { row: number }>(
  items: readonly T[],
  key: (item: T) => string,
  report: (item: T, firstRow: number) => void,
): void {
  const first = new Map<string, number>();
  for (const item of items) {
    const k = key(item).normalize('NFC').toLowerCase();
    if (k === '') continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, item.row);
    else report(item, seen);
  }
}
