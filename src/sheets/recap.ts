// "Perbarui rekap": Rekap rebuilt from Unit, the unit tabs' metadata and their follow-ups, in
// three round trips (the programme's two reads, one batchUpdate) whatever the number of units.
import { t, type Lang } from '../domain/i18n';
import { planRecap, type RecapPlan, type RecapUnit } from '../domain/plan/recap';
import { openFollowUpNotes, openFollowUpsByUnit } from '../domain/rounds';
import { stageRefsOf, type StageRefs } from '../domain/stage';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import type { CategoryTable, Unit } from '../domain/types';
import { applyRequests, type SheetInfo } from './api';
import { failure, type ActionContext, type Failure } from './context';
import { needSetup, type Programme, type ReadSpec, type TabValues, type UnitTab } from './programme';
import { addColumnChart, appendDimension, deleteChart, freezeRows, insertColumns, updateCells, type Request } from './requests';

export interface RecapResult {
  ok: true;
  units: number;
  message: string;
}

/** The requests that rewrite Rekap from `plan`, growing its grid as needed and replacing the chart. */
export function recapRequests(rekap: SheetInfo, plan: RecapPlan): Request[] {
  const id = rekap.sheetId;
  const requests: Request[] = [];
  const rowsNeeded = Math.max(plan.rows.length, plan.counts.length, plan.rowCount);
  if (rowsNeeded > rekap.rowCount) requests.push(appendDimension(id, 'ROWS', rowsNeeded - rekap.rowCount));
  let columns = rekap.columnCount;
  if (plan.insertColumns) {
    requests.push(insertColumns(id, plan.insertColumns.at, plan.insertColumns.count));
    columns += plan.insertColumns.count;
  }
  if (plan.columnCount > columns) requests.push(appendDimension(id, 'COLUMNS', plan.columnCount - columns));
  if (rekap.frozenRows !== 1) requests.push(freezeRows(id, 1));
  requests.push(updateCells(id, 0, 0, plan.rows), updateCells(id, 0, plan.countsColumn, plan.counts));
  requests.push(...rekap.chartIds.map(deleteChart));
  const c = plan.chart;
  requests.push(addColumnChart(id, c.title, c.domain, c.series, c.anchorRow, c.anchorColumn));
  return requests;
}

/** An active unit tab as Rekap sees it: its title, id and where its stage is read (as read, or as generation leaves it). */
export interface RecapTab {
  title: string;
  sheetId: number;
  stage: StageRefs;
}

/** Units of Unit (valid rows, in order) that have an active tab, with that tab and where its stage is read. */
export function recapUnits(units: readonly Unit[], tabs: ReadonlyMap<string, RecapTab>): RecapUnit[] {
  return units.flatMap((u) => {
    const tab = tabs.get(normKey(u.code));
    return tab ? [{ code: u.code, name: u.name, type: u.type, title: tab.title, sheetId: tab.sheetId, stage: tab.stage }] : [];
  });
}

/** Rekap's plan in `lang`; `openFollowUps` per unit Kode (normKey), from openFollowUpsByUnit over the unit tabs as read. */
export function planRecapFor(
  lang: Lang,
  units: readonly Unit[],
  tabs: ReadonlyMap<string, RecapTab>,
  categories: CategoryTable,
  existing: unknown[][],
  openFollowUps: ReadonlyMap<string, number>,
  openFollowUpNotes?: ReadonlyMap<string, string>,
): RecapPlan {
  return planRecap({
    units: recapUnits(units, tabs),
    categories,
    existing,
    openFollowUps,
    openFollowUpNotes,
    labels: {
      chartTitle: t(lang, 'core.chartTitle'),
      movedUp: t(lang, 'recap.movedUp'),
      movedDown: t(lang, 'recap.movedDown'),
      openFollowUps: t(lang, 'recap.openFollowUps'),
      openFollowUpsNote: t(lang, 'recap.openFollowUps.note'),
      stageNote: t(lang, 'core.recap.stage.note'),
    },
  });
}

const RECAP_TABS = [TABS.kategori, TABS.unit, TABS.rekap] as const;

/** What "Perbarui rekap" reads besides the programme: Rekap and every active unit tab. */
export const RECAP_READ: ReadSpec = { tabs: [TABS.rekap], unitTabs: 'active' };

/** A unit tab as read, as Rekap sees it. */
export function recapTab(tab: UnitTab): RecapTab {
  return { title: tab.sheet.title, sheetId: tab.sheet.sheetId, stage: stageRefsOf(tab.rows, tab.layout) };
}

/** Each unit's tab, by Kode (normKey). */
export function tabsByCode(tabs: readonly UnitTab[]): Map<string, RecapTab> {
  return new Map(tabs.map((s) => [normKey(s.sheet.code), recapTab(s)] as const));
}

export function refreshRecapIn(ctx: ActionContext, programme: Programme): RecapResult | Failure {
  const { lang } = ctx;
  const unready = needSetup(programme, RECAP_TABS);
  if (unready) return unready;
  const { categories, units: validation } = programme;
  const rekap = programme.tab(TABS.rekap) as TabValues;
  const problems = [...(categories.ok ? [] : categories.problems), ...validation.problems];
  if (!categories.ok || problems.length > 0) return failure(lang, 'core.fixFirst', {}, problems);
  const tabs = tabsByCode(programme.unitTabs);
  const readings = programme.unitTabs.map((u) => u.reading);
  const plan = planRecapFor(lang, validation.units, tabs, categories.value, rekap.rows, openFollowUpsByUnit(readings), openFollowUpNotes(readings));
  applyRequests(ctx.spreadsheetId, [recapRequests(rekap.sheet, plan)]);
  const count = recapUnits(validation.units, tabs).length;
  return { ok: true, units: count, message: t(lang, 'core.recap.done', { units: count }) };
}
