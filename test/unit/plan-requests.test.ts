// Plans as Sheets API requests: text is a stringValue (never a formula), dropdowns and notes
// travel inside updateCells, protections carry their editors, widths come in runs.
import { formula, kept, num, text } from '../../src/domain/plan/cells';
import { unitProtections } from '../../src/domain/plan/unit-tabs';
import {
  addProtection,
  cellData,
  colour,
  columnWidths,
  setProtectionEditors,
  updateCells,
  updateProtection,
} from '../../src/sheets/requests';

test('text that starts with = + - @ is sent as a stringValue; only our formulas are formulaValue', () => {
  for (const value of ['=IMPORTXML("x")', '+62 811', '-', '@here']) {
    expect(cellData(text(value)).userEnteredValue).toEqual({ stringValue: value });
    expect(cellData(kept(value)).userEnteredValue).toEqual({ stringValue: value });
  }
  expect(cellData(formula('=A1')).userEnteredValue).toEqual({ formulaValue: '=A1' });
  expect(cellData(num(3)).userEnteredValue).toEqual({ numberValue: 3 });
  expect(cellData(kept(true)).userEnteredValue).toEqual({ boolValue: true });
  expect(cellData(kept('')).userEnteredValue).toBeUndefined();
});

test('styles, notes and dropdowns are part of the cell', () => {
  const cell = cellData({
    value: { kind: 'number', value: 45382 },
    style: { bold: true, wrap: true, format: 'date', background: '#ff8000' },
    note: 'catatan',
    dropdown: { values: ['Ya', 'Tidak'], strict: true },
  });
  expect(cell.userEnteredFormat).toEqual({
    textFormat: { bold: true },
    wrapStrategy: 'WRAP',
    numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' },
    backgroundColor: colour('#ff8000'),
  });
  expect(colour('#ff8000')).toEqual({ red: 1, green: 128 / 255, blue: 0 });
  expect(cell.note).toBe('catatan');
  expect(cell.dataValidation).toEqual({
    condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }, { userEnteredValue: 'Tidak' }] },
    strict: true,
    showCustomUi: true,
  });
});

test('updateCells replaces values, formats, notes and dropdowns in the whole block it covers', () => {
  const request = updateCells(7, 2, 3, [[text('a'), kept('')], [text('b')]]);
  expect(request.updateCells?.range).toEqual({ sheetId: 7, startRowIndex: 2, endRowIndex: 4, startColumnIndex: 3, endColumnIndex: 5 });
  expect(request.updateCells?.fields).toBe('userEnteredValue,userEnteredFormat,note,dataValidation');
  expect(request.updateCells?.rows).toEqual([{ values: [{ userEnteredValue: { stringValue: 'a' } }, {}] }, { values: [{ userEnteredValue: { stringValue: 'b' } }] }]);
});

test('column widths are sent as runs of equal widths, skipping zeros', () => {
  const requests = columnWidths(4, [0, 0, 360, 100, 100]);
  expect(requests.map((r) => r.updateDimensionProperties?.range)).toEqual([
    { sheetId: 4, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
    { sheetId: 4, dimension: 'COLUMNS', startIndex: 3, endIndex: 5 },
  ]);
});

test('the sheet protection leaves the answer block and the two status cells to the range protections', () => {
  const [sheet, answers] = unitProtections(40, ['Admin@x.example'], ['pic@x.example'], []);
  const add = addProtection(9, sheet).addProtectedRange?.protectedRange;
  expect(add?.range).toEqual({ sheetId: 9 });
  expect(add?.editors).toEqual({ users: ['admin@x.example'], domainUsersCanEdit: false });
  expect(add?.unprotectedRanges).toEqual([
    { sheetId: 9, startRowIndex: 7, endRowIndex: 47, startColumnIndex: 5, endColumnIndex: 12 },
    { sheetId: 9, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 4, endColumnIndex: 5 },
    { sheetId: 9, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 4, endColumnIndex: 5 },
  ]);
  const update = updateProtection(9, 33, answers).updateProtectedRange;
  expect(update?.protectedRange?.protectedRangeId).toBe(33);
  expect(update?.protectedRange?.editors).toEqual({ users: ['admin@x.example', 'pic@x.example'], domainUsersCanEdit: false });
  expect(update?.fields).toBe('range,description,warningOnly,editors');
  expect(setProtectionEditors(33, ['a@x.example']).updateProtectedRange).toEqual({
    protectedRange: { protectedRangeId: 33, editors: { users: ['a@x.example'], domainUsersCanEdit: false } },
    fields: 'editors',
  });
});
