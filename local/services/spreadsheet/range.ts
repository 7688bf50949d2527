// SpreadsheetApp's Range over the model: reads come from the model (computed values included),
// writes go through the engine's editor with USER_ENTERED semantics and the acting user's protections.
import type { CellData, GridRange, SheetModel } from '../../model/types';
import { isDateFormat, serialToEpochMs } from '../../model/workbook';
import { loud } from '../loud';
import type { Access, CallKind } from './access';

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

  /** A cell's value as Apps Script returns it: number, boolean, string, a Date for date-formatted numbers, '' when empty. */
  private scriptValue(cell: CellData | undefined): unknown {
    const value = cell?.value;
    if (value === undefined) return '';
    if (typeof value === 'number' && isDateFormat(cell?.format?.numberFormat)) {
      return new this.a.ctx.realm.Date(serialToEpochMs(value, this.a.workbook.timeZone));
    }
    return value;
  }

  getValues(): unknown[][] {
    this.a.call('Range', 'getValues', 'read', this.numRows * this.numColumns);
    const rows = Array.from({ length: this.numRows }, (_, i) =>
      Array.from({ length: this.numColumns }, (_, j) => this.scriptValue(this.sheet.rows[this.row + i]?.[this.column + j])),
    );
    return this.a.list(rows);
  }

  setValues(values: unknown[][]): this {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw this.a.error(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.setValues.`);
    }
    if (values.length !== this.numRows) throw this.a.error(dimensionMismatch('rows', values.length, this.numRows));
    for (const row of values) if (row.length !== this.numColumns) throw this.a.error(dimensionMismatch('columns', row.length, this.numColumns));
    return this.write('setValues', 'write', (i, j) => values[i][j]);
  }

  /** A single-cell write: Apps Script buffers it until the next read. */
  setValue(value: unknown): this {
    return this.write('setValue', 'buffered', () => value);
  }

  private write(method: string, kind: CallKind, valueAt: (i: number, j: number) => unknown): this {
    this.a.call('Range', method, kind, this.numRows * this.numColumns);
    this.a.assertEditable(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    this.a.editor.enterValues(this.sheet, this.row, this.column, this.numRows, this.numColumns, valueAt);
    return this;
  }
}
