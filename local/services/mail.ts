// MailApp: each message becomes an RFC 5322 .eml in the outbox (nodemailer's MailComposer),
// or is sent over SMTP with a nodemailer transport. Apps Script's checks come first, with its
// messages: recipients' addresses, 50 recipients per message, body size, and the daily
// recipient quota over a rolling 24 h, persisted in the workbook (WorkbookModel.mailQuota).
// A command asked to stop (Ctrl-C) refuses each further message before anything is sent.
// https://developers.google.com/apps-script/reference/mail/mail-app
// Quotas: https://developers.google.com/apps-script/guides/services/quotas
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from './context';
import { runMailJob, type OutgoingMail } from './mail-worker';
import { assertAuthorized, recordCall, scriptError } from './script-app';

export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
export const CONSUMER_DAILY_RECIPIENTS = 100;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const CONSUMER_BODY_LIMIT_BYTES = 200 * 1024;
export const QUOTA_EXHAUSTED = 'Service invoked too many times for one day: email.';
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';
export const NO_RECIPIENT = 'Failed to send email: no recipient';
/** Not Apps Script's: the local command was asked to stop (Ctrl-C) before this message. */
const MAIL_INTERRUPTED = 'Sending stopped by the user (Ctrl-C): this message was not sent';
const DAY_MS = 86_400_000;
const SEND_TIMEOUT_MS = 120_000;

export interface MailOptions {
  /** Directory the .eml files go to. */
  outbox?: string;
  /** smtp(s)://user:pass@host:port: send for real instead of writing .eml files. */
  smtp?: string;
  /** Recipients allowed per rolling 24 h (100 for a consumer account). */
  dailyQuota?: number;
  /** Fault injection: sends after the first N of this runtime throw, as if the service died mid-batch. */
  failAfter?: number;
  /** Whether the user asked the command to stop: each further message is refused, unsent. */
  interrupted?: () => boolean;
}

/** One message the runtime sent, for the caller (CLI, workbench, tests). */
export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  at: string; // ISO
  /** The .eml written, when sending to an outbox. */
  file?: string;
  messageId?: string;
}

interface AttachmentLike {
  getBytes(): number[];
  getName?(): string | null;
  getContentType?(): string | null;
  getBlob?(): AttachmentLike;
}

export interface MailAdvancedOptions {
  attachments?: AttachmentLike[];
  bcc?: string;
  cc?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
}

export interface MailMessage extends MailAdvancedOptions {
  to: string;
  subject: string;
  body?: string;
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** "Dinas Kesehatan <dinkes@example.go.id>" or a bare address → the address. */
function addressOf(entry: string): string {
  const angle = /<([^>]*)>\s*$/.exec(entry);
  return (angle ? angle[1] : entry).trim();
}

/** A file-name-safe slug of a subject (ASCII letters, digits, dashes). */
export function subjectSlug(subject: string): string {
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'tanpa-subjek';
}

export function createMailApp(ctx: ServiceContext, opts: MailOptions) {
  const dailyQuota = opts.dailyQuota ?? CONSUMER_DAILY_RECIPIENTS;
  const sent: SentMail[] = [];
  let sequence: number | undefined;

  const recipients = (list: string | undefined): string[] => {
    if (list === undefined || list === null || String(list).trim() === '') return [];
    return String(list)
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => {
        if (!EMAIL.test(addressOf(entry))) throw scriptError(ctx, `Invalid email: ${entry}`);
        return entry;
      });
  };

  /** Recipients counted in the last 24 h; older entries leave the window (and the workbook). */
  const usedToday = (): number => {
    const since = ctx.now().getTime() - DAY_MS;
    ctx.workbook.mailQuota = ctx.workbook.mailQuota.filter((e) => Date.parse(e.at) > since);
    return ctx.workbook.mailQuota.reduce((sum, e) => sum + e.recipients, 0);
  };

