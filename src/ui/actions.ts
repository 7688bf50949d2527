// The admin check and the document lock every mutating action runs under, the programmatic
// actions of the core programme (sidebar, CLI) and their menu handlers (Ui alerts).
import { t, type Lang } from '../domain/i18n';
import { splitEmails, normKey } from '../domain/text';
import type { Problem } from '../domain/types';
import { activeSpreadsheetId, applyRequests } from '../sheets/api';
import type { ActionContext, Failure } from '../sheets/context';
import { GENERATE_READ, generateUnitTabsIn, type GenerateResult } from '../sheets/generate';
import { peekSettings, readProgramme, withStructureReadAgain, type Programme, type ReadSpec } from '../sheets/programme';
import { syncAdmins } from '../sheets/protections';
import { RECAP_READ, refreshRecapIn, type RecapResult } from '../sheets/recap';
import { shareAccessIn, type ShareResult } from '../sheets/share';
import { INSTALLER_PROPERTY, SETUP_READ, addUnitsIn, setupWorkbookIn, type AddUnitsResult, type SetupResult } from '../sheets/setup';

/** How long a second run waits for the first before it is told to retry. */
export const LOCK_WAIT_MS = 30_000;

/** Who runs admin actions: Pengaturan email_admin; when empty, the installer; when neither exists yet, nobody is listed. */
export function effectiveAdmins(listed: readonly string[]): string[] {
  if (listed.length > 0) return [...listed];
  const installer = PropertiesService.getDocumentProperties().getProperty(INSTALLER_PROPERTY);
  return installer ? [installer] : [];
}

/** Whether `user` may run admin actions: one of `admins`, or anyone while nobody is listed (first setup). */
export function isAdmin(admins: readonly string[], user: string): boolean {
  return admins.length === 0 || admins.some((a) => normKey(a) === normKey(user));
}

/** The file's owner ('' when Sheets does not say, e.g. a shared drive's file). */
export function fileOwner(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getOwner()?.getEmail() ?? '';
}

/**
 * An admin, or the file's owner: Sheets lets the owner edit everything anyway, and only an
 * admin already in the protections or the owner can let a new admin in, so the owner is never
 * refused (the owner is asked only when `user` is not a listed admin).
 */
export function mayAdminister(admins: readonly string[], user: string): boolean {
  return isAdmin(admins, user) || (user !== '' && normKey(fileOwner()) === normKey(user));
}

/**
 * When runAsAdmin lets the document lock go: as the action returns, or when the execution ends,
 * where the action's write is the execution's last call: Apps Script releases a lock still held
 * when the script terminates (developers.google.com/apps-script/reference/lock/lock#releaseLock()),
 * and the call that would release it is a round trip saved.
 */
type LockRelease = 'now' | 'atEnd';

/** An action's result and the language of the workbook it ran on (for a menu's alert). */
interface Ran<T> {
  result: T | Failure;
  lang: Lang;
}

/**
 * Runs `action` holding the document lock, if the acting user is an admin (Pengaturan
 * email_admin; when empty, the installer; when neither exists yet, whoever sets the workbook
 * up) or the file's owner. A refusal or a busy lock is an error value in the workbook's language.
 *
 * The programme is read once, inside the lock, with what the action asks for (`spec`), and
 * handed to it: an action costs the lock, two reads and its writes. Before the action, the
 * protections the add-on owns are brought in line with the admins (one batchUpdate, only when
 * they differ, followed by a read of the structure alone; src/sheets/protections.ts): an admin
 * added or removed in Pengaturan gets or loses the right to write at the next admin action. A new admin whom the protections do not list yet
 * cannot change them (Sheets lets only their editors and the owner): they are told who can, and
 * nothing runs.
 */
function runAsAdmin<T extends { ok: true }>(action: (ctx: ActionContext, programme: Programme) => T | Failure, spec: ReadSpec, release: LockRelease = 'now'): Ran<T> {
  const spreadsheetId = activeSpreadsheetId();
  const user = Session.getActiveUser().getEmail().trim();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    const { lang } = peekSettings();
    return { result: { ok: false, error: t(lang, 'core.busy') }, lang };
  }
  try {
    let programme = readProgramme(spreadsheetId, spec);
    const { lang } = programme;
    const admins = effectiveAdmins(splitEmails(programme.setting('email_admin')));
    if (!mayAdminister(admins, user)) {
      const error = t(lang, 'core.notAdmin', { admins: admins.join(', '), user: user || t(lang, 'core.unknownUser') });
      return { result: { ok: false, error }, lang };
    }
    const ctx = { spreadsheetId, user, lang, admins: admins.length > 0 ? admins : [user].filter((u) => u !== '') };
    const sync = syncAdmins(programme.sheets, ctx.admins, fileOwner);
    if (sync.blocked) {
      const others = ctx.admins.filter((a) => normKey(a) !== normKey(user));
      const error = others.length > 0 ? t(lang, 'core.adminNotActive', { user, others: others.join(', ') }) : t(lang, 'core.adminNotActive.owner', { user });
      return { result: { ok: false, error }, lang };
    }
    if (sync.requests.length > 0) {
      applyRequests(spreadsheetId, [sync.requests]);
      // What the action reads of the protections is as the sync left them.
      programme = withStructureReadAgain(spreadsheetId, programme, spec);
    }
    return { result: action(ctx, programme), lang };
  } finally {
    if (release === 'now') lock.releaseLock();
  }
}

