// Deciding what "Siapkan buku kerja" does: create the missing system tabs from a profile,
// fill a system tab that exists but is empty, and repair only what is missing (a header cell,
// a Pengaturan key) in a tab that holds data. Nothing a user typed is ever overwritten.
import type { Lang } from '../i18n';
import { PROFILE_IDS, defaultSettingsRows, type Profile } from '../profiles';
import { HEADERS, TABS, findColumns } from '../tables';
import { isBlankRow, normKey } from '../text';
import { EMPTY, shipped, text, type PlannedCell } from './cells';
import { RECAP_HEADERS } from './layout';

export interface ExistingTab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
}

export interface SetupInput {
  lang: Lang;
  profile: Profile;
  /** The acting user: the default admin and reply-to. */
  admin: string;
  tabs: readonly ExistingTab[];
  firstFreeSheetId: number;
  /** This year in the spreadsheet's time zone: the first round's label (`Putaran 1 {year}`). */
  year?: number;
}

export interface TabContent {
  title: string;
  sheetId: number;
  /** From A1. */
  rows: PlannedCell[][];
  rowCount: number;
  columnCount: number;
  /** Column widths in pixels, by zero-based column. */
  widths: number[];
}

export interface CellPatch {
  sheetId: number;
  row: number;
  column: number;
  rows: PlannedCell[][];
}

export interface SetupPlan {
  create: TabContent[];
  /** System tabs that exist but are empty: written from A1 (the grid grows to rowCount/columnCount if needed). */
  fill: (TabContent & { currentRows: number; currentColumns: number })[];
  /** Missing header cells and Pengaturan keys, written beside/below what is there. */
  patches: (CellPatch & { currentRows: number; currentColumns: number })[];
  /** The empty default tab ('Sheet1') to delete, if any. */
  deleteSheetId: number | null;
}

const SYSTEM_TABS = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit, TABS.rekap, TABS.logEmail, TABS.riwayat] as const;
type SystemTab = (typeof SYSTEM_TABS)[number];

const HEADER_OF: Record<SystemTab, readonly string[]> = {
  [TABS.pengaturan]: HEADERS.pengaturan,
  [TABS.instrumen]: HEADERS.instrumen,
  [TABS.aspek]: HEADERS.aspek,
  [TABS.kategori]: HEADERS.kategori,
  [TABS.unit]: HEADERS.unit,
  [TABS.rekap]: RECAP_HEADERS,
  [TABS.logEmail]: HEADERS.logEmail,
  [TABS.riwayat]: HEADERS.riwayat,
};

const WIDTHS: Record<SystemTab, readonly number[]> = {
  [TABS.pengaturan]: [150, 320, 460],
  [TABS.instrumen]: [80, 170, 380, 60, 130, 90, 320, 220, 220],
  [TABS.aspek]: [200, 110],
  [TABS.kategori]: [120, 110, 260, 90],
  [TABS.unit]: [110, 280, 110, 170, 260, 260, 220, 360],
  [TABS.rekap]: [110, 280, 110, 100, 100, 100, 110, 110, 120, 100, 160, 220, 40, 120, 100],
  [TABS.logEmail]: [150, 140, 110, 240, 240, 300, 100, 140, 300],
  [TABS.riwayat]: [140, 110, 100, 100, 100, 110, 150],
};

/** Names Sheets gives the first tab of a new file (English and Indonesian UI). */
const DEFAULT_TAB_NAMES = ['sheet1', 'lembar1', 'sheet 1', 'lembar 1'];

const HEADER_STYLE = { bold: true, background: '#e8eaed' };

function defaultRows(tab: SystemTab, input: SetupInput): string[][] {
  switch (tab) {
    case TABS.pengaturan:
      return defaultSettingsRows(input.profile.id, input.admin, input.lang, input.year);
    case TABS.instrumen:
      return input.profile.instrument;
    case TABS.aspek:
      return input.profile.aspects;
    case TABS.kategori:
      return input.profile.categories;
    default:
      return [[...HEADER_OF[tab]]];
  }
}

/** The dropdowns of the Pengaturan keys that take one of a few values. */
function settingDropdown(key: string): PlannedCell['dropdown'] {
  if (key === 'bahasa') return { values: ['id', 'en'], strict: true };
  if (key === 'profil') return { values: PROFILE_IDS, strict: true };
  return undefined;
}

