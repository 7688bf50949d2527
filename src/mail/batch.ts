// Sending a kind of message (findings, reminders: see MailKind): one call is one execution that
// sends what the plan of src/domain/ledger allows, and stops well before Apps Script's 6-minute
// limit. Each message is at most once: its Log Email row is made durable as an intent (MENGIRIM)
// in the batch's journal (one document property, src/mail/journal.ts) before MailApp is called;
// its outcome (TERKIRIM or GAGAL) replaces it in the next message's journal, and the rows go to
// Log Email in one range write at the end of the call; a message whose intent cannot be written
// is not sent. A unit whose last row is an intent without
// outcome (the execution died in between) is left for a person to check, never sent again by
// itself. A message MailApp refuses (an address, more than 50 recipients, the body
// size) fails alone; any other mail error stops the batch. The sidebar and the CLI call again
// until `done`; a document property lets those calls continue one batch, so a unit handled
// earlier in the batch is neither logged nor sent again, even with `force`.
import { testSubject } from '../domain/email';
import { t, type Lang, type MessageKey } from '../domain/i18n';
import {
  ledgerRow,
  MAX_RECIPIENTS_PER_MESSAGE,
  planBatch,
  quotaResetAt,
  type Candidate,
  type Decision,
  type LedgerEntry,
  type LedgerRecord,
  type LedgerStatus,
  type SkipReason,
} from '../domain/ledger';
import { HEADERS, TABS } from '../domain/tables';
import type { ActionContext, Failure } from '../sheets/context';
import { errorText, failure } from '../sheets/context';
import type { Programme } from '../sheets/programme';
import { pdfOf } from '../report/rapor';
import { clearJournal, writeJournal, type BatchState, type LedgerJournal } from './journal';
import { prepare, type MailKind, type NotReady, type Outgoing, type Prepared } from './prepare';

/** ANTRE: waiting (quota, or a stopped batch), not logged. PERIKSA: outcome unknown, for a person to check, not logged. */
export type UnitStatus = Exclude<LedgerStatus, 'MENGIRIM'> | 'ANTRE' | 'PERIKSA';

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
  /** Kode of units whose unknown outcome the admin chose to send again ("kirim ulang"). */
  resend?: string[];
  /** Findings also go to submitted units not verified yet (Diajukan), marked provisional. */
  includeUnverified?: boolean;
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
  /** Units whose last message has an unknown outcome: not sent until the admin chooses to. */
  unknown: number;
  /** One rendered message (the first to be sent, else the first unit's); null when no unit has one. */
  sample: SampleMessage | null;
  results: UnitResult[];
  /** Units left out because they are not ready for this send (stage, no address), with the reason: not counted, not logged. */
  notReady: NotReady[];
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
  /** Units left for a person to check (PERIKSA): their last message's outcome is unknown. */
  unknown: number;
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
  /** Units left out because they are not ready for this send, with the reason: not counted, not logged. */
  notReady: NotReady[];
  message: string;
  /** With dryRun: what the preview shows. */
  preview?: PreviewResult;
}

/** A send stopped by the mail service: what happened before it is kept and reported. */
export type SendFailure = Failure & BatchCounts & { done: false; results: UnitResult[]; notReady: NotReady[] };

/** Each call stops sending after this long, far from the 6-minute limit of one execution. */
export const BATCH_TIME_LIMIT_MS = 270_000;
/** A batch is continued by a call that comes within this long of the previous one. */
const CONTINUE_WITHIN_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

function batchKey(kind: MailKind, user: string, opts: PreviewOptions): string {
  const codes = (list: string[] | undefined) => (list ?? []).map((k) => k.trim().toLowerCase()).sort();
  return JSON.stringify([kind.id, user.toLowerCase(), codes(opts.only), opts.force === true, codes(opts.resend), opts.includeUnverified === true]);
}

