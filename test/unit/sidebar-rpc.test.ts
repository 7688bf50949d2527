import { createClient, MAX_IN_FLIGHT, type ScriptRunner } from '../../sidebar/rpc';

interface Pending {
  name: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

/** A google.script.run that holds every call until the test settles it. */
function heldRunner(pending: Pending[]): () => ScriptRunner {
  const make = (succeed: (v: unknown) => void, fail: (e: unknown) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_t, prop: string) {
        if (prop === 'withSuccessHandler') return (h: (v: unknown) => void) => make(h, fail);
        if (prop === 'withFailureHandler') return (h: (e: unknown) => void) => make(succeed, h);
        if (prop === 'getPanelState' || prop === 'addUnits') return (...args: unknown[]) => pending.push({ name: prop, args, succeed, fail });
        return undefined;
      },
    });
  return () => make(() => undefined, () => undefined);
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test(`at most ${MAX_IN_FLIGHT} calls are in flight; the rest start as earlier ones finish`, async () => {
  const pending: Pending[] = [];
  const call = createClient(heldRunner(pending));
  const results = Array.from({ length: MAX_IN_FLIGHT + 3 }, (_, i) => call('addUnits', `row ${i}`));
  await flush();
  expect(pending).toHaveLength(MAX_IN_FLIGHT);
  pending[0].succeed({ ok: true, n: 0 });
  pending[1].fail(new Error('boom'));
  await flush();
  expect(pending).toHaveLength(MAX_IN_FLIGHT + 2);
  expect(pending[MAX_IN_FLIGHT].args).toEqual([`row ${MAX_IN_FLIGHT}`]);
  await expect(results[0]).resolves.toEqual({ ok: true, n: 0 });
  await expect(results[1]).rejects.toThrow('boom');
  for (const p of pending.slice(2)) p.succeed({ ok: true });
  await flush();
  expect(pending).toHaveLength(MAX_IN_FLIGHT + 3);
  for (const p of pending.slice(MAX_IN_FLIGHT + 2)) p.succeed({ ok: true });
  await expect(Promise.all(results.slice(2))).resolves.toHaveLength(MAX_IN_FLIGHT + 1);
});

test('a name the server does not have rejects instead of hanging, and frees its slot', async () => {
  const pending: Pending[] = [];
  const call = createClient(heldRunner(pending), 1);
  await expect(call('saveSettings', {})).rejects.toThrow('saveSettings is not a server function');
  void call('getPanelState');
  await flush();
  expect(pending.map((p) => p.name)).toEqual(['getPanelState']);
});
