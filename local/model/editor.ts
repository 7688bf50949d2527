// Every change to a workbook's structure or content goes through WorkbookEditor, so that the
// formula engine (the listener) follows it and both SpreadsheetApp and the Sheets API apply the
// same rules. Without a listener it edits a bare model (the dry run of an atomic batchUpdate).
import {
  allocateId,
  assertGridLimit,
  cloneRows,
  defaultSheetName,
  emptySheet,
  sheetById,
  sheetNameProblem,
  userEnteredToCell,
  type EnteredContent,
} from './workbook';
import type { CellData, GridRange, SheetModel, WorkbookModel } from './types';

export type Dimension = 'ROWS' | 'COLUMNS';

export interface ModelListener {
  /** Content (value or formula) of the block changed in the model. */
  contentChanged(sheet: SheetModel, top: number, left: number, height: number, width: number): void;
  sheetAdded(sheet: SheetModel): void;
  sheetRemoved(sheet: SheetModel): void;
  sheetRenamed(sheet: SheetModel, oldTitle: string): void;
  /** `count` rows/columns inserted at `start` (count > 0) or deleted from `start` (count < 0). */
  dimensionChanged(sheet: SheetModel, dimension: Dimension, start: number, count: number): void;
}

/**
 * Told of each change the editor makes, in order, once it is made in the model and before the
 * listener reacts to it (the durable journal of local/journal.ts), and of the formulas the
 * listener then rewrites (references that moved with rows, columns or a sheet's name); rows or
 * columns appended are an insertion at the end. What the editor does not change (protections,
 * validations, metadata …) it is not told of.
 */
export interface EditObserver extends Pick<ModelListener, 'sheetAdded' | 'sheetRemoved' | 'dimensionChanged'> {
  /** The cells of the block were rewritten (content, format or note). */
  cellsUpdated(sheet: SheetModel, top: number, left: number, height: number, width: number): void;
}

export interface AddSheetOptions {
  title?: string;
  sheetId?: number;
  rowCount?: number;
  columnCount?: number;
  hidden?: boolean;
  frozenRowCount?: number;
}

/** Sheets' text when the last sheet would go. */
export const LAST_SHEET_MESSAGE = "You can't remove all the sheets in a document.";

export class WorkbookEditor {
  /** Hears every change (the runtime's journal, when the workbook has one). */
  observer?: EditObserver;

  constructor(
    readonly workbook: WorkbookModel,
    private readonly listener?: ModelListener,
  ) {}

  sheet(sheetId: number): SheetModel {
    const sheet = sheetById(this.workbook, sheetId);
    if (!sheet) throw new Error(`No grid with id: ${sheetId}`);
    return sheet;
  }

  addSheet(options: AddSheetOptions = {}): SheetModel {
    const title = options.title ?? defaultSheetName(this.workbook);
    const problem = sheetNameProblem(this.workbook, title);
    if (problem) throw new Error(problem);
    if (options.sheetId !== undefined && sheetById(this.workbook, options.sheetId)) {
      throw new Error(`A sheet with id ${options.sheetId} already exists.`);
    }
    const sheet = emptySheet(options.sheetId ?? allocateId(this.workbook), title, options.rowCount, options.columnCount);
    assertGridLimit(this.workbook, sheet.rowCount * sheet.columnCount);
    if (options.sheetId !== undefined && options.sheetId >= this.workbook.nextId) this.workbook.nextId = options.sheetId + 1;
    sheet.hidden = options.hidden ?? false;
    sheet.frozenRowCount = options.frozenRowCount ?? 0;
    this.workbook.sheets.push(sheet);
    this.observer?.sheetAdded(sheet);
    this.listener?.sheetAdded(sheet);
    return sheet;
  }

