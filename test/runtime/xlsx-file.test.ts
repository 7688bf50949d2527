// The workbook file on disk: atomic saves (a crash before the rename leaves the old file intact)
// and the lock file that serialises two processes working on one workbook.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorkbook } from '../../local/model/workbook';
import { WorkbookBusyError, withWorkbook, workbookLockPath } from '../../local/workbook-file';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { PROCESS_TEST_MS, childProgram, finished, startChild, waitForLine } from './services-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const owner = 'sekretariat@example.go.id';

async function workbookWithCounter(file: string, counter: number): Promise<void> {
  const wb = newWorkbook({ owner, spreadsheetId: 'file-test' });
  wb.documentProperties.counter = String(counter);
  wb.sheets[0].rows[0] = [{ value: counter }];
  await saveWorkbook(wb, file);
}

test('a process that dies before the rename leaves the previous file intact', async () => {
  const file = join(dir, 'buku.xlsx');
  await workbookWithCounter(file, 1);
  const program = childProgram(
    dir,
    'crash-save',
    `
    import { atomicWriteFile } from './local/workbook-file';
    import { workbookToXlsx } from './local/xlsx';
    import { newWorkbook } from './local/model/workbook';
    const wb = newWorkbook({ owner: 'x@example.go.id' });
    wb.documentProperties.counter = '2';
    workbookToXlsx(wb).then((data) => atomicWriteFile(process.argv[2], data, { beforeRename: () => process.kill(process.pid, 'SIGKILL') }));
    `,
  );
  const result = await finished(startChild(program, [file]));
  expect(result.signal).toBe('SIGKILL');
  expect((await loadWorkbook(file)).documentProperties.counter).toBe('1');
  // the half-done save is only a temporary file beside it, which the next save does not need
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
  await workbookWithCounter(file, 3);
  expect((await loadWorkbook(file)).documentProperties.counter).toBe('3');
}, PROCESS_TEST_MS);

test('two processes on one workbook are serialised: no update is lost', async () => {
  const file = join(dir, 'bersama.xlsx');
  await workbookWithCounter(file, 0);
  const program = childProgram(
    dir,
    'increment',
    `
    import { withWorkbook } from './local/workbook-file';
    const [file, rounds] = process.argv.slice(2);
    (async () => {
      for (let i = 0; i < Number(rounds); i += 1) {
        await withWorkbook(file, {}, async (wb) => {
          const n = Number(wb.documentProperties.counter);
          await new Promise((r) => setTimeout(r, 5)); // widen the read-modify-write window
          wb.documentProperties.counter = String(n + 1);
          wb.sheets[0].rows[0] = [{ value: n + 1 }];
        });
      }
      console.log('done');
    })();
    `,
  );
  const runs = [startChild(program, [file, '8']), startChild(program, [file, '8'])].map(finished);
  const results = await Promise.all(runs);
  expect(results.map((r) => r.code)).toEqual([0, 0]);
  const wb = await loadWorkbook(file);
  expect(wb.documentProperties.counter).toBe('16');
  expect(wb.sheets[0].rows[0]?.[0]?.value).toBe(16);
  expect(existsSync(workbookLockPath(file))).toBe(false);
}, PROCESS_TEST_MS);

test('a workbook held by a live process is busy; one left locked by a dead process is not', async () => {
  const file = join(dir, 'sibuk.xlsx');
  await workbookWithCounter(file, 0);
  const program = childProgram(
    dir,
    'hold-workbook',
    `
    import { withWorkbook } from './local/workbook-file';
    const [file, mode] = process.argv.slice(2);
    withWorkbook(file, {}, async () => {
      console.log('holding');
      if (mode === 'crash') process.kill(process.pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 3000));
    });
    `,
  );
  const holder = startChild(program, [file, 'hold']);
  const held = finished(holder);
  await waitForLine(holder, 'holding');
  await expect(withWorkbook(file, { lockTimeoutMs: 200 }, () => undefined)).rejects.toBeInstanceOf(WorkbookBusyError);
  holder.kill('SIGTERM');
  await held;

  const crasher = startChild(program, [file, 'crash']);
  await finished(crasher);
  expect(existsSync(workbookLockPath(file))).toBe(true);
  const counter = await withWorkbook(file, { lockTimeoutMs: 2000, readOnly: true }, (wb) => wb.documentProperties.counter);
  expect(counter).toBe('0');
  expect(existsSync(workbookLockPath(file))).toBe(false);
}, PROCESS_TEST_MS);
