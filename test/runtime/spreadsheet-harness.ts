// A test double of the runtime's service context: a recording metrics sink and a real vm realm,
// so tests see values exactly as the bundle would (its own Date and Array).
import vm from 'node:vm';
import { FormulaEngine, type CustomFunctionHost } from '../../local/engine';
import { newWorkbook } from '../../local/model/workbook';
import type { WorkbookModel } from '../../local/model/types';
import type { AuthModeName, Realm, ServiceCall, ServiceContext } from '../../local/services/context';
import { createSheetsAdvancedService } from '../../local/services/sheets-api';
import { createSpreadsheetApp, UiRecorder } from '../../local/services/spreadsheet';

export const OWNER = 'sekretariat@muarojambikab.go.id';

export function bundleRealm(): Realm {
  return vm.runInContext('({ Date, Array, Object, Error })', vm.createContext({})) as Realm;
}

export interface HarnessOptions {
  user?: string;
  authMode?: AuthModeName;
  customFunctions?: CustomFunctionHost;
  workbook?: WorkbookModel;
  /** Apps Script's write buffer, as the runtime runs it: writes are recalculated at the next read. */
  bufferWrites?: boolean;
}

export function harness(options: HarnessOptions = {}) {
  const workbook = options.workbook ?? newWorkbook({ owner: OWNER, title: 'Pendampingan', spreadsheetId: 'sheet-under-test' });
  const calls: ServiceCall[] = [];
  const realm = bundleRealm();
  const ctx: ServiceContext = {
    workbook,
    user: options.user ?? OWNER,
    authMode: options.authMode ?? 'FULL',
    now: () => new Date('2024-03-01T09:00:00+07:00'),
    metrics: { record: (call) => calls.push(call) },
    realm,
  };
  const engine = new FormulaEngine(workbook, { customFunctions: options.customFunctions, realm, bufferWrites: options.bufferWrites });
  const ui = new UiRecorder();
  return { workbook, ctx, engine, ui, calls, realm, app: createSpreadsheetApp(ctx, engine, ui), Sheets: createSheetsAdvancedService(ctx, engine) };
}

/** The same workbook and engine seen by another user or in another auth mode (a new execution). */
export function asUser(base: ReturnType<typeof harness>, user: string, authMode: AuthModeName = 'FULL') {
  const ctx: ServiceContext = { ...base.ctx, user, authMode };
  return { ...base, ctx, app: createSpreadsheetApp(ctx, base.engine, base.ui), Sheets: createSheetsAdvancedService(ctx, base.engine) };
}
