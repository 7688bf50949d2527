// "Siapkan buku kerja" and the profiles through the built bundle: the sidebar's setup shows each
// profile in one line with its legal basis, and setting up a workbook again without naming a
// profile repairs it from the profile its Pengaturan names, not from the default.
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { KATEGORI_PEKPPP_2023 } from '../../src/domain/profile-data/pekppp-2023';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, ok, reopen, sheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

test('the setup of a new workbook offers every profile with its one-line summary and legal basis, the default chosen', async () => {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
  const state = rt.run('getPanelState') as { ready: boolean; settings: { profil: string }; profiles: { id: string; name: string; summary: string }[] };
  expect(state.ready).toBe(false);
  expect(state.settings.profil).toBe('opini-2025');
  expect(state.profiles.map((p) => p.id)).toEqual(['opini-2025', 'pekppp-2023', 'opini-2022', 'ombudsman-2021']);
  const summary = new Map(state.profiles.map((p) => [p.id, p.summary]));
  expect(summary.get('opini-2025')).toContain('Peraturan Ombudsman 61/2025');
  expect(summary.get('pekppp-2023')).toContain('PermenPAN-RB 29/2022');
  expect(summary.get('opini-2022')).toContain('UU 25/2009');
  expect(summary.get('ombudsman-2021')).toContain('Peraturan Ombudsman 22/2016');
});

test('set up again without a profile, a pekppp-2023 workbook gets back its own Kategori (Skala 0-5), not the default’s', async () => {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
  ok(rt.run('setupWorkbook', { profile: 'pekppp-2023' }));
  // Someone deleted Kategori; the workbook is opened again.
  const { workbook } = rt;
  workbook.sheets.splice(workbook.sheets.indexOf(sheet(workbook, 'Kategori')), 1);
  const again = await reopen(workbook, { now: NOW });
  ok(again.run('setupWorkbook'));
  expect(values(sheet(again.workbook, 'Kategori')).filter((r) => r[0] !== '').map((r) => r.slice(0, 5).map(String))).toEqual(
    KATEGORI_PEKPPP_2023.map((r) => r.slice(0, 5)),
  );
});
