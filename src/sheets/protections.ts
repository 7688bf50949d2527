// The protections the add-on owns (described by PROTECTION_TAGS): each system tab protected as
// a whole for the admins, and each unit tab's three (the tab for the admins, the answer block
// for PIC + assessor + admins, the assessor columns for assessor + admins).
//
// Sheets lets only a protection's editors and the file's owner change it. So a newly listed
// admin is brought in by an admin already in, or by the owner: every admin action first brings
// the editors up to date with Pengaturan email_admin (withAdminLock), in one batchUpdate that is
// sent only when something changed.
import { METADATA_KEYS, PROTECTION_TAGS } from '../domain/plan/layout';
import { systemProtection } from '../domain/plan/unit-tabs';
import { SNAPSHOT_TAB } from '../domain/rounds';
import { SYSTEM_TAB_NAMES } from '../domain/tables';
import type { ProtectionInfo, SheetInfo } from './api';
import { addProtection, setProtectionEditors, type Request } from './requests';

const SYSTEM_TABS = new Set(SYSTEM_TAB_NAMES.map((title) => title.toLowerCase()));

/** A system tab, or the round's undo snapshot: protected as a whole for the admins. */
export function isSystemTab(title: string): boolean {
  return SYSTEM_TABS.has(title.toLowerCase()) || title.toLowerCase() === SNAPSHOT_TAB.toLowerCase();
}

export interface AdminSync {
  requests: Request[];
  /** A protection that must change is one the acting user may not change (they are not in it yet). */
  blocked: boolean;
}

/**
 * What brings the owned protections in line with `admins`: a system tab's protection lists
 * exactly the admins (added where missing, the snapshot's excepted); a unit tab's own protection too; its answer and
 * assessor protections keep their PIC and assessors, lose the admins no longer listed (the
 * editors of the tab's own protection who are not admins any more) and gain the new ones. The
 * owner, whom Sheets always lets edit, is left out of the comparison; `owner` is asked only
 * when a list differs by one address.
 */
export function syncAdmins(sheets: readonly SheetInfo[], admins: readonly string[], owner: () => string): AdminSync {
  const wanted = systemProtection(admins).editors;
  let ownerEmail: string | undefined;
  const isOwner = (email: string) => email === (ownerEmail ??= owner().trim().toLowerCase());
  const differs = (current: readonly string[], target: readonly string[]) =>
    current.some((e) => !target.includes(e) && !isOwner(e)) || target.some((e) => !current.includes(e) && !isOwner(e));
  const requests: Request[] = [];
  let blocked = false;
  const align = (p: ProtectionInfo, editors: readonly string[]) => {
    if (!differs(p.editors, editors)) return;
    if (!p.canEdit) blocked = true;
    requests.push(setProtectionEditors(p.id, [...new Set(editors)].sort()));
  };
  for (const sheet of sheets) {
    const own = (tag: string) => sheet.protections.find((p) => p.description === tag);
    if (isSystemTab(sheet.title)) {
      const p = own(PROTECTION_TAGS.system);
      if (p) align(p, wanted);
      // A user's own tab that only bears the snapshot's name is left alone.
      else if (SYSTEM_TABS.has(sheet.title.toLowerCase())) requests.push(addProtection(sheet.sheetId, systemProtection(admins)));
      continue;
    }
    const whole = own(PROTECTION_TAGS.sheet);
    if (!whole || !sheet.metadata.some((m) => m.key === METADATA_KEYS.unit)) continue;
    const former = whole.editors.filter((e) => !wanted.includes(e));
    align(whole, wanted);
    for (const p of sheet.protections) {
      if (p.description === PROTECTION_TAGS.answers || p.description === PROTECTION_TAGS.assessor) {
        align(p, [...p.editors.filter((e) => !former.includes(e)), ...wanted]);
      }
    }
  }
  return { requests, blocked };
}
