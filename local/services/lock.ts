// LockService: the document lock, really exclusive across the executions of one process and
// across processes, because it is a lock file (O_EXCL) in the runtime's lock directory.
// Waiting is real (the script is synchronous, so it blocks the thread) and is also added to
// the execution's modeled time. Locks still held when an execution ends are released, as
// Apps Script does.
// https://developers.google.com/apps-script/reference/lock/lock
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { releaseLockFile, tryTakeLockFile } from '../workbook-file';
import type { ServiceContext } from './context';
import { loud } from './loud';
import { assertAuthorized, recordCall, scriptError } from './script-app';

/** Longest wait Apps Script accepts for tryLock. */
export const LOCK_MAX_WAIT_MS = 300_000;
const POLL_MS = 20;

const USE = { inCustomFunction: true };

export interface LockServiceOptions {
  /** Directory of the lock files (the workbook's directory for a workbook file). */
  lockDir: string;
  /** Modeled time passes while a lock is awaited. */
  advance(ms: number): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function fileKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

export function createLockService(ctx: ServiceContext, opts: LockServiceOptions) {
  mkdirSync(opts.lockDir, { recursive: true });
  /**
   * Lock objects handed out, by lock file, one map per execution in progress (a custom
   * function recalculated during a script is an execution of its own, with its own locks).
   */
  const frames: Map<string, ReturnType<typeof lockAt>>[] = [new Map()];

  function lockAt(path: string) {
    let token: string | undefined;
    const acquire = (method: string, timeoutMs: number): boolean => {
      assertAuthorized(ctx, `Lock.${method}`, USE);
      recordCall(ctx, 'Lock', method);
      if (!(timeoutMs >= 0 && timeoutMs <= LOCK_MAX_WAIT_MS)) {
        throw scriptError(ctx, `Invalid argument: timeoutInMillis (${timeoutMs})`);
      }
      if (token !== undefined) return true;
      const started = Date.now();
      for (;;) {
        token = tryTakeLockFile(path);
        if (token !== undefined) break;
        const waited = Date.now() - started;
        if (waited >= timeoutMs) break;
        sleepSync(Math.min(POLL_MS, timeoutMs - waited));
      }
      opts.advance(Date.now() - started);
      return token !== undefined;
    };
    const lock = loud(
      {
        tryLock: (timeoutInMillis: number): boolean => acquire('tryLock', timeoutInMillis),
        releaseLock: (): void => {
          recordCall(ctx, 'Lock', 'releaseLock');
          release();
        },
      },
      'Lock',
    );
    const release = () => {
      if (token === undefined) return;
      releaseLockFile(path, token);
      token = undefined;
    };
    return { lock, release };
  }

  return {
    service: loud(
      {
        getDocumentLock: () => {
          assertAuthorized(ctx, 'LockService.getDocumentLock', USE);
          recordCall(ctx, 'LockService', 'getDocumentLock');
          const path = join(opts.lockDir, `document-${fileKey(ctx.workbook.spreadsheetId)}.lock`);
          const locks = frames[frames.length - 1];
          let held = locks.get(path);
          if (held === undefined) locks.set(path, (held = lockAt(path)));
          return held.lock;
        },
      },
      'LockService',
    ),
    startExecution(): void {
      frames.push(new Map());
    },
    /** Called when an execution ends: releases what it still holds. */
    endExecution(): void {
      const locks = frames.length > 1 ? frames.pop() : frames[0];
      for (const lock of locks?.values() ?? []) lock.release();
      locks?.clear();
    },
  };
}

export type LockServiceHandle = ReturnType<typeof createLockService>;
