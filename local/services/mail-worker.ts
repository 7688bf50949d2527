// Runs nodemailer synchronously for MailApp: sendEmail is synchronous in Apps Script, while
// nodemailer builds messages and talks SMTP asynchronously. A worker thread does the work and
// the calling thread blocks on Atomics.wait until it answers (the synckit pattern), so a
// message is on disk (or accepted by the SMTP server) before sendEmail returns, and a failure
// is thrown by sendEmail itself (local/services/sync-worker.ts).
import { syncWorker, type JobResult } from './sync-worker';

/** A message as nodemailer takes it (attachments' content as bytes). */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  date: string; // ISO
  attachments: { filename?: string; contentType?: string; content: Uint8Array }[];
}

export type MailJob = { kind: 'eml'; mail: OutgoingMail; file: string } | { kind: 'smtp'; mail: OutgoingMail; url: string };

export interface MailJobResult extends JobResult {
  messageId?: string;
}

// Plain CommonJS run by the worker (local/services/sync-worker.ts); module paths are resolved by the caller.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const MailComposer = require(workerData.composerPath);
const nodemailer = require(workerData.nodemailerPath);
const transports = new Map();

function toNodemailer(mail) {
  return {
    from: mail.from,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    bcc: mail.bcc.length ? mail.bcc : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: new Date(mail.date),
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
  };
}

async function handle(job) {
  const mail = toNodemailer(job.mail);
  if (job.kind === 'smtp') {
    let transport = transports.get(job.url);
    if (!transport) transports.set(job.url, (transport = nodemailer.createTransport(job.url)));
    const info = await transport.sendMail(mail);
    return { ok: true, messageId: info.messageId };
  }
  const node = new MailComposer(mail).compile();
  // An .eml in the outbox is the sender's copy, which records its Bcc recipients.
  node.keepBcc = true;
  const message = await new Promise((resolve, reject) => node.build((err, out) => (err ? reject(err) : resolve(out))));
  const temp = path.join(path.dirname(job.file), '.' + path.basename(job.file) + '.' + process.pid + '.tmp');
  fs.writeFileSync(temp, message);
  fs.renameSync(temp, job.file);
  return { ok: true, messageId: node.messageId() };
}
`;

const worker = syncWorker<MailJob, MailJobResult>(WORKER_SOURCE, () => ({
  composerPath: require.resolve('nodemailer/lib/mail-composer'),
  nodemailerPath: require.resolve('nodemailer'),
}));

/** Runs one job in the mail worker and waits for its result (at most `timeoutMs`). */
export function runMailJob(job: MailJob, timeoutMs: number): MailJobResult {
  return worker.run(job, timeoutMs);
}
