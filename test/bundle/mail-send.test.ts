// "Kirim temuan" through the built bundle in the local runtime; every .eml parsed with mailparser.
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import {
  ADMIN,
  NOW,
  a1,
  fillColumn,
  ledger,
  manyUnits,
  sendCost,
  ok,
  outbox,
  programme,
  reopen,
  runUntilDone,
  sentPerUnit,
  setting,
  sheet,
  tempOutbox,
  values,
  type Result,
} from './mail-helpers';

beforeAll(() => ensureBuilt());

const DAY_MS = 86_400_000;

const sendAll = (rt: LocalRuntime, opts: Record<string, unknown> = {}): Result[] => runUntilDone(rt, 'sendFindingsBatch', opts);

test('each unit gets its findings: To the PICs, Cc the assessors, reply-to and sender name, HTML with a text alternative, logged as it goes', async () => {
  const dir = tempOutbox();
  const rt = await programme(
    [
      { code: 'DINKES', name: 'Dinas Kesehatan', pic: 'Budi', picEmails: 'budi@dinkes.go.id, kabid@dinkes.go.id', assessorEmails: 'asesor1@ombudsman.go.id' },
      { code: 'DUKCAPIL', name: 'Dinas Dukcapil', pic: 'Sari' },
    ],
    { outbox: dir },
  );
  fillColumn(rt, 'DINKES', 'Catatan Asesor', (i) => (i === 0 ? 'Papan standar pelayanan belum dipasang' : ''));
  const [result] = sendAll(rt);
  expect(result).toMatchObject({ ok: true, sent: 2, skipped: 0, failed: 0, queued: 0, done: true });
  expect(result.results).toEqual([
    { kode: 'DINKES', status: 'TERKIRIM' },
    { kode: 'DUKCAPIL', status: 'TERKIRIM' },
  ]);

  const mails = await outbox(dir);
  expect(mails).toHaveLength(2);
  const dinkes = mails[0];
  expect(dinkes.to).toEqual(['budi@dinkes.go.id', 'kabid@dinkes.go.id']);
  expect(dinkes.cc).toEqual(['asesor1@ombudsman.go.id']);
  expect(dinkes.replyTo).toEqual(['balasan@ombudsman.go.id']);
  expect(dinkes.mail.from?.value[0]).toMatchObject({ name: 'Ombudsman RI Perwakilan Jambi', address: ADMIN });
  expect(dinkes.mail.subject).toBe('Temuan Pendampingan Perbaikan Pelayanan Publik: Dinas Kesehatan (2025 Pendampingan)');
  const html = String(dinkes.mail.html);
  const text = String(dinkes.mail.text);
  expect(html).toContain('Yth. Budi,');
  expect(html).toContain('Papan standar pelayanan belum dipasang');
  expect(html).toMatch(/<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/[^"]+#gid=\d+">/);
  expect(html).toContain('30 April 2025');
  expect(text).toContain('Papan standar pelayanan belum dipasang');
  expect(text).toContain('Ombudsman RI Perwakilan Jambi');
  // Two findings: the two "Tidak" answers.
  expect(html.match(/<b>\d+\. \[/g)).toHaveLength(2);

  const rows = ledger(rt.workbook);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({
    Putaran: '2025 Pendampingan',
    'Kode Unit': 'DINKES',
    Kepada: 'budi@dinkes.go.id, kabid@dinkes.go.id',
    Tembusan: 'asesor1@ombudsman.go.id',
    Subjek: dinkes.mail.subject,
    Status: 'TERKIRIM',
    Keterangan: '',
  });
  expect(String(rows[0].Sidik)).toMatch(/^[0-9a-f]{64}$/);
  expect(typeof rows[0].Waktu).toBe('number'); // a date-time serial, not text
});

test('a re-run sends nothing unchanged (DILEWATI), a changed unit again, and force sends everything', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'A1' }, { code: 'B1' }], { outbox: dir });
  sendAll(rt);
  const again = sendAll(rt)[0];
  expect(again).toMatchObject({ ok: true, sent: 0, skipped: 2 });
  expect((again.results as Result[]).every((r) => r.status === 'DILEWATI' && typeof r.reason === 'string')).toBe(true);
  fillColumn(rt, 'B1', 'Catatan Asesor', () => 'diperbarui');
  expect(sendAll(rt)[0]).toMatchObject({ sent: 1, skipped: 1 });
  expect(sendAll(rt, { force: true })[0]).toMatchObject({ sent: 2, skipped: 0 });
  expect(await outbox(dir)).toHaveLength(5);
  expect(ledger(rt.workbook).map((r) => r.Status)).toEqual(['TERKIRIM', 'TERKIRIM', 'DILEWATI', 'DILEWATI', 'DILEWATI', 'TERKIRIM', 'TERKIRIM', 'TERKIRIM']);
});

