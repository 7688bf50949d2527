// The programmatic actions of the re-assessment rounds (sidebar, CLI) and the menu handler of
// "Mulai putaran baru…". Every one runs as an admin under the document lock (withAdminLock).
import { t } from '../domain/i18n';
import type { Failure } from '../sheets/context';
import { peekSettings } from '../sheets/programme';
import { withAdminLock } from '../ui/actions';
import { OVERDUE_READ, readOverdue } from './overdue';
import { ROUND_READ, startNewRoundIn, undoRoundIn, type EmptyRoundRefusal, type StartRoundResult, type UndoRoundResult } from './round';

function todayIn(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}

/**
 * "Mulai putaran baru": closes the active round and starts `input.name` (deadline 'yyyy-mm-dd'
 * or ''). A round with no answer at all is refused (`emptyRound`) unless `force` confirms it.
 */
export function startNewRound(input: { name: string; deadline?: string; force?: boolean }): StartRoundResult | EmptyRoundRefusal | Failure {
  return withAdminLock<StartRoundResult>((ctx, programme) => startNewRoundIn(ctx, programme, input, todayIn), ROUND_READ);
}

/** "Batalkan putaran": reopens the last closed round while no answer of the new one was entered. */
export function undoRound(): UndoRoundResult | Failure {
  return withAdminLock(undoRoundIn, ROUND_READ);
}

export interface OverdueUnitsResult {
  ok: true;
  /** The day the deadlines were compared with, 'yyyy-mm-dd'. */
  today: string;
  units: { kode: string; nama: string; findings: number }[];
  message: string;
}

/** Units with findings past their deadline and not Selesai, on `now` (ISO date-time; default: now). */
export function overdueUnits(now?: string): OverdueUnitsResult | Failure {
  return withAdminLock((ctx, programme) => {
    const read = readOverdue(ctx, programme, now ? new Date(now) : new Date());
    if (!read.ok) return read;
    const units = read.units.map((u) => ({ kode: u.unit.code, nama: u.unit.name, findings: u.findings.length }));
    const lang = read.settings.bahasa;
    const message = units.length === 0 ? t(lang, 'round.overdue.none') : units.map((u) => `${u.kode} — ${u.nama}: ${u.findings}`).join('\n');
    return { ok: true, today: read.today, units, message };
  }, OVERDUE_READ);
}

/** The menu's "Mulai putaran baru…": asks for the name and the deadline, then reports the result. */
export function menuNewRound(): void {
  const ui = SpreadsheetApp.getUi();
  // Read before the prompts, outside the lock: startNewRound reads the programme again once they are answered.
  const { lang, settings } = peekSettings();
  const title = t(lang, 'round.prompt.title');
  const current = settings.ok ? settings.value.putaran : '';
  const name = ui.prompt(title, t(lang, 'round.prompt.name', { current }), ui.ButtonSet.OK_CANCEL);
  if (name.getSelectedButton() !== ui.Button.OK) return;
  const deadline = ui.prompt(title, t(lang, 'round.prompt.deadline'), ui.ButtonSet.OK_CANCEL);
  if (deadline.getSelectedButton() !== ui.Button.OK) return;
  const result = startNewRound({ name: name.getResponseText(), deadline: deadline.getResponseText() });
  const problems = result.ok ? [] : (result.problems ?? []).map((p) => `• ${p.message}`);
  ui.alert(title, result.ok ? result.message : [result.error, ...problems].join('\n'), ui.ButtonSet.OK);
}
