// A workbook file on disk: atomic saves (a temporary file in the same directory, fsync,
// rename) and lock files that serialise every process working on the same workbook. The
// same lock-file primitive backs LockService's document lock (local/services/lock.ts).
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openJournal, saveJournaled } from './journal';
import type { WorkbookModel } from './model/types';
import { loadWorkbook, saveWorkbook, type LoadOptions } from './xlsx';

/** What a lock file holds: who holds it, since when. */
export interface LockFileOwner {
  pid: number;
  host: string;
  since: string; // ISO time
  token: string;
}

const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Tokens of the lock files this process holds (a lock file of this pid without one is stale). */
const heldTokens = new Set<string>();

function readOwner(path: string): LockFileOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockFileOwner;
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

/** A lock left by a process of this machine that is gone, or by an earlier holder in this process that dropped it. */
function isStale(owner: LockFileOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !heldTokens.has(owner.token);
  return !processIsAlive(owner.pid);
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
 * undefined when another holder has it. A stale lock (its process is dead) is cleared first.
 */
export function tryTakeLockFile(path: string): string | undefined {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const token = randomUUID();
    const owner: LockFileOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token };
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(owner));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      heldTokens.add(token);
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
    } else if (isStale(current)) {
      clearStale(path, current);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Releases a lock file taken with `token` (never someone else's). */
export function releaseLockFile(path: string, token: string): void {
  heldTokens.delete(token);
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

/**
 * Writes `data` to `file` atomically: a reader sees the old file or the new one, never a
 * half-written one, whatever happens. `beforeRename` is a fault-injection point for tests.
 */
export function atomicWriteFile(file: string, data: Uint8Array, hooks: { beforeRename?: () => void } = {}): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.();
    renameSync(temp, file);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
  // Make the rename itself durable.
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** The lock file of a workbook file. */
export function workbookLockPath(file: string): string {
  return `${file}.lock`;
}

export class WorkbookBusyError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockFileOwner | undefined,
  ) {
    super(`${basename(file)} is in use by another process${holder ? ` (pid ${holder.pid} since ${holder.since})` : ''}`);
    this.name = 'WorkbookBusyError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits up to `timeoutMs` for the workbook's lock file; returns its release function. */
export async function lockWorkbookFile(file: string, timeoutMs: number): Promise<() => void> {
  const path = workbookLockPath(file);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const token = tryTakeLockFile(path);
    if (token !== undefined) return () => releaseLockFile(path, token);
    if (Date.now() >= deadline) throw new WorkbookBusyError(file, lockFileOwner(path));
    await sleep(25);
  }
}

export interface WithWorkbookOptions extends LoadOptions {
  /** How long to wait for another process to finish with the file (default 120 s). */
  lockTimeoutMs?: number;
  /** Builds the workbook when the file does not exist yet; without it a missing file is an error. */
  create?: () => WorkbookModel;
  /** Do not save after `work` (a command that only reads). */
  readOnly?: boolean;
}

/**
 * Loads `file` under its lock, runs `work` on the model, saves atomically unless read-only or
 * `work` threw, and releases the lock: two processes on one workbook are serialised.
 */
export async function withWorkbook<T>(
  file: string,
  opts: WithWorkbookOptions,
  work: (model: WorkbookModel) => T | Promise<T>,
): Promise<T> {
  const release = await lockWorkbookFile(file, opts.lockTimeoutMs ?? 120_000);
  try {
    let model: WorkbookModel;
    if (existsSync(file)) model = openJournal(file, await loadWorkbook(file, opts));
    else if (opts.create) model = opts.create();
    else throw Object.assign(new Error(`ENOENT: no such file: ${file}`), { code: 'ENOENT' });
    const result = await work(model);
    if (!opts.readOnly) await saveJournaled(model, file, () => saveWorkbook(model, file));
    return result;
  } finally {
    release();
  }
}
