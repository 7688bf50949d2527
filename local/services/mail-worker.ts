// Runs nodemailer synchronously for MailApp: sendEmail is synchronous in Apps Script, while
// nodemailer builds messages and talks SMTP asynchronously. A worker thread does the work and
// the calling thread blocks on Atomics.wait until it answers (the synckit pattern), so a
// message is on disk (or accepted by the SMTP server) before sendEmail returns, and a failure
// is thrown by sendEmail itself.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

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

/** A job as posted to the worker: its id ties the reply to it, so a late reply to a timed-out job is never taken for another's. */
type PostedJob = MailJob & { id: number };

export interface MailJobResult {
  id?: number;
  ok: boolean;
  messageId?: string;
  error?: string;
}

// Plain CommonJS run by the worker; module paths are resolved by the caller.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const MailComposer = require(workerData.composerPath);
const nodemailer = require(workerData.nodemailerPath);
const { port, signal } = workerData;
const flag = new Int32Array(signal);
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

async function run(job) {
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

port.on('message', (job) => {
  run(job)
    .catch((error) => ({ ok: false, error: String(error && error.message ? error.message : error) }))
    .then((result) => {
      port.postMessage({ ...result, id: job.id });
      Atomics.add(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
});
`;

interface Channel {
  port: MessagePort;
  flag: Int32Array;
}

let channel: Channel | undefined;
let nextId = 0;

function start(): Channel {
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      port: port2,
      signal,
      composerPath: require.resolve('nodemailer/lib/mail-composer'),
      nodemailerPath: require.resolve('nodemailer'),
    },
    transferList: [port2],
  });
  // Neither the worker nor its port may keep the process alive.
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    channel = undefined;
  });
  return { port: port1, flag: new Int32Array(signal) };
}

/** Runs one job in the mail worker and waits for its result (at most `timeoutMs`). */
export function runMailJob(job: MailJob, timeoutMs: number): MailJobResult {
  channel ??= start();
  const { port, flag } = channel;
  const id = (nextId += 1);
  const deadline = Date.now() + timeoutMs;
  port.postMessage({ ...job, id } satisfies PostedJob);
  for (;;) {
    // The worker counts its replies in the flag. Read it before draining the port, so a reply
    // posted meanwhile ends the wait at once; a reply not yet readable is polled for.
    const seen = Atomics.load(flag, 0);
    for (let reply = receiveMessageOnPort(port); reply !== undefined; reply = receiveMessageOnPort(port)) {
      const result = reply.message as MailJobResult;
      if (result.id === id) return { ok: result.ok, messageId: result.messageId, error: result.error };
      // otherwise a late reply to a job that timed out: dropped
    }
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, error: `no answer in ${timeoutMs} ms` };
    Atomics.wait(flag, 0, seen, Math.min(left, 50));
  }
}
