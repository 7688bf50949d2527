// "Buat / perbarui tab unit": the programme read once (src/sheets/programme.ts), the decisions
// in src/domain/plan, then one batchUpdate (split only when very large, never inside one tab's
// requests) that writes the unit tabs, Arsip, Unit's Tab/Status and Rekap.
import { t, type Lang, type MessageKey } from '../domain/i18n';
import { indicatorsFor } from '../domain/instrument';
import { kept, plannedValue, text, type PlannedCell } from '../domain/plan/cells';
import { ARSIP_HEADERS, METADATA_KEYS, UNIT_PEOPLE_TAGS, UNIT_TAB, UNIT_TAB_WIDTHS, type UnitColumn } from '../domain/plan/layout';
import {
  CATEGORY_CELL,
  planUnitTabs,
  systemProtection,
  type DeactivationPlan,
  type PlannedWrite,
  type UnitTabPlan,
  type UnitTabsPlan,
} from '../domain/plan/unit-tabs';
import { problemAt, tabWhere } from '../domain/problems';
import { checkProgramme } from '../domain/programme';
import { TABS, findColumns } from '../domain/tables';
import type { CategoryTable, Indicator, Problem, Unit } from '../domain/types';
import { cellText, isBlankRow, normKey } from '../domain/text';
import { isUnitOk } from '../domain/units';
import { stageRefsOf } from '../domain/stage';
import { locateUnitTable, mergeFlags, readUnitAnswers, tableMerges, unitTabFlags, type UnitTabFlag } from '../domain/unit-tab';
import { applyRequests, firstFreeSheetId, type SheetInfo } from './api';
import { failure, type ActionContext, type Failure } from './context';
import { asUnitTab, needSetup, type Programme, type ReadSpec, type TabValues, type UnitTab } from './programme';
import { planRecapFor, recapRequests, recapTab, type RecapTab } from './recap';
import {
  addColourRule,
  addProtection,
  addSheet,
  appendDimension,
  columnWidths,
  cellData,
  createSheetMetadata,
  deleteColourRule,
  deleteMetadata,
  duplicateSheet,
  freezeRows,
  insertColumns,
  renameSheet,
  setProtectionEditors,
  updateCells,
  updateProtection,
  type Request,
} from './requests';
import type { UnitSheet } from './workbook';

