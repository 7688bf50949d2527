// Which units have findings past their deadline (deadline passed, Tindak Lanjut not Selesai),
// from the programme the execution read (its active unit tabs): nothing read again, nothing written.
import { overdueFindings, type OverdueFinding } from '../domain/rounds';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import type { Settings, Unit } from '../domain/types';
import { failure, type ActionContext, type Failure } from '../sheets/context';
import { needSetup, type Programme, type ReadSpec } from '../sheets/programme';

/** What the overdue reading needs besides the programme: every active unit tab. */
export const OVERDUE_READ: ReadSpec = { unitTabs: 'active' };

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

/** Units (in Unit order) with at least one overdue finding on `today`. Unreadable tabs are left out. */
export function overdueIn(programme: Programme, settings: Settings, today: string): OverdueUnit[] {
  const byCode = new Map(programme.unitTabs.map((tab) => [normKey(tab.sheet.code), tab] as const));
  const units: OverdueUnit[] = [];
  for (const unit of programme.units.units) {
    const tab = byCode.get(normKey(unit.code));
    if (!tab || !tab.reading.ok) continue;
    const findings = overdueFindings(tab.reading.value, settings.batasWaktu, today);
    if (findings.length > 0) units.push({ unit, sheetId: tab.sheet.sheetId, findings });
  }
  return units;
}

/** The overdue units on `now`'s date, or why they cannot be known (a tab missing, Pengaturan broken). */
export function readOverdue(ctx: ActionContext, programme: Programme, now: Date): OverdueRead | Failure {
  const unready = needSetup(programme, [TABS.pengaturan, TABS.unit]);
  if (unready) return unready;
  const { settings } = programme;
  if (!settings.ok) return failure(ctx.lang, 'core.fixFirst', {}, settings.problems);
  const { timeZone } = programme;
  const today = Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
  return { ok: true, settings: settings.value, timeZone, today, units: overdueIn(programme, settings.value, today) };
}
