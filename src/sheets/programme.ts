// The one reader: an execution reads the programme once, in two round trips (the structure,
// then one values batchGet of every tab it needs) or, where the action reads most of the
// workbook anyway, in one (every tab's grid data with the structure, ReadSpec.oneCall), into a typed model: Pengaturan, Instrumen,
// Aspek, Kategori and Unit parsed, the other tabs the action asked for, and each unit tab's
// table and status cells. Every action takes that model (withAdminLock passes it); nothing
// re-reads what the execution holds. Parsing a unit tab's values is src/domain/unit-tab.ts.
import { toLang, type Lang } from '../domain/i18n';
import { METADATA_KEYS, UNIT_TAB } from '../domain/plan/layout';
import { parseProgramme, type ProgrammeParts } from '../domain/programme';
import { parseSettings } from '../domain/settings';
import { TABS, findColumns } from '../domain/tables';
import { normKey } from '../domain/text';
import type { Parsed, Settings } from '../domain/types';
import { indicatorsFor } from '../domain/instrument';
import { locateUnitTable, mergeFlags, readUnitAnswers, statusOf, unitTabFlags, type UnitTabFlag, type UnitTableLayout, type UnitTabReading, type UnitTabStatus } from '../domain/unit-tab';
import { readStructure, readStructureAndValues, readValues, wholeTab, type SheetInfo, type Structure } from './api';
import { failure, type Failure } from './context';
import { isSystemTab } from './protections';
import { findTab, unitSheets, type UnitSheet } from './workbook';

type Rows = readonly (readonly unknown[])[];

/** A tab and its unformatted values from A1 (as far as it was read). */
export interface TabValues {
  sheet: SheetInfo;
  rows: unknown[][];
}

/** A tab tied to a unit, as read. */
export interface UnitTab extends TabValues {
  sheet: UnitSheet;
  /** Where its table and header block are; null when it has no table header. */
  layout: UnitTableLayout | null;
  /** Its indicators and answers, read as RINGKASAN_KEPATUHAN reads them, or why they cannot be. */
  reading: UnitTabReading;
  /** Its status cells, when it has them. */
  status: UnitTabStatus;
}

/** What an action reads besides Pengaturan, Instrumen, Aspek, Kategori and Unit (always read: they are small). */
export interface ReadSpec {
  /** Other tabs read whole, by name (those that exist): Rekap, Riwayat, Cadangan Putaran… */
  tabs?: readonly string[];
  /** Tabs of which only the first column is read (how far Arsip goes). */
  firstColumn?: readonly string[];
  /** The tabs tied to a unit (UNIT_TAB.width columns): the active ones, or all of them. */
  unitTabs?: 'active' | 'all';
  /** Tabs tied to no unit that are not the add-on's own (UNIT_TAB.width columns): a unit tab that lost its metadata. */
  untagged?: boolean;
  /** Any other tabs read whole, picked from the structure. */
  others?: (sheets: readonly SheetInfo[]) => SheetInfo[];
  /** Tabs without which the reader of the model does nothing: when one is missing, no values are read at all. */
  requires?: readonly string[];
  /**
   * Read the structure and the values in one call (every tab's grid data, readStructureAndValues):
   * one round trip less, for an action that reads most of the workbook's cells anyway.
   */
  oneCall?: boolean;
}

export interface Programme extends ProgrammeParts {
  timeZone: string;
  sheets: SheetInfo[];
  /** Pengaturan bahasa: the language of every message. */
  lang: Lang;
  /** The unit tabs the action asked for, first tab first. */
  unitTabs: UnitTab[];
  /** The untagged tabs, when asked for. */
  untagged: TabValues[];
  /** A tab that exists and was read (system tabs by name, any case). */
  tab(title: string): TabValues | undefined;
  /** The values of a tab that was read ([] otherwise). */
  rows(title: string): unknown[][];
  /** The values read of `sheet` ([] when it was not read). */
  valuesOf(sheet: Pick<SheetInfo, 'sheetId'>): unknown[][];
  /** A Pengaturan value as typed ('' when absent): what holds even when Pengaturan does not parse. */
  setting(key: string): unknown;
}

