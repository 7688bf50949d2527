// The protections the add-on owns (described by PROTECTION_TAGS): each system tab protected as
// a whole for the admins, and each unit tab's own (the tab for the admins; the answer block and
// Status Pengisian for PIC + assessor + admins; the assessor columns and Status Verifikasi for
// assessor + admins).
//
// Sheets lets only a protection's editors and the file's owner change it. So a newly listed
// admin is brought in by an admin already in, or by the owner: every admin action first brings
// the editors up to date with Pengaturan email_admin (withAdminLock), in one batchUpdate that is
// sent only when something changed.
import { ASSESSOR_COLUMNS, METADATA_KEYS, OPTIONAL_UNIT_COLUMNS, PIC_COLUMNS, PROTECTION_TAGS, UNIT_PEOPLE_TAGS, type UnitColumn } from '../domain/plan/layout';
import { systemProtection } from '../domain/plan/unit-tabs';
import { SNAPSHOT_TAB } from '../domain/rounds';
import { HEADERS, SYSTEM_TAB_NAMES } from '../domain/tables';
import { cellText } from '../domain/text';
import { locateUnitTable } from '../domain/unit-tab';
import type { ProtectionInfo, SheetInfo } from './api';
import { addProtection, setProtectionEditors, type Request } from './requests';

const SYSTEM_TABS = new Set(SYSTEM_TAB_NAMES.map((title) => title.toLowerCase()));
/** In table order: the answer block's columns (PIC's and assessor's, side by side), and the assessor's inside it. */
const inTableOrder = (columns: readonly UnitColumn[]) => HEADERS.unitTable.filter((h) => columns.includes(h));
const ANSWER_COLUMNS = inTableOrder([...PIC_COLUMNS, ...ASSESSOR_COLUMNS]);
const ASSESSOR_BLOCK = inTableOrder(ASSESSOR_COLUMNS);

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
 * exactly the admins (added where missing, the snapshot's excepted); a unit tab's own protection too; its protections
 * that name people (UNIT_PEOPLE_TAGS) keep their PIC and assessors, lose the admins no longer listed (the
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
      if (UNIT_PEOPLE_TAGS.includes(p.description)) {
        align(p, [...p.editors.filter((e) => !former.includes(e)), ...wanted]);
      }
    }
  }
  return { requests, blocked };
}

/** Why the protections cannot be trusted: one tab and what is wrong with it. */
export interface ProtectionGap {
  tab: string;
  kind: 'systemTab' | 'untied' | 'missing' | 'moved';
}

type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/** Zero-based, half-open bounds of a range (absent = from the start / to the end). */
function bounds(range: GridRange): [number, number, number, number] {
  return [range.startRowIndex ?? 0, range.endRowIndex ?? Infinity, range.startColumnIndex ?? 0, range.endColumnIndex ?? Infinity];
}

/**
 * The column run `columns` occupies, when its headers sit side by side in that order; null
 * otherwise. A column added to the table later (OPTIONAL_UNIT_COLUMNS) may be missing: a tab
 * generated before it keeps its protections until generated again.
 */
function run(column: Partial<Record<UnitColumn, number>>, wanted: readonly UnitColumn[]): { start: number; end: number } | null {
  const columns = wanted.filter((c) => column[c] !== undefined || !OPTIONAL_UNIT_COLUMNS.includes(c));
  const at = columns.map((c) => column[c]);
  if (at.some((c) => c === undefined)) return null;
  const start = at[0] as number;
  return at.every((c, i) => c === start + i) ? { start, end: start + columns.length } : null;
}

/**
 * Whether a unit tab's protections still sit on its table as found by header: the answer block
 * (PIC and assessor columns, side by side) and the assessor columns, from the row after the
 * header down past the last indicator, and the tab's own protection leaving out the answer
 * block and nothing else but the status cells (and the qualifier's) that have their own protections. A table whose columns or rows moved where Sheets did not move the protections
 * with them (an .xlsx edited in Excel or LibreOffice) fails.
 */
function fitsTable(sheet: SheetInfo, values: readonly (readonly unknown[])[]): ProtectionGap['kind'] | null {
  const own = (tag: string) => sheet.protections.find((p) => p.description === tag);
  const [whole, answers, assessor] = [PROTECTION_TAGS.sheet, PROTECTION_TAGS.answers, PROTECTION_TAGS.assessor].map(own);
  if (!whole || !answers || !assessor) return 'missing';
  const layout = locateUnitTable(values);
  const block = layout && run(layout.column, ANSWER_COLUMNS);
  const inner = layout && run(layout.column, ASSESSOR_BLOCK);
  if (!layout || !block || !inner) return 'moved';
  let last = layout.headerRow;
  values.forEach((row, i) => {
    if (i > layout.headerRow && cellText(row[layout.column.Kode as number]) !== '') last = i;
  });
  const fits = (range: GridRange, columns: { start: number; end: number }) => {
    const [top, bottom, left, right] = bounds(range);
    return top === layout.headerRow + 1 && bottom > last && left === columns.start && right === columns.end;
  };
  // The tab's own protection spares the answer block and, on a tab that has them, the two status
  // cells, each of which its own protection covers.
  const block0 = bounds(answers.range).join();
  const statuses = [PROTECTION_TAGS.fillStatus, PROTECTION_TAGS.verifyStatus, PROTECTION_TAGS.qualifier].flatMap((tag) => own(tag) ?? []).map((p) => bounds(p.range).join());
  const spared = whole.unprotected.map((range) => bounds(range).join());
  const wholeSheet = bounds(whole.range).every((b, i) => b === (i % 2 === 0 ? 0 : Infinity));
  const sparesBlock = spared.includes(block0) && spared.every((r) => r === block0 || statuses.includes(r));
  return wholeSheet && sparesBlock && fits(answers.range, block) && fits(assessor.range, inner) ? null : 'moved';
}

/**
 * What makes the protections untrustworthy, as Sheets would enforce them: a system tab with no
 * protection (an .xlsx from Sheets holds none), a tab holding a unit table that is tied to no
 * unit (its metadata lost), a unit tab missing one of its protections or whose table moved under
 * them. `tabValues(sheets)` reads the cells of the given tabs (one batched read, only when the
 * system tabs are protected). Empty = the protections hold.
 */
export function protectionGaps(sheets: readonly SheetInfo[], tabValues: (tabs: readonly SheetInfo[]) => unknown[][][]): ProtectionGap[] {
  const unprotected = sheets.filter((s) => SYSTEM_TABS.has(s.title.toLowerCase()) && !s.protections.some((p) => p.description === PROTECTION_TAGS.system));
  if (unprotected.length > 0) return unprotected.map((s) => ({ tab: s.title, kind: 'systemTab' }));
  const others = sheets.filter((s) => !isSystemTab(s.title));
  const values = tabValues(others);
  return others.flatMap((sheet, i): ProtectionGap[] => {
    const tied = sheet.metadata.some((m) => m.key === METADATA_KEYS.unit);
    if (!tied) return locateUnitTable(values[i] ?? []) === null ? [] : [{ tab: sheet.title, kind: 'untied' }];
    const kind = fitsTable(sheet, values[i] ?? []);
    return kind === null ? [] : [{ tab: sheet.title, kind }];
  });
}
