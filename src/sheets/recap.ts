// "Perbarui rekap": Rekap rebuilt from Unit, the unit tabs' metadata and their follow-ups, in
// three round trips (structure, values, one batchUpdate) whatever the number of units.
import { t, type Lang } from '../domain/i18n';
import { parseCategories } from '../domain/instrument';
import { UNIT_TAB } from '../domain/plan/layout';
import { planRecap, type RecapPlan, type RecapUnit } from '../domain/plan/recap';
import { openFollowUpsByUnit } from '../domain/rounds';
import { stageRefsOf } from '../domain/stage';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import type { Category, Unit } from '../domain/types';
import { validateUnits } from '../domain/units';
import { applyRequests, wholeTab, type SheetInfo, type Structure } from './api';
import { failure, type ActionContext, type Failure, type Reading } from './context';
import { addColumnChart, appendDimension, deleteChart, freezeRows, insertColumns, updateCells, type Request } from './requests';
import { findTab, unitSheets } from './workbook';

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

/** An active unit tab as Rekap sees it: its title, id and values (as read, or as generation leaves them). */
export interface RecapTab {
  title: string;
  sheetId: number;
  values: readonly (readonly unknown[])[];
}

/** Units of Unit (valid rows, in order) that have an active tab, with that tab and where its stage is read. */
export function recapUnits(units: readonly Unit[], tabs: ReadonlyMap<string, RecapTab>): RecapUnit[] {
  return units.flatMap((u) => {
    const tab = tabs.get(normKey(u.code));
    if (!tab) return [];
    return [{ code: u.code, name: u.name, type: u.type, title: tab.title, sheetId: tab.sheetId, stage: stageRefsOf(tab.values) }];
  });
}

/** Rekap's plan in `lang`; `openFollowUps` per unit Kode (normKey), from openFollowUpsByUnit over the unit tabs as read. */
export function planRecapFor(
  lang: Lang,
  units: readonly Unit[],
  tabs: ReadonlyMap<string, RecapTab>,
  categories: readonly Category[],
  existing: unknown[][],
  openFollowUps: ReadonlyMap<string, number>,
): RecapPlan {
  return planRecap({
    units: recapUnits(units, tabs),
    categories,
    existing,
    openFollowUps,
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

const RECAP_READS = [TABS.kategori, TABS.unit, TABS.rekap] as const;

function activeUnitSheets(structure: Structure) {
  return unitSheets(structure.sheets).filter((s) => s.inactiveMetadataId === null);
}

/** What "Perbarui rekap" reads: Kategori, Unit and Rekap (those that exist), then every active unit tab. */
export function recapRanges(structure: Structure): string[] {
  const system = RECAP_READS.flatMap((title) => {
    const tab = findTab(structure.sheets, title);
    return tab ? [wholeTab(tab)] : [];
  });
  return [...system, ...activeUnitSheets(structure).map((s) => wholeTab(s, UNIT_TAB.width))];
}

export function refreshRecapIn(ctx: ActionContext, reading: Reading): RecapResult | Failure {
  const { lang } = ctx;
  const { sheets } = reading.structure;
  const missing = RECAP_READS.filter((title) => !findTab(sheets, title));
  if (missing.length > 0) return failure(lang, 'core.needSetup', { tabs: missing.join(', ') });
  const [kategoriRows, unitRows, rekapRows, ...unitValues] = reading.values;
  const rekap = findTab(sheets, TABS.rekap) as SheetInfo;
  const categories = parseCategories(kategoriRows, lang);
  const validation = validateUnits(unitRows, lang);
  const problems = [...(categories.ok ? [] : categories.problems), ...validation.problems];
  if (!categories.ok || problems.length > 0) return failure(lang, 'core.fixFirst', {}, problems);
  const active = activeUnitSheets(reading.structure);
  const tabs = new Map(active.map((s, i) => [normKey(s.code), { title: s.title, sheetId: s.sheetId, values: unitValues[i] ?? [] }] as const));
  const open = openFollowUpsByUnit(
    active.map((s, i) => ({ code: s.code, sheetId: s.sheetId, title: s.title, values: unitValues[i] ?? [] })),
    lang,
  );
  const plan = planRecapFor(lang, validation.units, tabs, categories.value, rekapRows, open);
  applyRequests(ctx.spreadsheetId, [recapRequests(rekap, plan)]);
  const count = recapUnits(validation.units, tabs).length;
  return { ok: true, units: count, message: t(lang, 'core.recap.done', { units: count }) };
}