  const nextFile = (outbox: string, subject: string): string => {
    if (sequence === undefined) {
      mkdirSync(outbox, { recursive: true });
      const taken = readdirSync(outbox)
        .map((name) => /^(\d+)-.*\.eml$/.exec(name))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]));
      sequence = taken.length > 0 ? Math.max(...taken) : 0;
    }
    sequence += 1;
    return join(outbox, `${String(sequence).padStart(4, '0')}-${subjectSlug(subject)}.eml`);
  };

  const attachmentsOf = (list: AttachmentLike[] | undefined): OutgoingMail['attachments'] =>
    (list ?? []).map((source) => {
      const blob = typeof source.getBlob === 'function' ? source.getBlob() : source;
      return {
        filename: blob.getName?.() ?? undefined,
        contentType: blob.getContentType?.() ?? undefined,
        content: Uint8Array.from(blob.getBytes(), (b) => b & 0xff),
      };
    });

  const send = (message: MailMessage): void => {
    assertAuthorized(ctx, 'MailApp.sendEmail', { scope: SEND_MAIL_SCOPE });
    recordCall(ctx, 'MailApp', 'sendEmail');
    if (opts.interrupted?.() === true) throw scriptError(ctx, MAIL_INTERRUPTED);
    const to = recipients(message.to);
    const cc = recipients(message.cc);
    const bcc = recipients(message.bcc);
    const replyTo = recipients(message.replyTo);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw scriptError(ctx, NO_RECIPIENT);
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw scriptError(ctx, TOO_MANY_RECIPIENTS);
    const text = message.body === undefined || message.body === null ? '' : String(message.body);
    const html = message.htmlBody === undefined || message.htmlBody === null ? undefined : String(message.htmlBody);
    if (Math.max(Buffer.byteLength(text), Buffer.byteLength(html ?? '')) > CONSUMER_BODY_LIMIT_BYTES) throw scriptError(ctx, BODY_TOO_LARGE);
    if (usedToday() + count > dailyQuota) throw scriptError(ctx, QUOTA_EXHAUSTED);
    if (opts.failAfter !== undefined && sent.length >= opts.failAfter) {
      throw scriptError(ctx, `Service error: MailApp (fault injected after ${opts.failAfter} messages)`);
    }
    const subject = message.subject === undefined || message.subject === null ? '' : String(message.subject);
    const at = ctx.now();
    const mail: OutgoingMail = {
      from: { name: message.name ?? '', address: ctx.user },
      to,
      cc,
      bcc,
      replyTo: replyTo.length > 0 ? replyTo.join(', ') : undefined,
      subject,
      text,
      html,
      date: at.toISOString(),
      attachments: attachmentsOf(message.attachments),
    };
    let file: string | undefined;
    let messageId: string | undefined;
    if (opts.smtp !== undefined || opts.outbox !== undefined) {
      if (opts.outbox !== undefined && opts.smtp === undefined) file = nextFile(opts.outbox, subject);
      const job = opts.smtp !== undefined ? { kind: 'smtp' as const, mail, url: opts.smtp } : { kind: 'eml' as const, mail, file: file as string };
      const result = runMailJob(job, SEND_TIMEOUT_MS);
      if (!result.ok) throw scriptError(ctx, `Failed to send email: ${result.error ?? 'unknown error'}`);
      messageId = result.messageId;
    }
    ctx.workbook.mailQuota.push({ at: at.toISOString(), recipients: count });
    sent.push({ from: mail.from.address, to, cc, bcc, replyTo: mail.replyTo, subject, at: mail.date, file, messageId });
  };

  const service = {
    sendEmail(
      toOrMessage: string | MailMessage,
      subject?: string,
      body?: string,
      options: MailAdvancedOptions = {},
    ): void {
      if (typeof toOrMessage === 'object' && toOrMessage !== null) send(toOrMessage);
      else send({ ...options, to: String(toOrMessage), subject: subject ?? '', body: body ?? '' });
    },
    getRemainingDailyQuota(): number {
      assertAuthorized(ctx, 'MailApp.getRemainingDailyQuota', { scope: SEND_MAIL_SCOPE });
      recordCall(ctx, 'MailApp', 'getRemainingDailyQuota');
      return Math.max(0, dailyQuota - usedToday());
    },
  };
  return { service, sent };
}

export type MailHandle = ReturnType<typeof createMailApp>;