function contentRows(tab: SystemTab, rows: readonly string[][]): PlannedCell[][] {
  return rows.map((row, r) =>
    row.map((value, c) => {
      if (r === 0) return text(value, HEADER_STYLE);
      const cell = shipped(value, { wrap: tab === TABS.instrumen && c === 2 });
      const dropdown = tab === TABS.pengaturan && c === 1 ? settingDropdown(normKey(row[0])) : undefined;
      return dropdown ? { ...cell, dropdown } : cell;
    }),
  );
}

function tabContent(tab: SystemTab, input: SetupInput, sheetId: number): TabContent {
  const rows = contentRows(tab, defaultRows(tab, input));
  const spare = tab === TABS.pengaturan || tab === TABS.aspek || tab === TABS.kategori ? 20 : 200;
  return {
    title: tab,
    sheetId,
    rows,
    rowCount: rows.length + spare,
    columnCount: HEADER_OF[tab].length,
    widths: [...WIDTHS[tab]],
  };
}

function lastFilledColumn(row: readonly unknown[] | undefined): number {
  let last = -1;
  (row ?? []).forEach((cell, i) => {
    if (String(cell ?? '').trim() !== '') last = i;
  });
  return last;
}

/** Rows for the Pengaturan keys that are missing, below the last row, in the tab's own column order. */
function missingSettings(existing: ExistingTab, input: SetupInput): CellPatch | null {
  const { index } = findColumns(existing.values[0], HEADERS.pengaturan);
  const present = new Set(existing.values.slice(1).map((row) => normKey(index.Kunci === undefined ? '' : row[index.Kunci])));
  const defaults = defaultRows(TABS.pengaturan, input).slice(1);
  const missing = defaults.filter((row) => !present.has(row[0]));
  if (missing.length === 0 || index.Kunci === undefined) return null;
  const width = Math.max(...Object.values(index).map((i) => (i ?? 0) + 1));
  const rows = missing.map((row) => {
    const cells: PlannedCell[] = Array<PlannedCell>(width).fill(EMPTY);
    HEADERS.pengaturan.forEach((h, i) => {
      const at = index[h];
      if (at !== undefined) cells[at] = contentRows(TABS.pengaturan, [[], row])[1][i];
    });
    return cells;
  });
  let lastRow = existing.values.length - 1;
  while (lastRow > 0 && isBlankRow(existing.values[lastRow])) lastRow--;
  return { sheetId: existing.sheetId, row: lastRow + 1, column: 0, rows };
}

export function planSetup(input: SetupInput): SetupPlan {
  const plan: SetupPlan = { create: [], fill: [], patches: [], deleteSheetId: null };
  const byTitle = new Map(input.tabs.map((tab) => [tab.title.toLowerCase(), tab]));
  let nextId = input.firstFreeSheetId;
  for (const tab of SYSTEM_TABS) {
    const existing = byTitle.get(tab.toLowerCase());
    if (!existing) {
      plan.create.push(tabContent(tab, input, nextId++));
      continue;
    }
    const current = { currentRows: existing.rowCount, currentColumns: existing.columnCount };
    if (existing.values.every((row) => isBlankRow(row))) {
      plan.fill.push({ ...tabContent(tab, input, existing.sheetId), title: existing.title, ...current });
      continue;
    }
    const { missing } = findColumns(existing.values[0], HEADER_OF[tab]);
    if (missing.length > 0) {
      plan.patches.push({
        sheetId: existing.sheetId,
        row: 0,
        column: lastFilledColumn(existing.values[0]) + 1,
        rows: [missing.map((h) => text(h, HEADER_STYLE))],
        ...current,
      });
    }
    if (tab === TABS.pengaturan) {
      const patch = missingSettings(existing, input);
      if (patch) plan.patches.push({ ...patch, ...current });
    }
  }
  const others = input.tabs.filter((tab) => !DEFAULT_TAB_NAMES.includes(tab.title.toLowerCase()));
  const defaultTab = input.tabs.find((tab) => DEFAULT_TAB_NAMES.includes(tab.title.toLowerCase()));
  if (defaultTab && defaultTab.values.every((row) => isBlankRow(row)) && (others.length > 0 || plan.create.length > 0)) {
    plan.deleteSheetId = defaultTab.sheetId;
  }
  return plan;
}
