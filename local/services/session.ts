// Session: who runs the script. The active and effective user are both the runtime's user
// (an add-on runs as the user who clicks). In a custom function the active user's email is
// empty, as Apps Script gives custom functions no identity.
// https://developers.google.com/apps-script/reference/base/session
import type { ServiceContext } from './context';
import { loud } from './loud';
import { assertAuthorized, recordCall } from './script-app';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export function createSession(ctx: ServiceContext) {
  const user = (method: string) => {
    assertAuthorized(ctx, `Session.${method}`, { scope: EMAIL_SCOPE, inCustomFunction: true });
    recordCall(ctx, 'Session', method);
    const email = ctx.authMode === 'CUSTOM_FUNCTION' ? '' : ctx.user;
    return loud({ getEmail: () => email }, 'User');
  };
  return loud({ getActiveUser: () => user('getActiveUser'), getEffectiveUser: () => user('getEffectiveUser') }, 'Session');
}
