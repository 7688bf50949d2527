// Runs the built `pendamping` command as a real process (node bin/pendamping.js), as a user
// would, in a temporary directory of its own; or its `main` in this process, where what a test
// checks is the command's output and workbook, not the process (exit of bin, signals, locking).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../cli/main';
import type { WorkbookModel } from '../../local/model/types';
import { formatA1 } from '../../local/model/workbook';
import { loadWorkbook } from '../../local/xlsx';
import { grid, readyEdits, settingCell } from '../../bench/ready';
import { ROOT } from '../helpers/build';

export { grid, labelledCell, readyEdits, settingCell } from '../../bench/ready';

export const BIN = join(ROOT, 'bin', 'pendamping.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a run: this one's, in the C locale (Indonesian messages) unless `env` says otherwise. */
const runEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env });

/** Runs `pendamping …args` in `cwd`; never rejects (the exit code is part of the result). */
export function pendamping(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: runEnv(env), maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A stream that hands what is written to it to `write`, not a terminal (no progress bar). */
const sink = (write: (text: string) => void): NodeJS.WriteStream =>
  Object.assign(new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) }), { isTTY: false }) as unknown as NodeJS.WriteStream;

/**
 * Runs `pendamping …args` as `pendamping` does (the CLI's `main`), in this process: the same
 * result as a run of bin/pendamping.js without starting one. Never stopped (no signals here), and
 * `email` runs unsupervised: what the process boundary does is tested with `pendamping`.
 */
