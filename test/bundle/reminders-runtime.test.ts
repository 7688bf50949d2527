// "Kirim pengingat" and the hourly reminder trigger through the built bundle in the local
// runtime; every .eml parsed with mailparser.
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, fillColumn, ledger, manyUnits, ok, outbox, programme, reopen, runUntilDone, sendCost, sentPerUnit, setting, sheet, tempOutbox, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

/** After the round's deadline (2025-04-30 in mail-helpers' programme). */
const LATE = new Date('2025-05-02T02:00:00Z');
const REMINDER_ROUND = '2025 Pendampingan — pengingat';

const remindAll = (rt: LocalRuntime, opts: Record<string, unknown> = {}): Result[] => runUntilDone(rt, 'sendRemindersBatch', opts);

/** An Email PIC broken after the unit's tab was made: the unit's row is then rejected. */
function breakAddress(rt: LocalRuntime, code: string, emails: string): void {
  const rows = values(sheet(rt.workbook, 'Unit'));
  const row = rows.findIndex((r) => r[0] === code);
  expect(rt.edit(ADMIN, 'Unit', a1(row, rows[0].indexOf('Email PIC')), emails).ok).toBe(true);
}

function settingValue(rt: LocalRuntime, key: string): unknown {
  return values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === key)?.[1];
}

const evil = '<script>alert("x")</script>';