/** runAsAdmin's result (see there). */
export function withAdminLock<T extends { ok: true }>(action: (ctx: ActionContext, programme: Programme) => T | Failure, spec: ReadSpec = {}): T | Failure {
  return runAsAdmin(action, spec).result;
}

const setup = (profile?: string) => runAsAdmin((ctx, programme) => setupWorkbookIn(ctx, programme, profile), SETUP_READ);

const generate = () => {
  const now = (timeZone: string) => Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
  return runAsAdmin((ctx, programme) => generateUnitTabsIn(ctx, programme, now), GENERATE_READ);
};

const recap = (release: LockRelease) => runAsAdmin(refreshRecapIn, RECAP_READ, release);

/** "Siapkan buku kerja": the system tabs from a profile (default DEFAULT_PROFILE_ID, opini-2025). */
export function setupWorkbook(opts?: { profile?: string }): SetupResult | Failure {
  return setup(opts?.profile).result;
}

/** Appends pasted unit rows (CSV or tab-separated, header optional) to Unit, as text. */
export function addUnits(text: string): AddUnitsResult | Failure {
  return withAdminLock((ctx, programme) => addUnitsIn(ctx, programme, String(text ?? '')));
}

/** "Buat / perbarui tab unit", then Rekap, in the same batch. */
export function generateUnitTabs(): GenerateResult | Failure {
  return generate().result;
}

/** "Perbarui rekap". */
export function refreshRecap(): RecapResult | Failure {
  // Its write is the execution's last call: the lock goes when the execution ends.
  return recap('atEnd').result;
}

const share = (dryRun: boolean) => runAsAdmin((_ctx, programme) => shareAccessIn(programme, dryRun), {});

/**
 * "Bagikan akses": every valid PIC and assessor address of Unit becomes an editor; `dryRun`
 * says whom it would add (the sidebar shows that first) and changes nothing.
 */
export function shareAccess(opts?: { dryRun?: boolean }): ShareResult | Failure {
  return share(opts?.dryRun === true).result;
}

const MAX_LISTED = 15;

/** A result as alert text: its message, or the error with the problems (the first few). */
function describe(result: { ok: true; message: string } | Failure, lang: Lang): string {
  if (result.ok) return result.message;
  const problems: Problem[] = result.problems ?? [];
  const listed = problems.slice(0, MAX_LISTED).map((p) => `• ${p.message}`);
  if (problems.length > MAX_LISTED) listed.push(t(lang, 'core.moreProblems', { count: problems.length - MAX_LISTED }));
  return [result.error, ...listed].join('\n');
}

type MenuTitle = 'core.menu.setup' | 'core.menu.generate' | 'core.menu.recap' | 'core.menu.share';

/** The result as an alert, in the language of the workbook the action read. */
function showResult(titleKey: MenuTitle, { result, lang }: Ran<{ ok: true; message: string }>) {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, titleKey), describe(result, lang), ui.ButtonSet.OK);
}

export function menuSetup(): void {
  showResult('core.menu.setup', setup());
}

export function menuGenerate(): void {
  showResult('core.menu.generate', generate());
}

export function menuRecap(): void {
  // The alert that follows waits for the user: the lock goes before it.
  showResult('core.menu.recap', recap('now'));
}

/** Shows whom it will add (and that protections stop edits, not reads), then adds them once confirmed. */
export function menuShareAccess(): void {
  const preview = share(true);
  const { result, lang } = preview;
  if (!result.ok || result.add.length === 0) return showResult('core.menu.share', preview);
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(t(lang, 'core.menu.share'), `${result.message}\n\n${t(lang, 'core.share.confirm')}`, ui.ButtonSet.YES_NO);
  if (answer === ui.Button.YES) showResult('core.menu.share', share(false));
}
