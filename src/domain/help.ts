// What "Bantuan" says: the add-on's help in the workbook's language, and the guide of each role
// the acting user has in the programme (docs/panduan): a link made from Pengaturan
// `tautan_panduan` when it is set, else where the guide is found.
import { t, type Lang } from './i18n';
import { normKey } from './text';
import type { Unit } from './types';

/** The roles that have a guide, by the guide's file name (docs/panduan/{role}.md). */
export const GUIDE_ROLES = ['sekretariat', 'asesor', 'pic'] as const;
export type GuideRole = (typeof GUIDE_ROLES)[number];

/** The Pengaturan key of the guides' address; `{peran}` in it stands for the role's file name. */
export const GUIDE_LINK_KEY = 'tautan_panduan';
const ROLE_PLACEHOLDER = '{peran}';

/** The roles of `user`: the secretariat when they may administer, the assessor or PIC of any unit. */
export function rolesOf(user: string, administers: boolean, units: readonly Unit[]): GuideRole[] {
  const me = normKey(user);
  const listed = (emails: readonly string[]) => me !== '' && emails.some((e) => normKey(e) === me);
  const roles: GuideRole[] = [];
  if (administers) roles.push('sekretariat');
  if (units.some((u) => listed(u.assessorEmails))) roles.push('asesor');
  if (units.some((u) => listed(u.picEmails))) roles.push('pic');
  return roles;
}

/** A role's guide link from `tautan_panduan` ('' when it is not an http(s) address). */
export function guideLink(setting: unknown, role: GuideRole): string {
  const template = String(setting ?? '').trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/i.test(template)) return '';
  return template.split(ROLE_PLACEHOLDER).join(role);
}

/** The help text: what the add-on does, then the guide of each of the user's roles (all three when they have none). */
export function helpText(lang: Lang, roles: readonly GuideRole[], linkSetting: unknown): string {
  const shown = roles.length > 0 ? roles : GUIDE_ROLES;
  const guides = shown.map((role) => {
    const where = guideLink(linkSetting, role) || t(lang, 'help.guide.file', { file: `docs/panduan/${role}.md` });
    return t(lang, 'help.guide', { role: t(lang, `help.role.${role}`), where });
  });
  return [t(lang, 'help.body'), '', ...(roles.length > 0 ? [] : [t(lang, 'help.noRole')]), ...guides].join('\n');
}
