// The Sheets advanced service against the Sheets API v4 reference.
import { asUser, harness } from './spreadsheet-harness';

const ID = 'sheet-under-test';

describe('Spreadsheets.batchUpdate', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate ("if any request is not valid, the entire request fails and nothing is applied")
  test('is atomic: a failing request leaves the workbook untouched and throws the API error', () => {
    const { Sheets, workbook, calls } = harness();
    const before = structuredClone(workbook);
    expect(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { addSheet: { properties: { title: 'Unit' } } },
            { updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }], fields: 'userEnteredValue' } },
            { addSheet: { properties: { title: 'unit' } } },
          ],
        },
        ID,
      ),
    ).toThrow('API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[2].addSheet: A sheet with the name "unit" already exists. Please enter another name.');
    expect(workbook).toEqual(before);
    expect(calls.filter((c) => c.method === 'batchUpdate')).toEqual([]);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/response (replies in request order)
  test('applies requests in order and replies as the API does', () => {
    const { Sheets, app, calls } = harness();
    const result = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId: 77, title: 'D01', gridProperties: { rowCount: 60, columnCount: 14, frozenRowCount: 7 } } } },
          {
            updateCells: {
              start: { sheetId: 77, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [{ userEnteredValue: { stringValue: '=bukan rumus' } }, { userEnteredValue: { formulaValue: '=1+1' }, userEnteredFormat: { textFormat: { bold: true } } }] }],
              fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
            },
          },
          { addProtectedRange: { protectedRange: { range: { sheetId: 77, startColumnIndex: 0, endColumnIndex: 5 }, description: 'kunci', editors: { users: ['asesor@ombudsman.go.id'] } } } },
          { createDeveloperMetadata: { developerMetadata: { metadataKey: 'pendamping.unit', metadataValue: 'D01', location: { sheetId: 77 }, visibility: 'DOCUMENT' } } },
          { setDataValidation: { range: { sheetId: 77, startRowIndex: 7, endRowIndex: 60, startColumnIndex: 5, endColumnIndex: 6 }, rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }, { userEnteredValue: 'Tidak' }] }, strict: true, showCustomUi: true } } },
        ],
      },
      ID,
    ) as { replies: Record<string, Record<string, Record<string, unknown>>>[] };
    expect(result.replies[0].addSheet.properties).toMatchObject({ sheetId: 77, title: 'D01', index: 1, gridProperties: { rowCount: 60, columnCount: 14, frozenRowCount: 7 } });
    expect(result.replies[1]).toEqual({});
    expect(typeof result.replies[2].addProtectedRange.protectedRange.protectedRangeId).toBe('number');
    expect(result.replies[3].createDeveloperMetadata.developerMetadata).toMatchObject({ metadataKey: 'pendamping.unit', metadataValue: 'D01', location: { locationType: 'SHEET', sheetId: 77 } });
    const sheet = app.getActiveSpreadsheet().getSheetById(77);
    expect(sheet?.getRange('A1:B1').getValues()).toEqual([['=bukan rumus', 2]]);
    expect(sheet?.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet?.getRange('F8').getDataValidation()?.getAllowInvalid()).toBe(false);
    expect(calls.filter((c) => c.method === 'batchUpdate')).toEqual([{ service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'write', cells: 2, requests: 5 }]);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata/search
  test('developer metadata is found by lookup and deleted by data filter', () => {
    const { Sheets } = harness();
    Sheets.Spreadsheets.batchUpdate({ requests: [{ createDeveloperMetadata: { developerMetadata: { metadataKey: 'k', metadataValue: 'v', location: { spreadsheet: true }, visibility: 'PROJECT' } } }] }, ID);
    const found = Sheets.Spreadsheets.DeveloperMetadata.search({ dataFilters: [{ developerMetadataLookup: { metadataKey: 'k' } }] }, ID) as { matchedDeveloperMetadata: { developerMetadata: { metadataValue: string } }[] };
    expect(found.matchedDeveloperMetadata.map((m) => m.developerMetadata.metadataValue)).toEqual(['v']);
    Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'k' } } } }] }, ID);
    expect(Sheets.Spreadsheets.DeveloperMetadata.search({ dataFilters: [{ developerMetadataLookup: { metadataKey: 'k' } }] }, ID)).toEqual({});
  });

  test('writes into a range protected against the acting user are refused', () => {
    const base = harness();
    base.Sheets.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 } } } }] }, ID);
    const pic = asUser(base, 'pic@dinas.go.id');
    expect(() => pic.Sheets.Spreadsheets.Values.update({ values: [['x']] }, ID, 'Sheet1!A1', { valueInputOption: 'RAW' })).toThrow('You are trying to edit a protected cell or object');
    pic.Sheets.Spreadsheets.Values.update({ values: [['x']] }, ID, 'Sheet1!A2', { valueInputOption: 'RAW' });
  });
});

describe('Spreadsheets.get and Values', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get (fields mask)
  test('get returns sheet properties under a fields mask', () => {
    const { Sheets, app } = harness();
    app.getActiveSpreadsheet().insertSheet('Unit', 1).hideSheet();
    const result = Sheets.Spreadsheets.get(ID, { fields: 'sheets(properties(sheetId,title,index,hidden))' });
    expect(result).toEqual({ sheets: [{ properties: { sheetId: 0, title: 'Sheet1', index: 0 } }, { properties: { sheetId: 1, title: 'Unit', index: 1, hidden: true } }] });
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet (trailing empty rows and columns are omitted)
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption
  test('batchGet omits trailing empties and renders FORMATTED_VALUE, UNFORMATTED_VALUE and FORMULA', () => {
    const { Sheets, calls } = harness();
    Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range: 'Sheet1!A1:C2', values: [[0.5, '=A1*2', ''], ['31/03/2024', '', '']] }] }, ID);
    const read = (valueRenderOption: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA') =>
      (Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Sheet1!A1:D10'], valueRenderOption }) as { valueRanges: { range: string; values: unknown[][] }[] }).valueRanges[0];
    expect(read('FORMATTED_VALUE')).toEqual({ range: 'Sheet1!A1:D10', majorDimension: 'ROWS', values: [['0,5', '1'], ['31/03/2024']] });
    expect(read('UNFORMATTED_VALUE').values).toEqual([[0.5, 1], [45382]]);
    expect(read('FORMULA').values).toEqual([[0.5, '=A1*2'], [45382]]);
    expect(calls.find((c) => c.method === 'batchGet')).toEqual({ service: 'Sheets.Spreadsheets.Values', method: 'batchGet', kind: 'read', cells: 40 });
    expect(() => Sheets.Spreadsheets.Values.batchUpdate({ data: [{ range: 'Sheet1!A1', values: [[1]] }] }, ID)).toThrow("'valueInputOption' is required but not specified");
    expect(() => Sheets.Spreadsheets.Values.update({ values: [[1]] }, ID, 'Sheet1!A1001', { valueInputOption: 'RAW' })).toThrow('exceeds grid limits');
  });
});
