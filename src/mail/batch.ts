// Sending a kind of message (findings, reminders: see MailKind): one call is one execution that
// sends what the plan of src/domain/ledger allows, appending each message's Log Email row the
// moment MailApp returns (one range write per message), and stops well before Apps Script's
// 6-minute limit. The sidebar and the CLI call again until `done`; a document property lets
// those calls continue one batch, so a unit handled earlier in the batch is neither logged nor
// sent again, even with `force`.
import { testSubject } from '../domain/email';
import { t, type Lang, type MessageKey } from '../domain/i18n';
import { ledgerRow, planBatch, quotaResetAt, type Decision, type LedgerEntry, type LedgerStatus, type SkipReason } from '../domain/ledger';
import type { ActionContext, Failure } from '../sheets/context';
import { errorText, failure } from '../sheets/context';
import type { Programme } from '../sheets/programme';
import { readJsonProperty, writeJsonProperty } from '../sheets/properties';
import { prepare, type MailKind, type Outgoing, type Prepared } from './prepare';

export type UnitStatus = LedgerStatus | 'ANTRE';

export interface UnitResult {
  kode: string;
  status: UnitStatus;
  reason?: string;
}

export interface SampleMessage {
  kode: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
}

export interface PreviewOptions {
  only?: string[];
  force?: boolean;
}

export interface PreviewResult {
  ok: true;
  lang: Lang;
  /** Messages the send would make (those waiting for quota included) and their recipients. */
  messages: number;
  recipients: number;
  remainingQuota: number;
  /** Of `messages`, how many do not fit in today's quota. */
  queued: number;
  skipped: number;
  failed: number;
  /** One rendered message (the first to be sent, else the first unit's); null when no unit has one. */
  sample: SampleMessage | null;
  results: UnitResult[];
}

export interface SendOptions extends PreviewOptions {
  dryRun?: boolean;
  /** Stop after this many sends (the caller calls again). */
  maxMessages?: number;
  /**
   * The hourly trigger's run (never set by a caller's options): units skipped as unchanged are
   * not logged, and content that failed before is not tried again, so an hourly run adds rows
   * to Log Email only when it sends or something new fails.
   */
  automatic?: boolean;
}

export interface BatchCounts {
  sent: number;
  skipped: number;
  failed: number;
  queued: number;
}

export interface SendResult extends BatchCounts {
  ok: true;
  /** False when units are left for the next call (time or maxMessages); queued units do not count. */
  done: boolean;
  dryRun: boolean;
  remainingQuota: number;
  /** When units are queued: when the quota gives room again (ISO). */
  quotaResetAt?: string;
  results: UnitResult[];
  message: string;
  /** With dryRun: what the preview shows. */
  preview?: PreviewResult;
}

/** A send stopped by the mail service: what happened before it is kept and reported. */
export type SendFailure = Failure & BatchCounts & { done: false; results: UnitResult[] };

/** Each call stops sending after this long, far from the 6-minute limit of one execution. */
export const BATCH_TIME_LIMIT_MS = 270_000;
/** A batch is continued by a call that comes within this long of the previous one. */
const CONTINUE_WITHIN_MS = 15 * 60_000;
const BATCH_PROPERTY = 'pendamping.mail.batch';
const DAY_MS = 86_400_000;

interface BatchState {
  key: string;
  /** The first Log Email row the batch wrote. */
  fromRow: number;
  lastAt: number;
}

function batchKey(kind: MailKind, user: string, opts: PreviewOptions): string {
  const only = (opts.only ?? []).map((k) => k.trim().toLowerCase()).sort();
  return JSON.stringify([kind.id, user.toLowerCase(), only, opts.force === true]);
}

function isBatchState(value: unknown): value is BatchState {
  const v = value as Partial<BatchState> | null;
  return v !== null && typeof v === 'object' && typeof v.key === 'string' && typeof v.fromRow === 'number' && typeof v.lastAt === 'number';
}

/** The first ledger row of the batch this call continues (same user and options, moments ago). */
function continuedBatch(key: string, now: number): number | undefined {
  const state = readJsonProperty(BATCH_PROPERTY, isBatchState);
  return state !== null && state.key === key && now - state.lastAt <= CONTINUE_WITHIN_MS ? state.fromRow : undefined;
}

