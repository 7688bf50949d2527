// A workbook file on disk: verified atomic saves (a temporary file in the same directory,
// every byte written, fsync, read back and compared, then rename), its journal (local/journal.ts)
// and lock files that serialise every process working on the same workbook. The same lock-file
// primitive backs LockService's document lock (local/services/lock.ts).
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openJournal, saveJournaled, syncDirectory, type Journal } from './journal';
import type { WorkbookModel } from './model/types';
import { assertXlsxWorkbook, loadWorkbook, saveWorkbook, type LoadOptions } from './xlsx';

/** What a lock file holds: who holds it, since when, and for how long it counts without renewal. */
export interface LockFileOwner {
  pid: number;
  host: string;
  since: string; // ISO time
  token: string;
  /** The holder process's start time as the system counts it (Linux), to tell a reused PID apart. */
  started?: string;
  /** A holder on another host that has not renewed its lock file (mtime) for this long is gone. */
  leaseMs?: number;
}

/** A lock file not renewed for this long is taken over when its holder runs on another host. */
export const LOCK_LEASE_MS = 10 * 60_000;
const RENEW_EVERY_MS = LOCK_LEASE_MS / 5;
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Lock files this process holds (path → token); a lock file of this pid with another token is stale. */
const held = new Map<string, string>();
let renewal: NodeJS.Timeout | undefined;

/** Keeps the lock files this process holds fresh (their mtime is their lease). */
function renewHeld(): void {
  const now = new Date();
  for (const path of held.keys()) {
    try {
      utimesSync(path, now, now);
    } catch {
      // Gone meanwhile (released, or taken over after this process stalled): nothing to renew.
    }
  }
}

function track(path: string, token: string | undefined): void {
  if (token === undefined) held.delete(path);
  else held.set(path, token);
  if (held.size > 0 && renewal === undefined) renewal = setInterval(renewHeld, RENEW_EVERY_MS).unref();
  if (held.size === 0 && renewal !== undefined) {
    clearInterval(renewal);
    renewal = undefined;
  }
}

/** A process's start time (field 22 of /proc/PID/stat, clock ticks since boot), where the system tells it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

const ownStart = processStart(process.pid);

function readOwner(path: string): LockFileOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockFileOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the holder of a lock file is gone: on this host, its process ended (or its PID now
 * belongs to another process, or it is this process and no longer holds it); on another host,
 * it stopped renewing the lock for longer than the lease.
 */
function holderIsGone(owner: LockFileOwner, path: string): boolean {
  if (owner.host !== hostname()) return (ageMs(path) ?? 0) > (owner.leaseMs ?? LOCK_LEASE_MS);
  if (owner.pid === process.pid) return held.get(path) !== owner.token;
  if (!processIsAlive(owner.pid)) return true;
  const started = processStart(owner.pid);
  return owner.started !== undefined && started !== undefined && started !== owner.started;
}

/**
 * Removes a stale lock file without ever removing a fresh one taken meanwhile by another
 * process: move it aside first, then check it is the stale one seen, else put it back.
 */
function clearStale(path: string, stale: LockFileOwner | undefined): void {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone
  }
  if (readOwner(aside)?.token !== stale?.token) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone took the lock meanwhile: the moved-aside holder lost its file, as with a crash.
    }
  }
  unlinkSync(aside);
}

/**
 * Tries once to take the lock file `path` (created with O_EXCL): returns its token, or
 * undefined when a live holder has it. A lock whose holder is gone is taken over, and
 * `onTakeover` hears whose it was.
 */
