// `pendamping email` as real processes, interrupted: killed with SIGKILL at random moments and
// run again until done, every unit receives its message once, or is listed as needing a check
// (its outcome unknown), and Log Email agrees with the outbox; Ctrl-C stops after the message
// being sent, with the log and the workbook saved. One unit MailApp cannot take fails alone.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { journalPath } from '../../local/journal';
import { seededRandom } from '../../cli/demo/simulate';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ROOT, ensureBuilt } from '../helpers/build';
import { NOW, jsonOf, pendampingInProcess, tempDir, type Run } from './cli-process';
import { ledger, outbox, programme, type UnitSpec } from './mail-helpers';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('mail-interrupt');
});
afterAll(() => tmp.remove());

const CLI = join(ROOT, 'build', 'cli.cjs');
const UNITS: UnitSpec[] = Array.from({ length: 30 }, (_, i) => ({ code: `U${String(i + 1).padStart(2, '0')}` }));
const picOf = (code: string) => `pic.${code.toLowerCase()}@pemkab.go.id`;

/**
 * A workbook file with `units` and their tabs, answered, submitted and verified, without the rapor
 * attached (mail-helpers' programme, in memory, then saved as the CLI saves it). The messages
 * alone: what is killed here is the ledger's at-most-once, not the rapor's printing (the rapor's
 * conversion comes before a message's Log Email row: test/browser/rapor.test.ts).
 */
async function readyFile(name: string, units: readonly UnitSpec[]): Promise<string> {
  const file = join(tmp.dir, `${name}.xlsx`);
  await saveWorkbook((await programme(units, {})).workbook, file);
  return file;
}

/** The 30 units' ready workbook, made once for the tests of this file. */
let thirty: Promise<string> | undefined;

/** A copy of that workbook (or one of `units`), with an outbox of its own. */
async function workbook(name: string, units?: readonly UnitSpec[]): Promise<{ file: string; box: string }> {
  const file = join(tmp.dir, `${name}.xlsx`);
  if (units === undefined) copyFileSync(await (thirty ??= readyFile('thirty', UNITS)), file);
  else await readyFile(name, units);
  return { file, box: join(tmp.dir, name) };
}