/** The first ledger row of the batch this call continues (same user and options, moments ago), as the journal holds it. */
function continuedBatch(p: Prepared, key: string, now: number): number | undefined {
  const state = p.journal.batch;
  return state !== null && state.key === key && now - state.lastAt <= CONTINUE_WITHIN_MS ? state.fromRow : undefined;
}

/** A message MailApp would refuse for its recipients fails alone, before anything is written. */
function withinLimits(lang: Lang, c: Candidate): Candidate {
  if (c.blocked !== undefined || c.recipients <= MAX_RECIPIENTS_PER_MESSAGE) return c;
  return { ...c, blocked: t(lang, 'mail.reason.tooManyRecipients', { count: c.recipients, max: MAX_RECIPIENTS_PER_MESSAGE }) };
}

function plan(p: Prepared, opts: SendOptions, quota: number, batchFromRow?: number): Decision[] {
  return planBatch(
    p.outgoing.map((o) => withinLimits(p.lang, o.candidate)),
    p.ledger,
    {
      round: p.round,
      force: opts.force === true,
      sendAcknowledgement: p.kind.sendAcknowledgement(p.settings),
      quota,
      batchFromRow,
      retryFailed: opts.automatic !== true,
      resend: opts.resend,
    },
  );
}

const SKIP_REASONS: Record<SkipReason, MessageKey> = {
  unchanged: 'mail.reason.unchanged',
  acknowledgementOff: 'mail.reason.acknowledgementOff',
  failedBefore: 'round.reminder.reason.failedBefore',
};

function reasonOf(p: Prepared, d: Decision): string | undefined {
  if (d.action === 'fail') return d.reason;
  if (d.action === 'skip') return t(p.lang, SKIP_REASONS[d.reason]);
  if (d.action === 'queue') return t(p.lang, 'mail.reason.queued');
  if (d.action === 'check') {
    const since = d.since === null ? '?' : Utilities.formatDate(new Date(d.since), p.timeZone, 'yyyy-MM-dd HH:mm');
    return t(p.lang, 'mail.reason.unknownOutcome', { since, kode: d.code });
  }
  return undefined;
}

const STATUS: Record<Decision['action'], UnitStatus> = { send: 'TERKIRIM', skip: 'DILEWATI', fail: 'GAGAL', queue: 'ANTRE', check: 'PERIKSA' };

function resultOf(p: Prepared, d: Decision): UnitResult {
  const reason = reasonOf(p, d);
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
    unknown: decisions.filter((d) => d.action === 'check').length,
    sample: sampleSource ? sampleOf(sampleSource) : null,
    results: decisions.map((d) => resultOf(p, d)),
    notReady: p.notReady,
  };
}

/** The preview of a send of `kind`: messages, recipients, today's quota and one rendered sample. Sends nothing. */
export function previewIn(ctx: ActionContext, programme: Programme, kind: MailKind, opts: PreviewOptions): PreviewResult | Failure {
  const p = prepare(ctx, programme, kind, opts);
  if ('ok' in p) return p;
  const quota = MailApp.getRemainingDailyQuota();
  return previewOf(p, plan(p, opts, quota), quota);
}

/** The message's attachment as a PDF (the unit's rapor), converted now: a conversion is a round trip of its own. */
function attachmentsOf(o: Outgoing): GoogleAppsScript.Base.Blob[] {
  const document = o.message?.attachment;
  return document ? [pdfOf(document)] : [];
}

function mailOf(
  p: Prepared,
  o: Outgoing,
  to: string,
  subject: string,
  cc: readonly string[],
  attachments: GoogleAppsScript.Base.Blob[],
): GoogleAppsScript.Mail.MailAdvancedParameters {
  const m = o.message as NonNullable<Outgoing['message']>;
  return {
    to,
    subject,
    body: m.text,
    htmlBody: m.html,
    ...(attachments.length > 0 && { attachments }),
    ...(cc.length > 0 && { cc: cc.join(',') }),
    ...(p.settings.emailBalasan !== '' && { replyTo: p.settings.emailBalasan }),
    ...(p.settings.instansiPenilai !== '' && { name: p.settings.instansiPenilai }),
  };
}