export async function pendampingInProcess(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: runEnv(env),
    cwd,
    stopped: new Promise<void>(() => undefined),
    interrupted: () => false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The one JSON object a --json run printed on stdout. */
export function jsonOf(run: Run): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected exactly one line on stdout, got:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `pendamping-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const NOW = '2025-02-03T09:00:00+07:00';
export const ADMIN = 'sekretariat@ombudsman.example';

/** A small unit list (three units, one PIC address each, one assessor). */
export function writeUnits(dir: string): string {
  const file = join(dir, 'units.csv');
  writeFileSync(
    file,
    [
      'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
      'DINKES,Dinas Kesehatan,OPD,Hendra Handayani,pic.dinkes@muarojambi.example,asesor1@ombudsman.example',
      'DUKCAPIL,Dinas Kependudukan dan Pencatatan Sipil,OPD,Joko Hidayah,pic.dukcapil@muarojambi.example,asesor2@ombudsman.example',
      '"DINSOS","Dinas Sosial, Pemberdayaan Perempuan",OPD,Lestari Setiawan,pic.dinsos@muarojambi.example,asesor1@ombudsman.example',
    ].join('\n'),
  );
  return file;
}

/** The tab of unit `kode` (Unit's Tab column) and the A1 address of `column` on indicator `indicator`'s row. */
export function answerCell(model: WorkbookModel, kode: string, indicator: string, column: string): { tab: string; a1: string } {
  const unit = grid(model, 'Unit');
  const tab = String(unit.find((r) => r[unit[0].indexOf('Kode')] === kode)?.[unit[0].indexOf('Tab')] ?? '');
  const values = grid(model, tab);
  const header = values.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const row = values.findIndex((r, i) => i > header && r[values[header].indexOf('Kode')] === indicator);
  return { tab, a1: formatA1(row, values[header].indexOf(column)) };
}

/**
 * Applies readyEdits to the workbook `file` as `user` (an admin) through `pendamping edit`; a
 * refused edit throws. The findings then go without the rapor (lampirkan_rapor = Tidak) unless
 * `rapor`: each rapor is a page printed by Chromium, which the rapor's own tests cover
 * (test/browser/rapor.test.ts, and the demo's).
 */
export async function makeReady(cwd: string, file: string, user: string, now: string = NOW, rapor = false): Promise<void> {
  const edits = join(cwd, `${basename(file)}.ready.csv`);
  const model = await loadWorkbook(file);
  writeFileSync(edits, readyEdits(model) + (rapor ? '' : `\nPengaturan,${settingCell(model, 'lampirkan_rapor')},Tidak`));
  const run = await pendampingInProcess(cwd, ['edit', '--workbook', file, '--user', user, '--from', edits, '--now', now]);
  if (run.code !== 0) throw new Error(`edits refused:\n${run.stdout}\n${run.stderr}`);
}

/** What a test file can ask of the run's shared workbooks: the methodology profile (the default one when absent). */
export interface Programme {
  profile?: string;
}

/** The run's shared directory (test/helpers/run-dir-setup.cjs). */
function runDir(): string {
  const dir = process.env.PENDAMPING_TEST_RUN_DIR;
  if (!dir) throw new Error('PENDAMPING_TEST_RUN_DIR is not set: run the tests through jest (jest.config.cjs sets it up)');
  return dir;
}

/**
 * The workbook (or folder) `name` of this jest run, made once by `make` (in a directory of its
 * own) and kept in the run's directory; one of another worker making the same at once is replaced
 * whole (a folder: the first one made stays).
 */
async function shared(name: string, make: (file: string, dir: string) => Promise<void>): Promise<string> {
  const file = join(runDir(), name);
  if (existsSync(file)) return file;
  const work = mkdtempSync(join(runDir(), 'making-'));
  try {
    const made = join(work, name);
    await make(made, work);
    try {
      renameSync(made, file);
    } catch (error) {
      // A folder made meanwhile by another worker is not replaced: the first one stays.
      if (!existsSync(file)) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return file;
}

/** A key of a programme for file names. */
const keyOf = (programme: Programme) => programme.profile ?? 'default';

/** `pendamping init` of the three units of writeUnits by ADMIN at NOW, made once per run. */
function initialised(programme: Programme): Promise<string> {
  return shared(`init-${keyOf(programme)}.xlsx`, async (file, dir) => {
    const profile = programme.profile === undefined ? [] : ['--profile', programme.profile];
    const run = await pendampingInProcess(dir, ['init', '--workbook', file, '--user', ADMIN, ...profile, '--units', writeUnits(dir), '--now', NOW]);
    if (run.code !== 0) throw new Error(`init failed:\n${run.stdout}\n${run.stderr}`);
  });
}

/** That workbook with its unit tabs (generate at NOW), answered, submitted and verified (makeReady), made once per run. */
function ready(programme: Programme): Promise<string> {
  return shared(`ready-${keyOf(programme)}.xlsx`, async (file, dir) => {
    copyFileSync(await initialised(programme), file);
    const run = await pendampingInProcess(dir, ['generate', '--workbook', file, '--now', NOW]);
    if (run.code !== 0) throw new Error(`generate failed:\n${run.stdout}\n${run.stderr}`);
    await makeReady(dir, file, ADMIN);
  });
}

/** What `pendamping demo --dir … --now NOW --json` wrote and printed, run once per jest run. */
export interface DemoRun {
  /** The folder the demo's files are in now (its workbook, outbox and rapor). */
  dir: string;
  /** The folder given as --dir: the paths in `json` are in it. */
  ranIn: string;
  /** The one JSON object the run printed. */
  json: Record<string, unknown>;
}

/**
 * `pendamping demo --now NOW --json` (30 OPD through the whole programme) as a real process, run
 * once per jest run and kept whole in the run's directory; as a process: the demo costs more CPU
 * inside a jest worker than in a process of its own. Its files are for reading and copying only.
 * It runs as on a machine without Chromium (its rapor as HTML, its emails without one): what the
 * other files read is its workbook, and printing 56 PDFs would hold up every file waiting for it;
 * the demo with its PDFs is cli-demo's second run.
 */
export async function demoRun(): Promise<DemoRun> {
  const dir = await shared('demo', async (made, work) => {
    const run = await pendamping(work, ['demo', '--dir', made, '--now', NOW, '--json'], { CHROMIUM_PATH: join(work, 'no-chromium') });
    if (run.code !== 0) throw new Error(`demo failed:\n${run.stdout}\n${run.stderr}`);
    writeFileSync(join(work, 'run.json'), JSON.stringify({ ranIn: made, json: jsonOf(run) }));
    renameSync(join(work, 'run.json'), join(made, 'run.json'));
  });
  const { ranIn, json } = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Omit<DemoRun, 'dir'>;
  return { dir, ranIn, json };
}

/** A copy at `file` of the run's demo workbook. */
export async function demoWorkbook(file: string): Promise<string> {
  copyFileSync(join((await demoRun()).dir, 'pendamping-demo.xlsx'), file);
  return file;
}

/** A copy at `file` of the run's workbook right after init (no unit tabs yet). */
export async function initWorkbook(file: string, programme: Programme = {}): Promise<string> {
  copyFileSync(await initialised(programme), file);
  return file;
}

/** A copy at `file` of the run's workbook ready for its findings (init, generate, makeReady as ADMIN at NOW). */
export async function readyWorkbook(file: string, programme: Programme = {}): Promise<string> {
  copyFileSync(await ready(programme), file);
  return file;
}
