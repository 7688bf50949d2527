// The benchmark's reference (bench/reference/Code.js: tab generation "as most published scripts
// do it": copy a template, rename, write, protect per tab) runs in the local runtime, so
// `npm run bench` can set its modeled cost against Pendamping's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorkbook, userEnteredToCell } from '../../local/model/workbook';
import type { SheetModel, WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { ROOT } from '../helpers/build';

const ADMIN = 'sekretariat@bench.example';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-reference-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tab(workbook: WorkbookModel, sheetId: number, title: string, rows: unknown[][]): SheetModel {
  const sheet = structuredClone(workbook.sheets[0]);
  return { ...sheet, sheetId, title, rows: rows.map((row) => row.map((v) => ({ value: userEnteredToCell(v).value }))) };
}

function registeredUnits(): WorkbookModel {
  const workbook = newWorkbook({ owner: ADMIN, spreadsheetId: 'reference-test' });
  workbook.sheets = [
    tab(workbook, 0, 'Pengaturan', [['Kunci', 'Nilai'], ['putaran', '2025 Pendampingan']]),
    tab(workbook, 1, 'Instrumen', [['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban', 'Boleh N/A', 'Rekomendasi'], ['SP-01', 'Standar', 'Ada standar', 2, 'ya-tidak', 'Tidak', 'Tetapkan']]),
    tab(workbook, 2, 'Unit', [
      ['Kode', 'Nama Unit', 'Jenis', 'Nama PIC', 'Email PIC', 'Email Asesor'],
      ['U1', 'Dinas Satu', 'OPD', 'Ani', 'ani@bench.example, b@bench.example', 'as@bench.example'],
      ['U2', 'Dinas Dua', 'OPD', 'Budi', 'budi@bench.example', 'as@bench.example'],
    ]),
  ];
  workbook.nextId = 3;
  return workbook;
}

test('the reference generation completes: one protected copy of the template per unit, its cells written', async () => {
  const workbook = registeredUnits();
  const rt = await LocalRuntime.open({ workbook, user: ADMIN, codePath: join(ROOT, 'bench', 'reference', 'Code.js'), lockDir: join(dir, 'locks') });
  expect(rt.run('referenceGenerateTabs')).toEqual({ ok: true, created: 2 });
  const made = workbook.sheets.filter((s) => s.title.startsWith('Ref '));
  expect(made.map((s) => s.title)).toEqual(['Ref U1', 'Ref U2']);
  const first = made[0];
  expect([0, 1, 2].map((r) => first.rows[r]?.[r === 0 ? 0 : 1]?.value)).toEqual(['U1 — Dinas Satu', '2025 Pendampingan', 'Ani']);
  expect(first.rows[7]?.[0]?.value).toBe('SP-01');
  expect(first.protectedRanges).toEqual([
    expect.objectContaining({ description: 'Unit U1', editors: { users: [ADMIN, 'ani@bench.example'] }, unprotectedRanges: [expect.objectContaining({ startRowIndex: 7, endRowIndex: 8, startColumnIndex: 5, endColumnIndex: 7 })] }),
  ]);
  // the template's own copies are named by copyTo before the rename; none is left behind
  expect(workbook.sheets.some((s) => s.title.startsWith('Copy of'))).toBe(false);
  expect(rt.snapshot().serviceCalls['Sheet.copyTo']).toBe(2);
});
