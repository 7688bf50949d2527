// SpreadsheetApp's Range over the model: reads come from the model (computed values included),
// writes go through the engine's editor with USER_ENTERED semantics and the acting user's protections.
import { formatCellValue } from '../../model/number-format';
import type { CellData, CellFormat, DataValidationRule, GridRange, SheetModel } from '../../model/types';
import {
  allocateId,
  formatA1,
  isDateFormat,
  rangesIntersect,
  serialToEpochMs,
  subtractRange,
  userEnteredToCell,
  type EnteredContent,
} from '../../model/workbook';
import { loud } from './loud';
import type { Access, CallKind } from './access';
import { addDeveloperMetadata, createFinder, dimensionLocationOf, type LocalDeveloperMetadata } from './metadata';
import { LocalProtection } from './protection';
import { LocalSheet } from './sheet';
import { LocalDataValidation } from './validation';

type Grid<T> = T[][];

/** Apps Script's message when a 2-D array does not fit the range. */
export function dimensionMismatch(what: 'rows' | 'columns', data: number, range: number): string {
  return `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`;
}

export class LocalRange {
  constructor(
    private readonly a: Access,
    readonly sheet: SheetModel,
    /** Zero-based top row and left column. */
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    return loud(this, 'Range');
  }

  get gridRange(): GridRange {
    return {
      sheetId: this.sheet.sheetId,
      startRowIndex: this.row,
      endRowIndex: this.row + this.numRows,
      startColumnIndex: this.column,
      endColumnIndex: this.column + this.numColumns,
    };
  }

  private get cellCount(): number {
    return this.numRows * this.numColumns;
  }

  private meta(method: string): void {
    this.a.call('Range', method, 'metadata');
  }

  // --- geometry --------------------------------------------------------------------------------

