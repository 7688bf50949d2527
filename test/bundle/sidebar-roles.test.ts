// The sidebar per role through the built bundle: getPanelState answers a PIC or an assessor with
// their own units only (the rpc result itself holds no other unit and nothing of the admins), and
// submitUnit / verifyUnit check the role on the server: the wrong person is refused in the
// workbook's language and nothing is written.
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, fillColumn, ok, setting, tempOutbox, unitSheet, unitsCsv, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

const ASSESSOR = 'asesor@ombudsman.go.id';
const UNITS = [
  { code: 'DINKES', name: 'Dinas Kesehatan', assessorEmails: ASSESSOR },
  { code: 'DISHUB', name: 'Dinas Perhubungan', assessorEmails: 'asesor.lain@ombudsman.go.id' },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan', assessorEmails: ASSESSOR },
];
const PIC = 'pic.dinkes@pemkab.go.id';

async function workbook(): Promise<LocalRuntime> {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW, outbox: tempOutbox() });
  ok(rt.run('setupWorkbook', { profile: 'ombudsman-2021' }));
  setting(rt, 'putaran', '2025 Pendampingan');
  setting(rt, 'batas_waktu', '2025-04-30');
  ok(rt.run('addUnits', unitsCsv(UNITS)));
  ok(rt.run('generateUnitTabs'));
  fillColumn(rt, 'DINKES', 'Jawaban Mandiri', () => 'Ya');
  return rt;
}

const as = (rt: LocalRuntime, user: string) => LocalRuntime.open({ workbook: rt.workbook, user, now: NOW, outbox: tempOutbox() });

function statusOf(rt: LocalRuntime, code: string, label: 'Status Pengisian' | 'Status Verifikasi'): unknown {
  const v = values(unitSheet(rt.workbook, code));
  const row = v.findIndex((r) => r.includes(label));
  return v[row][v[row].indexOf(label) + 1];
}

interface OwnState {
  ok: true;
  view: string;
  deadline: string;
  units: { kode: string; role: string; stage: string; done: boolean; actionable: boolean }[];
}

test("a PIC's panel state holds their unit only: no other unit, no admin address, no settings", async () => {
  const rt = await workbook();
  const state = (await as(rt, PIC)).run('getPanelState') as OwnState;
  expect(state.view).toBe('unit');
  expect(state.units.map((u) => [u.kode, u.role, u.stage, u.done, u.actionable])).toEqual([['DINKES', 'pic', 'Diisi', false, true]]);
  expect(state.deadline).toBe('30 April 2025');
  const payload = JSON.stringify(state);
  for (const other of ['DISHUB', 'Perhubungan', 'DUKCAPIL', 'Kependudukan', ADMIN, ASSESSOR, 'settings', 'emailAdmin']) expect(payload).not.toContain(other);

  const assessor = (await as(rt, ASSESSOR)).run('getPanelState') as OwnState;
  expect(assessor.units.map((u) => [u.kode, u.role])).toEqual([
    ['DINKES', 'asesor'],
    ['DUKCAPIL', 'asesor'],
  ]);
  expect(JSON.stringify(assessor)).not.toContain('DISHUB');
  expect(((await as(rt, ADMIN)).run('getPanelState') as { view: string }).view).toBe('admin');
});

test('submitUnit and verifyUnit check the role on the server: the wrong person is refused in words and nothing changes', async () => {
  const rt = await workbook();
  const pic = await as(rt, PIC);

  const notAssessor = pic.run('verifyUnit', 'DINKES') as Result;
  expect(notAssessor).toEqual({ ok: false, error: expect.stringContaining(`Anda (${PIC}) bukan asesor DINKES — Dinas Kesehatan`) });
  const otherUnit = pic.run('submitUnit', 'DISHUB') as Result;
  expect(otherUnit).toEqual({ ok: false, error: expect.stringContaining(`Anda (${PIC}) bukan PIC atau asesor DISHUB — Dinas Perhubungan`) });
  const otherAssessor = (await as(rt, 'asesor.lain@ombudsman.go.id')).run('verifyUnit', 'DINKES') as Result;
  expect(otherAssessor.ok).toBe(false);
  expect(statusOf(rt, 'DINKES', 'Status Verifikasi')).toBe('Belum diverifikasi');
  expect(statusOf(rt, 'DISHUB', 'Status Pengisian')).toBe('Draf');

  expect(ok(pic.run('submitUnit', 'DINKES')).message).toBe('Isian DINKES — Dinas Kesehatan diajukan (Status Pengisian: Diajukan).');
  expect(statusOf(rt, 'DINKES', 'Status Pengisian')).toBe('Diajukan');
  expect(ok((await as(rt, ASSESSOR)).run('verifyUnit', 'dinkes')).message).toContain('Terverifikasi');
  expect(statusOf(rt, 'DINKES', 'Status Verifikasi')).toBe('Terverifikasi');
  const after = (await as(rt, PIC)).run('getPanelState') as OwnState;
  expect(after.units.map((u) => [u.stage, u.done])).toEqual([['Terverifikasi', true]]);
});

test('in English, the refusal is in English', async () => {
  const rt = await workbook();
  setting(rt, 'bahasa', 'en');
  const refused = (await as(rt, PIC)).run('verifyUnit', 'DINKES') as Result;
  expect(refused.error).toContain(`You (${PIC}) are not the assessor of DINKES — Dinas Kesehatan`);
});
