// When the formula engine recalculates: a batch of writes (one Range.setValues, one Sheets API
// batchUpdate, Apps Script's buffer of single-cell writes) recomputes a custom-function cell that
// depends on it once, and a read after the writes sees the recomputed value. Also: arrays of the
// bundle's own realm spill, and sheet names with an apostrophe work in formulas.
import vm from 'node:vm';
import { FormulaEngine, type CustomFunctionHost } from '../../local/engine';
import { userEnteredToCell } from '../../local/model/workbook';
import type { SheetModel } from '../../local/model/types';
import { harness } from './spreadsheet-harness';

const typed = (rows: unknown[][]) => rows.map((row) => row.map((v) => userEnteredToCell(v)));

/** JUMLAH(range): the sum of the numbers of a range, counting its calls (like RINGKASAN_KEPATUHAN, a pure function of a table). */
function counting(): CustomFunctionHost & { calls: number } {
  const host = {
    calls: 0,
    functions: [{ name: 'JUMLAH', resultSize: { rows: 1, columns: 1 } }],
    invoke: (_name: string, args: unknown[]) => {
      host.calls += 1;
      const table = args[0] as unknown[][];
      return table.flat().reduce((sum: number, v) => sum + (typeof v === 'number' ? v : 0), 0);
    },
  };
  return host;
}

/** A sheet whose A1 sums A3:B12 with the custom function, and a native formula beside it. */
function tableSheet(engine: FormulaEngine, sheet: SheetModel): void {
  engine.editor.writeContent(sheet, 0, 0, typed([['=JUMLAH(A3:B12)', '=SUM(A3:B12)']]));
}

const valueAt = (sheet: SheetModel, a: [number, number]) => sheet.rows[a[0]]?.[a[1]]?.value;

describe('one recalculation per batch of writes', () => {
  test('without a batch every write recomputes the custom-function cell; in a batch it is computed once, at the end', () => {
    const host = counting();
    const { engine, workbook } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    tableSheet(engine, sheet);
    expect(host.calls).toBe(1);
    for (let r = 2; r < 12; r += 1) engine.editor.writeContent(sheet, r, 0, typed([[1]]));
    expect(host.calls).toBe(11);
    expect(valueAt(sheet, [0, 0])).toBe(10);

    engine.batch(() => {
      for (let r = 2; r < 12; r += 1) engine.editor.writeContent(sheet, r, 1, typed([[2]]));
    });
    expect(host.calls).toBe(12);
    expect(valueAt(sheet, [0, 0])).toBe(30);
    expect(valueAt(sheet, [0, 1])).toBe(30);
  });

  test('nested batches join the outer one; rows inserted and a sheet added inside a batch keep every value right', () => {
    const host = counting();
    const { engine, workbook } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    tableSheet(engine, sheet);
    const before = host.calls;
    engine.batch(() => {
      engine.editor.writeContent(sheet, 2, 0, typed([[5]]));
      engine.batch(() => engine.editor.writeContent(sheet, 3, 0, typed([[7]])));
      engine.editor.insertDimension(sheet, 'ROWS', 1, 1);
      const other = engine.editor.addSheet({ title: 'Lain' });
      engine.editor.writeContent(other, 0, 0, typed([['=Sheet1!A1*2', '=JUMLAH(Sheet1!A4:A5)']]));
    });
    // the formula moved with the inserted row and now reads A4:B13
    expect(sheet.rows[0][0]).toMatchObject({ formula: '=JUMLAH(A4:B13)', value: 12 });
    expect(workbook.sheets[1].rows[0].map((c) => c?.value)).toEqual([24, 12]);
    // A1 recomputed once (its table changed, then moved), the new sheet's cell once
    expect(host.calls - before).toBe(2);
  });

  test('a batch that throws still recalculates what it changed', () => {
    const host = counting();
    const { engine, workbook } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    tableSheet(engine, sheet);
    expect(() =>
      engine.batch(() => {
        engine.editor.writeContent(sheet, 2, 0, typed([[4]]));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(valueAt(sheet, [0, 0])).toBe(4);
    engine.editor.writeContent(sheet, 2, 0, typed([[6]]));
    expect(valueAt(sheet, [0, 0])).toBe(6);
  });

  // "Each time a custom function is used in a spreadsheet, Google Sheets makes a separate call to
  // the Apps Script server" (https://developers.google.com/apps-script/guides/sheets/functions#optimization);
  // a batchUpdate is applied as one change: "the updates are applied together atomically"
  // (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate).
  test('a Sheets API batchUpdate of one cell per request recomputes the dependent custom-function cell once', () => {
    const host = counting();
    const { engine, workbook, Sheets } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    tableSheet(engine, sheet);
    const before = host.calls;
    const requests = Array.from({ length: 20 }, (_, i) => ({
      updateCells: {
        start: { sheetId: sheet.sheetId, rowIndex: 2 + (i % 10), columnIndex: Math.floor(i / 10) },
        rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }] }],
        fields: 'userEnteredValue',
      },
    }));
    Sheets.Spreadsheets.batchUpdate({ requests }, workbook.spreadsheetId);
    expect(host.calls - before).toBe(1);
    expect(valueAt(sheet, [0, 0])).toBe(20);
    const read = Sheets.Spreadsheets.Values.batchGet(workbook.spreadsheetId, { ranges: ['Sheet1!A1:B1'], valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });
    expect(read.valueRanges[0].values).toEqual([[20, 20]]);
  });

  // Apps Script "may group operations together for performance" until a read or
  // SpreadsheetApp.flush() (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
  test('with a write buffer, single-cell writes wait for the next read: one recalculation, and the read sees it', () => {
    const host = counting();
    const { engine, workbook, app } = harness({ customFunctions: host, bufferWrites: true });
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    if (!sheet) throw new Error('no Sheet1');
    sheet.getRange('A1:B1').setValues([['=JUMLAH(A3:B12)', '=SUM(A3:B12)']]);
    expect(sheet.getRange('A1').getValues()).toEqual([[0]]);
    const before = host.calls;
    for (let r = 3; r <= 12; r += 1) sheet.getRange(`A${r}`).setValue(r);
    sheet.getRange('B3:B12').setValues(Array.from({ length: 10 }, () => [1]));
    sheet.getRange('B3').setValue('');
    expect(host.calls).toBe(before);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[84, 84]]);
    expect(host.calls - before).toBe(1);
    // flush() sends the buffer too; recalculating it is Sheets' work, done once for the writes on
    // both sides of the flush when the script next reads
    sheet.getRange('A3').setValue(100);
    app.flush();
    sheet.getRange('A4').setValue(0);
    expect(host.calls - before).toBe(1);
    expect(engine.getValue(workbook.sheets[0].sheetId, 0, 1)).toBe(177);
    expect(valueAt(workbook.sheets[0], [0, 0])).toBe(177);
    expect(host.calls - before).toBe(2);
  });
});

