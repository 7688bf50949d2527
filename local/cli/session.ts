// One command's session on a workbook file: the file's lock, the model loaded from .xlsx, the
// local runtime running the bundle as the acting user, and the atomic save at the end. The
// acting user defaults to the workbook's first admin, which the bundle itself reads from
// Pengaturan (the sidebar's getPanelState): the CLI never parses settings on its own.
import { existsSync } from 'node:fs';
import { JournalConflictError, saveJournaled } from '../journal';
import { LocalRuntime, type RuntimeOptions } from '../runtime';
import type { WorkbookModel } from '../model/types';
import { WorkbookBusyError, lockWorkbookFile, withWorkbook } from '../workbook-file';
import { saveWorkbook } from '../xlsx';
import type { CliOptions } from './args';
import { toLang, type Lang } from './messages';
import type { MetricsSnapshot } from '../metrics';
import { CliError, metricsSince, type BundleResult } from './result';

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
  /** With `create`: replace an existing file (init --force). */
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

/** The workbook's language and first admin, as the bundle reads them from Pengaturan. */
function readSettings(runtime: LocalRuntime): SettingsSummary {
  const state = runtime.run('getPanelState') as { ok: true; lang: string; settings: { emailAdmin: string[] } } | { ok: false };
  return state.ok ? { lang: state.lang, emailAdmin: state.settings.emailAdmin } : { lang: 'id', emailAdmin: [] };
}

const LOCK_TIMEOUT_MS = 120_000;

/**
 * The model `work` runs on, under the file's lock, saved atomically after it: the loaded file,
 * or a new workbook (which never silently lands on a file that appeared meanwhile).
 */
async function onWorkbook<T>(file: string, extra: SessionOptions, work: (workbook: WorkbookModel) => Promise<T>): Promise<T> {
  const { create } = extra;
  if (create === undefined) return withWorkbook(file, { lockTimeoutMs: LOCK_TIMEOUT_MS }, work);
  if (extra.replace) {
    // init --force: the old file is neither loaded nor trusted, only replaced atomically.
    const release = await lockWorkbookFile(file, LOCK_TIMEOUT_MS);
    try {
      const workbook = create();
      const result = await work(workbook);
      await saveJournaled(workbook, file, () => saveWorkbook(workbook, file));
      return result;
    } finally {
      release();
    }
  }
  let created: WorkbookModel | undefined;
  return withWorkbook(file, { lockTimeoutMs: LOCK_TIMEOUT_MS, create: () => (created = create()) }, (workbook) => {
    if (workbook !== created) throw new CliError('error.fileExists', { file });
    return work(workbook);
  });
}

/**
 * Opens `file` (locked for the whole session), runs `work` in a session as the acting user and
 * saves the workbook atomically. Missing or busy files become user-facing errors.
 */
export async function withSession<T>(
  file: string,
  options: CliOptions,
  extra: SessionOptions,
  work: (session: Session) => T | Promise<T>,
): Promise<T> {
  if (extra.create === undefined && !existsSync(file)) throw new CliError('error.fileMissing', { file });
  try {
    return await onWorkbook(file, extra, async (workbook) => {
      const shared = runtimeOptions(workbook, options, extra);
      const asked = options.user ?? extra.creator;
      let runtime = await LocalRuntime.open({ workbook, user: asked ?? workbook.owner, ...shared });
      const settings = readSettings(runtime);
      const user = asked ?? settings.emailAdmin[0];
      if (user === undefined) throw new CliError('error.noAdmin', {}, toLang(settings.lang));
      if (user !== workbook.owner && asked === undefined) runtime = await LocalRuntime.open({ workbook, user, ...shared });
      return work(new Session(runtime, workbook, user, toLang(settings.lang)));
    });
  } catch (error) {
    if (error instanceof WorkbookBusyError) throw new CliError('error.workbookBusy', { file });
    if (error instanceof JournalConflictError) {
      throw new CliError(error.reason === 'changed' ? 'error.journalChanged' : 'error.journalDamaged', { file: error.file, journal: error.journal });
    }
    throw error;
  }
}
