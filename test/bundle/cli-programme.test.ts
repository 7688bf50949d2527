// The programme through the command line (its main, in this process), on a real .xlsx file:
// init with units, generate, edits as a PIC (protections honoured), recap, email (dry run, real,
// idempotent re-run, injected fault), a new round, and an admin action by a non-admin.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, answerCell, grid, jsonOf, makeReady, pendampingInProcess, settingCell, tempDir, writeUnits } from './cli-process';


let tmp: ReturnType<typeof tempDir>;
let wb: string;
const json = (...args: string[]) => [...args, '--workbook', wb, '--now', NOW, '--json'];

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-programme');
  wb = join(tmp.dir, 'program.xlsx');
});
afterAll(() => tmp.remove());

function expectMetrics(out: Record<string, unknown>): void {
  const metrics = out.metrics as { serviceCalls: Record<string, number>; roundTrips: number; modeledMs: number };
  expect(Object.keys(metrics.serviceCalls).length).toBeGreaterThan(0);
  for (const n of Object.values(metrics.serviceCalls)) expect(n).toBeGreaterThan(0);
  expect(metrics.roundTrips).toBeGreaterThan(0);
  expect(metrics.modeledMs).toBeGreaterThan(0);
}

test('init creates the workbook with the acting user as first admin and imports the units', async () => {
  const units = writeUnits(tmp.dir);
  const run = await pendampingInProcess(tmp.dir, json('init', '--profile', 'ombudsman-2021', '--user', ADMIN, '--units', units));
  expect(run.code).toBe(0);
  const out = jsonOf(run);
  expect(out).toMatchObject({ ok: true, command: 'init', added: 3 });
  expectMetrics(out);
  const pairs = grid(await loadWorkbook(wb), 'Pengaturan').map((r) => [r[0], r[1]]);
  expect(pairs).toContainEqual(['email_admin', ADMIN]);
});

test('generate reports created, updated and rejected (row + reason) and exits 0', async () => {
  // A fourth unit with an invalid PIC email is rejected; the three good rows still get their tabs.
  const bad = join(tmp.dir, 'bad.csv');
  writeFileSync(bad, 'RUSAK,Unit Email Salah,OPD,Siapa,bukan-alamat,\n');
  // Without --user, init's admin is admin@pendamping.local and generate runs as that first admin.
  const pasted = await pendampingInProcess(tmp.dir, ['init', '--workbook', join(tmp.dir, 'other.xlsx'), '--units', bad, '--json']);
  expect(pasted.code).toBe(0);

  const run = await pendampingInProcess(tmp.dir, json('generate'));
  expect(run.code).toBe(0);
  const out = jsonOf(run);
  expect(out).toMatchObject({ ok: true, command: 'generate', rejected: [] });
  expect(out.created).toHaveLength(3);
  expect(out.updated).toEqual([]);
  expectMetrics(out);

  const other = await pendampingInProcess(tmp.dir, ['generate', '--workbook', join(tmp.dir, 'other.xlsx'), '--json']);
  expect(other.code).toBe(0);
  const rejected = jsonOf(other).rejected as { row: number; kode: string; reason: string }[];
  expect(rejected).toHaveLength(1);
  expect(rejected[0]).toMatchObject({ row: 2, kode: 'RUSAK' });
  expect(rejected[0].reason).toMatch(/Email PIC/);
});

test('edit applies what the user may edit and reports each refused edit (exit 1)', async () => {
  const before = await loadWorkbook(wb);
  const own = answerCell(before, 'DINKES', 'SP-01', 'Jawaban Mandiri');
  const verification = answerCell(before, 'DINKES', 'SP-01', 'Jawaban Verifikasi');
  const foreign = answerCell(before, 'DUKCAPIL', 'SP-01', 'Jawaban Mandiri');
  const edits = join(tmp.dir, 'edits.csv');
  writeFileSync(
    edits,
    ['sheet,cell,value', `"${own.tab}",${own.a1},Ya`, `"${verification.tab}",${verification.a1},Ya`, `"${foreign.tab}",${foreign.a1},Ya`].join('\n'),
  );
  const run = await pendampingInProcess(tmp.dir, json('edit', '--user', 'pic.dinkes@muarojambi.example', '--from', edits));
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  const out = jsonOf(run);
  expect(out).toMatchObject({ ok: false, command: 'edit', applied: 1 });
  const refused = out.refused as { row: number; cell: string; reason: string }[];
  expect(refused.map((r) => [r.row, r.cell])).toEqual([
    [3, verification.a1],
    [4, foreign.a1],
  ]);
  for (const r of refused) expect(r.reason).not.toBe('');
  const model = await loadWorkbook(wb);
  const cell = (tab: string, a1: string) => grid(model, tab)[Number(a1.slice(1)) - 1]?.[a1.charCodeAt(0) - 65];
  expect(cell(own.tab, own.a1)).toBe('Ya');
  expect(cell(verification.tab, verification.a1)).toBeUndefined();
  expect(cell(foreign.tab, foreign.a1)).toBeUndefined();
});

test('recap refreshes Rekap', async () => {
  const run = await pendampingInProcess(tmp.dir, json('recap'));
  expect(run.code).toBe(0);
  expect(jsonOf(run)).toMatchObject({ ok: true, command: 'recap' });
});

