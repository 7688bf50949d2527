// `npm run bench`: the main commands on 30, 150 and 500 synthetic units, per command and size:
// round trips, service calls and modeled seconds of the command's own executions (the latency
// model of docs/PLATFORM.md) and the longest of them (each held to 6 minutes), what its Sheets API
// writes sent (calls, KB per call, the largest call, KB per unit), the custom-function executions
// it caused (each an execution of its own in Apps Script, so counted apart: executions, distinct
// cells, their modeled seconds), workbook cells, and this machine's wall seconds and peak memory;
// then the targets of the issue that asked for them, the load + recalculate + save time of the 30-
// and 500-unit workbooks, and the reference generation "as most published scripts do it"
// (bench/reference/Code.js) against Pendamping's, as the ratio reference / Pendamping.
//
// `npm run bench -- --sizes 30,150` measures other sizes (default 30,150,500);
// `--commands recap,round` measures only those commands (with the steps before them that they
// need: init, generate and the edits that fill the units), without the reference and load steps.
//
// Each command runs in a child process of its own, as the CLI would (so one command's memory
// does not inflate the next), through the CLI's own parser and command table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from '../cli/args';
import { LATENCY } from '../local/latency';
import { COMMAND_RUNS } from '../cli/main';
import type { CommandResult } from '../cli/result';
import { workbookCellCount } from '../local/model/workbook';
import { LocalRuntime } from '../local/runtime';
import { loadWorkbook, saveWorkbook } from '../local/xlsx';
import { MemorySampler, type PeakMemory } from './memory';
import { readyEdits, settingCell } from './ready';
import { runReference, type ReferenceRun } from './reference';
import { syntheticUnitsCsv } from './units';

const DEFAULT_SIZES = [30, 150, 500];
/** The load + recalculate + save step runs on the smallest and the largest size. */
const loadSizes = (sizes: number[]) => [...new Set([Math.min(...sizes), Math.max(...sizes)])];
const ADMIN = 'sekretariat@bench.example';
/** A Google Workspace account's daily recipients (docs/PLATFORM.md): enough for PIC + assessor of 500 units. */
const QUOTA = 1500;
const NOW = '2025-02-03T09:00:00+07:00';
const DEADLINE = '2025-03-31';
const AFTER_DEADLINE = '2025-04-01T09:00:00+07:00';

interface CommandRow {
  size: number;
  command: string;
  ok: boolean;
  error?: string;
  roundTrips: number;
  serviceCalls: number;
  modeledS: number;
  /** The longest of the command's script executions, modeled. */
  longestS: number;
  /** Bytes of each Sheets API write the command sent. */
  sentBytes: number[];
  /** Emails sent (email commands). */
  emailsSent?: number;
  customFunctionExecutions: number;
  customFunctionCells: number;
  customFunctionModeledS: number;
  workbookCells: number;
  wallS: number;
  memory: PeakMemory;
}

interface SizeReport {
  size: number;
  workbook: string;
  dir: string;
  rows: CommandRow[];
  /** Not run when only some commands are measured. */
  reference?: ReferenceRun;
  generateModeledS: number;
}