function saveBatch(state: BatchState | null): void {
  writeJsonProperty(BATCH_PROPERTY, state);
}

function plan(p: Prepared, opts: SendOptions, quota: number, batchFromRow?: number): Decision[] {
  return planBatch(
    p.outgoing.map((o) => o.candidate),
    p.ledger,
    {
      round: p.round,
      force: opts.force === true,
      sendAcknowledgement: p.kind.sendAcknowledgement(p.settings),
      quota,
      batchFromRow,
      retryFailed: opts.automatic !== true,
    },
  );
}

const SKIP_REASONS: Record<SkipReason, MessageKey> = {
  unchanged: 'mail.reason.unchanged',
  acknowledgementOff: 'mail.reason.acknowledgementOff',
  failedBefore: 'round.reminder.reason.failedBefore',
};

function reasonOf(lang: Lang, d: Decision): string | undefined {
  if (d.action === 'fail') return d.reason;
  if (d.action === 'skip') return t(lang, SKIP_REASONS[d.reason]);
  if (d.action === 'queue') return t(lang, 'mail.reason.queued');
  return undefined;
}

const STATUS: Record<Decision['action'], UnitStatus> = { send: 'TERKIRIM', skip: 'DILEWATI', fail: 'GAGAL', queue: 'ANTRE' };

function resultOf(lang: Lang, d: Decision): UnitResult {
  const reason = reasonOf(lang, d);
  return reason === undefined ? { kode: d.code, status: STATUS[d.action] } : { kode: d.code, status: STATUS[d.action], reason };
}

function sampleOf(o: Outgoing): SampleMessage | null {
  if (!o.message) return null;
  const { subject, html, text } = o.message;
  return { kode: o.code, to: o.to, cc: o.cc, subject, html, text };
}

function previewOf(p: Prepared, decisions: readonly Decision[], quota: number): PreviewResult {
  const byCode = new Map(p.outgoing.map((o) => [o.code, o] as const));
  const going = decisions.filter((d) => d.action === 'send' || d.action === 'queue');
  const first = [...going, ...decisions].map((d) => byCode.get(d.code) as Outgoing).find((o) => o.message !== undefined);
  const sampleSource = first ?? p.outgoing.find((o) => o.message !== undefined);
  return {
    ok: true,
    lang: p.lang,
    messages: going.length,
    recipients: going.reduce((sum, d) => sum + (byCode.get(d.code) as Outgoing).candidate.recipients, 0),
    remainingQuota: quota,
    queued: decisions.filter((d) => d.action === 'queue').length,
    skipped: decisions.filter((d) => d.action === 'skip').length,
    failed: decisions.filter((d) => d.action === 'fail').length,
    sample: sampleSource ? sampleOf(sampleSource) : null,
    results: decisions.map((d) => resultOf(p.lang, d)),
  };
}

/** The preview of a send of `kind`: messages, recipients, today's quota and one rendered sample. Sends nothing. */
export function previewIn(ctx: ActionContext, programme: Programme, kind: MailKind, opts: PreviewOptions): PreviewResult | Failure {
  const p = prepare(ctx, programme, kind, opts.only);
  if ('ok' in p) return p;
  const quota = MailApp.getRemainingDailyQuota();
  return previewOf(p, plan(p, opts, quota), quota);
}

function mailOf(p: Prepared, o: Outgoing, to: string, subject: string, cc: readonly string[]): GoogleAppsScript.Mail.MailAdvancedParameters {
  const m = o.message as NonNullable<Outgoing['message']>;
  return {
    to,
    subject,
    body: m.text,
    htmlBody: m.html,
    ...(cc.length > 0 && { cc: cc.join(',') }),
    ...(p.settings.emailBalasan !== '' && { replyTo: p.settings.emailBalasan }),
    ...(p.settings.instansiPenilai !== '' && { name: p.settings.instansiPenilai }),
  };
}

/** Appends Log Email rows one range write each, growing the grid once up front. */
class LedgerWriter {
  private next: number;

