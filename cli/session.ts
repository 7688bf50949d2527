// One command's session on a workbook file: the file's lock, the model loaded from .xlsx, the
// local runtime running the bundle as the acting user, and the atomic save at the end (only
// when the command succeeded, or already did what must be kept). The
// acting user defaults to the workbook's first admin, which the bundle itself reads from
// Pengaturan (the sidebar's getPanelState): the CLI never parses settings on its own.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocalRuntime, type RuntimeOptions } from '../local/runtime';
import type { WorkbookModel } from '../local/model/types';
import { withWorkbook, workbookLockPath, type LockFileOwner, type WithWorkbookOptions } from '../local/workbook-file';
import type { CliOptions } from './args';
import { fileError, lockTakeoverNotice } from './file-errors';
import { msg, toLang, type Lang } from './messages';
import type { MetricsSnapshot } from '../local/metrics';
import { CliError, CommandFailed, NO_METRICS, metricsSince, type BundleResult, type CommandResult } from './result';

/** What the CLI needs of getPanelState's answer (src/ui/panel-types.ts). */
interface SettingsSummary {
  lang: string;
  emailAdmin: string[];
}

export interface SessionOptions {
  /** Mail delivery: the outbox directory, or an SMTP URL (email and demo only). */
  outbox?: string;
  smtp?: string;
  /** Builds a new workbook instead of loading the file (init, demo); the file must not exist yet. */
  create?: () => WorkbookModel;
  /** With `create`: replace an existing file (init --force), which must be an .xlsx workbook. */
  replace?: boolean;
  /** The acting user when the workbook is new (it has no admin yet). */
  creator?: string;
  /** Whether the user asked to stop (Ctrl-C): MailApp then refuses the next message (email only). */
  interrupted?: () => boolean;
}

export class Session {
  private readonly baseline: MetricsSnapshot;

  constructor(
    readonly runtime: LocalRuntime,
    readonly workbook: WorkbookModel,
    readonly user: string,
    readonly lang: Lang,
  ) {
    this.baseline = runtime.snapshot();
  }

  /** Runs one server function of the bundle (one execution, as a menu click would). */
  call(fn: string, ...args: unknown[]): BundleResult {
    return this.runtime.run(fn, ...args) as BundleResult;
  }

