// One read path (src/sheets/programme.ts): every execution reads the programme once, the
// structure (Spreadsheets.get) and the values (one Values.batchGet), or both in the one
// Spreadsheets.get (recap), counted by the runtime's metrics; a send reads Log Email once more,
// with SpreadsheetApp, for its instants.
import type { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, ok, programme, reopen, tempOutbox, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

/** After the round's deadline (2025-04-30 in mail-helpers' programme): findings are overdue. */
const LATE = new Date('2025-05-02T02:00:00Z');

interface Reads {
  result: Result;
  structure: number;
  values: number;
  /** Whole-tab reads through SpreadsheetApp (Log Email, or Pengaturan for a menu's language). */
  sheetReads: number;
}

/** Runs one server function (one execution) and counts its reads. */
function reads(rt: LocalRuntime, fn: string, ...args: unknown[]): Reads {
  const before = rt.snapshot().serviceCalls;
  const result = rt.run(fn, ...args) as Result;
  const after = rt.snapshot().serviceCalls;
  const calls = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  return {
    result,
    structure: calls('Sheets.Spreadsheets.get'),
    values: calls('Sheets.Spreadsheets.Values.batchGet'),
    sheetReads: calls('Sheet.getDataRange'),
  };
}

const UNITS = [{ code: 'DINKES' }, { code: 'DUKCAPIL' }, { code: 'DINSOS' }];

test('every action reads the structure once and the values in one batchGet', async () => {
  const dir = tempOutbox();
  const setup = await programme(UNITS, { outbox: dir });
  const rt = await reopen(setup.workbook, { outbox: dir, now: LATE });
  const once = { structure: 1, values: 1, sheetReads: 0 };
  const sending = { structure: 1, values: 1, sheetReads: 1 };
  const oneCall = { structure: 1, values: 0, sheetReads: 0 };
  const cases: [string, unknown[], typeof once][] = [
    ['getPanelState', [], once],
    ['refreshRecap', [], oneCall],
    ['generateUnitTabs', [], once],
    ['addUnits', ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC\nDISHUB,Dinas Perhubungan,OPD,Ani,ani@dishub.go.id'], once],
    ['saveSettings', [{ nama_kegiatan: 'Pendampingan 2025' }], once],
    ['overdueUnits', [], once],
    ['previewFindings', [{}], sending],
    ['sendFindingsBatch', [{ dryRun: true }], sending],
    ['sendFindingsBatch', [{}], sending],
    ['sendTestFindings', [], sending],
    ['sendRemindersBatch', [{ dryRun: true }], sending],
    ['setReminderTrigger', [true], once],
    ['startNewRound', [{ name: '2025 Penilaian Ulang', deadline: '2025-09-30' }], once],
    ['undoRound', [], once],
  ];
  const counted = cases.map(([fn, args]) => {
    const r = reads(rt, fn, ...args);
    ok(r.result);
    return { fn, structure: r.structure, values: r.values, sheetReads: r.sheetReads };
  });
  expect(counted).toEqual(cases.map(([fn, , expected]) => ({ fn, ...expected })));
});

test('the hourly reminder run reads the programme once for its checks and its batch', async () => {
  const dir = tempOutbox();
  const setup = await programme(UNITS, { outbox: dir });
  ok(setup.run('setReminderTrigger', true));
  const [trigger] = setup.workbook.triggers ?? [];
  const hour = await reopen(setup.workbook, { outbox: dir, now: LATE });
  const r = reads(hour, 'remindOverdueUnits', { authMode: 'FULL', triggerUid: trigger.id });
  expect(r.result).toMatchObject({ ok: true, sent: 3 });
  expect([r.structure, r.values, r.sheetReads]).toEqual([1, 1, 1]);
});

test("a menu's alert speaks the language of what its action read, without reading Pengaturan again", async () => {
  const setup = await programme(UNITS, { outbox: tempOutbox() });
  setup.ui.answers.push({ button: 'OK' });
  const r = reads(setup, 'menuRecap');
  expect(setup.ui.events[setup.ui.events.length - 1]).toMatchObject({ kind: 'alert', title: 'Perbarui rekap', prompt: 'Rekap diperbarui: 3 unit.' });
  expect([r.structure, r.values, r.sheetReads]).toEqual([1, 0, 0]);
});

test('recap costs three round trips: the lock, one read of the structure with the values, its write', async () => {
  const setup = await programme(UNITS, { outbox: tempOutbox() });
  const before = setup.snapshot();
  ok(setup.run('refreshRecap'));
  const after = setup.snapshot();
  const calls = Object.fromEntries(Object.entries(after.serviceCalls).flatMap(([key, n]) => (n !== (before.serviceCalls[key] ?? 0) ? [[key, n - (before.serviceCalls[key] ?? 0)]] : [])));
  expect(after.roundTrips - before.roundTrips).toBe(3);
  expect(calls).toMatchObject({ 'Lock.tryLock': 1, 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.batchUpdate': 1 });
  expect(calls['Lock.releaseLock']).toBeUndefined();
  // The lock went with the execution: the next action takes it at once.
  ok(setup.run('refreshRecap'));
});

test('the panel of a workbook never set up costs the structure read only', async () => {
  const dir = tempOutbox();
  const setup = await programme(UNITS, { outbox: dir });
  const fresh = await reopen({ ...setup.workbook, sheets: setup.workbook.sheets.filter((s) => s.title !== 'Unit') }, { outbox: dir });
  const r = reads(fresh, 'getPanelState');
  expect(r.result).toMatchObject({ ok: true, ready: false, user: ADMIN });
  expect([r.structure, r.values]).toEqual([1, 0]);
});
