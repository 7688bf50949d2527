// `pendamping init`: a new workbook with the system tabs ("Siapkan buku kerja") as the acting
// user, who becomes its first admin; `--units CSV` appends the units through addUnits.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { newWorkbook } from '../../model/workbook';
import { msg } from '../messages';
import { CliError, CommandFailed, type BundleResult } from '../result';
import { withSession, type Session } from '../session';
import { count, messageOf, outcome, workbookPath, type Command } from './common';

/** The first admin when init is given no --user (a reserved, never-delivered address). */
export const DEFAULT_INIT_USER = 'admin@pendamping.local';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('error.readFile', { file, reason: (error as Error).message });
  }
}

/** "Siapkan buku kerja" as the session's user, then the units appended (addUnits): the first failure, else the last answer. */
export function setUpWorkbook(session: Session, profile: string | undefined, unitsText: string | undefined): BundleResult {
  const setup = session.call('setupWorkbook', profile === undefined ? {} : { profile });
  if (!setup.ok || unitsText === undefined) return setup;
  return session.call('addUnits', unitsText);
}

export const init: Command = (options, io) => {
  const file = workbookPath(options, io);
  if (existsSync(file) && !options.force) throw new CliError('error.fileExists', { file });
  const unitsFile = options.units === undefined ? undefined : resolve(io.cwd, options.units);
  const unitsText = unitsFile === undefined ? undefined : readText(unitsFile);
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
    lines.push(messageOf(result, msg(session.lang, 'result.units', { count: added, file: unitsFile ?? '' })));
    return outcome(session, result, { added }, lines);
  });
};
