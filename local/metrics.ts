// Counts every service call of the local runtime and charges it by the latency model
// (local/latency.ts), per execution, with Apps Script's write buffer: single-cell writes are
// buffered and cost a round trip only when the next spreadsheet read or flush sends them.
// An execution whose modeled time passes its limit fails on its next service call, as Apps
// Script stops a script with "Exceeded maximum execution time".
//
// A custom-function cell evaluation is an execution of its own in Apps Script ("each time a
// custom function is used in a spreadsheet, Google Sheets makes a separate call to the Apps
// Script server"), not part of the script whose write made Sheets recalculate it: its start-up
// and its own calls are counted apart (customFunction*), never in the script's round trips,
// modeled time or 6-minute budget.
import { EXECUTION_LIMIT_MS, LATENCY, costOf, type CallSize, type LatencyRow, type LatencyRowName } from './latency';
import type { MetricsSink, ServiceCall } from './services/context';

export type ExecutionKind = keyof typeof EXECUTION_LIMIT_MS;

export interface MetricsSnapshot {
  /** Calls per `service.method` (a custom function's own calls included). */
  serviceCalls: Record<string, number>;
  /** Round trips of the scripts' own executions (menu actions, google.script.run calls, triggers). */
  roundTrips: number;
  /** Modeled time of the scripts' own executions. */
  modeledMs: number;
  /** Executions of every kind: scripts, triggers and custom-function evaluations. */
  executions: number;
  /** Custom-function evaluations: each one execution of its own (one server call, 500 ms start-up). */
  customFunctionExecutions: number;
  /**
   * Custom-function cells evaluated: distinct cells per script execution that made Sheets
   * recalculate them (an evaluation outside a script, on opening or a user's edit, is one cell).
   * Executions above cells are evaluations a batched write would have spared.
   */
  customFunctionCells: number;
  /** Modeled time of the custom-function executions, apart from the scripts' time. */
  customFunctionMs: number;
  /** Round trips of the custom-function executions (one each, plus their own calls). */
  customFunctionRoundTrips: number;
  /** Request body of each call that sends one (Sheets API batchUpdate, values writes), in bytes, in call order. */
  requestBytes: number[];
  /** Modeled time of each script execution (menu action, google.script.run call, trigger), in order: each is held to 6 minutes. */
  executionMs: number[];
}

export interface ExecutionReport {
  kind: ExecutionKind;
  modeledMs: number;
  /** The execution went past its time limit (its later service calls threw). */
  timedOut: boolean;
}

export const EXCEEDED_MAXIMUM_EXECUTION_TIME = 'Exceeded maximum execution time';

/** Calls priced by their own row whatever their kind (`Service.method`). */
const BY_SERVICE_METHOD: Record<string, LatencyRowName> = {
  'Properties.getProperty': 'propertiesGet',
  'Properties.setProperty': 'propertiesSet',
  'Properties.deleteProperty': 'propertiesSet',
  'Lock.tryLock': 'lock',
  'Lock.waitLock': 'lock',
  'Lock.releaseLock': 'lock',
  'MailApp.sendEmail': 'sendEmail',
  'MailApp.getRemainingDailyQuota': 'mailQuota',
  'Blob.getAs': 'htmlToPdf',
};

/** Spreadsheet calls priced by their method name, on whichever class they are called. */
const BY_METHOD: Record<string, LatencyRowName> = {
  getActiveSpreadsheet: 'activeGetter',
  insertSheet: 'insertSheet',
  copyTo: 'copyTo',
  protect: 'protection',
  addEditor: 'protection',
  addEditors: 'protection',
  removeEditors: 'protection',
};

/** Any other spreadsheet call, priced by its kind (what is left is `otherServerCall`). */
const BY_KIND: Partial<Record<ServiceCall['kind'], LatencyRowName>> = { read: 'rangeRead', write: 'rangeWrite', buffered: 'bufferedWrite', metadata: 'metadataWarm' };

/** Services computed inside the script's own engine: counted, never a round trip. */
const IN_PROCESS_SERVICES = new Set(['Utilities', 'Blob', 'HtmlService', 'HtmlOutput', 'Session', 'PropertiesService', 'LockService', 'Lock']);

const SHEET_LOOKUPS = new Set(['getSheetByName', 'getSheets']);
const FLUSHING_KINDS = new Set<ServiceCall['kind']>(['read', 'write', 'structural']);

interface Frame {
  kind: ExecutionKind;
  ms: number;
  sheetsWarm: boolean;
  timedOut: boolean;
  /** Single-cell writes buffered by this execution, not sent yet. */
  pendingCells: number;
  /** Custom-function cells this execution made Sheets recalculate. */
  customCells: Set<string>;
}

/** Round trips and modeled time of one kind of execution. */
interface Account {
  roundTrips: number;
  ms: number;
}

const newFrame = (kind: ExecutionKind): Frame => ({ kind, ms: 0, sheetsWarm: false, timedOut: false, pendingCells: 0, customCells: new Set() });

export class Metrics implements MetricsSink {
  private readonly calls = new Map<string, number>();
  private readonly scripts: Account = { roundTrips: 0, ms: 0 };
  private readonly customFunctions: Account = { roundTrips: 0, ms: 0 };
  private executions = 0;
  private customFunctionExecutions = 0;
  private customFunctionCells = 0;
  private readonly requestBytes: number[] = [];
  private readonly executionMs: number[] = [];
  /** Executions in progress; a custom function recalculated during a script is nested. */
  private readonly frames: Frame[] = [];
  /** Where calls made outside any execution are accounted (a bare service in a test). */
  private readonly loose = newFrame('script');