  /**
   * A copy of a sheet, added last: content (formulas as written), formats, notes, column widths,
   * frozen rows/columns, merges, data validations and conditional formats, rebound to the copy
   * (`newId`, else a new id). Not copied: protections and developer metadata (they belong to the
   * original). A sheet with charts is refused: no copy the add-on or the bench makes holds one.
   */
  copySheet(sourceId: number, title: string, newId?: number): SheetModel {
    const source = this.sheet(sourceId);
    const problem = sheetNameProblem(this.workbook, title);
    if (problem) throw new Error(problem);
    if (newId !== undefined && sheetById(this.workbook, newId)) throw new Error(`A sheet with id ${newId} already exists.`);
    assertGridLimit(this.workbook, source.rowCount * source.columnCount);
    if (source.charts.length > 0) throw new Error('Not implemented in the local runtime: Sheet.copyTo of a sheet with charts');
    if (newId !== undefined && newId >= this.workbook.nextId) this.workbook.nextId = newId + 1;
    const sheetId = newId ?? allocateId(this.workbook);
    const rebind = (range: GridRange): GridRange => ({ ...range, sheetId });
    const copy: SheetModel = {
      ...emptySheet(sheetId, title, source.rowCount, source.columnCount),
      frozenRowCount: source.frozenRowCount,
      frozenColumnCount: source.frozenColumnCount,
      ...(source.tabColor !== undefined && { tabColor: source.tabColor }),
      // Spilled values come along as cells; the engine clears them and computes the copy's own.
      rows: cloneRows(source.rows),
      columnWidths: { ...source.columnWidths },
      merges: source.merges.map(rebind),
      dataValidations: source.dataValidations.map((v) => ({ range: rebind(v.range), rule: structuredClone(v.rule) })),
      conditionalFormats: source.conditionalFormats.map((rule) => ({ ...structuredClone(rule), ranges: rule.ranges.map(rebind) })),
    };
    this.workbook.sheets.push(copy);
    this.observer?.sheetAdded(copy);
    this.listener?.sheetAdded(copy);
    return copy;
  }

  deleteSheet(sheetId: number): void {
    const sheet = this.sheet(sheetId);
    if (this.workbook.sheets.length === 1) throw new Error(LAST_SHEET_MESSAGE);
    this.workbook.sheets = this.workbook.sheets.filter((s) => s !== sheet);
    this.observer?.sheetRemoved(sheet);
    this.listener?.sheetRemoved(sheet);
  }

  renameSheet(sheetId: number, title: string): void {
    const sheet = this.sheet(sheetId);
    if (sheet.title === title) return;
    const problem = sheetNameProblem(this.workbook, title, sheetId);
    if (problem) throw new Error(problem);
    const oldTitle = sheet.title;
    sheet.title = title;
    this.listener?.sheetRenamed(sheet, oldTitle);
  }

  /**
   * Rewrites each cell of a block through `update` (which returns the new cell or undefined for
   * an empty one). `content` says whether values/formulas may have changed (not just formats).
   */
  updateCells(
    sheet: SheetModel,
    top: number,
    left: number,
    height: number,
    width: number,
    update: (old: CellData | undefined, row: number, column: number) => CellData | undefined,
    content: boolean,
  ): void {
    for (let r = top; r < top + height; r += 1) {
      let row = sheet.rows[r];
      for (let c = left; c < left + width; c += 1) {
        const next = update(row?.[c], r, c);
        if (next === undefined && row?.[c] === undefined) continue;
        if (!row) {
          row = [];
          sheet.rows[r] = row;
        }
        row[c] = next && Object.keys(next).length > 0 ? next : undefined;
      }
    }
    if (height <= 0 || width <= 0) return;
    this.observer?.cellsUpdated(sheet, top, left, height, width);
    if (content) this.listener?.contentChanged(sheet, top, left, height, width);
  }

  /** Writes entered content (value or formula, with the number format the input implies) into a block; formats and notes stay. */
  writeContent(sheet: SheetModel, top: number, left: number, grid: EnteredContent[][]): void {
    const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
    this.updateCells(
      sheet,
      top,
      left,
      grid.length,
      width,
      (old, r, c) => {
        const entered = grid[r - top][c - left];
        if (entered === undefined) return old;
        return withContent(old, entered);
      },
      true,
    );
  }

