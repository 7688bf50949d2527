// SpreadsheetApp's Spreadsheet: the workbook of the session (the runtime serves one spreadsheet).
import type { SheetModel } from '../../model/types';
import { defaultSheetName, parseA1Range, sheetById, sheetByTitle } from '../../model/workbook';
import type { Access } from './access';
import { loud, notImplemented } from './loud';
import { addDeveloperMetadata, createFinder, type LocalDeveloperMetadata, type LocalDeveloperMetadataFinder } from './metadata';
import type { LocalProtection } from './protection';
import type { LocalRange } from './range';
import { LocalSheet } from './sheet';
import { LocalUser } from './user';

export class LocalSpreadsheet {
  constructor(private readonly a: Access) {
    return loud(this, 'Spreadsheet');
  }

  private meta(method: string): void {
    this.a.call('Spreadsheet', method, 'metadata');
  }

  private sheet(model: SheetModel): LocalSheet {
    return new LocalSheet(this.a, model);
  }

  getId(): string {
    this.meta('getId');
    return this.a.workbook.spreadsheetId;
  }
  getName(): string {
    this.meta('getName');
    return this.a.workbook.title;
  }
  rename(newName: string): void {
    this.a.call('Spreadsheet', 'rename', 'buffered');
    this.a.workbook.title = newName;
  }
  getUrl(): string {
    this.meta('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.a.workbook.spreadsheetId}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.meta('getSpreadsheetTimeZone');
    return this.a.workbook.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.a.call('Spreadsheet', 'setSpreadsheetTimeZone', 'buffered');
    this.a.workbook.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    this.meta('getSpreadsheetLocale');
    return this.a.workbook.locale;
  }
  getOwner(): LocalUser {
    this.meta('getOwner');
    return new LocalUser(this.a.workbook.owner);
  }
  getEditors(): LocalUser[] {
    this.a.call('Spreadsheet', 'getEditors', 'read');
    return this.a.list([this.a.workbook.owner, ...(this.a.workbook.editors ?? [])].map((e) => new LocalUser(e)));
  }

  getSheets(): LocalSheet[] {
    this.a.call('Spreadsheet', 'getSheets', 'read');
    return this.a.list(this.a.workbook.sheets.map((s) => this.sheet(s)));
  }
  getNumSheets(): number {
    this.meta('getNumSheets');
    return this.a.workbook.sheets.length;
  }
  getSheetByName(name: string): LocalSheet | null {
    this.a.call('Spreadsheet', 'getSheetByName', 'read');
    const model = sheetByTitle(this.a.workbook, String(name));
    return model ? this.sheet(model) : null;
  }
  getSheetById(id: number): LocalSheet | null {
    this.a.call('Spreadsheet', 'getSheetById', 'read');
    const model = sheetById(this.a.workbook, id);
    return model ? this.sheet(model) : null;
  }
  getActiveSheet(): LocalSheet {
    this.meta('getActiveSheet');
    return this.sheet(this.a.activeSheet());
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    this.meta('setActiveSheet');
    this.a.activeSheetId = sheet.model.sheetId;
    return sheet;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.a.call('Spreadsheet', 'moveActiveSheet', 'structural');
    this.a.editor.moveSheet(this.a.activeSheet().sheetId, pos - 1);
  }

  /**
   * insertSheet(), (index), (name), (name, index), (name, index, options), (index, options), (options).
   * Without an index the sheet goes after the active one; it becomes the active sheet.
   */
  insertSheet(...args: unknown[]): LocalSheet {
    this.a.call('Spreadsheet', 'insertSheet', 'structural');
    const name = typeof args[0] === 'string' ? args[0] : undefined;
    const index = args.find((x): x is number => typeof x === 'number');
    const options = args.find((x) => typeof x === 'object' && x !== null) as { template?: unknown } | undefined;
    if (options?.template) throw notImplemented('Spreadsheet.insertSheet with a template');
    const after = this.a.workbook.sheets.indexOf(this.a.activeSheet()) + 1;
    const model = this.a.run(() =>
      this.a.editor.addSheet({ title: name ?? defaultSheetName(this.a.workbook), index: index ?? after }),
    );
    this.a.activeSheetId = model.sheetId;
    return this.sheet(model);
  }

  deleteSheet(sheet: LocalSheet): void {
    this.a.call('Spreadsheet', 'deleteSheet', 'structural');
    this.a.assertEditable(sheet.model, 0, 0, sheet.model.rowCount, sheet.model.columnCount);
    this.a.run(() => this.a.editor.deleteSheet(sheet.model.sheetId));
    if (this.a.activeSheetId === sheet.model.sheetId) this.a.activeSheetId = undefined;
  }

  /** A1 with a sheet name, or on the active sheet. */
  getRange(a1: string): LocalRange {
    this.meta('getRange');
    const parsed = this.a.run(() => parseA1Range(a1));
    const model = parsed.sheetName === undefined ? this.a.activeSheet() : sheetByTitle(this.a.workbook, parsed.sheetName);
    if (!model) throw this.a.error('Range not found');
    return new LocalSheet(this.a, model).rangeA1(a1);
  }

  /** Named ranges are not part of the workbook model: no name resolves. */
  getRangeByName(_name: string): LocalRange | null {
    this.a.call('Spreadsheet', 'getRangeByName', 'read');
    return null;
  }

  getProtections(type: unknown): LocalProtection[] {
    this.a.call('Spreadsheet', 'getProtections', 'read');
    return this.a.list(this.a.workbook.sheets.flatMap((s) => new LocalSheet(this.a, s).protectionsOf(type)));
  }

  addDeveloperMetadata(key: string, ...rest: unknown[]): this {
    this.a.call('Spreadsheet', 'addDeveloperMetadata', 'structural');
    addDeveloperMetadata(this.a, this.a.workbook.developerMetadata, { spreadsheet: true }, key, rest);
    return this;
  }
  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().find();
  }
  createDeveloperMetadataFinder(): LocalDeveloperMetadataFinder {
    this.meta('createDeveloperMetadataFinder');
    return createFinder(this.a, {});
  }

  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.meta('toast');
    this.a.ui.events.push({
      kind: 'toast',
      message: String(message),
      ...(title !== undefined ? { title: String(title) } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    });
  }
}
