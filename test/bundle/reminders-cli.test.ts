// `pendamping email --reminders`: the CLI's email command sending "Kirim pengingat" batch after
// batch, on an .xlsx workbook, run in-process as the benchmark runs commands, then as a process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliOptions } from '../../cli/args';
import { COMMAND_RUNS } from '../../cli/main';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { jsonOf, pendamping } from './cli-process';
import { ADMIN, fillColumn, ledger, outbox, programme } from './mail-helpers';

beforeAll(() => ensureBuilt());

const io = (cwd: string) => ({
  progress: { update: () => undefined, end: () => undefined },
  cwd,
  stopped: new Promise<void>(() => undefined),
  interrupted: () => false,
  announce: () => undefined,
});

test('email --reminders sends the overdue units their reminder, logged as the round\'s reminders; a second run skips them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reminders-cli-'));
  const file = join(dir, 'buku.xlsx');
  const box = join(dir, 'keluar');
  const rt = await programme([{ code: 'A1' }, { code: 'A2' }, { code: 'A3' }], { outbox: box });
  fillColumn(rt, 'A3', 'Tindak Lanjut', () => 'Selesai');
  await saveWorkbook(rt.workbook, file);

  const options = { workbook: file, outbox: box, user: ADMIN, now: '2025-05-02T09:00:00+07:00', reminders: true } satisfies CliOptions;
  const early = await COMMAND_RUNS.email({ ...options, now: '2025-04-01T09:00:00+07:00' }, io(dir));
  expect(early).toMatchObject({ ok: true, fields: { sent: 0, skipped: 0, failed: 0, queued: 0 } });
  expect(early.lines.join('\n')).toContain('Tidak ada unit');

  const first = await COMMAND_RUNS.email(options, io(dir));
  expect(first).toMatchObject({ ok: true, fields: { sent: 2, skipped: 0, failed: 0, queued: 0 } });
  const mails = await outbox(box);
  expect(mails.map((m) => m.mail.subject)).toEqual([
    'Pengingat: 2 temuan melewati batas waktu — Dinas A1 (Pendampingan Perbaikan Pelayanan Publik)',
    'Pengingat: 2 temuan melewati batas waktu — Dinas A2 (Pendampingan Perbaikan Pelayanan Publik)',
  ]);
  const saved = await loadWorkbook(file);
  expect(ledger(saved).map((r) => [r['Kode Unit'], r.Status, r.Putaran])).toEqual([
    ['A1', 'TERKIRIM', '2025 Pendampingan — pengingat'],
    ['A2', 'TERKIRIM', '2025 Pendampingan — pengingat'],
  ]);

  const again = await COMMAND_RUNS.email(options, io(dir));
  expect(again).toMatchObject({ ok: true, fields: { sent: 0, skipped: 2 } });
  // Without --reminders the same command is "Kirim temuan": every unit gets its findings.
  const findings = await COMMAND_RUNS.email({ ...options, reminders: false }, io(dir));
  expect(findings).toMatchObject({ ok: true, fields: { sent: 3 } });
});

test('the command line takes --reminders for email only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reminders-process-'));
  const rt = await programme([{ code: 'B1' }], { outbox: join(dir, 'keluar') });
  await saveWorkbook(rt.workbook, join(dir, 'buku.xlsx'));
  const common = ['--workbook', 'buku.xlsx', '--user', ADMIN, '--now', '2025-05-02T09:00:00+07:00', '--json'];

  const run = await pendamping(dir, ['email', ...common, '--reminders']);
  expect(run.code).toBe(0);
  expect(jsonOf(run)).toMatchObject({ ok: true, command: 'email', sent: 1, skipped: 0, failed: 0 });
  expect((await outbox(join(dir, 'outbox'))).map((m) => m.mail.subject)).toEqual([
    'Pengingat: 2 temuan melewati batas waktu — Dinas B1 (Pendampingan Perbaikan Pelayanan Publik)',
  ]);

  const misplaced = await pendamping(dir, ['recap', '--workbook', 'buku.xlsx', '--reminders']);
  expect(misplaced.code).toBe(2);
  expect(misplaced.stderr).toContain('opsi --reminders tidak dikenal');
}, 120_000);
