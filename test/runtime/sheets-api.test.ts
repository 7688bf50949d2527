// The Sheets advanced service against the Sheets API v4 reference.
import { asUser, harness } from './spreadsheet-harness';

const ID = 'sheet-under-test';
const UNFORMATTED = { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' };

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

  // The dry run copies a sheet's cells only when it reaches them: cells moved by rows inserted or
  // deleted, and cells written over, in existing sheets, are still copies.
  test('is atomic when earlier requests move and write the cells of existing sheets', () => {
    const { Sheets, workbook, engine } = harness();
    engine.editor.enterValues(workbook.sheets[0], 0, 0, 3, 2, (i, j) => (j === 0 ? `r${i}` : `=A${i + 1}&"!"`));
    engine.editor.addSheet({ title: 'Dua' });
    engine.editor.enterValues(workbook.sheets[1], 0, 0, 1, 1, () => 'tetap');
    const before = structuredClone(workbook);
    const rows = (sheetId: number, text: string) => ({ updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: text }, userEnteredFormat: { textFormat: { bold: true } } }] }], fields: 'userEnteredValue,userEnteredFormat.textFormat.bold' } });
    expect(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 2 } } },
            { deleteDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } },
            rows(0, 'baru'),
            rows(1, 'baru'),
            { duplicateSheet: { sourceSheetId: 1, newSheetId: 9, newSheetName: 'Salinan', insertSheetIndex: 2 } },
            rows(9, 'salinan'),
            { updateSheetProperties: { properties: { sheetId: 1, title: 'sheet1' }, fields: 'title' } },
          ],
        },
        ID,
      ),
    ).toThrow('Invalid requests[6].updateSheetProperties: A sheet with the name "sheet1" already exists. Please enter another name.');
    expect(workbook).toEqual(before);
  });

  // A format field the runtime does not write is refused whatever the cells (none, or cells without it).
  test('a format field outside the emulation is refused as before, at the first cell written', () => {
    const { Sheets, workbook } = harness();
    const before = structuredClone(workbook);
    const update = (fields: string, values: unknown[]) => () => Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values }], fields } }] }, ID);
    expect(update('userEnteredFormat.textFormat.italic', [{}])).toThrow('Invalid requests[0].updateCells: Not implemented in the local runtime: fields userEnteredFormat.textFormat.italic');
    expect(update('userEnteredFormat(numberFormat,toString)', [{ userEnteredFormat: {} }])).toThrow('Not implemented in the local runtime: fields userEnteredFormat.toString');
    // The cell's own fields are checked first.
    expect(update('userEnteredFormat.textFormat.italic', [{ userEnteredFormat: { borders: {} } }])).toThrow('Not implemented in the local runtime: userEnteredFormat.borders');
    expect(workbook).toEqual(before);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/response (replies in request order)
  test('applies requests in order and replies as the API does', () => {
    const { Sheets, workbook, calls } = harness();
    const body: Parameters<typeof Sheets.Spreadsheets.batchUpdate>[0] = {
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
      ],
    };
    const result = Sheets.Spreadsheets.batchUpdate(body, ID) as unknown as { replies: Record<string, Record<string, Record<string, unknown>>>[] };
    expect(result.replies[0].addSheet.properties).toMatchObject({ sheetId: 77, title: 'D01', index: 1, gridProperties: { rowCount: 60, columnCount: 14, frozenRowCount: 7 } });
    expect(result.replies[1]).toEqual({});
    expect(typeof result.replies[2].addProtectedRange.protectedRange.protectedRangeId).toBe('number');
    expect(result.replies[3].createDeveloperMetadata.developerMetadata).toMatchObject({ metadataKey: 'pendamping.unit', metadataValue: 'D01', location: { locationType: 'SHEET', sheetId: 77 } });
    const sheet = workbook.sheets[1];
    expect(sheet.rows[0].map((c) => c?.value)).toEqual(['=bukan rumus', 2]);
    expect(sheet.rows[0][1]?.format).toEqual({ bold: true });
    expect(calls.filter((c) => c.method === 'batchUpdate')).toEqual([
      { service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'write', cells: 2, requests: 4, bytes: Buffer.byteLength(JSON.stringify(body)) },
    ]);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#deletedevelopermetadatarequest
  test('developer metadata shows in spreadsheets.get and is deleted by a lookup of its id', () => {
    const { Sheets } = harness();
    const created = Sheets.Spreadsheets.batchUpdate({ requests: [{ createDeveloperMetadata: { developerMetadata: { metadataKey: 'k', metadataValue: 'v', location: { sheetId: 0 }, visibility: 'DOCUMENT' } } }] }, ID) as unknown as {
      replies: { createDeveloperMetadata: { developerMetadata: { metadataId: number } } }[];
    };
    const metadataId = created.replies[0].createDeveloperMetadata.developerMetadata.metadataId;
    const fields = 'sheets(developerMetadata(metadataId,metadataKey,metadataValue))';
    expect(Sheets.Spreadsheets.get(ID, { fields })).toEqual({ sheets: [{ developerMetadata: [{ metadataId, metadataKey: 'k', metadataValue: 'v' }] }] });
    Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } }] }, ID);
    expect(Sheets.Spreadsheets.get(ID, { fields })).toEqual({ sheets: [{}] });
  });

  test('writes into a range protected against the acting user are refused', () => {
    const base = harness();
    base.Sheets.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 } } } }] }, ID);
    const pic = asUser(base, 'pic@dinas.go.id');
    const write = (rowIndex: number) => ({ updateCells: { start: { sheetId: 0, rowIndex, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }], fields: 'userEnteredValue' } });
    expect(() => pic.Sheets.Spreadsheets.batchUpdate({ requests: [write(0)] }, ID)).toThrow('You are trying to edit a protected cell or object');
    pic.Sheets.Spreadsheets.batchUpdate({ requests: [write(1)] }, ID);
    expect(base.workbook.sheets[0].rows[1][0]?.value).toBe('x');
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest
  test('repeatCell gives every cell of its range the fields its mask names and leaves the rest', () => {
    const { Sheets, workbook } = harness();
    const grid = { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 };
    const cell = (text: string) => ({ userEnteredValue: { stringValue: text }, note: `catatan ${text}` });
    Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: grid, rows: [{ values: [cell('a'), cell('b')] }, { values: [cell('c')] }], fields: 'userEnteredValue,note' } }] }, ID);
    Sheets.Spreadsheets.batchUpdate({ requests: [{ repeatCell: { range: grid, cell: { userEnteredFormat: { wrapStrategy: 'WRAP', textFormat: { bold: true } } }, fields: 'userEnteredFormat' } }] }, ID);
    const rows = workbook.sheets[0].rows;
    expect([rows[0][0], rows[0][1], rows[1][0], rows[1][1]]).toEqual([
      { value: 'a', note: 'catatan a', format: { wrap: true, bold: true } },
      { value: 'b', note: 'catatan b', format: { wrap: true, bold: true } },
      { value: 'c', note: 'catatan c', format: { wrap: true, bold: true } },
      { format: { wrap: true, bold: true } },
    ]);
    // A field the mask names and the cell leaves out is cleared.
    Sheets.Spreadsheets.batchUpdate({ requests: [{ repeatCell: { range: { ...grid, endRowIndex: 1 }, cell: {}, fields: 'note' } }] }, ID);
    expect(rows[0].map((c) => c?.note)).toEqual([undefined, undefined]);
    expect(rows[1][0]?.note).toBe('catatan c');
  });

  // Same page: "If writing a cell with formula =A1 into range B2:C4, B2 would be =A1, B3 would be =A2, B4 would be =A3,
  // C2 would be =B1, C3 would be =B2, C4 would be =B3. To keep the formula's ranges static, use the $ indicator."
  test('repeatCell of a formula moves its relative references with each cell; $ ones, strings and sheet names stay', () => {
    const { Sheets, workbook } = harness();
    const formulas = (formulaValue: string) => {
      const range = { sheetId: 0, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 1, endColumnIndex: 3 };
      Sheets.Spreadsheets.batchUpdate({ requests: [{ repeatCell: { range, cell: { userEnteredValue: { formulaValue } }, fields: 'userEnteredValue' } }] }, ID);
      return workbook.sheets[0].rows.slice(1, 4).map((row) => row.slice(1, 3).map((c) => c?.formula));
    };
    expect(formulas('=A1')).toEqual([
      ['=A1', '=B1'],
      ['=A2', '=B2'],
      ['=A3', '=B3'],
    ]);
    expect(formulas('=$A$1+A$1+$A1+SUM(A1:Z9)')[2]).toEqual(['=$A$1+A$1+$A3+SUM(A3:Z11)', '=$A$1+B$1+$A3+SUM(B3:AA11)']);
    expect(formulas(`=IF(A1="B2",'Unit A1'!C3,LOG10(A1))`)[1][1]).toBe(`=IF(B2="B2",'Unit A1'!D4,LOG10(B2))`);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#setdatavalidationrequest
  test('setDataValidation sets its rule on every cell of the range; without a rule it clears them', () => {
    const { Sheets, workbook } = harness();
    const rule = { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }, { userEnteredValue: 'Tidak' }] }, strict: true, showCustomUi: true };
    const column = (startRowIndex: number, endRowIndex: number) => ({ sheetId: 0, startRowIndex, endRowIndex, startColumnIndex: 5, endColumnIndex: 6 });
    Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range: column(7, 47), rule } }] }, ID);
    expect(workbook.sheets[0].dataValidations).toEqual([{ range: column(7, 47), rule }]);
    Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range: column(10, 20) } }] }, ID);
    expect(workbook.sheets[0].dataValidations).toEqual([
      { range: column(7, 10), rule },
      { range: column(20, 47), rule },
    ]);
    const pic = asUser(harness(), 'pic@dinas.go.id');
    pic.Sheets.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range: column(0, 10), editors: { users: ['admin@dinas.go.id'] } } } }] }, ID);
    expect(() => pic.Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range: column(7, 47), rule } }] }, ID)).toThrow('You are trying to edit a protected cell or object');
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#Sheet (merges)
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#unmergecellsrequest
  test('merges show in spreadsheets.get; unmergeCells unmerges those inside its range, keeps the values, and refuses a range cutting across a merge', () => {
    const { Sheets, workbook } = harness();
    const sheet = workbook.sheets[0];
    const merge = (top: number, left: number, bottom: number, right: number) => ({ sheetId: 0, startRowIndex: top, endRowIndex: bottom, startColumnIndex: left, endColumnIndex: right });
    sheet.rows[1] = [undefined, { value: 'Ya' }];
    sheet.merges.push(merge(1, 1, 3, 2), merge(0, 0, 1, 3));
    expect(Sheets.Spreadsheets.get(ID, { fields: 'sheets(merges)' })).toEqual({ sheets: [{ merges: [merge(1, 1, 3, 2), merge(0, 0, 1, 3)] }] });
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ unmergeCells: { range: merge(2, 1, 3, 2) } }] }, ID)).toThrow('Invalid requests[0].unmergeCells: Cannot unmerge a range that partially spans a merge.');
    Sheets.Spreadsheets.batchUpdate({ requests: [{ unmergeCells: { range: merge(1, 0, 10, 5) } }] }, ID);
    expect(sheet.merges).toEqual([merge(0, 0, 1, 3)]);
    expect(Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Sheet1!A2:B3'], ...UNFORMATTED }).valueRanges?.[0].values).toEqual([['', 'Ya']]);
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#duplicatesheetrequest
  test('duplicateSheet copies a tab last, with the id and title asked; a tab holding protections or metadata is refused', () => {
    const { Sheets, workbook } = harness();
    const rule = { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }] }, strict: true, showCustomUi: true };
    const cell = { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 };
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { updateCells: { range: cell, rows: [{ values: [{ userEnteredValue: { formulaValue: '=A1+1' }, note: 'catatan' }] }], fields: 'userEnteredValue,note' } },
          { setDataValidation: { range: cell, rule } },
          { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 }, properties: { pixelSize: 240 }, fields: 'pixelSize' } },
        ],
      },
      ID,
    );
    const reply = Sheets.Spreadsheets.batchUpdate({ requests: [{ duplicateSheet: { sourceSheetId: 0, newSheetId: 7, newSheetName: 'Salinan', insertSheetIndex: 1 } }] }, ID);
    expect(reply.replies?.[0]).toMatchObject({ duplicateSheet: { properties: { sheetId: 7, title: 'Salinan', index: 1 } } });
    const [source, copy] = workbook.sheets;
    expect(copy.rows).toEqual(source.rows);
    expect(copy.rows[1][1]).toMatchObject({ formula: '=A1+1', note: 'catatan' });
    expect(copy.dataValidations).toEqual([{ range: { ...cell, sheetId: 7 }, rule }]);
    expect(copy.columnWidths).toEqual({ 1: 240 });
    const duplicate = (insertSheetIndex: number) => Sheets.Spreadsheets.batchUpdate({ requests: [{ duplicateSheet: { sourceSheetId: 0, newSheetId: 8, newSheetName: 'Lagi', insertSheetIndex } }] }, ID);
    expect(() => duplicate(0)).toThrow('Not implemented in the local runtime: duplicateSheet other than last');
    Sheets.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range: cell, editors: { users: [workbook.owner] } } } }] }, ID);
    expect(() => duplicate(2)).toThrow('Not implemented in the local runtime: duplicateSheet of a sheet with protections or developer metadata');
  });

  test('a request kind, field or option the runtime does not emulate is refused by name', () => {
    const { Sheets } = harness();
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ mergeCells: { range: { sheetId: 0 } } }] }, ID)).toThrow('Invalid requests[0].mergeCells: Not implemented in the local runtime: batchUpdate request mergeCells');
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ updateSheetProperties: { properties: { sheetId: 0, hidden: true }, fields: 'hidden' } }] }, ID)).toThrow('Not implemented in the local runtime: updateSheetProperties fields hidden');
    expect(() => Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Sheet1!A1'], valueRenderOption: 'FORMATTED_VALUE' })).toThrow('Not implemented in the local runtime');
  });
});

