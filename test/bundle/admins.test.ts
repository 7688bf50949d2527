// Admins: the protections the add-on owns follow Pengaturan email_admin. An admin added from
// the panel runs every admin action at once; one typed into Pengaturan is let in by the next
// admin action of an admin already in (Sheets lets only a protection's editors change it) and
// is told so, with nothing sent, until then; a removed admin loses the right to write; the last
// admin cannot remove themselves.
import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, a1, ledger, ok, outbox, programme, runUntilDone, setting, sheet, tempOutbox, unitSheet, values, type Result } from './mail-helpers';

const SECOND = 'kedua@ombudsman.go.id';
const UNITS = [{ code: 'A1' }, { code: 'B2' }];

beforeAll(() => ensureBuilt());

function as(rt: LocalRuntime, user: string, outboxDir: string): Promise<LocalRuntime> {
  return LocalRuntime.open({ workbook: rt.workbook, user, now: NOW, outbox: outboxDir });
}

/** The Nilai cell of a Pengaturan key. */
function settingCell(rt: LocalRuntime, key: string): string {
  return a1(values(sheet(rt.workbook, 'Pengaturan')).findIndex((r) => r[0] === key), 1);
}

test('an admin added from the panel runs generate, recap, email and a new round at once', async () => {
  const dir = tempOutbox();
  const rt = await programme(UNITS, { outbox: dir });
  ok(rt.run('saveSettings', { email_admin: `${ADMIN}, ${SECOND}` }));
  const second = await as(rt, SECOND, dir);
  ok(second.run('generateUnitTabs'));
  ok(second.run('refreshRecap'));
  const [send] = runUntilDone(second, 'sendFindingsBatch');
  expect(send).toMatchObject({ ok: true, sent: 2, failed: 0 });
  expect(ledger(rt.workbook).map((r) => r.Status)).toEqual(['TERKIRIM', 'TERKIRIM']);
  expect(await outbox(dir)).toHaveLength(2);
  ok(second.run('startNewRound', { name: '2025 Penilaian Ulang', deadline: '' }));
  // The new admin also edits what only admins edit.
  expect(second.edit(SECOND, 'Pengaturan', settingCell(rt, 'instansi_penilai'), 'Ombudsman RI').ok).toBe(true);
  expect(second.edit(SECOND, unitSheet(rt.workbook, 'A1').title, 'C8', 'Indikator baru').ok).toBe(true);
});

test('an admin typed into Pengaturan is told who can let them in, nothing is sent, and the next admin action of an admin lets them in', async () => {
  const dir = tempOutbox();
  const rt = await programme(UNITS, { outbox: dir });
  setting(rt, 'email_admin', `${ADMIN}, ${SECOND}`);
  const second = await as(rt, SECOND, dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    const refused = second.run('sendFindingsBatch', {}) as Result;
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain(ADMIN);
    expect(refused.error).toContain('Perbarui rekap');
    expect(await outbox(dir)).toHaveLength(0);
    expect(ledger(rt.workbook)).toHaveLength(0);
  }
  expect((second.run('generateUnitTabs') as Result).ok).toBe(false);

  ok(rt.run('refreshRecap')); // any admin action of an admin already in
  const [send] = runUntilDone(second, 'sendFindingsBatch');
  expect(send).toMatchObject({ ok: true, sent: 2 });
  ok(second.run('generateUnitTabs'));
});

test('a removed admin loses the right to write and to run admin actions', async () => {
  const dir = tempOutbox();
  const rt = await programme(UNITS, { outbox: dir });
  ok(rt.run('saveSettings', { email_admin: `${ADMIN}, ${SECOND}` }));
  const second = await as(rt, SECOND, dir);
  const cell = settingCell(rt, 'instansi_penilai');
  expect(second.edit(SECOND, 'Pengaturan', cell, 'Ombudsman RI').ok).toBe(true);
  ok(second.run('refreshRecap'));

  ok(rt.run('saveSettings', { email_admin: ADMIN }));
  expect(second.edit(SECOND, 'Pengaturan', cell, 'dicoba lagi').ok).toBe(false);
  expect(second.edit(SECOND, 'Log Email', 'A2', 'palsu').ok).toBe(false);
  expect(second.edit(SECOND, unitSheet(rt.workbook, 'A1').title, 'C8', 'diubah').ok).toBe(false);
  const refused = second.run('refreshRecap') as Result;
  expect(refused.ok).toBe(false);
  expect(refused.error).toContain(ADMIN);
});

test('one of two admins may leave from the panel; the file owner is never locked out, and lets a typed-in admin in', async () => {
  const dir = tempOutbox();
  const rt = await programme(UNITS, { outbox: dir }); // ADMIN owns the file
  ok(rt.run('saveSettings', { email_admin: `${ADMIN}, ${SECOND}` }));
  const second = await as(rt, SECOND, dir);
  ok(second.run('saveSettings', { email_admin: SECOND })); // the owner leaves the list
  ok(second.run('generateUnitTabs'));

  // The only listed admin is replaced by typing in Pengaturan: the new one is not in the protections.
  const third = 'ketiga@ombudsman.go.id';
  expect(second.edit(SECOND, 'Pengaturan', settingCell(rt, 'email_admin'), third).ok).toBe(true);
  const thirdRt = await as(rt, third, dir);
  const refused = thirdRt.run('refreshRecap') as Result;
  expect(refused.ok).toBe(false);
  expect(refused.error).toContain('pemilik berkas');
  // The owner, though not listed, may act: their action lets the new admin in.
  ok(rt.run('refreshRecap'));
  ok(thirdRt.run('generateUnitTabs'));
  expect((second.run('refreshRecap') as Result).ok).toBe(false);
});

test('the last admin cannot remove themselves from the panel', async () => {
  const rt = await programme(UNITS, { outbox: join(tempOutbox(), 'outbox') });
  const refused = rt.run('saveSettings', { email_admin: SECOND }) as Result;
  expect(refused.ok).toBe(false);
  expect(JSON.stringify(refused)).toContain('admin terakhir');
  expect(values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'email_admin')?.[1]).toBe(ADMIN);
  ok(rt.run('refreshRecap'));
});

test('an admin typed out of Pengaturan and saved back from the panel holds from that save, though its own sync first took them out', async () => {
  const dir = tempOutbox();
  const rt = await programme(UNITS, { outbox: dir });
  ok(rt.run('saveSettings', { email_admin: `${ADMIN}, ${SECOND}` }));
  setting(rt, 'email_admin', ADMIN);
  // The save's admin check brings the protections to ADMIN alone; its new list then brings SECOND back.
  ok(rt.run('saveSettings', { email_admin: `${ADMIN}, ${SECOND}` }));
  const second = await as(rt, SECOND, dir);
  ok(second.run('refreshRecap'));
  expect(second.edit(SECOND, 'Pengaturan', settingCell(rt, 'instansi_penilai'), 'Ombudsman RI').ok).toBe(true);
});
