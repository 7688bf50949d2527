// The only file that exports Apps Script entry points. Every export becomes a top-level
// function in dist/Code.js (see scripts/entry-points.mjs); nothing here runs at load time.
import { buildMenu } from './ui/menu';

export { CUSTOM_FUNCTIONS } from './functions';
export { showHelp, showSidebar } from './ui/menu';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e as unknown as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