test('a crash after k sends, then a re-run: exactly one TERKIRIM per unit', async () => {
  const dir = tempOutbox();
  const rt = await programme(manyUnits(6), { outbox: dir, failMailAfter: 3 });
  const crashed = rt.run('sendFindingsBatch', {}) as Result;
  expect(crashed.ok).toBe(false);
  expect(crashed.error).toMatch(/terhenti/);
  expect(crashed.error).toMatch(/fault injected after 3 messages/);
  expect(crashed).toMatchObject({ sent: 3, failed: 1 });
  expect([...sentPerUnit(rt.workbook).values()]).toEqual([1, 1, 1]);
  expect(ledger(rt.workbook)[3]).toMatchObject({ 'Kode Unit': 'U04', Status: 'GAGAL' });

  const rerun = await reopen(rt.workbook, { outbox: dir, now: new Date(NOW.getTime() + 3_600_000) });
  const [result] = sendAll(rerun);
  expect(result).toMatchObject({ ok: true, sent: 3, skipped: 3, done: true });
  const perUnit = sentPerUnit(rerun.workbook);
  expect(perUnit.size).toBe(6);
  expect([...perUnit.values()].every((n) => n === 1)).toBe(true);
  expect(await outbox(dir)).toHaveLength(6);
});

test('quota 10 with 30 units: what fits goes, the rest waits for the reset, and goes the next day', async () => {
  const dir = tempOutbox();
  const rt = await programme(manyUnits(30), { outbox: dir, quota: 10 });
  const preview = ok(rt.run('previewFindings', {}));
  expect(preview).toMatchObject({ messages: 30, recipients: 60, remainingQuota: 10, queued: 25 });

  const day1 = sendAll(rt);
  expect(day1).toHaveLength(1);
  expect(day1[0]).toMatchObject({ ok: true, sent: 5, queued: 25, done: true, remainingQuota: 0 });
  // The quota resets 24 h after the first send of the window.
  const resetAt = Date.parse(String(day1[0].quotaResetAt));
  expect(resetAt).toBe(Date.parse(rt.sentMail[0].at) + DAY_MS);
  expect(String(day1[0].message)).toMatch(/pulih pada 2025-03-04 \d\d:\d\d/);
  expect(ledger(rt.workbook)).toHaveLength(5); // queued units are not logged

  const nextDay = await reopen(rt.workbook, { outbox: dir, quota: 10, now: new Date(resetAt + 60_000) });
  const day2 = sendAll(nextDay);
  expect(day2[0]).toMatchObject({ ok: true, sent: 5, skipped: 5, queued: 20 });
  const perUnit = sentPerUnit(nextDay.workbook);
  expect(perUnit.size).toBe(10);
  expect([...perUnit.values()].every((n) => n === 1)).toBe(true);
  expect(await outbox(dir)).toHaveLength(10);
});

test('HTML and script payloads in names and notes are inert in the .eml', async () => {
  const dir = tempOutbox();
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const rt = await programme([{ code: 'XSS', name: `Dinas ${evil}`, pic: `Budi ${evil}` }], { outbox: dir });
  fillColumn(rt, 'XSS', 'Catatan Asesor', () => `catatan ${evil}`);
  fillColumn(rt, 'XSS', 'Rekomendasi', () => `rekomendasi "><a href="http://evil">klik</a>`);
  ok(sendAll(rt)[0]);
  const [mail] = await outbox(dir);
  const html = String(mail.mail.html);
  const tags = new Set([...html.matchAll(/<\/?([a-z!]+)/gi)].map((m) => m[1].toLowerCase()));
  expect([...tags].sort()).toEqual(['!doctype', 'a', 'b', 'body', 'br', 'div', 'h', 'head', 'html', 'meta', 'p', 'table', 'td', 'th', 'tr']);
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  expect(html).toContain('rekomendasi &quot;&gt;&lt;a href=&quot;http://evil&quot;&gt;klik&lt;/a&gt;');
  expect(html).not.toContain('http://evil">');
  expect(String(mail.mail.text)).toContain(`catatan ${evil}`);
  expect(mail.mail.subject).toContain(evil);
});