  /** What the command cost in the latency model, the CLI's own settings read left out. */
  metrics(): MetricsSnapshot {
    return metricsSince(this.baseline, this.runtime.snapshot());
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * --quota N is what is left today; the runtime takes MailApp's daily total, so the recipients
 * the workbook records in the last 24 hours (at the command's clock) are added to N.
 */
function dailyQuota(workbook: WorkbookModel, remaining: number, now: Date): number {
  const since = now.getTime() - DAY_MS;
  const used = workbook.mailQuota.filter((e) => Date.parse(e.at) > since).reduce((sum, e) => sum + e.recipients, 0);
  return used + remaining;
}

function runtimeOptions(workbook: WorkbookModel, options: CliOptions, extra: SessionOptions): Omit<RuntimeOptions, 'workbook' | 'user'> {
  const now = options.now !== undefined ? new Date(options.now) : new Date();
  return {
    ...(options.now !== undefined && { now }),
    ...(options.quota !== undefined && { quota: dailyQuota(workbook, options.quota, now) }),
    ...(options.failMailAfter !== undefined && { failMailAfter: options.failMailAfter }),
    ...(extra.outbox !== undefined && { outbox: extra.outbox }),
    ...(extra.smtp !== undefined && { smtp: extra.smtp }),
    ...(extra.interrupted !== undefined && { interrupted: extra.interrupted }),
  };
}

/**
 * The workbook's language and first admin, as the bundle reads them from Pengaturan, or why
 * Pengaturan cannot be read. Someone who is not an admin (`--user` a PIC) gets their own units'
 * panel, which names no admin.
 */
function readSettings(runtime: LocalRuntime): SettingsSummary | Extract<BundleResult, { ok: false }> {
  const state = runtime.run('getPanelState') as { ok: true; lang: string; settings?: { emailAdmin: string[] } } | Extract<BundleResult, { ok: false }>;
  return state.ok ? { lang: state.lang, emailAdmin: state.settings?.emailAdmin ?? [] } : state;
}

/**
 * The command's failure when Pengaturan does not parse and no --user says who acts: each
 * problem named as itself (the bundle's words, already in the workbook's language).
 */
function settingsFailure(failed: Extract<BundleResult, { ok: false }>, metrics: MetricsSnapshot): CommandFailed {
  const problems = failed.problems ?? [];
  // The error and the problems are the bundle's text; the CLI adds no words of its own here.
  const lang: Lang = 'id';
  const lines = problems.map((p) => msg(lang, 'result.problem', { message: p.message }));
  return new CommandFailed({ ok: false, lang, error: failed.error, metrics, fields: problems.length > 0 ? { problems } : {}, lines });
}

const LOCK_TIMEOUT_MS = 120_000;

/**
 * Whether the workbook is saved after the command: after success; after a failure only for what
 * already happened and must be kept, as Sheets keeps each ledger row and each typed cell as it
 * is written: messages sent (their Log Email rows) and edits applied. Any other failure leaves
 * the file byte-identical and takes its records out of the journal.
 */
function keepsWork(session: Session | undefined, result: CommandResult): boolean {
  if (result.ok) return true;
  const applied = result.fields.applied;
  return (session?.runtime.sentMail.length ?? 0) > 0 || (typeof applied === 'number' && applied > 0);
}

/**
 * Opens `file` (locked for the whole session), runs `work` in a session as the acting user and
 * saves the workbook atomically, unless the command failed (`keepsWork`). The file is the
 * loaded workbook, or a new one (`create`; with `replace`, the old file must be a workbook) that
 * never silently lands on a file that appeared meanwhile. Missing, foreign, damaged or busy
 * files, and saves that fail, become user-facing errors; a lock taken over from a holder that
 * is gone becomes a notice.
 */
export async function withSession(
  file: string,
  options: CliOptions,
  extra: SessionOptions,
  work: (session: Session) => CommandResult | Promise<CommandResult>,
): Promise<CommandResult> {
  const { create, replace } = extra;
  if (create === undefined && !existsSync(file)) throw new CliError('error.fileMissing', { file });
  if (create !== undefined && !statSync(dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError('error.dirMissing', { dir: dirname(file), file });
  }
  const takenOver: LockFileOwner[] = [];
  let session: Session | undefined;
  let created: WorkbookModel | undefined;
  const opts: WithWorkbookOptions<CommandResult> = {
    lockTimeoutMs: LOCK_TIMEOUT_MS,
    onLockTakeover: (previous) => takenOver.push(previous),
    ...(create !== undefined && { create: () => (created = create()), replace: replace === true }),
    save: (result) => keepsWork(session, result),
  };
  try {
    const result = await withWorkbook(file, opts, async (workbook) => {
      if (create !== undefined && workbook !== created) throw new CliError('error.fileExists', { file });
      const shared = runtimeOptions(workbook, options, extra);
      const asked = options.user ?? extra.creator;
      let runtime = await LocalRuntime.open({ workbook, user: asked ?? workbook.owner, ...shared });
      const settings = readSettings(runtime);
      if ('ok' in settings) {
        if (asked === undefined) throw settingsFailure(settings, NO_METRICS);
        // --user says who acts: the command itself reports what is wrong with Pengaturan.
        session = new Session(runtime, workbook, asked, 'id');
        return work(session);
      }
      const user = asked ?? settings.emailAdmin[0];
      if (user === undefined) throw new CliError('error.noAdmin', {}, toLang(settings.lang));
      if (user !== workbook.owner && asked === undefined) runtime = await LocalRuntime.open({ workbook, user, ...shared });
      session = new Session(runtime, workbook, user, toLang(settings.lang));
      return work(session);
    });
    const notices = takenOver.map((previous) => lockTakeoverNotice(result.lang, previous, workbookLockPath(file)));
    return notices.length > 0 ? { ...result, notices: [...(result.notices ?? []), ...notices] } : result;
  } catch (error) {
    throw fileError(error, session?.lang) ?? error;
  }
}