/**
 * Writes Log Email. Rows are kept in memory in their latest form. Before a message goes, every
 * row not on the sheet yet (the previous message's outcome, the skipped and failed units since,
 * this message's intent) is made durable in the batch's journal (one document property,
 * src/mail/journal.ts), so the intent is on Google's side before MailApp is called; the rows go
 * to the sheet in one range write at the end of the call, or, when the journal would outgrow one
 * property value, those before the intent go there first. A row goes to the sheet only in its
 * final form. A run that dies in between leaves the journal, whose rows every reader sees and
 * the next send writes; a last row left an intent (MENGIRIM) is shown for a check and never sent
 * again by itself. The grid grows once (by the rows planned) when the first write needs it.
 */
class LedgerWriter {
  /** The row the next appended row takes. */
  private next: number;
  private rows: number;
  /** The first row not on the sheet; the records of that row and those after it, in their latest form. */
  private from: number;
  private pending: LedgerRecord[];
  /** Whether the document may hold a journal (a run cut short left one, or this one wrote it). */
  private journaled: boolean;
  /** What the journal holds, as far as this call knows: what a stop leaves there. */
  private durable: LedgerJournal;

  constructor(
    private readonly p: Prepared,
    private readonly planned: number,
    /** The batch's state, stored with every journal so that a run cut short and run again soon continues the batch. */
    private readonly batch: BatchState,
  ) {
    this.next = p.nextLedgerRow;
    this.rows = p.ledgerRowCount;
    // The rows a run cut short left in the journal go to the sheet with this run's first write.
    const left = p.journal.unfolded;
    this.from = left?.from ?? this.next;
    this.pending = left === null ? [] : [...left.records];
    this.journaled = p.journal.found;
    this.durable = { from: this.from, records: [...this.pending] };
  }

  /** Appends one row (made durable with the next `mark` or `commit`); returns its entry (kept in the prepared ledger as well). */
  append(o: Outgoing, status: LedgerStatus, note: string): LedgerEntry {
    const at = new Date();
    const subject = o.message?.subject ?? '';
    const record: LedgerRecord = { at, round: this.p.round, unitCode: o.code, to: o.to, cc: o.cc, subject, status, fingerprint: o.candidate.fingerprint, note };
    this.pending.push(record);
    const entry: LedgerEntry = { ...record, row: this.next, at: at.getTime(), to: o.to.join(', '), cc: o.cc.join(', ') };
    this.next += 1;
    this.p.ledger.push(entry);
    return entry;
  }

  /** The outcome of the intent just marked (the last row): its Waktu (when MailApp answered), Status and Keterangan. */
  settle(entry: LedgerEntry, status: 'TERKIRIM' | 'GAGAL', note: string): void {
    const at = new Date();
    const last = this.pending.length - 1;
    this.pending[last] = { ...this.pending[last], at, status, note };
    Object.assign(entry, { at: at.getTime(), status, note });
  }

  /**
   * Makes the rows kept in memory durable before a message goes: in the journal, or, when it
   * would not fit one property value, those before the last (the intent) on the sheet and the
   * intent alone in the journal. Throws when neither can be written.
   */
  mark(): void {
    if (this.journal()) return;
    const intent = this.pending.pop() as LedgerRecord;
    this.commit();
    this.from = this.next - 1;
    this.pending = [intent];
    if (!this.journal()) throw new Error(`${TABS.logEmail}: one row does not fit a document property`);
  }

  /**
   * The end of a call: the rows on the sheet, then the journal gone, or holding only the batch's
   * state (`next`) when the batch goes on. Throws when Log Email cannot be written.
   */
  finish(next: BatchState | null): void {
    this.commit();
    if (next !== null) {
      writeJournal({ from: this.from, records: [], batch: next });
      this.journaled = true;
    } else if (this.journaled) {
      clearJournal();
      this.journaled = false;
    }
  }

