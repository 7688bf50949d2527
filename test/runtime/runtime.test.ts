// LocalRuntime: the built add-on (dist/Code.js) loaded with gas-local into a context of emulated
// services; executions, AuthMode, the google.script.run boundary, the clock, the 6-minute
// limit and custom functions computed by the formula engine as executions of their own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME } from '../../local/metrics';
import { newWorkbook } from '../../local/model/workbook';
import { LocalRuntime } from '../../local/runtime';
import { CODE_JS, DIST, ensureBuilt } from '../helpers/build';

const owner = 'sekretariat@example.go.id';
let dir: string;

beforeAll(() => ensureBuilt());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-runtime-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny project bundle shaped like dist/Code.js, to drive the runtime into its edge cases. */
function fixtureBundle(): string {
  const code = `
var Pendamping = { CUSTOM_FUNCTIONS: [{ name: 'DOUBLE', resultSize: { rows: 1, columns: 1 } }, { name: 'MAIL_FROM_CELL', resultSize: { rows: 1, columns: 1 } }, { name: 'TABLE', resultSize: { rows: 2, columns: 3 } }] };
var calls = 0;
/** @customfunction */
function DOUBLE(x) { calls += 1; return x * 2; }
/** @customfunction */
function TABLE(n) { return [[n, n + 1, 'x'], [n * 10, true, '']]; }
/** @customfunction */
function MAIL_FROM_CELL() { MailApp.sendEmail('a@example.go.id', 's', 'b'); return 'sent'; }
function customCalls() { return calls; }
function echo(value) { return { value: value, isArray: Array.isArray(value) && value instanceof Array, fn: function () {} }; }
function today() { return { iso: new Date().toISOString(), now: Date.now(), text: Date().slice(0, 15) }; }
function giveDate() { return new Date(); }
function first() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1'); }
function value(range) { return range.getValues()[0][0]; }
/** Rounds of 1,000 one-cell reads (150 s of modeled time each). */
function busy(rounds) {
  var caught = 0;
  var range = first().getRange('A1');
  for (var i = 0; i < rounds; i++) {
    try { for (var j = 0; j < 1000; j++) range.getValues(); } catch (e) { caught += 1; }
  }
  return caught;
}
function writeAndDouble(formula) {
  var sheet = first();
  sheet.getRange('A1').setValue(21);
  sheet.getRange('B1').setValue(formula || '=DOUBLE(A1)');
  return value(sheet.getRange('B1'));
}
function writeTable() {
  var sheet = first();
  sheet.getRange('E1').setValue('=TABLE(7)');
  sheet.getRange('E4').setValue('=SUM(E1:G2)');
  return { table: sheet.getRange('E1:G2').getValues(), sum: value(sheet.getRange('E4')), arrayIsBundles: [] instanceof Array };
}
function writeMany(n) {
  var sheet = first();
  sheet.getRange('B1').setValue('=DOUBLE(SUM(A1:A' + n + '))');
  for (var i = 1; i <= n; i++) sheet.getRange('A' + i).setValue(i);
  return value(sheet.getRange('B1'));
}
function mailFromFormula() {
  var sheet = first();
  sheet.getRange('C1').setValue('=MAIL_FROM_CELL()');
  return String(value(sheet.getRange('C1')));
}
function whoAmI() { return Session.getActiveUser().getEmail(); }
function holdLock() { return LockService.getDocumentLock().tryLock(0); }
function tellUser() { var ui = SpreadsheetApp.getUi(); return String(ui.alert('Selesai', 'Tab unit dibuat.', ui.ButtonSet.OK)); }
`;
  const file = join(dir, 'Code.js');
  writeFileSync(file, code);
  return file;
}

const open = (extra: Partial<Parameters<typeof LocalRuntime.open>[0]> = {}) =>
  LocalRuntime.open({
    workbook: newWorkbook({ owner, spreadsheetId: 'runtime-test' }),
    user: owner,
    now: new Date('2026-03-02T01:00:00Z'),
    lockDir: join(dir, 'locks'),
    ...extra,
  });

