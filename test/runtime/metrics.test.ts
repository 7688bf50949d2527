// The latency model (docs/PLATFORM.md, local/latency.ts) as Metrics charges it.
import { LATENCY } from '../../local/latency';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME, Metrics } from '../../local/metrics';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6);

test('buffered single-cell writes cost no round trip until the next read pays the flush', () => {
  const m = new Metrics();
  m.startExecution();
  for (let i = 0; i < 10; i += 1) m.record({ service: 'Range', method: 'setValue', kind: 'buffered', cells: 1 });
  expect(m.snapshot().roundTrips).toBe(0);
  close(m.snapshot().modeledMs, 300 + 10 * 1);
  m.record({ service: 'Range', method: 'getValues', kind: 'read', cells: 6 });
  // flush 30 + 0.012 × 10, then the read 150 + 0.0085 × 6: two round trips
  expect(m.snapshot().roundTrips).toBe(2);
  close(m.snapshot().modeledMs, 310 + 30 + 0.012 * 10 + 150 + 0.0085 * 6);
  // nothing pending any more: the next read pays only itself
  m.record({ service: 'Range', method: 'getValues', kind: 'read', cells: 1 });
  expect(m.snapshot().roundTrips).toBe(3);
  m.endExecution();
});

test('SpreadsheetApp.flush() and the end of an execution send pending writes; the Sheets API does not', () => {
  const m = new Metrics();
  m.startExecution();
  m.record({ service: 'Range', method: 'setValue', kind: 'buffered' });
  m.record({ service: 'Sheets.Spreadsheets.Values', method: 'batchGet', kind: 'read', cells: 100 });
  close(m.snapshot().modeledMs, 300 + 1 + 300 + 0.0045 * 100);
  m.record({ service: 'SpreadsheetApp', method: 'flush', kind: 'other' });
  expect(m.snapshot().roundTrips).toBe(2);
  m.record({ service: 'Range', method: 'setValue', kind: 'buffered' });
  const before = m.snapshot().modeledMs;
  m.endExecution();
  close(m.snapshot().modeledMs, before + 30 + 0.012);
  expect(m.snapshot().roundTrips).toBe(3);
});

test('each call is charged by its row of the table', () => {
  const m = new Metrics();
  m.startExecution();
  const cost = (call: Parameters<Metrics['record']>[0]) => {
    const before = m.snapshot().modeledMs;
    m.record(call);
    return m.snapshot().modeledMs - before;
  };
  close(cost({ service: 'Spreadsheet', method: 'getSheetByName', kind: 'metadata' }), 150);
  close(cost({ service: 'Spreadsheet', method: 'getSheets', kind: 'metadata' }), 2);
  close(cost({ service: 'Sheet', method: 'getSheetId', kind: 'metadata' }), 2);
  close(cost({ service: 'SpreadsheetApp', method: 'getActiveSpreadsheet', kind: 'metadata' }), 8);
  close(cost({ service: 'Range', method: 'setValues', kind: 'write', cells: 1000 }), 150 + 20);
  close(cost({ service: 'Spreadsheet', method: 'insertSheet', kind: 'structural' }), 300);
  close(cost({ service: 'Range', method: 'protect', kind: 'structural' }), 250);
  close(cost({ service: 'Protection', method: 'addEditors', kind: 'structural' }), 250);
  // base, per request, per KB of request body (0.8 ms: a 10 Mbit/s uplink)
  close(cost({ service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'structural', requests: 12, cells: 1000, bytes: 50_000 }), 300 + 2 * 12 + 0.8 * 50);
  close(cost({ service: 'Sheets.Spreadsheets.Values', method: 'batchUpdate', kind: 'write', cells: 500, bytes: 10_000 }), 300 + 0.022 * 500 + 0.8 * 10);
  close(cost({ service: 'Blob', method: 'getAs', kind: 'other' }), LATENCY.htmlToPdf.ms);
  close(cost({ service: 'Properties', method: 'getProperty', kind: 'other' }), 30);
  close(cost({ service: 'Properties', method: 'setProperty', kind: 'other' }), 62);
  close(cost({ service: 'Lock', method: 'tryLock', kind: 'other' }), 50);
  close(cost({ service: 'MailApp', method: 'sendEmail', kind: 'other' }), 1200);
  close(cost({ service: 'MailApp', method: 'getRemainingDailyQuota', kind: 'other' }), 50);
  close(cost({ service: 'Utilities', method: 'formatDate', kind: 'other' }), 0);
  m.endExecution();
  // a new execution starts cold again
  m.startExecution();
  close(cost({ service: 'Spreadsheet', method: 'getSheets', kind: 'metadata' }), 150);
  m.endExecution();
  expect(m.snapshot().serviceCalls['Spreadsheet.getSheets']).toBe(2);
  expect(m.snapshot().executions).toBe(2);
});

