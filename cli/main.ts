// The `pendamping` command line: parses the arguments, runs one command, prints its result
// (a report, or exactly one JSON object with --json) and returns the exit code of docs/WORKBOOK.md:
// 0 success, 1 a user-facing error (one line on stderr, in the workbook's language), 2 bad usage.
import { parseArgs, usage, wantsJson, UsageError, type CommandName } from './args';
import type { Command, CommandIo } from './commands/common';
import { demo } from './commands/demo';
import { edit } from './commands/edit';
import { email } from './commands/email';
import { generate } from './commands/generate';
import { DEFAULT_INIT_USER, init } from './commands/init';
import { recap } from './commands/recap';
import { report as rapor } from './commands/report';
import { round } from './commands/round';
import { share } from './commands/share';
import { workbench } from './commands/workbench';
import { fileError } from './file-errors';
import { environmentLang, msg, type Lang } from './messages';
import { progressOn } from './progress';
import { CliError, CommandFailed, NO_METRICS, totalCalls, type CommandResult } from './result';

/** `guide` loads its Markdown renderer only when it runs. */
const guide: Command = async (options, io) => (await import('./commands/guide')).guide(options, io);

/** Each command of docs/WORKBOOK.md and what runs it (the benchmark runs them in-process too). */
export const COMMAND_RUNS: Record<CommandName, Command> = { init, generate, recap, email, round, edit, demo, workbench, guide, share, report: rapor };

const HELP = new Set(['--help', '-h', 'help']);

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopped: Promise<void>;
  /** Whether it was asked to stop, readable while the bundle runs (cli/supervisor.ts). */
  interrupted(): boolean;
}

function report(io: CliStreams, command: string, json: boolean, result: CommandResult): void {
  if (json) {
    const object = {
      ok: result.ok,
      command,
      ...(result.ok ? {} : { error: result.error }),
      ...result.fields,
      metrics: result.metrics,
    };
    io.stdout.write(`${JSON.stringify(object)}\n`);
    return;
  }
  const calls = totalCalls(result.metrics);
  const lines = [...result.lines];
  const m = result.metrics;
  const seconds = (ms: number) => new Intl.NumberFormat(result.lang === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 1 }).format(ms / 1000);
  if (calls > 0) lines.push(msg(result.lang, 'result.metrics', { calls, roundTrips: m.roundTrips, seconds: seconds(m.modeledMs) }));
  if (m.customFunctionExecutions > 0) {
    const params = { executions: m.customFunctionExecutions, cells: m.customFunctionCells, seconds: seconds(m.customFunctionMs) };
    lines.push(msg(result.lang, 'result.customFunctions', params));
  }
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
}

/** Prints the result (unless the command already did) and the error line; returns the exit code. */
function finish(io: CliStreams, command: string, json: boolean, result: CommandResult): number {
  for (const notice of result.notices ?? []) io.stderr.write(`${notice}\n`);
  if (!result.printed) report(io, command, json, result);
  if (!result.ok) io.stderr.write(`${result.error ?? ''}\n`);
  return result.ok ? 0 : 1;
}

function errorResult(lang: Lang, error: string): CommandResult {
  return { ok: false, lang, error, metrics: NO_METRICS, fields: {}, lines: [] };
}

export async function main(argv: readonly string[], io: CliStreams): Promise<number> {
  const json = wantsJson(argv);
  const lang = environmentLang(io.env);
  if (argv.length === 1 && HELP.has(argv[0])) {
    io.stdout.write(`${usage(lang, DEFAULT_INIT_USER)}\n`);
    return 0;
  }
  /** Bad usage, found by the parser or by a command before it opens anything: exit 2 with the usage text. */
  const usageFailure = (error: UsageError): number => {
    const what = msg(lang, error.key, error.params);
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, command: error.command, error: what, metrics: NO_METRICS })}\n`);
    io.stderr.write(`pendamping: ${what}\n\n${usage(lang, DEFAULT_INIT_USER)}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(error);
  }
  const { command, options } = parsed;
  const progress = progressOn(io.stderr);
  const commandIo: CommandIo = {
    progress,
    cwd: io.cwd,
    stopped: io.stopped,
    interrupted: io.interrupted,
    announce: (line) => io.stdout.write(`${line}\n`),
  };
  let result: CommandResult;
  try {
    result = await COMMAND_RUNS[command](options, commandIo);
  } catch (caught) {
    // A workbook file's own trouble raised outside a session (the workbench) is a user error too.
    const error = fileError(caught) ?? caught;
    if (error instanceof UsageError) {
      progress.end();
      return usageFailure(error);
    }
    if (error instanceof CommandFailed) result = error.result;
    else if (error instanceof CliError) result = errorResult(error.lang ?? lang, error.text(error.lang ?? lang));
    else {
      progress.end();
      // An error thrown inside the bundle comes from the vm's realm: not an instance of this Error.
      const { message, stack } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; stack?: unknown };
      const reason = typeof message === 'string' ? message : String(error);
      io.stderr.write(`${msg(lang, 'error.internal', { reason })}\n`);
      if (typeof stack === 'string') io.stderr.write(`${stack}\n`);
      if (json) io.stdout.write(`${JSON.stringify({ ok: false, command, error: reason, metrics: NO_METRICS })}\n`);
      return 1;
    }
  } finally {
    progress.end();
  }
  return finish(io, command, options.json === true, result);
}