describe('the built add-on', () => {
  test('onOpen in AuthMode.NONE builds the add-on menu; it is one simple-trigger execution', async () => {
    const rt = await open();
    rt.runAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.ui.menus[0].addon).toBe(true);
    expect(rt.ui.menus[0].items.map((i) => i.functionName).filter(Boolean)).toContain('showSidebar');
    expect(rt.snapshot()).toMatchObject({ executions: 1 });
  });

  // A published editor add-on builds its menu with Ui.createAddonMenu(), under Extensions and named
  // after the add-on, never a top-level menu: https://developers.google.com/workspace/add-ons/concepts/menus
  test('onInstall and onOpen build only the add-on menu under Extensions, in every AuthMode and with no event', async () => {
    for (const trigger of ['onOpen', 'onInstall']) {
      for (const event of [[{ authMode: 'NONE' }], [{ authMode: 'LIMITED' }], [{ authMode: 'FULL' }], []]) {
        const rt = await open();
        rt.runAs({ authMode: (event[0]?.authMode ?? 'FULL') as 'NONE' | 'LIMITED' | 'FULL' }, trigger, ...event);
        expect([trigger, event, rt.ui.menus.map((m) => ({ title: m.title, addon: m.addon }))]).toEqual([trigger, event, [{ title: 'Pendamping', addon: true }]]);
        const items = rt.ui.menus[0].items.filter((i) => !i.separator);
        expect(items.length).toBeGreaterThan(0);
        expect(items.filter((i) => !i.caption || !i.functionName)).toEqual([]);
      }
    }
  });

  test('showSidebar shows dist/Sidebar.html through HtmlService', async () => {
    const rt = await open();
    rt.run('showSidebar');
    const shown = rt.ui.events.find((e) => e.kind === 'sidebar');
    expect(shown).toBeDefined();
    expect(shown && 'html' in shown ? shown.html : '').toBe(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'));
  });

  test('an unknown function fails as Apps Script says', async () => {
    const rt = await open({ codePath: CODE_JS });
    expect(() => rt.run('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
  });
});

describe('executions', () => {
  // google.script.run: "Legal parameters and return values are JavaScript primitives ... and
  // JavaScript objects and arrays that are composed of primitives ... Dates are not allowed"
  // https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
  test('arguments and results cross the boundary as google.script.run carries them', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    const input = { kode: 'DINKES', skor: [1, 2.5], ok: true, nested: { n: null } };
    const out = rt.run('echo', input) as { value: unknown; isArray: boolean; fn?: unknown };
    expect(out.value).toEqual(input);
    expect(out.value).not.toBe(input);
    expect(out.fn).toBeUndefined();
    expect((rt.run('echo', [1, 2]) as { isArray: boolean }).isArray).toBe(true); // an Array of the script's realm
    expect(() => rt.run('echo', new Date())).toThrow(/a Date cannot cross/);
    expect(() => rt.run('giveDate')).toThrow(/a Date cannot cross/);
  });

  test("the script's clock is the given start plus modeled time", async () => {
    const rt = await open({ codePath: fixtureBundle() });
    const first = rt.run('today') as { iso: string; now: number; text: string };
    // one execution start-up (300 ms) has passed
    expect(first.iso).toBe('2026-03-02T01:00:00.300Z');
    expect(first.now).toBe(Date.parse(first.iso));
    expect(first.text).toBe(new Date(first.now).toString().slice(0, 15));
    expect(rt.now().toISOString()).toBe(first.iso);
    rt.run('today');
    expect(rt.now().toISOString()).toBe('2026-03-02T01:00:00.600Z');
  });

  // "Script runtime: 6 min / execution": https://developers.google.com/apps-script/guides/services/quotas#current_limitations
  test('an execution past 6 modeled minutes fails, even when the script catches the error', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    expect(rt.run('busy', 1)).toBe(0);
    expect(() => rt.run('busy', 3)).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    // the next execution starts with a fresh budget
    expect(rt.run('busy', 1)).toBe(0);
  });

  test('the active user is the runtime user; a lock left held is released when the execution ends', async () => {
    const rt = await open({ codePath: fixtureBundle(), user: 'asesor@example.go.id' });
    expect(rt.run('whoAmI')).toBe('asesor@example.go.id');
    expect(rt.run('holdLock')).toBe(true);
    expect(rt.run('holdLock')).toBe(true);
  });

  test('dialogs are recorded and answered from the Ui recorder', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    rt.ui.answer({ button: 'OK' });
    expect(rt.run('tellUser')).toBe('OK');
    expect(rt.ui.events).toEqual([expect.objectContaining({ kind: 'alert', title: 'Selesai', prompt: 'Tab unit dibuat.' })]);
  });
});

