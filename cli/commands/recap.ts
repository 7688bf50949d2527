// `pendamping recap`: the menu's "Perbarui rekap".
import { msg } from '../messages';
import { withSession } from '../session';
import { messageOf, outcome, workbookPath, type Command } from './common';

export const recap: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    const recapped = session.call('refreshRecap');
    return outcome(session, recapped, {}, [messageOf(recapped, msg(session.lang, 'result.recap'))]);
  });
