// ScriptApp: the AuthMode enum, authorisation info and installable triggers, plus the
// authorisation check every emulated service makes before an authorised call.
// Triggers are recorded in the workbook (WorkbookModel.triggers) so they survive a save.
// https://developers.google.com/apps-script/reference/script/script-app
import { randomUUID } from 'node:crypto';
import type { TriggerRecord } from '../model/types';
import type { AuthModeName, ServiceCall, ServiceContext } from './context';

export const AUTH_MODES: Readonly<Record<AuthModeName, AuthModeName>> = Object.freeze({
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
});

export interface AuthRule {
  /** The OAuth scope Apps Script names in its permission error. */
  scope?: string;
  /** Allowed in a custom function (read-only calls). */
  inCustomFunction?: boolean;
  /** Allowed in AuthMode.NONE (an add-on's onOpen before it is used in the document). */
  inNone?: boolean;
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
  const allowed =
    ctx.authMode === 'FULL' ||
    ctx.authMode === 'LIMITED' ||
    (ctx.authMode === 'CUSTOM_FUNCTION' && rule.inCustomFunction === true) ||
    (ctx.authMode === 'NONE' && rule.inNone === true);
  if (allowed) return;
  const required = rule.scope ? ` Required permissions: ${rule.scope}` : '';
  throw scriptError(ctx, `You do not have permission to call ${what}.${required}`);
}

/** Records one call of `service.method` in the metrics. */
export function recordCall(ctx: ServiceContext, service: string, method: string, extra: Partial<ServiceCall> = {}): void {
  ctx.metrics.record({ service, method, kind: 'other', ...extra });
}

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const TRIGGER_RULE: AuthRule = { scope: SCRIPTAPP_SCOPE };
const HOUR_MS = 3_600_000;

/**
 * Editor add-ons: "Time-driven triggers cannot run more frequently than once per hour" and
 * "each add-on can only have one trigger of each type, per user, per document".
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 */
export const ADDON_TRIGGER_TOO_FREQUENT = 'Add-ons can only create time-based triggers that run at most once per hour.';
export const ADDON_TOO_MANY_TIME_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const ADDON_TOO_MANY_TRIGGERS = 'This add-on has created too many triggers of this type in this document for this Google user account.';

export interface ScriptAppOptions {
  /** The script runs as an editor add-on (Pendamping does): the add-on trigger rules apply. */
  addOn: boolean;
}

export function createScriptApp(ctx: ServiceContext, opts: ScriptAppOptions) {
  const triggers = (): TriggerRecord[] => (ctx.workbook.triggers ??= []);

  const triggerObject = (record: TriggerRecord) => ({
    getHandlerFunction: () => record.handlerFunction,
    getUniqueId: () => record.id,
    getEventType: () => record.eventType,
    getTriggerSource: () => (record.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS'),
    getTriggerSourceId: () => (record.eventType === 'CLOCK' ? null : ctx.workbook.spreadsheetId),
  });
  type Trigger = ReturnType<typeof triggerObject>;

  const install = (record: Omit<TriggerRecord, 'id' | 'user' | 'createdAt'>): Trigger => {
    assertAuthorized(ctx, 'ScriptApp.newTrigger', TRIGGER_RULE);
    recordCall(ctx, 'ScriptApp', 'createTrigger');
    if (opts.addOn) {
      const same = triggers().filter((t) => t.user === ctx.user && t.eventType === record.eventType);
      if (same.length > 0) throw scriptError(ctx, record.eventType === 'CLOCK' ? ADDON_TOO_MANY_TIME_TRIGGERS : ADDON_TOO_MANY_TRIGGERS);
    }
    const full: TriggerRecord = { ...record, id: randomUUID(), user: ctx.user, createdAt: ctx.now().toISOString() };
    triggers().push(full);
    return triggerObject(full);
  };

  const clockBuilder = (handlerFunction: string) => {
    let everyMs: number | undefined;
    let atMs: number | undefined;
    const every = (ms: number) => {
      if (opts.addOn && ms < HOUR_MS) throw scriptError(ctx, ADDON_TRIGGER_TOO_FREQUENT);
      everyMs = ms;
      return builder;
    };
    const builder = {
      everyMinutes: (n: number) => every(n * 60_000),
      everyHours: (n: number) => every(n * HOUR_MS),
      everyDays: (n: number) => every(n * 24 * HOUR_MS),
      everyWeeks: (n: number) => every(n * 7 * 24 * HOUR_MS),
      after: (ms: number) => {
        atMs = ctx.now().getTime() + ms;
        return builder;
      },
      at: (date: Date) => {
        atMs = date.getTime();
        return builder;
      },
      create: (): Trigger => {
        if (everyMs === undefined && atMs === undefined) {
          throw scriptError(ctx, 'A time-based trigger needs a schedule: everyMinutes, everyHours, everyDays, after or at.');
        }
        return install({
          handlerFunction,
          eventType: 'CLOCK',
          ...(everyMs !== undefined ? { everyMs } : {}),
          ...(atMs !== undefined ? { at: new Date(atMs).toISOString() } : {}),
        });
      },
    };
    return builder;
  };

  const spreadsheetBuilder = (handlerFunction: string) => {
    const on = (eventType: TriggerRecord['eventType']) => ({ create: () => install({ handlerFunction, eventType }) });
    return {
      onOpen: () => on('ON_OPEN'),
      onEdit: () => on('ON_EDIT'),
      onChange: () => on('ON_CHANGE'),
      onFormSubmit: () => on('ON_FORM_SUBMIT'),
    };
  };

  return {
    AuthMode: AUTH_MODES,
    AuthorizationStatus: Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' }),
    EventType: Object.freeze({ CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' }),
    TriggerSource: Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' }),
    /** The local runtime holds every scope of the manifest: nothing left to authorise. */
    getAuthorizationInfo: (_authMode: AuthModeName) => {
      recordCall(ctx, 'ScriptApp', 'getAuthorizationInfo');
      return { getAuthorizationStatus: () => 'NOT_REQUIRED', getAuthorizationUrl: () => null };
    },
    newTrigger: (handlerFunction: string) => ({
      timeBased: () => clockBuilder(handlerFunction),
      forSpreadsheet: (_spreadsheet: unknown) => spreadsheetBuilder(handlerFunction),
    }),
    getProjectTriggers: (): Trigger[] => {
      assertAuthorized(ctx, 'ScriptApp.getProjectTriggers', TRIGGER_RULE);
      recordCall(ctx, 'ScriptApp', 'getProjectTriggers');
      return ctx.realm.Array.from(triggers().filter((t) => t.user === ctx.user), triggerObject);
    },
    getUserTriggers: (_document: unknown): Trigger[] => {
      assertAuthorized(ctx, 'ScriptApp.getUserTriggers', TRIGGER_RULE);
      recordCall(ctx, 'ScriptApp', 'getUserTriggers');
      return ctx.realm.Array.from(triggers().filter((t) => t.user === ctx.user), triggerObject);
    },
    deleteTrigger: (trigger: { getUniqueId(): string }) => {
      assertAuthorized(ctx, 'ScriptApp.deleteTrigger', TRIGGER_RULE);
      recordCall(ctx, 'ScriptApp', 'deleteTrigger');
      const id = trigger.getUniqueId();
      ctx.workbook.triggers = triggers().filter((t) => t.id !== id);
    },
  };
}

export type ScriptAppService = ReturnType<typeof createScriptApp>;
