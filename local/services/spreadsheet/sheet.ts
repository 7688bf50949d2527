// SpreadsheetApp's Sheet over a SheetModel.
import type { Dimension } from '../../model/editor';
import type { GridRange, SheetModel } from '../../model/types';
import { allocateId, copySheetName, isWholeSheet, parseA1Range, sheetById, sheetByTitle } from '../../model/workbook';
import { loud } from './loud';
import type { Access } from './access';
import { LocalEmbeddedChart, LocalEmbeddedChartBuilder } from './chart';
import { LocalConditionalFormatRule } from './conditional-format';
import { ProtectionType } from './enums';
import { addDeveloperMetadata, createFinder, type LocalDeveloperMetadata } from './metadata';
import { LocalProtection } from './protection';
import { insertionBlocking, PROTECTED_CELL_MESSAGE } from './protection-rules';
import { LocalRange } from './range';
import { LocalSpreadsheet } from './spreadsheet';

/** The façade range of a model GridRange, or undefined when its sheet is gone. */
export function rangeFromModel(a: Access, r: GridRange): LocalRange | undefined {
  const sheet = sheetById(a.workbook, r.sheetId);
  return sheet ? new LocalSheet(a, sheet).rangeOf(r) : undefined;
}

export class LocalRangeList {
  constructor(
    private readonly a: Access,
    private readonly ranges: LocalRange[],
  ) {
    return loud(this, 'RangeList');
  }
  getRanges(): LocalRange[] {
    return this.a.list(this.ranges);
  }
  setValue(value: unknown): this {
    this.ranges.forEach((r) => r.setValue(value));
    return this;
  }
  clearContent(): this {
    this.ranges.forEach((r) => r.clearContent());
    return this;
  }
  setBackground(color: string | null): this {
    this.ranges.forEach((r) => r.setBackground(color));
    return this;
  }
  setFontWeight(weight: string | null): this {
    this.ranges.forEach((r) => r.setFontWeight(weight));
    return this;
  }
  setNumberFormat(format: string): this {
    this.ranges.forEach((r) => r.setNumberFormat(format));
    return this;
  }
}

export class LocalSheet {
  constructor(
    private readonly a: Access,
    readonly model: SheetModel,
  ) {
    return loud(this, 'Sheet');
  }

  private meta(method: string): void {
    this.a.call('Sheet', method, 'metadata');
  }

  getName(): string {
    this.meta('getName');
    return this.model.title;
  }
  getSheetName(): string {
    return this.getName();
  }
  setName(name: string): this {
    this.a.call('Sheet', 'setName', 'buffered');
    this.a.run(() => this.a.editor.renameSheet(this.model.sheetId, String(name)));
    return this;
  }
  getSheetId(): number {
    this.meta('getSheetId');
    return this.model.sheetId;
  }
  getIndex(): number {
    this.meta('getIndex');
    return this.a.workbook.sheets.indexOf(this.model) + 1;
  }
  getParent(): LocalSpreadsheet {
    this.meta('getParent');
    return new LocalSpreadsheet(this.a);
  }
  getMaxRows(): number {
    this.meta('getMaxRows');
    return this.model.rowCount;
  }
  getMaxColumns(): number {
    this.meta('getMaxColumns');
    return this.model.columnCount;
  }
  getFrozenRows(): number {
    this.meta('getFrozenRows');
    return this.model.frozenRowCount;
  }
  getFrozenColumns(): number {
    this.meta('getFrozenColumns');
    return this.model.frozenColumnCount;
  }
  setFrozenRows(rows: number): void {
    this.a.call('Sheet', 'setFrozenRows', 'buffered');
    this.model.frozenRowCount = rows;
  }
  setFrozenColumns(columns: number): void {
    this.a.call('Sheet', 'setFrozenColumns', 'buffered');
    this.model.frozenColumnCount = columns;
  }
  getTabColor(): string | null {
    this.meta('getTabColor');
    return this.model.tabColor ?? null;
  }
  setTabColor(color: string | null): this {
    this.a.call('Sheet', 'setTabColor', 'buffered');
    if (color) this.model.tabColor = color;
    else delete this.model.tabColor;
    return this;
  }
  isSheetHidden(): boolean {
    this.meta('isSheetHidden');
    return this.model.hidden;
  }
  hideSheet(): this {
    this.a.call('Sheet', 'hideSheet', 'buffered');
    if (this.a.workbook.sheets.every((s) => s === this.model || s.hidden)) throw this.a.error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this;
  }
  showSheet(): this {
    this.a.call('Sheet', 'showSheet', 'buffered');
    this.model.hidden = false;
    return this;
  }
  /**
   * Copies the sheet into `spreadsheet` (the runtime serves one spreadsheet: this one). The copy
   * goes last, named "Copy of [original name]", with values, formulas, formats, validations and
   * conditional formats, but not the protections.
   */
  copyTo(spreadsheet: LocalSpreadsheet): LocalSheet {
    this.a.call('Sheet', 'copyTo', 'structural');
    if (!(spreadsheet instanceof LocalSpreadsheet)) {
      throw this.a.error(`The parameters (${typeof spreadsheet}) don't match the method signature for SpreadsheetApp.Sheet.copyTo.`);
    }
    const model = this.a.run(() => this.a.editor.copySheet(this.model.sheetId, copySheetName(this.a.workbook, this.model.title)));
    return new LocalSheet(this.a, model);
  }

