// SpreadsheetApp's Spreadsheet: the workbook of the session (the runtime serves one spreadsheet).
import { sheetByTitle } from '../../model/workbook';
import { loud } from '../loud';
import type { Access } from './access';
import { LocalUser } from './protection';
import { LocalSheet } from './sheet';

export class LocalSpreadsheet {
  constructor(private readonly a: Access) {
    return loud(this, 'Spreadsheet');
  }

  getId(): string {
    this.a.call('Spreadsheet', 'getId', 'metadata');
    return this.a.workbook.spreadsheetId;
  }

  getUrl(): string {
    this.a.call('Spreadsheet', 'getUrl', 'metadata');
    return `https://docs.google.com/spreadsheets/d/${this.a.workbook.spreadsheetId}/edit`;
  }

  /** The file's owner (the add-on lets the owner run admin actions). */
  getOwner(): LocalUser {
    this.a.call('Spreadsheet', 'getOwner', 'metadata');
    return new LocalUser(this.a.workbook.owner);
  }

  /** The file's editors, the owner first (Spreadsheet.getEditors; docs/PLATFORM.md). */
  getEditors(): LocalUser[] {
    this.a.call('Spreadsheet', 'getEditors', 'metadata');
    const { owner, editors = [] } = this.a.workbook;
    return this.a.list([owner, ...editors].filter((e) => e !== '').map((e) => new LocalUser(e)));
  }

  /**
   * Shares the file with `emailAddresses` as editors (Spreadsheet.addEditors): the list is kept
   * in the workbook, so a later run knows it. An address already an editor (or the owner) is
   * left as it is; a malformed one fails the call and adds no one.
   */
  addEditors(emailAddresses: string[]): LocalSpreadsheet {
    this.a.call('Spreadsheet', 'addEditors', 'structural');
    const addresses = Array.from(emailAddresses, (e) => String(e).trim());
    const bad = addresses.find((e) => !/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(e));
    if (bad !== undefined) throw this.a.error(`Invalid argument: ${bad}`);
    const { owner, editors = [] } = this.a.workbook;
    const known = new Set([owner, ...editors].map((e) => e.toLowerCase()));
    const fresh = addresses.filter((e) => !known.has(e.toLowerCase()) && known.add(e.toLowerCase()));
    if (fresh.length > 0) this.a.workbook.editors = [...editors, ...fresh];
    return this;
  }

  /** Sheet names are matched case-insensitively, as Sheets does. */
  getSheetByName(name: string): LocalSheet | null {
    this.a.call('Spreadsheet', 'getSheetByName', 'read');
    const model = sheetByTitle(this.a.workbook, String(name));
    return model ? new LocalSheet(this.a, model) : null;
  }

  /** A new tab of that name, added last (a script run offline has no active sheet to put it after). */
  insertSheet(name: string): LocalSheet {
    this.a.call('Spreadsheet', 'insertSheet', 'structural');
    return new LocalSheet(this.a, this.a.run(() => this.a.editor.addSheet({ title: String(name) })));
  }
}
