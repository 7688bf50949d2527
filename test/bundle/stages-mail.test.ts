// What goes out at each stage, through the built bundle: findings only to verified units, the
// others listed as not ready with their reason (not counted, not logged), the explicit choice
// that also sends submitted units a provisional result (checked in the parsed .eml), the refusal
// while Pengaturan putaran or batas_waktu is empty, a unit without Email PIC end to end, the
// reminder to units that have not submitted once the round's deadline has passed, and a new
// round putting every unit back at its start with the closed statuses kept in Riwayat.
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { ensureBuilt } from '../helpers/build';
import {
  ADMIN,
  NOW,
  fillColumn,
  generated,
  ledger,
  ok,
  outbox,
  reopen,
  runUntilDone,
  setStatus,
  setting,
  sheet,
  statusCell,
  tempOutbox,
  unitSheet,
  values,
} from './mail-helpers';

beforeAll(() => ensureBuilt());

type Note = { kode: string; reason: string };

/** The PIC's answers (Tidak on the first two indicators, Ya elsewhere), typed by the admin. */
const answer = (rt: LocalRuntime, code: string) => fillColumn(rt, code, 'Jawaban Mandiri', (i) => (i < 2 ? 'Tidak' : 'Ya'));
const submit = (rt: LocalRuntime, code: string) => setStatus(rt, code, 'Status Pengisian', 'Diajukan');
const verify = (rt: LocalRuntime, code: string) => setStatus(rt, code, 'Status Verifikasi', 'Terverifikasi');

/** One unit at each stage before the findings go out: BELUM (nothing), DIISI (Draf), DIAJUKAN, VERIF. */
async function atEveryStage(box: string): Promise<LocalRuntime> {
  const rt = await generated([{ code: 'BELUM' }, { code: 'DIISI' }, { code: 'DIAJUKAN' }, { code: 'VERIF' }], { outbox: box });
  for (const code of ['DIISI', 'DIAJUKAN', 'VERIF']) answer(rt, code);
  submit(rt, 'DIAJUKAN');
  submit(rt, 'VERIF');
  verify(rt, 'VERIF');
  return rt;
}

const codesOf = (notes: unknown) => (notes as Note[]).map((n) => n.kode);
const reasonOf = (notes: unknown, code: string) => (notes as Note[]).find((n) => n.kode === code)?.reason ?? '';

describe('findings go only to verified units', () => {
  test('the others are listed as not ready with their reason in the preview and the result, never counted, sent or logged', async () => {
    const box = tempOutbox();
    const rt = await atEveryStage(box);
    const preview = ok(rt.run('previewFindings', {}));
    expect(preview).toMatchObject({ messages: 1, skipped: 0, failed: 0 });
    expect(codesOf(preview.notReady)).toEqual(['BELUM', 'DIISI', 'DIAJUKAN']);
    expect(reasonOf(preview.notReady, 'BELUM')).toMatch(/belum mulai/i);
    expect(reasonOf(preview.notReady, 'DIISI')).toMatch(/Draf/);
    expect(reasonOf(preview.notReady, 'DIAJUKAN')).toMatch(/belum diverifikasi/i);
    expect((preview.results as { kode: string }[]).map((r) => r.kode)).toEqual(['VERIF']);

    const dry = ok(rt.run('sendFindingsBatch', { dryRun: true }));
    expect(dry).toMatchObject({ sent: 1, skipped: 0, failed: 0 });
    expect(codesOf(dry.notReady)).toEqual(['BELUM', 'DIISI', 'DIAJUKAN']);
    expect(ledger(rt.workbook)).toEqual([]);

    const [sent] = runUntilDone(rt, 'sendFindingsBatch');
    expect(sent).toMatchObject({ ok: true, sent: 1, skipped: 0, failed: 0, queued: 0 });
    expect(codesOf(sent.notReady)).toEqual(['BELUM', 'DIISI', 'DIAJUKAN']);
    expect(String(sent.message)).toMatch(/3 unit tidak dikirimi/);
    expect(ledger(rt.workbook).map((r) => [r['Kode Unit'], r.Status])).toEqual([['VERIF', 'TERKIRIM']]);
    const mails = await outbox(box);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['pic.verif@pemkab.go.id']);
    // Above all, the unit nobody answered gets no "tanpa temuan" acknowledgement.
    expect(mails.some((m) => /tanpa temuan/.test(m.mail.subject ?? ''))).toBe(false);
    expect(mails[0].mail.subject).not.toMatch(/SEMENTARA/);
  });

  test('the explicit choice also sends the submitted unit, its subject and body saying the result is provisional; Belum mulai and Diisi still get nothing', async () => {
    const box = tempOutbox();
    const rt = await atEveryStage(box);
    const preview = ok(rt.run('previewFindings', { includeUnverified: true }));
    expect(preview.messages).toBe(2);
    expect(codesOf(preview.notReady)).toEqual(['BELUM', 'DIISI']);
    const [sent] = runUntilDone(rt, 'sendFindingsBatch', { includeUnverified: true });
    expect(sent).toMatchObject({ ok: true, sent: 2, failed: 0 });
    const mails = await outbox(box);
    const byUnit = new Map(mails.map((m) => [m.to[0], m.mail]));
    const provisional = byUnit.get('pic.diajukan@pemkab.go.id');
    expect(provisional?.subject).toMatch(/^\[SEMENTARA, BELUM DIVERIFIKASI\] Temuan /);
    expect(provisional?.text).toMatch(/hasil ini SEMENTARA dan BELUM DIVERIFIKASI/);
    expect(provisional?.html).toMatch(/hasil ini SEMENTARA dan BELUM DIVERIFIKASI/);
    const verified = byUnit.get('pic.verif@pemkab.go.id');
    expect(verified?.subject).not.toMatch(/SEMENTARA/);
    expect(verified?.text).not.toMatch(/SEMENTARA/);
    expect([...byUnit.keys()].sort()).toEqual(['pic.diajukan@pemkab.go.id', 'pic.verif@pemkab.go.id']);

    // Verified later: the final result differs from the provisional one, so it goes out too.
    verify(rt, 'DIAJUKAN');
    const [after] = runUntilDone(rt, 'sendFindingsBatch');
    expect(after).toMatchObject({ sent: 1, skipped: 1 });
    const last = (await outbox(box)).filter((m) => m.to[0] === 'pic.diajukan@pemkab.go.id').pop();
    expect(last?.mail.subject).toMatch(/^Temuan /);
  });
});

