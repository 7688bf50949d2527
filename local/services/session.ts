// Session: who runs the script. The active and effective user are both the runtime's user
// (an add-on runs as the user who clicks). In a custom function the active user's email is
// empty, as Apps Script gives custom functions no identity.
// https://developers.google.com/apps-script/reference/base/session
import type { ServiceContext } from './context';
import { assertAuthorized, recordCall } from './script-app';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export interface SessionOptions {
  /** The manifest's timeZone (appsscript.json). */
  scriptTimeZone: string;
}

export function createSession(ctx: ServiceContext, opts: SessionOptions) {
  const user = (method: string) => {
    assertAuthorized(ctx, `Session.${method}`, { scope: EMAIL_SCOPE, inCustomFunction: true });
    recordCall(ctx, 'Session', method);
    const email = ctx.authMode === 'CUSTOM_FUNCTION' ? '' : ctx.user;
    return { getEmail: () => email, toString: () => email };
  };
  return {
    getActiveUser: () => user('getActiveUser'),
    getEffectiveUser: () => user('getEffectiveUser'),
    getScriptTimeZone: (): string => {
      recordCall(ctx, 'Session', 'getScriptTimeZone');
      return opts.scriptTimeZone;
    },
    /** 'id' for an id_ID spreadsheet: the language part of the locale. */
    getActiveUserLocale: (): string => {
      recordCall(ctx, 'Session', 'getActiveUserLocale');
      return ctx.workbook.locale.split('_')[0];
    },
  };
}
