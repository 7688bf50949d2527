// The admin check and the document lock every mutating action runs under, the programmatic
// actions of the core programme (sidebar, CLI) and their menu handlers (Ui alerts).
import { t, toLang, type Lang } from '../domain/i18n';
import { TABS, findColumns } from '../domain/tables';
import { cellText, normKey, splitEmails } from '../domain/text';
import type { Problem } from '../domain/types';
import { activeSpreadsheetId, readStructure, readValues, wholeTab, type Structure } from '../sheets/api';
import type { ActionContext, Failure, Reading } from '../sheets/context';
import { generateRanges, generateUnitTabsIn, type GenerateResult } from '../sheets/generate';
import { recapRanges, refreshRecapIn, type RecapResult } from '../sheets/recap';
import {
  INSTALLER_PROPERTY,
  addUnitsIn,
  addUnitsRanges,
  setupRanges,
  setupWorkbookIn,
  type AddUnitsResult,
  type SetupResult,
} from '../sheets/setup';
import { findTab } from '../sheets/workbook';

/** How long a second run waits for the first before it is told to retry. */
const LOCK_WAIT_MS = 30_000;

/** The Nilai of `key` in Pengaturan rows ('' when absent). */
function settingOf(rows: readonly (readonly unknown[])[], key: string): unknown {
  const { index } = findColumns(rows[0], ['Kunci', 'Nilai'] as const);
  if (index.Kunci === undefined || index.Nilai === undefined) return '';
  const row = rows.slice(1).find((r) => normKey(r[index.Kunci as number]) === key);
  return row ? row[index.Nilai] : '';
}

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

/**
 * Runs `action` holding the document lock, if the acting user is an admin (Pengaturan
 * email_admin; when empty, the installer; when neither exists yet, whoever sets the workbook
 * up). A refusal or a busy lock is an error value in the workbook's language.
 *
 * The structure and Pengaturan are read once, inside the lock, together with the ranges the
 * action asks for (`ranges`), so an action costs the lock, two reads and its writes.
 */
export function withAdminLock<T extends { ok: true }>(
  action: (ctx: ActionContext, reading: Reading) => T | Failure,
  ranges: (structure: Structure) => string[] = () => [],
): T | Failure {
  const spreadsheetId = activeSpreadsheetId();
  const user = Session.getActiveUser().getEmail().trim();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { ok: false, error: t(workbookLang(), 'core.busy') };
  try {
    const structure = readStructure(spreadsheetId);
    const settingsTab = findTab(structure.sheets, TABS.pengaturan);
    const wanted = ranges(structure);
    const values = readValues(spreadsheetId, [...(settingsTab ? [wholeTab(settingsTab)] : []), ...wanted]);
    const settings = settingsTab ? values[0] : [];
    const lang: Lang = toLang(settingOf(settings, 'bahasa'));
    const admins = effectiveAdmins(splitEmails(settingOf(settings, 'email_admin')));
    if (!isAdmin(admins, user)) {
      return { ok: false, error: t(lang, 'core.notAdmin', { admins: admins.join(', '), user: user || t(lang, 'core.unknownUser') }) };
    }
    const ctx = { spreadsheetId, user, lang, admins: admins.length > 0 ? admins : [user].filter((u) => u !== '') };
    return action(ctx, { structure, values: values.slice(settingsTab ? 1 : 0) });
  } finally {
    lock.releaseLock();
  }
}

/** "Siapkan buku kerja": the system tabs from a profile (default DEFAULT_PROFILE_ID, opini-2025). */
export function setupWorkbook(opts?: { profile?: string }): SetupResult | Failure {
  return withAdminLock((ctx, reading) => setupWorkbookIn(ctx, reading, opts?.profile), setupRanges);
}

/** Appends pasted unit rows (CSV or tab-separated, header optional) to Unit, as text. */
export function addUnits(text: string): AddUnitsResult | Failure {
  return withAdminLock((ctx, reading) => addUnitsIn(ctx, reading, String(text ?? '')), addUnitsRanges);
}

/** "Buat / perbarui tab unit", then Rekap, in the same batch. */
export function generateUnitTabs(): GenerateResult | Failure {
  const now = (timeZone: string) => Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
  return withAdminLock((ctx, reading) => generateUnitTabsIn(ctx, reading, now), generateRanges);
}

/** "Perbarui rekap". */
export function refreshRecap(): RecapResult | Failure {
  return withAdminLock(refreshRecapIn, recapRanges);
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

/** Pengaturan bahasa, read on its own (for alerts, and a busy lock's message). */
function workbookLang(): Lang {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TABS.pengaturan);
  return toLang(cellText(sheet ? settingOf(sheet.getDataRange().getValues(), 'bahasa') : ''));
}

function showResult(titleKey: 'core.menu.setup' | 'core.menu.generate' | 'core.menu.recap', result: { ok: true; message: string } | Failure) {
  const lang = workbookLang();
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, titleKey), describe(result, lang), ui.ButtonSet.OK);
}

export function menuSetup(): void {
  showResult('core.menu.setup', setupWorkbook());
}

export function menuGenerate(): void {
  showResult('core.menu.generate', generateUnitTabs());
}

export function menuRecap(): void {
  showResult('core.menu.recap', refreshRecap());
}
