// Closing a round loses nothing: every answer, Bukti and Catatan Asesor of a closed round is in
// Arsip Jawaban; a round with no answer at all is closed only when confirmed; undo takes the
// round's archive rows back out.
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, fillColumn, ok, programme, sheet, tempOutbox, unitSheet, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

const UNITS = [{ code: 'A1' }, { code: 'B2' }];

function archive(rt: LocalRuntime): Record<string, unknown>[] {
  const [header, ...rows] = values(sheet(rt.workbook, 'Arsip Jawaban'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
}

function indicators(rt: LocalRuntime, code: string): number {
  const v = values(unitSheet(rt.workbook, code));
  const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return v.slice(at + 1).filter((r) => r[0] !== '').length;
}

test('closing twice in a row: the empty second round needs a confirmation, and the first round’s Bukti and Catatan Asesor stay in Arsip Jawaban', async () => {
  const rt = await programme(UNITS, { outbox: tempOutbox() });
  fillColumn(rt, 'A1', 'Bukti', (i) => (i === 0 ? 'https://dinas-a1.example/foto-papan.jpg' : ''));
  fillColumn(rt, 'A1', 'Catatan Asesor', (i) => (i === 1 ? 'Papan belum terpasang' : ''));
  const perUnit = indicators(rt, 'A1');

  ok(rt.run('startNewRound', { name: 'R2', deadline: '' }));
  const refused = rt.run('startNewRound', { name: 'R3', deadline: '' }) as Result;
  expect(refused).toMatchObject({ ok: false, emptyRound: true });
  expect(refused.error).toContain('R2');
  expect(values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'putaran')?.[1]).toBe('R2');
  expect(archive(rt)).toHaveLength(2 * perUnit);

  ok(rt.run('startNewRound', { name: 'R3', deadline: '', force: true }));
  const rows = archive(rt);
  expect(rows).toHaveLength(4 * perUnit);
  expect(Object.keys(rows[0])).toEqual([
    'Putaran', 'Kode Unit', 'Kode', 'Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi', 'Catatan Asesor', 'Tindak Lanjut', 'Keterangan Tindak Lanjut',
  ]);
  const first = rows.filter((r) => r.Putaran === '2025 Pendampingan' && r['Kode Unit'] === 'A1');
  expect(first).toHaveLength(perUnit);
  expect(first[0]).toMatchObject({ 'Jawaban Mandiri': 'Tidak', Bukti: 'https://dinas-a1.example/foto-papan.jpg' });
  expect(first[1]).toMatchObject({ 'Catatan Asesor': 'Papan belum terpasang' });
  expect(first[2]).toMatchObject({ 'Jawaban Mandiri': 'Ya' });
  expect(rows.filter((r) => r.Putaran === 'R2').every((r) => r['Jawaban Mandiri'] === '' && r.Bukti === '')).toBe(true);

  // Only admins write the archive.
  expect(rt.edit('pic.a1@pemkab.go.id', 'Arsip Jawaban', 'E2', 'dihapus').ok).toBe(false);
});

test('undo removes the archive rows of the round it reopens, and only those', async () => {
  const rt = await programme(UNITS, { outbox: tempOutbox() });
  const perUnit = indicators(rt, 'A1');
  ok(rt.run('startNewRound', { name: 'R2', deadline: '' }));
  fillColumn(rt, 'B2', 'Jawaban Mandiri', () => 'Ya');
  ok(rt.run('startNewRound', { name: 'R3', deadline: '' }));
  expect(archive(rt)).toHaveLength(4 * perUnit);
  const again = await LocalRuntime.open({ workbook: rt.workbook, user: ADMIN, now: NOW });
  ok(again.run('undoRound'));
  const rows = archive(again);
  expect(rows).toHaveLength(2 * perUnit);
  expect(new Set(rows.map((r) => r.Putaran))).toEqual(new Set(['2025 Pendampingan']));
});

test('a new round stopped after its Arsip Jawaban rows and before the change itself: nothing else changed, and running it again archives no row twice', async () => {
  const rt = await programme(UNITS, { outbox: tempOutbox() });
  fillColumn(rt, 'A1', 'Bukti', (i) => (i === 0 ? 'https://dinas-a1.example/foto-lama.jpg' : ''));
  const perUnit = indicators(rt, 'A1');
  const tabs = () => JSON.stringify(['A1', 'B2'].map((code) => values(unitSheet(rt.workbook, code))));
  const before = tabs();
  // The archive's call goes through; the round change's own call fails.
  const stopped = await LocalRuntime.open({ workbook: rt.workbook, user: ADMIN, now: NOW, failSheetsWritesAfter: 1 });
  const failed = stopped.run('startNewRound', { name: 'R2', deadline: '' }) as Result;
  expect(failed.ok).toBe(false);
  expect(failed.error).toContain('Arsip Jawaban');
  expect(archive(stopped)).toHaveLength(2 * perUnit);
  expect(tabs()).toBe(before);
  expect(values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'putaran')?.[1]).toBe('2025 Pendampingan');
  expect(values(sheet(rt.workbook, 'Riwayat'))).toHaveLength(1);

  // Meanwhile a Bukti changes: the rerun archives the round as it closes, once.
  fillColumn(rt, 'A1', 'Bukti', (i) => (i === 0 ? 'https://dinas-a1.example/foto-baru.jpg' : ''));
  const again = await LocalRuntime.open({ workbook: rt.workbook, user: ADMIN, now: NOW });
  ok(again.run('startNewRound', { name: 'R2', deadline: '' }));
  const rows = archive(again);
  expect(rows).toHaveLength(2 * perUnit);
  const keys = rows.map((r) => `${String(r['Kode Unit'])}/${String(r.Kode)}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(rows.filter((r) => r['Kode Unit'] === 'A1')[0]).toMatchObject({ Putaran: '2025 Pendampingan', Bukti: 'https://dinas-a1.example/foto-baru.jpg' });
  expect(values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'putaran')?.[1]).toBe('R2');
});
