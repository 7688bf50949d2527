// "Siapkan buku kerja" and "add units": the system tabs from a profile in one batchUpdate,
// repairing only what is missing, and pasted unit rows appended to Unit as text.
import { t } from '../domain/i18n';
import { text as textCell, type PlannedCell } from '../domain/plan/cells';
import { planSetup, type TabContent } from '../domain/plan/setup';
import { systemProtection } from '../domain/plan/unit-tabs';
import { DEFAULT_PROFILE_ID, PROFILE_IDS, getProfile } from '../domain/profiles';
import { SYSTEM_TAB_NAMES, TABS, findColumns } from '../domain/tables';
import { isBlankRow, normKey } from '../domain/text';
import { PASTE_COLUMNS, isUnitOk, readPastedUnits, validateUnits } from '../domain/units';
import { applyRequests, firstFreeSheetId, type SheetInfo } from './api';
import { failure, type ActionContext, type Failure } from './context';
import type { Programme, ReadSpec } from './programme';
import { addProtection, addSheet, appendDimension, columnWidths, deleteSheet, freezeRows, updateCells, type Request } from './requests';

export const INSTALLER_PROPERTY = 'pendamping.installer';

export interface SetupResult {
  ok: true;
  created: string[];
  repaired: number;
  message: string;
}

export interface AddUnitsResult {
  ok: true;
  added: number;
  /** Per new row: its sheet row, Kode and 'OK' or what to fix. */
  units: { row: number; kode: string; status: string }[];
  message: string;
}

function grow(sheetId: number, rows: number, columns: number, current: { currentRows: number; currentColumns: number }): Request[] {
  return [
    ...(rows > current.currentRows ? [appendDimension(sheetId, 'ROWS', rows - current.currentRows)] : []),
    ...(columns > current.currentColumns ? [appendDimension(sheetId, 'COLUMNS', columns - current.currentColumns)] : []),
  ];
}

function contentRequests(tab: TabContent): Request[] {
  return [updateCells(tab.sheetId, 0, 0, tab.rows), ...columnWidths(tab.sheetId, tab.widths)];
}

/** The system tabs that exist, and any other tab only if it might be the empty default tab. */
function setupTabs(sheets: readonly SheetInfo[]): SheetInfo[] {
  const system = new Set(SYSTEM_TAB_NAMES.map((n) => n.toLowerCase()));
  return sheets.filter((s) => system.has(s.title.toLowerCase()) || sheets.length === 1 || /^(sheet|lembar) ?1$/i.test(s.title));
}

/** What setup reads: the system tabs that exist and the default tab it may fill. */
export const SETUP_READ: ReadSpec = { others: setupTabs };

/**
 * The system tabs from `profileId`; without one, from the profile Pengaturan `profil` names (a
 * workbook set up earlier keeps its method when a missing tab is repaired), else the default.
 */
export function setupWorkbookIn(ctx: ActionContext, programme: Programme, profileId: string | undefined): SetupResult | Failure {
  const { lang } = ctx;
  profileId ??= normKey(programme.setting('profil')) || DEFAULT_PROFILE_ID;
  const profile = getProfile(profileId);
  if (!profile) return failure(lang, 'core.setup.unknownProfile', { profile: String(profileId), ids: PROFILE_IDS.join(', ') });
  const { sheets } = programme;
  const plan = planSetup({
    lang,
    profile,
    admin: ctx.user,
    tabs: setupTabs(sheets).map((s) => ({ sheetId: s.sheetId, title: s.title, rowCount: s.rowCount, columnCount: s.columnCount, values: programme.valuesOf(s) })),
    firstFreeSheetId: firstFreeSheetId(sheets),
    year: Number(Utilities.formatDate(new Date(), programme.timeZone, 'yyyy')),
  });
  const groups: Request[][] = [
    ...plan.create.map((tab) => [addSheet(tab.sheetId, tab.title, tab.rowCount, tab.columnCount, 1), ...contentRequests(tab)]),
    ...plan.fill.map((tab) => [...grow(tab.sheetId, tab.rowCount, tab.columnCount, tab), freezeRows(tab.sheetId, 1), ...contentRequests(tab)]),
    ...plan.patches.map((p) => [
      ...grow(p.sheetId, p.row + p.rows.length, p.column + Math.max(...p.rows.map((r) => r.length)), p),
      updateCells(p.sheetId, p.row, p.column, p.rows),
    ]),
  ];
  if (plan.deleteSheetId !== null) groups.push([deleteSheet(plan.deleteSheetId)]);
  // The tabs this batch creates get their protection in it; the others have theirs from withAdminLock.
  groups.push(plan.create.map((tab) => addProtection(tab.sheetId, systemProtection(ctx.admins))));
  applyRequests(ctx.spreadsheetId, groups);

  const properties = PropertiesService.getDocumentProperties();
  if (ctx.user !== '' && !properties.getProperty(INSTALLER_PROPERTY)) properties.setProperty(INSTALLER_PROPERTY, ctx.user);
  const created = [...plan.create, ...plan.fill].map((tab) => tab.title);
  const repaired = plan.patches.length;
  const nothing = created.length === 0 && repaired === 0;
  return {
    ok: true,
    created,
    repaired,
    message: nothing ? t(lang, 'core.setup.nothing') : t(lang, 'core.setup.done', { created: created.length, repaired }),
  };
}

export function addUnitsIn(ctx: ActionContext, programme: Programme, pasted: string): AddUnitsResult | Failure {
  const { lang } = ctx;
  const pastedList = readPastedUnits(pasted, lang);
  if (!pastedList.ok) return { ok: false, error: pastedList.error };
  const units = pastedList.rows;
  if (units.length === 0) return failure(lang, 'core.units.none');
  const read = programme.tab(TABS.unit);
  if (!read) return failure(lang, 'core.needSetup', { tabs: TABS.unit });
  const { sheet: unit, rows } = read;
  if (programme.units.problems.length > 0) return failure(lang, 'core.fixFirst', {}, programme.units.problems);
  const { index } = findColumns(rows[0], PASTE_COLUMNS);
  const width = Math.max(...PASTE_COLUMNS.map((h) => (index[h] ?? -1) + 1));
  let used = rows.length;
  while (used > 1 && isBlankRow(rows[used - 1])) used--;
  const newRows: string[][] = units.map((u) => {
    const row = Array<string>(width).fill('');
    for (const h of PASTE_COLUMNS) if (index[h] !== undefined) row[index[h] as number] = u[h];
    return row;
  });
  const cells: PlannedCell[][] = newRows.map((row) => row.map((value) => textCell(value)));
  const requests = [
    ...grow(unit.sheetId, used + newRows.length, width, { currentRows: unit.rowCount, currentColumns: unit.columnCount }),
    updateCells(unit.sheetId, used, 0, cells),
  ];
  applyRequests(ctx.spreadsheetId, [requests]);
  const after = validateUnits([...rows.slice(0, used), ...newRows], lang);
  const report = newRows.map((row, i) => ({
    row: used + i + 1,
    kode: index.Kode === undefined ? '' : row[index.Kode],
    status: after.statuses[used - 1 + i],
  }));
  const ok = report.filter((r) => isUnitOk(r.status)).length;
  return {
    ok: true,
    added: report.length,
    units: report,
    message: [t(lang, 'core.units.added', { count: report.length, ok, bad: report.length - ok }), ...pastedList.notes].join(' '),
  };
}
