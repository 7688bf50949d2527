// What every emulated Apps Script service shares during one runtime session.
import type { WorkbookModel } from '../model/types';

/** One Apps Script service call, as the latency model (local/metrics.ts) charges it. */
export interface ServiceCall {
  /** e.g. 'SpreadsheetApp', 'Range', 'Sheets.Spreadsheets', 'MailApp' */
  service: string;
  /** e.g. 'getValues', 'setValues', 'batchUpdate', 'sendEmail' */
  method: string;
  /**
   * How the latency model treats it: 'read' flushes pending buffered writes first;
   * 'write' is a whole-range write; 'buffered' is a single-cell write Apps Script buffers.
   */
  kind: 'read' | 'write' | 'buffered' | 'structural' | 'metadata' | 'other';
  /** Cells read or written (ranges), for the per-cell terms of the model. */
  cells?: number;
  /** Requests in a Sheets API batchUpdate. */
  requests?: number;
  /** Bytes of request body the call sends (a Sheets API write: its JSON body, UTF-8). */
  bytes?: number;
}

export interface MetricsSink {
  record(call: ServiceCall): void;
}

/** Constructors of the vm context the bundle runs in: values handed to the bundle come from its realm. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface ServiceContext {
  workbook: WorkbookModel;
  /** The acting user's email (Session.getActiveUser). */
  user: string;
  /** The mode of the current execution; authorised services throw in NONE and CUSTOM_FUNCTION (read-only). */
  authMode: AuthModeName;
  /** The clock (--now). */
  now(): Date;
  metrics: MetricsSink;
  realm: Realm;
}
