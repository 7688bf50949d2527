// The command line's contract (docs/WORKBOOK.md): exit code 2 with the usage text on bad usage,
// exit code 1 with one line on stderr on a user-facing error, exactly one JSON object with
// --json, and init never overwriting a workbook without --force.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, jsonOf, pendamping, tempDir } from './cli-process';


let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-usage');
});
afterAll(() => tmp.remove());

test.each([
  [[], 'perintah belum diberikan'],
  [['frobnicate'], 'perintah "frobnicate" tidak dikenal'],
  [['generate'], 'opsi --workbook wajib'],
  [['generate', '--workbook'], 'opsi --workbook memerlukan nilai'],
  [['recap', '--workbook', 'x.xlsx', '--dry-run'], 'opsi --dry-run tidak dikenal'],
  [['email', '--workbook', 'x.xlsx', '--quota', 'banyak'], 'opsi --quota harus bilangan bulat'],
  [['round', '--workbook', 'x.xlsx', '--name', 'R2', '--deadline', '2025-02-30'], 'opsi --deadline harus tanggal'],
  [['edit', '--workbook', 'x.xlsx', '--from', 'e.csv'], 'opsi --user wajib'],
  [['recap', '--workbook', 'x.xlsx', 'extra'], 'argumen "extra" tidak diharapkan'],
])('bad usage %j exits 2 with the reason and the usage text', async (args, reason) => {
  const run = await pendamping(tmp.dir, args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(reason);
  expect(run.stderr).toContain('Pemakaian: pendamping <perintah> [opsi]');
  expect(run.stderr).toContain('workbench --workbook FILE.xlsx');
});

test('bad usage with --json still prints exactly one JSON object', async () => {
  const run = await pendamping(tmp.dir, ['email', '--json', '--workbook', 'x.xlsx', '--only']);
  expect(run.code).toBe(2);
  expect(jsonOf(run)).toMatchObject({ ok: false, command: 'email', error: 'opsi --only memerlukan nilai' });
});

test('a missing workbook is a user-facing error: exit 1, one line on stderr', async () => {
  const run = await pendamping(tmp.dir, ['recap', '--workbook', 'tidak-ada.xlsx']);
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain('tidak-ada.xlsx tidak ditemukan');
});

test("before a workbook is open, messages follow the user's locale", async () => {
  const run = await pendamping(tmp.dir, ['recap', '--workbook', 'missing.xlsx', '--json'], { LANG: 'en_US.UTF-8' });
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toMatch(/missing\.xlsx not found/);
  expect(jsonOf(run)).toMatchObject({ ok: false, command: 'recap', metrics: { roundTrips: 0 } });
});

test('init refuses to overwrite an existing workbook without --force, and replaces it with --force', async () => {
  const file = join(tmp.dir, 'ada.xlsx');
  const first = await pendamping(tmp.dir, ['init', '--workbook', 'ada.xlsx', '--user', ADMIN, '--json']);
  expect(first.code).toBe(0);
  expect(jsonOf(first)).toMatchObject({ ok: true, command: 'init' });
  const before = readFileSync(file);
  const mtime = statSync(file).mtimeMs;

  const again = await pendamping(tmp.dir, ['init', '--workbook', 'ada.xlsx', '--user', ADMIN]);
  expect(again.code).toBe(1);
  expect(again.stderr.trim().split('\n')).toHaveLength(1);
  expect(again.stderr).toContain('--force');
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(statSync(file).mtimeMs).toBe(mtime);

  const forced = await pendamping(tmp.dir, ['init', '--workbook', 'ada.xlsx', '--user', 'lain@ombudsman.example', '--force', '--json']);
  expect(forced.code).toBe(0);
  expect(readFileSync(file).equals(before)).toBe(false);
});

test('a failed init leaves no file behind', async () => {
  const run = await pendamping(tmp.dir, ['init', '--workbook', 'gagal.xlsx', '--profile', 'tidak-ada', '--json']);
  expect(run.code).toBe(1);
  const out = jsonOf(run);
  expect(out).toMatchObject({ ok: false, command: 'init' });
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(() => statSync(join(tmp.dir, 'gagal.xlsx'))).toThrow();
});
