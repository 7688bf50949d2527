// "Buat buku latihan": turns an empty spreadsheet (a fresh copy of the template) into the practice
// programme of a bimtek day, with the same server functions a secretariat uses: set up, the
// participants' units pasted into Unit, the practice round's settings, the unit tabs. It never
// touches a programme: a spreadsheet that already holds Pengaturan or Unit is refused. (A
// spreadsheet the script would create itself carries no bound script, so no menu and no custom
// functions: the practice happens in a copy of the template, like a real programme.)
import { t, type MessageKey } from '../domain/i18n';
import { dateCell } from '../domain/rounds';
import { isParticipantCount, practiceUnits, practiceUnitsText, PRACTICE_ASSESSOR, PRACTICE_DEADLINE_DAYS, PRACTICE_DEFAULT_PARTICIPANTS, PRACTICE_MAX_PARTICIPANTS, type PracticeUnit } from '../domain/practice';
import { text } from '../domain/plan/cells';
import { TABS } from '../domain/tables';
import { settingWrites, writeRequest } from '../rounds/round';
import { applyRequests } from '../sheets/api';
import { failure, type Failure } from '../sheets/context';
import { peekSettings } from '../sheets/programme';
import { addUnits, generateUnitTabs, setupWorkbook, withAdminLock } from './actions';

export interface PracticeResult {
  ok: true;
  message: string;
  units: PracticeUnit[];
  assessor: string;
}

const DAY_MS = 86_400_000;

/** The practice round's settings, written into Pengaturan as one batch. */
function writePracticeSettings(): { ok: true } | Failure {
  return withAdminLock((ctx, programme) => {
    const pengaturan = programme.tab(TABS.pengaturan);
    if (!pengaturan) return failure(ctx.lang, 'panel.error.notReady');
    const deadline = Utilities.formatDate(new Date(Date.now() + PRACTICE_DEADLINE_DAYS * DAY_MS), programme.timeZone, 'yyyy-MM-dd');
    const label = (key: MessageKey) => text(t(ctx.lang, key));
    const { requests, writes } = settingWrites(pengaturan.sheet, pengaturan.rows, [
      { key: 'nama_kegiatan', cell: label('practice.programme') },
      { key: 'instansi_penilai', cell: label('practice.office') },
      { key: 'putaran', cell: label('practice.round') },
      { key: 'batas_waktu', cell: dateCell(deadline), withFormat: true },
    ]);
    applyRequests(ctx.spreadsheetId, [[...requests, ...writes.map(writeRequest)]]);
    return { ok: true };
  });
}

/** Sets the active, empty spreadsheet up as a practice programme of `participants` units (default 30). */
export function setupPractice(opts?: { participants?: number }): PracticeResult | Failure {
  const count = opts?.participants ?? PRACTICE_DEFAULT_PARTICIPANTS;
  const { lang } = peekSettings();
  if (!isParticipantCount(count)) return failure(lang, 'practice.count', { max: PRACTICE_MAX_PARTICIPANTS, count: String(count) });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (ss.getSheetByName(TABS.pengaturan) || ss.getSheetByName(TABS.unit)) return failure(lang, 'practice.notEmpty');
  const units = practiceUnits(count);
  const steps = [() => setupWorkbook(), () => addUnits(practiceUnitsText(units)), writePracticeSettings, generateUnitTabs];
  for (const step of steps) {
    const result = step();
    if (!result.ok) return result;
  }
  const message = t(lang, 'practice.done', { count, first: units[0].email, last: units[count - 1].email, assessor: PRACTICE_ASSESSOR });
  return { ok: true, message, units, assessor: PRACTICE_ASSESSOR };
}

/** The menu item: asks how many participants, then reports in an alert. */
export function menuPractice(): void {
  const ui = SpreadsheetApp.getUi();
  const { lang } = peekSettings();
  const title = t(lang, 'practice.menu');
  const asked = ui.prompt(title, t(lang, 'practice.prompt', { max: PRACTICE_MAX_PARTICIPANTS, count: PRACTICE_DEFAULT_PARTICIPANTS }), ui.ButtonSet.OK_CANCEL);
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  const answer = asked.getResponseText().trim();
  const result = setupPractice({ participants: answer === '' ? PRACTICE_DEFAULT_PARTICIPANTS : Number(answer) });
  ui.alert(title, result.ok ? result.message : result.error, ui.ButtonSet.OK);
}