  activate(): this {
    this.meta('activate');
    this.a.activeSheetId = this.model.sheetId;
    return this;
  }

  getColumnWidth(column: number): number {
    this.meta('getColumnWidth');
    return this.model.columnWidths[column - 1] ?? 100;
  }
  setColumnWidth(column: number, width: number): this {
    return this.setColumnWidths(column, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.a.call('Sheet', 'setColumnWidths', 'buffered');
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c += 1) this.model.columnWidths[c] = width;
    return this;
  }

  // --- ranges ----------------------------------------------------------------------------------

  /** A range by zero-based position, checked against the grid as Apps Script checks it. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number): LocalRange {
    if (row < 0) throw this.a.error('The starting row of the range is too small.');
    if (column < 0) throw this.a.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.a.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.a.error('The number of columns in the range must be at least 1.');
    if (row + numRows > this.model.rowCount || column + numColumns > this.model.columnCount) {
      throw this.a.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new LocalRange(this.a, this.model, row, column, numRows, numColumns);
  }

  /** The range a model GridRange of this sheet denotes, open ends closed to the grid. */
  rangeOf(r: GridRange): LocalRange {
    const top = r.startRowIndex ?? 0;
    const left = r.startColumnIndex ?? 0;
    return this.rangeAt(top, left, (r.endRowIndex ?? this.model.rowCount) - top, (r.endColumnIndex ?? this.model.columnCount) - left);
  }

