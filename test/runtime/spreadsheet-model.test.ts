// The workbook model's Sheets rules: A1 notation, USER_ENTERED parsing, sheet names, grid limit, date serials.
import { WorkbookEditor } from '../../local/model/editor';
import { formatCellValue } from '../../local/model/number-format';
import {
  cloneRows,
  dateToSerial,
  GRID_LIMIT_MESSAGE,
  isDateFormat,
  newWorkbook,
  parseA1Range,
  serialToEpochMs,
  sheetById,
  sheetByTitle,
  sheetNameProblem,
  userEnteredToCell,
} from '../../local/model/workbook';

describe('A1 notation', () => {
  // https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation, quoted sheet names)
  test('reads quoted sheet names with doubled apostrophes, whole rows and columns, single cells', () => {
    expect(parseA1Range("'Unit Dinas''s Tab'!B5:F5")).toEqual({ sheetName: "Unit Dinas's Tab", startRow: 4, endRow: 5, startColumn: 1, endColumn: 6 });
    expect(parseA1Range('Kategori!A:D')).toEqual({ sheetName: 'Kategori', startColumn: 0, endColumn: 4 });
    expect(parseA1Range('3:5', 'Unit')).toEqual({ sheetName: 'Unit', startRow: 2, endRow: 5 });
    expect(parseA1Range('$c$7')).toEqual({ startRow: 6, endRow: 7, startColumn: 2, endColumn: 3 });
    expect(parseA1Range('A8:N')).toEqual({ startRow: 7, startColumn: 0, endColumn: 14 });
    expect(parseA1Range('Rekap')).toEqual({ sheetName: 'Rekap' });
    expect(() => parseA1Range('A1:B2:C3')).toThrow('Range not found');
  });
});

describe('USER_ENTERED values', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED: parsed as if typed into the UI)
  test('a leading = is a formula, a leading apostrophe forces text', () => {
    expect(userEnteredToCell('=SUM(A1:A3)')).toEqual({ formula: '=SUM(A1:A3)' });
    expect(userEnteredToCell("'=Ya, sudah")).toEqual({ value: '=Ya, sudah' });
    expect(userEnteredToCell("'007")).toEqual({ value: '007' });
  });

  test('numbers, booleans and dates typed as text are parsed; other text stays text', () => {
    expect(userEnteredToCell('42.5')).toEqual({ value: 42.5 });
    expect(userEnteredToCell('TRUE')).toEqual({ value: true });
    expect(userEnteredToCell('false')).toEqual({ value: false });
    expect(userEnteredToCell('2024-03-31')).toEqual({ value: 45382, numberFormat: 'yyyy-mm-dd' });
    expect(userEnteredToCell('31/03/2024')).toEqual({ value: 45382, numberFormat: 'dd/MM/yyyy' });
    expect(userEnteredToCell('31/02/2024')).toEqual({ value: '31/02/2024' });
    expect(userEnteredToCell('Sebagian')).toEqual({ value: 'Sebagian' });
    expect(userEnteredToCell('12', { currentFormat: '@' })).toEqual({ value: '12' });
  });
});

describe('date serials', () => {
  // https://developers.google.com/sheets/api/guides/formats#about_date_time_values (days since 1899-12-30, local time)
  test('a serial is a wall-clock date in the spreadsheet time zone', () => {
    const midnightJakarta = new Date('2024-03-31T00:00:00+07:00');
    expect(dateToSerial(midnightJakarta, 'Asia/Jakarta')).toBe(45382);
    expect(serialToEpochMs(45382.5, 'Asia/Jakarta')).toBe(new Date('2024-03-31T12:00:00+07:00').getTime());
  });
});

describe('number formats', () => {
  // https://developers.google.com/sheets/api/guides/formats (number and date format patterns; the spreadsheet's locale)
  test('a value displays through its number format in the spreadsheet locale', () => {
    expect(formatCellValue(12.5, undefined, 'id_ID')).toBe('12,5');
    expect(formatCellValue(1234.5, '#,##0.00', 'id_ID')).toBe('1.234,50');
    expect(formatCellValue(82.456, '0.00"%"', 'id_ID')).toBe('82,46%');
    expect(formatCellValue(45382, 'yyyy-mm-dd', 'id_ID')).toBe('2024-03-31');
    expect(formatCellValue(45382.75, 'dd mmmm yyyy HH:mm', 'id_ID')).toBe('31 Maret 2024 18:00');
    expect(formatCellValue(1234.5, '#,##0.00', 'en_US')).toBe('1,234.50');
    expect([formatCellValue(true, undefined, 'id_ID'), formatCellValue('Ya', '0.00', 'id_ID'), formatCellValue(undefined, undefined, 'id_ID')]).toEqual(['TRUE', 'Ya', '']);
    expect([isDateFormat('dd/MM/yyyy HH:mm:ss'), isDateFormat('0.00"%"'), isDateFormat('@'), isDateFormat(undefined)]).toEqual([true, false, false, false]);
  });
});

