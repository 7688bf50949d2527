// "Buat / perbarui tab unit": one structure read, one values read of every tab involved, the
// decisions in src/domain/plan, then one batchUpdate (split only when very large, never
// inside one tab's requests) that writes the unit tabs, Arsip, Unit's Tab/Status and Rekap.
import { t } from '../domain/i18n';
import { kept, plannedValue, text, type PlannedCell } from '../domain/plan/cells';
import { ARSIP_HEADERS, METADATA_KEYS, UNIT_PEOPLE_TAGS, UNIT_TAB, UNIT_TAB_WIDTHS } from '../domain/plan/layout';
import { CATEGORY_CELL, planUnitTabs, readOldTable, type DeactivationPlan, type UnitTabPlan, type UnitTabsPlan } from '../domain/plan/unit-tabs';
import { problemAt, tabWhere } from '../domain/problems';
import { SNAPSHOT_TAB, openFollowUpsByUnit } from '../domain/rounds';
import { readProgramme } from '../domain/programme';
import { SYSTEM_TAB_NAMES, TABS, findColumns } from '../domain/tables';
import type { Unit } from '../domain/types';
import { isBlankRow, normKey } from '../domain/text';
import { UNIT_OK } from '../domain/units';
import { applyRequests, firstFreeSheetId, wholeTab, type SheetInfo, type Structure } from './api';
import { failure, type ActionContext, type Failure, type Reading } from './context';
import { planRecapFor, recapRequests, type RecapTab } from './recap';
import {
  addColourRule,
  addProtection,
  addSheet,
  appendDimension,
  columnWidths,
  createSheetMetadata,
  deleteColourRule,
  deleteMetadata,
  freezeRows,
  renameSheet,
  setProtectionEditors,
  updateCells,
  updateProtection,
  type Request,
} from './requests';
import { findTab, protectSystemTabs, unitSheets, type UnitSheet } from './workbook';

export interface GenerateResult {
  ok: true;
  created: string[];
  updated: string[];
  inactive: string[];
  archived: number;
  rejected: { row: number; kode: string; reason: string }[];
  /** Round trips of the writes (batchUpdate calls). */
  writes: number;
  message: string;
}

const REQUIRED = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit, TABS.rekap] as const;

function sameBlock(range: GoogleAppsScript.Sheets.Schema.GridRange, sheetId: number): boolean {
  return (
    (range.sheetId ?? 0) === sheetId &&
    range.startRowIndex === CATEGORY_CELL.startRow &&
    range.endRowIndex === CATEGORY_CELL.endRow &&
    range.startColumnIndex === CATEGORY_CELL.startColumn &&
    range.endColumnIndex === CATEGORY_CELL.endColumn
  );
}

function createRequests(tab: UnitTabPlan): Request[] {
  const id = tab.sheetId;
  return [
    addSheet(id, tab.title, tab.rowCount, UNIT_TAB.width, tab.frozenRows),
    updateCells(id, 0, 0, tab.rows),
    ...columnWidths(id, UNIT_TAB_WIDTHS),
    ...tab.colourRules.map((rule, i) => addColourRule(id, CATEGORY_CELL, rule, i)),
    ...tab.protections.map((p) => addProtection(id, p)),
    createSheetMetadata(id, METADATA_KEYS.unit, tab.code),
  ];
}

function refreshRequests(tab: UnitTabPlan, sheet: UnitSheet): Request[] {
  const id = tab.sheetId;
  const requests: Request[] = [];
  if (tab.renamedFrom !== undefined) requests.push(renameSheet(id, tab.title));
  if (sheet.frozenRows !== tab.frozenRows) requests.push(freezeRows(id, tab.frozenRows));
  if (tab.rowCount > sheet.rowCount) requests.push(appendDimension(id, 'ROWS', tab.rowCount - sheet.rowCount));
  if (sheet.columnCount < UNIT_TAB.width) requests.push(appendDimension(id, 'COLUMNS', UNIT_TAB.width - sheet.columnCount));
  // Protections first: the new editors (a new admin, a new PIC) hold from the same batch on.
  for (const p of tab.protections) {
    const existing = sheet.protections.find((x) => x.description === p.tag);
    requests.push(existing ? updateProtection(id, existing.id, p) : addProtection(id, p));
  }
  requests.push(updateCells(id, 0, 0, tab.rows));
  // Our colour rules are the ones painting exactly the category cell; others are the user's.
  const ours = sheet.colourRules.flatMap((ranges, index) => (ranges.length === 1 && sameBlock(ranges[0], id) ? [index] : []));
  requests.push(...ours.reverse().map((index) => deleteColourRule(id, index)));
  requests.push(...tab.colourRules.map((rule, i) => addColourRule(id, CATEGORY_CELL, rule, i)));
  if (tab.reactivate && sheet.inactiveMetadataId !== null) requests.push(deleteMetadata(sheet.inactiveMetadataId));
  return requests;
}