const emailArgs = (file: string, box: string, ...more: string[]) => ['email', '--workbook', file, '--outbox', box, '--quota', '1000', '--now', NOW, ...more];
const emls = (box: string) => (existsSync(box) ? readdirSync(box).filter((f) => f.endsWith('.eml')).length : 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `pendamping …args` (the built CLI, as bin/pendamping.js runs it once built) in a process
 * group of its own; `signal` reaches the whole group (a terminal's Ctrl-C, or a kill of everything).
 */
function startGroup(args: readonly string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp.dir, detached: true, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  let running = true;
  void exited.then(() => (running = false));
  return {
    pid: child.pid as number,
    exited,
    running: () => running,
    signal: (name: NodeJS.Signals) => process.kill(-(child.pid as number), name),
  };
}

/** Messages per unit in the outbox (by the PIC address in To). */
async function messagesPerUnit(box: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const mail of await outbox(box)) {
    const unit = UNITS.find((u) => mail.to.includes(picOf(u.code)));
    if (unit) counts.set(unit.code, (counts.get(unit.code) ?? 0) + 1);
  }
  return counts;
}

test('kill -9 at random moments, run again until done: each unit gets its message once or is listed for a check; Log Email agrees', async () => {
  const { file, box } = await workbook('kill');
  const seed = 20251130;
  // The demo's fixed-seed generator: a failing run can be repeated.
  const next = seededRandom(seed);
  // Up to 10 kills; a run that ends before its kill has sent the whole batch: done.
  const kills = 10;
  let runs = 0;
  for (let killed = 0; killed < kills; ) {
    const before = emls(box);
    const email = startGroup(emailArgs(file, box));
    // Killed while loading, or once 1 to 5 more messages are out, plus up to 30 ms.
    const more = Math.floor(next() * 6);
    const delay = Math.floor(next() * 30);
    if (more === 0) await sleep(100 + Math.floor(next() * 1000));
    else while (email.running() && emls(box) < before + more) await sleep(2);
    await sleep(delay);
    if (email.running()) {
      email.signal('SIGKILL');
      killed += 1;
    }
    runs += 1;
    if ((await email.exited).signal === null) break;
  }
  const last = await pendampingInProcess(tmp.dir, emailArgs(file, box, '--json'));
  expect(last.code).toBe(0);
  const final = jsonOf(last);

  const perUnit = await messagesPerUnit(box);
  const rows = ledger(await loadWorkbook(file));
  expect(existsSync(journalPath(file))).toBe(false);
  const lastStatus = new Map(rows.map((r) => [String(r['Kode Unit']), String(r.Status)]));
  const unknown = UNITS.map((u) => u.code).filter((code) => lastStatus.get(code) === 'MENGIRIM');
  const sent = [...perUnit.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...perUnit.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
  console.log(`kill loop (seed ${seed}): ${runs + 1} runs, ${sent} messages, ${perUnit.size} units reached, ${duplicates} duplicates, ${unknown.length} unknown outcomes`);

  expect(duplicates).toBe(0);
  for (const { code } of UNITS) {
    const received = perUnit.get(code) ?? 0;
    const terkirim = rows.filter((r) => r['Kode Unit'] === code && r.Status === 'TERKIRIM').length;
    // Sent and logged once, or the outcome unknown (the message may or may not have left).
    if (unknown.includes(code)) expect([terkirim, received <= 1]).toEqual([0, true]);
    else expect([code, terkirim, received]).toEqual([code, 1, 1]);
  }
  expect(final).toMatchObject({ ok: true, unknown: unknown.length, queued: 0, failed: 0 });
  expect((final.unknownUnits as { kode: string }[]).map((u) => u.kode).sort()).toEqual(unknown);

  // The admin checks each unknown unit: those that got nothing are sent again, once.
  const missing = unknown.filter((code) => !perUnit.has(code));
  if (missing.length > 0) {
    const resent = jsonOf(await pendampingInProcess(tmp.dir, emailArgs(file, box, '--resend', missing.join(','), '--json')));
    expect(resent).toMatchObject({ ok: true, sent: missing.length });
  }
  const after = await messagesPerUnit(box);
  expect(UNITS.filter((u) => after.get(u.code) !== 1)).toEqual([]);
});

test('Ctrl-C stops after the message being sent, twice or not: log written, workbook saved, exit 1; the next run sends the rest once', async () => {
  const { file, box } = await workbook('ctrl-c');
  // `kill -INT` to the command, twice.
  const first = startGroup(emailArgs(file, box, '--json'));
  while (first.running() && emls(box) < 3) await sleep(2);
  process.kill(first.pid, 'SIGINT');
  await sleep(20);
  process.kill(first.pid, 'SIGINT');
  const stopped = await first.exited;
  expect(stopped.code).toBe(1);
  expect(stopped.stderr).toMatch(/Dihentikan \(Ctrl-C\) setelah email yang sedang dikirim/);
  const json = jsonOf(stopped);
  const out = emls(box);
  expect(json).toMatchObject({ ok: false, interrupted: true, sent: out });
  expect(out).toBeLessThan(30);
  expect(existsSync(journalPath(file))).toBe(false);
  const saved = ledger(await loadWorkbook(file));
  expect(saved.filter((r) => r.Status === 'TERKIRIM')).toHaveLength(out);
  expect(saved.filter((r) => r.Status === 'MENGIRIM')).toEqual([]);

  // A terminal's Ctrl-C reaches every process of the command: twice as well.
  const second = startGroup(emailArgs(file, box));
  while (second.running() && emls(box) < out + 3) await sleep(2);
  second.signal('SIGINT');
  await sleep(20);
  second.signal('SIGINT');
  expect((await second.exited).code).toBe(1);
  const rows = ledger(await loadWorkbook(file));
  expect(rows.filter((r) => r.Status === 'TERKIRIM')).toHaveLength(emls(box));
  expect(rows.filter((r) => r.Status === 'MENGIRIM')).toEqual([]);

  const rest = jsonOf(await pendampingInProcess(tmp.dir, emailArgs(file, box, '--json')));
  expect(rest).toMatchObject({ ok: true, unknown: 0, queued: 0 });
  const perUnit = await messagesPerUnit(box);
  expect(UNITS.filter((u) => perUnit.get(u.code) !== 1)).toEqual([]);
});

test('a unit over 50 recipients fails alone: the others are sent, the counts are right, and the run ends', async () => {
  const crowd = Array.from({ length: 51 }, (_, i) => `pic${i + 1}@ramai.go.id`).join(', ');
  const { file, box } = await workbook('ramai', [{ code: 'RAMAI', picEmails: crowd }, ...UNITS.slice(0, 4)]);
  const run = await pendampingInProcess(tmp.dir, emailArgs(file, box));
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n');
  expect(lines[0]).toBe('Email: 4 terkirim, 0 dilewati, 1 gagal, 0 masih antre.');
  expect(lines[1]).toMatch(/^ {2}RAMAI: email ini punya 52 penerima/);
  expect(emls(box)).toBe(4);
  // Run again: the bad unit fails again, alone; nothing else is sent twice.
  expect(jsonOf(await pendampingInProcess(tmp.dir, emailArgs(file, box, '--json')))).toMatchObject({ ok: true, sent: 0, skipped: 4, failed: 1, queued: 0 });
});
