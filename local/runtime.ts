// The local Apps Script runtime: loads the built add-on (dist/Code.js) with gas-local into a
// fresh vm context whose globals are the emulated services, and runs one server function per
// execution, as Apps Script does for a menu click or a google.script.run call. Its clock is
// the given start instant plus the modeled time of everything run so far, and the bundle's own
// `new Date()` reads that clock.
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import { syncPrinter, type SyncPrinter } from './chromium';
import { FormulaEngine, type CustomFunctionHost, type CustomFunctionSpec } from './engine';
import { journalOf } from './journal';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME, Metrics, type ExecutionKind, type MetricsSnapshot } from './metrics';
import type { WorkbookModel } from './model/types';
import type { AuthModeName, Realm, ServiceContext } from './services/context';
import { createHtmlService } from './services/html';
import { createLockService, type LockServiceHandle } from './services/lock';
import { createMailApp, type SentMail } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script-app';
import { createSession } from './services/session';
import { loud } from './services/loud';
import { createSheetsAdvancedService } from './services/sheets-api';
import { UiRecorder, applyUserEdit, createSpreadsheetApp, type UserEditResult } from './services/spreadsheet';
import { createUtilities } from './services/utilities';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local') as { require(dir: string, globals: object, opts: { filter(file: string): boolean }): Context };

export const DEFAULT_CODE_PATH = join(__dirname, '..', 'dist', 'Code.js');
/** Simple triggers run with the 30-second limit. */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);

export interface RuntimeOptions {
  workbook: WorkbookModel;
  /** The acting user's email (Session.getActiveUser). */
  user: string;
  /** Start of the clock (--now); default: the real time. */
  now?: Date;
  /** Email recipients per rolling 24 h (default 100, a consumer account). */
  quota?: number;
  /** Fault injection: MailApp sends after the first N throw. */
  failMailAfter?: number;
  /** Fault injection: Sheets API batchUpdate calls after the first N throw (the workbook untouched by them). */
  failSheetsWritesAfter?: number;
  /** Directory the .eml files go to. */
  outbox?: string;
  /** Send over SMTP (smtp://user:pass@host:port) instead of writing .eml files. */
  smtp?: string;
  /** Whether the user asked the command to stop: MailApp then refuses further messages. */
  interrupted?: () => boolean;
  /** The built bundle (default dist/Code.js); its directory holds the project's HTML files. */
  codePath?: string;
  /** Directory of LockService's lock files (default: a directory under the system's temp dir). */
  lockDir?: string;
}

export interface RunOptions {
  /** The execution's AuthMode (default FULL). */
  authMode?: AuthModeName;
}

/** Values crossing the google.script.run boundary: JSON-like, no Date, no function. */
function crossBoundary(value: unknown, into: Pick<Realm, 'Array' | 'Object'>, where: string, seen = new Set<unknown>()): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') throw new Error(`${where}: a Date cannot cross the google.script.run boundary (send 'yyyy-mm-dd' text)`);
  if (typeof value !== 'object') throw new Error(`${where}: a ${typeof value} cannot cross the google.script.run boundary`);
  if (seen.has(value)) throw new Error(`${where}: a circular structure cannot cross the google.script.run boundary`);
  seen.add(value);
  try {
    if (Array.isArray(value)) return into.Array.from(value, (v, i) => crossBoundary(v, into, `${where}[${i}]`, seen));
    const out = new into.Object() as Record<string, unknown>;
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'function' || v === undefined) continue;
      out[key] = crossBoundary(v, into, `${where}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Replaces the context's Date so that `new Date()` and `Date.now()` read the runtime's clock. */
function installClock(context: Context, clock: () => number): void {
  const install = runInContext(
    `(function (clock) {
      var RealDate = Date;
      function ClockDate() {
        if (!new.target) return new RealDate(clock()).toString();
        var args = arguments.length === 0 ? [clock()] : Array.prototype.slice.call(arguments);
        return Reflect.construct(RealDate, args, new.target);
      }
      ClockDate.prototype = RealDate.prototype;
      ClockDate.UTC = RealDate.UTC;
      ClockDate.parse = RealDate.parse;
      ClockDate.now = function () { return clock(); };
      Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
    })`,
    context,
  ) as (clock: () => number) => void;
  install(clock);
}

/** `cell`: the custom-function cell a customFunction execution evaluates. */
type Execute = (kind: ExecutionKind, authMode: AuthModeName, fnName: string, args: unknown[], cell?: string) => unknown;

/**
 * Runs one global function of the script as one execution: its AuthMode, its time budget, its
 * locks released at its end. A custom function recalculated during a script nests inside it (and
 * is accounted as an execution of its own). Writes the script buffered are recalculated when it
 * ends, as Apps Script sends them then.
 */
function executor(context: Context, ctx: ServiceContext, metrics: Metrics, locks: LockServiceHandle, flush: () => void, printer: SyncPrinter): Execute {
  return (kind, authMode, fnName, args, cell) => {
    const fn = (context as Record<string, unknown>)[fnName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${fnName}`);
    const outer = ctx.authMode;
    ctx.authMode = authMode;
    metrics.startExecution(kind, cell);
    locks.startExecution();
    const finish = () => {
      flush();
      locks.endExecution();
      // The Chromium an execution's Blob.getAs opened lives as long as the execution.
      if (kind !== 'customFunction') printer.close();
      ctx.authMode = outer;
      return metrics.endExecution();
    };
    // A script that caught the timeout error still died: Apps Script ends it.
    const timeout = () => new ctx.realm.Error(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      throw finish().timedOut ? timeout() : error;
    }
    if (finish().timedOut) throw timeout();
    return result;
  };
}

