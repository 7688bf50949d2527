// `pendamping email --smtp URL`: the findings go to a real SMTP server (smtp-server, listening
// on 127.0.0.1 in this test process) instead of the outbox, and the ledger records them the
// same way. The CLI runs as its own process: MailApp.sendEmail is synchronous, so the server
// must not share its thread.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { NOW, jsonOf, pendamping, readyWorkbook, tempDir } from './cli-process';
import { sentPerUnit } from './mail-helpers';


interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

let tmp: ReturnType<typeof tempDir>;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** While set, a message to this recipient is refused at DATA, as a relay does for a policy rejection. */
let refused: string | undefined = 'pic.dinsos@muarojambi.example';

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir('mail-smtp');
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (session.envelope.rcptTo.some((r) => r.address === refused)) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('message refused by policy'), { responseCode: 554 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp.remove();
});

test('findings are delivered over SMTP; a refused message stops the send, loses nothing, and the re-run sends only what is left', async () => {
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  const wb = await readyWorkbook(join(tmp.dir, 'temuan.xlsx'));
  const args = ['email', '--workbook', wb, '--smtp', `smtp://127.0.0.1:${port}`, '--now', NOW, '--json'];

  // An error MailApp would not call an address problem stops the batch: the rest waits for a re-run.
  const first = await pendamping(tmp.dir, args);
  expect(first.code).toBe(1);
  const stopped = jsonOf(first);
  expect(stopped).toMatchObject({ ok: false, failed: 1 });
  expect(String(stopped.error)).toContain('message refused by policy');
  expect(received.map((r) => r.to[0])).not.toContain('pic.dinsos@muarojambi.example');
  const firstLedger = await loadWorkbook(wb);
  const log = firstLedger.sheets.find((s) => s.title === 'Log Email');
  const rows = Array.from(log?.rows ?? [], (row) => Array.from(row ?? [], (c) => c?.value ?? ''));
  expect(rows.find((r) => r.includes('DINSOS'))).toContain('GAGAL');

  refused = undefined;
  const second = jsonOf(await pendamping(tmp.dir, args));
  expect(second).toMatchObject({ ok: true, failed: 0, queued: 0 });
  expect(Number(stopped.sent) + Number(second.sent)).toBe(3);

  // Every unit delivered exactly once, as the server saw it and as the ledger records it.
  expect(received.map((r) => r.to[0]).sort()).toEqual([
    'pic.dinkes@muarojambi.example',
    'pic.dinsos@muarojambi.example',
    'pic.dukcapil@muarojambi.example',
  ]);
  for (const { from, to, mail } of received) {
    expect(from).toMatch(/@/);
    // The assessor in Cc travels in the envelope as well as in the header.
    expect(to).toContain(mail.cc && !Array.isArray(mail.cc) ? mail.cc.value[0].address : 'missing Cc');
    expect(mail.subject).toMatch(/\S/);
    expect(mail.text).toMatch(/\S/);
    expect(typeof mail.html).toBe('string');
  }
  expect([...sentPerUnit(await loadWorkbook(wb)).entries()].sort()).toEqual([
    ['DINKES', 1],
    ['DINSOS', 1],
    ['DUKCAPIL', 1],
  ]);
  expect(existsSync(join(tmp.dir, 'outbox'))).toBe(false);
});
