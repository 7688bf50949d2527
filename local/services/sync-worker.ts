// Runs asynchronous Node work synchronously, as Apps Script's services are synchronous: a worker
// thread does the work and the calling thread blocks on Atomics.wait until it answers (the
// synckit pattern). Used by MailApp (nodemailer) and by Blob.getAs (Chromium printing). The
// worker's code is plain CommonJS given as text (so the same code runs from the TypeScript
// sources and from the bundled CLI); it defines `async function handle(job)` and finds what it
// needs in `workerData`.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** What every job answers: ok, or the error's text; plus the job's own fields. */
export interface JobResult {
  ok: boolean;
  error?: string;
}

// Appended to the worker's code: runs each job through `handle`, posts the answer with the
// job's id and counts the answers in the shared flag the caller waits on.
const PROTOCOL = `
const { port: __port, signal: __signal } = require('node:worker_threads').workerData;
const __flag = new Int32Array(__signal);
__port.on('message', (job) => {
  Promise.resolve()
    .then(() => handle(job))
    .catch((error) => ({ ok: false, error: String(error && error.message ? error.message : error) }))
    .then((result) => {
      __port.postMessage({ ...result, id: job.id });
      Atomics.add(__flag, 0, 1);
      Atomics.notify(__flag, 0);
    });
});
`;

interface Channel {
  port: MessagePort;
  flag: Int32Array;
}

export interface SyncWorker<Job, Result extends JobResult> {
  /** Runs one job and waits for its answer (at most `timeoutMs`; then `{ ok: false, error }`). */
  run(job: Job, timeoutMs: number): Result | JobResult;
}

/** A worker thread started at its first job, running `source` with `workerData`; it never keeps the process alive. */
export function syncWorker<Job extends object, Result extends JobResult>(source: string, workerData: () => Record<string, unknown>): SyncWorker<Job, Result> {
  let channel: Channel | undefined;
  let nextId = 0;
  const start = (): Channel => {
    const signal = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(`${source}\n${PROTOCOL}`, { eval: true, workerData: { ...workerData(), port: port2, signal }, transferList: [port2] });
    worker.unref();
    port1.unref();
    worker.on('error', () => {
      channel = undefined;
    });
    return { port: port1, flag: new Int32Array(signal) };
  };
  return {
    run(job, timeoutMs) {
      channel ??= start();
      const { port, flag } = channel;
      const id = (nextId += 1);
      const deadline = Date.now() + timeoutMs;
      port.postMessage({ ...job, id });
      for (;;) {
        // The worker counts its replies in the flag. Read it before draining the port, so a reply
        // posted meanwhile ends the wait at once; a reply not yet readable is polled for.
        const seen = Atomics.load(flag, 0);
        for (let reply = receiveMessageOnPort(port); reply !== undefined; reply = receiveMessageOnPort(port)) {
          const { id: repliedTo, ...result } = reply.message as Result & { id: number };
          if (repliedTo === id) return result as unknown as Result;
          // otherwise a late reply to a job that timed out: dropped
        }
        const left = deadline - Date.now();
        if (left <= 0) return { ok: false, error: `no answer in ${timeoutMs} ms` };
        Atomics.wait(flag, 0, seen, Math.min(left, 50));
      }
    },
  };
}
