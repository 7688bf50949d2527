// "Kirim temuan" sends each message at most once, and one bad unit never stops the others:
// the Log Email row of a message is written and persisted before MailApp is called (no row, no
// message), a row left without outcome is shown for the admin to check and only sent again by
// their choice, and a message MailApp refuses fails alone while the counts stay right.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath } from '../../local/journal';
import type { WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { withWorkbook } from '../../local/workbook-file';
import { saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import {
  ADMIN,
  a1,
  fillColumn,
  ledger,
  manyUnits,
  ok,
  outbox,
  programme,
  reopen,
  runUntilDone,
  setting,
  sheet,
  tempOutbox,
  values,
  type Result,
} from './mail-helpers';

beforeAll(() => ensureBuilt());

const sendAll = (rt: LocalRuntime, opts: Record<string, unknown> = {}): Result[] => runUntilDone(rt, 'sendFindingsBatch', opts);
const resultOf = (r: Result, kode: string) => (r.results as Result[]).find((u) => u.kode === kode);

test('when MailApp is called, the message’s Log Email row (MENGIRIM) is already on disk; its outcome replaces it', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: box });
  const dir = mkdtempSync(join(tmpdir(), 'pendamping-intent-'));
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  // At each call of MailApp, the workbook as a crash at that moment would leave it on disk.
  const crashes: string[] = [];
  const crashCopy = () => {
    const copy = join(dir, `crash-${crashes.length + 1}.xlsx`);
    copyFileSync(file, copy);
    if (existsSync(journalPath(file))) copyFileSync(journalPath(file), journalPath(copy));
    crashes.push(copy);
    return false;
  };
  await withWorkbook(file, {}, async (workbook) => {
    const runtime = await LocalRuntime.open({ workbook, user: ADMIN, outbox: box, interrupted: crashCopy });
    expect(sendAll(runtime)[0]).toMatchObject({ ok: true, sent: 3 });
  });
  expect(crashes).toHaveLength(3);
  for (const [i, copy] of crashes.entries()) {
    let rows: Record<string, unknown>[] = [];
    await withWorkbook(copy, { readOnly: true }, (wb: WorkbookModel) => {
      rows = ledger(wb);
    });
    expect(rows.map((r) => [r['Kode Unit'], r.Status])).toEqual([...manyUnits(i).map((u) => [u.code, 'TERKIRIM']), [`U0${i + 1}`, 'MENGIRIM']]);
    expect(String(rows[i].Keterangan)).toContain(`"Kirim ulang" untuk U0${i + 1}`);
  }
  await withWorkbook(file, { readOnly: true }, (wb: WorkbookModel) => {
    expect(ledger(wb).map((r) => [r.Status, r.Keterangan])).toEqual([
      ['TERKIRIM', ''],
      ['TERKIRIM', ''],
      ['TERKIRIM', ''],
    ]);
  });
});

test('a message whose Log Email row cannot be written is not sent, and the batch stops with a clear reason', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: box });
  const other = 'admin2@ombudsman.go.id';
  setting(rt, 'email_admin', `${ADMIN}, ${other}`);
  ok(rt.run('refreshRecap')); // an admin action lets the new admin into the add-on's protections
  // Then a protection of someone's own on Log Email lists the first admin only.
  const log = sheet(rt.workbook, 'Log Email');
  log.protectedRanges.push({ protectedRangeId: (rt.workbook.nextId += 1), range: { sheetId: log.sheetId }, description: 'arsip', editors: { users: [ADMIN] } });
  const second = await LocalRuntime.open({ workbook: rt.workbook, user: other, outbox: box });
  const result = second.run('sendFindingsBatch', {}) as Result;
  expect(result).toMatchObject({ ok: false, sent: 0, failed: 0, queued: 3 });
  expect(String(result.error)).toMatch(/Log Email tidak dapat ditulis/);
  expect(readdirSync(box)).toEqual([]);
  expect(ledger(rt.workbook)).toEqual([]);
});

test('a message whose intent cannot reach the disk (the journal cannot be written) is not sent', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: box });
  const file = join(mkdtempSync(join(tmpdir(), 'pendamping-intent-')), 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  await withWorkbook(file, { readOnly: true }, async (workbook) => {
    const runtime = await LocalRuntime.open({ workbook, user: ADMIN, outbox: box });
    // Something else in the journal's place: its first record cannot be written.
    writeFileSync(journalPath(file), '');
    const result = runtime.run('sendFindingsBatch', {}) as Result;
    expect(result).toMatchObject({ ok: false, sent: 0, failed: 0, queued: 3 });
    expect(String(result.error)).toMatch(/Log Email tidak dapat ditulis: .*EEXIST/);
    expect(runtime.sentMail).toHaveLength(0);
  });
  expect(readdirSync(box)).toEqual([]);
});