test('reminders go to the units with overdue findings only, listing them escaped, under the ledger rules', async () => {
  const dir = tempOutbox();
  const setup = await programme(
    [
      { code: 'DINKES', name: `Dinas ${evil}`, pic: 'Budi', picEmails: 'budi@dinkes.go.id', assessorEmails: 'asesor@ombudsman.go.id' },
      { code: 'DUKCAPIL', name: 'Dinas Dukcapil' },
      { code: 'DINSOS', name: 'Dinas Sosial' },
      { code: 'BAD' },
    ],
    { outbox: dir },
  );
  breakAddress(setup, 'BAD', 'a@bad.go.id, salah@');
  fillColumn(setup, 'DINKES', 'Rekomendasi', (i) => (i === 0 ? `Pasang papan ${evil}` : ''));
  fillColumn(setup, 'DINKES', 'Tindak Lanjut', (i) => (i === 1 ? 'Dalam proses' : ''));
  fillColumn(setup, 'DINSOS', 'Tindak Lanjut', () => 'Selesai');

  // Before the deadline: nothing is overdue, nothing is sent or logged.
  const early = ok(remindAll(setup)[0]);
  expect(early).toMatchObject({ sent: 0, skipped: 0, failed: 0, queued: 0, done: true });
  expect(String(early.message)).toContain('Tidak ada unit');
  expect(ledger(setup.workbook)).toHaveLength(0);

  const rt = await reopen(setup.workbook, { outbox: dir, now: LATE });
  const [first] = remindAll(rt);
  expect(first).toMatchObject({ ok: true, sent: 2, skipped: 0, failed: 1, queued: 0, done: true });
  expect((first.results as Result[]).map((r) => [r.kode, r.status])).toEqual([
    ['DINKES', 'TERKIRIM'],
    ['DUKCAPIL', 'TERKIRIM'],
    ['BAD', 'GAGAL'],
  ]);
  const rows = ledger(rt.workbook);
  expect(rows.map((r) => [r['Kode Unit'], r.Status, r.Putaran])).toEqual([
    ['DINKES', 'TERKIRIM', REMINDER_ROUND],
    ['DUKCAPIL', 'TERKIRIM', REMINDER_ROUND],
    ['BAD', 'GAGAL', REMINDER_ROUND],
  ]);
  expect(String(rows[0].Sidik)).toMatch(/^[0-9a-f]{64}$/);
  expect(String(rows[2].Keterangan)).toContain('salah@');

  const mails = await outbox(dir);
  expect(mails).toHaveLength(2);
  const dinkes = mails[0];
  expect(dinkes.to).toEqual(['budi@dinkes.go.id']);
  expect(dinkes.cc).toEqual(['asesor@ombudsman.go.id']);
  expect(dinkes.replyTo).toEqual(['balasan@ombudsman.go.id']);
  expect(dinkes.mail.subject).toBe(`Pengingat: 2 temuan melewati batas waktu — Dinas ${evil} (Pendampingan Perbaikan Pelayanan Publik)`);
  const html = String(dinkes.mail.html);
  const text = String(dinkes.mail.text);
  const tags = new Set([...html.matchAll(/<\/?([a-z!]+)/gi)].map((m) => m[1].toLowerCase()));
  expect(tags.has('script')).toBe(false);
  expect(html).toContain('Pasang papan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  for (const header of ['Kode', 'Indikator', 'Saran perbaikan', 'Batas Waktu', 'Tindak Lanjut']) expect(html).toContain(`>${header}</th>`);
  expect(html.match(/<tr><td/g)).toHaveLength(2);
  expect(html).toMatch(/<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/[^"]+#gid=\d+">/);
  expect(text).toContain(`Pasang papan ${evil}`);
  expect(text).toContain('Tindak Lanjut: Dalam proses');
  expect(text).toContain('Tindak Lanjut: Belum diisi');
  expect(text).toContain('30 April 2025');
  expect(text).toContain('Yth. Budi,');

  // Again: unchanged content is DILEWATI (logged), the bad row fails again, nothing is sent.
  const [again] = remindAll(rt);
  expect(again).toMatchObject({ sent: 0, skipped: 2, failed: 1 });
  expect(ledger(rt.workbook).filter((r) => r.Status === 'DILEWATI')).toHaveLength(2);
  // A follow-up changes: that unit's reminder is new content, and goes.
  fillColumn(rt, 'DUKCAPIL', 'Tindak Lanjut', (i) => (i === 0 ? 'Dalam proses' : ''));
  expect(remindAll(rt, { only: ['DUKCAPIL'] })[0]).toMatchObject({ sent: 1, skipped: 0 });
  // Forced: sent again whatever the ledger says.
  expect(remindAll(rt, { force: true, only: ['dinkes'] })[0]).toMatchObject({ sent: 1 });
  expect(await outbox(dir)).toHaveLength(4);

  // Reminders and findings never skip each other: the findings email still goes to every unit.
  const findings = rt.run('sendFindingsBatch', {}) as Result;
  expect(findings).toMatchObject({ ok: true, sent: 3, skipped: 0, failed: 1 });
  const findingRows = ledger(rt.workbook).filter((r) => r.Putaran === '2025 Pendampingan');
  expect(findingRows.map((r) => r['Kode Unit'])).toEqual(['DINKES', 'DUKCAPIL', 'DINSOS', 'BAD']);
  // ...and after the findings, an unchanged reminder is still skipped.
  expect(remindAll(rt, { only: ['DUKCAPIL'] })[0]).toMatchObject({ sent: 0, skipped: 1 });

  // In English once Pengaturan says so (new content: sent).
  setting(rt, 'bahasa', 'en');
  const english = remindAll(rt, { only: ['DUKCAPIL'] })[0];
  expect(english).toMatchObject({ sent: 1 });
  const last = (await outbox(dir)).pop();
  expect(last?.mail.subject).toBe('Reminder: 2 findings past their deadline — Dinas Dukcapil (Pendampingan Perbaikan Pelayanan Publik)');
  expect(String(last?.mail.text)).toContain('Follow-up: Dalam proses');
  expect(String(last?.mail.html)).toContain('>Suggested improvement</th>');
});

test('30 units: quota 10 sends what fits and the next day the rest; chunked batches and a crash never send a unit twice', async () => {
  const dir = tempOutbox();
  const setup = await programme(manyUnits(30), { outbox: dir });
  // Each reminder has two recipients (PIC, assessor in Cc): 10 left today is five messages.
  const tight = await reopen(setup.workbook, { outbox: dir, now: LATE, quota: 10 });
  const [first] = remindAll(tight);
  expect(first).toMatchObject({ ok: true, sent: 5, queued: 25, done: true });
  expect(String(first.quotaResetAt)).toMatch(/^2025-05-03T/);
  expect(ledger(setup.workbook).filter((r) => r.Status === 'TERKIRIM')).toHaveLength(5);

  // The next day, in chunks of four, with the mail service failing after six sends.
  const nextDay = new Date(LATE.getTime() + 86_400_000 + 3_600_000);
  const crashing = await reopen(setup.workbook, { outbox: dir, now: nextDay, failMailAfter: 6 });
  const crashed = remindAll(crashing, { maxMessages: 4 });
  const stop = crashed[crashed.length - 1];
  expect(stop.ok).toBe(false);
  expect(crashing.sentMail).toHaveLength(6);
  const rerun = await reopen(setup.workbook, { outbox: dir, now: nextDay });
  const rest = remindAll(rerun, { maxMessages: 4 });
  expect(rest.length).toBeGreaterThan(1);
  expect(rest[rest.length - 1]).toMatchObject({ ok: true, done: true });
  const perUnit = sentPerUnit(setup.workbook);
  expect(perUnit.size).toBe(30);
  expect([...perUnit.values()].every((n) => n === 1)).toBe(true);
  expect(await outbox(dir)).toHaveLength(30);
});

test('30 units in at most 45 s modeled, each reminder at most two round trips (its send and its durable record: nothing read back or written apart per message), every row in Log Email', async () => {
  const open = async (n: number) => reopen((await programme(manyUnits(n), { outbox: tempOutbox() })).workbook, { outbox: tempOutbox(), now: LATE });
  const { thirty, rt, perMessage } = await sendCost(open, 'sendRemindersBatch', 'reminders');
  expect(thirty.result).toMatchObject({ sent: 30, done: true });
  expect(thirty.modeled).toBeLessThanOrEqual(45_000);
  expect(thirty.calls('MailApp.sendEmail')).toBe(30);
  expect(perMessage).toBeLessThanOrEqual(2);
  expect(sentPerUnit(rt.workbook).size).toBe(30);
  // On the tab itself once the batch is done, not only in the send's journal.
  expect(values(sheet(rt.workbook, 'Log Email')).filter((r) => r.includes('TERKIRIM'))).toHaveLength(30);
});

test('the hourly trigger: one per switch, no Ui, sends under the lock, logs only what it sends, stops itself when switched off', async () => {
  const dir = tempOutbox();
  const setup = await programme([{ code: 'A1' }, { code: 'A2' }, { code: 'BAD' }], { outbox: dir });
  breakAddress(setup, 'BAD', 'x@bad.go.id, rusak@');
  expect(settingValue(setup, 'pengingat_otomatis')).toBe('Tidak');

  const on = ok(setup.run('setReminderTrigger', true));
  expect(on).toMatchObject({ on: true, runsAs: ADMIN });
  ok(setup.run('setReminderTrigger', true));
  const triggers = setup.workbook.triggers ?? [];
  expect(triggers).toHaveLength(1);
  expect(triggers[0]).toMatchObject({ handlerFunction: 'remindOverdueUnits', eventType: 'CLOCK', everyMs: 3_600_000, user: ADMIN });
  expect(settingValue(setup, 'pengingat_otomatis')).toBe('Ya');

  // A non-admin can neither switch it nor run it.
  const stranger = await LocalRuntime.open({ workbook: setup.workbook, user: 'orang@lain.go.id' });
  expect((stranger.run('setReminderTrigger', false) as Result).ok).toBe(false);
  expect(stranger.run('remindOverdueUnits')).toMatchObject({ ok: true, stopped: true });
  expect(setup.workbook.triggers).toHaveLength(1);

  // The trigger fires after the deadline, with nobody at the screen.
  const event = { authMode: 'FULL', triggerUid: triggers[0].id };
  const hour1 = await reopen(setup.workbook, { outbox: dir, now: LATE });
  hour1.ui.available = false;
  expect(hour1.run('remindOverdueUnits', event)).toMatchObject({ ok: true, sent: 2, failed: 1, done: true });
  expect(hour1.ui.events).toEqual([]);
  expect(ledger(setup.workbook).map((r) => [r['Kode Unit'], r.Status, r.Putaran])).toEqual([
    ['A1', 'TERKIRIM', REMINDER_ROUND],
    ['A2', 'TERKIRIM', REMINDER_ROUND],
    ['BAD', 'GAGAL', REMINDER_ROUND],
  ]);

  // An hour later nothing changed: nothing sent, nothing logged, the failure is not repeated.
  const hour2 = await reopen(setup.workbook, { outbox: dir, now: new Date(LATE.getTime() + 3_600_000) });
  hour2.ui.available = false;
  expect(hour2.run('remindOverdueUnits', event)).toMatchObject({ ok: true, sent: 0, failed: 0, skipped: 3 });
  expect(ledger(setup.workbook)).toHaveLength(3);
  expect(await outbox(dir)).toHaveLength(2);

  // Switched off in Pengaturan by hand: the next run removes its own trigger and sends nothing.
  setting(hour2, 'pengingat_otomatis', 'Tidak');
  expect(hour2.run('remindOverdueUnits', event)).toMatchObject({ ok: true, stopped: true });
  expect(setup.workbook.triggers).toEqual([]);

  // On and off from the panel: installed once, removed, Pengaturan follows.
  ok(hour2.run('setReminderTrigger', true));
  expect(setup.workbook.triggers).toHaveLength(1);
  const off = ok(hour2.run('setReminderTrigger', false));
  expect(off).toMatchObject({ on: false });
  expect(setup.workbook.triggers).toEqual([]);
  expect(settingValue(hour2, 'pengingat_otomatis')).toBe('Tidak');
});

test("a second admin switching it on while the first admin's trigger runs installs no second trigger", async () => {
  const setup = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const other = 'kedua@ombudsman.go.id';
  setting(setup, 'email_admin', `${ADMIN}, ${other}`);
  ok(setup.run('generateUnitTabs')); // brings the protections' editors up to date
  ok(setup.run('setReminderTrigger', true));
  const second = await LocalRuntime.open({ workbook: setup.workbook, user: other });
  const answer = ok(second.run('setReminderTrigger', true));
  expect(answer).toMatchObject({ on: true, runsAs: ADMIN });
  expect(String(answer.message)).toContain(ADMIN);
  expect(setup.workbook.triggers).toHaveLength(1);
  // Switched off by the second admin: the first admin's trigger stops itself at its next run.
  ok(second.run('setReminderTrigger', false));
  const uid = (setup.workbook.triggers ?? [])[0].id;
  const firing = await reopen(setup.workbook, { outbox: tempOutbox(), now: LATE });
  expect(firing.run('remindOverdueUnits', { triggerUid: uid })).toMatchObject({ ok: true, stopped: true });
  expect(setup.workbook.triggers).toEqual([]);
  expect(ledger(setup.workbook)).toHaveLength(0);
});
