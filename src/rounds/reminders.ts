// "Kirim pengingat": email the units whose findings are past their deadline and not Selesai,
// through the findings email's own batch and ledger (src/mail/batch.ts) with the reminder as
// the per-unit message. Its Log Email rows carry "{putaran} — pengingat", so a reminder and
// the findings email of one round never skip each other.
//
// The optional hourly run: Pengaturan pengingat_otomatis is the switch, set from the sidebar by
// setReminderTrigger, which installs (at most one) or removes the time-driven trigger of the
// acting admin. The trigger calls remindOverdueUnits, which never touches the Ui, takes the
// document lock, and stops itself when the switch is off, when it is no longer the trigger the
// workbook names (document property), or when its owner is no longer an admin.
import { renderReminderEmail, renderSubmissionReminder } from '../domain/email';
import { t, type Lang } from '../domain/i18n';
import { reminderRound } from '../domain/ledger';
import type { Stage } from '../domain/stage';
import { kept } from '../domain/plan/cells';
import { overdueFindings } from '../domain/rounds';
import { TABS } from '../domain/tables';
import { sendBatchIn, type SendFailure, type SendOptions, type SendResult } from '../mail/batch';
import { cleanOptions } from '../mail/actions';
import { MAIL_READ, type MailKind, type UnitMailInput } from '../mail/prepare';
import { activeSpreadsheetId, applyRequests, type SheetInfo } from '../sheets/api';
import { errorText, failure, type ActionContext, type Failure } from '../sheets/context';
import { readProgramme, type Programme } from '../sheets/programme';
import { readJsonProperty, writeJsonProperty } from '../sheets/properties';
import { effectiveAdmins, isAdmin, withAdminLock } from '../ui/actions';
import { settingWrites, writeRequest } from './round';

/** The stages of a unit whose PIC has not submitted the self-assessment. */
const NOT_SUBMITTED = new Set<Stage>(['Belum mulai', 'Diisi']);

/**
 * A unit that has not submitted once the round's deadline has passed is reminded to submit;
 * any other unit, of its findings past their deadline (none: no reminder).
 */
function compose(u: UnitMailInput) {
  const { batasWaktu } = u.settings;
  if (NOT_SUBMITTED.has(u.stage) && batasWaktu !== '' && batasWaktu < u.today) {
    return renderSubmissionReminder({ lang: u.lang, settings: u.settings, unit: u.unit, started: u.stage === 'Diisi', tabUrl: u.tabUrl });
  }
  const overdue = overdueFindings(u.tab, u.settings.batasWaktu, u.today);
  if (overdue.length === 0) return null;
  return renderReminderEmail({ lang: u.lang, settings: u.settings, unit: u.unit, overdue, tabUrl: u.tabUrl });
}

export const REMINDERS: MailKind = {
  id: 'reminders',
  ledgerRound: (settings) => reminderRound(settings.putaran),
  compose,
  stages: () => null,
  requiredSettings: ['putaran'],
  failsUnreadable: false,
  sendAcknowledgement: () => false,
  reportKey: 'round.reminder.sent',
  moreKey: 'round.reminder.more',
  nothingKey: 'round.reminder.none',
};

/**
 * One batch of "Kirim pengingat" (options as sendFindingsBatch: only, force, dryRun,
 * maxMessages): call again while `done` is false.
 */
export function sendRemindersBatch(opts?: SendOptions): SendResult | SendFailure | Failure {
  const startedAt = Date.now();
  const clean = cleanOptions(opts);
  return withAdminLock<SendResult>((ctx, programme) => sendBatchIn(ctx, programme, REMINDERS, clean, startedAt), MAIL_READ) as SendResult | SendFailure | Failure;
}

// ---------------------------------------------------------------------------------------------
// The hourly trigger

/** The trigger's function: a top-level entry point (src/index.ts). */
export const REMINDER_HANDLER = 'remindOverdueUnits';
/** Which trigger the workbook runs its reminders with, and as whom: { id, user }. */
const TRIGGER_PROPERTY = 'pendamping.reminders.trigger';

interface TriggerOwner {
  id: string;
  user: string;
}

function isTriggerOwner(value: unknown): value is TriggerOwner {
  const v = value as Partial<TriggerOwner> | null;
  return v !== null && typeof v === 'object' && typeof v.id === 'string' && typeof v.user === 'string';
}

const triggerOwner = (): TriggerOwner | null => readJsonProperty(TRIGGER_PROPERTY, isTriggerOwner);
const saveTriggerOwner = (owner: TriggerOwner | null): void => writeJsonProperty(TRIGGER_PROPERTY, owner);

/** The acting user's reminder triggers in this workbook (editor add-on triggers are per user and document). */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter((tr) => tr.getHandlerFunction() === REMINDER_HANDLER);
}

export interface ReminderTriggerResult {
  ok: true;
  /** Whether reminders now run every hour. */
  on: boolean;
  /** Who the hourly run sends as ('' when off). */
  runsAs: string;
  message: string;
}

