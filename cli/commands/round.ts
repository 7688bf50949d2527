// `pendamping round`: the menu's "Mulai putaran baru" — closes the round and starts the next
// (a round with no answer at all only with --force) — or, with --undo, the sidebar's
// "Batalkan putaran".
import { msg } from '../messages';
import { CliError } from '../result';
import { withSession } from '../session';
import { messageOf, outcome, workbookPath, type Command } from './common';

/** The day of `now` in the workbook's time zone, as 'yyyy-mm-dd'. */
function isoDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const round: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    if (options.undo) {
      const undone = session.call('undoRound');
      if (!undone.ok) return outcome(session, undone);
      const fields = { undone: undone.undone, name: undone.name };
      return outcome(session, undone, fields, [messageOf(undone, msg(session.lang, 'result.roundUndone', { name: String(undone.name) }))]);
    }
    const name = options.name ?? '';
    const deadline = options.deadline ?? '';
    const today = isoDay(session.runtime.now(), session.workbook.timeZone);
    // A deadline already past would make every finding overdue the moment the round starts.
    if (deadline !== '' && deadline < today) throw new CliError('error.deadlinePast', { deadline, today }, session.lang);
    const started = session.call('startNewRound', { name, deadline, force: options.force === true });
    // A refused round prints only its refusal (and the hint that --force overrides an empty round).
    if (!started.ok) return outcome(session, started, {}, 'emptyRound' in started ? [msg(session.lang, 'hint.roundForce')] : []);
    const fields = { closed: started.closed, name: started.name, deadline: started.deadline, units: started.units };
    return outcome(session, started, fields, [messageOf(started, msg(session.lang, 'result.round', { name }))]);
  });
