// `pendamping init`: a new workbook with the system tabs ("Siapkan buku kerja") as the acting
// user, who becomes its first admin; `--units CSV` appends the units through addUnits.
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { newWorkbook } from '../../local/model/workbook';
import { msg } from '../messages';
import { CliError, CommandFailed, type BundleResult, type CommandResult } from '../result';
import { withSession, type Session } from '../session';
import { readTextFile, type TextFile } from '../text-file';
import { UsageError, type CliOptions } from '../args';
import { count, messageOf, outcome, workbookPath, type Command, type CommandIo } from './common';

/** The first admin when init is given no --user (a reserved, never-delivered address). */
export const DEFAULT_INIT_USER = 'admin@pendamping.local';

/** The --units file, read and decoded (see text-file.ts), or undefined without --units. */
function readUnits(options: CliOptions, io: CommandIo): (TextFile & { file: string }) | undefined {
  if (options.units === undefined) return undefined;
  const file = resolve(io.cwd, options.units);
  return { ...readTextFile(file), file };
}

/** "Siapkan buku kerja" as the session's user, then the units appended (addUnits): the first failure, else the last answer. */
export function setUpWorkbook(session: Session, profile: string | undefined, unitsText: string | undefined): BundleResult {
  const setup = session.call('setupWorkbook', profile === undefined ? {} : { profile });
  if (!setup.ok || unitsText === undefined) return setup;
  return session.call('addUnits', unitsText);
}

/**
 * `init --repair`: "Siapkan buku kerja" on an existing workbook, which adds only what is missing
 * (a deleted system tab, a header cell, a Pengaturan key) and overwrites nothing a user typed.
 */
function repair(file: string, options: CliOptions, unitsText: string | undefined): Promise<CommandResult> {
  if (options.force) throw new UsageError('error.conflict', { options: '--repair, --force' }, 'init');
  return withSession(file, options, {}, (session) => {
    const result = setUpWorkbook(session, options.profile, unitsText);
    return outcome(session, result, result.ok ? { created: result.created, added: count(result.added) } : {}, result.ok ? [messageOf(result, '')] : []);
  });
}

export const init: Command = (options, io) => {
  const file = workbookPath(options, io);
  if (options.repair) return repair(file, options, readUnits(options, io)?.text);
  if (existsSync(file) && !options.force) throw new CliError('error.fileExists', { file });
  const unitsRead = readUnits(options, io);
  const unitsFile = unitsRead?.file;
  const unitsText = unitsRead?.text;
  const user = options.user ?? DEFAULT_INIT_USER;
  const title = basename(file, extname(file));
  const create = () => newWorkbook({ owner: user, title });
  return withSession(file, options, { create, creator: user, replace: options.force === true }, (session) => {
    const result = setUpWorkbook(session, options.profile, unitsText);
    // A failed init leaves no file behind (and an old one untouched): fix the cause and run it again.
    if (!result.ok) throw new CommandFailed(outcome(session, result));
    const lines = [msg(session.lang, 'result.init', { file, user })];
    if (unitsText === undefined) return outcome(session, result, {}, lines);
    const added = count(result.added);
    lines.push(
      msg(session.lang, 'result.encoding', { file: unitsFile ?? '', encoding: unitsRead?.encoding ?? '' }),
      messageOf(result, msg(session.lang, 'result.units', { count: added, file: unitsFile ?? '' })),
    );
    return outcome(session, result, { added }, lines);
  });
};