const PROGRAMME_TABS = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit] as const;

/** The Nilai of `key` in Pengaturan rows ('' when absent); Kunci and Nilai by header, else columns A and B. */
function settingOf(rows: Rows, key: string): unknown {
  const { index } = findColumns(rows[0], ['Kunci', 'Nilai'] as const);
  const keyAt = index.Kunci ?? 0;
  const valueAt = index.Nilai ?? 1;
  const row = rows.slice(1).find((r) => normKey(r[keyAt]) === key);
  return row ? (row[valueAt] ?? '') : '';
}

/**
 * Tabs with no unit metadata that are not the add-on's own. A unit tab whose metadata was lost
 * (an .xlsx export or import drops developer metadata) is among them, under the name Unit's Tab
 * column still records.
 */
function untaggedTabs(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => !isSystemTab(s.title) && !s.metadata.some((m) => m.key === METADATA_KEYS.unit));
}

/** Each tab to read (by sheet id) and how many of its columns: the widest asked for. */
function rangesToRead(sheets: readonly SheetInfo[], spec: ReadSpec, units: readonly UnitSheet[]): Map<number, { sheet: SheetInfo; columns: number }> {
  const out = new Map<number, { sheet: SheetInfo; columns: number }>();
  const want = (sheet: SheetInfo | undefined, columns: number) => {
    if (sheet) out.set(sheet.sheetId, { sheet, columns: Math.max(out.get(sheet.sheetId)?.columns ?? 0, columns) });
  };
  for (const title of [...PROGRAMME_TABS, ...(spec.tabs ?? [])]) want(findTab(sheets, title), Infinity);
  for (const title of spec.firstColumn ?? []) want(findTab(sheets, title), 1);
  for (const sheet of spec.others?.(sheets) ?? []) want(sheet, Infinity);
  for (const sheet of [...units, ...(spec.untagged ? untaggedTabs(sheets) : [])]) want(sheet, UNIT_TAB.width);
  return out;
}

function unitTabOf(sheet: UnitSheet, rows: unknown[][], lang: Lang): UnitTab {
  const layout = locateUnitTable(rows);
  const reading = readUnitAnswers({ code: sheet.code, sheetId: sheet.sheetId, title: sheet.title, values: rows }, lang, layout);
  return { sheet, rows, layout, reading, status: statusOf(layout) };
}

/** A tab tied to `code` by this execution (a unit tab found again), read as any unit tab. */
export function asUnitTab(tab: TabValues, code: string, lang: Lang): UnitTab {
  return unitTabOf({ ...tab.sheet, code, inactiveMetadataId: null }, tab.rows, lang);
}

/**
 * What `tab` holds that cannot be scored, as generation flags it (src/domain/unit-tab.ts): its
 * merged cells, then its rows against the indicators of its unit's Jenis (when Instrumen parses).
 */
export function tabFlagsOf(programme: Programme, tab: UnitTab): UnitTabFlag[] {
  const { lang, instrument } = programme;
  const values = { code: tab.sheet.code, sheetId: tab.sheet.sheetId, title: tab.sheet.title, values: tab.rows };
  const unit = programme.units.units.find((u) => normKey(u.code) === normKey(tab.sheet.code));
  const rows = instrument.ok ? unitTabFlags(values, indicatorsFor(instrument.value, unit?.type ?? ''), lang, tab.layout) : [];
  return [...mergeFlags(values, tab.sheet.merges, lang, tab.layout), ...rows];
}

/** Each tab read and how many of its columns. */
type Wanted = readonly { sheet: SheetInfo; columns: number }[];

