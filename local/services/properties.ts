// PropertiesService: the document properties, which live in the workbook (saved with it). Script
// and user properties are not modelled: in a published add-on they are shared by every install,
// which is why the add-on uses document properties only.
// https://developers.google.com/apps-script/reference/properties/properties
// Limits (9 KB per value, 500 KB per store): https://developers.google.com/apps-script/guides/services/quotas
import type { ServiceContext } from './context';
import { loud } from './loud';
import { assertAuthorized, recordCall, scriptError } from './script-app';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
export const ARGUMENT_TOO_LARGE_VALUE = 'Argument too large: value';
export const PROPERTY_STORE_QUOTA_EXCEEDED =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** A custom function may read properties, not write them. */
const READ = { inCustomFunction: true };

function storeBytes(store: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(store)) total += Buffer.byteLength(key) + Buffer.byteLength(value);
  return total;
}

export function createPropertiesService(ctx: ServiceContext) {
  const read = (method: string) => {
    assertAuthorized(ctx, `Properties.${method}`, READ);
    recordCall(ctx, 'Properties', method);
  };
  /**
   * A change is stored when the call returns, as in Apps Script (the Properties reference offers
   * no flush: a value set is there for the next execution): the call is recorded once the store
   * holds it, and a workbook file's journal (local/journal.ts) makes the store durable there, so
   * a process killed right after keeps it.
   */
  const change = (method: string, next: () => Record<string, string>) => {
    assertAuthorized(ctx, `Properties.${method}`, {});
    try {
      commit(next());
    } finally {
      recordCall(ctx, 'Properties', method);
    }
    return properties;
  };
  /** Replaces the store by `next` if it stays within the limits, else throws and changes nothing. */
  const commit = (next: Record<string, string>) => {
    for (const value of Object.values(next)) {
      if (Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT_BYTES) throw scriptError(ctx, ARGUMENT_TOO_LARGE_VALUE);
    }
    if (storeBytes(next) > PROPERTY_STORE_LIMIT_BYTES) throw scriptError(ctx, PROPERTY_STORE_QUOTA_EXCEEDED);
    ctx.workbook.documentProperties = next;
  };
  const properties = loud(
    {
      getProperty(key: string): string | null {
        read('getProperty');
        return ctx.workbook.documentProperties[String(key)] ?? null;
      },
      setProperty(key: string, value: unknown) {
        return change('setProperty', () => ({ ...ctx.workbook.documentProperties, [String(key)]: String(value) }));
      },
      deleteProperty(key: string) {
        return change('deleteProperty', () => {
          const next = { ...ctx.workbook.documentProperties };
          delete next[String(key)];
          return next;
        });
      },
    },
    'Properties',
  );
  return loud(
    {
      getDocumentProperties: () => {
        assertAuthorized(ctx, 'PropertiesService.getDocumentProperties', READ);
        recordCall(ctx, 'PropertiesService', 'getDocumentProperties');
        return properties;
      },
    },
    'PropertiesService',
  );
}
