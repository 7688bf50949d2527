// Re-assessment rounds through the built bundle in the local runtime: two full rounds with
// known answers, undo, an injected failure, history across an .xlsx save/load, overdue findings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import type { WorkbookModel } from '../../local/model/types';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, ok, sheet, unitSheet, values, type Result } from './mail-helpers';

const UNITS = [
  'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
  'DINKES,Dinas Kesehatan,OPD,Budi,budi@dinkes.go.id,asesor@ombudsman.go.id',
  'DUKCAPIL,Dinas Kependudukan,OPD,Sari,sari@dukcapil.go.id,asesor@ombudsman.go.id',
].join('\n');

beforeAll(() => ensureBuilt());

function column(rows: unknown[][], header: unknown[], name: string): unknown[] {
  const at = header.indexOf(name);
  if (at < 0) throw new Error(`no column ${name}`);
  return rows.map((r) => r[at] ?? '');
}

/** The unit tab's table: its header and its indicator rows (zero-based sheet row of the first). */
function table(wb: WorkbookModel, code: string): { header: unknown[]; rows: unknown[][]; first: number; title: string } {
  const s = unitSheet(wb, code);
  const v = values(s);
  const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return { header: v[at], rows: v.slice(at + 1).filter((r) => r[0] !== ''), first: at + 1, title: s.title };
}

/** Every indicator of the unit answered `answer` (Jawaban Mandiri), as the PIC would type it. */
function answerAll(rt: LocalRuntime, code: string, answer: string): void {
  const tab = table(rt.workbook, code);
  const col = tab.header.indexOf('Jawaban Mandiri');
  tab.rows.forEach((_, i) => {
    const r = rt.edit(ADMIN, tab.title, a1(tab.first + i, col), answer);
    expect(r.ok).toBe(true);
  });
}

function setting(rt: LocalRuntime, key: string, value: string): void {
  const rows = values(sheet(rt.workbook, 'Pengaturan'));
  const row = rows.findIndex((r) => r[0] === key);
  expect(rt.edit(ADMIN, 'Pengaturan', a1(row, 1), value).ok).toBe(true);
}

function settingValue(wb: WorkbookModel, key: string): unknown {
  return values(sheet(wb, 'Pengaturan')).find((r) => r[0] === key)?.[1];
}

async function programme(now = new Date('2025-01-10T02:00:00Z')): Promise<LocalRuntime> {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now });
  ok(rt.run('setupWorkbook', { profile: 'ombudsman-2021' }));
  setting(rt, 'putaran', 'R1');
  setting(rt, 'batas_waktu', '2025-03-31');
  ok(rt.run('addUnits', UNITS));
  ok(rt.run('generateUnitTabs'));
  return rt;
}

function riwayat(wb: WorkbookModel): unknown[][] {
  return values(sheet(wb, 'Riwayat'));
}

function recapRow(wb: WorkbookModel, code: string): Record<string, unknown> {
  const v = values(sheet(wb, 'Rekap'));
  const row = v.find((r) => r[0] === code) ?? [];
  return Object.fromEntries(v[0].map((h, i) => [String(h), row[i] ?? '']));
}

const DATE_2025_04_15 = 45762;