test('an admin action by a non-admin is refused with one clear line (exit 1)', async () => {
  const run = await pendampingInProcess(tmp.dir, json('recap', '--user', 'pic.dinkes@muarojambi.example'));
  expect(run.code).toBe(1);
  const line = run.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  expect(line).toContain('pic.dinkes@muarojambi.example');
  expect(jsonOf(run)).toMatchObject({ ok: false, command: 'recap', error: line });
});

test('email refuses while the round has no deadline: exit 1, one line naming batas_waktu and where to fill it, nothing sent', async () => {
  // A new workbook names its first round, and has no deadline yet.
  expect(grid(await loadWorkbook(wb), 'Pengaturan').find((r) => r[0] === 'putaran')?.[1]).toBe('Putaran 1 2025');
  const run = await pendampingInProcess(tmp.dir, json('email'));
  expect(run.code).toBe(1);
  const line = run.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  expect(line).toMatch(/Pengaturan batas_waktu masih kosong.*tab Pengaturan, kolom Nilai/);
  expect(jsonOf(run)).toMatchObject({ ok: false, command: 'email', sent: 0 });
  expect(existsSync(join(tmp.dir, 'outbox'))).toBe(false);
});

test('email: a dry run sends nothing; an injected fault stops after what it sent (exit 1); re-runs send only what is left', async () => {
  const outbox = join(tmp.dir, 'outbox');
  const emls = () => readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  // Each unit answered, submitted and verified, and the round's deadline set: findings can go out.
  await makeReady(tmp.dir, wb, ADMIN);
  const dry = await pendampingInProcess(tmp.dir, json('email', '--dry-run'));
  expect(dry.code).toBe(0);
  expect(jsonOf(dry)).toMatchObject({ ok: true, command: 'email', dryRun: true, sent: 3, failed: 0, queued: 0, notReady: [] });
  expect(existsSync(outbox)).toBe(false);

  const faulty = await pendampingInProcess(tmp.dir, json('email', '--fail-mail-after', '1'));
  expect(faulty.code).toBe(1);
  expect(faulty.stderr.trim().split('\n')).toHaveLength(1);
  expect(jsonOf(faulty)).toMatchObject({ ok: false, command: 'email', sent: 1, error: faulty.stderr.trim() });
  expect(emls()).toHaveLength(1);

  // The stop ended that send: the re-run retries the message that failed (MailApp threw, so it
  // did not go) and sends the one never tried; what was sent is skipped, never sent twice.
  const rest = await pendampingInProcess(tmp.dir, json('email'));
  expect(rest.code).toBe(0);
  const out = jsonOf(rest);
  expect(out).toMatchObject({ ok: true, command: 'email', sent: 2, skipped: 1, failed: 0, queued: 0 });
  expect((out.metrics as { serviceCalls: Record<string, number> }).serviceCalls['MailApp.sendEmail']).toBe(2);
  expect(emls()).toHaveLength(3);

  // Later sends find nothing new.
  const later = (now: string) => pendampingInProcess(tmp.dir, ['email', '--workbook', wb, '--now', now, '--json']);
  const again = await later('2025-02-03T12:00:00+07:00');
  expect(jsonOf(again)).toMatchObject({ ok: true, sent: 0, skipped: 3 });
  expect(emls()).toHaveLength(3);
});

test('email --quota 0 sends nothing and leaves every message queued', async () => {
  const run = await pendampingInProcess(tmp.dir, json('email', '--force', '--quota', '0', '--outbox', join(tmp.dir, 'kosong')));
  const out = jsonOf(run);
  expect(out).toMatchObject({ command: 'email', sent: 0 });
  expect(existsSync(join(tmp.dir, 'kosong'))).toBe(false);
});

test('round closes the round and starts the next', async () => {
  // The secretariat names the running round in Pengaturan first (an admin's own edit).
  const edits = join(tmp.dir, 'putaran.csv');
  writeFileSync(edits, `Pengaturan,${settingCell(await loadWorkbook(wb), 'putaran')},2025 Pendampingan\n`);
  expect((await pendampingInProcess(tmp.dir, json('edit', '--user', ADMIN, '--from', edits))).code).toBe(0);

  const run = await pendampingInProcess(tmp.dir, json('round', '--name', 'Penilaian Kembali', '--deadline', '2025-06-30'));
  expect(run.code).toBe(0);
  const out = jsonOf(run);
  expect(out).toMatchObject({ ok: true, command: 'round', closed: '2025 Pendampingan', name: 'Penilaian Kembali', deadline: '2025-06-30', units: 3 });
  expectMetrics(out);
  const riwayat = grid(await loadWorkbook(wb), 'Riwayat');
  expect(riwayat.filter((r) => r[0] === '2025 Pendampingan')).toHaveLength(3);
});

test('without --json a person reads the outcome on stdout, and nothing on stderr', async () => {
  const run = await pendampingInProcess(tmp.dir, ['recap', '--workbook', wb, '--now', NOW]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/Rekap/);
  expect(run.stdout).toMatch(/round trip: \d+/);
});