  /** `makeError` builds the errors thrown into the script (an Error of the script's realm). */
  constructor(private readonly makeError: (message: string) => Error = (message) => new Error(message)) {}

  /**
   * Modeled time so far as the runtime's clock reads it: the scripts' time, plus the time of the
   * custom function running now (custom functions run beside the scripts, not inside their time).
   */
  get modeledMs(): number {
    const frame = this.frames[this.frames.length - 1];
    return this.scripts.ms + (frame?.kind === 'customFunction' ? frame.ms : 0);
  }

  /** Starts an execution; a custom function's names the cell (`sheetId:row:column`) it evaluates. */
  startExecution(kind: ExecutionKind = 'script', cell?: string): void {
    const outer = this.frames[this.frames.length - 1];
    this.frames.push(newFrame(kind));
    this.executions += 1;
    if (kind === 'customFunction') {
      this.customFunctionExecutions += 1;
      const cause = outer?.kind === 'customFunction' ? undefined : outer;
      if (cell === undefined || cause === undefined) this.customFunctionCells += 1;
      else if (!cause.customCells.has(cell)) {
        cause.customCells.add(cell);
        this.customFunctionCells += 1;
      }
      this.charge(LATENCY.customFunction);
    } else {
      this.charge(LATENCY.executionStartUp);
    }
  }

  /** Ends the innermost execution; Apps Script sends the buffered writes when a script ends. */
  endExecution(): ExecutionReport {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) throw new Error('endExecution without startExecution');
    this.payPending();
    this.frames.pop();
    if (frame.kind !== 'customFunction') this.executionMs.push(frame.ms);
    return { kind: frame.kind, modeledMs: frame.ms, timedOut: frame.timedOut };
  }

  record(call: ServiceCall): void {
    this.checkBudget();
    const key = `${call.service}.${call.method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const inProcess = IN_PROCESS_SERVICES.has(call.service);
    const sheetsApi = /^Sheets(\.|$)/.test(call.service);
    // The Sheets API bypasses SpreadsheetApp's buffer: only SpreadsheetApp calls send it.
    if (call.method === 'flush' || (!inProcess && !sheetsApi && FLUSHING_KINDS.has(call.kind))) this.payPending();
    if (call.method === 'flush') return;
    if (call.kind === 'buffered') this.current().pendingCells += call.cells ?? 1;
    if (call.bytes !== undefined) this.requestBytes.push(call.bytes);
    this.charge(this.rowFor(call, inProcess, sheetsApi), call);
  }

  /** Modeled time that passes without a service call: Utilities.sleep, waiting for a lock. */
  advance(ms: number): void {
    this.checkBudget();
    this.addMs(ms);
  }

  snapshot(): MetricsSnapshot {
    const ms = (n: number) => Math.round(n * 1000) / 1000;
    return {
      serviceCalls: Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b))),
      roundTrips: this.scripts.roundTrips,
      modeledMs: ms(this.scripts.ms),
      executions: this.executions,
      customFunctionExecutions: this.customFunctionExecutions,
      customFunctionCells: this.customFunctionCells,
      customFunctionMs: ms(this.customFunctions.ms),
      customFunctionRoundTrips: this.customFunctions.roundTrips,
      requestBytes: [...this.requestBytes],
      executionMs: this.executionMs.map(ms),
    };
  }

  private rowFor(call: ServiceCall, inProcess: boolean, sheetsApi: boolean): LatencyRow {
    const own = BY_SERVICE_METHOD[`${call.service}.${call.method}`];
    if (own !== undefined) return LATENCY[own];
    if (inProcess) return LATENCY.inProcess;
    if (sheetsApi) {
      if (call.requests !== undefined) return LATENCY.sheetsApiBatchUpdate;
      return call.kind === 'write' ? LATENCY.sheetsApiWrite : LATENCY.sheetsApiRead;
    }
    if (SHEET_LOOKUPS.has(call.method)) {
      const frame = this.frames[this.frames.length - 1];
      if (frame === undefined || frame.sheetsWarm) return LATENCY.metadataWarm;
      frame.sheetsWarm = true;
      return LATENCY.sheetLookupFirst;
    }
    return LATENCY[BY_METHOD[call.method] ?? BY_KIND[call.kind] ?? 'otherServerCall'];
  }

  /** The innermost execution (calls outside any execution are accounted as a script's). */
  private current(): Frame {
    return this.frames[this.frames.length - 1] ?? this.loose;
  }

  private payPending(): void {
    const frame = this.current();
    if (frame.pendingCells === 0) return;
    const cells = frame.pendingCells;
    frame.pendingCells = 0;
    this.charge(LATENCY.flushPending, { cells });
  }

  private charge(row: LatencyRow, size: CallSize = {}): void {
    if (row.roundTrip) this.account().roundTrips += 1;
    this.addMs(costOf(row, size));
  }

  /** Custom functions recalculated during a script run on their own: only the innermost execution pays. */
  private addMs(ms: number): void {
    this.account().ms += ms;
    this.current().ms += ms;
  }

  private account(): Account {
    return this.current().kind === 'customFunction' ? this.customFunctions : this.scripts;
  }

  private checkBudget(): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined || frame.ms <= EXECUTION_LIMIT_MS[frame.kind]) return;
    frame.timedOut = true;
    throw this.makeError(EXCEEDED_MAXIMUM_EXECUTION_TIME);
  }
}
