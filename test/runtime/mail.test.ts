// MailApp: .eml output parsed by a real MIME parser, Apps Script's checks and messages, and the
// daily recipient quota over a rolling 24 h, persisted with the workbook.
// https://developers.google.com/apps-script/reference/mail/mail-app
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import {
  BODY_TOO_LARGE,
  NO_RECIPIENT,
  QUOTA_EXHAUSTED,
  TOO_MANY_RECIPIENTS,
  createMailApp,
} from '../../local/services/mail';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { testContext } from './services-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-mail-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const outbox = () => join(dir, 'outbox');
const emls = () => readdirSync(outbox()).filter((f) => f.endsWith('.eml')).sort();
const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address));

test('a message becomes an RFC 5322 .eml: multipart text + HTML in UTF-8, attachment, cc, bcc, reply-to, sender name', async () => {
  const ctx = testContext({ user: 'sekretariat@example.go.id' });
  const mail = createMailApp(ctx, { outbox: outbox() });
  const subject = 'Temuan pendampingan — Dinas Kesehatan: 3 indikator perlu perbaikan';
  const body = 'Yth. Bapak/Ibu,\n\nBerikut temuan hasil verifikasi: “Maklumat pelayanan” belum dipajang.\nSkor Akhir: 72,5 (Cukup).';
  mail.service.sendEmail({
    to: 'dinkes@example.go.id',
    cc: 'kepala.dinkes@example.go.id, Asesor Satu <asesor1@example.go.id>',
    bcc: 'arsip@example.go.id',
    replyTo: 'sekretariat.pendampingan@example.go.id',
    name: 'Sekretariat Pendampingan',
    subject,
    body,
    htmlBody: '<p>Yth. Bapak/Ibu,</p><p>Berikut temuan: <b>“Maklumat pelayanan”</b> belum dipajang.</p>',
    attachments: [{ getBytes: () => [...Buffer.from('kode,temuan\nA.1,Belum ada SOP')], getName: () => 'temuan-DINKES.csv', getContentType: () => 'text/csv' }],
  });
  // the subject, as a slug of at most 60 characters
  expect(emls()).toEqual(['0001-temuan-pendampingan-dinas-kesehatan-3-indikator-perlu-perbai.eml']);
  const raw = readFileSync(join(outbox(), emls()[0]));
  const parsed = await simpleParser(raw);
  expect(parsed.subject).toBe(subject);
  expect(parsed.text?.trim()).toBe(body);
  expect(parsed.html).toContain('<b>“Maklumat pelayanan”</b>');
  expect(parsed.from?.value).toEqual([{ address: 'sekretariat@example.go.id', name: 'Sekretariat Pendampingan' }]);
  expect(addresses(parsed.to)).toEqual(['dinkes@example.go.id']);
  expect(addresses(parsed.cc)).toEqual(['kepala.dinkes@example.go.id', 'asesor1@example.go.id']);
  expect(addresses(parsed.bcc)).toEqual(['arsip@example.go.id']);
  expect(addresses(parsed.replyTo)).toEqual(['sekretariat.pendampingan@example.go.id']);
  expect(parsed.date?.toISOString()).toBe(ctx.now().toISOString());
  expect(parsed.attachments).toHaveLength(1);
  expect(parsed.attachments[0]).toMatchObject({ filename: 'temuan-DINKES.csv', contentType: 'text/csv' });
  expect(parsed.attachments[0].content.toString('utf8')).toBe('kode,temuan\nA.1,Belum ada SOP');
  const text = raw.toString('latin1');
  expect(text).toMatch(/^Content-Type: multipart\/mixed/m);
  expect(text).toMatch(/^Content-Type: multipart\/alternative/m);
  expect(text).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
  expect(mail.sent).toEqual([expect.objectContaining({ to: ['dinkes@example.go.id'], subject, file: join(outbox(), emls()[0]) })]);
});

