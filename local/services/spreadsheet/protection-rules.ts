// Who may edit what, as Sheets enforces protections (for the UI and for scripts running as a user).
import type { Dimension } from '../../model/editor';
import { isWholeSheet, rangeContains, rangesIntersect } from '../../model/workbook';
import type { GridRange, ProtectedRange, SheetModel, WorkbookModel } from '../../model/types';

/** Sheets' refusal, for a user's edit and for a script's write alike. */
export const PROTECTED_CELL_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The users a protection lets edit: the owner always; a protection that mirrors the file lets every file editor. */
export function protectionEditors(workbook: WorkbookModel, p: ProtectedRange): string[] {
  const listed = p.mirrorsFile ? (workbook.editors ?? []) : p.editors.users;
  return [workbook.owner, ...listed.filter((u) => u.toLowerCase() !== workbook.owner.toLowerCase())];
}

export function canEditProtection(workbook: WorkbookModel, p: ProtectedRange, user: string): boolean {
  const who = user.toLowerCase();
  if (who === workbook.owner.toLowerCase() || p.mirrorsFile) return true;
  if (p.editors.users.some((u) => u.toLowerCase() === who)) return true;
  return p.editors.domainUsersCanEdit === true && domainOf(user) === domainOf(workbook.owner);
}

/** Does the protection cover any cell of the block (a sheet protection spares its unprotected ranges)? */
function covers(sheet: SheetModel, p: ProtectedRange, block: GridRange): boolean {
  if (!isWholeSheet(p.range)) return rangesIntersect(sheet, p.range, block);
  const spared = p.unprotectedRanges ?? [];
  const top = block.startRowIndex ?? 0;
  const left = block.startColumnIndex ?? 0;
  for (let r = top; r < (block.endRowIndex ?? sheet.rowCount); r += 1) {
    for (let c = left; c < (block.endColumnIndex ?? sheet.columnCount); c += 1) {
      if (!spared.some((u) => rangeContains(sheet, u, r, c))) return true;
    }
  }
  return false;
}

/** The protections covering the block that stop or warn the user. */
export function protectionsAgainst(
  workbook: WorkbookModel,
  user: string,
  sheet: SheetModel,
  top: number,
  left: number,
  height: number,
  width: number,
): ProtectedRange[] {
  const block: GridRange = { sheetId: sheet.sheetId, startRowIndex: top, endRowIndex: top + height, startColumnIndex: left, endColumnIndex: left + width };
  // A warning-only protection warns everyone; a strict one stops whoever is not its editor.
  return sheet.protectedRanges.filter((p) => (p.warningOnly || !canEditProtection(workbook, p, user)) && covers(sheet, p, block));
}

/** The strict protection that refuses the user's edit of the block, if any (warning-only ones let it through). */
export function protectionBlocking(...block: Parameters<typeof protectionsAgainst>): ProtectedRange | undefined {
  return protectionsAgainst(...block).find((p) => !p.warningOnly);
}

/**
 * The strict protection that refuses the user's inserting rows or columns before `start`: a
 * protected sheet (what is inserted would be part of it), or a protected range the insertion
 * would split (it would grow). Inserting beside a range only moves it, which anyone may cause.
 */
export function insertionBlocking(workbook: WorkbookModel, user: string, sheet: SheetModel, dimension: Dimension, start: number): ProtectedRange | undefined {
  const splits = (p: ProtectedRange) => {
    if (isWholeSheet(p.range)) return true;
    const [from, to] = dimension === 'ROWS' ? [p.range.startRowIndex, p.range.endRowIndex] : [p.range.startColumnIndex, p.range.endColumnIndex];
    return (from ?? 0) < start && start < (to ?? Infinity);
  };
  return sheet.protectedRanges.find((p) => !p.warningOnly && !canEditProtection(workbook, p, user) && splits(p));
}
