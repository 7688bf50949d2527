// A workbook whose protections cannot be trusted takes edits from admins only: an .xlsx from
// Google Sheets holds no protection at all, and a unit table whose columns were moved in Excel
// or LibreOffice no longer sits under the protections the file recorded. An admin's "Buat /
// perbarui tab unit" derives them again from the headers; then everyone edits what they may.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalRuntime } from '../../local/runtime';
import { META_SHEET, loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, ok, programme, sheet, tempOutbox, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const PIC = 'pic.a1@pemkab.go.id';
type Guard = { ok: true; allowed: boolean; reasons: string[] };

/** The workbook saved as .xlsx, changed there as a desktop program would (`change`), and loaded again. */
async function editedOutside(rt: LocalRuntime, change: (wb: ExcelJS.Workbook) => void): Promise<LocalRuntime> {
  const dir = tempOutbox();
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  change(raw);
  await raw.xlsx.writeFile(file);
  return LocalRuntime.open({ workbook: await loadWorkbook(file, { owner: ADMIN }), user: ADMIN, outbox: join(dir, 'outbox') });
}

function guardOf(rt: LocalRuntime, user: string): Promise<Guard> {
  return LocalRuntime.open({ workbook: rt.workbook, user }).then((as) => as.run('editGuard') as Guard);
}

/** Zero-based row and column of an indicator's cell in a unit tab's table, found by header. */
function answerCell(rt: LocalRuntime, code: string, column: string): string {
  const v = values(unitSheet(rt.workbook, code));
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return a1(header + 1, v[header].indexOf(column));
}

function settingCell(rt: LocalRuntime, key: string): string {
  return a1(values(sheet(rt.workbook, 'Pengaturan')).findIndex((r) => r[0] === key), 1);
}

test('a workbook downloaded from Sheets takes no edit from a PIC until an admin generates its protections again', async () => {
  const rt = await programme([{ code: 'A1' }, { code: 'B2' }], { outbox: tempOutbox() });
  expect(await guardOf(rt, PIC)).toEqual({ ok: true, allowed: true, reasons: [] });
  const again = await editedOutside(rt, (wb) => wb.removeWorksheet((wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).id));

  const guard = await guardOf(again, PIC);
  expect(guard.allowed).toBe(false);
  expect(guard.reasons).toContain('Tab Pengaturan tidak terlindungi.');
  expect((await guardOf(again, ADMIN)).allowed).toBe(true);

  ok(again.run('generateUnitTabs'));
  expect(await guardOf(again, PIC)).toEqual({ ok: true, allowed: true, reasons: [] });
  expect(again.edit(PIC, 'Pengaturan', settingCell(again, 'email_admin'), PIC).ok).toBe(false);
  expect(again.edit(PIC, 'Unit', 'E3', PIC).ok).toBe(false);
  expect(again.edit(PIC, unitSheet(again.workbook, 'A1').title, answerCell(again, 'A1', 'Jawaban Mandiri'), 'Ya').ok).toBe(true);
});

test('a unit table whose columns moved outside Sheets takes no edit from a PIC until an admin generates: then Batas Waktu is the assessor’s again', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const title = unitSheet(rt.workbook, 'A1').title;
  // A column inserted before Aspek in LibreOffice: the table moves right, the recorded protections do not.
  const again = await editedOutside(rt, (wb) => (wb.getWorksheet(title) as ExcelJS.Worksheet).spliceColumns(2, 0, []));
  const deadline = answerCell(again, 'A1', 'Batas Waktu');
  // What the recorded protections let through: the PIC types into Batas Waktu (Tindak Lanjut's old place, its dropdown too).
  expect(again.edit(PIC, title, deadline, 'Selesai')).toEqual({ ok: true });
  const guard = await guardOf(again, PIC);
  expect(guard).toEqual({ ok: true, allowed: false, reasons: [`Tab "${title}": kolom atau baris tabelnya bergeser dari proteksinya.`] });

  ok(again.run('generateUnitTabs'));
  expect((await guardOf(again, PIC)).allowed).toBe(true);
  expect(again.edit(PIC, title, answerCell(again, 'A1', 'Batas Waktu'), '2031-01-01').ok).toBe(false);
  expect(again.edit(PIC, title, answerCell(again, 'A1', 'Jawaban Mandiri'), 'Ya').ok).toBe(true);
});

test('a unit tab that lost its tie to its unit, or one of its protections, is reported too', async () => {
  const rt = await programme([{ code: 'A1' }, { code: 'B2' }], { outbox: tempOutbox() });
  const a1Tab = unitSheet(rt.workbook, 'A1');
  const b2Tab = unitSheet(rt.workbook, 'B2');
  a1Tab.developerMetadata = [];
  b2Tab.protectedRanges = b2Tab.protectedRanges.filter((p) => p.description !== 'pendamping:asesor');
  expect((await guardOf(rt, PIC)).reasons).toEqual([
    `Tab "${a1Tab.title}" berisi tabel unit yang tidak terikat ke unitnya.`,
    `Tab "${b2Tab.title}": sebagian proteksinya hilang.`,
  ]);
});
