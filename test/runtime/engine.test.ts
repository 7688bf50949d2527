// The formula engine against Sheets behaviour: native formulas, references across and into renamed
// sheets, custom functions with Apps Script arguments and spilling results.
import { newWorkbook, userEnteredToCell } from '../../local/model/workbook';
import type { SheetModel } from '../../local/model/types';
import { harness } from './spreadsheet-harness';

const typed = (rows: unknown[][]) => rows.map((row) => row.map((v) => userEnteredToCell(v)));

describe('native formulas', () => {
  // https://support.google.com/docs/table/25273 (Google Sheets function list: SUM, IF, COUNTIF, INDEX, MATCH, VLOOKUP)
  test('SUM, IF, COUNTIF, INDEX/MATCH, VLOOKUP and references across sheets compute', () => {
    const { engine, workbook } = harness();
    const editor = engine.editor;
    const kategori = editor.addSheet({ title: 'Kategori' });
    editor.writeContent(kategori, 0, 0, typed([['Kategori', 'Skor Minimum'], ['Kurang', 0], ['Cukup', 60], ['Baik', 80]]));
    const sheet = workbook.sheets[0];
    editor.writeContent(sheet, 0, 0, typed([
      [10, 'Ya'],
      [20, 'Tidak'],
      [30, 'Ya'],
      ['=SUM(A1:A3)', '=IF(A4>50,"besar","kecil")', '=COUNTIF(B1:B3,"Ya")', '=INDEX(Kategori!A1:A4,MATCH(65,Kategori!B1:B4,1))', '=VLOOKUP("Baik",Kategori!A:B,2,FALSE)', '=A4+Kategori!B4'],
    ]));
    expect(sheet.rows[3].map((c) => c?.value)).toEqual([60, 'besar', 2, 'Cukup', 80, 140]);
    editor.writeContent(sheet, 0, 0, typed([[100]]));
    expect(sheet.rows[3][0]?.value).toBe(150);
  });

  // https://support.google.com/docs/answer/1726611 (renaming a sheet updates the formulas that refer to it)
  test('renaming a sheet keeps references working and rewrites the formula text', () => {
    const { engine, workbook } = harness();
    const data = engine.editor.addSheet({ title: 'Data Lama' });
    engine.editor.writeContent(data, 0, 0, typed([[7]]));
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 0, 0, typed([["='Data Lama'!A1*2"]]));
    engine.editor.renameSheet(data.sheetId, 'Data Baru');
    expect(sheet.rows[0][0]).toMatchObject({ formula: "='Data Baru'!A1*2", value: 14 });
    engine.editor.writeContent(data, 0, 0, typed([[8]]));
    expect(sheet.rows[0][0]?.value).toBe(16);
  });

  test('a reference to a missing sheet is #REF! until a sheet of that name is added', () => {
    const { engine, workbook } = harness();
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 0, 0, typed([['=Nanti!A1+1']]));
    expect(sheet.rows[0][0]?.value).toBe('#REF!');
    const later = engine.editor.addSheet({ title: 'Nanti' });
    engine.editor.writeContent(later, 0, 0, typed([[4]]));
    expect(sheet.rows[0][0]?.value).toBe(5);
  });

  test('inserting rows moves references with the cells', () => {
    const { engine, workbook } = harness();
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 0, 0, typed([[1], [2], ['=SUM(A1:A2)']]));
    engine.editor.insertDimension(sheet, 'ROWS', 0, 2);
    expect(sheet.rows[4][0]).toMatchObject({ formula: '=SUM(A3:A4)', value: 3 });
  });
});