export function tryTakeLockFile(path: string, onTakeover?: (previous: LockFileOwner) => void): string | undefined {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const token = randomUUID();
    const owner: LockFileOwner = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token,
      ...(ownStart !== undefined && { started: ownStart }),
      leaseMs: LOCK_LEASE_MS,
    };
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(owner));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      track(path, token);
      return token;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readOwner(path);
    if (current === undefined) {
      // Unreadable: being written right now, or left empty by a crash while it was.
      const age = ageMs(path);
      if (age === undefined) continue; // released meanwhile: try again
      if (age < UNREADABLE_LOCK_GRACE_MS) return undefined;
      clearStale(path, undefined);
    } else if (holderIsGone(current, path)) {
      clearStale(path, current);
      onTakeover?.(current);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Releases a lock file taken with `token` (never someone else's). */
export function releaseLockFile(path: string, token: string): void {
  if (held.get(path) === token) track(path, undefined);
  if (readOwner(path)?.token !== token) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Who holds the lock file now, if anyone. */
export function lockFileOwner(path: string): LockFileOwner | undefined {
  return existsSync(path) ? readOwner(path) : undefined;
}

/** A save that did not happen: the file on disk is still the previous one, untouched. */
export class SaveError extends Error {
  constructor(
    readonly file: string,
    /** The system's error code (ENOSPC, EFBIG, EACCES …), or VERIFY when the bytes read back differ. */
    readonly code: string,
    message: string,
  ) {
    super(`${basename(file)} was not saved: ${message}`);
    this.name = 'SaveError';
  }
}

export interface AtomicWriteHooks {
  /** Fault injection: runs once the temporary file is written and flushed, before it is verified. */
  afterWrite?: (temp: string) => void;
  /** Fault injection: runs once the temporary file is verified, before it replaces `file`. */
  beforeRename?: () => void;
}

/** Writes every byte of `data` (a single write may stop short, e.g. at a file-size limit). */
function writeAll(fd: number, data: Uint8Array): void {
  for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
}

/** Throws unless the file behind `fd` holds exactly `data`. */
function verify(fd: number, data: Uint8Array, file: string): void {
  const size = fstatSync(fd).size;
  const back = Buffer.alloc(data.length);
  let read = 0;
  while (read < data.length) {
    const n = readSync(fd, back, read, data.length - read, read);
    if (n === 0) break;
    read += n;
  }
  if (size !== data.length || read !== data.length || !back.equals(data)) {
    throw new SaveError(file, 'VERIFY', `the new file holds ${size} bytes, not the ${data.length} written`);
  }
}

/**
 * Writes `data` to `file` atomically: the bytes go to a temporary file beside it, which is
 * flushed, read back and compared, and only then renamed over `file`. A reader sees the old
 * file or the new one, never a half-written one; on any failure (disk full, file-size limit,
 * no permission) the old file is untouched, the temporary file removed, and a SaveError thrown.
 * A replaced file keeps its permissions.
 */
export function atomicWriteFile(file: string, data: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = openSync(temp, 'wx+');
    try {
      if (existsSync(file)) fchmodSync(fd, statSync(file).mode & 0o7777);
      writeAll(fd, data);
      fsyncSync(fd);
      hooks.afterWrite?.(temp);
      verify(fd, data, file);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.();
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof SaveError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    throw new SaveError(file, code ?? 'EIO', message);
  }
  // Make the rename itself durable.
  syncDirectory(file);
}

/** The lock file of a workbook file. */
export function workbookLockPath(file: string): string {
  return `${file}.lock`;
}

export class WorkbookBusyError extends Error {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly holder: LockFileOwner | undefined,
  ) {
    super(`${basename(file)} is in use by another process${holder ? ` (pid ${holder.pid} on ${holder.host} since ${holder.since})` : ''}: ${lockFile}`);
    this.name = 'WorkbookBusyError';
  }
}

/** The lock file could not be created at all (no such folder, no permission …). */
export class LockFileError extends Error {
  constructor(
    readonly lockFile: string,
    readonly reason: string,
  ) {
    super(`${lockFile}: ${reason}`);
    this.name = 'LockFileError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits up to `timeoutMs` for the workbook's lock file; returns its release function. A lock
 * whose holder is gone is taken over (`onTakeover` hears whose it was).
 */
export async function lockWorkbookFile(file: string, timeoutMs: number, onTakeover?: (previous: LockFileOwner) => void): Promise<() => void> {
  const path = workbookLockPath(file);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let token: string | undefined;
    try {
      token = tryTakeLockFile(path, onTakeover);
    } catch (error) {
      throw new LockFileError(path, (error as Error).message);
    }
    if (token !== undefined) return () => releaseLockFile(path, token);
    if (Date.now() >= deadline) throw new WorkbookBusyError(file, path, lockFileOwner(path));
    await sleep(25);
  }
}

export interface WithWorkbookOptions<T> extends LoadOptions {
  /** How long to wait for another process to finish with the file (default 120 s). */
  lockTimeoutMs?: number;
  /** Hears of a lock taken over from a holder that is gone. */
  onLockTakeover?: (previous: LockFileOwner) => void;
  /**
   * Builds the workbook instead of loading the file: when the file does not exist yet, or
   * always with `replace` (whose old file must then load as a workbook: nothing else is overwritten).
   * Without it a missing file is an error.
   */
  create?: () => WorkbookModel;
  replace?: boolean;
  /** Whether to save after `work` returned `result` (default: always). */
  save?: (result: T) => boolean;
  /** Never save (a session that only reads). */
  readOnly?: boolean;
}

/**
 * Loads `file` under its lock (with its journal replayed: local/journal.ts), runs `work` on the
 * model, saves atomically when `opts.save` agrees (never when `work` threw) and then drops the
 * journal, and releases the lock: two processes on one workbook are serialised. A command that
 * returns without saving takes its records out of the journal. This is the one place a
 * workbook file is read into a model and the one place it is written back.
 */
export async function withWorkbook<T>(file: string, opts: WithWorkbookOptions<T>, work: (model: WorkbookModel) => T | Promise<T>): Promise<T> {
  const release = await lockWorkbookFile(file, opts.lockTimeoutMs ?? 120_000, opts.onLockTakeover);
  try {
    let model: WorkbookModel;
    let journal: Journal | undefined;
    const exists = existsSync(file);
    if (exists && opts.replace && opts.create) {
      await assertXlsxWorkbook(file);
      model = opts.create();
    } else if (exists) journal = openJournal(file, (model = await loadWorkbook(file, opts)));
    else if (opts.create) model = opts.create();
    else throw Object.assign(new Error(`ENOENT: no such file: ${file}`), { code: 'ENOENT' });
    let result: T;
    try {
      result = await work(model);
    } catch (error) {
      // As after a crash, the journal keeps what the command sent; one it could not write is a save that failed.
      const failure = journal?.failure;
      throw failure ? new SaveError(file, failure.code ?? 'EIO', failure.message) : error;
    }
    if (opts.readOnly || !(opts.save?.(result) ?? true)) {
      journal?.rollback();
      return result;
    }
    await saveJournaled(file, journal, () => saveWorkbook(model, file));
    return result;
  } finally {
    release();
  }
}