  constructor(
    private readonly p: Prepared,
    planned: number,
  ) {
    this.next = p.nextLedgerRow;
    const needed = this.next + planned - 1;
    if (planned > 0 && needed > p.ledgerRowCount) p.ledgerSheet.insertRowsAfter(p.ledgerRowCount, needed - p.ledgerRowCount);
  }

  append(o: Outgoing, status: LedgerStatus, note: string): void {
    const at = new Date();
    const subject = o.message?.subject ?? '';
    const record = { at, round: this.p.round, unitCode: o.code, to: o.to, cc: o.cc, subject, status, fingerprint: o.candidate.fingerprint, note };
    this.p.ledgerSheet.getRange(this.next, 1, 1, 9).setValues([ledgerRow(record)]);
    const entry: LedgerEntry = { ...record, row: this.next, at: at.getTime(), to: o.to.join(', '), cc: o.cc.join(', ') };
    this.next += 1;
    this.p.ledger.push(entry);
  }
}

/** Apps Script's message for a refused address ("Invalid email: …"): that unit fails, the batch goes on. */
const ADDRESS_ERROR = /invalid email|e-?mail tidak valid/i;

function report(p: Prepared, counts: BatchCounts, done: boolean, resetText: string | undefined): string {
  const { lang, kind } = p;
  const lines = [kind.nothingKey !== undefined && p.outgoing.length === 0 ? t(lang, kind.nothingKey) : t(lang, kind.reportKey, { ...counts })];
  if (!done) lines.push(t(lang, kind.moreKey));
  if (resetText !== undefined) lines.push(t(lang, 'mail.report.quotaReset', { time: resetText }));
  return lines.join(' ');
}

/** A dry run: what the batch would do, nothing sent or logged. */
function dryRunOf(p: Prepared, opts: SendOptions, quota: number): SendResult {
  const preview = previewOf(p, plan(p, opts, quota), quota);
  const counts = { sent: preview.messages - preview.queued, skipped: preview.skipped, failed: preview.failed, queued: preview.queued };
  return { ok: true, ...counts, done: true, dryRun: true, remainingQuota: quota, results: preview.results, message: report(p, counts, true, undefined), preview };
}

/** What one call did: its counts and results, whether it got through, and the error of the mail service that stopped it. */
interface BatchRun {
  counts: BatchCounts;
  results: UnitResult[];
  done: boolean;
  stoppedBy?: string;
}

/** Sends one message and logs it; a refused address fails that unit only, any other error stops the batch (returned). */
function sendOne(p: Prepared, o: Outgoing, writer: LedgerWriter, run: BatchRun): string | undefined {
  const subject = (o.message as NonNullable<Outgoing['message']>).subject;
  try {
    MailApp.sendEmail(mailOf(p, o, o.to.join(','), subject, o.cc));
  } catch (error) {
    const message = errorText(error);
    const reason = t(p.lang, 'mail.reason.sendError', { error: message });
    writer.append(o, 'GAGAL', reason);
    run.counts.failed += 1;
    run.results.push({ kode: o.code, status: 'GAGAL', reason });
    return ADDRESS_ERROR.test(message) ? undefined : message;
  }
  writer.append(o, 'TERKIRIM', '');
  run.counts.sent += 1;
  run.results.push({ kode: o.code, status: 'TERKIRIM' });
  return undefined;
}

/** Carries the decisions out in order, until they are done, the time or maxMessages is up, or the mail service stops it. */
function carryOut(p: Prepared, opts: SendOptions, decisions: readonly Decision[], startedAt: number): BatchRun {
  const byCode = new Map(p.outgoing.map((o) => [o.code, o] as const));
  const logged = (d: Decision) => d.action === 'send' || d.action === 'fail' || (d.action === 'skip' && opts.automatic !== true);
  const writer = new LedgerWriter(p, decisions.filter(logged).length);
  const maxMessages = opts.maxMessages !== undefined && opts.maxMessages > 0 ? Math.floor(opts.maxMessages) : Infinity;
  const run: BatchRun = { counts: { sent: 0, skipped: 0, failed: 0, queued: 0 }, results: [], done: true };
  let attempts = 0;
  for (const d of decisions) {
    const o = byCode.get(d.code) as Outgoing;
    if (Date.now() - startedAt >= BATCH_TIME_LIMIT_MS || (d.action === 'send' && attempts >= maxMessages)) {
      run.done = false;
      break;
    }
    if (d.action === 'send') {
      attempts += 1;
      run.stoppedBy = sendOne(p, o, writer, run);
      if (run.stoppedBy === undefined) continue;
      run.done = false;
      break;
    }
    const result = resultOf(p.lang, d);
    if (logged(d)) writer.append(o, d.action === 'skip' ? 'DILEWATI' : 'GAGAL', result.reason ?? '');
    if (d.action === 'queue') run.counts.queued += 1;
    else if (d.action === 'skip') run.counts.skipped += 1;
    else run.counts.failed += 1;
    run.results.push(result);
  }
  return run;
}

