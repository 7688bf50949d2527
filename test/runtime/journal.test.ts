// The durable journal beside a workbook file (local/journal.ts): what a script has sent to the
// spreadsheet survives a command that never saved (killed, or failed) and is replayed on the
// next load, as Sheets keeps every write it received; what it had only buffered does not. A
// save merges the journal. A journal is never replayed onto a file changed elsewhere.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath, JournalConflictError } from '../../local/journal';
import type { WorkbookModel } from '../../local/model/types';
import { newWorkbook } from '../../local/model/workbook';
import { LocalRuntime } from '../../local/runtime';
import { withWorkbook } from '../../local/workbook-file';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { PROCESS_TEST_MS, childProgram, finished, startChild } from './services-support';

const owner = 'sekretariat@example.go.id';
let dir: string;
let code: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-journal-'));
  code = join(dir, 'Code.js');
  writeFileSync(
    code,
    `
var Pendamping = { CUSTOM_FUNCTIONS: [] };
function tab(name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name); }
function write(name, a1, value, flush) {
  tab(name).getRange(a1).setValue(value);
  if (flush) SpreadsheetApp.flush();
}
function writeThenHang(name, a1, value) {
  tab(name).getRange(a1).setValue(value);
  SpreadsheetApp.flush();
  tab(name).getRange('Z1').setValue('buffered, never flushed');
  // Taking the lock leaves its file: the test's sign that the buffered write was made.
  LockService.getDocumentLock().tryLock(0);
  for (;;) {}
}
function propertyThenHang() {
  tab('Data').getRange('B1').setValue('buffered, never flushed');
  PropertiesService.getDocumentProperties().setProperty('pendamping.test', 'tersimpan');
  LockService.getDocumentLock().tryLock(0);
  for (;;) {}
}
function reshape() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var id = ss.getId();
  var s = ss.insertSheet('Baru');
  s.getRange(1, 1, 3, 3).setValues([['Kode', 'Nilai', 'Rumus'], ['A', 3, '=B2*2'], ['B', 4, '=B3*2']]);
  s.insertRowsAfter(1, 2);
  s.protect().setDescription('pendamping:tab').addEditor('${owner}');
  var added = Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Tersembunyi', hidden: true } } }] }, id);
  var hidden = added.replies[0].addSheet.properties.sheetId;
  Sheets.Spreadsheets.batchUpdate({ requests: [
    { updateCells: { range: { sheetId: hidden, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 }, rows: [{ values: [
      { userEnteredValue: { stringValue: 'Kode' }, userEnteredFormat: { backgroundColor: { red: 1, green: 0.9, blue: 0.6 } }, note: 'kunci tabel' },
      { userEnteredValue: { numberValue: 7 }, userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00' } } },
    ] }], fields: 'userEnteredValue,userEnteredFormat,note' } },
    { insertDimension: { range: { sheetId: hidden, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
    { insertDimension: { range: { sheetId: hidden, dimension: 'ROWS', startIndex: 0, endIndex: 2 } } },
    { deleteDimension: { range: { sheetId: hidden, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
    { updateSheetProperties: { properties: { sheetId: hidden, title: 'Tersembunyi!', gridProperties: { frozenRowCount: 1 } }, fields: 'title,gridProperties.frozenRowCount' } },
    { updateDimensionProperties: { range: { sheetId: hidden, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 }, properties: { pixelSize: 180 }, fields: 'pixelSize' } },
    { addProtectedRange: { protectedRange: { range: { sheetId: hidden, startRowIndex: 0, endRowIndex: 1 }, description: 'pendamping:asesor', editors: { users: ['${owner}'] } } } },
    { createDeveloperMetadata: { developerMetadata: { metadataKey: 'pendamping.unit', metadataValue: 'A', location: { sheetId: hidden }, visibility: 'DOCUMENT' } } },
    { addConditionalFormatRule: { rule: { ranges: [{ sheetId: hidden, startRowIndex: 1, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 3 }], booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Tidak' }] }, format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } } } }, index: 0 } },
    // The last cell of a row emptied: the journal says how wide the block was.
    { updateCells: { range: { sheetId: hidden, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 2, endColumnIndex: 3 }, fields: 'userEnteredValue,userEnteredFormat' } },
  ] }, id);
  var gone = Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Sementara' } } }] }, id).replies[0].addSheet.properties.sheetId;
  Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteSheet: { sheetId: gone } }] }, id);
  ss.getSheetByName('Data').setName('Pertama');
  PropertiesService.getDocumentProperties().setProperty('pendamping.test', 'ya');
}
`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbookFile(name: string): Promise<string> {
  const file = join(dir, name);
  const wb = newWorkbook({ owner, spreadsheetId: 'journal-test' });
  wb.sheets[0].title = 'Data';
  await saveWorkbook(wb, file);
  return file;
}

const open = (workbook: WorkbookModel) => LocalRuntime.open({ workbook, user: owner, codePath: code, lockDir: join(dir, 'locks'), now: new Date('2026-03-02T01:00:00Z') });

class Crash extends Error {}

/** Runs `work` on the file's workbook as a command that dies before it saves. */
async function crashing(file: string, work: (rt: LocalRuntime) => void): Promise<WorkbookModel> {
  let model: WorkbookModel | undefined;
  await expect(
    withWorkbook(file, {}, async (wb) => {
      model = wb;
      work(await open(wb));
      throw new Crash();
    }),
  ).rejects.toBeInstanceOf(Crash);
  return model as WorkbookModel;
}

/** What the workbook holds, as a saved file would hold it (computed values left out). */
async function contents(wb: WorkbookModel, name: string): Promise<unknown> {
  const file = join(dir, name);
  await saveWorkbook(wb, file);
  const loaded = await loadWorkbook(file);
  for (const sheet of loaded.sheets) for (const row of sheet.rows) for (const cell of row ?? []) if (cell?.formula !== undefined) delete cell.value;
  return loaded;
}

const cell = (wb: WorkbookModel, sheet: string, row: number, column: number) => wb.sheets.find((s) => s.title === sheet)?.rows[row]?.[column]?.value;

test('what a command flushed before it died is there at the next load; a save merges the journal', async () => {
  const file = await workbookFile('buku.xlsx');
  await crashing(file, (rt) => {
    rt.run('write', 'Data', 'A1', 'dicatat', true);
    rt.run('write', 'Data', 'B1', 42, false); // sent when the execution ends
  });
  expect((await loadWorkbook(file)).sheets[0].rows[0]).toBeUndefined();
  expect(existsSync(journalPath(file))).toBe(true);

  await withWorkbook(file, {}, async (wb) => {
    expect([cell(wb, 'Data', 0, 0), cell(wb, 'Data', 0, 1)]).toEqual(['dicatat', 42]);
    (await open(wb)).run('write', 'Data', 'C1', 'lagi', false);
  });
  expect(existsSync(journalPath(file))).toBe(false);
  const saved = await loadWorkbook(file);
  expect([cell(saved, 'Data', 0, 0), cell(saved, 'Data', 0, 1), cell(saved, 'Data', 0, 2)]).toEqual(['dicatat', 42, 'lagi']);
});

test('the journal replays every kind of change: cells, formats, notes, rows, columns, sheets, frames, protections, metadata, properties', async () => {
  const file = await workbookFile('bentuk.xlsx');
  const before = await crashing(file, (rt) => {
    rt.run('write', 'Data', 'A1', 'awal', true);
    rt.run('reshape');
  });
  let replayed: WorkbookModel | undefined;
  await withWorkbook(file, { readOnly: true }, (wb) => {
    replayed = wb;
  });
  expect(await contents(replayed as WorkbookModel, 'replayed.xlsx')).toEqual(await contents(before, 'expected.xlsx'));
  expect((replayed as WorkbookModel).sheets.map((s) => [s.title, s.hidden])).toEqual([
    ['Pertama', false],
    ['Baru', false],
    ['Tersembunyi!', true],
  ]);
  expect((replayed as WorkbookModel).documentProperties['pendamping.test']).toBe('ya');
});

/**
 * Runs `call` (a script function that takes the document lock once its writes are made, then
 * never ends its execution) on the file in a child process, and kills it with SIGKILL there.
 */
async function killedWhileHanging(file: string, call: string): Promise<void> {
  const program = childProgram(
    dir,
    'die',
    `
    import { LocalRuntime } from './local/runtime';
    import { withWorkbook } from './local/workbook-file';
    const [file, code, locks] = process.argv.slice(2);
    withWorkbook(file, {}, async (workbook) => {
      const rt = await LocalRuntime.open({ workbook, user: '${owner}', codePath: code, lockDir: locks });
      ${call};
    });
    `,
  );
  const locks = join(dir, 'locks');
  const child = startChild(program, [file, code, locks]);
  const exited = finished(child);
  while (!(existsSync(locks) && readdirSync(locks).length > 0)) await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
}

test('a killed process keeps what it flushed and loses what it had only buffered', async () => {
  const file = await workbookFile('mati.xlsx');
  await killedWhileHanging(file, "rt.run('writeThenHang', 'Data', 'A1', 'sebelum mati')");
  await withWorkbook(file, { readOnly: true }, (wb) => {
    expect(cell(wb, 'Data', 0, 0)).toBe('sebelum mati');
    // Z1 was written after the flush and the execution never ended: Sheets never got it.
    expect(cell(wb, 'Data', 0, 25)).toBeUndefined();
  });
}, PROCESS_TEST_MS);

test('a document property is durable when setProperty returns, as in Apps Script; cells only buffered before it are not', async () => {
  const file = await workbookFile('properti.xlsx');
  await killedWhileHanging(file, "rt.run('propertyThenHang')");
  await withWorkbook(file, { readOnly: true }, (wb) => {
    expect(wb.documentProperties['pendamping.test']).toBe('tersimpan');
    expect(cell(wb, 'Data', 0, 1)).toBeUndefined();
  });
}, PROCESS_TEST_MS);

test('a last record cut short by a crash is left out, and the journal goes on after it', async () => {
  const file = await workbookFile('potong.xlsx');
  await crashing(file, (rt) => rt.run('write', 'Data', 'A1', 'utuh', true));
  appendFileSync(journalPath(file), '{"ops":[["cells",');
  await crashing(file, (rt) => rt.run('write', 'Data', 'B1', 'sesudahnya', true));
  expect(readFileSync(journalPath(file), 'utf8').split('\n').filter((l) => l !== '')).toHaveLength(3);
  await withWorkbook(file, { readOnly: true }, (wb) => {
    expect([cell(wb, 'Data', 0, 0), cell(wb, 'Data', 0, 1)]).toEqual(['utuh', 'sesudahnya']);
  });
});

test('a command that ends without saving takes its own records back; what an earlier one left stays', async () => {
  const file = await workbookFile('batal.xlsx');
  await withWorkbook(file, { save: () => false }, async (wb) => (await open(wb)).run('write', 'Data', 'A1', 'ditolak', true));
  expect(existsSync(journalPath(file))).toBe(false);
  await crashing(file, (rt) => rt.run('write', 'Data', 'A1', 'tersimpan', true));
  const left = readFileSync(journalPath(file));
  await withWorkbook(file, { save: () => false }, async (wb) => (await open(wb)).run('write', 'Data', 'B1', 'ditolak', true));
  await withWorkbook(file, { readOnly: true }, async (wb) => {
    expect([cell(wb, 'Data', 0, 0), cell(wb, 'Data', 0, 1)]).toEqual(['tersimpan', undefined]);
    (await open(wb)).run('write', 'Data', 'C1', 'hanya membaca', true);
  });
  expect(readFileSync(journalPath(file))).toEqual(left);
});

test('a journal that cannot be written fails the script at that point, and the command is a save that failed', async () => {
  const file = await workbookFile('penuh.xlsx');
  const before = readFileSync(file);
  await expect(
    withWorkbook(file, {}, async (wb) => {
      const rt = await open(wb);
      // Something else in the journal's place: its first record cannot be written.
      writeFileSync(journalPath(file), '');
      expect(() => rt.run('write', 'Data', 'A1', 'tidak tercatat', true)).toThrow(/EEXIST/);
      throw new Crash();
    }),
  ).rejects.toMatchObject({ name: 'SaveError', code: 'EEXIST' });
  expect(readFileSync(file)).toEqual(before);
});

test('a journal is never replayed onto a file changed elsewhere; one merged by a save cut short is dropped', async () => {
  const file = await workbookFile('ubah.xlsx');
  await crashing(file, (rt) => rt.run('write', 'Data', 'A1', 'tertunda', true));
  const journal = readFileSync(journalPath(file));
  const other = newWorkbook({ owner, spreadsheetId: 'journal-test' });
  await saveWorkbook(other, file); // edited and saved by another program
  await expect(withWorkbook(file, {}, () => undefined)).rejects.toMatchObject({ name: 'JournalConflictError', reason: 'changed' });
  await expect(withWorkbook(file, {}, () => undefined)).rejects.toBeInstanceOf(JournalConflictError);
  expect(readFileSync(journalPath(file))).toEqual(journal);

  // The same journal moved aside by a save that then put the new file in place: already merged.
  rmSync(journalPath(file));
  writeFileSync(`${journalPath(file)}.merging`, journal);
  await withWorkbook(file, {}, (wb) => expect(cell(wb, 'Data', 0, 0)).toBeUndefined());
  expect(existsSync(`${journalPath(file)}.merging`)).toBe(false);
});

test('a new workbook saved over a file drops the journal left beside it', async () => {
  const file = await workbookFile('baru.xlsx');
  await crashing(file, (rt) => rt.run('write', 'Data', 'A1', 'lama', true));
  rmSync(file);
  await withWorkbook(file, { create: () => newWorkbook({ owner, spreadsheetId: 'journal-test' }) }, () => undefined);
  expect(existsSync(journalPath(file))).toBe(false);
  await withWorkbook(file, {}, (wb) => expect(wb.sheets[0].rows[0]).toBeUndefined());
});