describe('custom functions', () => {
  // "Each time a custom function is used in a spreadsheet, Google Sheets makes a separate call
  // to the Apps Script server": https://developers.google.com/apps-script/guides/sheets/functions#optimization
  test('a custom function computes in the sheet, each evaluation one execution of its own, outside the script\'s figures', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    expect(rt.run('writeAndDouble')).toBe(42);
    const snapshot = rt.snapshot();
    expect(snapshot).toMatchObject({ executions: 2, customFunctionExecutions: 1, customFunctionCells: 1, customFunctionMs: 500, customFunctionRoundTrips: 1 });
    // the script's clock and figures hold its own calls only: the same script with a native formula costs the same
    expect(rt.now().getTime() - Date.parse('2026-03-02T01:00:00Z')).toBe(Math.round(snapshot.modeledMs));
    const native = await open({ codePath: fixtureBundle() });
    expect(native.run('writeAndDouble', '=A1*2')).toBe(42);
    expect(native.snapshot()).toMatchObject({ roundTrips: snapshot.roundTrips, modeledMs: snapshot.modeledMs, customFunctionExecutions: 0 });
    expect(rt.run('customCalls')).toBe(snapshot.customFunctionExecutions);
  });

  // Apps Script "may group operations together for performance" until a read or a flush:
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
  test('writes a script buffers are recalculated once, when it reads', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    expect(rt.run('writeMany', 50)).toBe(2 * ((50 * 51) / 2));
    expect(rt.snapshot()).toMatchObject({ customFunctionExecutions: 1, customFunctionCells: 1 });
  });

  // The bundle's arrays are made in its own vm realm (gas-local), not Node's: the engine still
  // spills them. https://developers.google.com/apps-script/guides/sheets/functions#return_values
  test('a 2-D array returned by a custom function of the bundle realm spills', async () => {
    const rt = await open({ codePath: fixtureBundle() });
    const out = rt.run('writeTable') as { table: unknown[][]; sum: number; arrayIsBundles: boolean };
    expect(out.table).toEqual([[7, 8, 'x'], [70, true, '']]);
    expect(out.sum).toBe(85);
    expect(rt.workbook.sheets[0].rows[1][5]).toMatchObject({ value: true, spilledFrom: { row: 0, column: 4 } });
  });

  test('opening a workbook computes its custom-function cells, each one execution', async () => {
    const workbook = newWorkbook({ owner, spreadsheetId: 'runtime-test' });
    workbook.sheets[0].rows[0] = [{ value: 5 }, { formula: '=DOUBLE(A1)' }];
    const rt = await open({ codePath: fixtureBundle(), workbook });
    expect(workbook.sheets[0].rows[0][1]?.value).toBe(10);
    expect(rt.snapshot()).toMatchObject({ executions: 1, customFunctionExecutions: 1, customFunctionCells: 1, roundTrips: 0, modeledMs: 0 });
  });

  // Custom functions "cannot use services that require authorization" (AuthMode.CUSTOM_FUNCTION):
  // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
  test('a custom function runs in AuthMode.CUSTOM_FUNCTION: an authorised service is refused', async () => {
    const outbox = join(dir, 'outbox');
    const rt = await open({ codePath: fixtureBundle(), outbox });
    expect(rt.run('mailFromFormula')).toBe('#ERROR!');
    expect(rt.sentMail).toEqual([]);
  });
});