/** The result of a batch that ran: counts, results, today's quota, and when a queued unit can go. */
function sentResult(p: Prepared, run: BatchRun): SendResult {
  const { counts, done, results } = run;
  let reset: number | undefined;
  if (counts.queued > 0) reset = quotaResetAt(p.ledger, Date.now()) ?? Date.now() + DAY_MS;
  const resetText = reset === undefined ? undefined : Utilities.formatDate(new Date(reset), p.timeZone, 'yyyy-MM-dd HH:mm');
  return {
    ok: true,
    ...counts,
    done,
    dryRun: false,
    remainingQuota: MailApp.getRemainingDailyQuota(),
    ...(reset !== undefined && { quotaResetAt: new Date(reset).toISOString() }),
    results,
    message: report(p, counts, done, resetText),
  };
}

/**
 * One batch of a send of `kind`. `startedAt` is when this execution began (Date.now()), so the
 * time limit counts the reads too.
 */
export function sendBatchIn(
  ctx: ActionContext,
  programme: Programme,
  kind: MailKind,
  opts: SendOptions,
  startedAt: number,
): SendResult | SendFailure | Failure {
  const p = prepare(ctx, programme, kind, opts.only);
  if ('ok' in p) return p;
  const quota = MailApp.getRemainingDailyQuota();
  if (opts.dryRun === true) return dryRunOf(p, opts, quota);
  const key = batchKey(kind, ctx.user, opts);
  const continued = continuedBatch(key, startedAt);
  const run = carryOut(p, opts, plan(p, opts, quota, continued), startedAt);
  // A stop ends the batch: the next run is a new one, which retries what failed with the stop.
  saveBatch(run.done || run.stoppedBy !== undefined ? null : { key, fromRow: continued ?? p.nextLedgerRow, lastAt: Date.now() });
  if (run.stoppedBy !== undefined) {
    return { ...failure(p.lang, 'mail.error.sendStopped', { error: run.stoppedBy }), ...run.counts, done: false, results: run.results };
  }
  return sentResult(p, run);
}

export interface TestSendResult {
  ok: true;
  to: string;
  subject: string;
  message: string;
}

/** One sample message of `kind` to the acting user only (no Cc, nothing in Log Email). */
export function sendTestIn(ctx: ActionContext, programme: Programme, kind: MailKind): TestSendResult | Failure {
  const p = prepare(ctx, programme, kind, undefined);
  if ('ok' in p) return p;
  if (ctx.user === '') return failure(p.lang, 'mail.error.noUser');
  const withMessage = p.outgoing.filter((o) => o.message !== undefined);
  const source = withMessage.find((o) => o.message?.kind === 'findings') ?? withMessage[0];
  if (!source) return failure(p.lang, 'mail.error.noSample');
  if (MailApp.getRemainingDailyQuota() < 1) return failure(p.lang, 'mail.error.noQuota');
  const subject = testSubject(p.lang, (source.message as NonNullable<Outgoing['message']>).subject);
  try {
    MailApp.sendEmail(mailOf(p, source, ctx.user, subject, []));
  } catch (error) {
    return failure(p.lang, 'mail.error.sendStopped', { error: errorText(error) });
  }
  return { ok: true, to: ctx.user, subject, message: t(p.lang, 'mail.test.sent', { email: ctx.user }) };
}