test('the (recipient, subject, body, options) form; file names continue the outbox sequence', async () => {
  const first = createMailApp(testContext(), { outbox: outbox() });
  first.service.sendEmail('rsud@example.go.id', 'Ringkasan: RSUD', 'Teks saja');
  const second = createMailApp(testContext(), { outbox: outbox() });
  second.service.sendEmail('puskesmas@example.go.id', 'Ringkasan: Puskesmas Sengeti', 'Isi', { htmlBody: '<p>Isi</p>', cc: 'camat@example.go.id' });
  expect(emls()).toEqual(['0001-ringkasan-rsud.eml', '0002-ringkasan-puskesmas-sengeti.eml']);
  const parsed = await simpleParser(readFileSync(join(outbox(), emls()[1])));
  expect(addresses(parsed.cc)).toEqual(['camat@example.go.id']);
  expect(parsed.html).toContain('<p>Isi</p>');
});

test("Apps Script's checks: addresses, 50 recipients per message, 200 KB body, no recipient", () => {
  const ctx = testContext();
  const { service } = createMailApp(ctx, { outbox: outbox() });
  expect(() => service.sendEmail('bukan-alamat', 's', 'b')).toThrow('Invalid email: bukan-alamat');
  expect(() => service.sendEmail({ to: 'a@example.go.id', cc: 'x@', subject: 's', body: 'b' })).toThrow('Invalid email: x@');
  const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.go.id`).join(',');
  expect(() => service.sendEmail(many, 's', 'b')).toThrow(TOO_MANY_RECIPIENTS);
  expect(() => service.sendEmail('a@example.go.id', 's', 'x'.repeat(200 * 1024 + 1))).toThrow(BODY_TOO_LARGE);
  expect(() => service.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(NO_RECIPIENT);
  expect(ctx.workbook.mailQuota).toEqual([]);
  ctx.authMode = 'CUSTOM_FUNCTION';
  expect(() => service.sendEmail('a@example.go.id', 's', 'b')).toThrow(/You do not have permission to call MailApp.sendEmail/);
});

// "Email recipients per day: 100" (consumer); quotas reset 24 hours after the first request.
// https://developers.google.com/apps-script/guides/services/quotas
test('the daily quota counts To+Cc+Bcc over a rolling 24 h, persisted through save/load', async () => {
  const t0 = '2026-03-02T01:00:00Z';
  const ctx = testContext({ now: t0 });
  const first = createMailApp(ctx, { outbox: outbox(), dailyQuota: 5 });
  expect(first.service.getRemainingDailyQuota()).toBe(5);
  first.service.sendEmail({ to: 'a@example.go.id', cc: 'b@example.go.id', bcc: 'c@example.go.id', subject: 'satu', body: '.' });
  expect(first.service.getRemainingDailyQuota()).toBe(2);
  ctx.tick(23 * 3_600_000);
  first.service.sendEmail('d@example.go.id,e@example.go.id', 'dua', '.');
  expect(first.service.getRemainingDailyQuota()).toBe(0);
  expect(() => first.service.sendEmail('f@example.go.id', 'tiga', '.')).toThrow(QUOTA_EXHAUSTED);
  expect(emls()).toHaveLength(2);

  const file = join(dir, 'kuota.xlsx');
  await saveWorkbook(ctx.workbook, file);
  const reloaded = await loadWorkbook(file);
  expect(reloaded.mailQuota).toEqual(ctx.workbook.mailQuota);
  const later = testContext({ workbook: reloaded, now: '2026-03-03T01:00:01Z' }); // t0 + 24 h + 1 s
  const second = createMailApp(later, { outbox: outbox(), dailyQuota: 5 });
  expect(second.service.getRemainingDailyQuota()).toBe(3);
  later.tick(23 * 3_600_000);
  expect(second.service.getRemainingDailyQuota()).toBe(5);
  expect(later.workbook.mailQuota).toEqual([]);
});

test('fault injection: with failAfter 2 the third send throws and nothing more is sent', () => {
  const ctx = testContext();
  const { service, sent } = createMailApp(ctx, { outbox: outbox(), failAfter: 2 });
  service.sendEmail('a@example.go.id', 'satu', '.');
  service.sendEmail('b@example.go.id', 'dua', '.');
  expect(() => service.sendEmail('c@example.go.id', 'tiga', '.')).toThrow(/fault injected after 2/);
  expect(() => service.sendEmail('d@example.go.id', 'empat', '.')).toThrow(/fault injected/);
  expect(sent).toHaveLength(2);
  expect(emls()).toHaveLength(2);
  expect(ctx.workbook.mailQuota.reduce((n, e) => n + e.recipients, 0)).toBe(2);
});
