// A unit tab renamed in Excel or LibreOffice: the .xlsx keeps the tab's cells but not what ties
// it to its unit (the meta sheet knows it under its old name). "Buat / perbarui tab unit" finds
// it again by its title cell ("{Kode} — {Nama Unit}" in A1), with every answer, and creates no
// empty second tab; a unit table it cannot tie to any unit is reported, never silently left behind.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalRuntime } from '../../local/runtime';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, fillColumn, ok, programme, tempOutbox, unitSheet, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

/** The workbook saved, then the tab `title` renamed `to` (and its A1 set to `a1`, if given) as Excel would, and loaded again. */
async function renamedOutside(rt: LocalRuntime, title: string, to: string, a1?: string): Promise<LocalRuntime> {
  const dir = tempOutbox();
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  const ws = raw.getWorksheet(title) as ExcelJS.Worksheet;
  ws.name = to;
  if (a1 !== undefined) ws.getCell('A1').value = a1;
  await raw.xlsx.writeFile(file);
  const model = await loadWorkbook(file);
  return LocalRuntime.open({ workbook: model, user: ADMIN, outbox: join(dir, 'outbox') });
}

test('a unit tab renamed outside Sheets is found again by its title cell, answers and all, and no second tab is made', async () => {
  const rt = await programme([{ code: 'A1' }, { code: 'B2' }], { outbox: tempOutbox() });
  fillColumn(rt, 'A1', 'Catatan Asesor', (i) => (i === 0 ? 'Papan informasi belum ada' : ''));
  const old = unitSheet(rt.workbook, 'A1');
  const answers = values(old);
  const tabs = rt.workbook.sheets.length;

  const again = await renamedOutside(rt, old.title, 'Dinas A1 revisi');
  expect(again.workbook.sheets.find((s) => s.title === 'Dinas A1 revisi')?.developerMetadata).toEqual([]);
  const result = ok(again.run('generateUnitTabs'));
  expect(result.created).toEqual([]);
  expect(result.orphans).toEqual([]);
  expect(again.workbook.sheets).toHaveLength(tabs);
  const tab = unitSheet(again.workbook, 'A1');
  expect(tab.title).toBe('Dinas A1 revisi');
  expect(values(tab)).toEqual(answers);
  // Unit's Tab column follows the new name; the PIC edits its answers there again.
  const unit = values(again.workbook.sheets.find((s) => s.title === 'Unit') as typeof tab);
  expect(unit.find((r) => r[0] === 'A1')?.[unit[0].indexOf('Tab')]).toBe('Dinas A1 revisi');
  expect(again.edit('pic.a1@pemkab.go.id', 'Dinas A1 revisi', 'F8', 'Ya').ok).toBe(true);
  expect(again.edit('pic.a1@pemkab.go.id', 'Dinas A1 revisi', 'I8', 'hapus').ok).toBe(false);
});

test('a unit table that cannot be tied to any unit is reported by name', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const old = unitSheet(rt.workbook, 'A1');
  const again = await renamedOutside(rt, old.title, 'Salinan lama', 'Penilaian lama');
  const result = ok(again.run('generateUnitTabs'));
  expect(result.orphans).toEqual(['Salinan lama']);
  expect(String(result.message)).toContain('"Salinan lama"');
  expect(String(result.message)).toContain('tidak terhubung ke unit mana pun');
  expect((result as Result & { created: string[] }).created).toHaveLength(1);
});