  /**
   * A call stopped because Log Email could not be written: the rows made durable stay in the
   * journal, without the batch's state, so that the next run is a new batch that retries what
   * the stop left. When even that cannot be stored, the journal stays as it is.
   */
  abandon(): void {
    try {
      if (this.durable.records.length > 0) writeJournal(this.durable);
      else if (this.journaled) clearJournal();
    } catch {
      // The properties cannot be written either: the next run within the batch's time continues it.
    }
  }

  private journal(): boolean {
    const journal: LedgerJournal = { from: this.from, records: [...this.pending], batch: this.batch };
    const written = writeJournal(journal);
    if (written) this.durable = { from: journal.from, records: journal.records };
    this.journaled ||= written;
    return written;
  }

  /** Writes the rows kept in memory in one range write and flushes it. */
  private commit(): void {
    if (this.pending.length === 0) return;
    const end = this.from + this.pending.length - 1;
    if (end > this.rows) {
      const needed = Math.max(end, this.p.nextLedgerRow + this.planned - 1) - this.rows;
      this.p.ledgerSheet.insertRowsAfter(this.rows, needed);
      this.rows += needed;
    }
    this.p.ledgerSheet.getRange(this.from, 1, this.pending.length, HEADERS.logEmail.length).setValues(this.pending.map(ledgerRow));
    SpreadsheetApp.flush();
    this.from = end + 1;
    this.pending = [];
    this.durable = { from: this.from, records: [] };
  }
}

/**
 * MailApp's refusals of one message (Apps Script's texts): a refused address ("Invalid email:
 * …"), more recipients than one message takes, a body over the size limit. That unit fails,
 * the batch goes on; any other error is the service's and stops the batch.
 */
const MESSAGE_ERROR = /invalid email|e-?mail tidak valid|limit exceeded: email (recipients per message|body size)/i;

function report(p: Prepared, counts: BatchCounts, done: boolean, resetText: string | undefined): string {
  const { lang, kind } = p;
  const lines = [kind.nothingKey !== undefined && p.outgoing.length === 0 ? t(lang, kind.nothingKey) : t(lang, kind.reportKey, { ...counts })];
  if (counts.unknown > 0) lines.push(t(lang, 'mail.report.unknown', { unknown: counts.unknown }));
  if (p.notReady.length > 0) lines.push(t(lang, 'mail.report.notReady', { count: p.notReady.length }));
  if (!done) lines.push(t(lang, kind.moreKey));
  if (resetText !== undefined) lines.push(t(lang, 'mail.report.quotaReset', { time: resetText }));
  return lines.join(' ');
}

/** A dry run: what the batch would do, nothing sent or logged. */
function dryRunOf(p: Prepared, opts: SendOptions, quota: number): SendResult {
  const preview = previewOf(p, plan(p, opts, quota), quota);
  const counts = { sent: preview.messages - preview.queued, skipped: preview.skipped, failed: preview.failed, queued: preview.queued, unknown: preview.unknown };
  const message = report(p, counts, true, undefined);
  return { ok: true, ...counts, done: true, dryRun: true, remainingQuota: quota, results: preview.results, notReady: p.notReady, message, preview };
}

/** Why the batch stopped: the mail service, or Log Email could not be written. */
interface Stop {
  key: 'mail.error.sendStopped' | 'mail.error.ledgerUnwritable' | 'mail.error.attachment';
  error: string;
}

const unwritable = (error: unknown): Stop => ({ key: 'mail.error.ledgerUnwritable', error: errorText(error) });

/** What one call did: its results (with what a stop left), whether it got through, and what stopped it. */
interface BatchRun {
  results: UnitResult[];
  done: boolean;
  stop?: Stop;
}

