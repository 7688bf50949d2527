// `pendamping email`: the menu's "Kirim temuan", or with `--reminders` the sidebar's "Kirim
// pengingat" (the units with findings past their deadline). The bundle sends in resumable
// batches (each one execution, as the sidebar drives them); the CLI calls the next batch until
// the bundle says it is done, and adds up what each batch did.
import { dirname, join, resolve } from 'node:path';
import { msg } from '../messages';
import type { BundleResult } from '../result';
import { withSession, type Session } from '../session';
import { count, outcome, workbookPath, type Command, type CommandIo } from './common';

export interface EmailTotals {
  sent: number;
  skipped: number;
  failed: number;
  queued: number;
}

export interface EmailRequest {
  only?: string[];
  force?: boolean;
  dryRun?: boolean;
}

/** The bundle's batch function of each kind of send. */
export type BatchFunction = 'sendFindingsBatch' | 'sendRemindersBatch';

/** A unit whose message failed (or would fail, in a dry run), with the bundle's reason. */
export interface EmailFailure {
  kode: string;
  reason: string;
}

/** The GAGAL units of a batch's results. */
function failuresOf(results: unknown): EmailFailure[] {
  if (!Array.isArray(results)) return [];
  return results
    .filter((r): r is { kode: unknown; status: unknown; reason?: unknown } => r !== null && typeof r === 'object' && (r as { status?: unknown }).status === 'GAGAL')
    .map((r) => ({ kode: String(r.kode), reason: typeof r.reason === 'string' ? r.reason : '' }));
}

/**
 * Calls `fn` (default sendFindingsBatch) until the bundle is done, a batch fails, or a batch
 * makes no progress (nothing left it may send now, e.g. the quota is used up: what is queued
 * stays queued for the next run). Returns the totals, the failed units and the last batch's answer.
 */
export function sendAllFindings(
  session: Session,
  request: EmailRequest,
  io: Pick<CommandIo, 'progress'>,
  fn: BatchFunction = 'sendFindingsBatch',
): { totals: EmailTotals; failures: EmailFailure[]; last: BundleResult } {
  const totals: EmailTotals = { sent: 0, skipped: 0, failed: 0, queued: 0 };
  const failures: EmailFailure[] = [];
  const label = msg(session.lang, 'progress.email');
  for (;;) {
    // A batch stopped by the mail service (ok: false) still reports what it did before.
    const batch = session.call(fn, request) as BundleResult & Partial<Record<keyof EmailTotals | 'done' | 'results', unknown>>;
    const sent = count(batch.sent);
    const skipped = count(batch.skipped);
    const failed = count(batch.failed);
    totals.sent += sent;
    totals.skipped += skipped;
    totals.failed += failed;
    totals.queued = count(batch.queued);
    failures.push(...failuresOf(batch.results));
    const handled = totals.sent + totals.skipped + totals.failed;
    io.progress.update(label, handled, handled + totals.queued);
    if (!batch.ok || batch.done === true || sent + skipped + failed === 0) return { totals, failures, last: batch };
  }
}

/** The default outbox: `outbox/` beside the workbook. */
export function defaultOutbox(workbook: string): string {
  return join(dirname(workbook), 'outbox');
}

export const email: Command = (options, io) => {
  const file = workbookPath(options, io);
  const outbox = resolve(io.cwd, options.outbox ?? defaultOutbox(file));
  const delivery = options.smtp !== undefined ? { smtp: options.smtp } : { outbox };
  return withSession(file, options, delivery, (session) => {
    const request: EmailRequest = {
      ...(options.only !== undefined && { only: options.only }),
      ...(options.force === true && { force: true }),
      ...(options.dryRun === true && { dryRun: true }),
    };
    const reminders = options.reminders === true;
    const { totals, failures, last } = sendAllFindings(session, request, io, reminders ? 'sendRemindersBatch' : 'sendFindingsBatch');
    const lines = [
      msg(session.lang, options.dryRun ? 'result.emailDryRun' : 'result.email', { ...totals }),
      ...failures.map((f) => msg(session.lang, 'result.emailFailed', { ...f })),
    ];
    // A reminder run with nothing to do: the bundle's own words (no finding is past its deadline).
    const nothing = totals.sent + totals.skipped + totals.failed + totals.queued === 0;
    if (reminders && nothing && last.ok && typeof last.message === 'string' && last.message !== '') lines.push(last.message);
    if (!options.dryRun && options.smtp === undefined) lines.push(msg(session.lang, 'result.outbox', { dir: outbox }));
    return outcome(session, last, { ...totals, failures }, lines);
  });
};
