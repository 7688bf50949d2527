// The one client of the server: a promise per google.script.run call, typed from the server's
// exports (src/ui/rpc.ts). Apps Script allows at most 10 calls in flight; more wait in a queue.
import type { ServerArgs, ServerFunctionName, ServerResult } from '../src/ui/rpc';

/** The part of google.script.run the client uses (no published types exist for it). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

export const MAX_IN_FLIGHT = 10;

export type Call = <K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>) => Promise<ServerResult<K>>;

/** Builds the typed `call` over a runner; `runner()` is read per call so a late-injected runner works. */
export function createClient(runner: () => ScriptRunner, maxInFlight = MAX_IN_FLIGHT): Call {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    inFlight -= 1;
    const next = waiting.shift();
    if (next) next();
  };
  const start = (name: string, args: unknown[], resolve: (v: unknown) => void, reject: (e: unknown) => void): void => {
    inFlight += 1;
    const run = runner()
      .withSuccessHandler((value) => {
        release();
        resolve(value);
      })
      .withFailureHandler((error) => {
        release();
        reject(error);
      });
    const fn = run[name];
    if (typeof fn !== 'function') {
      release();
      reject(new Error(`${name} is not a server function`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(run, args);
  };
  return <K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> =>
    new Promise<ServerResult<K>>((resolve, reject) => {
      const go = (): void => start(name, args, resolve as (v: unknown) => void, reject);
      if (inFlight < maxInFlight) go();
      else waiting.push(go);
    });
}
