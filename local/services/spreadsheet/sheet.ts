// SpreadsheetApp's Sheet over a SheetModel.
import type { SheetModel } from '../../model/types';
import { allocateId, copySheetName, parseA1Range } from '../../model/workbook';
import { loud } from '../loud';
import type { Access } from './access';
import { LocalProtection } from './protection';
import { insertionBlocking, PROTECTED_CELL_MESSAGE } from './protection-rules';
import { LocalRange } from './range';
import { LocalSpreadsheet } from './spreadsheet';

export class LocalSheet {
  constructor(
    private readonly a: Access,
    readonly model: SheetModel,
  ) {
    return loud(this, 'Sheet');
  }

  setName(name: string): this {
    this.a.call('Sheet', 'setName', 'buffered');
    this.a.run(() => this.a.editor.renameSheet(this.model.sheetId, String(name)));
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

  /** getRange(a1) on this sheet, or getRange(row, column, numRows?, numColumns?) (1-based). */
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): LocalRange {
    this.a.call('Sheet', 'getRange', 'metadata');
    if (typeof a1OrRow === 'number') return this.rangeAt(a1OrRow - 1, (column ?? 1) - 1, numRows, numColumns);
    const parsed = this.a.run(() => parseA1Range(a1OrRow));
    if (parsed.sheetName !== undefined) throw this.a.error('Range not found');
    // Open ends close to the grid.
    const top = parsed.startRow ?? 0;
    const left = parsed.startColumn ?? 0;
    return this.rangeAt(top, left, (parsed.endRow ?? this.model.rowCount) - top, (parsed.endColumn ?? this.model.columnCount) - left);
  }

  /** The last row and column holding content (a value or a formula), 1-based; 0 on an empty sheet. */
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

  getDataRange(): LocalRange {
    this.a.call('Sheet', 'getDataRange', 'read');
    const last = this.lastContent();
    return this.rangeAt(0, 0, Math.max(1, last.row), Math.max(1, last.column));
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.a.call('Sheet', 'insertRowsAfter', 'structural');
    if (afterPosition < 0 || afterPosition > this.model.rowCount) throw this.a.error('Those rows are out of bounds.');
    if (insertionBlocking(this.a.workbook, this.a.ctx.user, this.model, 'ROWS', afterPosition)) throw this.a.error(PROTECTED_CELL_MESSAGE);
    this.a.run(() => this.a.editor.insertDimension(this.model, 'ROWS', afterPosition, howMany));
    return this;
  }

  /** A sheet protection as Apps Script makes one: it mirrors the file's editors until its own are changed. */
  protect(): LocalProtection {
    this.a.call('Sheet', 'protect', 'structural');
    const protection = { protectedRangeId: allocateId(this.a.workbook), range: { sheetId: this.model.sheetId }, editors: { users: [] }, mirrorsFile: true };
    this.model.protectedRanges.push(protection);
    return new LocalProtection(this.a, protection);
  }
}