describe('custom functions', () => {
  const summary = (calls: unknown[][]) => ({
    functions: [{ name: 'RINGKASAN', resultSize: { rows: 1, columns: 5 } }],
    invoke: (_name: string, args: unknown[]) => {
      calls.push(args);
      const table = args[0] as unknown[][];
      if (!Array.isArray(table)) throw new Error('tabel_indikator harus berupa rentang');
      return [[table.length, 'Baik', 3, 4, 5]];
    },
  });

  // https://developers.google.com/apps-script/guides/sheets/functions#arguments (a range arrives as a 2-D array)
  // https://developers.google.com/apps-script/guides/sheets/functions#return_values (a 2-D array result spills)
  test('a range argument arrives as a 2-D array with Dates, booleans and "" for empty cells; a 1×5 result spills', () => {
    const calls: unknown[][] = [];
    const { engine, workbook, realm } = harness({ customFunctions: summary(calls) });
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 6, 0, typed([['Kode', 'Batas'], ['A1', '2024-03-31'], [true, '']]));
    engine.editor.writeContent(sheet, 4, 1, typed([['=RINGKASAN(A7:B9, A8)']]));
    expect(calls).toHaveLength(1);
    const [table, single] = calls[0] as [unknown[][], unknown];
    expect(Array.isArray(table) && table instanceof realm.Array).toBe(true);
    expect(table[0]).toEqual(['Kode', 'Batas']);
    expect(table[1][1]).toBeInstanceOf(realm.Date);
    expect((table[1][1] as Date).getTime()).toBe(new Date('2024-03-31T00:00:00+07:00').getTime());
    expect(table[2]).toEqual([true, '']);
    expect(single).toBe('A1');
    expect(sheet.rows[4].slice(1, 6).map((c) => c?.value)).toEqual([3, 'Baik', 3, 4, 5]);
    expect(engine.customFunctionEvaluations).toBe(1);
  });

  test('content in the way turns the result into #REF!, clearing it lets the result spill again', () => {
    const calls: unknown[][] = [];
    const { engine, workbook } = harness({ customFunctions: summary(calls) });
    const sheet: SheetModel = workbook.sheets[0];
    engine.editor.writeContent(sheet, 4, 1, typed([['=RINGKASAN(A7:B9)']]));
    engine.editor.writeContent(sheet, 4, 4, typed([['catatan']]));
    // Sheets shows #REF! ("Array result was not expanded because it would overwrite data in E5"); the message is HyperFormula's
    expect(sheet.rows[4][1]?.value).toBe('#REF!');
    expect(sheet.rows[4][2]?.value).toBeUndefined();
    engine.editor.writeContent(sheet, 4, 4, [[{}]]);
    expect(sheet.rows[4].slice(1, 6).map((c) => c?.value)).toEqual([3, 'Baik', 3, 4, 5]);
    // blocked, the function was not called; expanding again computes the cell once more
    expect(calls).toHaveLength(2);
  });

  // HyperFormula gives an array formula its cells only if they are free when it is set; Sheets expands it once they are.
  test('a formula set while content is in the way expands when a later write of the same batch clears it', () => {
    const calls: unknown[][] = [];
    const { engine, workbook } = harness({ customFunctions: summary(calls) });
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 4, 2, typed([[94, 'Hijau', 2, 100]]));
    engine.batch(() => {
      engine.editor.writeContent(sheet, 4, 1, typed([['=RINGKASAN(A7:B9)']]));
      engine.editor.writeContent(sheet, 4, 2, [[{}, {}, {}, {}]]);
    });
    expect(sheet.rows[4].slice(1, 6).map((c) => c?.value)).toEqual([3, 'Baik', 3, 4, 5]);
    expect(sheet.rows[4][3]?.spilledFrom).toEqual({ row: 4, column: 1 });
  });

  test('a result larger than the size the function declares is #ERROR!, naming both sizes', () => {
    const host = { functions: [{ name: 'TABEL', resultSize: { rows: 1, columns: 2 } }], invoke: () => [[1, 2], [3, 4]] };
    const { engine, workbook } = harness({ customFunctions: host });
    engine.editor.writeContent(workbook.sheets[0], 0, 0, typed([['=TABEL()']]));
    expect(workbook.sheets[0].rows[0][0]).toMatchObject({ value: '#ERROR!', error: 'TABEL returned 2×2 cells; its CUSTOM_FUNCTIONS resultSize declares 1×2.' });
  });

  test('an error thrown by the function shows as #ERROR! with its message; other formulas see the spilled cells', () => {
    const calls: unknown[][] = [];
    const { engine, workbook } = harness({ customFunctions: summary(calls) });
    const sheet = workbook.sheets[0];
    engine.editor.writeContent(sheet, 0, 0, typed([['=RINGKASAN("teks")', '', '', '', '', '', '=RINGKASAN(A5:A6)'], ['=G1&"/"&K1']]));
    expect(sheet.rows[0][0]).toMatchObject({ value: '#ERROR!', error: 'tabel_indikator harus berupa rentang' });
    expect(sheet.rows[1][0]?.value).toBe('2/5');
  });

  test('a workbook of 500 unit tabs with one custom-function cell each computes each cell once when built and once when its input changes', () => {
    const workbook = newWorkbook({ owner: 'o@x.id' });
    workbook.sheets[0].title = 'Kategori';
    workbook.sheets[0].rows = [[{ value: 'Baik' }, { value: 80 }]];
    for (let u = 0; u < 500; u += 1) {
      const rows: SheetModel['rows'] = [[{ value: `U${u} — Unit` }], [], [], [], [{ value: 'Hasil' }, { formula: '=RINGKASAN(A7:N57, Kategori!A:D)' }]];
      for (let r = 0; r < 51; r += 1) rows[6 + r] = Array.from({ length: 14 }, (_, c) => ({ value: c === 5 ? 'Ya' : `r${r}c${c}` }));
      workbook.sheets.push({ ...structuredClone(workbook.sheets[0]), sheetId: u + 1, title: `U${u}`, rows });
    }
    workbook.nextId = 501;
    const calls: unknown[][] = [];
    const { engine } = harness({ workbook, customFunctions: summary(calls) });
    expect(engine.customFunctionEvaluations).toBe(500);
    expect(workbook.sheets[250].rows[4][5]?.value).toBe(5);
    engine.editor.writeContent(workbook.sheets[0], 0, 1, typed([[70]]));
    expect(engine.customFunctionEvaluations).toBe(1000);
  });
});
