// Whether a person may type into the workbook now, as the local runtime asks before applying a
// user's own edits (`pendamping edit`, the workbench): Sheets enforces protections that exist,
// but a workbook whose protections were lost (an .xlsx from Sheets holds none) or no longer sit
// on their tables (columns moved in Excel or LibreOffice) would let anyone edit anything. Then
// only an admin (or the file's owner) may edit, until an admin's "Buat / perbarui tab unit"
// derives the protections from the tables' headers again.
import { t, type MessageKey } from '../domain/i18n';
import { splitEmails } from '../domain/text';
import { activeSpreadsheetId, readValues, wholeTab } from '../sheets/api';
import { readProgramme } from '../sheets/programme';
import { protectionGaps, type ProtectionGap } from '../sheets/protections';
import { effectiveAdmins, mayAdminister } from './actions';

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

/** The programme's own reading (structure and the system tabs it always reads); the other tabs only for a user who is no admin. */
export function editGuard(): EditGuard {
  const spreadsheetId = activeSpreadsheetId();
  const user = Session.getActiveUser().getEmail().trim();
  const programme = readProgramme(spreadsheetId);
  const admins = effectiveAdmins(splitEmails(programme.setting('email_admin')));
  if (mayAdminister(admins, user)) return { ok: true, allowed: true, reasons: [] };
  const gaps = protectionGaps(programme.sheets, (tabs) => readValues(spreadsheetId, tabs.map((s) => wholeTab(s))));
  return { ok: true, allowed: gaps.length === 0, reasons: gaps.map((g) => t(programme.lang, REASON[g.kind], { tab: g.tab })) };
}