interface LoadReport {
  size: number;
  wallS: number;
  cells: number;
  memory: PeakMemory;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function runCommand(size: number, label: string, argv: string[], workbook: string): Promise<CommandRow> {
  const { command, options } = parseArgs(argv);
  const sampler = new MemorySampler();
  const io = {
    progress: { update: () => sampler.sample(), end: () => undefined },
    cwd: process.cwd(),
    stopped: new Promise<void>(() => undefined),
    interrupted: () => false,
    announce: () => undefined,
  };
  sampler.start();
  const start = performance.now();
  let result: CommandResult;
  try {
    result = await COMMAND_RUNS[command](options, io);
  } finally {
    sampler.sample();
  }
  const wallS = seconds(performance.now() - start);
  const memory = sampler.stop();
  const cells = workbookCellCount(await loadWorkbook(workbook));
  const m = result.metrics;
  return {
    size,
    command: label,
    ok: result.ok,
    ...(result.error !== undefined && { error: result.error }),
    roundTrips: m.roundTrips,
    serviceCalls: Object.values(m.serviceCalls).reduce((s, n) => s + n, 0),
    modeledS: seconds(m.modeledMs),
    longestS: seconds(Math.max(0, ...m.executionMs)),
    sentBytes: m.requestBytes,
    ...(typeof result.fields.sent === 'number' && { emailsSent: result.fields.sent }),
    customFunctionExecutions: m.customFunctionExecutions,
    customFunctionCells: m.customFunctionCells,
    customFunctionModeledS: seconds(m.customFunctionMs),
    workbookCells: cells,
    wallS,
    memory,
  };
}

/** An edits file (`edit --from`) setting each Pengaturan key to its value. */
async function settingEdits(dir: string, file: string, settings: Record<string, string>): Promise<string> {
  const model = await loadWorkbook(file);
  const lines = Object.entries(settings).map(([key, value]) => `Pengaturan,${settingCell(model, key)},${value}`);
  const edits = join(dir, `${Object.keys(settings).join('-')}-${Object.values(settings).join('-')}.csv`);
  writeFileSync(edits, `${lines.join('\n')}\n`);
  return edits;
}

/** The steps every measured command needs before it: the workbook set up, generated, the units filled and the round named. */
const PREREQUISITES = new Set(['init', 'generate', 'edit (units ready)', 'edit (2 cells)']);

/**
 * One size: each command in its own child process, on one workbook in a temporary directory;
 * with `only`, those commands and their PREREQUISITES alone.
 */
async function measureSize(size: number, only?: ReadonlySet<string>): Promise<SizeReport> {
  const dir = mkdtempSync(join(tmpdir(), `pendamping-bench-${size}-`));
  const workbook = join(dir, `bench-${size}.xlsx`);
  const units = join(dir, 'units.csv');
  const outbox = join(dir, 'outbox');
  writeFileSync(units, syntheticUnitsCsv(size));
  const common = ['--workbook', workbook, '--now', NOW, '--json'];
  const rows: CommandRow[] = [];
  const run = (label: string, argv: string[]) => {
    if (!only || only.has(label) || PREREQUISITES.has(label)) rows.push(child<CommandRow>(['--run', String(size), label, workbook, ...argv]));
  };
  run('init', ['init', ...common, '--user', ADMIN, '--units', units]);
  // The reference generates from the same registered units, on its own copy of the workbook.
  const referenceFile = join(dir, `reference-${size}.xlsx`);
  copyFileSync(workbook, referenceFile);
  run('generate', ['generate', ...common]);
  run('recap', ['recap', ...common]);
  // Every unit answered, submitted and verified, the round's deadline set: the findings go to all of them.
  const ready = join(dir, 'ready.csv');
  writeFileSync(ready, readyEdits(await loadWorkbook(workbook), DEADLINE));
  run('edit (units ready)', ['edit', ...common, '--user', ADMIN, '--from', ready]);
  const mail = ['--quota', String(QUOTA), '--outbox', outbox];
  run('email --dry-run', ['email', ...common, ...mail, '--dry-run']);
  // The findings without the rapor attached; with it, on a copy, where the workbook offers it.
  const withRapor = await settingEdits(dir, workbook, { lampirkan_rapor: 'Ya' });
  const withoutRapor = await settingEdits(dir, workbook, { lampirkan_rapor: 'Tidak' });
  const raporFile = join(dir, `rapor-${size}.xlsx`);
  copyFileSync(workbook, raporFile);
  const onCopy = ['--workbook', raporFile, '--now', NOW, '--json'];
  run('edit (lampirkan_rapor Ya)', ['edit', ...onCopy, '--user', ADMIN, '--from', withRapor]);
  run('email (rapor attached)', ['email', ...onCopy, '--quota', String(QUOTA), '--outbox', join(dir, 'outbox-rapor')]);
  run('edit (lampirkan_rapor Tidak)', ['edit', ...common, '--user', ADMIN, '--from', withoutRapor]);
  run('email', ['email', ...common, ...mail]);
  // The secretariat names the running round and its deadline in Pengaturan.
  const edits = await settingEdits(dir, workbook, { putaran: '2025 Pendampingan', batas_waktu: DEADLINE });
  run('edit (2 cells)', ['edit', ...common, '--user', ADMIN, '--from', edits]);
  // The day after the deadline, every unit with a finding not Selesai is reminded.
  const overdue = common.map((arg) => (arg === NOW ? AFTER_DEADLINE : arg));
  run('email --reminders', ['email', ...overdue, ...mail, '--reminders']);
  // Nobody answered the synthetic units' tabs: closing the round needs --force.
  run('round', ['round', ...common, '--name', 'Penilaian Kembali', '--deadline', '2025-06-30', '--force']);
  const reference = only ? undefined : child<ReferenceRun>(['--reference', referenceFile]);
  const generate = rows.find((r) => r.command === 'generate');
  return { size, workbook, dir, rows, reference, generateModeledS: generate?.modeledS ?? 0 };
}

/** Load + recalculate + save of one workbook, in this (child) process. */
async function measureLoad(file: string, size: number): Promise<LoadReport> {
  const sampler = new MemorySampler();
  sampler.start();
  const start = performance.now();
  const model = await loadWorkbook(file);
  // Opening the runtime builds the formula engine over the workbook: every formula computed.
  await LocalRuntime.open({ workbook: model, user: ADMIN });
  await saveWorkbook(model, `${file}.resaved.xlsx`);
  const wallS = seconds(performance.now() - start);
  return { size, wallS, cells: workbookCellCount(model), memory: sampler.stop() };
}

function child<T>(args: string[]): T {
  const run = spawnSync(process.execPath, [__filename, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function describeReference(report: SizeReport, ref: ReferenceRun): string {
  const head = `${String(report.size).padStart(4)} units: reference ${ref.modeledS.toFixed(1)} s modeled, ${ref.roundTrips} round trips`;
  const ratio = report.generateModeledS > 0 ? ref.modeledS / report.generateModeledS : 0;
  if (ref.completed) return `${head}; Pendamping generate ${report.generateModeledS.toFixed(1)} s: reference / Pendamping = ×${ratio.toFixed(1)}`;
  if (ref.tabs === 0) return `${head}; could not run: "${ref.error ?? ''}"`;
  const projected = (ref.modeledS / ref.tabs) * report.size;
  return (
    `${head}; stopped after ${ref.tabs} of ${report.size} tabs: "${ref.error}"` +
    ` (≈ ${projected.toFixed(0)} s projected, ×${(projected / Math.max(0.001, report.generateModeledS)).toFixed(1)} Pendamping's ${report.generateModeledS.toFixed(1)} s)`
  );
}

/** `--commands recap,round`: the commands to measure (all when absent). */
function commandsOf(argv: string[]): Set<string> | undefined {
  const at = argv.indexOf('--commands');
  if (at < 0) return undefined;
  const commands = (argv[at + 1] ?? '').split(',').filter((c) => c !== '');
  if (commands.length === 0) throw new Error('--commands takes command labels separated by commas, e.g. --commands recap,round');
  return new Set(commands);
}

/** `--sizes 30,150`: the sizes to measure. */
function sizesOf(argv: string[]): number[] {
  const at = argv.indexOf('--sizes');
  if (at < 0) return DEFAULT_SIZES;
  const sizes = (argv[at + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers separated by commas, e.g. --sizes 30,150');
  return sizes;
}

/** What the Sheets API guidance and the add-on's own targets ask, per command and size. */
const TARGETS: { size: number; command: string; what: string; met: (row: CommandRow) => boolean }[] = [
  { size: 30, command: 'generate', what: '≤ 5 s and ≤ 8 round trips', met: (r) => r.modeledS <= 5 && r.roundTrips <= 8 },
  { size: 500, command: 'generate', what: '≤ 60 s, no execution over 6 minutes', met: (r) => r.modeledS <= 60 && r.longestS <= 360 },
  { size: 500, command: 'recap', what: '≤ 3 round trips', met: (r) => r.roundTrips <= 3 },
  { size: 30, command: 'email', what: '≤ 40 s (lampirkan_rapor Tidak), all 30 sent', met: (r) => r.modeledS <= 40 && r.emailsSent === 30 },
  { size: 500, command: 'round', what: '≤ 30 s', met: (r) => r.modeledS <= 30 },
];
/** Google's recommended maximum payload of one Sheets API request (developers.google.com/workspace/sheets/api/limits). */
const MAX_CALL_BYTES = 2_000_000;

function targetLines(rows: readonly CommandRow[]): string[] {
  const lines = TARGETS.flatMap((target) => {
    const row = rows.find((r) => r.size === target.size && r.command === target.command);
    if (!row) return [];
    const verdict = row.ok && target.met(row) ? 'met' : 'NOT met';
    return [`${target.command} ${target.size} units ${target.what}: ${row.modeledS.toFixed(1)} s, ${row.roundTrips} round trips, longest execution ${row.longestS.toFixed(1)} s — ${verdict}`];
  });
  const largest = Math.max(0, ...rows.flatMap((r) => r.sentBytes));
  lines.push(`every Sheets API call ≤ 2 MB: the largest sent ${(largest / 1e6).toFixed(2)} MB — ${largest <= MAX_CALL_BYTES ? 'met' : 'NOT met'}`);
  const conversion = LATENCY.htmlToPdf.ms / 1000;
  for (const email of rows.filter((r) => r.command === 'email')) {
    const rapor = rows.find((r) => r.size === email.size && r.command === 'email (rapor attached)');
    const attached = rapor ? `${rapor.modeledS.toFixed(1)} s, ${rapor.roundTrips} round trips, ${rapor.emailsSent ?? 0} sent (one HTML → PDF conversion per message, ${conversion} s each [E])` : 'not measured';
    lines.push(`email ${email.size} units: ${email.modeledS.toFixed(1)} s, ${email.roundTrips} round trips, ${email.emailsSent ?? 0} sent; with the rapor attached: ${attached}`);
  }
  return lines;
}

async function orchestrate(sizes: number[], only: Set<string> | undefined): Promise<void> {
  const reports: SizeReport[] = [];
  for (const size of sizes) {
    console.error(`bench: ${size} units …`);
    reports.push(await measureSize(size, only));
  }
  const loads: LoadReport[] = [];
  for (const size of only ? [] : loadSizes(sizes)) {
    const report = reports.find((r) => r.size === size);
    if (report) loads.push(child<LoadReport>(['--load', report.workbook, String(size)]));
  }
  console.log('Pendamping benchmark — modeled = the latency model of docs/PLATFORM.md (local/latency.ts); wall and memory = this machine.');
  console.log('Round trips and modeled s are the command\'s own executions; each custom-function evaluation is an execution of its own, counted apart.\n');
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log(
    table(
      [
        'units',
        'command',
        'round trips',
        'service calls',
        'modeled s',
        'longest execution s',
        'API writes',
        'KB per write',
        'largest write KB',
        'KB sent per unit',
        'custom-fn executions',
        'custom-fn cells',
        'custom-fn modeled s',
        'workbook cells',
        'wall s',
        'peak MB (sampled)',
        'maxRSS MB',
      ],
      reports.flatMap((r) =>
        r.rows.map((row) => {
          const sent = row.sentBytes.reduce((sum, n) => sum + n, 0);
          return [
            row.size,
            row.ok ? row.command : `${row.command} (FAILED, see below)`,
            row.roundTrips,
            row.serviceCalls,
            row.modeledS.toFixed(1),
            row.longestS.toFixed(1),
            row.sentBytes.length,
            row.sentBytes.length > 0 ? kb(sent / row.sentBytes.length) : '-',
            row.sentBytes.length > 0 ? kb(Math.max(...row.sentBytes)) : '-',
            kb(sent / row.size),
            row.customFunctionExecutions,
            row.customFunctionCells,
            row.customFunctionModeledS.toFixed(1),
            row.workbookCells,
            row.wallS.toFixed(2),
            row.memory.sampledMb.toFixed(0),
            row.memory.maxRssMb.toFixed(0),
          ];
        }),
      ),
    ),
  );
  console.log('\nTargets (modeled; "KB sent per unit" of generate is the payload per unit tab, Rekap and Unit included):');
  for (const line of targetLines(reports.flatMap((r) => r.rows))) console.log(`  ${line}`);
  for (const row of reports.flatMap((r) => r.rows).filter((x) => !x.ok)) console.log(`FAILED ${row.size} ${row.command}: ${row.error ?? ''}`);
  console.log('\nLoad + recalculate + save (fresh process):');
  for (const l of loads) {
    console.log(`  ${String(l.size).padStart(4)} units (${l.cells} cells): ${l.wallS.toFixed(2)} s wall, peak ${l.memory.sampledMb.toFixed(0)} MB sampled, maxRSS ${l.memory.maxRssMb.toFixed(0)} MB`);
  }
  console.log('\nReference generation (copy template, rename, write, protect per tab; bench/reference/Code.js) vs Pendamping generate:');
  for (const r of reports) if (r.reference) console.log(`  ${describeReference(r, r.reference)}`);
  for (const r of reports) rmSync(r.dir, { recursive: true, force: true });
  if (reports.some((r) => r.rows.some((row) => !row.ok))) process.exitCode = 1;
}

async function mainBench(argv: string[]): Promise<void> {
  if (argv[0] === '--run') {
    const [, size, label, workbook, ...command] = argv;
    console.log(JSON.stringify(await runCommand(Number(size), label, command, workbook)));
  } else if (argv[0] === '--reference') {
    console.log(JSON.stringify(await runReference(argv[1], ADMIN, join(__dirname, '..', 'bench', 'reference', 'Code.js'))));
  } else if (argv[0] === '--load') {
    console.log(JSON.stringify(await measureLoad(argv[1], Number(argv[2]))));
  } else {
    await orchestrate(sizesOf(argv), commandsOf(argv));
  }
}

mainBench(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