function deactivationRequests(d: DeactivationPlan, sheet: UnitSheet): Request[] {
  const answers = sheet.protections.filter((p) => UNIT_PEOPLE_TAGS.includes(p.description));
  return [
    updateCells(d.sheetId, UNIT_TAB.titleRow, 0, [[d.titleCell]]),
    createSheetMetadata(d.sheetId, METADATA_KEYS.inactive, '1'),
    ...answers.map((p) => setProtectionEditors(p.id, d.editors)),
  ];
}

/** Appends the archive rows to Arsip, creating the tab (header frozen) the first time. */
function archiveRequests(rows: PlannedCell[][], arsip: SheetInfo | undefined, arsipValues: unknown[][], newId: number): Request[] {
  if (rows.length === 0) return [];
  const width = ARSIP_HEADERS.length;
  if (!arsip) {
    const header = ARSIP_HEADERS.map((h) => text(h, { bold: true, background: '#e8eaed' }));
    return [addSheet(newId, TABS.arsip, rows.length + 1, width, 1), updateCells(newId, 0, 0, [header, ...rows])];
  }
  let used = arsipValues.length;
  while (used > 0 && isBlankRow(arsipValues[used - 1])) used--;
  const requests: Request[] = [];
  if (used + rows.length > arsip.rowCount) requests.push(appendDimension(arsip.sheetId, 'ROWS', used + rows.length - arsip.rowCount));
  if (arsip.columnCount < width) requests.push(appendDimension(arsip.sheetId, 'COLUMNS', width - arsip.columnCount));
  requests.push(updateCells(arsip.sheetId, used, 0, rows));
  return requests;
}

/** Unit's Tab and Status columns for every data row: the tab of a unit that has one, else what was there. */
function unitColumnsRequests(
  unit: SheetInfo,
  unitRows: unknown[][],
  statuses: readonly string[],
  plan: UnitTabsPlan,
  columns: { tab: number; status: number },
): Request[] {
  const { index } = findColumns(unitRows[0], ['Kode'] as const);
  const tabCells: PlannedCell[][] = [];
  const statusCells: PlannedCell[][] = [];
  statuses.forEach((status, i) => {
    const row = unitRows[i + 1] ?? [];
    const code = normKey(index.Kode === undefined ? '' : row[index.Kode]);
    const tab = status === UNIT_OK ? plan.tabOf.get(code) : undefined;
    tabCells.push([tab === undefined ? kept(row[columns.tab]) : text(tab)]);
    statusCells.push([text(plan.unreadable.get(code) ?? status, { wrap: true })]);
  });
  if (statuses.length === 0) return [];
  const requests: Request[] = [];
  const width = Math.max(columns.tab, columns.status) + 1;
  if (unit.columnCount < width) requests.push(appendDimension(unit.sheetId, 'COLUMNS', width - unit.columnCount));
  requests.push(updateCells(unit.sheetId, 1, columns.tab, tabCells), updateCells(unit.sheetId, 1, columns.status, statusCells));
  return requests;
}

/**
 * Tabs with no unit metadata that are not the add-on's own. A unit tab whose metadata was lost
 * (an .xlsx export or import drops developer metadata) is among them, under the name Unit's Tab
 * column still records.
 */