// "Each time a custom function is used in a spreadsheet, Google Sheets makes a separate call to
// the Apps Script server": https://developers.google.com/apps-script/guides/sheets/functions#optimization
test('a custom function cell is one execution with its own 500 ms offset, accounted apart from the scripts', () => {
  const m = new Metrics();
  m.startExecution('customFunction', '1:4:1');
  m.endExecution();
  m.startExecution('customFunction', '1:4:1');
  m.endExecution();
  expect(m.snapshot()).toMatchObject({
    executions: 2,
    customFunctionExecutions: 2,
    // outside any script (opening the workbook, a user's edit) each evaluation is a cell of its own
    customFunctionCells: 2,
    customFunctionMs: 2 * LATENCY.customFunction.ms,
    customFunctionRoundTrips: 2,
    roundTrips: 0,
    modeledMs: 0,
  });
});

test('the body of each call that sends one is listed, in bytes, in call order', () => {
  const m = new Metrics();
  m.startExecution();
  m.record({ service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'write', requests: 3, bytes: 1_500_000 });
  m.record({ service: 'Sheets.Spreadsheets.Values', method: 'batchGet', kind: 'read', cells: 10 });
  m.record({ service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'write', requests: 1, bytes: 200 });
  m.endExecution();
  expect(m.snapshot().requestBytes).toEqual([1_500_000, 200]);
});

test('the modeled time of each script execution is listed; a custom function is not a script execution', () => {
  const m = new Metrics();
  m.startExecution();
  m.record({ service: 'MailApp', method: 'sendEmail', kind: 'other' });
  m.endExecution();
  m.startExecution('customFunction', '1:1:1');
  m.endExecution();
  m.startExecution('simpleTrigger');
  m.endExecution();
  expect(m.snapshot().executionMs).toEqual([300 + 1200, 300]);
});

test("custom functions a script's writes recalculate are not in its round trips, modeled time or 6 minutes", () => {
  const m = new Metrics();
  m.startExecution();
  m.record({ service: 'Sheets.Spreadsheets', method: 'batchUpdate', kind: 'write', requests: 10 });
  // 800 evaluations of 500 ms: 400 s, more than a script may run, spent by executions of their own
  for (let i = 0; i < 800; i += 1) {
    m.startExecution('customFunction', `${i % 30}:4:1`);
    expect(m.endExecution()).toMatchObject({ kind: 'customFunction', timedOut: false, modeledMs: LATENCY.customFunction.ms });
  }
  expect(() => m.record({ service: 'Range', method: 'getValues', kind: 'read', cells: 10 })).not.toThrow();
  expect(m.endExecution()).toMatchObject({ kind: 'script', timedOut: false });
  const snapshot = m.snapshot();
  expect(snapshot).toMatchObject({ roundTrips: 2, executions: 801, customFunctionExecutions: 800, customFunctionCells: 30, customFunctionRoundTrips: 800 });
  close(snapshot.modeledMs, 300 + 300 + 2 * 10 + 150 + 0.0085 * 10);
  close(snapshot.customFunctionMs, 800 * LATENCY.customFunction.ms);
  // the clock is the scripts' time
  close(m.modeledMs, snapshot.modeledMs);
});

test("a custom function does not pay the writes its script buffered; the script's end does", () => {
  const m = new Metrics();
  m.startExecution();
  m.record({ service: 'Range', method: 'setValue', kind: 'buffered' });
  m.startExecution('customFunction', '0:0:0');
  m.endExecution();
  expect(m.snapshot()).toMatchObject({ roundTrips: 0, customFunctionRoundTrips: 1, customFunctionMs: LATENCY.customFunction.ms });
  m.endExecution();
  expect(m.snapshot().roundTrips).toBe(1);
  close(m.snapshot().modeledMs, 300 + 1 + 30 + 0.012);
});

// "Scripts ... stop when they exceed the maximum execution time of 6 minutes":
// https://developers.google.com/apps-script/guides/services/quotas#current_limitations
test('an execution past 6 modeled minutes fails on its next service call, and stays failed', () => {
  const m = new Metrics();
  m.startExecution();
  const write = () => m.record({ service: 'Range', method: 'setValues', kind: 'write', cells: 10_000 }); // 350 ms each
  let calls = 0;
  let failure: unknown;
  try {
    for (;;) {
      write();
      calls += 1;
    }
  } catch (error) {
    failure = error;
  }
  expect((failure as Error).message).toBe(EXCEEDED_MAXIMUM_EXECUTION_TIME);
  expect(calls).toBe(Math.floor((360_000 - 300) / 350) + 1);
  expect(() => write()).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
  expect(m.endExecution()).toMatchObject({ kind: 'script', timedOut: true });
  // the next execution has its own budget
  m.startExecution();
  expect(() => write()).not.toThrow();
  expect(m.endExecution().timedOut).toBe(false);
});

test('a custom function has 30 seconds; time it spends does not count against the script that triggered it', () => {
  const m = new Metrics();
  m.startExecution();
  m.startExecution('customFunction');
  m.advance(29_000);
  expect(() => m.record({ service: 'Properties', method: 'getProperty', kind: 'other' })).not.toThrow();
  m.advance(2_000);
  expect(() => m.record({ service: 'Properties', method: 'getProperty', kind: 'other' })).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
  expect(m.endExecution().timedOut).toBe(true);
  expect(m.endExecution()).toMatchObject({ timedOut: false, modeledMs: 300 });
});