  getA1Notation(): string {
    this.meta('getA1Notation');
    return formatA1(this.row, this.column, this.numRows, this.numColumns);
  }
  getRow(): number {
    this.meta('getRow');
    return this.row + 1;
  }
  getRowIndex(): number {
    return this.getRow();
  }
  getColumn(): number {
    this.meta('getColumn');
    return this.column + 1;
  }
  getNumRows(): number {
    this.meta('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.meta('getNumColumns');
    return this.numColumns;
  }
  getLastRow(): number {
    this.meta('getLastRow');
    return this.row + this.numRows;
  }
  getLastColumn(): number {
    this.meta('getLastColumn');
    return this.column + this.numColumns;
  }
  getSheet(): LocalSheet {
    this.meta('getSheet');
    return new LocalSheet(this.a, this.sheet);
  }
  getGridId(): number {
    this.meta('getGridId');
    return this.sheet.sheetId;
  }

  offset(rowOffset: number, columnOffset: number, numRows = this.numRows, numColumns = this.numColumns): LocalRange {
    this.meta('offset');
    return new LocalSheet(this.a, this.sheet).rangeAt(this.row + rowOffset, this.column + columnOffset, numRows, numColumns);
  }

  activate(): this {
    this.meta('activate');
    this.a.activeSheetId = this.sheet.sheetId;
    return this;
  }

  // --- reads -----------------------------------------------------------------------------------

  private mapCells<T>(method: string, read: (cell: CellData | undefined) => T, kind: CallKind = 'read'): Grid<T> {
    this.a.call('Range', method, kind, this.cellCount);
    const out: Grid<T> = [];
    for (let i = 0; i < this.numRows; i += 1) {
      const line = this.sheet.rows[this.row + i];
      const row: T[] = [];
      for (let j = 0; j < this.numColumns; j += 1) row.push(read(line?.[this.column + j]));
      out.push(row);
    }
    return this.a.grid(out);
  }

  /** A cell's value as Apps Script returns it: number, boolean, string, a Date for date-formatted numbers, '' when empty. */
  private scriptValue = (cell: CellData | undefined): unknown => {
    const value = cell?.value;
    if (value === undefined) return '';
    if (typeof value === 'number' && isDateFormat(cell?.format?.numberFormat)) {
      return new this.a.ctx.realm.Date(serialToEpochMs(value, this.a.workbook.timeZone));
    }
    return value;
  };

  private displayValue = (cell: CellData | undefined): string => formatCellValue(cell?.value, cell?.format?.numberFormat, this.a.workbook.locale);

  getValues(): Grid<unknown> {
    return this.mapCells('getValues', this.scriptValue);
  }
  getValue(): unknown {
    return this.topLeft().mapCells('getValue', this.scriptValue)[0][0];
  }
  getDisplayValues(): Grid<string> {
    return this.mapCells('getDisplayValues', this.displayValue);
  }
  getDisplayValue(): string {
    return this.topLeft().mapCells('getDisplayValue', this.displayValue)[0][0];
  }
  getFormulas(): Grid<string> {
    return this.mapCells('getFormulas', (c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this.topLeft().mapCells('getFormula', (c) => c?.formula ?? '')[0][0];
  }
  getNumberFormats(): Grid<string> {
    return this.mapCells('getNumberFormats', (c) => c?.format?.numberFormat ?? 'General');
  }
  getNumberFormat(): string {
    return this.topLeft().mapCells('getNumberFormat', (c) => c?.format?.numberFormat ?? 'General')[0][0];
  }
  getBackgrounds(): Grid<string> {
    return this.mapCells('getBackgrounds', (c) => c?.format?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this.topLeft().mapCells('getBackground', (c) => c?.format?.background ?? '#ffffff')[0][0];
  }
  getFontWeights(): Grid<string> {
    return this.mapCells('getFontWeights', (c) => (c?.format?.bold ? 'bold' : 'normal'));
  }
  getFontWeight(): string {
    return this.topLeft().mapCells('getFontWeight', (c) => (c?.format?.bold ? 'bold' : 'normal'))[0][0];
  }
  getFontColors(): Grid<string> {
    return this.mapCells('getFontColors', (c) => c?.format?.fontColor ?? '#000000');
  }
  getNotes(): Grid<string> {
    return this.mapCells('getNotes', (c) => c?.note ?? '');
  }
  getNote(): string {
    return this.topLeft().mapCells('getNote', (c) => c?.note ?? '')[0][0];
  }
  getWraps(): Grid<boolean> {
    return this.mapCells('getWraps', (c) => c?.format?.wrap ?? false);
  }
  getHorizontalAlignments(): Grid<string> {
    return this.mapCells('getHorizontalAlignments', (c) => (c?.format?.horizontalAlignment ?? 'general').toLowerCase());
  }
  isBlank(): boolean {
    return this.mapCells('isBlank', (c) => c?.value === undefined && c?.formula === undefined).every((row) => row.every(Boolean));
  }

  private topLeft(): LocalRange {
    return new LocalRange(this.a, this.sheet, this.row, this.column, 1, 1);
  }

  // --- writes ----------------------------------------------------------------------------------

  private checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw this.a.error(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (values.length !== this.numRows) throw this.a.error(dimensionMismatch('rows', values.length, this.numRows));
    for (const row of values as unknown[][]) {
      if (row.length !== this.numColumns) throw this.a.error(dimensionMismatch('columns', row.length, this.numColumns));
    }
    return values as unknown[][];
  }

  private writeEntered(method: string, kind: CallKind, enter: (i: number, j: number, current: CellData | undefined) => EnteredContent): this {
    this.a.call('Range', method, kind, this.cellCount);
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    const grid: EnteredContent[][] = [];
    for (let i = 0; i < this.numRows; i += 1) {
      const row: EnteredContent[] = [];
      for (let j = 0; j < this.numColumns; j += 1) row.push(enter(i, j, this.sheet.rows[this.row + i]?.[this.column + j]));
      grid.push(row);
    }
    this.a.editor.writeContent(this.sheet, this.row, this.column, grid);
    return this;
  }

  private entered(value: unknown, current: CellData | undefined): EnteredContent {
    return userEnteredToCell(value, { timeZone: this.a.workbook.timeZone, currentFormat: current?.format?.numberFormat });
  }

  setValues(values: unknown[][]): this {
    const grid = this.checkGrid(values, 'setValues');
    return this.writeEntered('setValues', 'write', (i, j, cur) => this.entered(grid[i][j], cur));
  }
  setValue(value: unknown): this {
    return this.writeEntered('setValue', 'buffered', (_i, _j, cur) => this.entered(value, cur));
  }
  setFormulas(formulas: string[][]): this {
    const grid = this.checkGrid(formulas, 'setFormulas');
    return this.writeEntered('setFormulas', 'write', (i, j, cur) => this.entered(grid[i][j], cur));
  }
  setFormula(formula: string): this {
    return this.writeEntered('setFormula', 'buffered', (_i, _j, cur) => this.entered(formula, cur));
  }
  clearContent(): this {
    return this.writeEntered('clearContent', 'write', () => ({}));
  }

  /** Writes a per-cell property (format or note) without touching content. */
  private writeProperty<T>(method: string, kind: CallKind, value: (i: number, j: number) => T, apply: (cell: CellData, v: T) => void): this {
    this.a.call('Range', method, kind, this.cellCount);
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    this.a.editor.updateCells(
      this.sheet,
      this.row,
      this.column,
      this.numRows,
      this.numColumns,
      (old, r, c) => {
        const cell: CellData = { ...old, ...(old?.format ? { format: { ...old.format } } : {}) };
        apply(cell, value(r - this.row, c - this.column));
        if (cell.format && Object.keys(cell.format).length === 0) delete cell.format;
        return cell;
      },
      false,
    );
    return this;
  }

  private formatSetters<K extends keyof CellFormat>(single: string, plural: string, key: K, convert: (v: unknown) => CellFormat[K] | undefined) {
    const apply = (cell: CellData, v: unknown) => {
      const next = convert(v);
      cell.format = { ...cell.format };
      if (next === undefined) delete cell.format[key];
      else cell.format[key] = next;
    };
    return {
      one: (value: unknown) => this.writeProperty(single, 'buffered', () => value, apply),
      many: (values: unknown[][]) => {
        const grid = this.checkGrid(values, plural);
        return this.writeProperty(plural, 'write', (i, j) => grid[i][j], apply);
      },
    };
  }

  private readonly numberFormats = this.formatSetters('setNumberFormat', 'setNumberFormats', 'numberFormat', (v) => (v ? String(v) : undefined));
  private readonly backgrounds = this.formatSetters('setBackground', 'setBackgrounds', 'background', (v) => (v ? String(v) : undefined));
  private readonly fontColors = this.formatSetters('setFontColor', 'setFontColors', 'fontColor', (v) => (v ? String(v) : undefined));
  private readonly fontWeights = this.formatSetters('setFontWeight', 'setFontWeights', 'bold', (v) => (v === 'bold' ? true : undefined));
  private readonly fontStyles = this.formatSetters('setFontStyle', 'setFontStyles', 'italic', (v) => (v === 'italic' ? true : undefined));
  private readonly wraps = this.formatSetters('setWrap', 'setWraps', 'wrap', (v) => (v ? true : undefined));
  private readonly horizontal = this.formatSetters('setHorizontalAlignment', 'setHorizontalAlignments', 'horizontalAlignment', (v) => {
    const name = String(v ?? '').toUpperCase();
    return name === 'LEFT' || name === 'CENTER' || name === 'RIGHT' ? name : undefined;
  });
  private readonly vertical = this.formatSetters('setVerticalAlignment', 'setVerticalAlignments', 'verticalAlignment', (v) => {
    const name = String(v ?? '').toUpperCase();
    return name === 'TOP' || name === 'MIDDLE' || name === 'BOTTOM' ? name : undefined;
  });

  setNumberFormat(format: string): this {
    return this.numberFormats.one(format);
  }
  setNumberFormats(formats: string[][]): this {
    return this.numberFormats.many(formats);
  }
  setBackground(color: string | null): this {
    return this.backgrounds.one(color);
  }
  setBackgrounds(colors: string[][]): this {
    return this.backgrounds.many(colors);
  }
  setFontColor(color: string | null): this {
    return this.fontColors.one(color);
  }
  setFontColors(colors: string[][]): this {
    return this.fontColors.many(colors);
  }
  setFontWeight(weight: string | null): this {
    return this.fontWeights.one(weight);
  }
  setFontWeights(weights: string[][]): this {
    return this.fontWeights.many(weights);
  }
  setFontStyle(style: string | null): this {
    return this.fontStyles.one(style);
  }
  setWrap(wrap: boolean): this {
    return this.wraps.one(wrap);
  }
  setWraps(wraps: boolean[][]): this {
    return this.wraps.many(wraps);
  }
  setWrapStrategy(strategy: unknown): this {
    return this.wraps.one(String(strategy) === 'WRAP');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.horizontal.one(alignment);
  }
  setHorizontalAlignments(alignments: string[][]): this {
    return this.horizontal.many(alignments);
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.vertical.one(alignment);
  }

  setNote(note: string | null): this {
    return this.writeProperty('setNote', 'buffered', () => note, applyNote);
  }
  setNotes(notes: (string | null)[][]): this {
    const grid = this.checkGrid(notes, 'setNotes');
    return this.writeProperty('setNotes', 'write', (i, j) => grid[i][j], applyNote);
  }
  clearNote(): this {
    return this.writeProperty('clearNote', 'write', () => null, applyNote);
  }
  clearFormat(): this {
    return this.writeProperty('clearFormat', 'write', () => undefined, (cell) => delete cell.format);
  }
  clear(): this {
    this.clearContent();
    return this.clearFormat();
  }

  // --- validation, protection, merges, metadata ------------------------------------------------

  setDataValidation(rule: LocalDataValidation | null): this {
    this.a.call('Range', 'setDataValidation', 'structural', this.cellCount);
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    this.replaceValidations(rule ? [{ range: this.gridRange, rule: rule.toModel() }] : []);
    return this;
  }

  setDataValidations(rules: (LocalDataValidation | null)[][]): this {
    const grid = this.checkGrid(rules, 'setDataValidations') as (LocalDataValidation | null)[][];
    this.a.call('Range', 'setDataValidations', 'structural', this.cellCount);
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    const entries = grid.flatMap((row, i) =>
      row.flatMap((rule, j) => {
        if (!rule) return [];
        const range = { sheetId: this.sheet.sheetId, startRowIndex: this.row + i, endRowIndex: this.row + i + 1, startColumnIndex: this.column + j, endColumnIndex: this.column + j + 1 };
        return [{ range, rule: rule.toModel() }];
      }),
    );
    this.replaceValidations(entries);
    return this;
  }

  clearDataValidations(): this {
    this.a.call('Range', 'clearDataValidations', 'structural', this.cellCount);
    this.replaceValidations([]);
    return this;
  }

  private replaceValidations(entries: { range: GridRange; rule: DataValidationRule }[]): void {
    const block = this.gridRange;
    this.sheet.dataValidations = [
      ...this.sheet.dataValidations.flatMap((v) => subtractRange(this.sheet, v.range, block).map((range) => ({ range, rule: v.rule }))),
      ...entries,
    ];
  }

  getDataValidations(): Grid<LocalDataValidation | null> {
    return this.mapCells('getDataValidations', () => null).map((row, i) =>
      this.a.list(row.map((_, j) => this.validationAt(this.row + i, this.column + j))),
    );
  }

  getDataValidation(): LocalDataValidation | null {
    this.a.call('Range', 'getDataValidation', 'read', 1);
    return this.validationAt(this.row, this.column);
  }

  private validationAt(row: number, column: number): LocalDataValidation | null {
    const hit = [...this.sheet.dataValidations].reverse().find((v) => rangesIntersect(this.sheet, v.range, { sheetId: this.sheet.sheetId, startRowIndex: row, endRowIndex: row + 1, startColumnIndex: column, endColumnIndex: column + 1 }));
    return hit ? LocalDataValidation.fromModel(this.a, hit.rule) : null;
  }

  protect(): LocalProtection {
    this.a.call('Range', 'protect', 'structural');
    const protection = { protectedRangeId: allocateId(this.a.workbook), range: this.gridRange, editors: { users: [] }, mirrorsFile: true };
    this.sheet.protectedRanges.push(protection);
    return new LocalProtection(this.a, this.sheet, protection);
  }

  merge(): this {
    this.a.call('Range', 'merge', 'structural');
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    const block = this.gridRange;
    this.sheet.merges = [...this.sheet.merges.filter((m) => !rangesIntersect(this.sheet, m, block)), block];
    return this;
  }

  breakApart(): this {
    this.a.call('Range', 'breakApart', 'structural');
    const block = this.gridRange;
    this.sheet.merges = this.sheet.merges.filter((m) => !rangesIntersect(this.sheet, m, block));
    return this;
  }

  addDeveloperMetadata(key: string, ...rest: unknown[]): this {
    this.a.call('Range', 'addDeveloperMetadata', 'structural');
    const location = dimensionLocationOf(this.a, this);
    addDeveloperMetadata(this.a, this.sheet.developerMetadata, location, key, rest);
    return this;
  }

  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().find();
  }

  createDeveloperMetadataFinder() {
    this.meta('createDeveloperMetadataFinder');
    return createFinder(this.a, { sheetId: this.sheet.sheetId, range: this.gridRange });
  }
}

function applyNote(cell: CellData, note: unknown): void {
  if (note === null || note === undefined || note === '') delete cell.note;
  else cell.note = String(note);
}
