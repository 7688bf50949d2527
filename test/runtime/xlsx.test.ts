// .xlsx load/save: a save/load round trip loses nothing (every value, formula, format,
// validation, protection, metadata entry, frozen rows, widths, sheet order), the native parts
// hold what other spreadsheet applications show, and a workbook without our meta sheet (as
// exported from Google Sheets) loads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetModel, WorkbookModel } from '../../local/model/types';
import { emptySheet, newWorkbook } from '../../local/model/workbook';
import { META_SHEET, loadWorkbook, saveWorkbook } from '../../local/xlsx';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-xlsx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sheet(id: number, title: string, fill: (s: SheetModel) => void): SheetModel {
  const s = emptySheet(id, title, 60, 16);
  fill(s);
  return s;
}

/** A workbook using every part of the model. */
function richWorkbook(): WorkbookModel {
  const wb = newWorkbook({ owner: 'sekretariat@example.go.id', title: 'Pendampingan 2026', spreadsheetId: 'abc123' });
  const pengaturan = sheet(7, 'Pengaturan', (s) => {
    s.rows[0] = [{ value: 'kunci', format: { bold: true, background: '#d9ead3' } }, { value: 'nilai', format: { bold: true } }];
    s.rows[1] = [{ value: 'batas_waktu' }, { value: 46234, format: { numberFormat: 'yyyy-mm-dd' } }];
    s.rows[2] = [{ value: 'bahasa' }, { value: 'id', note: 'id atau en' }];
    s.rows[3] = [{ value: 'agensi' }, { value: '=bukan rumus', format: { numberFormat: '@' } }];
    s.rows[4] = [{ value: 'aktif' }, { value: true }];
    s.rows[5] = [{ value: 'pecahan' }, { value: 0.1 + 0.2, format: { numberFormat: '0.00', horizontalAlignment: 'RIGHT', wrap: true } }];
    s.rows[6] = [{ value: 'jam' }, { value: 46234.75, format: { numberFormat: 'dd/MM/yyyy HH:mm:ss' } }];
    s.frozenRowCount = 1;
    s.columnWidths = { 0: 180, 1: 240 };
    s.tabColor = '#38761d';
    s.developerMetadata = [{ metadataId: 20, metadataKey: 'pendamping.system', metadataValue: 'pengaturan', visibility: 'DOCUMENT', location: { sheetId: 7 } }];
  });
  const unit = sheet(3, 'DINKES — Dinas Kesehatan', (s) => {
    s.rows[0] = [{ value: 'DINKES — Dinas Kesehatan', format: { bold: true, fontColor: '#1155cc', italic: true } }];
    s.rows[4] = [
      { value: 'Hasil' },
      { formula: '=RINGKASAN_KEPATUHAN(A7:N9,Kategori!A:D)', value: 82.5 },
      { value: 70, spilledFrom: { row: 4, column: 1 } },
      { value: 'Baik', spilledFrom: { row: 4, column: 1 } },
    ];
    s.rows[6] = [{ value: 'Kode' }, { value: 'Jawaban Mandiri' }, { value: 'Bobot' }];
    s.rows[7] = [{ value: 'A.1' }, { value: 'Ya' }, { value: 2 }, { formula: '=IFNA(VLOOKUP(B8,Kategori!A:B,2,FALSE),"")', value: '' }];
    s.rows[8] = [{ value: 'A.2' }, { value: 'Sebagian' }, { value: 3 }, { formula: '=1/0', value: '#DIV/0!', error: 'Function DIVIDE parameter 2 cannot be zero.' }];
    s.rows[9] = [{ formula: '=NOSUCH()', value: '#ERROR!', error: 'Unknown function' }];
    s.frozenRowCount = 7;
    s.frozenColumnCount = 1;
    s.merges = [{ sheetId: 3, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 6 }];
    s.dataValidations = [
      {
        range: { sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 1, endColumnIndex: 2 },
        rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }, { userEnteredValue: 'Sebagian' }, { userEnteredValue: 'Tidak' }] }, strict: true, showCustomUi: true, inputMessage: 'Pilih jawaban' },
      },
      {
        range: { sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 2, endColumnIndex: 3 },
        rule: { condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '0' }, { userEnteredValue: '10' }] }, strict: false },
      },
      {
        range: { sheetId: 3, startRowIndex: 7, startColumnIndex: 4, endColumnIndex: 5 },
        rule: { condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: '=Kategori!$A$2:$A$5' }] }, strict: true, showCustomUi: true },
      },
      {
        range: { sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 5, endColumnIndex: 6 },
        rule: { condition: { type: 'TEXT_IS_EMAIL' }, strict: true },
      },
    ];
    s.conditionalFormats = [
      {
        ranges: [{ sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 1, endColumnIndex: 2 }],
        booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Tidak' }] }, format: { backgroundColor: '#f4cccc', bold: true } },
      },
      {
        ranges: [{ sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 0, endColumnIndex: 3 }],
        booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=$B8="Sebagian"' }] }, format: { fontColor: '#b45f06' } },
      },
      {
        ranges: [{ sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 2, endColumnIndex: 3 }],
        booleanRule: { condition: { type: 'DATE_BEFORE', values: [{ userEnteredValue: 'TODAY' }] }, format: { backgroundColor: '#cccccc' } },
      },
    ];
    s.protectedRanges = [
      { protectedRangeId: 30, range: { sheetId: 3 }, description: 'Unit DINKES', unprotectedRanges: [{ sheetId: 3, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 1, endColumnIndex: 2 }], editors: { users: ['sekretariat@example.go.id', 'asesor@example.go.id'] } },
      { protectedRangeId: 31, range: { sheetId: 3, startRowIndex: 4, endRowIndex: 5 }, warningOnly: true, editors: { users: [] } },
    ];
    s.developerMetadata = [
      { metadataId: 21, metadataKey: 'pendamping.unit', metadataValue: 'DINKES', visibility: 'DOCUMENT', location: { sheetId: 3 } },
      { metadataId: 22, metadataKey: 'pendamping.row', metadataValue: 'A.1', visibility: 'PROJECT', location: { sheetId: 3 } },
    ];
    s.charts = [{ chartId: 40, spec: { title: 'Skor', basicChart: { chartType: 'BAR' } }, anchor: { sheetId: 3, rowIndex: 12, columnIndex: 1 } }];
  });
  const arsip = sheet(12, 'Arsip', (s) => {
    s.hidden = true;
    s.rows[0] = [{ value: 'dihapus' }];
  });
  wb.sheets = [pengaturan, unit, arsip];
  wb.documentProperties = { 'pendamping.installer': 'sekretariat@example.go.id', 'pendamping.ledger': JSON.stringify({ sent: ['DINKES'] }) };
  wb.mailQuota = [{ at: '2026-03-01T02:00:00.000Z', recipients: 3 }];
  wb.triggers = [{ id: 't1', handlerFunction: 'hourlyReminder', eventType: 'CLOCK', everyMs: 3_600_000, user: 'sekretariat@example.go.id', createdAt: '2026-03-01T02:00:00.000Z' }];
  wb.editors = ['asesor@example.go.id'];
  wb.nextId = 41;
  return wb;
}