/**
 * One message, at most once: its intent row written and flushed (with the rows kept since the
 * last write), MailApp, its outcome kept for the next write. No result when the intent could not
 * be written (nothing was sent); a stop when the batch cannot go on (Log Email unwritable, or a
 * mail error that is not about this message).
 */
function sendOne(p: Prepared, writer: LedgerWriter, o: Outgoing): { result?: UnitResult; stop?: Stop } {
  // The attachment first: a conversion that fails stops the batch before anything is logged or sent.
  let attachments: GoogleAppsScript.Base.Blob[];
  try {
    attachments = attachmentsOf(o);
  } catch (error) {
    return { stop: { key: 'mail.error.attachment', error: errorText(error) } };
  }
  let intent: LedgerEntry;
  try {
    intent = writer.append(o, 'MENGIRIM', t(p.lang, 'mail.note.sending', { kode: o.code }));
    writer.mark();
  } catch (error) {
    return { stop: unwritable(error) };
  }
  let refused: string | undefined;
  try {
    MailApp.sendEmail(mailOf(p, o, o.to.join(','), (o.message as NonNullable<Outgoing['message']>).subject, o.cc, attachments));
  } catch (error) {
    refused = errorText(error);
  }
  const result: UnitResult =
    refused === undefined ? { kode: o.code, status: 'TERKIRIM' } : { kode: o.code, status: 'GAGAL', reason: t(p.lang, 'mail.reason.sendError', { error: refused }) };
  writer.settle(intent, result.status === 'TERKIRIM' ? 'TERKIRIM' : 'GAGAL', result.reason ?? '');
  if (refused !== undefined && !MESSAGE_ERROR.test(refused)) return { result, stop: { key: 'mail.error.sendStopped', error: refused } };
  return { result };
}

/** What a stopped batch left: its sends wait for the next run (ANTRE), its checks are still to check. */
function leftBy(p: Prepared, decisions: readonly Decision[]): UnitResult[] {
  return decisions.flatMap((d): UnitResult[] => {
    if (d.action === 'send' || d.action === 'queue') return [{ kode: d.code, status: 'ANTRE', reason: t(p.lang, 'mail.reason.stopped') }];
    return d.action === 'check' ? [resultOf(p, d)] : [];
  });
}

const COUNTED: Record<UnitStatus, keyof BatchCounts> = { TERKIRIM: 'sent', DILEWATI: 'skipped', GAGAL: 'failed', ANTRE: 'queued', PERIKSA: 'unknown' };

function countsOf(results: readonly UnitResult[]): BatchCounts {
  const counts: BatchCounts = { sent: 0, skipped: 0, failed: 0, queued: 0, unknown: 0 };
  for (const r of results) counts[COUNTED[r.status]] += 1;
  return counts;
}

/** Carries the decisions out in order, until they are done, the time or maxMessages is up, or a stop. */
function carryOut(p: Prepared, opts: SendOptions, decisions: readonly Decision[], startedAt: number, batch: BatchState): BatchRun {
  const byCode = new Map(p.outgoing.map((o) => [o.code, o] as const));
  const logged = (d: Decision) => d.action === 'send' || d.action === 'fail' || (d.action === 'skip' && opts.automatic !== true);
  const writer = new LedgerWriter(p, decisions.filter(logged).length, batch);
  const maxMessages = opts.maxMessages !== undefined && opts.maxMessages > 0 ? Math.floor(opts.maxMessages) : Infinity;
  const run: BatchRun = { results: [], done: true };
  let attempts = 0;
  for (const [at, d] of decisions.entries()) {
    if (Date.now() - startedAt >= BATCH_TIME_LIMIT_MS || (d.action === 'send' && attempts >= maxMessages)) {
      run.done = false;
      break;
    }
    const o = byCode.get(d.code) as Outgoing;
    let result: UnitResult | undefined = resultOf(p, d);
    if (d.action === 'send') {
      attempts += 1;
      ({ result, stop: run.stop } = sendOne(p, writer, o));
    } else if (logged(d)) {
      writer.append(o, d.action === 'skip' ? 'DILEWATI' : 'GAGAL', result.reason ?? '');
    }
    if (result !== undefined) run.results.push(result);
    if (run.stop !== undefined) {
      // A unit whose row could not be written is left for the next run with the rest.
      run.results.push(...leftBy(p, decisions.slice(result === undefined ? at : at + 1)));
      run.done = false;
      break;
    }
  }
  // The last outcome and the rows since: written now, unless Log Email could not be written. A
  // stop ends the batch (the next run is a new one, which retries what the stop left); a batch
  // cut short by the time or maxMessages goes on with the next call.
  if (run.stop?.key !== 'mail.error.ledgerUnwritable') {
    try {
      writer.finish(run.stop === undefined && !run.done ? { ...batch, lastAt: Date.now() } : null);
    } catch (error) {
      run.stop = unwritable(error);
      run.done = false;
    }
  }
  if (run.stop?.key === 'mail.error.ledgerUnwritable') writer.abandon();
  return run;
}

