// `pendamping email`: the menu's "Kirim temuan", or with `--reminders` the sidebar's "Kirim
// pengingat" (the units with findings past their deadline). The bundle sends in resumable
// batches (each one execution, as the sidebar drives them); the CLI calls the next batch until
// the bundle says it is done, and adds up what each batch did.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../args';
import { msg } from '../messages';
import type { BundleResult } from '../result';
import { withSession, type Session } from '../session';
import { count, outcome, workbookPath, type Command, type CommandIo } from './common';

export interface EmailTotals {
  sent: number;
  skipped: number;
  failed: number;
  queued: number;
  /** Units whose last send has an unknown outcome: left for the admin (--resend). */
  unknown: number;
}

export interface EmailRequest {
  only?: string[];
  force?: boolean;
  dryRun?: boolean;
  resend?: string[];
  includeUnverified?: boolean;
}

/** The bundle's batch function of each kind of send. */
export type BatchFunction = 'sendFindingsBatch' | 'sendRemindersBatch';

/** A unit whose message failed (or would fail, in a dry run), or whose outcome is unknown, with the bundle's reason. */
export interface UnitNote {
  kode: string;
  reason: string;
}

type RawNote = { kode?: unknown; status?: unknown; reason?: unknown };

/** The units of a list of the bundle's (results, notReady) that `keep` keeps, with their reasons. */
function notesOf(list: unknown, keep: (r: RawNote) => boolean = () => true): UnitNote[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((r): r is RawNote => r !== null && typeof r === 'object' && keep(r as RawNote))
    .map((r) => ({ kode: String(r.kode), reason: typeof r.reason === 'string' ? r.reason : '' }));
}

/** The units of a batch's results with `status`. */
const unitsWith = (results: unknown, status: string): UnitNote[] => notesOf(results, (r) => r.status === status);

export interface EmailRun {
  totals: EmailTotals;
  failures: UnitNote[];
  /** The units to check (PERIKSA) as the last batch saw them. */
  unknownUnits: UnitNote[];
  /** The units left out as not ready (stage, no address) as the last batch saw them: not counted. */
  notReady: UnitNote[];
  last: BundleResult;
  /** True when a stop request cut the send short. */
  interrupted: boolean;
}

/**
 * Calls `fn` (default sendFindingsBatch) until the bundle is done, a batch fails, a batch
 * makes no progress (nothing left it may send now, e.g. the quota is used up: what is queued
 * stays queued for the next run), or the user asks to stop (`interrupted`, checked between
 * batches; MailApp refuses the next message within one). Returns the totals, the failed and
 * unknown units and the last batch's answer.
 */
export function sendAllFindings(
  session: Session,
  request: EmailRequest,
  io: Pick<CommandIo, 'progress' | 'interrupted'>,
  fn: BatchFunction = 'sendFindingsBatch',
): EmailRun {
  const totals: EmailTotals = { sent: 0, skipped: 0, failed: 0, queued: 0, unknown: 0 };
  const failures: UnitNote[] = [];
  const label = msg(session.lang, 'progress.email');
  let last: BundleResult = { ok: true };
  let unknownUnits: UnitNote[] = [];
  let notReady: UnitNote[] = [];
  for (;;) {
    // Asked to stop before a batch begins: nothing more is sent.
    if (io.interrupted()) return { totals, failures, unknownUnits, notReady, last, interrupted: true };
    // A batch stopped by the mail service (ok: false) still reports what it did before.
    const batch = session.call(fn, request) as BundleResult & Partial<Record<keyof EmailTotals | 'done' | 'results' | 'notReady', unknown>>;
    const sent = count(batch.sent);
    const skipped = count(batch.skipped);
    const failed = count(batch.failed);
    totals.sent += sent;
    totals.skipped += skipped;
    totals.failed += failed;
    // Each batch counts again what waits and what is to be checked: the last one says it.
    totals.queued = count(batch.queued);
    totals.unknown = count(batch.unknown);
    failures.push(...unitsWith(batch.results, 'GAGAL'));
    unknownUnits = unitsWith(batch.results, 'PERIKSA');
    notReady = notesOf(batch.notReady);
    last = batch;
    const handled = totals.sent + totals.skipped + totals.failed;
    io.progress.update(label, handled, handled + totals.queued);
    if (batch.done === true || sent + skipped + failed === 0) return { totals, failures, unknownUnits, notReady, last, interrupted: false };
    if (!batch.ok) return { totals, failures, unknownUnits, notReady, last, interrupted: io.interrupted() };
  }
}

/** The default outbox: `outbox/` beside the workbook. */
export function defaultOutbox(workbook: string): string {
  return join(dirname(workbook), 'outbox');
}

export const email: Command = (options, io) => {
  const file = workbookPath(options, io);
  const outbox = resolve(io.cwd, options.outbox ?? defaultOutbox(file));
  // An outbox that is a file is the command line's mistake, not a unit's failure.
  if (options.outbox !== undefined && statSync(outbox, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError('error.outboxNotDir', { option: '--outbox', value: outbox }, 'email');
  }
  const delivery = options.smtp !== undefined ? { smtp: options.smtp } : { outbox };
  return withSession(file, options, { ...delivery, interrupted: io.interrupted }, (session) => {
    const request: EmailRequest = {
      ...(options.only !== undefined && { only: options.only }),
      ...(options.resend !== undefined && { resend: options.resend }),
      ...(options.force === true && { force: true }),
      ...(options.dryRun === true && { dryRun: true }),
      ...(options.includeUnverified === true && { includeUnverified: true }),
    };
    const reminders = options.reminders === true;
    const run = sendAllFindings(session, request, io, reminders ? 'sendRemindersBatch' : 'sendFindingsBatch');
    const { totals, failures, unknownUnits, notReady, last } = run;
    const lines = [
      msg(session.lang, options.dryRun ? 'result.emailDryRun' : 'result.email', { ...totals }),
      ...failures.map((f) => msg(session.lang, 'result.emailFailed', { ...f })),
    ];
    if (unknownUnits.length > 0) {
      lines.push(msg(session.lang, 'result.emailUnknown', { unknown: unknownUnits.length }), ...unknownUnits.map((u) => msg(session.lang, 'result.emailFailed', { ...u })));
    }
    if (notReady.length > 0) {
      lines.push(msg(session.lang, 'result.emailNotReady', { count: notReady.length }), ...notReady.map((u) => msg(session.lang, 'result.emailFailed', { ...u })));
    }
    // A reminder run with nothing to do: the bundle's own words (no finding is past its deadline).
    const nothing = totals.sent + totals.skipped + totals.failed + totals.queued + totals.unknown === 0;
    if (reminders && nothing && last.ok && typeof last.message === 'string' && last.message !== '') lines.push(last.message);
    if (!options.dryRun && options.smtp === undefined) lines.push(msg(session.lang, 'result.outbox', { dir: outbox }));
    // A dry run's counts are what a send would do: named so (sent etc. kept for older readers).
    const planned = options.dryRun === true && { dryRun: true, wouldSend: totals.sent, wouldSkip: totals.skipped, wouldFail: totals.failed };
    const fields = { ...totals, ...planned, failures, unknownUnits, notReady, ...(run.interrupted && { interrupted: true }) };
    // Stopped by the user: the CLI's own words replace the mail service's refusal.
    const answer: BundleResult = run.interrupted ? { ok: false, error: msg(session.lang, 'error.interrupted', { sent: totals.sent }) } : last;
    return outcome(session, answer, fields, lines);
  });
};
