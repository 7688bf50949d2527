// A user's own edit, typed into the Sheets UI (the CLI's `edit`, the workbench): Sheets lets the
// owner edit anything, refuses cells under a protection the user is not an editor of (warning-only
// protections let the edit through with a warning), and refuses values a strict data validation
// rejects. Accepted text is entered with USER_ENTERED semantics.
import type { FormulaEngine } from '../../engine';
import type { SheetModel, WorkbookModel } from '../../model/types';
import { formatA1, parseA1Range, rangeContains, sheetByTitle } from '../../model/workbook';
import type { ServiceContext } from '../context';
import { PROTECTED_CELL_MESSAGE, protectionEditors, protectionsAgainst } from './protection-rules';

export interface UserEdit {
  user: string;
  /** Sheet name (case-insensitive, as Sheets matches names). */
  sheet: string;
  /** A cell or a block, A1 notation without a sheet. */
  a1: string;
  value: string;
}

/** Why an edit was refused, for a caller that words it itself (the CLI, in the workbook's language). */
export type EditRefusal =
  | { kind: 'noSheet' }
  | { kind: 'badCell' }
  /** The cell is beyond the tab's grid, which ends at `last` (A1). */
  | { kind: 'outsideGrid'; last: string }
  /** A protection the user is not an editor of covers the cell; `editors` may edit it (every protection covering it lists them). */
  | { kind: 'protected'; editors: string[] }
  /** A strict dropdown refuses the value; `items` are its choices. */
  | { kind: 'invalid'; items: string[] }
  | { kind: 'tooLong'; length: number; max: number };

/** A refused edit: Sheets' own words (`reason`, as the Sheets UI shows them) and what refused it. */
export type UserEditResult = { ok: true; warning?: string } | { ok: false; reason: string; refusal: EditRefusal };

/** The most characters Sheets takes in one cell. */
export const MAX_CELL_CHARACTERS = 50_000;
export const TOO_LONG_MESSAGE = `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`;

/** Sheets' warning for a warning-only protection. */
export const PROTECTION_WARNING = "You're trying to edit part of this sheet that shouldn't be changed accidentally.";
export const INVALID_LIST_ITEM = 'Input must be an item on the specified list.';

/** Why validation refuses the value in a cell (the message and the list's items), or a warning for a lenient rule. */
function validate(sheet: SheetModel, row: number, column: number, value: string): { refuse?: string; items?: string[]; warn?: string } {
  if (value === '') return {};
  const entry = [...sheet.dataValidations].reverse().find((v) => rangeContains(sheet, v.range, row, column));
  if (!entry) return {};
  // The add-on's dropdowns are lists of items (ONE_OF_LIST); a file's rule of another kind is not checked.
  if (entry.rule.condition.type !== 'ONE_OF_LIST') return {};
  const items = (entry.rule.condition.values ?? []).map((v) => v.userEnteredValue);
  const wanted = value.trim().toLowerCase();
  if (items.some((item) => item.trim().toLowerCase() === wanted)) return {};
  return entry.rule.strict ? { refuse: INVALID_LIST_ITEM, items } : { warn: INVALID_LIST_ITEM };
}

/** Who may edit every cell of the block: the editors every strict protection covering it lists (the owner first). */
function editorsOf(workbook: WorkbookModel, sheet: SheetModel, ...block: [number, number, number, number]): string[] {
  const strict = protectionsAgainst(workbook, '', sheet, ...block).filter((p) => !p.warningOnly);
  const lists = strict.map((p) => protectionEditors(workbook, p));
  const [first = [workbook.owner], ...rest] = lists;
  return first.filter((user) => rest.every((list) => list.some((u) => u.toLowerCase() === user.toLowerCase())));
}

export function applyUserEdit(ctx: ServiceContext, engine: FormulaEngine, edit: UserEdit): UserEditResult {
  const workbook = ctx.workbook;
  const unparsable = `Unable to parse range: ${edit.sheet}!${edit.a1}`;
  const sheet = sheetByTitle(workbook, edit.sheet);
  if (!sheet) return { ok: false, reason: unparsable, refusal: { kind: 'noSheet' } };
  let range;
  try {
    range = parseA1Range(edit.a1);
  } catch {
    return { ok: false, reason: unparsable, refusal: { kind: 'badCell' } };
  }
  // A word that is no cell reads as a sheet name ('ZZZZ99999999': a column past ZZZ, beyond any grid); row 0 is none.
  const last = formatA1(sheet.rowCount - 1, sheet.columnCount - 1);
  if (range.sheetName !== undefined) {
    return { ok: false, reason: unparsable, refusal: /^[A-Za-z]+\d+$/.test(edit.a1.trim()) ? { kind: 'outsideGrid', last } : { kind: 'badCell' } };
  }
  if ((range.startRow ?? 0) < 0) return { ok: false, reason: unparsable, refusal: { kind: 'badCell' } };
  const top = range.startRow ?? 0;
  const left = range.startColumn ?? 0;
  const height = (range.endRow ?? sheet.rowCount) - top;
  const width = (range.endColumn ?? sheet.columnCount) - left;
  if (top + height > sheet.rowCount || left + width > sheet.columnCount) {
    return { ok: false, reason: unparsable, refusal: { kind: 'outsideGrid', last } };
  }
  if (edit.value.length > MAX_CELL_CHARACTERS) {
    return { ok: false, reason: TOO_LONG_MESSAGE, refusal: { kind: 'tooLong', length: edit.value.length, max: MAX_CELL_CHARACTERS } };
  }

  const against = protectionsAgainst(workbook, edit.user, sheet, top, left, height, width);
  if (against.some((p) => !p.warningOnly)) {
    return { ok: false, reason: PROTECTED_CELL_MESSAGE, refusal: { kind: 'protected', editors: editorsOf(workbook, sheet, top, left, height, width) } };
  }
  const warnings = against.length > 0 ? [PROTECTION_WARNING] : [];
  for (let r = top; r < top + height; r += 1) {
    for (let c = left; c < left + width; c += 1) {
      const check = validate(sheet, r, c, edit.value);
      if (check.refuse) return { ok: false, reason: check.refuse, refusal: { kind: 'invalid', items: check.items ?? [] } };
      if (check.warn && !warnings.includes(check.warn)) warnings.push(check.warn);
    }
  }
  engine.editor.enterValues(sheet, top, left, height, width, () => edit.value);
  return warnings.length > 0 ? { ok: true, warning: warnings.join(' ') } : { ok: true };
}