/** The result of a batch that ran: counts, results, today's quota, and when a queued unit can go. */
function sentResult(p: Prepared, run: BatchRun): SendResult {
  const { done, results } = run;
  const counts = countsOf(results);
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
    notReady: p.notReady,
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
  const p = prepare(ctx, programme, kind, opts);
  if ('ok' in p) return p;
  const quota = MailApp.getRemainingDailyQuota();
  if (opts.dryRun === true) return dryRunOf(p, opts, quota);
  const key = batchKey(kind, ctx.user, opts);
  const continued = continuedBatch(p, key, startedAt);
  const decisions = plan(p, opts, quota, continued);
  const batch: BatchState = { key, fromRow: continued ?? p.nextLedgerRow, lastAt: startedAt };
  const stopped = (stop: Stop, results: UnitResult[]): SendFailure => ({
    ...failure(p.lang, stop.key, { error: stop.error }),
    ...countsOf(results),
    done: false,
    results,
    notReady: p.notReady,
  });
  // The rows go to the sheet at the end of the call: a Log Email this user may not write stops the batch before anything is sent.
  if (p.ledgerProtected && decisions.some((d) => d.action === 'send')) {
    return stopped({ key: 'mail.error.ledgerUnwritable', error: t(p.lang, 'mail.reason.ledgerProtected') }, leftBy(p, decisions));
  }
  const run = carryOut(p, opts, decisions, startedAt, batch);
  return run.stop === undefined ? sentResult(p, run) : stopped(run.stop, run.results);
}

export interface TestSendResult {
  ok: true;
  to: string;
  subject: string;
  message: string;
}

/** One sample message of `kind` to the acting user only (no Cc, nothing in Log Email). */
export function sendTestIn(ctx: ActionContext, programme: Programme, kind: MailKind): TestSendResult | Failure {
  const p = prepare(ctx, programme, kind, {});
  if ('ok' in p) return p;
  if (ctx.user === '') return failure(p.lang, 'mail.error.noUser');
  const withMessage = p.outgoing.filter((o) => o.message !== undefined);
  const source = withMessage.find((o) => o.message?.kind === 'findings') ?? withMessage[0];
  if (!source) return failure(p.lang, 'mail.error.noSample');
  if (MailApp.getRemainingDailyQuota() < 1) return failure(p.lang, 'mail.error.noQuota');
  const subject = testSubject(p.lang, (source.message as NonNullable<Outgoing['message']>).subject);
  try {
    MailApp.sendEmail(mailOf(p, source, ctx.user, subject, [], attachmentsOf(source)));
  } catch (error) {
    return failure(p.lang, 'mail.error.sendStopped', { error: errorText(error) });
  }
  return { ok: true, to: ctx.user, subject, message: t(p.lang, 'mail.test.sent', { email: ctx.user }) };
}