test('a unit with three PIC addresses of which one is malformed fails alone, with the reason, and the batch goes on', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'OK1' }, { code: 'BAD', picEmails: 'a@bad.go.id, salah@, c@bad.go.id' }, { code: 'OK2' }], { outbox: dir });
  const [result] = sendAll(rt);
  expect(result).toMatchObject({ ok: true, sent: 2, failed: 1 });
  const bad = (result.results as Result[]).find((r) => r.kode === 'BAD');
  expect(bad).toMatchObject({ status: 'GAGAL' });
  expect(String(bad?.reason)).toContain('salah@');
  const row = ledger(rt.workbook).find((r) => r['Kode Unit'] === 'BAD');
  expect(row).toMatchObject({ Status: 'GAGAL', Kepada: 'a@bad.go.id, salah@, c@bad.go.id' });
  expect(String(row?.Keterangan)).toContain('salah@');
  const mails = await outbox(dir);
  expect(mails.flatMap((m) => m.to)).toEqual(['pic.ok1@pemkab.go.id', 'pic.ok2@pemkab.go.id']);
});

test('an address broken after the tab was made also fails that unit only', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'OK1' }, { code: 'LATER' }], { outbox: dir });
  const unitRows = values(sheet(rt.workbook, 'Unit'));
  const row = unitRows.findIndex((r) => r[0] === 'LATER');
  expect(rt.edit(ADMIN, 'Unit', a1(row, unitRows[0].indexOf('Email PIC')), 'pic@later.go.id, rusak@@later').ok).toBe(true);
  const [result] = sendAll(rt);
  expect(result).toMatchObject({ sent: 1, failed: 1 });
  expect(String((result.results as Result[])[1].reason)).toContain('rusak@@later');
});

test('a unit with no findings gets a short acknowledgement; kirim_tanda_terima = Tidak skips it', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'BAIK' }, { code: 'KURANG' }], { outbox: dir });
  fillColumn(rt, 'BAIK', 'Jawaban Mandiri', () => 'Ya');
  const [first] = sendAll(rt);
  expect(first).toMatchObject({ sent: 2 });
  const mails = await outbox(dir);
  const ack = mails.find((m) => m.to[0] === 'pic.baik@pemkab.go.id');
  expect(ack?.mail.subject).toMatch(/tanpa temuan$/);
  expect(String(ack?.mail.html)).toContain('Tidak ada temuan');
  expect(String(ack?.mail.html)).not.toContain('<thead>');

  const dir2 = tempOutbox();
  const rt2 = await programme([{ code: 'BAIK' }, { code: 'KURANG' }], { outbox: dir2 });
  fillColumn(rt2, 'BAIK', 'Jawaban Mandiri', () => 'Ya');
  setting(rt2, 'kirim_tanda_terima', 'Tidak');
  const [second] = sendAll(rt2);
  expect(second).toMatchObject({ sent: 1, skipped: 1 });
  expect((second.results as Result[])[0]).toMatchObject({ kode: 'BAIK', status: 'DILEWATI' });
  expect((await outbox(dir2)).map((m) => m.to[0])).toEqual(['pic.kurang@pemkab.go.id']);
});

test('switching bahasa to en switches the email', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'EN1', pic: 'Rina' }], { outbox: dir });
  setting(rt, 'bahasa', 'en');
  const [result] = sendAll(rt);
  expect(String(result.message)).toMatch(/^Sent 1/);
  const [mail] = await outbox(dir);
  expect(mail.mail.subject).toBe('Pendampingan Perbaikan Pelayanan Publik findings: Dinas EN1 (2025 Pendampingan)');
  expect(String(mail.mail.html)).toContain('Dear Rina,');
  expect(String(mail.mail.html)).toContain('Suggested improvement: ');
  expect(String(mail.mail.text)).toContain('30 April 2025');
  expect(String(mail.mail.html)).not.toContain('Yth.');
});

