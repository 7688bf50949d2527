// Ctrl-C during `pendamping email`: stop after the message being sent, with Log Email written
// and the workbook saved. A send runs the bundle synchronously for many messages in one
// execution, and Node runs a JavaScript signal handler only when the event loop turns, i.e.
// after the execution. So `email` runs in a child process of this one: here SIGINT and SIGTERM
// are heard at once and turned into a stop request (a file the child looks for before each
// message, through MailApp); the child ignores the signals itself, so neither a first nor a
// second Ctrl-C kills it half-way. Its exit code is this process's.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msg, type Lang } from './messages';

/** The environment variable naming the stop-request file of a supervised child. */
const STOP_FILE = 'PENDAMPING_STOP_FILE';

/** Commands that run supervised: those that send messages. */
export function needsSupervisor(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv[0] === 'email' && env[STOP_FILE] === undefined;
}

export interface StopSignal {
  /** Resolves when a stop is first asked for. */
  stopped: Promise<void>;
  /** Whether a stop was asked for, readable while the bundle runs. */
  interrupted(): boolean;
}

/**
 * How this process hears a stop request. Supervised: the supervisor's file (or the supervisor
 * gone), and the signals are only noted. Otherwise: the first SIGINT/SIGTERM (a second one
 * ends the process, as usual).
 */
export function stopSignal(env: NodeJS.ProcessEnv): StopSignal {
  const file = env[STOP_FILE];
  let asked = false;
  let resolve: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (resolve = r));
  const ask = () => {
    asked = true;
    resolve();
  };
  if (file === undefined) {
    process.once('SIGINT', ask);
    process.once('SIGTERM', ask);
    return { stopped, interrupted: () => asked };
  }
  const supervisor = process.ppid;
  process.on('SIGINT', ask);
  process.on('SIGTERM', ask);
  return {
    stopped,
    interrupted: () => {
      if (!asked && (existsSync(file) || process.ppid !== supervisor)) ask();
      return asked;
    },
  };
}

/** Runs `argv` in a child process of `script` (this CLI) and turns SIGINT/SIGTERM into its stop request. */
export function supervise(script: string, argv: readonly string[], lang: Lang, stderr: NodeJS.WritableStream): Promise<number> {
  const file = join(tmpdir(), `pendamping-stop-${process.pid}-${randomUUID()}`);
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env: { ...process.env, [STOP_FILE]: file } });
  const stop = () => {
    const first = !existsSync(file);
    if (first) writeFileSync(file, '');
    stderr.write(`\n${msg(lang, first ? 'stop.requested' : 'stop.waiting')}\n`);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    const end = (code: number) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      rmSync(file, { force: true });
      resolve(code);
    };
    child.on('exit', (code) => end(code ?? 1));
    child.on('error', (error) => {
      stderr.write(`${msg(lang, 'error.internal', { reason: error.message })}\n`);
      end(1);
    });
  });
}