function untaggedTabs(sheets: readonly SheetInfo[]): SheetInfo[] {
  const own = new Set([...SYSTEM_TAB_NAMES, SNAPSHOT_TAB].map((title) => title.toLowerCase()));
  return sheets.filter((s) => !own.has(s.title.toLowerCase()) && !s.metadata.some((m) => m.key === METADATA_KEYS.unit));
}

/** The tabs generation reads: the system tabs, every unit tab and untagged tab (their first 14 columns), Arsip's first column. */
function tabsToRead(sheets: readonly SheetInfo[]) {
  return {
    system: REQUIRED.map((title) => findTab(sheets, title)),
    units: unitSheets(sheets),
    untagged: untaggedTabs(sheets),
    arsip: findTab(sheets, TABS.arsip),
  };
}

export function generateRanges(structure: Structure): string[] {
  const { system, units, untagged, arsip } = tabsToRead(structure.sheets);
  if (system.some((s) => s === undefined)) return [];
  return [
    ...system.map((s) => wholeTab(s as SheetInfo)),
    ...[...units, ...untagged].map((s) => wholeTab(s, UNIT_TAB.width)),
    ...(arsip ? [wholeTab(arsip, 1)] : []),
  ];
}

/**
 * The unit tabs with the ones found again: a valid unit with no tab of its own takes the untagged
 * tab named in its Unit row, when that tab holds a unit table. Generation then ties it back.
 */
function withFoundTabs(
  tagged: { sheets: UnitSheet[]; values: unknown[][][] },
  untagged: { sheets: SheetInfo[]; values: unknown[][][] },
  units: readonly Unit[],
  recordedTabs: ReadonlyMap<string, string>,
): { sheets: UnitSheet[]; values: unknown[][][]; found: Set<number> } {
  const sheets = [...tagged.sheets];
  const values = [...tagged.values];
  const found = new Set<number>();
  const tied = new Set(tagged.sheets.map((s) => normKey(s.code)));
  for (const unit of units) {
    const recorded = (recordedTabs.get(normKey(unit.code)) ?? '').toLowerCase();
    if (tied.has(normKey(unit.code)) || recorded === '') continue;
    const at = untagged.sheets.findIndex((s) => s.title.toLowerCase() === recorded && !found.has(s.sheetId));
    if (at < 0 || readOldTable(untagged.values[at] ?? []) === null) continue;
    sheets.push({ ...untagged.sheets[at], code: unit.code, inactiveMetadataId: null });
    values.push(untagged.values[at] ?? []);
    found.add(untagged.sheets[at].sheetId);
  }
  return { sheets, values, found };
}

