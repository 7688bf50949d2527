// Each unit's tab flags in the sidebar, through the built bundle: getPanelState reads them in its
// one reading (the merges come with the structure) and gives them to the admins and to that
// unit's PIC and assessor only; a merge stays flagged until "Buat / perbarui tab unit" unmerges it.
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, ok, setting, tempOutbox, unitSheet, unitsCsv, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const ASSESSOR = 'asesor@ombudsman.go.id';
const OTHER_ASSESSOR = 'asesor.lain@ombudsman.go.id';
const PIC = 'pic.dinkes@pemkab.go.id';

interface State {
  view: string;
  units: { kode: string; flags: string[] }[];
}
interface Generated {
  tabRepairs: { message: string }[];
}

const as = (rt: LocalRuntime, user: string) => LocalRuntime.open({ workbook: rt.workbook, user, now: NOW, outbox: tempOutbox() });
const flagsOf = async (rt: LocalRuntime, user: string) =>
  Object.fromEntries(((await as(rt, user)).run('getPanelState') as State).units.map((u) => [u.kode, u.flags] as const));

test("a unit's tab flags (an answer typed outside the dropdown, merged answer cells) reach the admin and that unit's PIC and assessor only, each with its fix; a merge stays flagged until generate unmerges it", async () => {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW, outbox: tempOutbox() });
  ok(rt.run('setupWorkbook', { profile: 'ombudsman-2021' }));
  setting(rt, 'putaran', '2025 Pendampingan');
  ok(
    rt.run(
      'addUnits',
      unitsCsv([
        { code: 'DINKES', name: 'Dinas Kesehatan', assessorEmails: ASSESSOR },
        { code: 'DISHUB', name: 'Dinas Perhubungan', assessorEmails: OTHER_ASSESSOR },
      ]),
    ),
  );
  ok(rt.run('generateUnitTabs'));
  // As Excel leaves the tab: "Yaa" typed where no dropdown stops it, and SP-02's answer merged
  // down over SP-03's (the top-left value kept, the covered cell emptied).
  const sheet = unitSheet(rt.workbook, 'DINKES');
  const v = values(sheet);
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const jm = v[header].indexOf('Jawaban Mandiri');
  const rowOf = (code: string) => v.findIndex((r, i) => i > header && r[0] === code);
  const set = (row: number, value: string | undefined) => {
    const cells = sheet.rows[row] ?? [];
    cells[jm] = { ...cells[jm], value };
    sheet.rows[row] = cells;
  };
  set(rowOf('SP-01'), 'Yaa');
  set(rowOf('SP-02'), 'Ya');
  set(rowOf('SP-03'), undefined);
  sheet.merges.push({ sheetId: sheet.sheetId, startRowIndex: rowOf('SP-02'), endRowIndex: rowOf('SP-03') + 1, startColumnIndex: jm, endColumnIndex: jm + 1 });

  const answer = expect.stringMatching(/baris \d+, kolom Jawaban Mandiri: Jawaban Mandiri "Yaa" bukan pilihan indikator SP-01 .*Pilih jawaban dari daftar/);
  const merged = expect.stringMatching(/kolom Jawaban Mandiri: sel F\d+:F\d+ digabung .*"Buat \/ perbarui tab unit"/);
  expect(await flagsOf(rt, ADMIN)).toEqual({ DINKES: [merged, answer], DISHUB: [] });
  expect(await flagsOf(rt, PIC)).toEqual({ DINKES: [merged, answer] });
  expect(await flagsOf(rt, ASSESSOR)).toEqual({ DINKES: [merged, answer] });
  const other = (await as(rt, OTHER_ASSESSOR)).run('getPanelState');
  expect(await flagsOf(rt, OTHER_ASSESSOR)).toEqual({ DISHUB: [] });
  expect(JSON.stringify(other)).not.toContain('Yaa');

  const generated = rt.run('generateUnitTabs') as Generated;
  expect(generated.tabRepairs.map((r) => r.message)).toEqual([merged]);
  expect(unitSheet(rt.workbook, 'DINKES').merges).toEqual([]);
  expect(values(unitSheet(rt.workbook, 'DINKES'))[rowOf('SP-02')][jm]).toBe('Ya');
  expect(await flagsOf(rt, ADMIN)).toEqual({ DINKES: [answer], DISHUB: [] });
});
