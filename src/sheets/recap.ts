// "Perbarui rekap": Rekap rebuilt from Unit, the unit tabs' metadata and their follow-ups, in
// two Sheets API calls (the programme's structure and values in one read, one batchUpdate)
// whatever the number of units; Riwayat's first column (the closed rounds of the trend) is read
// with the programme. With the document lock taken, three round trips (refreshRecap leaves the
// lock to the end of the execution, src/ui/actions.ts).
import { t } from '../domain/i18n';
import { planRecap, type RecapPlan, type RecapUnit } from '../domain/plan/recap';
import { closedRounds, openFollowUpNotes, openFollowUpsByUnit } from '../domain/rounds';
import { aspectScores } from '../domain/scoring';
import { stageRefsOf, type StageRefs } from '../domain/stage';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import type { CategoryTable, Unit } from '../domain/types';
import type { UnitTabReading } from '../domain/unit-tab';
import { applyRequests, type SheetInfo } from './api';
import { failure, type ActionContext, type Failure } from './context';
import { needSetup, type Programme, type ReadSpec, type TabValues, type UnitTab } from './programme';
import { addColourRule, addColumnChart, appendDimension, deleteChart, deleteColourRule, freezeRows, insertColumns, updateCells, type Request } from './requests';

export interface RecapResult {
  ok: true;
  units: number;
  message: string;
}

/** The requests that rewrite Rekap from `plan`, growing its grid as needed and replacing the chart. */
export function recapRequests(rekap: SheetInfo, plan: RecapPlan): Request[] {
  const id = rekap.sheetId;
  const requests: Request[] = [];
  const rowsNeeded = Math.max(plan.rows.length, plan.counts.length, plan.analysis.length, plan.rowCount);
  if (rowsNeeded > rekap.rowCount) requests.push(appendDimension(id, 'ROWS', rowsNeeded - rekap.rowCount));
  let columns = rekap.columnCount;
  if (plan.insertColumns) {
    requests.push(insertColumns(id, plan.insertColumns.at, plan.insertColumns.count));
    columns += plan.insertColumns.count;
  }
  if (plan.columnCount > columns) requests.push(appendDimension(id, 'COLUMNS', plan.columnCount - columns));
  if (rekap.frozenRows !== 1) requests.push(freezeRows(id, 1));
  requests.push(updateCells(id, 0, 0, plan.rows), updateCells(id, 0, plan.countsColumn, plan.counts), updateCells(id, 0, plan.analysisColumn, plan.analysis));
  requests.push(...rekap.chartIds.map(deleteChart));
  requests.push(...plan.charts.map((c) => addColumnChart(id, c.title, c.domain, c.series, c.anchorRow, c.anchorColumn, c.type)));
  // Our zone colours are the rules painting the Kategori column from row 2 alone; others are the user's.
  const ours = rekap.colourRules.flatMap((ranges, index) =>
    ranges.length === 1 && ranges[0].startRowIndex === 1 && ranges[0].startColumnIndex === plan.colourBlock.startColumn && ranges[0].endColumnIndex === plan.colourBlock.endColumn ? [index] : [],
  );
  requests.push(...ours.reverse().map((index) => deleteColourRule(id, index)));
  requests.push(...plan.colourRules.map((rule, i) => addColourRule(id, plan.colourBlock, rule, i)));
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

/** The aspects of the instrument, one Rekap column each: those of Aspek, else the indicators' in Instrumen order; none while either cannot be read. */
export function recapAspects(programme: Pick<Programme, 'instrument' | 'aspects'>): string[] {
  const { instrument, aspects } = programme;
  if (!aspects.ok || !instrument.ok) return [];
  const names = aspects.value.length > 0 ? aspects.value.map((a) => a.aspect) : instrument.value.map((i) => i.aspect);
  const first = new Map<string, string>();
  for (const name of names) if (!first.has(normKey(name))) first.set(normKey(name), name);
  return [...first.values()];
}

/** Each unit's Skor Akhir per aspect of `aspects`, by Kode (normKey), from the unit tabs as read (or as generation leaves them). */
function aspectScoresByUnit(readings: readonly UnitTabReading[], aspects: readonly string[]): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (const read of readings) if (read.ok) out.set(normKey(read.value.tab.code), aspectScores(read.value.indicators, read.value.answers, aspects));
  return out;
}

/** Rekap's plan in the workbook's language, from the unit tabs' readings (their open follow-ups and aspect scores). */
export function planRecapFor(programme: Programme, tabs: ReadonlyMap<string, RecapTab>, categories: CategoryTable, readings: readonly UnitTabReading[]): RecapPlan {
  const { lang } = programme;
  const aspects = recapAspects(programme);
  return planRecap({
    units: recapUnits(programme.units.units, tabs),
    categories,
    existing: programme.rows(TABS.rekap),
    openFollowUps: openFollowUpsByUnit(readings),
    aspects,
    aspectScores: aspectScoresByUnit(readings, aspects),
    closedRounds: closedRounds(programme.rows(TABS.riwayat)),
    activeRound: programme.settings.ok ? programme.settings.value.putaran : '',
    openFollowUpNotes: openFollowUpNotes(readings),
    labels: {
      chartTitle: t(lang, 'core.chartTitle'),
      movedUp: t(lang, 'recap.movedUp'),
      movedDown: t(lang, 'recap.movedDown'),
      openFollowUps: t(lang, 'recap.openFollowUps'),
      openFollowUpsNote: t(lang, 'recap.openFollowUps.note'),
      stageNote: t(lang, 'core.recap.stage.note'),
      rankNote: t(lang, 'recap.rank.note'),
      aspectNote: t(lang, 'recap.aspect.note'),
      indexNote: t(lang, 'core.summary.index.note', { max: categories.scale.max }),
      trendChartTitle: t(lang, 'recap.trendChartTitle'),
    },
  });
}

const RECAP_TABS = [TABS.kategori, TABS.unit, TABS.rekap] as const;

/**
 * What "Perbarui rekap" reads besides the programme: Rekap, Riwayat's rounds (its first column)
 * and every active unit tab, most of the workbook's cells: with the structure, in one call.
 */
export const RECAP_READ: ReadSpec = { tabs: [TABS.rekap], firstColumn: [TABS.riwayat], unitTabs: 'active', oneCall: true };

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
  const plan = planRecapFor(programme, tabs, categories.value, programme.unitTabs.map((u) => u.reading));
  applyRequests(ctx.spreadsheetId, [recapRequests(rekap.sheet, plan)]);
  const count = recapUnits(validation.units, tabs).length;
  return { ok: true, units: count, message: t(lang, 'core.recap.done', { units: count }) };
}
