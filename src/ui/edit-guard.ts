// Whether a person may type into the workbook now, as the local runtime asks before applying a
// user's own edits (`pendamping edit`, the workbench): Sheets enforces protections that exist,
// but a workbook whose protections were lost (an .xlsx from Sheets holds none) or no longer sit
// on their tables (columns moved in Excel or LibreOffice) would let anyone edit anything. Then
// only an admin (or the file's owner) may edit, until an admin's "Buat / perbarui tab unit"
// derives the protections from the tables' headers again.
import { t, toLang, type MessageKey } from '../domain/i18n';
import { TABS } from '../domain/tables';
import { splitEmails } from '../domain/text';
import { activeSpreadsheetId, readStructure, readValues, wholeTab } from '../sheets/api';
import { protectionGaps, type ProtectionGap } from '../sheets/protections';
import { findTab } from '../sheets/workbook';
import { effectiveAdmins, mayAdminister, settingOf } from './actions';

export interface EditGuard {
  ok: true;
  /** The acting user may edit (what protections allow). */
  allowed: boolean;
  /** When not allowed: what is wrong with the protections, in the workbook's language. */
  reasons: string[];
}

const REASON: Record<ProtectionGap['kind'], MessageKey> = {
  systemTab: 'core.protection.systemTab',
  untied: 'core.protection.untied',
  missing: 'core.protection.missing',
  moved: 'core.protection.moved',
};

export function editGuard(): EditGuard {
  const spreadsheetId = activeSpreadsheetId();
  const user = Session.getActiveUser().getEmail().trim();
  const { sheets } = readStructure(spreadsheetId);
  const pengaturan = findTab(sheets, TABS.pengaturan);
  const [settings] = pengaturan ? readValues(spreadsheetId, [wholeTab(pengaturan)]) : [[]];
  const admins = effectiveAdmins(splitEmails(settingOf(settings, 'email_admin')));
  if (mayAdminister(admins, user)) return { ok: true, allowed: true, reasons: [] };
  const gaps = protectionGaps(sheets, (tabs) => readValues(spreadsheetId, tabs.map((s) => wholeTab(s))));
  const lang = toLang(settingOf(settings, 'bahasa'));
  return { ok: true, allowed: gaps.length === 0, reasons: gaps.map((g) => t(lang, REASON[g.kind], { tab: g.tab })) };
}
