// `pendamping demo --latihan [--dir DIR] [--peserta N]`: the practice programme of a bimtek day, in
// a workbook of its own (never the real programme's), set up by the bundle's own "Buat buku
// latihan" (setupPractice) in a new workbook: one unit per participant, each with its own PIC
// address (peserta01@latihan.example …), one assessor for all, the unit tabs generated and
// nothing answered yet: the participants do that, each acting as their role in the workbench.
// Its emails go as .eml files into the outbox beside it, and nowhere else.
import { join, resolve } from 'node:path';
import type { CliOptions } from './args';
import { outcome, type CommandIo } from './commands/common';
import { msg } from './messages';
import { CommandFailed, type CommandResult } from './result';
import { withSession } from './session';
import { claimDemoDir, OUTBOX, recordOutput } from './demo';
import { newWorkbook } from '../local/model/workbook';

export const PRACTICE_WORKBOOK = 'pendamping-latihan.xlsx';
export const PRACTICE_DIR = 'latihan';
export const PRACTICE_ADMIN = 'sekretariat@latihan.example';

/** What setupPractice answers (src/ui/practice.ts). */
export interface PracticeUnit {
  kode: string;
  email: string;
}

export async function runPractice(options: CliOptions, io: CommandIo): Promise<CommandResult> {
  const dir = resolve(io.cwd, options.dir ?? PRACTICE_DIR);
  claimDemoDir(dir, PRACTICE_WORKBOOK);
  const file = join(dir, PRACTICE_WORKBOOK);
  const outbox = join(dir, OUTBOX);
  const user = options.user ?? PRACTICE_ADMIN;
  const create = () => newWorkbook({ owner: user, title: 'Pendamping latihan' });
  try {
    return await withSession(file, { ...options, user }, { create, creator: user, replace: true, outbox }, (session) => {
      io.progress.update(msg(session.lang, 'progress.demo.setup'), 0, 0);
      const result = session.call('setupPractice', options.peserta === undefined ? {} : { participants: options.peserta });
      // A practice that could not be made leaves no workbook behind.
      if (!result.ok) throw new CommandFailed(outcome(session, result));
      const units = result.units as PracticeUnit[];
      const participants = units.map((u) => u.email);
      const lines = [
        msg(session.lang, 'practice.created', { file, count: units.length }),
        msg(session.lang, 'practice.people', { admin: user, assessor: String(result.assessor), first: participants[0], last: participants[participants.length - 1] }),
        msg(session.lang, 'practice.outbox', { dir: outbox }),
        msg(session.lang, 'practice.hint', { file }),
      ];
      return outcome(session, result, { workbook: file, outbox, admin: user, assessor: result.assessor, participants, units }, lines);
    });
  } finally {
    recordOutput(dir);
  }
}
