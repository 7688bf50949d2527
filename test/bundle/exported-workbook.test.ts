// A workbook exported from Google Sheets as .xlsx carries no developer metadata and no
// protections (here: our own save with its meta sheet removed, as such an export reads). The
// unit tabs are found again by the names Unit's Tab column records: "Buat / perbarui tab unit"
// ties them back, with their answers and protections, and creates no second tab; unchanged
// findings are not emailed again although the tabs' links changed.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalRuntime } from '../../local/runtime';
import { META_SHEET, loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, fillColumn, ok, programme, runUntilDone, tempOutbox, unitSheet, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

async function exportedCopy(rt: LocalRuntime, dir: string): Promise<string> {
  const ours = join(dir, 'ours.xlsx');
  await saveWorkbook(rt.workbook, ours);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(ours);
  raw.removeWorksheet((raw.getWorksheet(META_SHEET) as ExcelJS.Worksheet).id);
  const exported = join(dir, 'dari-drive.xlsx');
  await raw.xlsx.writeFile(exported);
  return exported;
}

test('generate ties the unit tabs of an exported workbook back: answers, protections and the ledger kept, no tab twice', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'A1' }, { code: 'B2' }], { outbox: join(dir, 'outbox') });
  fillColumn(rt, 'A1', 'Catatan Asesor', (i) => (i === 0 ? 'Papan informasi belum ada' : ''));
  expect(runUntilDone(rt, 'sendFindingsBatch')[0]).toMatchObject({ sent: 2 });
  const titles = rt.workbook.sheets.map((s) => s.title);
  const answersBefore = values(unitSheet(rt.workbook, 'A1'));

  const model = await loadWorkbook(await exportedCopy(rt, dir), { owner: ADMIN });
  expect(model.sheets.every((s) => s.developerMetadata.length === 0 && s.protectedRanges.length === 0)).toBe(true);
  const again = await LocalRuntime.open({ workbook: model, user: ADMIN, outbox: join(dir, 'outbox') });
  const result = ok(again.run('generateUnitTabs'));
  expect(result.created).toEqual([]);
  expect(result.updated).toHaveLength(2);
  expect(again.workbook.sheets.map((s) => s.title)).toEqual(titles);
  const a1Tab = unitSheet(again.workbook, 'A1'); // tied by metadata again
  expect(values(a1Tab)).toEqual(answersBefore);

  // The protections are back: the PIC edits its answers, not the assessor's columns.
  const header = values(a1Tab).findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const column = (name: string) => values(a1Tab)[header].indexOf(name);
  const pic = 'pic.a1@pemkab.go.id';
  expect(again.edit(pic, a1Tab.title, a1(header + 1, column('Jawaban Mandiri')), 'Ya').ok).toBe(true);
  expect(again.edit(pic, a1Tab.title, a1(header + 1, column('Catatan Asesor')), 'hapus').ok).toBe(false);
  expect(again.edit(pic, unitSheet(again.workbook, 'B2').title, a1(header + 1, column('Jawaban Mandiri')), 'Ya').ok).toBe(false);

  // Findings unchanged since the last send (B2), changed (A1: its PIC just answered Ya).
  const [send] = runUntilDone(again, 'sendFindingsBatch');
  expect(send).toMatchObject({ ok: true, sent: 1, skipped: 1 });
  expect((send.results as Result[]).map((r) => [r.kode, r.status])).toEqual([
    ['A1', 'TERKIRIM'],
    ['B2', 'DILEWATI'],
  ]);
});

test('a tab that is not a unit table is never taken for a unit: the unit gets a new tab, the other tab is left as it is', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'C3' }], { outbox: join(dir, 'outbox') });
  const title = unitSheet(rt.workbook, 'C3').title;
  const model = await loadWorkbook(await exportedCopy(rt, dir), { owner: ADMIN });
  const tab = model.sheets.find((s) => s.title === title);
  if (!tab) throw new Error('no tab');
  tab.rows = [[{ value: 'catatan rapat' }]]; // a user's own sheet under that name
  const again = await LocalRuntime.open({ workbook: model, user: ADMIN, outbox: join(dir, 'outbox') });
  const result = ok(again.run('generateUnitTabs'));
  expect(result.created).toHaveLength(1);
  expect(unitSheet(again.workbook, 'C3').title).not.toBe(title);
  expect(values(again.workbook.sheets.find((s) => s.title === title) as typeof tab)).toEqual([['catatan rapat']]);
});