test('two full rounds: scores, changes and history; undo reopens the last round until its first answer', async () => {
  const rt = await programme(new Date('2025-04-15T02:00:00Z'));
  answerAll(rt, 'DINKES', 'Ya');
  answerAll(rt, 'DUKCAPIL', 'Tidak');

  const first = ok(rt.run('startNewRound', { name: 'R2', deadline: '2025-09-30' }));
  expect(first).toMatchObject({ closed: 'R1', name: 'R2', deadline: '2025-09-30', units: 2 });
  const wb = rt.workbook;
  const hist = riwayat(wb);
  expect(hist[0].slice(0, 8)).toEqual(['Putaran', 'Kode Unit', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Ditutup', 'Jawaban']);
  expect(hist.slice(1).map((r) => r.slice(0, 4))).toEqual([
    ['R1', 'DINKES', 100, 100],
    ['R1', 'DUKCAPIL', 0, 0],
  ]);
  const dinkesRows = table(wb, 'DINKES');
  expect(hist[1][5]).toBe(0);
  expect(hist[2][5]).toBe(dinkesRows.rows.length);
  expect(hist[1][6]).toBe(DATE_2025_04_15);
  const answers = JSON.parse(String(hist[1][7])) as Record<string, string>;
  expect(Object.keys(answers)).toHaveLength(dinkesRows.rows.length);
  expect(new Set(Object.values(answers))).toEqual(new Set(['Ya']));

  // The unit tabs: last answers carried, answers cleared, the new round in the header block.
  for (const [code, answer] of [['DINKES', 'Ya'], ['DUKCAPIL', 'Tidak']] as const) {
    const tab = table(wb, code);
    expect(new Set(column(tab.rows, tab.header, 'Jawaban Putaran Lalu'))).toEqual(new Set([answer]));
    expect(new Set(column(tab.rows, tab.header, 'Jawaban Mandiri'))).toEqual(new Set(['']));
    expect(values(unitSheet(wb, code))[1][1]).toBe('R2');
  }
  expect(settingValue(wb, 'putaran')).toBe('R2');

  // Rekap: the closed round's Skor Akhir, the change against the (now empty) new round.
  ok(rt.run('refreshRecap'));
  expect(recapRow(wb, 'DINKES')['Skor Putaran Lalu']).toBe(100);
  expect(recapRow(wb, 'DUKCAPIL')['Skor Putaran Lalu']).toBe(0);

  // Round 2: the two units swap.
  answerAll(rt, 'DINKES', 'Tidak');
  answerAll(rt, 'DUKCAPIL', 'Ya');
  ok(rt.run('refreshRecap'));
  expect(recapRow(wb, 'DINKES')).toMatchObject({ 'Skor Akhir': 0, 'Skor Putaran Lalu': 100, Perubahan: -100 });
  expect(recapRow(wb, 'DUKCAPIL')).toMatchObject({ 'Skor Akhir': 100, 'Skor Putaran Lalu': 0, Perubahan: 100 });

  // Undo is refused now: round R2 has answers.
  const refused = rt.run('undoRound') as Result;
  expect(refused.ok).toBe(false);
  expect(refused.error).toContain('R2');

  ok(rt.run('startNewRound', { name: 'R3', deadline: '' }));
  expect(riwayat(wb).slice(1).map((r) => r.slice(0, 4))).toEqual([
    ['R1', 'DINKES', 100, 100],
    ['R1', 'DUKCAPIL', 0, 0],
    ['R2', 'DINKES', 0, 0],
    ['R2', 'DUKCAPIL', 100, 100],
  ]);
  expect(recapRow(wb, 'DINKES')['Skor Putaran Lalu']).toBe(0);

  // A name already used is refused, and nothing changes.
  const again = rt.run('startNewRound', { name: 'r1' }) as Result;
  expect(again).toMatchObject({ ok: false });

  // Undo R3: R2 is back with its answers, its Riwayat rows gone.
  const undone = ok(rt.run('undoRound'));
  expect(undone).toMatchObject({ undone: 'R3', name: 'R2' });
  expect(settingValue(wb, 'putaran')).toBe('R2');
  expect(riwayat(wb)).toHaveLength(3);
  const dinkes = table(wb, 'DINKES');
  expect(new Set(column(dinkes.rows, dinkes.header, 'Jawaban Mandiri'))).toEqual(new Set(['Tidak']));
  expect(new Set(column(dinkes.rows, dinkes.header, 'Jawaban Putaran Lalu'))).toEqual(new Set(['Ya']));
  expect(recapRow(wb, 'DINKES')['Skor Putaran Lalu']).toBe(100);
  expect((rt.run('undoRound') as Result).ok).toBe(false);
});

test('a round change that fails half-way leaves the workbook exactly as it was', async () => {
  const rt = await programme();
  answerAll(rt, 'DINKES', 'Ya');
  // A user's own tab named like the snapshot tab: the round change's addSheet then fails, inside the one batchUpdate.
  const s = rt.workbook.sheets[0];
  rt.workbook.sheets.push({ ...s, sheetId: 999, title: 'Cadangan Putaran', rows: [[{ value: 'catatan saya' }]], developerMetadata: [], protectedRanges: [], charts: [], dataValidations: [], conditionalFormats: [], merges: [] });
  const before = JSON.stringify(rt.workbook.sheets);
  const result = rt.run('startNewRound', { name: 'R2', deadline: '2025-09-30' }) as Result;
  expect(result.ok).toBe(false);
  expect(result.error).toContain('buku kerja tidak berubah');
  expect(JSON.stringify(rt.workbook.sheets)).toBe(before);
});

test('history and the undo snapshot survive an .xlsx save and load', async () => {
  const rt = await programme();
  answerAll(rt, 'DINKES', 'Ya');
  answerAll(rt, 'DUKCAPIL', 'Tidak');
  ok(rt.run('startNewRound', { name: 'R2', deadline: '2025-09-30' }));
  const file = join(mkdtempSync(join(tmpdir(), 'rounds-')), 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  const loaded = await loadWorkbook(file);
  expect(riwayat(loaded)).toEqual(riwayat(rt.workbook));
  const again = await LocalRuntime.open({ workbook: loaded, user: ADMIN, now: new Date('2025-04-16T02:00:00Z') });
  ok(again.run('undoRound'));
  expect(settingValue(loaded, 'putaran')).toBe('R1');
  const tab = table(loaded, 'DINKES');
  expect(new Set(column(tab.rows, tab.header, 'Jawaban Mandiri'))).toEqual(new Set(['Ya']));
  expect(riwayat(loaded)).toHaveLength(1);
});

test('overdue findings: after the deadline, until the follow-up is Selesai', async () => {
  const rt = await programme();
  answerAll(rt, 'DINKES', 'Ya');
  const tab = table(rt.workbook, 'DUKCAPIL');
  const col = tab.header.indexOf('Jawaban Mandiri');
  const follow = tab.header.indexOf('Tindak Lanjut');
  tab.rows.forEach((_, i) => rt.edit(ADMIN, tab.title, a1(tab.first + i, col), i === 0 ? 'Tidak' : 'Ya'));
  const onTime = ok(rt.run('overdueUnits', '2025-03-31T10:00:00+07:00'));
  expect(onTime).toMatchObject({ today: '2025-03-31', units: [] });
  const late = ok(rt.run('overdueUnits', '2025-04-01T08:00:00+07:00'));
  expect(late).toMatchObject({ today: '2025-04-01', units: [{ kode: 'DUKCAPIL', nama: 'Dinas Kependudukan', findings: 1 }] });
  expect(rt.edit(ADMIN, tab.title, a1(tab.first, follow), 'Selesai').ok).toBe(true);
  expect(ok(rt.run('overdueUnits', '2025-04-01T08:00:00+07:00')).units).toEqual([]);
});
