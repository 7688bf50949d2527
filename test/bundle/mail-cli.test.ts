// `pendamping email` as real processes: two sends started at once on one workbook, under the
// locks (the workbook file's, then the document lock inside the bundle), send each unit once.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, initWorkbook, jsonOf, makeReady, pendamping, pendampingInProcess, readyWorkbook, tempDir } from './cli-process';
import { outbox, sentPerUnit } from './mail-helpers';


let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('mail-cli');
});
afterAll(() => tmp.remove());

test('a dry run sends nothing; two sends started at once send each unit exactly once', async () => {
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  const wb = await readyWorkbook(join(tmp.dir, 'temuan.xlsx'));
  const box = join(tmp.dir, 'keluar');

  const dry = await pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--dry-run', '--outbox', box, '--now', NOW, '--json']);
  expect(dry.code).toBe(0);
  expect(jsonOf(dry)).toMatchObject({ ok: true, sent: 3 });
  expect(readdirSync(tmp.dir)).not.toContain('keluar');

  const args = ['email', '--workbook', wb, '--outbox', box, '--now', NOW, '--json'];
  const [a, b] = await Promise.all([pendamping(tmp.dir, args), pendamping(tmp.dir, args)]);
  expect([a.code, b.code]).toEqual([0, 0]);
  const results = [jsonOf(a), jsonOf(b)];
  expect(results.map((r) => r.sent).sort()).toEqual([0, 3]);
  expect(results.map((r) => r.skipped).sort()).toEqual([0, 3]);

  const mails = await outbox(box);
  expect(mails).toHaveLength(3);
  expect(mails.map((m) => m.to[0]).sort()).toEqual([
    'pic.dinkes@muarojambi.example',
    'pic.dinsos@muarojambi.example',
    'pic.dukcapil@muarojambi.example',
  ]);
  const perUnit = sentPerUnit(await loadWorkbook(wb));
  expect([...perUnit.entries()].sort()).toEqual([
    ['DINKES', 1],
    ['DINSOS', 1],
    ['DUKCAPIL', 1],
  ]);
});

test('--quota is what is left today: sends what fits, and a later run with room sends the rest', async () => {
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  const wb = await readyWorkbook(join(tmp.dir, 'kuota.xlsx'));
  const box = join(tmp.dir, 'keluar-kuota');
  // Each message has two recipients (PIC + assessor in Cc): 4 left today is two messages.
  const first = jsonOf(await pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--outbox', box, '--quota', '4', '--now', NOW, '--json']));
  expect(first).toMatchObject({ ok: true, sent: 2, queued: 1 });
  // Still 4 left (another sender's quota, say): the queued unit goes, the sent ones are skipped.
  const second = jsonOf(await pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--outbox', box, '--quota', '4', '--now', NOW, '--json']));
  expect(second).toMatchObject({ ok: true, sent: 1, skipped: 2, queued: 0 });
  expect(await outbox(box)).toHaveLength(3);
});

test('before the tabs exist, a dry run says each unit would fail, and why', async () => {
  const wb = await initWorkbook(join(tmp.dir, 'tanpa-tab.xlsx'));
  // The round's deadline set (no tab to answer yet).
  await makeReady(tmp.dir, wb, ADMIN);
  const dry = await pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--dry-run', '--now', NOW]);
  expect(dry.code).toBe(0);
  const lines = dry.stdout.split('\n');
  expect(lines[0]).toBe('Uji coba (tidak ada email dikirim): 0 akan dikirim, 0 dilewati, 3 gagal, 0 masih antre.');
  expect(lines.slice(1, 4)).toEqual(
    ['DINKES', 'DUKCAPIL', 'DINSOS'].map((kode) => `  ${kode}: tab unit belum ada. Jalankan "Buat / perbarui tab unit", lalu kirim temuan lagi.`),
  );
  const json = jsonOf(await pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--dry-run', '--now', NOW, '--json']));
  expect(json).toMatchObject({ ok: true, sent: 0, failed: 3, failures: [{ kode: 'DINKES' }, { kode: 'DUKCAPIL' }, { kode: 'DINSOS' }] });
});
