import { t, type Lang } from '../domain/i18n';

/**
 * Builds the Pendamping menu. Runs in AuthMode.NONE too: it touches only the Ui, never the
 * spreadsheet, properties or any authorised service.
 */
export function buildMenu(e: GoogleAppsScript.Events.SheetsOnOpen | undefined): void {
  const lang: Lang = 'id';
  const ui = SpreadsheetApp.getUi();
  // An installed add-on gets the add-on menu; a bound script (authMode absent or FULL from the
  // script editor) gets its own top-level menu.
  const asAddon = e !== undefined && e.authMode !== ScriptApp.AuthMode.FULL;
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(t(lang, 'menu.title'));
  menu.addItem(t(lang, 'menu.openPanel'), 'showSidebar').addSeparator().addItem(t(lang, 'menu.help'), 'showHelp').addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t('id', 'sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showHelp(): void {
  SpreadsheetApp.getUi().alert(t('id', 'help.title'), t('id', 'help.body'), SpreadsheetApp.getUi().ButtonSet.OK);
}
