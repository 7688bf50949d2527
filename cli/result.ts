// What a command hands back to the CLI's main: success or a user-facing error (already in the
// workbook's language), the metrics of the latency model, the command's own JSON fields and the
// lines a person reads. Errors the user can cause are values, never stack traces.
import { Metrics, type MetricsSnapshot } from '../local/metrics';
import { msg, type CliMessageKey, type Lang, type MessageParams } from './messages';

/** The metrics of a command that runs nothing. */
export const NO_METRICS: MetricsSnapshot = new Metrics().snapshot();

const COUNTS = ['roundTrips', 'executions', 'customFunctionExecutions', 'customFunctionCells', 'customFunctionRoundTrips'] as const;
const MILLISECONDS = ['modeledMs', 'customFunctionMs'] as const;

export interface CommandResult {
  ok: boolean;
  lang: Lang;
  /** One line, in `lang`; present when not ok. */
  error?: string;
  metrics: MetricsSnapshot;
  /** The command's own fields of the JSON object (created, sent, …). */
  fields: Record<string, unknown>;
  /** The human report (stdout without --json). */
  lines: string[];
  /** The command already printed its result while running (workbench prints its address at start). */
  printed?: boolean;
  /** Lines for the user on stderr beside the result (a lock taken over), in `lang`. */
  notices?: string[];
}

/** A user-facing error raised by the CLI itself (a missing file, a busy workbook …): exit code 1. */
export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: MessageParams = {},
    /** The workbook's language, when the error happens once it is known. */
    readonly lang?: Lang,
  ) {
    super(key);
  }

  text(lang: Lang): string {
    return msg(lang, this.key, this.params);
  }
}

/**
 * A command that failed before anything worth keeping happened (init whose setup failed): thrown
 * so the workbook is not saved, and reported like a returned result.
 */
export class CommandFailed extends Error {
  constructor(readonly result: CommandResult) {
    super(result.error);
  }
}

/** The problems a bundle error may carry ({ tab, row, column, message }). */
export interface BundleProblem {
  message: string;
  [key: string]: unknown;
}

/** What every programmatic server function of the bundle returns. */
export type BundleResult = { ok: true; [key: string]: unknown } | { ok: false; error: string; problems?: BundleProblem[] };

/** Metrics of what happened between two snapshots of one runtime. */
export function metricsSince(before: MetricsSnapshot, after: MetricsSnapshot): MetricsSnapshot {
  const serviceCalls: Record<string, number> = {};
  for (const [key, count] of Object.entries(after.serviceCalls)) {
    const n = count - (before.serviceCalls[key] ?? 0);
    if (n > 0) serviceCalls[key] = n;
  }
  const result: MetricsSnapshot = { ...NO_METRICS, serviceCalls };
  for (const k of COUNTS) result[k] = after[k] - before[k];
  for (const k of MILLISECONDS) result[k] = Math.round((after[k] - before[k]) * 1000) / 1000;
  result.requestBytes = after.requestBytes.slice(before.requestBytes.length);
  result.executionMs = after.executionMs.slice(before.executionMs.length);
  return result;
}

/** The total number of service calls of a metrics object. */
export function totalCalls(metrics: MetricsSnapshot): number {
  return Object.values(metrics.serviceCalls).reduce((s, n) => s + n, 0);
}
