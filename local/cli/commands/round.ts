// `pendamping round`: the menu's "Mulai putaran baru" — closes the round and starts the next
// (a round with no answer at all only with --force) — or, with --undo, the sidebar's
// "Batalkan putaran".
import { msg } from '../messages';
import { withSession } from '../session';
import { messageOf, outcome, workbookPath, type Command } from './common';

export const round: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    if (options.undo) {
      const undone = session.call('undoRound');
      if (!undone.ok) return outcome(session, undone);
      const fields = { undone: undone.undone, name: undone.name };
      return outcome(session, undone, fields, [messageOf(undone, msg(session.lang, 'result.roundUndone', { name: String(undone.name) }))]);
    }
    const name = options.name ?? '';
    const started = session.call('startNewRound', { name, deadline: options.deadline ?? '', force: options.force === true });
    const fields = started.ok ? { closed: started.closed, name: started.name, deadline: started.deadline, units: started.units } : {};
    const hint = !started.ok && 'emptyRound' in started ? [msg(session.lang, 'hint.roundForce')] : [];
    return outcome(session, started, fields, [messageOf(started, msg(session.lang, 'result.round', { name })), ...hint]);
  });