describe('sending refuses while the round has no label or no deadline', () => {
  for (const key of ['putaran', 'batas_waktu']) {
    test(`an empty ${key}: refused naming the key and where to fill it, nothing sent or logged`, async () => {
      const box = tempOutbox();
      const rt = await atEveryStage(box);
      setting(rt, key, '');
      for (const fn of ['previewFindings', 'sendFindingsBatch']) {
        const r = rt.run(fn, {}) as { ok: boolean; error?: string };
        expect(r.ok).toBe(false);
        expect(r.error).toContain(`Pengaturan ${key} masih kosong`);
        expect(r.error).toMatch(/tab Pengaturan, kolom Nilai/);
      }
      expect(ledger(rt.workbook)).toEqual([]);
      expect(await outbox(box)).toEqual([]);
    });
  }

  test('a new workbook starts with a round label', async () => {
    const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
    ok(rt.run('setupWorkbook', { profile: 'ombudsman-2021' }));
    expect(values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'putaran')?.[1]).toBe(`Putaran 1 ${NOW.getUTCFullYear()}`);
  });
});

describe('a unit without an email address', () => {
  test('gets its tab, its Status says it will not be emailed and why, and a send leaves it out as not ready, not as a failure', async () => {
    const box = tempOutbox();
    const rt = await generated([{ code: 'DESA', picEmails: '' }, { code: 'SALAH', picEmails: 'bukan-alamat' }, { code: 'OPD' }], { outbox: box });
    const unit = values(sheet(rt.workbook, 'Unit'));
    const status = (code: string) => String(unit.find((r) => r[0] === code)?.[unit[0].indexOf('Status')]);
    expect(status('DESA')).toMatch(/^OK — Email PIC kosong: .*tidak akan dikirimi email/);
    // An invalid address still makes the row invalid.
    expect(status('SALAH')).toMatch(/Email PIC tidak sah/);
    expect(unitSheet(rt.workbook, 'DESA').title).toMatch(/^DESA /);
    expect(() => unitSheet(rt.workbook, 'SALAH')).toThrow();

    for (const code of ['DESA', 'OPD']) {
      answer(rt, code);
      submit(rt, code);
      verify(rt, code);
    }
    const [sent] = runUntilDone(rt, 'sendFindingsBatch');
    expect(sent).toMatchObject({ ok: true, sent: 1 });
    expect(reasonOf(sent.notReady, 'DESA')).toMatch(/Email PIC kosong/);
    expect(codesOf(sent.notReady)).toEqual(['DESA']);
    expect(ledger(rt.workbook).map((r) => r['Kode Unit'])).not.toContain('DESA');
    // The invalid row fails as before (its findings cannot be known without a tab).
    expect((sent.results as { kode: string; status: string }[]).find((r) => r.kode === 'SALAH')?.status).toBe('GAGAL');
  });
});

