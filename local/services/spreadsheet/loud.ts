// Gaps in the emulation must be loud: calling an Apps Script method the local runtime does not
// implement throws instead of quietly returning undefined.

/** Names shaped like Apps Script methods (a verb first); other probes (then, toJSON, $$typeof …) stay undefined. */
const METHOD_LIKE =
  /^(get|set|insert|delete|remove|add|create|clear|new|is|can|copy|move|show|hide|sort|auto|update|find|with|require|when|as|open|append|protect|merge|break|activate|flush|toast|rename|trim|check|uncheck|expand|collapse|duplicate|group|ungroup|apply|build|reset|refresh|alert|prompt)[A-Z]?/;

export function notImplemented(what: string): Error {
  return new Error(`Not implemented in the local runtime: ${what}`);
}

export function loud<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj) return Reflect.get(obj, prop, receiver);
      if (!METHOD_LIKE.test(prop)) return undefined;
      return () => {
        throw notImplemented(`${typeName}.${prop}`);
      };
    },
  });
}
