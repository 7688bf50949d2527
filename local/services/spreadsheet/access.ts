// What every SpreadsheetApp object shares in one execution: the service context, the engine (and
// its editor), the Ui recorder, the authorisation rules and the metrics.
import type { FormulaEngine } from '../../engine';
import type { WorkbookEditor } from '../../model/editor';
import type { SheetModel, WorkbookModel } from '../../model/types';
import type { ServiceCall, ServiceContext } from '../context';
import { protectionBlocking, PROTECTED_CELL_MESSAGE } from './protection-rules';
import type { UiRecorder } from './ui';

export type CallKind = ServiceCall['kind'];

/** Calls that change the spreadsheet: refused in a custom function, as Apps Script does. */
const MUTATING: ReadonlySet<CallKind> = new Set(['write', 'buffered', 'structural']);

export class Access {
  constructor(
    readonly ctx: ServiceContext,
    readonly engine: FormulaEngine,
    readonly ui: UiRecorder,
  ) {}

  get workbook(): WorkbookModel {
    return this.engine.workbook;
  }

  get editor(): WorkbookEditor {
    return this.engine.editor;
  }

  /** Authorises and records one service call. `name` is how Apps Script names it in errors. */
  call(service: string, method: string, kind: CallKind, cells?: number, name = method): void {
    if (this.ctx.authMode === 'NONE') {
      throw this.error(`You do not have permission to call ${name}. Required permissions: https://www.googleapis.com/auth/spreadsheets`);
    }
    if (this.ctx.authMode === 'CUSTOM_FUNCTION' && MUTATING.has(kind)) throw this.error(`You do not have permission to call ${name}`);
    const call: ServiceCall = { service, method, kind };
    if (cells !== undefined) call.cells = cells;
    this.ctx.metrics.record(call);
    // Sheets recalculates a batch of writes once: writes wait in the engine until a read needs their results.
    if (kind === 'read') this.engine.flush();
    else if (kind === 'write' || kind === 'buffered') this.engine.defer();
  }

  /** An Error of the bundle's realm, so `e instanceof Error` holds in the script. */
  error(message: string): Error {
    return new this.ctx.realm.Error(message);
  }

  /** Runs a model operation; its error reaches the script as an Error of the script's realm. */
  run<T>(operation: () => T): T {
    try {
      return operation();
    } catch (e) {
      throw this.error(e instanceof Error ? e.message : String(e));
    }
  }

  /** Apps Script writes run as the acting user: a protected cell they may not edit refuses the write. */
  assertEditable(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    if (protectionBlocking(this.workbook, this.ctx.user, sheet, top, left, height, width)) throw this.error(PROTECTED_CELL_MESSAGE);
  }

  /** An array of the bundle's realm (a 2-D one when `rows` are arrays). */
  list<T>(items: T[]): T[] {
    const R = this.ctx.realm.Array;
    return R.from(items, (item) => (Array.isArray(item) ? (R.from(item) as T) : item));
  }
}