export interface GenerateResult {
  ok: true;
  created: string[];
  updated: string[];
  inactive: string[];
  archived: number;
  rejected: { row: number; kode: string; reason: string }[];
  /** Tabs that hold a unit table but are tied to no unit (renamed and retitled outside Sheets): reported, never written. */
  orphans: string[];
  /** Round trips of the writes (batchUpdate calls). */
  writes: number;
  message: string;
  /** What the unit tabs held that this generation repaired, and what is left to fix (flagged on its cell). */
  tabRepairs?: Problem[];
  tabProblems?: Problem[];
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

/** The field mask of each kind of planned write (see PlannedWrite). */
const WRITE_FIELDS: Record<Exclude<PlannedWrite['fields'], 'all'>, { mask: string; keep: (keyof GoogleAppsScript.Sheets.Schema.CellData)[] }> = {
  values: { mask: 'userEnteredValue', keep: ['userEnteredValue'] },
  look: {
    mask: 'note,dataValidation,userEnteredFormat.wrapStrategy,userEnteredFormat.numberFormat,userEnteredFormat.backgroundColor',
    keep: ['note', 'dataValidation', 'userEnteredFormat'],
  },
};

function writeRequest(sheetId: number, w: PlannedWrite): Request {
  const all = updateCells(sheetId, w.row, w.column, w.cells);
  if (w.fields === 'all') return all;
  const { mask, keep } = WRITE_FIELDS[w.fields];
  const only = (cell: PlannedWrite['cells'][number][number]) => Object.fromEntries(Object.entries(cellData(cell)).filter(([k]) => keep.includes(k as (typeof keep)[number])));
  return { updateCells: { ...all.updateCells, rows: w.cells.map((r) => ({ values: r.map(only) })), fields: mask } };
}

function cellRequests(tab: UnitTabPlan): Request[] {
  return tab.writes.map((w) => writeRequest(tab.sheetId, w));
}

/** At most this many new tabs go in one group (applied together, in one call): at most about 1,600 of the 2,000 requests a call holds. */
const NEW_TABS_PER_GROUP = 150;

/** What a new tab has in common with every other it can be duplicated from: all but its title row. */
function kindOf(tab: UnitTabPlan): string {
  return JSON.stringify([tab.rows.slice(UNIT_TAB.titleRow + 1), tab.rowCount, tab.frozenRows, tab.colourRules]);
}

/**
 * The requests that create new unit tabs, in groups of at most NEW_TABS_PER_GROUP tabs. In a
 * group, the first tab of each kind (kindOf: the unit's Jenis) is written whole; each other tab
 * of that kind is a duplicate of it (one request for all its cells, formats, notes, dropdowns,
 * widths and colour rules) given its own title row. Protections and metadata come last, once
 * every duplicate is made, so no tab carries another unit's. Each new tab goes last: the
 * workbook holds `sheetCount` tabs before the first.
 */
export function newTabsRequests(tabs: readonly UnitTabPlan[], sheetCount: number): Request[][] {
  const groups: Request[][] = [];
  for (let start = 0; start < tabs.length; start += NEW_TABS_PER_GROUP) {
    const chunk = tabs.slice(start, start + NEW_TABS_PER_GROUP);
    const sources = new Map<string, UnitTabPlan>();
    const group = chunk.flatMap((tab, i): Request[] => {
      const id = tab.sheetId;
      const source = sources.get(kindOf(tab));
      if (source) return [duplicateSheet(source.sheetId, id, tab.title, sheetCount + start + i), updateCells(id, UNIT_TAB.titleRow, 0, [tab.rows[UNIT_TAB.titleRow]])];
      sources.set(kindOf(tab), tab);
      return [
        addSheet(id, tab.title, tab.rowCount, UNIT_TAB.width, tab.frozenRows),
        ...cellRequests(tab),
        ...columnWidths(id, UNIT_TAB_WIDTHS),
        ...tab.colourRules.map((rule, k) => addColourRule(id, CATEGORY_CELL, rule, k)),
      ];
    });
    for (const tab of chunk) group.push(...tab.protections.map((p) => addProtection(tab.sheetId, p)), createSheetMetadata(tab.sheetId, METADATA_KEYS.unit, tab.code));
    groups.push(group);
  }
  return groups;
}

function refreshRequests(tab: UnitTabPlan, sheet: UnitSheet): Request[] {
  const id = tab.sheetId;
  const requests: Request[] = [];
  if (tab.renamedFrom !== undefined) requests.push(renameSheet(id, tab.title));
  if (sheet.frozenRows !== tab.frozenRows) requests.push(freezeRows(id, tab.frozenRows));
  if (tab.rowCount > sheet.rowCount) requests.push(appendDimension(id, 'ROWS', tab.rowCount - sheet.rowCount));
  // A column the table gained since goes in first, so the user's columns to its right move with it.
  requests.push(...tab.insertColumns.map((at) => insertColumns(id, at, 1)));
  const columns = sheet.columnCount + tab.insertColumns.length;
  if (columns < UNIT_TAB.width) requests.push(appendDimension(id, 'COLUMNS', UNIT_TAB.width - columns));
  // Protections first: the new editors (a new admin, a new PIC) hold from the same batch on.
  for (const p of tab.protections) {
    const existing = sheet.protections.find((x) => x.description === p.tag);
    requests.push(existing ? updateProtection(id, existing.id, p) : addProtection(id, p));
  }
  requests.push(...cellRequests(tab));
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

/** Appends the archive rows to Arsip, creating the tab (header frozen, admins only) the first time. */
function archiveRequests(rows: PlannedCell[][], arsip: SheetInfo | undefined, arsipValues: unknown[][], newId: number, admins: readonly string[]): Request[] {
  if (rows.length === 0) return [];
  const width = ARSIP_HEADERS.length;
  if (!arsip) {
    const header = ARSIP_HEADERS.map((h) => text(h, { bold: true, background: '#e8eaed' }));
    return [
      addSheet(newId, TABS.arsip, rows.length + 1, width, 1),
      updateCells(newId, 0, 0, [header, ...rows]),
      addProtection(newId, systemProtection(admins)),
    ];
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
    const tab = isUnitOk(status) ? plan.tabOf.get(code) : undefined;
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

/** What generation reads besides the programme: Rekap, how far Arsip goes, Riwayat's rounds, every unit tab and every untagged tab. */
export const GENERATE_READ: ReadSpec = { tabs: [TABS.rekap], firstColumn: [TABS.arsip, TABS.riwayat], unitTabs: 'all', untagged: true };

/** What Unit says beyond its valid units: each row's Kode and recorded Tab, and where Tab and Status go. */
interface Register {
  /** The Tab column as read, per Kode (normalised). */
  recordedTabs: Map<string, string>;
  /** Kode of every row, valid or not. */
  listedCodes: string[];
  columns: { tab: number; status: number };
}

function registerOf(unitRows: readonly (readonly unknown[])[]): Register {
  const { index } = findColumns(unitRows[0], ['Kode', 'Tab', 'Status'] as const);
  const cellOf = (row: readonly unknown[], at: number | undefined) => String(at === undefined ? '' : (row[at] ?? '')).trim();
  const dataRows = unitRows.slice(1);
  return {
    recordedTabs: new Map(dataRows.map((row) => [normKey(cellOf(row, index.Kode)), cellOf(row, index.Tab)] as const)),
    listedCodes: dataRows.map((row) => cellOf(row, index.Kode)).filter((code) => code !== ''),
    columns: { tab: index.Tab as number, status: index.Status as number },
  };
}

/** The unit Kode a tab's title cell names ("{Kode} — {Nama Unit}" in A1), normalised; '' when it names none. */
function titleCode(values: readonly (readonly unknown[])[]): string {
  const title = /^(.+?)\s+[—–-]\s+\S/.exec(cellText(values[0]?.[0]));
  return title ? normKey(title[1]) : '';
}

/**
 * The unit tabs with the ones found again: a valid unit with no tab of its own takes the untagged
 * tab named in its Unit row, else the untagged tab whose title cell names its Kode (a tab renamed
 * where its metadata was lost: Excel, LibreOffice), when that tab holds a unit table. Generation
 * then ties it back. `orphans`: the untagged tabs left that hold a unit table, to be reported.
 */
function withFoundTabs(programme: Programme, recordedTabs: ReadonlyMap<string, string>): { tabs: UnitTab[]; found: Set<number>; orphans: string[] } {
  const tabs = [...programme.unitTabs];
  const found = new Set<number>();
  const tied = new Set(tabs.map((s) => normKey(s.sheet.code)));
  const tables = programme.untagged.filter((u) => locateUnitTable(u.rows) !== null);
  const free = (u: TabValues) => !found.has(u.sheet.sheetId);
  for (const unit of programme.units.units) {
    const code = normKey(unit.code);
    if (tied.has(code)) continue;
    const recorded = (recordedTabs.get(code) ?? '').toLowerCase();
    const match =
      tables.find((u) => free(u) && recorded !== '' && u.sheet.title.toLowerCase() === recorded) ??
      tables.find((u) => free(u) && titleCode(u.rows) === code);
    if (!match) continue;
    tabs.push(asUnitTab(match, unit.code, programme.lang));
    found.add(match.sheet.sheetId);
  }
  return { tabs, found, orphans: tables.filter(free).map((u) => u.sheet.title) };
}

/**
 * The requests of every unit tab: refreshed (a tab found again gets its unit metadata back), so
 * a tab renamed frees its old title first; created; deactivated.
 */
function unitTabRequests(plan: UnitTabsPlan, tabs: readonly UnitTab[], found: ReadonlySet<number>, sheetCount: number): Request[][] {
  const byId = new Map(tabs.map((s) => [s.sheet.sheetId, s.sheet]));
  const layouts = new Map(tabs.map((s) => [s.sheet.sheetId, s.layout]));
  const refreshed = plan.tabs.flatMap((tab) => {
    const sheet = byId.get(tab.sheetId);
    if (!sheet) return [];
    // Merges in the table go first (Sheets keeps the top-left value), so every cell is written on its own.
    const layout = layouts.get(tab.sheetId);
    const unmerges = layout ? tableMerges(sheet.merges, layout).map((range): Request => ({ unmergeCells: { range } })) : [];
    return [[...(found.has(tab.sheetId) ? [createSheetMetadata(tab.sheetId, METADATA_KEYS.unit, tab.code)] : []), ...unmerges, ...refreshRequests(tab, sheet)]];
  });
  return [
    ...refreshed,
    ...newTabsRequests(plan.tabs.filter((tab) => !byId.has(tab.sheetId)), sheetCount),
    ...plan.deactivations.map((d) => deactivationRequests(d, byId.get(d.sheetId) as UnitSheet)),
  ];
}

/**
 * Rekap as this generation leaves the unit tabs: the active tabs, where each keeps its stage, and
 * the open follow-ups of each (a new tab too); an active tab whose table could not be read, as read.
 */
function recapAfter(programme: Programme, plan: UnitTabsPlan, tabs: readonly UnitTab[], categories: CategoryTable): Request[] {
  const { lang } = programme;
  const activeTabs = new Map<string, RecapTab>();
  const planned = plan.tabs.map((tab) => {
    const values = tab.rows.map((r) => r.map(plannedValue));
    const layout = locateUnitTable(values);
    activeTabs.set(normKey(tab.code), { title: tab.title, sheetId: tab.sheetId, stage: stageRefsOf(values, layout) });
    return readUnitAnswers({ code: tab.code, sheetId: tab.sheetId, title: tab.title, values }, lang, layout);
  });
  for (const tab of tabs) {
    const key = normKey(tab.sheet.code);
    if (plan.unreadable.has(key) && tab.sheet.inactiveMetadataId === null) activeTabs.set(key, recapTab(tab));
  }
  const rekap = programme.tab(TABS.rekap) as TabValues;
  return recapRequests(rekap.sheet, planRecapFor(programme, activeTabs, categories, [...tabs.map((tab) => tab.reading), ...planned]));
}

interface TabFlags {
  repaired: UnitTabFlag[];
  remaining: UnitTabFlag[];
}

function generated(plan: UnitTabsPlan, rejected: GenerateResult['rejected'], orphans: string[], writes: number, lang: Lang, flags: TabFlags): GenerateResult {
  const created = plan.tabs.filter((tab) => tab.kind === 'create').map((tab) => tab.title);
  const updated = plan.tabs.filter((tab) => tab.kind === 'refresh').map((tab) => tab.title);
  const inactive = plan.deactivations.map((d) => d.title);
  const counts = { created: created.length, updated: updated.length, rejected: rejected.length, inactive: inactive.length, archived: plan.archive.length };
  const done = t(lang, 'core.generate.done', counts);
  const orphaned = orphans.length > 0 ? `${done} ${t(lang, 'core.generate.orphans', { tabs: orphans.map((o) => `"${o}"`).join(', ') })}` : done;
  const listed = (key: MessageKey, list: readonly string[]) => (list.length === 0 ? [] : [t(lang, key, { count: list.length }), ...list.map((m) => `- ${m}`)]);
  // A tab whose table header was changed is left untouched: said here as in its Unit Status.
  const left = [...flags.remaining.map((f) => f.message), ...plan.unreadable.values()];
  const message = [orphaned, ...listed('core.generate.repaired', flags.repaired.map((f) => f.message)), ...listed('core.generate.flagged', left)].join('\n');
  return { ok: true, created, updated, inactive, archived: plan.archive.length, rejected, orphans, writes, message };
}

export function generateUnitTabsIn(ctx: ActionContext, programme: Programme, archivedAt: (timeZone: string) => string): GenerateResult | Failure {
  const { sheets, lang } = programme;
  const unready = needSetup(programme, REQUIRED);
  if (unready) return unready;
  const unitRows = programme.rows(TABS.unit);
  const unitHeaders = findColumns(unitRows[0], ['Tab', 'Status'] as const);
  const columns = unitHeaders.missing.join(', ');
  const headerProblems = columns === '' ? [] : [problemAt(tabWhere(TABS.unit, lang), 'check.missingColumns', { columns }, 1)];
  const checked = checkProgramme(programme, lang, headerProblems);
  if (!checked.ok) return failure(lang, 'core.fixFirst', {}, checked.problems);
  const { settings, indicators, categories, units: validation } = checked.value;

  const admins = settings.emailAdmin.length > 0 ? settings.emailAdmin : ctx.admins;
  const register = registerOf(unitRows);
  const { tabs, found, orphans } = withFoundTabs(programme, register.recordedTabs);
  const plan = planUnitTabs({
    lang,
    settings,
    indicators,
    categories: categories.categories,
    scale: categories.scale,
    units: validation.units,
    listedCodes: register.listedCodes,
    recordedTabs: register.recordedTabs,
    existing: tabs.map(({ sheet: s, rows }) => ({ sheetId: s.sheetId, title: s.title, code: s.code, inactive: s.inactiveMetadataId !== null, rowCount: s.rowCount, values: rows })),
    titles: sheets.map((s) => s.title),
    admins,
    firstFreeSheetId: firstFreeSheetId(sheets),
    archivedAt: archivedAt(programme.timeZone),
  });

  const flags = flagUnitTabs(plan, tabs, validation.units, indicators, lang);
  const arsip = programme.tab(TABS.arsip);
  const groups: Request[][] = [
    ...unitTabRequests(plan, tabs, found, sheets.length),
    archiveRequests(plan.archive, arsip?.sheet, arsip?.rows ?? [], firstFreeSheetId(sheets) + plan.tabs.length, admins),
    unitColumnsRequests((programme.tab(TABS.unit) as TabValues).sheet, unitRows, validation.statuses, plan, register.columns),
    recapAfter(programme, plan, tabs, categories),
  ];
  const writes = applyRequests(ctx.spreadsheetId, groups);
  return { ...generated(plan, validation.rejected, orphans, writes, lang, flags), tabRepairs: flags.repaired, tabProblems: flags.remaining };
}

/**
 * What the unit tabs held that could not be scored: what this generation repairs (a repeated or
 * unknown row goes to Arsip, a moved table is laid out again, merged cells are unmerged), and what stays for a person to fix
 * (an answer outside the choices, a text Batas Waktu), whose cell gets the flag as its note.
 */
function flagUnitTabs(plan: UnitTabsPlan, tabs: readonly UnitTab[], units: readonly Unit[], indicators: readonly Indicator[], lang: Lang): TabFlags {
  const repaired: UnitTabFlag[] = [];
  const remaining: UnitTabFlag[] = [];
  for (const tab of plan.tabs) {
    const unit = units.find((u) => normKey(u.code) === normKey(tab.code));
    const own = indicatorsFor(indicators, unit?.type ?? '');
    const old = tabs.find((s) => s.sheet.sheetId === tab.sheetId);
    if (old) {
      const before = { code: tab.code, sheetId: tab.sheetId, title: tab.title, values: old.rows };
      repaired.push(...mergeFlags(before, old.sheet.merges, lang, old.layout), ...unitTabFlags(before, own, lang, old.layout).filter((f) => f.repairable));
    }
    const values = tab.rows.map((r) => r.map(plannedValue));
    const layout = locateUnitTable(values);
    for (const flag of unitTabFlags({ code: tab.code, sheetId: tab.sheetId, title: tab.title, values }, own, lang, layout)) {
      remaining.push(flag);
      const column = flag.column === undefined ? undefined : layout?.column[flag.column as UnitColumn];
      const cell = column === undefined ? undefined : tab.rows[flag.row - 1]?.[column];
      if (cell) setPlannedCell(tab, flag.row - 1, column as number, { ...cell, note: cell.note ? `${flag.message}\n\n${cell.note}` : flag.message });
    }
  }
  return { repaired, remaining };
}

/** Replaces a planned cell of a tab, in its rows and in every write that covers it (the writes hold their own copies of a refreshed tab's rows). */
function setPlannedCell(tab: UnitTabPlan, row: number, column: number, cell: PlannedCell): void {
  tab.rows[row][column] = cell;
  for (const w of tab.writes) {
    const cells = w.cells[row - w.row];
    if (cells !== undefined && column >= w.column && column - w.column < cells.length) cells[column - w.column] = cell;
  }
}