test('chunks: maxMessages stops a call early, the next call goes on, and force never sends a unit twice in one batch', async () => {
  const dir = tempOutbox();
  const rt = await programme(manyUnits(5), { outbox: dir });
  const batches = sendAll(rt, { maxMessages: 2 });
  expect(batches.map((b) => [b.sent, b.done])).toEqual([
    [2, false],
    [2, false],
    [1, true],
  ]);
  const forced = sendAll(rt, { maxMessages: 2, force: true });
  expect(forced.map((b) => [b.sent, b.skipped, b.done])).toEqual([
    [2, 0, false],
    [2, 0, false],
    [1, 0, true],
  ]);
  expect([...sentPerUnit(rt.workbook).values()]).toEqual([2, 2, 2, 2, 2]);
  expect(await outbox(dir)).toHaveLength(10);
});

test('preview and dry run show the count, recipients, quota and a sample, and send or log nothing', async () => {
  const dir = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: dir, quota: 50 });
  const preview = ok(rt.run('previewFindings', { only: ['u02'] }));
  expect(preview).toMatchObject({ messages: 1, recipients: 2, remainingQuota: 50, queued: 0 });
  const sample = preview.sample as Record<string, unknown>;
  expect(sample).toMatchObject({ kode: 'U02', to: ['pic.u02@pemkab.go.id'], cc: ['asesor@ombudsman.go.id'] });
  expect(String(sample.html)).toContain('Dinas U02');
  expect(String(sample.text)).toContain('Dinas U02');
  const dry = ok(rt.run('sendFindingsBatch', { dryRun: true }));
  expect(dry).toMatchObject({ sent: 3, done: true, dryRun: true });
  expect(ledger(rt.workbook)).toHaveLength(0);
  expect(rt.sentMail).toHaveLength(0);
  const unknown = rt.run('previewFindings', { only: ['NOPE'] }) as Result;
  expect(unknown).toMatchObject({ ok: false });
  expect(unknown.error).toContain('NOPE');
});

test('a test send goes to the acting user only and is not logged', async () => {
  const dir = tempOutbox();
  const rt = await programme(manyUnits(2), { outbox: dir });
  const result = ok(rt.run('sendTestFindings'));
  expect(result.to).toBe(ADMIN);
  const mails = await outbox(dir);
  expect(mails).toHaveLength(1);
  expect(mails[0].to).toEqual([ADMIN]);
  expect(mails[0].cc).toEqual([]);
  expect(mails[0].mail.subject).toMatch(/^\[UJI\] Temuan/);
  expect(ledger(rt.workbook)).toHaveLength(0);
});

test('a non-admin cannot send', async () => {
  const rt = await programme(manyUnits(1), { outbox: tempOutbox() });
  const stranger = await LocalRuntime.open({ workbook: rt.workbook, user: 'orang@lain.go.id', outbox: tempOutbox() });
  expect((stranger.run('sendFindingsBatch', {}) as Result).ok).toBe(false);
  expect(ledger(rt.workbook)).toHaveLength(0);
});

test('30 units in at most 45 s modeled, each message at most two round trips (its send and its durable record: nothing read back or written apart per message), every row in Log Email', async () => {
  // The messages alone (programme's default); the rapor's conversions are measured in test/browser/rapor.test.ts.
  const { thirty, rt, perMessage } = await sendCost((n) => programme(manyUnits(n), { outbox: tempOutbox() }), 'sendFindingsBatch', 'mail');
  expect(thirty.result).toMatchObject({ sent: 30, done: true });
  expect(thirty.modeled).toBeLessThanOrEqual(45_000);
  expect(thirty.calls('MailApp.sendEmail')).toBe(30);
  expect(perMessage).toBeLessThanOrEqual(2);
  expect(ledger(rt.workbook).map((r) => r.Status)).toEqual(Array(30).fill('TERKIRIM'));
  // On the tab itself once the batch is done, not only in the send's journal.
  expect(values(sheet(rt.workbook, 'Log Email')).filter((r) => r.includes('TERKIRIM'))).toHaveLength(30);
});
