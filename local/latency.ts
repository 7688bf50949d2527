// The latency model of the local Apps Script runtime: what each service call would cost on
// Google's servers. Every figure comes from the "Latency model" table of docs/PLATFORM.md
// (Google's quotas and best-practices pages, tanaikech's published benchmarks, listed there);
// the basis of each row is kept so the estimates can be recalibrated:
//   M = measured and published, D = derived from a measurement, E = an estimate.
// This is the one table the model reads; local/metrics.ts decides which row a call pays.
// The "write-then-read cycle, 800 ms [M]" of docs/PLATFORM.md is not a row: the model composes
// it from a buffered write, the flush the next read pays, and that read.

export type Basis = 'M' | 'D' | 'E';

export interface LatencyRow {
  /** Fixed cost of one call, in modeled milliseconds. */
  ms: number;
  /** Extra cost per cell read or written by the call. */
  perCell?: number;
  /** Extra cost per request of a Sheets API batchUpdate. */
  perRequest?: number;
  /** Extra cost per KB (1,000 bytes) of request body the call sends. */
  perKb?: number;
  /** Whether the call goes to Google's servers (one round trip). */
  roundTrip: boolean;
  basis: Basis;
}

/**
 * What one KB (1,000 bytes) of request body costs to send: an office uplink of about 10 Mbit/s
 * (1,250 KB/s) [E]. docs/PLATFORM.md says why this rate stands for a request's size.
 */
const MS_PER_KB_SENT = 0.8;

export const LATENCY = {
  /** Starting one execution (menu click, google.script.run call, trigger). */
  executionStartUp: { ms: 300, roundTrip: false, basis: 'E' },
  /** `getActiveSpreadsheet()`: answered from the execution's context. */
  activeGetter: { ms: 8, roundTrip: false, basis: 'M' },
  /** `getSheetByName`/`getSheets`, the first time in an execution. */
  sheetLookupFirst: { ms: 150, roundTrip: true, basis: 'M' },
  /** Metadata getters once warm (`getSheetId`, `getName`, a repeated `getSheets` …). */
  metadataWarm: { ms: 2, roundTrip: false, basis: 'M' },
  /** `getValues()` and the other whole-range getters of R×C cells. */
  rangeRead: { ms: 150, perCell: 0.0085, roundTrip: true, basis: 'D' },
  /** `setValues()`, `setFormulas()`, format arrays of R×C cells. */
  rangeWrite: { ms: 150, perCell: 0.02, roundTrip: true, basis: 'D' },
  /** A single-cell write (`setValue` …): buffered by Apps Script, no round trip yet. */
  bufferedWrite: { ms: 1, roundTrip: false, basis: 'D' },
  /** What the next read or `flush()` pays for the pending buffered cells. */
  flushPending: { ms: 30, perCell: 0.012, roundTrip: true, basis: 'D' },
  insertSheet: { ms: 300, roundTrip: true, basis: 'E' },
  /** `Sheet.copyTo()` of a small template. */
  copyTo: { ms: 600, roundTrip: true, basis: 'E' },
  /** `protect()`, each `addEditor(s)`/`removeEditors`. */
  protection: { ms: 250, roundTrip: true, basis: 'E' },
  /** Any other spreadsheet call that reaches the server ("every call is a round trip, ~150–300 ms"). */
  otherServerCall: { ms: 150, roundTrip: true, basis: 'E' },
  /** Sheets advanced service: values read, base + per cell. */
  sheetsApiRead: { ms: 300, perCell: 0.0045, roundTrip: true, basis: 'D' },
  /** Sheets advanced service: values write, base + per cell + per KB of request body. */
  sheetsApiWrite: { ms: 300, perCell: 0.022, perKb: MS_PER_KB_SENT, roundTrip: true, basis: 'D' },
  /** Sheets advanced service `batchUpdate` with N requests: base, per request, per KB of request body. */
  sheetsApiBatchUpdate: { ms: 300, perRequest: 2, perKb: MS_PER_KB_SENT, roundTrip: true, basis: 'E' },
  propertiesGet: { ms: 30, roundTrip: true, basis: 'M' },
  propertiesSet: { ms: 62, roundTrip: true, basis: 'M' },
  /** `LockService` tryLock/waitLock/releaseLock, uncontended (waiting adds the time waited). */
  lock: { ms: 50, roundTrip: true, basis: 'E' },
  /** `Blob.getAs('application/pdf')` of an HTML blob: one HTML → PDF conversion on Google's servers. */
  htmlToPdf: { ms: 2000, roundTrip: true, basis: 'E' },
  /** `MailApp.sendEmail` of about 100 KB (vendor figure). */
  sendEmail: { ms: 1200, roundTrip: true, basis: 'M' },
  mailQuota: { ms: 50, roundTrip: true, basis: 'E' },
  /** One custom-function cell evaluation: its start-up offset, its own calls come on top. */
  customFunction: { ms: 500, roundTrip: true, basis: 'M' },
  /** Work done inside the script's own JavaScript engine (Utilities, Logger, HtmlService …). */
  inProcess: { ms: 0, roundTrip: false, basis: 'E' },
} as const satisfies Record<string, LatencyRow>;

export type LatencyRowName = keyof typeof LATENCY;

/** Time limits of one execution (docs/PLATFORM.md, "Limits the product must respect"). */
export const EXECUTION_LIMIT_MS = {
  /** A menu action, google.script.run call or installable trigger. */
  script: 6 * 60 * 1000,
  /** A custom function. */
  customFunction: 30 * 1000,
  /** A simple trigger (onOpen, onEdit). */
  simpleTrigger: 30 * 1000,
} as const;

/** What a call costs beyond its row's fixed part: cells touched, batchUpdate requests, bytes of request body sent. */
export interface CallSize {
  cells?: number;
  requests?: number;
  bytes?: number;
}

/** Modeled cost of `row` for a call of `size`. */
export function costOf(row: LatencyRow, size: CallSize = {}): number {
  return row.ms + (row.perCell ?? 0) * (size.cells ?? 0) + (row.perRequest ?? 0) * (size.requests ?? 0) + ((row.perKb ?? 0) * (size.bytes ?? 0)) / 1000;
}