  /** An A1 range of this sheet, open ends closed to the grid. */
  rangeA1(a1: string): LocalRange {
    const parsed = this.a.run(() => parseA1Range(a1));
    const sheet = parsed.sheetName === undefined ? this.model : sheetByTitle(this.a.workbook, parsed.sheetName);
    if (!sheet) throw this.a.error('Range not found');
    const target = sheet === this.model ? this : new LocalSheet(this.a, sheet);
    return target.rangeOf({
      sheetId: sheet.sheetId,
      startRowIndex: parsed.startRow,
      endRowIndex: parsed.endRow,
      startColumnIndex: parsed.startColumn,
      endColumnIndex: parsed.endColumn,
    });
  }

  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): LocalRange {
    this.meta('getRange');
    if (typeof a1OrRow === 'string') return this.rangeA1(a1OrRow);
    return this.rangeAt(a1OrRow - 1, (column ?? 1) - 1, numRows, numColumns);
  }

  getRangeList(a1Notations: string[]): LocalRangeList {
    this.meta('getRangeList');
    return new LocalRangeList(this.a, a1Notations.map((a1) => this.rangeA1(a1)));
  }

  private lastContent(): { row: number; column: number } {
    let row = 0;
    let column = 0;
    this.model.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (cell && (cell.value !== undefined || cell.formula !== undefined)) {
          row = Math.max(row, r + 1);
          column = Math.max(column, c + 1);
        }
      }),
    );
    return { row, column };
  }

  getLastRow(): number {
    this.a.call('Sheet', 'getLastRow', 'read');
    return this.lastContent().row;
  }
  getLastColumn(): number {
    this.a.call('Sheet', 'getLastColumn', 'read');
    return this.lastContent().column;
  }
  getDataRange(): LocalRange {
    this.a.call('Sheet', 'getDataRange', 'read');
    const last = this.lastContent();
    return this.rangeAt(0, 0, Math.max(1, last.row), Math.max(1, last.column));
  }

  appendRow(values: unknown[]): this {
    this.a.call('Sheet', 'appendRow', 'write', values.length);
    const row = this.lastContent().row;
    this.a.run(() => {
      if (row >= this.model.rowCount) this.a.editor.appendDimension(this.model, 'ROWS', row + 1 - this.model.rowCount);
      if (values.length > this.model.columnCount) this.a.editor.appendDimension(this.model, 'COLUMNS', values.length - this.model.columnCount);
    });
    new LocalRange(this.a, this.model, row, 0, 1, values.length).setValues([values]);
    return this;
  }

  clear(): this {
    this.a.call('Sheet', 'clear', 'write');
    this.rangeAt(0, 0, this.model.rowCount, this.model.columnCount).clear();
    return this;
  }
  clearContents(): this {
    this.a.call('Sheet', 'clearContents', 'write');
    this.rangeAt(0, 0, this.model.rowCount, this.model.columnCount).clearContent();
    return this;
  }
  clearFormats(): this {
    this.a.call('Sheet', 'clearFormats', 'write');
    this.rangeAt(0, 0, this.model.rowCount, this.model.columnCount).clearFormat();
    return this;
  }

  // --- rows and columns ------------------------------------------------------------------------

  private insert(method: string, dimension: Dimension, start: number, count: number): this {
    this.a.call('Sheet', method, 'structural');
    const size = dimension === 'ROWS' ? this.model.rowCount : this.model.columnCount;
    if (start < 0 || start > size) throw this.a.error(`Those ${dimension === 'ROWS' ? 'rows' : 'columns'} are out of bounds.`);
    if (insertionBlocking(this.a.workbook, this.a.ctx.user, this.model, dimension, start)) throw this.a.error(PROTECTED_CELL_MESSAGE);
    this.a.run(() => this.a.editor.insertDimension(this.model, dimension, start, count));
    return this;
  }

  private remove(method: string, dimension: Dimension, start: number, count: number): void {
    this.a.call('Sheet', method, 'structural');
    const size = dimension === 'ROWS' ? this.model.rowCount : this.model.columnCount;
    if (start < 0 || start + count > size) throw this.a.error(`Those ${dimension === 'ROWS' ? 'rows' : 'columns'} are out of bounds.`);
    if (dimension === 'ROWS') this.a.assertEditable(this.model, start, 0, count, this.model.columnCount);
    else this.a.assertEditable(this.model, 0, start, this.model.rowCount, count);
    this.a.run(() => this.a.editor.deleteDimension(this.model, dimension, start, start + count));
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insert('insertRows', 'ROWS', rowIndex - 1, numRows);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insert('insertRowsBefore', 'ROWS', beforePosition - 1, howMany);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insert('insertRowsAfter', 'ROWS', afterPosition, howMany);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insert('insertRowBefore', 'ROWS', beforePosition - 1, 1);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insert('insertRowAfter', 'ROWS', afterPosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insert('insertColumns', 'COLUMNS', columnIndex - 1, numColumns);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insert('insertColumnsBefore', 'COLUMNS', beforePosition - 1, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insert('insertColumnsAfter', 'COLUMNS', afterPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this.remove('deleteRow', 'ROWS', rowPosition - 1, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('deleteRows', 'ROWS', rowPosition - 1, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.remove('deleteColumn', 'COLUMNS', columnPosition - 1, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('deleteColumns', 'COLUMNS', columnPosition - 1, howMany);
  }

  // --- protections, metadata, conditional formats, charts --------------------------------------

  protect(): LocalProtection {
    this.a.call('Sheet', 'protect', 'structural');
    const protection = { protectedRangeId: allocateId(this.a.workbook), range: { sheetId: this.model.sheetId }, editors: { users: [] }, mirrorsFile: true };
    this.model.protectedRanges.push(protection);
    return new LocalProtection(this.a, this.model, protection);
  }

  getProtections(type: unknown): LocalProtection[] {
    this.a.call('Sheet', 'getProtections', 'read');
    return this.a.list(this.protectionsOf(type));
  }

  /** This sheet's protections of a ProtectionType (SHEET: the sheet protection; RANGE: range protections). */
  protectionsOf(type: unknown): LocalProtection[] {
    const wantSheet = String(type) === String(ProtectionType.SHEET);
    return this.model.protectedRanges.filter((p) => isWholeSheet(p.range) === wantSheet).map((p) => new LocalProtection(this.a, this.model, p));
  }

  addDeveloperMetadata(key: string, ...rest: unknown[]): this {
    this.a.call('Sheet', 'addDeveloperMetadata', 'structural');
    addDeveloperMetadata(this.a, this.model.developerMetadata, { sheetId: this.model.sheetId }, key, rest);
    return this;
  }

  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().find();
  }

  createDeveloperMetadataFinder() {
    this.meta('createDeveloperMetadataFinder');
    return createFinder(this.a, { sheetId: this.model.sheetId });
  }

  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    this.a.call('Sheet', 'getConditionalFormatRules', 'read');
    return this.a.list(this.model.conditionalFormats.map((rule) => LocalConditionalFormatRule.fromModel(this.a, rule)));
  }

  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    this.a.call('Sheet', 'setConditionalFormatRules', 'structural');
    this.model.conditionalFormats = rules.map((rule) => rule.toModel());
  }

  newChart(): LocalEmbeddedChartBuilder {
    this.meta('newChart');
    return new LocalEmbeddedChartBuilder(this.a, this.model);
  }

  insertChart(chart: LocalEmbeddedChart): void {
    this.a.call('Sheet', 'insertChart', 'structural');
    const model = chart.toModel(allocateId(this.a.workbook));
    this.model.charts.push(model);
  }

  updateChart(chart: LocalEmbeddedChart): void {
    this.a.call('Sheet', 'updateChart', 'structural');
    const at = this.model.charts.findIndex((c) => c.chartId === chart.getChartId());
    if (at < 0) throw this.a.error('The chart does not exist on this sheet.');
    this.model.charts[at] = chart.toModel(this.model.charts[at].chartId);
  }

  getCharts(): LocalEmbeddedChart[] {
    this.a.call('Sheet', 'getCharts', 'read');
    return this.a.list(this.model.charts.map((c) => LocalEmbeddedChart.fromModel(this.a, this.model, c)));
  }

  removeChart(chart: LocalEmbeddedChart): void {
    this.a.call('Sheet', 'removeChart', 'structural');
    this.model.charts = this.model.charts.filter((c) => c.chartId !== chart.getChartId());
  }
}
