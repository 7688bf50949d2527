// PropertiesService: document properties live in the workbook (saved with it); script and
// user properties are separate in-memory stores of the runtime. In a published add-on those
// two are shared by every install, which is why the add-on uses document properties only.
// https://developers.google.com/apps-script/reference/properties/properties
// Limits (9 KB per value, 500 KB per store): https://developers.google.com/apps-script/guides/services/quotas
import type { ServiceContext } from './context';
import { assertAuthorized, recordCall, scriptError } from './script-app';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
export const ARGUMENT_TOO_LARGE_VALUE = 'Argument too large: value';
export const PROPERTY_STORE_QUOTA_EXCEEDED =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const READ = { inCustomFunction: true };

function storeBytes(store: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(store)) total += Buffer.byteLength(key) + Buffer.byteLength(value);
  return total;
}

/** One property store with Apps Script's Properties API over a plain record. */
function propertiesOver(ctx: ServiceContext, store: () => Record<string, string>, storeName: string) {
  const call = (method: string, write: boolean) => {
    assertAuthorized(ctx, `Properties.${method}`, write ? {} : READ);
    recordCall(ctx, 'Properties', method);
  };
  /** Replaces the store by `next` if it stays within the limits, else throws and changes nothing. */
  const commit = (next: Record<string, string>) => {
    for (const value of Object.values(next)) {
      if (Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT_BYTES) throw scriptError(ctx, ARGUMENT_TOO_LARGE_VALUE);
    }
    if (storeBytes(next) > PROPERTY_STORE_LIMIT_BYTES) throw scriptError(ctx, PROPERTY_STORE_QUOTA_EXCEEDED);
    const target = store();
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, next);
  };
  const properties = {
    getProperty(key: string): string | null {
      call('getProperty', false);
      const value = store()[String(key)];
      return value === undefined ? null : value;
    },
    getProperties(): Record<string, string> {
      call('getProperties', false);
      return ctx.realm.Object.assign(new ctx.realm.Object(), store()) as Record<string, string>;
    },
    getKeys(): string[] {
      call('getKeys', false);
      return ctx.realm.Array.from(Object.keys(store()));
    },
    setProperty(key: string, value: unknown) {
      call('setProperty', true);
      commit({ ...store(), [String(key)]: String(value) });
      return properties;
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers = false) {
      call('setProperties', true);
      const next: Record<string, string> = deleteAllOthers ? {} : { ...store() };
      for (const [key, value] of Object.entries(values)) next[key] = String(value);
      commit(next);
      return properties;
    },
    deleteProperty(key: string) {
      call('deleteProperty', true);
      const next = { ...store() };
      delete next[String(key)];
      commit(next);
      return properties;
    },
    deleteAllProperties() {
      call('deleteAllProperties', true);
      commit({});
      return properties;
    },
    toString: () => storeName,
  };
  return properties;
}

export type PropertiesStore = ReturnType<typeof propertiesOver>;

export function createPropertiesService(ctx: ServiceContext) {
  const scriptStore: Record<string, string> = {};
  const userStores = new Map<string, Record<string, string>>();
  const documentProperties = propertiesOver(ctx, () => ctx.workbook.documentProperties, 'Properties');
  const scriptProperties = propertiesOver(ctx, () => scriptStore, 'Properties');
  const userProperties = propertiesOver(
    ctx,
    () => {
      let store = userStores.get(ctx.user);
      if (store === undefined) userStores.set(ctx.user, (store = {}));
      return store;
    },
    'Properties',
  );
  const get = (method: string, store: PropertiesStore) => () => {
    assertAuthorized(ctx, `PropertiesService.${method}`, READ);
    recordCall(ctx, 'PropertiesService', method);
    return store;
  };
  return {
    getDocumentProperties: get('getDocumentProperties', documentProperties),
    getScriptProperties: get('getScriptProperties', scriptProperties),
    getUserProperties: get('getUserProperties', userProperties),
  };
}
