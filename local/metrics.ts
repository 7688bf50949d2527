// Counts every service call of the local runtime and charges it by the latency model
// (local/latency.ts), per execution, with Apps Script's write buffer: single-cell writes are
// buffered and cost a round trip only when the next spreadsheet read or flush sends them.
// An execution whose modeled time passes its limit fails on its next service call, as Apps
// Script stops a script with "Exceeded maximum execution time".
import { EXECUTION_LIMIT_MS, LATENCY, costOf, type LatencyRow, type LatencyRowName } from './latency';
import type { MetricsSink, ServiceCall } from './services/context';

export type ExecutionKind = keyof typeof EXECUTION_LIMIT_MS;

export interface MetricsSnapshot {
  /** Calls per `service.method`. */
  serviceCalls: Record<string, number>;
  roundTrips: number;
  modeledMs: number;
  executions: number;
  customFunctionCells: number;
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
  'Properties.getProperties': 'propertiesGet',
  'Properties.getKeys': 'propertiesGet',
  'Properties.setProperty': 'propertiesSet',
  'Properties.setProperties': 'propertiesSet',
  'Properties.deleteProperty': 'propertiesSet',
  'Properties.deleteAllProperties': 'propertiesSet',
  'Cache.get': 'cacheGet',
  'Cache.getAll': 'cacheGet',
  'Cache.put': 'cachePut',
  'Cache.putAll': 'cachePut',
  'Cache.remove': 'cachePut',
  'Cache.removeAll': 'cachePut',
  'Lock.tryLock': 'lock',
  'Lock.waitLock': 'lock',
  'Lock.releaseLock': 'lock',
  'MailApp.sendEmail': 'sendEmail',
  'MailApp.getRemainingDailyQuota': 'mailQuota',
};

/** Spreadsheet calls priced by their method name, on whichever class they are called. */
const BY_METHOD: Record<string, LatencyRowName> = {
  getActiveSpreadsheet: 'activeGetter',
  getActiveSheet: 'activeGetter',
  getActive: 'activeGetter',
  appendRow: 'appendRow',
  insertSheet: 'insertSheet',
  copyTo: 'copyTo',
  protect: 'protection',
  addEditor: 'protection',
  addEditors: 'protection',
  removeEditor: 'protection',
  removeEditors: 'protection',
  setDataValidation: 'validationOrConditionalFormat',
  setDataValidations: 'validationOrConditionalFormat',
  setConditionalFormatRules: 'validationOrConditionalFormat',
  insertChart: 'insertChart',
};

/** Services computed inside the script's own engine: counted, never a round trip. */
const IN_PROCESS_SERVICES = new Set([
  'Utilities',
  'Blob',
  'Logger',
  'console',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Session',
  'User',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Lock',
]);

const SHEET_LOOKUPS = new Set(['getSheetByName', 'getSheets']);
const FLUSHING_KINDS = new Set<ServiceCall['kind']>(['read', 'write', 'structural']);

interface Frame {
  kind: ExecutionKind;
  ms: number;
  sheetsWarm: boolean;
  timedOut: boolean;
}

export class Metrics implements MetricsSink {
  private readonly calls = new Map<string, number>();
  private roundTrips = 0;
  private totalMs = 0;
  private executions = 0;
  private customFunctionCells = 0;
  private pendingCells = 0;
  /** Executions in progress; a custom function recalculated during a script is nested. */
  private readonly frames: Frame[] = [];

  /** `makeError` builds the errors thrown into the script (an Error of the script's realm). */
  constructor(private readonly makeError: (message: string) => Error = (message) => new Error(message)) {}

  /** Total modeled time so far, every execution included (the runtime's clock advances by it). */
  get modeledMs(): number {
    return this.totalMs;
  }

  startExecution(kind: ExecutionKind = 'script'): void {
    this.frames.push({ kind, ms: 0, sheetsWarm: false, timedOut: false });
    this.executions += 1;
    if (kind === 'customFunction') {
      this.customFunctionCells += 1;
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
    if (call.kind === 'buffered') this.pendingCells += call.cells ?? 1;
    this.charge(this.rowFor(call, inProcess, sheetsApi), call.cells ?? 0, call.requests ?? 0);
  }

  /** Modeled time that passes without a service call: Utilities.sleep, waiting for a lock. */
  advance(ms: number): void {
    this.checkBudget();
    this.addMs(ms);
  }

  snapshot(): MetricsSnapshot {
    return {
      serviceCalls: Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b))),
      roundTrips: this.roundTrips,
      modeledMs: Math.round(this.totalMs * 1000) / 1000,
      executions: this.executions,
      customFunctionCells: this.customFunctionCells,
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
    const byMethod = BY_METHOD[call.method];
    if (byMethod !== undefined) return LATENCY[byMethod];
    switch (call.kind) {
      case 'read':
        return LATENCY.rangeRead;
      case 'write':
        return LATENCY.rangeWrite;
      case 'buffered':
        return LATENCY.bufferedWrite;
      case 'metadata':
        return LATENCY.metadataWarm;
      default:
        return LATENCY.otherServerCall;
    }
  }

  private payPending(): void {
    if (this.pendingCells === 0) return;
    this.charge(LATENCY.flushPending, this.pendingCells);
    this.pendingCells = 0;
  }

  private charge(row: LatencyRow, cells = 0, requests = 0): void {
    if (row.roundTrip) this.roundTrips += 1;
    this.addMs(costOf(row, cells, requests));
  }

  /** Custom functions recalculated during a script run on their own: only the innermost execution pays. */
  private addMs(ms: number): void {
    this.totalMs += ms;
    const frame = this.frames[this.frames.length - 1];
    if (frame !== undefined) frame.ms += ms;
  }

  private checkBudget(): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined || frame.ms <= EXECUTION_LIMIT_MS[frame.kind]) return;
    frame.timedOut = true;
    throw this.makeError(EXCEEDED_MAXIMUM_EXECUTION_TIME);
  }
}
