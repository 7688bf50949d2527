// ScriptApp: the add-on's time-driven trigger, plus the authorisation
// check every emulated service makes before an authorised call. Triggers are recorded in the
// workbook (WorkbookModel.triggers) so they survive a save; the runtime does not fire them.
// https://developers.google.com/apps-script/reference/script/script-app
import { randomUUID } from 'node:crypto';
import type { TriggerRecord } from '../model/types';
import type { ServiceCall, ServiceContext } from './context';
import { loud } from './loud';

export interface AuthRule {
  /** The OAuth scope Apps Script names in its permission error. */
  scope?: string;
  /** Allowed in a custom function (read-only calls). */
  inCustomFunction?: boolean;
}

/** An Error of the script's realm, so `e instanceof Error` holds inside the bundle. */
export function scriptError(ctx: ServiceContext, message: string): Error {
  return new ctx.realm.Error(message);
}

/**
 * Throws as Apps Script does when the current execution's AuthMode does not allow `what`.
 * https://developers.google.com/apps-script/reference/script/auth-mode
 * https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
 */
export function assertAuthorized(ctx: ServiceContext, what: string, rule: AuthRule = {}): void {
  const allowed = ctx.authMode === 'FULL' || ctx.authMode === 'LIMITED' || (ctx.authMode === 'CUSTOM_FUNCTION' && rule.inCustomFunction === true);
  if (allowed) return;
  const required = rule.scope ? ` Required permissions: ${rule.scope}` : '';
  throw scriptError(ctx, `You do not have permission to call ${what}.${required}`);
}

/** Records one call of `service.method` in the metrics. */
export function recordCall(ctx: ServiceContext, service: string, method: string, extra: Partial<ServiceCall> = {}): void {
  ctx.metrics.record({ service, method, kind: 'other', ...extra });
}

const TRIGGER_RULE: AuthRule = { scope: 'https://www.googleapis.com/auth/script.scriptapp' };
const HOUR_MS = 3_600_000;

/**
 * Editor add-ons: "each add-on can only have one trigger of each type, per user, per document".
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 */
export const ADDON_TOO_MANY_TIME_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

export function createScriptApp(ctx: ServiceContext) {
  const triggers = (): TriggerRecord[] => (ctx.workbook.triggers ??= []);
  const call = (method: string) => {
    assertAuthorized(ctx, `ScriptApp.${method}`, TRIGGER_RULE);
    recordCall(ctx, 'ScriptApp', method);
  };
  const triggerObject = (record: TriggerRecord) => loud({ getHandlerFunction: () => record.handlerFunction, getUniqueId: () => record.id }, 'Trigger');

  /** newTrigger(handler).timeBased().everyHours(n).create(): hourly at most, as add-ons may. */
  const clockBuilder = (handlerFunction: string) => {
    let everyMs: number | undefined;
    const builder = loud(
      {
        everyHours: (n: number) => {
          everyMs = n * HOUR_MS;
          return builder;
        },
        create: () => {
          call('newTrigger');
          if (everyMs === undefined) throw scriptError(ctx, 'A time-based trigger needs a schedule (everyHours).');
          if (triggers().some((t) => t.user === ctx.user && t.eventType === 'CLOCK')) throw scriptError(ctx, ADDON_TOO_MANY_TIME_TRIGGERS);
          const record: TriggerRecord = { id: randomUUID(), handlerFunction, eventType: 'CLOCK', everyMs, user: ctx.user, createdAt: ctx.now().toISOString() };
          triggers().push(record);
          return triggerObject(record);
        },
      },
      'ClockTriggerBuilder',
    );
    return builder;
  };

  return loud(
    {
      newTrigger: (handlerFunction: string) => loud({ timeBased: () => clockBuilder(handlerFunction) }, 'TriggerBuilder'),
      /** The acting user's triggers of this document. */
      getUserTriggers: (_document: unknown) => {
        call('getUserTriggers');
        return ctx.realm.Array.from(triggers().filter((t) => t.user === ctx.user), triggerObject);
      },
      deleteTrigger: (trigger: { getUniqueId(): string }) => {
        call('deleteTrigger');
        const id = trigger.getUniqueId();
        ctx.workbook.triggers = triggers().filter((t) => t.id !== id);
      },
    },
    'ScriptApp',
  );
}