describe('sheet names', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
  test('names are unique case-insensitively, not empty, at most 100 characters', () => {
    const wb = newWorkbook({ owner: 'a@b.id' });
    expect(sheetByTitle(wb, 'sheet1')?.sheetId).toBe(0);
    expect(sheetNameProblem(wb, 'SHEET1')).toBe('A sheet with the name "SHEET1" already exists. Please enter another name.');
    expect(sheetNameProblem(wb, '  ')).toBeDefined();
    expect(sheetNameProblem(wb, 'x'.repeat(101))).toBeDefined();
    expect(sheetNameProblem(wb, 'x'.repeat(100))).toBeUndefined();
  });
});

describe('sheet lookups', () => {
  // Lookups by id and by name (case-insensitive) stay right however the list of sheets changes.
  test('find the sheet as it is now after sheets are added, renamed, replaced, moved and removed', () => {
    const workbook = newWorkbook({ owner: 'a@b.id' });
    const editor = new WorkbookEditor(workbook);
    const titles = Array.from({ length: 40 }, (_, i) => `Unit ${i}`);
    for (const title of titles) editor.addSheet({ title });
    expect(sheetById(workbook, 20)?.title).toBe('Unit 19');
    expect(sheetByTitle(workbook, 'unit 19')?.sheetId).toBe(20);
    editor.renameSheet(20, 'Dua Puluh');
    expect(sheetByTitle(workbook, 'Unit 19')).toBeUndefined();
    expect(sheetByTitle(workbook, 'DUA PULUH')?.sheetId).toBe(20);
    editor.deleteSheet(5);
    expect(sheetById(workbook, 5)).toBeUndefined();
    expect(sheetById(workbook, 20)?.title).toBe('Dua Puluh');
    expect(sheetByTitle(workbook, 'Unit 30')).toBe(workbook.sheets[30]);
    // The journal replaces a sheet in place and inserts one at its position.
    const replaced = { ...workbook.sheets[10], title: 'Ganti' };
    workbook.sheets[10] = replaced;
    expect(sheetById(workbook, replaced.sheetId)).toBe(replaced);
    expect(sheetByTitle(workbook, 'ganti')).toBe(replaced);
    const moved = workbook.sheets.splice(30, 1)[0];
    workbook.sheets.unshift(moved);
    expect(sheetById(workbook, moved.sheetId)).toBe(moved);
    expect(sheetByTitle(workbook, 'Unit 31')).toBe(workbook.sheets[31]);
    for (const sheet of workbook.sheets) {
      expect(sheetById(workbook, sheet.sheetId)).toBe(sheet);
      expect(sheetByTitle(workbook, sheet.title.toUpperCase())).toBe(sheet);
    }
  });
});

describe('grid limit', () => {
  // https://support.google.com/drive/answer/37603 (10 million cells per spreadsheet, every tab's whole grid counts)
  test('the 385th default tab would pass 10,000,000 cells and is refused; the workbook is unchanged', () => {
    const wb = newWorkbook({ owner: 'a@b.id' });
    const editor = new WorkbookEditor(wb);
    for (let i = 1; i < 384; i += 1) editor.addSheet({ title: `Unit ${i}` });
    expect(wb.sheets).toHaveLength(384); // 384 × 26,000 = 9,984,000 cells
    expect(() => editor.addSheet({ title: 'Unit 384' })).toThrow(GRID_LIMIT_MESSAGE);
    expect(wb.sheets).toHaveLength(384);
    expect(() => editor.insertDimension(wb.sheets[0], 'ROWS', 0, 1000)).toThrow(GRID_LIMIT_MESSAGE);
  });
});

test('a copy of a sheet\'s cells shares nothing with them, and keeps empty rows and cells empty', () => {
  const rows: Parameters<typeof cloneRows>[0] = [];
  rows[1] = [];
  rows[1][2] = {
    value: 'Ya',
    format: { bold: true, fileStyle: { font: { name: 'Arial' } } },
    spilledFrom: { row: 0, column: 2 },
    fileValue: { richText: [{ text: 'Ya' }] },
    note: 'Bukti diminta',
  };
  const copy = cloneRows(rows);
  expect(copy).toEqual(rows);
  expect([0 in copy, 1 in copy, 0 in copy[1], 2 in copy[1]]).toEqual([false, true, false, true]);
  const [cell, original] = [copy[1][2], rows[1][2]];
  for (const key of ['format', 'spilledFrom', 'fileValue'] as const) expect(cell?.[key]).not.toBe(original?.[key]);
  expect((cell?.format?.fileStyle as object | undefined) === original?.format?.fileStyle).toBe(false);
  expect((cell?.fileValue as { richText: object[] }).richText).not.toBe((original?.fileValue as { richText: object[] }).richText);
});