test('a save/load round trip gives back the identical workbook model', async () => {
  const original = richWorkbook();
  const file = join(dir, 'rt.xlsx');
  await saveWorkbook(original, file);
  const loaded = await loadWorkbook(file);
  expect(loaded).toEqual(original);
  // and once more: saving what was loaded is stable
  await saveWorkbook(loaded, file);
  expect(await loadWorkbook(file)).toEqual(original);
});

test('large meta data is chunked into cells Excel accepts (≤ 32,767 characters)', async () => {
  const wb = richWorkbook();
  for (let i = 0; i < 60; i += 1) wb.documentProperties[`k${i}`] = 'x'.repeat(8000);
  const file = join(dir, 'big.xlsx');
  await saveWorkbook(wb, file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  const meta = raw.getWorksheet(META_SHEET);
  expect(meta?.state).toBe('hidden');
  expect(meta?.rowCount).toBeGreaterThan(10);
  meta?.eachRow((row) => expect(String(row.getCell(1).value).length).toBeLessThanOrEqual(32_767));
  expect((await loadWorkbook(file)).documentProperties).toEqual(wb.documentProperties);
});

test('the native parts carry what other applications show', async () => {
  const file = join(dir, 'native.xlsx');
  await saveWorkbook(richWorkbook(), file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  expect(raw.worksheets.map((w) => w.name)).toEqual(['Pengaturan', 'DINKES — Dinas Kesehatan', 'Arsip', META_SHEET]);
  const unit = raw.getWorksheet('DINKES — Dinas Kesehatan') as ExcelJS.Worksheet;
  expect(unit.getCell('B5').value).toEqual({ formula: 'RINGKASAN_KEPATUHAN(A7:N9,Kategori!A:D)', result: 82.5 });
  // Excel needs the _xlfn. prefix on functions newer than 2007.
  expect(unit.getCell('D8').formula).toBe('_xlfn.IFNA(VLOOKUP(B8,Kategori!A:B,2,FALSE),"")');
  expect(unit.getCell('A10').value).toEqual({ formula: 'NOSUCH()', result: { error: '#VALUE!' } });
  expect(unit.views[0]).toMatchObject({ state: 'frozen', ySplit: 7, xSplit: 1 });
  expect(raw.getWorksheet('Arsip')?.state).toBe('hidden');
  const pengaturan = raw.getWorksheet('Pengaturan') as ExcelJS.Worksheet;
  expect(pengaturan.getCell('B2').numFmt).toBe('yyyy-mm-dd');
  expect(pengaturan.getCell('B4').value).toBe('=bukan rumus');
  expect(Math.round((pengaturan.getColumn(2).width as number) * 7 + 5)).toBe(240);
});

test('a workbook exported from Google Sheets (no meta sheet) loads, with made-up sheet ids and the given owner', async () => {
  const file = join(dir, 'export.xlsx');
  await saveWorkbook(richWorkbook(), file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  raw.removeWorksheet((raw.getWorksheet(META_SHEET) as ExcelJS.Worksheet).id);
  const exported = join(dir, 'Pendampingan dari Drive.xlsx');
  await raw.xlsx.writeFile(exported);

  const wb = await loadWorkbook(exported, { owner: 'kantor@example.go.id' });
  expect(wb.owner).toBe('kantor@example.go.id');
  expect(wb.title).toBe('Pendampingan dari Drive');
  expect(wb.timeZone).toBe('Asia/Jakarta');
  expect(wb.sheets.map((s) => s.title)).toEqual(['Pengaturan', 'DINKES — Dinas Kesehatan', 'Arsip']);
  const ids = wb.sheets.map((s) => s.sheetId);
  expect(new Set(ids).size).toBe(3);
  expect(wb.nextId).toBeGreaterThan(Math.max(...ids));
  const [pengaturan, unit, arsip] = wb.sheets;
  expect(arsip.hidden).toBe(true);
  expect(pengaturan.rows[1][1]).toEqual({ value: 46234, format: { numberFormat: 'yyyy-mm-dd' } });
  expect(pengaturan.rows[3][1]).toEqual({ value: '=bukan rumus', format: { numberFormat: '@' } });
  expect(pengaturan.columnWidths).toEqual({ 0: 180, 1: 240 });
  expect(pengaturan.tabColor).toBe('#38761d');
  expect(unit.frozenRowCount).toBe(7);
  // The grid is at least Sheets' default 1000 × 26, and holds every cell (the tab has empty rows).
  expect([...unit.rows.keys()].some((i) => !(i in unit.rows))).toBe(true);
  for (const s of wb.sheets) {
    expect(Number.isInteger(s.rowCount) && s.rowCount >= Math.max(1000, s.rows.length)).toBe(true);
    expect(Number.isInteger(s.columnCount) && s.columnCount >= 26).toBe(true);
  }
  expect(unit.rows[4][1]).toEqual({ formula: '=RINGKASAN_KEPATUHAN(A7:N9,Kategori!A:D)', value: 82.5 });
  expect(unit.rows[7][3]?.formula).toBe('=IFNA(VLOOKUP(B8,Kategori!A:B,2,FALSE),"")');
  expect(unit.merges).toEqual([{ sheetId: unit.sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 6 }]);
  const list = unit.dataValidations.find((v) => v.rule.condition.type === 'ONE_OF_LIST');
  expect(list?.range).toEqual({ sheetId: unit.sheetId, startRowIndex: 7, endRowIndex: 9, startColumnIndex: 1, endColumnIndex: 2 });
  expect(list?.rule.condition.values?.map((v) => v.userEnteredValue)).toEqual(['Ya', 'Sebagian', 'Tidak']);
  expect(list?.rule.inputMessage).toBe('Pilih jawaban');
  // The add-on's own kinds (dropdown lists, custom-formula colours) are read; the others stay in the file's form.
  expect(unit.dataValidations.map((v) => v.rule.condition.type)).toEqual(['ONE_OF_LIST']);
  expect(unit.conditionalFormats.map((c) => c.booleanRule.condition.type)).toEqual(['CUSTOM_FORMULA']);
  expect(unit.conditionalFormats[0].booleanRule.format).toEqual({ fontColor: '#b45f06' });
  expect(unit.protectedRanges).toEqual([]);
  expect(wb.documentProperties).toEqual({});
});
