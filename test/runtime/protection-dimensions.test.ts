// Protected ranges and rows and columns, as Sheets has them: a protection moves with the cells it
// protects when rows or columns are inserted or deleted (through the Sheets API or SpreadsheetApp),
// so the user it lets in still edits the same column; and a user a protection does not list may
// not insert rows or columns into what it protects.
import { asUser, harness, OWNER } from './spreadsheet-harness';

const ID = 'sheet-under-test';
const PIC = 'pic@dinkes.go.id';
const TAB = 77;

/** A unit-like tab: the sheet for the owner, F8:L20 left to the PIC, H8:K20 (inside it) for the owner only. */
function unitTab() {
  const base = harness();
  base.Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { addSheet: { properties: { sheetId: TAB, title: 'D01', gridProperties: { rowCount: 30, columnCount: 14 } } } },
        {
          addProtectedRange: {
            protectedRange: { range: { sheetId: TAB }, editors: { users: [OWNER] }, unprotectedRanges: [{ sheetId: TAB, startRowIndex: 7, endRowIndex: 20, startColumnIndex: 5, endColumnIndex: 12 }] },
          },
        },
        { addProtectedRange: { protectedRange: { range: { sheetId: TAB, startRowIndex: 7, endRowIndex: 20, startColumnIndex: 5, endColumnIndex: 12 }, editors: { users: [OWNER, PIC] } } } },
        { addProtectedRange: { protectedRange: { range: { sheetId: TAB, startRowIndex: 7, endRowIndex: 20, startColumnIndex: 7, endColumnIndex: 11 }, editors: { users: [OWNER] } } } },
      ],
    },
    ID,
  );
  const pic = asUser(base, PIC);
  const canPicEdit = (a1: string) => {
    try {
      pic.app.getActiveSpreadsheet().getSheetByName('D01')?.getRange(a1).setValue('x');
      return true;
    } catch {
      return false;
    }
  };
  return { base, pic, canPicEdit };
}

const blocks = (base: ReturnType<typeof harness>) =>
  (base.workbook.sheets.find((s) => s.sheetId === TAB)?.protectedRanges ?? []).map((p) => [p.range, ...(p.unprotectedRanges ?? [])]);

test('protections move with their cells when the owner inserts or deletes columns and rows, through the API or SpreadsheetApp', () => {
  const { base, canPicEdit } = unitTab();
  expect([canPicEdit('F8'), canPicEdit('K8'), canPicEdit('L8')]).toEqual([true, false, true]);
  // A column before B: everything from B moves right; K (Batas Waktu) is now L, still the owner's.
  base.Sheets.Spreadsheets.batchUpdate({ requests: [{ insertDimension: { range: { sheetId: TAB, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } }] }, ID);
  expect([canPicEdit('F8'), canPicEdit('G8'), canPicEdit('L8'), canPicEdit('M8')]).toEqual([false, true, false, true]);
  // Two rows above the table (SpreadsheetApp, as the add-on grows Log Email): the blocks move down.
  base.app.getActiveSpreadsheet().getSheetByName('D01')?.insertRowsAfter(1, 2);
  expect([canPicEdit('G9'), canPicEdit('G10'), canPicEdit('L10'), canPicEdit('G22')]).toEqual([false, true, false, true]);
  // Deleting both again brings everything back where it was.
  base.Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { deleteDimension: { range: { sheetId: TAB, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
        { deleteDimension: { range: { sheetId: TAB, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } },
      ],
    },
    ID,
  );
  expect([canPicEdit('F8'), canPicEdit('K8'), canPicEdit('L8'), canPicEdit('M8')]).toEqual([true, false, true, false]);
  expect(blocks(base)[0][1]).toEqual({ sheetId: TAB, startRowIndex: 7, endRowIndex: 20, startColumnIndex: 5, endColumnIndex: 12 });
});

test('a user the protections do not list cannot insert rows or columns into them; beside an unprotected block they may', () => {
  const { base, pic } = unitTab();
  const before = JSON.stringify(blocks(base));
  const insert = (dimension: 'ROWS' | 'COLUMNS', startIndex: number) => () =>
    pic.Sheets.Spreadsheets.batchUpdate({ requests: [{ insertDimension: { range: { sheetId: TAB, dimension, startIndex, endIndex: startIndex + 1 } } }] }, ID);
  expect(insert('COLUMNS', 1)).toThrow('You are trying to edit a protected cell or object');
  expect(insert('ROWS', 10)).toThrow('You are trying to edit a protected cell or object');
  expect(() => pic.app.getActiveSpreadsheet().getSheetByName('D01')?.insertRowsAfter(9, 1)).toThrow('You are trying to edit a protected cell or object');
  expect(JSON.stringify(blocks(base))).toBe(before);
  expect(base.workbook.sheets.find((s) => s.sheetId === TAB)?.columnCount).toBe(14);

  // Tabs with only a range protection: a column or row beside it moves it, one through it is refused.
  base.Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { addSheet: { properties: { sheetId: 78, title: 'Catatan', gridProperties: { rowCount: 10, columnCount: 5 } } } },
        { addProtectedRange: { protectedRange: { range: { sheetId: 78, startColumnIndex: 2, endColumnIndex: 4 }, editors: { users: [OWNER] } } } },
        { addSheet: { properties: { sheetId: 79, title: 'Lampiran', gridProperties: { rowCount: 10, columnCount: 5 } } } },
        { addProtectedRange: { protectedRange: { range: { sheetId: 79, startRowIndex: 2, endRowIndex: 4 }, editors: { users: [OWNER] } } } },
      ],
    },
    ID,
  );
  const column = (startIndex: number) => () =>
    pic.Sheets.Spreadsheets.batchUpdate({ requests: [{ insertDimension: { range: { sheetId: 78, dimension: 'COLUMNS', startIndex, endIndex: startIndex + 1 } } }] }, ID);
  column(0)();
  expect(base.workbook.sheets.find((s) => s.sheetId === 78)?.protectedRanges[0].range).toMatchObject({ startColumnIndex: 3, endColumnIndex: 5 });
  expect(column(4)).toThrow('You are trying to edit a protected cell or object');
  const attachments = pic.app.getActiveSpreadsheet().getSheetByName('Lampiran');
  attachments?.insertRowsAfter(1, 1);
  expect(base.workbook.sheets.find((s) => s.sheetId === 79)?.protectedRanges[0].range).toMatchObject({ startRowIndex: 3, endRowIndex: 5 });
  expect(() => attachments?.insertRowsAfter(4, 1)).toThrow('You are trying to edit a protected cell or object');
});
