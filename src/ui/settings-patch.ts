// Validating what the Pengaturan section of the sidebar saves, and deciding the cells to write:
// pure, so every rule is tested without services. Messages are in the workbook's language.
import { t, type Lang } from '../domain/i18n';
import { type CellStyle, type PlannedCell, isoToSerial, num, text } from '../domain/plan/cells';
import { problemAt, tabWhere } from '../domain/problems';
import { PROFILE_IDS } from '../domain/profiles';
import { TABS } from '../domain/tables';
import { formatIsoDate, isValidEmail, normKey, splitEmails } from '../domain/text';
import type { Problem } from '../domain/types';
import { EDITABLE_SETTINGS, type EditableSetting } from './panel-types';

/** Longest programme name or office name the panel accepts (they head every email). */
export const MAX_TEXT_SETTING = 200;

const DATE_STYLE: CellStyle = { format: 'date' };

export interface DecidedCell {
  key: EditableSetting;
  cell: PlannedCell;
}

/** Whether `user` is the only admin. */
function isLastAdmin(user: string, admins: readonly string[]): boolean {
  return user !== '' && admins.every((a) => normKey(a) === normKey(user));
}

export type PatchDecision = { ok: true; cells: DecidedCell[] } | { ok: false; problems: Problem[] };

/**
 * The Nilai cells to write for `patch`, or the problems that refuse it. `user` is the acting
 * admin and `admins` the current ones: the last admin may not remove themselves from
 * email_admin (nobody could run an admin action any more); one of several may leave.
 */
export function decideSettingsPatch(patch: Record<string, unknown>, user: string, admins: readonly string[], lang: Lang): PatchDecision {
  const where = tabWhere(TABS.pengaturan, lang);
  const problems: Problem[] = [];
  const refuse = (message: string) => problems.push({ tab: TABS.pengaturan, message });
  const cells: DecidedCell[] = [];
  for (const [key, raw] of Object.entries(patch)) {
    if (!(EDITABLE_SETTINGS as readonly string[]).includes(key) || (typeof raw !== 'string' && raw !== undefined)) {
      refuse(t(lang, 'panel.settings.error.unknownKey', { key }));
      continue;
    }
    if (raw === undefined) continue;
    const setting = key as EditableSetting;
    const value = raw.trim();
    const accept = (cell: PlannedCell) => cells.push({ key: setting, cell });
    switch (setting) {
      case 'bahasa':
        if (value === 'id' || value === 'en') accept(text(value));
        else refuse(t(lang, 'panel.settings.error.lang'));
        break;
      case 'email_admin': {
        const emails = splitEmails(value);
        const bad = emails.filter((e) => !isValidEmail(e));
        if (emails.length === 0) refuse(t(lang, 'panel.settings.error.adminsEmpty'));
        else if (bad.length > 0) problems.push(problemAt(where, 'check.email.invalid', { emails: bad.join(', ') }));
        else if (isLastAdmin(user, admins) && !emails.some((e) => normKey(e) === normKey(user))) {
          refuse(t(lang, 'panel.settings.error.lastAdmin', { email: user }));
        } else accept(text(emails.join(', ')));
        break;
      }
      case 'email_balasan': {
        const emails = splitEmails(value);
        const bad = emails.filter((e) => !isValidEmail(e));
        if (bad.length > 0) problems.push(problemAt(where, 'check.email.invalid', { emails: bad.join(', ') }));
        else if (emails.length > 1) problems.push(problemAt(where, 'check.settings.singleEmail', { count: emails.length }));
        else accept(text(emails[0] ?? ''));
        break;
      }
      case 'batas_waktu': {
        const serial = isoToSerial(formatIsoDate(value));
        if (value === '') accept(text(''));
        else if (serial === null) problems.push(problemAt(where, 'check.settings.date', { value }));
        else accept(num(serial, DATE_STYLE));
        break;
      }
      case 'profil':
        if (PROFILE_IDS.includes(normKey(value))) accept(text(normKey(value)));
        else problems.push(problemAt(where, 'check.settings.profile', { value, ids: PROFILE_IDS.join(', ') }));
        break;
      case 'nama_kegiatan':
      case 'instansi_penilai':
        if (value.length > MAX_TEXT_SETTING) refuse(t(lang, 'panel.settings.error.tooLong', { key: setting, max: MAX_TEXT_SETTING }));
        else accept(text(value));
        break;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cells };
}