describe('reminders to units that have not submitted', () => {
  test('once the round deadline has passed, Belum mulai and Diisi units get a reminder of their own; before it, none', async () => {
    const box = tempOutbox();
    const rt = await atEveryStage(box);
    setting(rt, 'batas_waktu', '2025-03-10');
    // Before the deadline: nobody is reminded to submit, and no finding is overdue.
    const before = runUntilDone(rt, 'sendRemindersBatch');
    expect(before[0]).toMatchObject({ ok: true, sent: 0 });
    const later = await reopen(rt.workbook, { now: new Date('2025-03-12T02:00:00Z'), outbox: box });
    const [sent] = runUntilDone(later, 'sendRemindersBatch');
    expect(sent).toMatchObject({ ok: true, failed: 0 });
    const mails = await outbox(box);
    const subjectOf = (code: string) => mails.find((m) => m.to[0] === `pic.${code.toLowerCase()}@pemkab.go.id`)?.mail;
    for (const code of ['BELUM', 'DIISI']) {
      expect(subjectOf(code)?.subject).toMatch(/^Pengingat: penilaian mandiri Dinas .* belum diajukan/);
      expect(subjectOf(code)?.text).toMatch(/ubah Status Pengisian \(di bagian atas tab\) menjadi Diajukan/);
    }
    expect(subjectOf('BELUM')?.text).toMatch(/Belum ada Jawaban Mandiri/);
    expect(subjectOf('DIISI')?.text).toMatch(/Status Pengisian masih Draf/);
    // The verified unit's findings are overdue now: its reminder is the one it always had.
    expect(subjectOf('VERIF')?.subject).toMatch(/temuan melewati batas waktu/);
    expect(ledger(later.workbook).filter((r) => r.Status === 'TERKIRIM').map((r) => r.Putaran)).toEqual(Array(sent.sent as number).fill('2025 Pendampingan — pengingat'));
  });
});

describe('a new round', () => {
  test('puts every unit back at Draf / Belum diverifikasi; Riwayat keeps the closed statuses and stage, and undo puts them back', async () => {
    const box = tempOutbox();
    const rt = await atEveryStage(box);
    runUntilDone(rt, 'sendFindingsBatch');
    ok(rt.run('startNewRound', { name: '2025 Penilaian Ulang', deadline: '2025-09-30' }));
    const statusOf = (code: string, label: 'Status Pengisian' | 'Status Verifikasi') => {
      const at = statusCell(rt, code, label);
      const v = values(sheet(rt.workbook, at.tab));
      const row = Number(at.a1.slice(1)) - 1;
      return v[row][at.a1.charCodeAt(0) - 65];
    };
    for (const code of ['BELUM', 'DIISI', 'DIAJUKAN', 'VERIF']) {
      expect(statusOf(code, 'Status Pengisian')).toBe('Draf');
      expect(statusOf(code, 'Status Verifikasi')).toBe('Belum diverifikasi');
    }
    const [header, ...rows] = values(sheet(rt.workbook, 'Riwayat'));
    expect(header).toEqual(expect.arrayContaining(['Status Pengisian', 'Status Verifikasi', 'Tahap']));
    const closed = new Map(rows.map((r) => [r[1], [r[header.indexOf('Status Pengisian')], r[header.indexOf('Status Verifikasi')], r[header.indexOf('Tahap')]]]));
    expect(Object.fromEntries(closed)).toEqual({
      BELUM: ['Draf', 'Belum diverifikasi', 'Belum mulai'],
      DIISI: ['Draf', 'Belum diverifikasi', 'Diisi'],
      DIAJUKAN: ['Diajukan', 'Belum diverifikasi', 'Diajukan'],
      VERIF: ['Diajukan', 'Terverifikasi', 'Temuan terkirim'],
    });
    // Rekap follows: every unit is at Belum mulai.
    ok(rt.run('refreshRecap'));
    const rekap = values(sheet(rt.workbook, 'Rekap'));
    expect(rekap.slice(1, 5).map((r) => r[rekap[0].indexOf('Tahap')])).toEqual(Array(4).fill('Belum mulai'));

    ok(rt.run('undoRound'));
    expect(statusOf('VERIF', 'Status Verifikasi')).toBe('Terverifikasi');
    expect(statusOf('DIAJUKAN', 'Status Pengisian')).toBe('Diajukan');
    expect(statusOf('DIISI', 'Status Pengisian')).toBe('Draf');
  });
});
