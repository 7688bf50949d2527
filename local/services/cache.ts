// CacheService: in-memory caches of one runtime, expiring by the runtime's clock.
// https://developers.google.com/apps-script/reference/cache/cache
// Limits: key ≤ 250 characters, value ≤ 100 KB, at most 1,000 items, default lifetime
// 600 s, at most 21,600 s (docs/PLATFORM.md; the Cache reference above).
import type { ServiceContext } from './context';
import { assertAuthorized, recordCall, scriptError } from './script-app';

export const CACHE_KEY_LIMIT_CHARS = 250;
export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21_600;
export const ARGUMENT_TOO_LARGE_KEY = 'Argument too large: key';
export const CACHE_ARGUMENT_TOO_LARGE_VALUE = 'Argument too large: value';

interface Entry {
  value: string;
  expiresAt: number;
}

const USE = { inCustomFunction: true };

function cacheOver(ctx: ServiceContext, entries: Map<string, Entry>) {
  const call = (method: string) => {
    assertAuthorized(ctx, `Cache.${method}`, USE);
    recordCall(ctx, 'Cache', method);
  };
  const checkKey = (key: string) => {
    if (key.length > CACHE_KEY_LIMIT_CHARS) throw scriptError(ctx, ARGUMENT_TOO_LARGE_KEY);
  };
  const read = (key: string): string | null => {
    const entry = entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= ctx.now().getTime()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  };
  const write = (key: string, value: string, seconds: number) => {
    checkKey(key);
    if (Buffer.byteLength(value) > CACHE_VALUE_LIMIT_BYTES) throw scriptError(ctx, CACHE_ARGUMENT_TOO_LARGE_VALUE);
    const lifetime = Math.min(Math.max(seconds, 1), CACHE_MAX_SECONDS);
    // Re-inserting keeps the Map in insertion order, so the oldest entry is evicted first.
    entries.delete(key);
    entries.set(key, { value, expiresAt: ctx.now().getTime() + lifetime * 1000 });
    while (entries.size > CACHE_MAX_ITEMS) entries.delete(entries.keys().next().value as string);
  };
  return {
    get(key: string): string | null {
      call('get');
      checkKey(String(key));
      return read(String(key));
    },
    getAll(keys: string[]): Record<string, string> {
      call('getAll');
      const found = new ctx.realm.Object() as Record<string, string>;
      for (const key of keys) {
        checkKey(String(key));
        const value = read(String(key));
        if (value !== null) found[String(key)] = value;
      }
      return found;
    },
    put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
      call('put');
      write(String(key), String(value), expirationInSeconds);
    },
    putAll(values: Record<string, string>, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
      call('putAll');
      for (const [key, value] of Object.entries(values)) write(key, String(value), expirationInSeconds);
    },
    remove(key: string): void {
      call('remove');
      entries.delete(String(key));
    },
    removeAll(keys: string[]): void {
      call('removeAll');
      for (const key of keys) entries.delete(String(key));
    },
  };
}

export function createCacheService(ctx: ServiceContext) {
  const documentEntries = new Map<string, Entry>();
  const scriptEntries = new Map<string, Entry>();
  const userEntries = new Map<string, Map<string, Entry>>();
  const documentCache = cacheOver(ctx, documentEntries);
  const scriptCache = cacheOver(ctx, scriptEntries);
  const get = <T>(method: string, cache: () => T) => (): T => {
    assertAuthorized(ctx, `CacheService.${method}`, USE);
    recordCall(ctx, 'CacheService', method);
    return cache();
  };
  return {
    getDocumentCache: get('getDocumentCache', () => documentCache),
    getScriptCache: get('getScriptCache', () => scriptCache),
    getUserCache: get('getUserCache', () => {
      let entries = userEntries.get(ctx.user);
      if (entries === undefined) userEntries.set(ctx.user, (entries = new Map()));
      return cacheOver(ctx, entries);
    }),
  };
}
