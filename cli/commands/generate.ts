// `pendamping generate`: the menu's "Buat / perbarui tab unit" (the bundle refreshes Rekap in
// the same batch).
import { msg } from '../messages';
import { withSession } from '../session';
import { count, messageOf, outcome, workbookPath, type Command } from './common';

interface Rejected {
  row: number;
  kode: string;
  reason: string;
}

export const generate: Command = (options, io) =>
  withSession(workbookPath(options, io), options, {}, (session) => {
    const generated = session.call('generateUnitTabs');
    if (!generated.ok) return outcome(session, generated);
    const rejected = (generated.rejected ?? []) as Rejected[];
    const fields = {
      created: generated.created,
      updated: generated.updated,
      rejected,
      orphans: generated.orphans ?? [],
      tabRepairs: generated.tabRepairs ?? [],
      tabProblems: generated.tabProblems ?? [],
    };
    const lines = [
      messageOf(
        generated,
        msg(session.lang, 'result.generate', {
          created: count(generated.created),
          updated: count(generated.updated),
          rejected: rejected.length,
        }),
      ),
      ...rejected.map((r) => msg(session.lang, 'result.rejected', { row: r.row, kode: r.kode, reason: r.reason })),
    ];
    return outcome(session, generated, fields, lines);
  });