export class LocalRuntime {
  private constructor(
    readonly workbook: WorkbookModel,
    readonly metrics: Metrics,
    readonly engine: FormulaEngine,
    private readonly ctx: ServiceContext,
    /** The Ui recorder: menus, alerts, prompts, sidebars and dialogs the script showed (and scripted answers). */
    readonly ui: UiRecorder,
    private readonly mail: ReturnType<typeof createMailApp>,
    private readonly clock: () => number,
    private readonly execute: Execute,
  ) {}

  static async open(opts: RuntimeOptions): Promise<LocalRuntime> {
    const codePath = opts.codePath ?? DEFAULT_CODE_PATH;
    const context = createContext({});
    const realm = runInContext('({ Date: Date, Array: Array, Object: Object, Error: Error })', context) as Realm;
    const metrics = new Metrics((message) => new realm.Error(message));
    const start = opts.now?.getTime() ?? Date.now();
    const clock = () => start + Math.round(metrics.modeledMs);
    installClock(context, clock);
    realm.Date = runInContext('Date', context) as DateConstructor;

    // A workbook loaded from a file journals what the script sends to it (local/journal.ts).
    const journal = journalOf(opts.workbook);
    const ctx: ServiceContext = {
      workbook: opts.workbook,
      user: opts.user,
      authMode: 'FULL',
      now: () => new Date(clock()),
      metrics: journal ? journal.watch(metrics) : metrics,
      realm,
    };
    const advance = (ms: number) => metrics.advance(ms);
    const locks = createLockService(ctx, { lockDir: opts.lockDir ?? join(tmpdir(), 'pendamping-locks'), advance });
    const mail = createMailApp(ctx, {
      outbox: opts.outbox,
      smtp: opts.smtp,
      dailyQuota: opts.quota,
      failAfter: opts.failMailAfter,
      interrupted: opts.interrupted,
    });

    // Load the bundle first: the engine needs its custom functions and the size of their results.
    const bundle = gas.require(dirname(codePath), context, { filter: (file) => file.endsWith(`/${basename(codePath)}`) });
    const api = (bundle as { Pendamping?: { CUSTOM_FUNCTIONS?: Partial<CustomFunctionSpec>[] } }).Pendamping;
    if (api === undefined) throw new Error(`${codePath} does not define Pendamping: is it the built add-on?`);
    const functions = (api.CUSTOM_FUNCTIONS ?? []).map(({ name, resultSize }): CustomFunctionSpec => {
      if (!name || !resultSize) throw new Error(`${codePath}: each CUSTOM_FUNCTIONS entry needs a name and a resultSize ({ rows, columns })`);
      return { name, resultSize: { rows: resultSize.rows, columns: resultSize.columns } };
    });

    // The engine exists once the workbook's custom-function cells are computed (they run while it is built).
    const built: { engine?: FormulaEngine } = {};
    const printer = syncPrinter();
    const execute = executor(
      context,
      ctx,
      metrics,
      locks,
      () => {
        built.engine?.flush();
        journal?.commit();
      },
      printer,
    );
    // Opening the workbook already computes its custom-function cells: each is an execution.
    const host: CustomFunctionHost = { functions, invoke: (name, args, cell) => execute('customFunction', 'CUSTOM_FUNCTION', name, args, cell) };
    const engine = new FormulaEngine(opts.workbook, { customFunctions: host, realm, bufferWrites: true });
    engine.editor.observer = journal;
    built.engine = engine;
    const ui = new UiRecorder();
    // The services the add-on calls; what the script logs with console goes to this process's console.
    const globals: Record<string, unknown> = {
      SpreadsheetApp: createSpreadsheetApp(ctx, engine, ui),
      Sheets: createSheetsAdvancedService(ctx, engine, { failWritesAfter: opts.failSheetsWritesAfter }),
      PropertiesService: createPropertiesService(ctx),
      LockService: locks.service,
      Session: createSession(ctx),
      ScriptApp: createScriptApp(ctx),
      Utilities: createUtilities(ctx, printer),
      HtmlService: createHtmlService(ctx, dirname(codePath)),
      MailApp: loud(mail.service, 'MailApp'),
      console,
    };
    Object.assign(context, globals);
    return new LocalRuntime(opts.workbook, metrics, engine, ctx, ui, mail, clock, execute);
  }

  /** The runtime's clock: the start instant plus all modeled time so far. */
  now(): Date {
    return new Date(this.clock());
  }

  /** Messages MailApp sent in this runtime. */
  get sentMail(): readonly SentMail[] {
    return this.mail.sent;
  }

  snapshot(): MetricsSnapshot {
    return this.metrics.snapshot();
  }

  /** Runs one server function as one execution in AuthMode FULL, as google.script.run does. */
  run(fnName: string, ...args: unknown[]): unknown {
    return this.runAs({}, fnName, ...args);
  }

  /** Runs one server function as one execution with the given AuthMode (e.g. onOpen in NONE). */
  runAs(opts: RunOptions, fnName: string, ...args: unknown[]): unknown {
    const kind: ExecutionKind = SIMPLE_TRIGGERS.has(fnName) ? 'simpleTrigger' : 'script';
    const inRealm = args.map((arg, i) => crossBoundary(arg, this.ctx.realm, `${fnName} argument ${i + 1}`));
    const result = this.execute(kind, opts.authMode ?? 'FULL', fnName, inRealm);
    return crossBoundary(result, { Array, Object }, `${fnName} result`);
  }

  /** A user's own edit of one cell, as typed in the Sheets UI: protections are enforced. */
  edit(user: string, sheet: string, a1: string, value: string): UserEditResult {
    this.engine.flush();
    const result = applyUserEdit(this.ctx, this.engine, { user, sheet, a1, value });
    // Sheets keeps a typed cell at once: the journal commits it.
    journalOf(this.workbook)?.commit();
    return result;
  }
}