/** Rows of a tab's values from A1 as a values read of its first `columns` columns returns them: trailing empty cells and rows left out. */
function firstColumns(rows: readonly unknown[][], columns: number): unknown[][] {
  const out = rows.map((row) => {
    const cut = row.slice(0, columns);
    while (cut.length > 0 && cut[cut.length - 1] === '') cut.pop();
    return cut;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Reads the programme: the structure, then every tab `spec` asks for, in one batchGet; or both in one call (ReadSpec.oneCall). */
export function readProgramme(spreadsheetId: string, spec: ReadSpec = {}): Programme {
  if (spec.oneCall) {
    const { structure, values } = readStructureAndValues(spreadsheetId);
    return programmeOf(structure, spec, (wanted) => wanted.map(({ sheet, columns }) => firstColumns(values.get(sheet.sheetId) ?? [], columns)));
  }
  const read = (wanted: Wanted) => readValues(spreadsheetId, wanted.map(({ sheet, columns }) => wholeTab(sheet, columns)));
  return programmeOf(readStructure(spreadsheetId), spec, read);
}

/**
 * `programme` (read with `spec`) over the structure read again, after a batchUpdate that changed
 * protections only (the admins' sync, src/sheets/protections.ts): the same tabs, their values as
 * already read; one round trip.
 */
export function withStructureReadAgain(spreadsheetId: string, programme: Programme, spec: ReadSpec): Programme {
  return programmeOf(readStructure(spreadsheetId), spec, (wanted) => wanted.map(({ sheet }) => programme.valuesOf(sheet)));
}

/** The model of the tabs `spec` asks for in `structure`, their values given by `read` (in the order asked). */
function programmeOf(structure: Structure, spec: ReadSpec, read: (wanted: Wanted) => unknown[][][]): Programme {
  const { timeZone, sheets } = structure;
  const tagged = unitSheets(sheets);
  const units = spec.unitTabs === 'all' ? tagged : spec.unitTabs === 'active' ? tagged.filter((s) => s.inactiveMetadataId === null) : [];
  const complete = (spec.requires ?? []).every((title) => findTab(sheets, title));
  const wanted = complete ? [...rangesToRead(sheets, spec, units).values()] : [];
  const got = read(wanted);
  const values = new Map(wanted.map(({ sheet }, i) => [sheet.sheetId, got[i] ?? []] as const));
  const valuesOf = (sheet: Pick<SheetInfo, 'sheetId'>) => values.get(sheet.sheetId) ?? [];
  const tab = (title: string): TabValues | undefined => {
    const sheet = findTab(sheets, title);
    return sheet && values.has(sheet.sheetId) ? { sheet, rows: valuesOf(sheet) } : undefined;
  };
  const rows = (title: string) => tab(title)?.rows ?? [];
  const settingsRows = rows(TABS.pengaturan);
  const lang = toLang(settingOf(settingsRows, 'bahasa'));
  const parts = parseProgramme(
    { settings: settingsRows, instrument: rows(TABS.instrumen), aspects: rows(TABS.aspek), categories: rows(TABS.kategori), units: rows(TABS.unit) },
    lang,
  );
  return {
    ...parts,
    timeZone,
    sheets,
    lang,
    unitTabs: units.map((sheet) => unitTabOf(sheet, valuesOf(sheet), lang)),
    untagged: spec.untagged ? untaggedTabs(sheets).map((sheet) => ({ sheet, rows: valuesOf(sheet) })) : [],
    tab,
    rows,
    valuesOf,
    setting: (key) => settingOf(settingsRows, key),
  };
}

/** "Set the workbook up first", naming the tabs of `titles` the workbook lacks; null when it has them all. */
export function needSetup(programme: Programme, titles: readonly string[]): Failure | null {
  const missing = titles.filter((title) => !findTab(programme.sheets, title));
  return missing.length === 0 ? null : failure(programme.lang, 'core.needSetup', { tabs: missing.join(', ') });
}

/**
 * Pengaturan read on its own with SpreadsheetApp, for what a menu says before it runs an
 * action (a prompt) or when the action could not run (a busy lock).
 */
export function peekSettings(): { lang: Lang; settings: Parsed<Settings> } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TABS.pengaturan);
  const rows = sheet ? sheet.getDataRange().getValues() : [];
  const lang = toLang(settingOf(rows, 'bahasa'));
  return { lang, settings: parseSettings(rows, lang) };
}
