// Which units have findings past their deadline (deadline passed, Tindak Lanjut not Selesai):
// one structure read and one values read, nothing written.
import { overdueFindings, readUnitAnswers, type OverdueFinding } from '../domain/rounds';
import { parseSettings } from '../domain/settings';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import type { Settings, Unit } from '../domain/types';
import { validateUnits } from '../domain/units';
import { readStructure, readValues, wholeTab, type SheetInfo } from '../sheets/api';
import { failure, type ActionContext, type Failure } from '../sheets/context';
import { findTab, unitSheets } from '../sheets/workbook';
import { UNIT_TAB } from '../domain/plan/layout';

export interface OverdueUnit {
  unit: Unit;
  sheetId: number;
  findings: OverdueFinding[];
}

export interface OverdueRead {
  ok: true;
  settings: Settings;
  timeZone: string;
  /** 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
  units: OverdueUnit[];
}

/** Units (in Unit order) with at least one overdue finding on `now`'s date. Unreadable tabs are left out. */
export function readOverdue(ctx: ActionContext, now: Date): OverdueRead | Failure {
  const { sheets, timeZone } = readStructure(ctx.spreadsheetId);
  const system = [TABS.pengaturan, TABS.unit].map((title) => findTab(sheets, title));
  if (!system[0] || !system[1]) return failure(ctx.lang, 'core.needSetup', { tabs: [TABS.pengaturan, TABS.unit].filter((_, i) => !system[i]).join(', ') });
  const tabs = unitSheets(sheets).filter((s) => s.inactiveMetadataId === null);
  const values = readValues(ctx.spreadsheetId, [...(system as SheetInfo[]).map((s) => wholeTab(s)), ...tabs.map((s) => wholeTab(s, UNIT_TAB.width))]);
  const settings = parseSettings(values[0], ctx.lang);
  if (!settings.ok) return failure(ctx.lang, 'core.fixFirst', {}, settings.problems);
  const today = Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
  const byCode = new Map(tabs.map((s, i) => [normKey(s.code), { sheet: s, values: values[2 + i] }] as const));
  const units: OverdueUnit[] = [];
  for (const unit of validateUnits(values[1], settings.value.bahasa).units) {
    const tab = byCode.get(normKey(unit.code));
    if (!tab) continue;
    const read = readUnitAnswers({ code: unit.code, sheetId: tab.sheet.sheetId, title: tab.sheet.title, values: tab.values }, settings.value.bahasa);
    if (!read.ok) continue;
    const findings = overdueFindings(read.value, settings.value.batasWaktu, today);
    if (findings.length > 0) units.push({ unit, sheetId: tab.sheet.sheetId, findings });
  }
  return { ok: true, settings: settings.value, timeZone, today, units };
}
