import { t, type Lang, type MessageKey } from '../domain/i18n';

/**
 * The menu, as data: groups separated by a line; each item is a message key and the name of
 * the top-level function (an export of src/index.ts) it runs. A feature adds its items here.
 */
const MENU: readonly (readonly { label: MessageKey; run: string }[])[] = [
  [{ label: 'menu.openPanel', run: 'showSidebar' }],
  [
    { label: 'core.menu.setup', run: 'menuSetup' },
    { label: 'core.menu.generate', run: 'menuGenerate' },
    { label: 'core.menu.recap', run: 'menuRecap' },
  ],
  [{ label: 'menu.sendFindings', run: 'menuSendFindings' }],
  [{ label: 'round.menu.newRound', run: 'menuNewRound' }],
  [{ label: 'menu.help', run: 'showHelp' }],
];

/**
 * Builds the add-on's menu under Extensions (Ekstensi), named after the add-on. A published editor
 * add-on builds its menu with createAddonMenu, never a top-level menu of its own
 * (developers.google.com/workspace/add-ons/concepts/menus); onInstall and onOpen both come here.
 * Runs in AuthMode.NONE too: it touches only the Ui, never the spreadsheet, properties or any
 * authorised service.
 */
export function buildMenu(): void {
  const lang: Lang = 'id';
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach((group, i) => {
    if (i > 0) menu.addSeparator();
    for (const item of group) menu.addItem(t(lang, item.label), item.run);
  });
  menu.addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t('id', 'sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showHelp(): void {
  SpreadsheetApp.getUi().alert(t('id', 'help.title'), t('id', 'help.body'), SpreadsheetApp.getUi().ButtonSet.OK);
}
