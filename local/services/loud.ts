// Gaps in the emulation are loud: any Apps Script member the local runtime does not implement
// throws at once, naming it, instead of quietly returning undefined. What is implemented is what
// the built add-on (and the benchmark's reference script) calls; docs/PLATFORM.md lists it.

/** Properties that JavaScript (await, JSON) and test tools probe on any object: these stay undefined. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof']);

export function notImplemented(what: string): Error {
  return new Error(`Not implemented in the local runtime: ${what}`);
}

export function loud<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj || PROBES.has(prop) || prop.startsWith('@@')) return Reflect.get(obj, prop, receiver);
      throw notImplemented(`${typeName}.${prop}`);
    },
  });
}
