// What the workbook commands share: how a command is called, and how a bundle result becomes
// the command's result (its error and problems in the workbook's language).
import { resolve } from 'node:path';
import type { CliOptions } from '../args';
import { msg } from '../messages';
import type { Progress } from '../progress';
import type { BundleResult, CommandResult } from '../result';
import type { Session } from '../session';

export interface CommandIo {
  progress: Progress;
  /** Where relative paths start. */
  cwd: string;
  /** Resolves when the user asks a long-running command (workbench) to stop. */
  stopped: Promise<void>;
  /** Whether the user asked to stop (Ctrl-C); `email` reads it between two messages. */
  interrupted(): boolean;
  /** Writes one line for the user while a long-running command keeps going. */
  announce(line: string): void;
}

export type Command = (options: CliOptions, io: CommandIo) => Promise<CommandResult>;

/** The --workbook file, absolute. */
export function workbookPath(options: CliOptions, io: CommandIo): string {
  return resolve(io.cwd, options.workbook ?? '');
}

/** A count the bundle may report as a number or as the list of what it counts. */
export function count(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' ? value : 0;
}

/** The bundle's own summary of what it did (already in the workbook's language), else `fallback`. */
export function messageOf(result: BundleResult, fallback: string): string {
  return result.ok && typeof result.message === 'string' && result.message !== '' ? result.message : fallback;
}

/**
 * The command's result from the bundle's last answer: on success `fields` and `lines`; on a
 * user-facing error the bundle's message, with its problems listed for the reader.
 */
export function outcome(
  session: Session,
  result: BundleResult,
  fields: Record<string, unknown> = {},
  lines: string[] = [],
): CommandResult {
  const metrics = session.metrics();
  if (result.ok) return { ok: true, lang: session.lang, metrics, fields, lines };
  const problems = result.problems ?? [];
  return {
    ok: false,
    lang: session.lang,
    error: result.error,
    metrics,
    fields: problems.length > 0 ? { ...fields, problems } : fields,
    lines: [...lines, ...problems.map((p) => msg(session.lang, 'result.problem', { message: p.message }))],
  };
}