describe('custom-function results of the bundle realm', () => {
  // The bundle runs in a vm context (gas-local): its arrays are not instances of this realm's Array.
  // https://developers.google.com/apps-script/guides/sheets/functions#return_values (a 2-D array spills)
  test('a 2-D array and a 1-D array made in another realm spill right and down', () => {
    const bundle = vm.createContext({});
    const host: CustomFunctionHost = {
      functions: [
        { name: 'TABEL', resultSize: { rows: 2, columns: 3 } },
        { name: 'KOLOM', resultSize: { rows: 3, columns: 1 } },
      ],
      invoke: (name) => vm.runInContext(name === 'TABEL' ? '[[1, "dua", true], [4, 5, 6]]' : '["a", "b", "c"]', bundle),
    };
    const { engine, workbook } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 0, 0, typed([['=TABEL()', '', '', '=KOLOM()'], [], [], ['=SUM(A1:C2)', '=B1&D3']]));
    expect(Array.isArray(vm.runInContext('[]', bundle)) && !(vm.runInContext('[]', bundle) instanceof Array)).toBe(true);
    expect([0, 1].map((r) => sheet.rows[r].slice(0, 3).map((c) => c?.value))).toEqual([[1, 'dua', true], [4, 5, 6]]);
    expect([0, 1, 2].map((r) => sheet.rows[r][3]?.value)).toEqual(['a', 'b', 'c']);
    expect(sheet.rows[3].slice(0, 2).map((c) => c?.value)).toEqual([16, 'duac']);
  });
});

describe("sheet names with an apostrophe ('Dinas Ibu''s')", () => {
  // https://support.google.com/docs/answer/75943?hl=en ("Reference data from other sheets": a name
  // with spaces or punctuation is quoted, an apostrophe in it doubled)
  test('a formula with a quoted name computes, through a custom function too, and survives a rename, an insert and a delete', () => {
    const host = counting();
    const { engine, workbook } = harness({ customFunctions: host });
    const sheet = workbook.sheets[0];
    const dinas = engine.editor.addSheet({ title: "Dinas Ibu's" });
    engine.editor.writeContent(dinas, 0, 0, typed([[3, 4], [5, 6]]));
    engine.editor.writeContent(sheet, 0, 0, typed([["='Dinas Ibu''s'!A1*2", "=JUMLAH('Dinas Ibu''s'!A1:B2)"]]));
    const row = () => sheet.rows[0].slice(0, 2);
    expect(row().map((c) => c?.value)).toEqual([6, 18]);

    engine.editor.insertDimension(dinas, 'ROWS', 0, 1);
    expect(row().map((c) => c?.formula)).toEqual(["='Dinas Ibu''s'!A2*2", "=JUMLAH('Dinas Ibu''s'!A2:B3)"]);
    expect(row().map((c) => c?.value)).toEqual([6, 18]);

    engine.editor.renameSheet(dinas.sheetId, "Dinas Ibu's Baru");
    expect(row().map((c) => c?.formula)).toEqual(["='Dinas Ibu''s Baru'!A2*2", "=JUMLAH('Dinas Ibu''s Baru'!A2:B3)"]);
    engine.editor.writeContent(dinas, 1, 0, typed([[10]]));
    expect(row().map((c) => c?.value)).toEqual([20, 25]);

    engine.editor.deleteSheet(dinas.sheetId);
    expect(row()[0]?.value).toBe('#REF!');
    const again = engine.editor.addSheet({ title: "Dinas Ibu's Baru" });
    engine.editor.writeContent(again, 1, 0, typed([[1]]));
    expect(row().map((c) => c?.value)).toEqual([2, 1]);
  });
});
