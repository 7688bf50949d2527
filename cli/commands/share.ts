// `pendamping share`: the menu's "Bagikan akses" — every valid PIC and assessor address of Unit
// becomes an editor of the file; with --dry-run, only whom it would add.
import { msg } from '../messages';
import { withSession } from '../session';
import { messageOf, outcome, workbookPath, type Command } from './common';

export const share: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    const dryRun = options.dryRun === true;
    const shared = session.call('shareAccess', { dryRun });
    const fields = shared.ok ? { added: shared.added, already: shared.already, invalid: shared.invalid, ...(dryRun ? { dryRun: true } : {}) } : {};
    return outcome(session, shared, fields, [messageOf(shared, msg(session.lang, 'result.share'))]);
  });
