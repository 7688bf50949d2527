// `pendamping round`: the menu's "Mulai putaran baru" — closes the round and starts the next.
import { msg } from '../messages';
import { withSession } from '../session';
import { messageOf, outcome, workbookPath, type Command } from './common';

export const round: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    const name = options.name ?? '';
    const started = session.call('startNewRound', { name, deadline: options.deadline ?? '' });
    const fields = started.ok ? { closed: started.closed, name: started.name, deadline: started.deadline, units: started.units } : {};
    return outcome(session, started, fields, [messageOf(started, msg(session.lang, 'result.round', { name }))]);
  });