describe('Spreadsheets.get and Values', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get (fields mask)
  test('get returns sheet properties under a fields mask', () => {
    const { Sheets } = harness();
    Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Unit' } } }] }, ID);
    const result = Sheets.Spreadsheets.get(ID, { fields: 'properties(timeZone),sheets(properties(sheetId,title,index))' });
    expect(result).toEqual({ properties: { timeZone: 'Asia/Jakarta' }, sheets: [{ properties: { sheetId: 0, title: 'Sheet1', index: 0 } }, { properties: { sheetId: 1, title: 'Unit', index: 1 } }] });
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet (trailing empty rows and columns are omitted)
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption
  test('batchGet omits trailing empties and gives unformatted values, dates as serial numbers', () => {
    const { Sheets, calls } = harness();
    const value = (v: unknown) => ({ userEnteredValue: typeof v === 'number' ? { numberValue: v } : { formulaValue: v } });
    Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [value(0.5), value('=A1*2')] }, { values: [value('=DATE(2024,3,31)')] }], fields: 'userEnteredValue' } }] }, ID);
    const read = Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Sheet1!A1:D10', 'Sheet1!C1'], ...UNFORMATTED });
    expect(read.valueRanges).toEqual([
      { range: 'Sheet1!A1:D10', majorDimension: 'ROWS', values: [[0.5, 1], [45382]] },
      { range: 'Sheet1!C1', majorDimension: 'ROWS' },
    ]);
    expect(calls.find((c) => c.method === 'batchGet')).toEqual({ service: 'Sheets.Spreadsheets.Values', method: 'batchGet', kind: 'read', cells: 41 });
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get (grid data under a field mask; includeGridData ignored)
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#ExtendedValue (dates as serial numbers, errors as ErrorValue)
  test('get returns grid data under a mask naming it: effective values, an empty cell as {}, charged by the cells returned', () => {
    const { Sheets, calls } = harness();
    const cell = (v: Record<string, unknown>) => ({ userEnteredValue: v });
    const rows = [
      { values: [cell({ numberValue: 0.5 }), cell({ formulaValue: '=A1*2' }), {}, cell({ stringValue: 'Ya' })] },
      { values: [cell({ formulaValue: '=DATE(2024,3,31)' }), cell({ boolValue: true }), cell({ formulaValue: '=1/0' })] },
    ];
    Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows, fields: 'userEnteredValue' } }] }, ID);
    const result = Sheets.Spreadsheets.get(ID, { fields: 'sheets(properties(title),data(rowData(values(effectiveValue))))' }) as unknown as { sheets: { properties: unknown; data: { rowData: unknown }[] }[] };
    expect(result.sheets[0].data[0].rowData).toEqual([
      { values: [{ effectiveValue: { numberValue: 0.5 } }, { effectiveValue: { numberValue: 1 } }, {}, { effectiveValue: { stringValue: 'Ya' } }] },
      { values: [{ effectiveValue: { numberValue: 45382 } }, { effectiveValue: { boolValue: true } }, { effectiveValue: { errorValue: { type: 'DIVIDE_BY_ZERO', message: expect.any(String) } } }] },
    ]);
    expect(result.sheets[0].properties).toEqual({ title: 'Sheet1' });
    expect(calls.find((c) => c.method === 'get')).toMatchObject({ service: 'Sheets.Spreadsheets', method: 'get', kind: 'read', cells: 7 });
    expect(() => Sheets.Spreadsheets.get(ID, { fields: 'sheets(data(rowData(values(formattedValue))))' })).toThrow('Not implemented in the local runtime');
  });
});