test('an unknown outcome is shown for a check, never sent again by itself (not even forced), and "kirim ulang" sends it', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: box });
  expect(sendAll(rt)[0]).toMatchObject({ sent: 3 });
  // The run that sent U02 died before its outcome was written.
  const log = values(sheet(rt.workbook, 'Log Email'));
  const row = log.findIndex((r) => r[2] === 'U02');
  expect(rt.edit(ADMIN, 'Log Email', a1(row, log[0].indexOf('Status')), 'MENGIRIM').ok).toBe(true);

  const later = await reopen(rt.workbook, { outbox: box });
  const preview = ok(later.run('previewFindings', {}));
  expect(preview).toMatchObject({ messages: 0, skipped: 2, unknown: 1 });
  expect(resultOf(preview, 'U02')).toMatchObject({ status: 'PERIKSA' });
  expect(String(resultOf(preview, 'U02')?.reason)).toMatch(/tidak diketahui.*"Kirim ulang" untuk U02/);

  const again = sendAll(later)[0];
  expect(again).toMatchObject({ ok: true, sent: 0, skipped: 2, unknown: 1 });
  expect(String(again.message)).toMatch(/1 unit perlu diperiksa/);
  const forced = sendAll(later, { force: true })[0];
  expect(forced).toMatchObject({ sent: 2, unknown: 1 });
  expect(resultOf(forced, 'U02')).toMatchObject({ status: 'PERIKSA' });
  expect((await outbox(box)).filter((m) => m.to.includes('pic.u02@pemkab.go.id'))).toHaveLength(1);

  const resent = sendAll(later, { resend: ['u02'] })[0];
  expect(resent).toMatchObject({ sent: 1, unknown: 0 });
  expect((await outbox(box)).filter((m) => m.to.includes('pic.u02@pemkab.go.id'))).toHaveLength(2);
  expect(ledger(later.workbook).filter((r) => r['Kode Unit'] === 'U02').map((r) => r.Status)).toEqual(['MENGIRIM', 'TERKIRIM']);
  expect(sendAll(later)[0]).toMatchObject({ sent: 0, skipped: 3, unknown: 0 });
});

test('a unit with 51 recipients fails alone, with its reason, before anything is sent; the rest of the batch goes on', async () => {
  const box = tempOutbox();
  const crowd = Array.from({ length: 50 }, (_, i) => `pic${i + 1}@ramai.go.id`).join(', ');
  const rt = await programme([{ code: 'U01' }, { code: 'RAMAI', picEmails: crowd }, { code: 'U03' }], { outbox: box });
  const preview = ok(rt.run('previewFindings', {}));
  expect(preview).toMatchObject({ messages: 2, failed: 1 });
  expect(String(resultOf(preview, 'RAMAI')?.reason)).toMatch(/51 penerima.*paling banyak 50/);
  const [result] = sendAll(rt);
  expect(result).toMatchObject({ ok: true, done: true, sent: 2, failed: 1, queued: 0 });
  expect(ledger(rt.workbook).map((r) => [r['Kode Unit'], r.Status])).toEqual([
    ['U01', 'TERKIRIM'],
    ['RAMAI', 'GAGAL'],
    ['U03', 'TERKIRIM'],
  ]);
  expect(String(ledger(rt.workbook)[1].Keterangan)).toMatch(/51 penerima/);
  expect((await outbox(box)).map((m) => m.to[0])).toEqual(['pic.u01@pemkab.go.id', 'pic.u03@pemkab.go.id']);
});

test('a message over MailApp’s body size fails alone with MailApp’s reason; the rest of the batch goes on', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(3), { outbox: box });
  // Every indicator of U02 a finding with a long note: far over 200 KB of body.
  fillColumn(rt, 'U02', 'Jawaban Mandiri', () => 'Tidak');
  fillColumn(rt, 'U02', 'Catatan Asesor', (i) => `Catatan ${i}: ${'bukti belum lengkap; '.repeat(400)}`);
  const [result] = sendAll(rt);
  expect(result).toMatchObject({ ok: true, done: true, sent: 2, failed: 1, queued: 0 });
  expect(String(resultOf(result, 'U02')?.reason)).toContain('Limit Exceeded: Email Body Size');
  expect(ledger(rt.workbook).map((r) => r.Status)).toEqual(['TERKIRIM', 'GAGAL', 'TERKIRIM']);
  expect(await outbox(box)).toHaveLength(2);
});

test('a mail service that stops mid-batch: what it did is logged and what it left is counted as still queued', async () => {
  const box = tempOutbox();
  const rt = await programme(manyUnits(5), { outbox: box, failMailAfter: 2 });
  const stopped = rt.run('sendFindingsBatch', {}) as Result;
  expect(stopped).toMatchObject({ ok: false, sent: 2, failed: 1, queued: 2, done: false });
  expect(resultOf(stopped, 'U05')).toMatchObject({ status: 'ANTRE' });
  expect(String(resultOf(stopped, 'U05')?.reason)).toMatch(/pengiriman terhenti/);
  expect(ledger(rt.workbook).map((r) => r.Status)).toEqual(['TERKIRIM', 'TERKIRIM', 'GAGAL']);
});
