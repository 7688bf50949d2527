// `pendamping demo --latihan [--dir DIR] [--peserta N]`: the practice programme of a bimtek day. A
// workbook of its own (never the real programme's), set up by the bundle's own server functions
// as a secretariat would: one unit per participant, each with its own PIC address
// (peserta01@latihan.example …), one assessor for all, the unit tabs generated, and nothing
// answered yet: the participants do that, each acting as their role in the workbench. Its
// emails go as .eml files into the outbox beside it; the reserved .example domain is delivered
// nowhere even if someone sends them for real.
import { join, resolve } from 'node:path';
import type { CliOptions } from './cli/args';
import { outcome, type CommandIo } from './cli/commands/common';
import { setUpWorkbook } from './cli/commands/init';
import { msg } from './cli/messages';
import { CliError, CommandFailed, type BundleResult, type CommandResult } from './cli/result';
import { withSession, type Session } from './cli/session';
import { claimDemoDir, deadlineAfter, fillSettings, OUTBOX, recordOutbox } from './demo';
import { newWorkbook } from './model/workbook';

export const PRACTICE_WORKBOOK = 'pendamping-latihan.xlsx';
export const PRACTICE_DIR = 'latihan';
export const PRACTICE_ADMIN = 'sekretariat@latihan.example';
export const PRACTICE_ASSESSOR = 'asesor@latihan.example';
export const PRACTICE_DEFAULT_PARTICIPANTS = 30;
export const PRACTICE_MAX_PARTICIPANTS = 200;
const PRACTICE_DEADLINE_DAYS = 14;

/** Participant `n` (1-based): its unit code and PIC address, numbered with at least two digits. */
export function participant(n: number, of: number): { kode: string; nama: string; pic: string; email: string } {
  const number = String(n).padStart(Math.max(2, String(of).length), '0');
  return { kode: `P${number}`, nama: `Unit Latihan ${number}`, pic: `Peserta ${number}`, email: `peserta${number}@latihan.example` };
}

/** The practice units as the CSV a secretariat would paste into Unit (header included). */
export function practiceUnits(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const p = participant(i + 1, count);
    return [p.kode, p.nama, 'OPD', p.pic, p.email, PRACTICE_ASSESSOR].join(',');
  });
  return ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor', ...rows].join('\n');
}

function must(result: BundleResult, session: Session): void {
  if (!result.ok) throw new CommandFailed(outcome(session, result));
}

export async function runPractice(options: CliOptions, io: CommandIo): Promise<CommandResult> {
  const count = options.peserta ?? PRACTICE_DEFAULT_PARTICIPANTS;
  if (count < 1 || count > PRACTICE_MAX_PARTICIPANTS) throw new CliError('error.practiceCount', { count, max: PRACTICE_MAX_PARTICIPANTS });
  const dir = resolve(io.cwd, options.dir ?? PRACTICE_DIR);
  claimDemoDir(dir, PRACTICE_WORKBOOK);
  const file = join(dir, PRACTICE_WORKBOOK);
  const outbox = join(dir, OUTBOX);
  const user = options.user ?? PRACTICE_ADMIN;
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const create = () => newWorkbook({ owner: user, title: 'Pendamping latihan' });
  try {
    return await withSession(file, { ...options, user }, { create, creator: user, replace: true, outbox }, (session) => {
      io.progress.update(msg(session.lang, 'progress.demo.setup'), 0, 0);
      must(setUpWorkbook(session, undefined, practiceUnits(count)), session);
      fillSettings(session, {
        nama_kegiatan: msg(session.lang, 'practice.programme'),
        instansi_penilai: msg(session.lang, 'practice.office'),
        putaran: msg(session.lang, 'practice.round'),
        batas_waktu: deadlineAfter(now, PRACTICE_DEADLINE_DAYS),
      });
      io.progress.update(msg(session.lang, 'progress.demo.generate'), 0, 0);
      const generated = session.call('generateUnitTabs');
      must(generated, session);
      const participants = Array.from({ length: count }, (_, i) => participant(i + 1, count).email);
      const lines = [
        msg(session.lang, 'practice.created', { file, count }),
        msg(session.lang, 'practice.people', { admin: user, assessor: PRACTICE_ASSESSOR, first: participants[0], last: participants[count - 1] }),
        msg(session.lang, 'practice.outbox', { dir: outbox }),
        msg(session.lang, 'practice.hint', { file }),
      ];
      return outcome(session, generated, { workbook: file, outbox, admin: user, assessor: PRACTICE_ASSESSOR, participants }, lines);
    });
  } finally {
    recordOutbox(dir);
  }
}
