// What went wrong with a workbook file itself, in the user's words: a file that is not a
// workbook or is damaged, a save that could not complete, a journal that cannot be replayed, a
// busy or unusable lock file, and the notice when a lock whose holder is gone was taken over.
import { JournalConflictError } from '../local/journal';
import { LockFileError, SaveError, WorkbookBusyError, type LockFileOwner } from '../local/workbook-file';
import { CellTooLongError, META_VERSION, WorkbookFileError, XLSX_MAX_CELL_TEXT, type WorkbookFileProblem } from '../local/xlsx';
import { msg, type CliMessageKey, type Lang } from './messages';
import { CliError } from './result';

const SECOND = 1000;
const AGES: [CliMessageKey, number][] = [
  ['age.days', 86_400 * SECOND],
  ['age.hours', 3600 * SECOND],
  ['age.minutes', 60 * SECOND],
  ['age.seconds', SECOND],
];

/** How long ago `since` (ISO time) was, in words. */
function ageText(lang: Lang, since: string): string {
  const ms = Math.max(0, Date.now() - Date.parse(since));
  const [key, unit] = AGES.find(([, u]) => ms >= u) ?? AGES[AGES.length - 1];
  return msg(lang, key, { n: Math.floor(ms / unit) });
}

function holderParams(holder: LockFileOwner, lock: string) {
  return { lock, pid: holder.pid, host: holder.host, age: (lang: Lang) => ageText(lang, holder.since) };
}

/** The notice that the lock file `lock`, held by `previous` (now gone), was taken over. */
export function lockTakeoverNotice(lang: Lang, previous: LockFileOwner, lock: string): string {
  return msg(lang, 'notice.lockTakenOver', holderParams(previous, lock));
}

const FILE_PROBLEMS: Record<WorkbookFileProblem, CliMessageKey> = {
  directory: 'error.file.directory',
  unreadable: 'error.readFile',
  empty: 'error.file.empty',
  oldExcel: 'error.file.oldExcel',
  text: 'error.file.text',
  notZip: 'error.file.notZip',
  damaged: 'error.file.damaged',
  notWorkbook: 'error.file.notWorkbook',
  metaDamaged: 'error.file.metaDamaged',
  metaVersion: 'error.file.metaVersion',
};

const SAVE_REASONS: Record<string, CliMessageKey> = {
  ENOSPC: 'reason.diskFull',
  EDQUOT: 'reason.diskFull',
  EFBIG: 'reason.diskFull',
  EACCES: 'reason.noPermission',
  EPERM: 'reason.noPermission',
  EROFS: 'reason.noPermission',
  VERIFY: 'reason.verify',
};

/** The user-facing error for what went wrong with a workbook file itself (in `lang`, once the workbook's is known); undefined for anything else. */
export function fileError(error: unknown, lang?: Lang): CliError | undefined {
  if (error instanceof WorkbookBusyError) {
    const { file, lockFile: lock, holder } = error;
    return holder
      ? new CliError('error.workbookBusy', { file, ...holderParams(holder, lock) }, lang)
      : new CliError('error.workbookBusyUnknown', { file, lock }, lang);
  }
  if (error instanceof LockFileError) return new CliError('error.lockFailed', { lock: error.lockFile, reason: error.reason }, lang);
  if (error instanceof WorkbookFileError) {
    const { file, detail } = error;
    return new CliError(FILE_PROBLEMS[error.problem], { file, reason: detail, version: detail, supported: META_VERSION }, lang);
  }
  if (error instanceof JournalConflictError) {
    return new CliError(error.reason === 'changed' ? 'error.journalChanged' : 'error.journalDamaged', { file: error.file, journal: error.journal }, lang);
  }
  if (error instanceof CellTooLongError) {
    const { file, sheet, cell, length } = error;
    return new CliError('error.cellTooLong', { file, sheet, cell, length, max: XLSX_MAX_CELL_TEXT }, lang);
  }
  if (error instanceof SaveError) {
    const key = SAVE_REASONS[error.code];
    return new CliError('error.saveFailed', { file: error.file, reason: key ? (inLang: Lang) => msg(inLang, key) : error.message }, lang);
  }
  return undefined;
}