  /** Enters values as typed (USER_ENTERED) into a block; each cell's number format says how its text is read. */
  enterValues(sheet: SheetModel, top: number, left: number, height: number, width: number, valueAt: (i: number, j: number) => unknown): void {
    const currentFormat = (i: number, j: number) => sheet.rows[top + i]?.[left + j]?.format?.numberFormat;
    const grid = Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => userEnteredToCell(valueAt(i, j), { timeZone: this.workbook.timeZone, currentFormat: currentFormat(i, j) })),
    );
    this.writeContent(sheet, top, left, grid);
  }

  insertDimension(sheet: SheetModel, dimension: Dimension, start: number, count: number): void {
    if (count <= 0) return;
    assertGridLimit(this.workbook, count * (dimension === 'ROWS' ? sheet.columnCount : sheet.rowCount));
    if (dimension === 'ROWS') {
      if (start < sheet.rows.length) sheet.rows.splice(start, 0, ...new Array<CellData[]>(count));
      sheet.rowCount += count;
    } else {
      for (const row of sheet.rows) if (row && start < row.length) row.splice(start, 0, ...new Array<CellData | undefined>(count));
      sheet.columnCount += count;
      sheet.columnWidths = shiftKeys(sheet.columnWidths, (i) => (i >= start ? i + count : i));
    }
    shiftSheetRanges(sheet, dimension, (index, isEnd) => (index > start || (!isEnd && index === start) ? index + count : index));
    this.observer?.dimensionChanged(sheet, dimension, start, count);
    this.listener?.dimensionChanged(sheet, dimension, start, count);
  }

  deleteDimension(sheet: SheetModel, dimension: Dimension, start: number, end: number): void {
    const size = dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount;
    const stop = Math.min(end, size);
    if (stop <= start) return;
    if (start === 0 && stop === size) {
      throw new Error(dimension === 'ROWS' ? "You can't delete all the rows on the sheet." : "You can't delete all the columns on the sheet.");
    }
    const count = stop - start;
    if (dimension === 'ROWS') {
      sheet.rows.splice(start, count);
      sheet.rowCount -= count;
    } else {
      for (const row of sheet.rows) if (row) row.splice(start, count);
      sheet.columnCount -= count;
      sheet.columnWidths = shiftKeys(sheet.columnWidths, (i) => (i < start ? i : i >= stop ? i - count : undefined));
    }
    shiftSheetRanges(sheet, dimension, (index) => (index <= start ? index : index >= stop ? index - count : start));
    this.observer?.dimensionChanged(sheet, dimension, start, -count);
    this.listener?.dimensionChanged(sheet, dimension, start, -count);
  }

  appendDimension(sheet: SheetModel, dimension: Dimension, length: number): void {
    if (length <= 0) return;
    assertGridLimit(this.workbook, length * (dimension === 'ROWS' ? sheet.columnCount : sheet.rowCount));
    if (dimension === 'ROWS') sheet.rowCount += length;
    else sheet.columnCount += length;
    this.observer?.dimensionChanged(sheet, dimension, (dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount) - length, length);
  }
}

/** The cell with its content replaced by `entered`; format, note stay; a number format the input implies is applied. */
export function withContent(old: CellData | undefined, entered: EnteredContent): CellData | undefined {
  const next: CellData = {};
  if (old?.format) next.format = { ...old.format };
  if (old?.note !== undefined) next.note = old.note;
  if (entered.formula !== undefined) next.formula = entered.formula;
  else if (entered.value !== undefined) next.value = entered.value;
  if (entered.numberFormat) next.format = { ...next.format, numberFormat: entered.numberFormat };
  return Object.keys(next).length > 0 ? next : undefined;
}

function shiftKeys(map: Record<number, number>, move: (index: number) => number | undefined): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(map)) {
    const to = move(Number(k));
    if (to !== undefined) out[to] = v;
  }
  return out;
}

type MoveIndex = (index: number, isEnd: boolean) => number;

/** The range after rows/columns moved; undefined when nothing of it is left. */
function shiftRange(range: GridRange, dimension: Dimension, move: MoveIndex): GridRange | undefined {
  const [startKey, endKey] = dimension === 'ROWS' ? (['startRowIndex', 'endRowIndex'] as const) : (['startColumnIndex', 'endColumnIndex'] as const);
  const next = { ...range };
  const start = range[startKey];
  const end = range[endKey];
  if (start !== undefined) next[startKey] = move(start, false);
  if (end !== undefined) next[endKey] = move(end, true);
  if ((next[startKey] ?? 0) >= (next[endKey] ?? Infinity)) return undefined;
  return next;
}

/** Keeps every range-anchored object of the sheet on the same cells after rows/columns moved. */
function shiftSheetRanges(sheet: SheetModel, dimension: Dimension, move: MoveIndex): void {
  const shift = (r: GridRange) => (r.sheetId === sheet.sheetId ? shiftRange(r, dimension, move) : r);
  sheet.merges = sheet.merges.map(shift).filter((r): r is GridRange => r !== undefined);
  sheet.dataValidations = sheet.dataValidations.flatMap((v) => {
    const range = shift(v.range);
    return range ? [{ ...v, range }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
    const ranges = rule.ranges.map(shift).filter((r): r is GridRange => r !== undefined);
    return ranges.length > 0 ? [{ ...rule, ranges }] : [];
  });
  sheet.protectedRanges = sheet.protectedRanges.flatMap((p) => {
    const range = shift(p.range);
    if (!range) return [];
    const next = { ...p, range };
    if (p.unprotectedRanges) next.unprotectedRanges = p.unprotectedRanges.map(shift).filter((r): r is GridRange => r !== undefined);
    return [next];
  });
  for (const chart of sheet.charts) {
    const key = dimension === 'ROWS' ? 'rowIndex' : 'columnIndex';
    chart.anchor[key] = move(chart.anchor[key], false);
  }
}
