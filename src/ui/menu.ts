import { GUIDE_LINK_KEY, helpText, rolesOf } from '../domain/help';
import { t, type Lang, type MessageKey } from '../domain/i18n';
import { splitEmails } from '../domain/text';
import { readProgramme } from '../sheets/programme';
import { effectiveAdmins, mayAdminister } from './actions';

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
    { label: 'core.menu.share', run: 'menuShareAccess' },
  ],
  [{ label: 'menu.sendFindings', run: 'menuSendFindings' }],
  [{ label: 'round.menu.newRound', run: 'menuNewRound' }],
  [
    { label: 'practice.menu', run: 'menuPractice' },
    { label: 'menu.help', run: 'showHelp' },
  ],
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

/** "Bantuan": the help in the workbook's language, with the guide of each role the acting user has. */
export function showHelp(): void {
  const programme = readProgramme(SpreadsheetApp.getActiveSpreadsheet().getId(), {});
  const user = Session.getActiveUser().getEmail().trim();
  const admins = effectiveAdmins(splitEmails(programme.setting('email_admin')));
  const roles = rolesOf(user, mayAdminister(admins, user), programme.units.units);
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(programme.lang, 'help.title'), helpText(programme.lang, roles, programme.setting(GUIDE_LINK_KEY)), ui.ButtonSet.OK);
}
