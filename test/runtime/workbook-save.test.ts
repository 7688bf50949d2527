// Saving a workbook never destroys the one on disk: a save that cannot write every byte (disk
// full, the file-size limit), or whose new file does not read back as written, leaves the old
// file byte-identical and no temporary file behind. The lock file names its holder, and a lock
// whose holder is gone is taken over, and says whose it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorkbook } from '../../local/model/workbook';
import type { WorkbookModel } from '../../local/model/types';
import { LOCK_LEASE_MS, SaveError, WorkbookBusyError, atomicWriteFile, withWorkbook, workbookLockPath, type LockFileOwner } from '../../local/workbook-file';
import { loadWorkbook, saveWorkbook, workbookToXlsx } from '../../local/xlsx';
import { ROOT } from '../helpers/build';
import { PROCESS_TEST_MS, childProgram } from './services-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const owner = 'sekretariat@example.go.id';

/** A workbook of about `cells` text cells (the file grows with them). */
function workbookOf(cells: number, mark: string): WorkbookModel {
  const wb = newWorkbook({ owner, spreadsheetId: 'save-test' });
  wb.documentProperties.mark = mark;
  for (let i = 0; i < cells; i += 1) (wb.sheets[0].rows[Math.floor(i / 10)] ??= [])[i % 10] = { value: `${mark} ${i} ${(i * 7919).toString(36)}` };
  return wb;
}

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));

test('a save past the file-size limit (ulimit -f) fails with EFBIG and leaves the old file byte-identical', async () => {
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(workbookOf(50, 'lama'), file);
  const before = readFileSync(file);
  const program = childProgram(
    dir,
    'big-save',
    `
    import { saveWorkbook } from './local/xlsx';
    import { newWorkbook } from './local/model/workbook';
    const wb = newWorkbook({ owner: 'x@example.go.id' });
    for (let i = 0; i < 40000; i += 1) (wb.sheets[0].rows[Math.floor(i / 10)] ??= [])[i % 10] = { value: 'baru ' + i + ' ' + (i * 7919).toString(36) };
    saveWorkbook(wb, process.argv[2]).then(
      () => console.log('saved'),
      (error) => { console.log(JSON.stringify({ name: error.name, code: error.code })); process.exitCode = 1; },
    );
    `,
  );
  // A limit above the old file and far below the new one. SIGXFSZ is ignored, as Node does, so the write gets EFBIG.
  const limitKb = Math.ceil(before.length / 1024) + 8;
  const run = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f ${limitKb}; exec "$0" "$@"`, process.execPath, program, file], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(JSON.parse(run.stdout.trim())).toEqual({ name: 'SaveError', code: 'EFBIG' });
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(leftovers()).toEqual([]);
  expect((await loadWorkbook(file)).documentProperties.mark).toBe('lama');
}, PROCESS_TEST_MS);

test('a new file that does not read back as written is never renamed over the old one (injected failure)', async () => {
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(workbookOf(20, 'lama'), file);
  const before = readFileSync(file);
  const data = await workbookToXlsx(workbookOf(200, 'baru'));
  // As a file system that loses the end of a write without saying so.
  const cut = (temp: string) => truncateSync(temp, data.length - 100);
  let error: unknown;
  try {
    atomicWriteFile(file, data, { afterWrite: cut });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SaveError);
  expect(error).toMatchObject({ code: 'VERIFY', file });
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(leftovers()).toEqual([]);
});

test('a failure between verifying and renaming also leaves the old file and no temporary file', async () => {
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(workbookOf(20, 'lama'), file);
  const before = readFileSync(file);
  const data = await workbookToXlsx(workbookOf(20, 'baru'));
  const fail = () => {
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
  expect(() => atomicWriteFile(file, data, { beforeRename: fail })).toThrow(expect.objectContaining({ name: 'SaveError', code: 'ENOSPC' }));
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(leftovers()).toEqual([]);
});

test('a saved workbook keeps the permissions of the file it replaces', async () => {
  const file = join(dir, 'rahasia.xlsx');
  await saveWorkbook(workbookOf(5, 'lama'), file);
  chmodSync(file, 0o600);
  await saveWorkbook(workbookOf(5, 'baru'), file);
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

describe('the workbook lock', () => {
  const writeLock = (file: string, owner: Partial<LockFileOwner>) => {
    const lock = workbookLockPath(file);
    writeFileSync(lock, JSON.stringify({ host: hostname(), since: new Date(Date.now() - 5 * 60_000).toISOString(), token: 'x', ...owner }));
    return lock;
  };
  /** The PID of a process that has ended. */
  const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).trim());

  test('a busy workbook names its lock file and the holder (host, PID, since when)', async () => {
    const file = join(dir, 'sibuk.xlsx');
    await saveWorkbook(workbookOf(5, 'lama'), file);
    const lock = writeLock(file, { pid: process.ppid });
    const busy = withWorkbook(file, { lockTimeoutMs: 100 }, () => undefined);
    await expect(busy).rejects.toBeInstanceOf(WorkbookBusyError);
    await expect(busy).rejects.toMatchObject({ file, lockFile: lock, holder: { pid: process.ppid, host: hostname() } });
  });

  test('a lock whose process is gone is taken over, and the taker hears whose it was', async () => {
    const file = join(dir, 'yatim.xlsx');
    await saveWorkbook(workbookOf(5, 'lama'), file);
    const pid = deadPid();
    writeLock(file, { pid });
    const previous: LockFileOwner[] = [];
    const mark = await withWorkbook(file, { lockTimeoutMs: 100, readOnly: true, onLockTakeover: (o) => previous.push(o) }, (wb) => wb.documentProperties.mark);
    expect(mark).toBe('lama');
    expect(previous).toMatchObject([{ pid, host: hostname() }]);
    expect(existsSync(workbookLockPath(file))).toBe(false);
  });

  test('a lock whose PID now belongs to another process (started later) is taken over', async () => {
    if (!existsSync('/proc/self/stat')) return; // only where the system tells a process's start time
    const file = join(dir, 'pid-ulang.xlsx');
    await saveWorkbook(workbookOf(5, 'lama'), file);
    writeLock(file, { pid: process.ppid, started: '1' });
    const previous: LockFileOwner[] = [];
    await withWorkbook(file, { lockTimeoutMs: 100, readOnly: true, onLockTakeover: (o) => previous.push(o) }, () => undefined);
    expect(previous).toMatchObject([{ pid: process.ppid }]);
  });

  test('a lock held from another host counts until its lease has passed without renewal', async () => {
    const file = join(dir, 'jaringan.xlsx');
    await saveWorkbook(workbookOf(5, 'lama'), file);
    const lock = writeLock(file, { pid: 4242, host: 'komputer-lain', leaseMs: LOCK_LEASE_MS });
    await expect(withWorkbook(file, { lockTimeoutMs: 100, readOnly: true }, () => undefined)).rejects.toBeInstanceOf(WorkbookBusyError);
    const expired = new Date(Date.now() - LOCK_LEASE_MS - 60_000);
    utimesSync(lock, expired, expired);
    const previous: LockFileOwner[] = [];
    await withWorkbook(file, { lockTimeoutMs: 100, readOnly: true, onLockTakeover: (o) => previous.push(o) }, () => undefined);
    expect(previous).toMatchObject([{ host: 'komputer-lain', pid: 4242 }]);
  });
});