export function generateUnitTabsIn(ctx: ActionContext, reading: Reading, archivedAt: (timeZone: string) => string): GenerateResult | Failure {
  const { timeZone, sheets } = reading.structure;
  const { system, units: tagged, untagged, arsip } = tabsToRead(sheets);
  const missing = REQUIRED.filter((_, i) => !system[i]);
  if (missing.length > 0) return failure(ctx.lang, 'core.needSetup', { tabs: missing.join(', ') });
  const [, , , , unit, rekap] = system as SheetInfo[];
  const { values } = reading;
  const [settingsRows, instrumentRows, aspectRows, categoryRows, unitRows, rekapRows] = values;
  const afterTagged = REQUIRED.length + tagged.length;
  const taggedValues = values.slice(REQUIRED.length, afterTagged);
  const untaggedValues = values.slice(afterTagged, afterTagged + untagged.length);
  const arsipValues = arsip ? values[values.length - 1] : [];

  const unitHeaders = findColumns(unitRows[0], ['Tab', 'Status'] as const);
  const programme = readProgramme(
    { settings: settingsRows, instrument: instrumentRows, aspects: aspectRows, categories: categoryRows, units: unitRows },
    ctx.lang,
    (lang) =>
      unitHeaders.missing.length > 0
        ? [problemAt(tabWhere(TABS.unit, lang), 'check.missingColumns', { columns: unitHeaders.missing.join(', ') }, 1)]
        : [],
  );
  const { lang } = programme;
  if (!programme.ok) return failure(lang, 'core.fixFirst', {}, programme.problems);
  const { settings, indicators, categories, units: validation } = programme.value;

  const admins = settings.emailAdmin.length > 0 ? settings.emailAdmin : ctx.admins;
  const { index: unitIndex } = findColumns(unitRows[0], ['Kode', 'Tab'] as const);
  const cellOf = (row: unknown[], at: number | undefined) => String(at === undefined ? '' : (row[at] ?? '')).trim();
  const dataRows = unitRows.slice(1);
  const recordedTabs = new Map(dataRows.map((row) => [normKey(cellOf(row, unitIndex.Kode)), cellOf(row, unitIndex.Tab)] as const));
  const {
    sheets: units,
    values: unitValues,
    found,
  } = withFoundTabs({ sheets: tagged, values: taggedValues }, { sheets: untagged, values: untaggedValues }, validation.units, recordedTabs);
  const plan = planUnitTabs({
    lang,
    settings,
    indicators,
    categories,
    units: validation.units,
    listedCodes: dataRows.map((row) => cellOf(row, unitIndex.Kode)).filter((code) => code !== ''),
    recordedTabs,
    existing: units.map((s, i) => ({
      sheetId: s.sheetId,
      title: s.title,
      code: s.code,
      inactive: s.inactiveMetadataId !== null,
      rowCount: s.rowCount,
      values: unitValues[i],
    })),
    titles: sheets.map((s) => s.title),
    admins,
    firstFreeSheetId: firstFreeSheetId(sheets),
    archivedAt: archivedAt(timeZone),
  });

  const byId = new Map(units.map((s) => [s.sheetId, s]));
  const groups: Request[][] = plan.tabs.map((tab) => {
    const sheet = byId.get(tab.sheetId);
    if (!sheet) return createRequests(tab);
    // A tab found again gets its unit metadata back, so it is the unit's tab from now on.
    return found.has(tab.sheetId) ? [createSheetMetadata(tab.sheetId, METADATA_KEYS.unit, tab.code), ...refreshRequests(tab, sheet)] : refreshRequests(tab, sheet);
  });
  groups.push(...plan.deactivations.map((d) => deactivationRequests(d, byId.get(d.sheetId) as UnitSheet)));
  const arsipId = firstFreeSheetId(sheets) + plan.tabs.length;
  groups.push(archiveRequests(plan.archive, arsip, arsipValues, arsipId));
  const tabColumns = { tab: unitHeaders.index.Tab as number, status: unitHeaders.index.Status as number };
  groups.push(unitColumnsRequests(unit, unitRows, validation.statuses, plan, tabColumns));

  // Each tab as this generation leaves it (a new tab too), else as read.
  const written = plan.tabs.map((tab) => ({ code: tab.code, sheetId: tab.sheetId, title: tab.title, values: tab.rows.map((r) => r.map(plannedValue)) }));
  const activeTabs = new Map<string, RecapTab>();
  for (const tab of written) activeTabs.set(normKey(tab.code), tab);
  units.forEach((s, i) => {
    const key = normKey(s.code);
    if (plan.unreadable.has(key) && s.inactiveMetadataId === null) activeTabs.set(key, { title: s.title, sheetId: s.sheetId, values: unitValues[i] ?? [] });
  });
  const open = openFollowUpsByUnit([...units.map((s, i) => ({ code: s.code, sheetId: s.sheetId, title: s.title, values: unitValues[i] ?? [] })), ...written], lang);
  groups.push(recapRequests(rekap, planRecapFor(lang, validation.units, activeTabs, categories, rekapRows, open)));
  groups.push(protectSystemTabs(sheets, admins));
  const writes = applyRequests(ctx.spreadsheetId, groups);

  const created = plan.tabs.filter((tab) => tab.kind === 'create').map((tab) => tab.title);
  const updated = plan.tabs.filter((tab) => tab.kind === 'refresh').map((tab) => tab.title);
  const inactive = plan.deactivations.map((d) => d.title);
  return {
    ok: true,
    created,
    updated,
    inactive,
    archived: plan.archive.length,
    rejected: validation.rejected,
    writes,
    message: t(lang, 'core.generate.done', {
      created: created.length,
      updated: updated.length,
      rejected: validation.rejected.length,
      inactive: inactive.length,
      archived: plan.archive.length,
    }),
  };
}