/** Installs the acting admin's trigger unless the workbook already runs one; never a second one of their own. */
function switchOn(user: string, lang: Lang): { runsAs: string; message: string } {
  const mine = ownTriggers();
  const owner = triggerOwner();
  if (mine.length === 0 && owner !== null && owner.user.toLowerCase() !== user.toLowerCase()) {
    return { runsAs: owner.user, message: t(lang, 'round.trigger.onBy', { user: owner.user }) };
  }
  const [kept, ...extra] = mine;
  for (const tr of extra) ScriptApp.deleteTrigger(tr);
  const trigger = kept ?? ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyHours(1).create();
  saveTriggerOwner({ id: trigger.getUniqueId(), user });
  return { runsAs: user, message: t(lang, 'round.trigger.on') };
}

/** Removes the acting user's trigger; another admin's trigger stops itself at its next run (the switch is off). */
function switchOff(lang: Lang): { runsAs: string; message: string } {
  for (const tr of ownTriggers()) ScriptApp.deleteTrigger(tr);
  saveTriggerOwner(null);
  return { runsAs: '', message: t(lang, 'round.trigger.off') };
}

/** The Pengaturan key of the switch. */
const SWITCH_KEY = 'pengingat_otomatis';

/** Writes Pengaturan pengingat_otomatis (its row, or a new one). */
function writeSwitch(ctx: ActionContext, sheet: SheetInfo, rows: readonly (readonly unknown[])[], value: unknown): void {
  const { requests, writes } = settingWrites(sheet, rows, [{ key: SWITCH_KEY, cell: kept(value) }]);
  applyRequests(ctx.spreadsheetId, [[...requests, ...writes.map(writeRequest)]]);
}

/**
 * Pengaturan first (a refused write changes nothing), then the trigger; when the trigger cannot
 * be changed, Pengaturan gets its value back, so the switch never says what is not so.
 */
function setTriggerIn(ctx: ActionContext, programme: Programme, on: boolean): ReminderTriggerResult | Failure {
  const pengaturan = programme.tab(TABS.pengaturan);
  if (!pengaturan) return failure(ctx.lang, 'core.needSetup', { tabs: TABS.pengaturan });
  const { sheet, rows } = pengaturan;
  const before = programme.setting(SWITCH_KEY);
  try {
    writeSwitch(ctx, sheet, rows, on ? 'Ya' : 'Tidak');
  } catch (error) {
    return failure(ctx.lang, 'round.trigger.failed', { reason: errorText(error) });
  }
  try {
    return { ok: true, on, ...(on ? switchOn(ctx.user, ctx.lang) : switchOff(ctx.lang)) };
  } catch (error) {
    writeSwitch(ctx, sheet, rows, before);
    return failure(ctx.lang, 'round.trigger.failed', { reason: errorText(error) });
  }
}

/** The sidebar's switch: Pengaturan pengingat_otomatis and the hourly trigger, together. Admins only. */
export function setReminderTrigger(on: boolean): ReminderTriggerResult | Failure {
  const wanted = on === true;
  return withAdminLock((ctx, programme) => setTriggerIn(ctx, programme, wanted));
}

export interface ReminderRunStopped {
  ok: true;
  stopped: true;
  message: string;
}

/** Deletes the acting user's reminder triggers, or only the one `uid` names. */
function removeTriggers(uid: string | undefined): void {
  for (const tr of ownTriggers()) if (uid === undefined || tr.getUniqueId() === uid) ScriptApp.deleteTrigger(tr);
}

/** How long the hourly run waits for the document lock before leaving the work to the next hour. */
const LOCK_WAIT_MS = 30_000;

/**
 * The hourly trigger's function: one batch of reminders as the trigger's owner, under the
 * document lock, recorded in Log Email. No Ui: it runs with nobody at the screen. A busy lock
 * leaves the work to the next hour.
 */
export function remindOverdueUnits(e?: { triggerUid?: unknown }): SendResult | SendFailure | ReminderRunStopped | Failure {
  const startedAt = Date.now();
  const uid = e && e.triggerUid !== undefined && e.triggerUid !== null ? String(e.triggerUid) : undefined;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure('id', 'core.busy');
  try {
    const spreadsheetId = activeSpreadsheetId();
    const user = Session.getEffectiveUser().getEmail().trim();
    // Read once for the whole run: the switch, the admins and what the batch sends.
    const programme = readProgramme(spreadsheetId, MAIL_READ);
    const { settings, lang } = programme;
    if (!settings.ok) return failure(lang, 'core.fixFirst', {}, settings.problems);
    const owner = triggerOwner();
    const current = owner !== null && (uid === undefined || owner.id === uid);
    if (!settings.value.pengingatOtomatis || !current) {
      removeTriggers(current ? undefined : uid);
      return { ok: true, stopped: true, message: t(lang, 'round.trigger.run.off') };
    }
    const admins = effectiveAdmins(settings.value.emailAdmin);
    if (!isAdmin(admins, user)) {
      removeTriggers(uid);
      if (owner.user.toLowerCase() === user.toLowerCase()) saveTriggerOwner(null);
      return { ok: true, stopped: true, message: t(lang, 'round.trigger.run.notAdmin', { user: user || t(lang, 'core.unknownUser') }) };
    }
    return sendBatchIn({ spreadsheetId, user, lang, admins }, programme, REMINDERS, { automatic: true }, startedAt);
  } finally {
    lock.releaseLock();
  }
}
