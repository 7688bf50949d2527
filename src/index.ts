// The only file that exports Apps Script entry points. Every export becomes a top-level
// function in dist/Code.js (see scripts/entry-points.mjs); nothing here runs at load time.
import { buildMenu } from './ui/menu';

export { CUSTOM_FUNCTIONS, KATEGORI_KEPATUHAN, RINGKASAN_KEPATUHAN, SKOR_KEPATUHAN } from './functions';
export { showHelp, showSidebar } from './ui/menu';
export { menuPractice, setupPractice } from './ui/practice';
export { addUnits, generateUnitTabs, menuGenerate, menuRecap, menuSetup, menuShareAccess, refreshRecap, setupWorkbook, shareAccess } from './ui/actions';
export { getPanelState, saveSettings } from './ui/sidebar';
export { submitUnit, verifyUnit } from './ui/unit-actions';
export { editGuard } from './ui/edit-guard';
export { menuSendFindings, previewFindings, sendFindingsBatch, sendTestFindings } from './mail/actions';
export { menuNewRound, overdueUnits, startNewRound, undoRound } from './rounds/actions';
export { remindOverdueUnits, sendRemindersBatch, setReminderTrigger } from './rounds/reminders';
export { downloadRapor, makeRapor } from './report/actions';

/** The add-on's menu, in every AuthMode (the event's mode does not change it). */
export function onOpen(): void {
  buildMenu();
}

export function onInstall(): void {
  buildMenu();
}
