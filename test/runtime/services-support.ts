// Support for the runtime tests: a ServiceContext for testing one emulated service on its own
// (with a clock the test moves), and real child processes for the cross-process tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from '../helpers/build';
import { Metrics } from '../../local/metrics';
import type { WorkbookModel } from '../../local/model/types';
import { newWorkbook } from '../../local/model/workbook';
import type { AuthModeName, ServiceContext } from '../../local/services/context';

export interface TestContext extends ServiceContext {
  metrics: Metrics;
  /** Moves the clock forward. */
  tick(ms: number): void;
}

export function testContext(opts: { workbook?: WorkbookModel; user?: string; now?: string; authMode?: AuthModeName } = {}): TestContext {
  let at = Date.parse(opts.now ?? '2026-03-02T01:00:00Z');
  const metrics = new Metrics();
  return {
    workbook: opts.workbook ?? newWorkbook({ owner: 'sekretariat@example.go.id', spreadsheetId: 'test-spreadsheet' }),
    user: opts.user ?? 'sekretariat@example.go.id',
    authMode: opts.authMode ?? 'FULL',
    now: () => new Date(at),
    metrics,
    realm: { Date, Array, Object, Error },
    tick: (ms) => {
      at += ms;
    },
  };
}

/** Tests that start real processes take longer than jest's 5 s default on a loaded machine. */
export const PROCESS_TEST_MS = 60_000;

/**
 * Compiles a TypeScript program (which may import the repo's local/ modules) into a CommonJS
 * file a child `node` process runs: for tests that need a second, real process.
 */
export function childProgram(dir: string, name: string, source: string): string {
  const out = buildSync({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return file;
}

/** Starts `node file args…` with the repo as working directory (so packages resolve). */
export function startChild(file: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [file, ...args], { cwd: ROOT, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
}

/** Resolves with the child's stdout once it prints `line` (rejects if it exits first). */
export function waitForLine(child: ChildProcessWithoutNullStreams, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').includes(line)) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${line}": ${out}${err}`)));
  });
}

/** Resolves with the child's exit code and stdout. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}
