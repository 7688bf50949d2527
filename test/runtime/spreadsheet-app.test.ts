// SpreadsheetApp against documented Apps Script behaviour: the members the add-on and the
// benchmark's reference script call.
import { applyUserEdit } from '../../local/services/spreadsheet';
import { asUser, harness, OWNER } from './spreadsheet-harness';

const PIC = 'pic@dinkes.muarojambikab.go.id';
const ASESOR = 'asesor@ombudsman.go.id';
const ID = 'sheet-under-test';

/** The harness's first tab, through SpreadsheetApp. */
function firstSheet(app: ReturnType<typeof harness>['app']) {
  const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!sheet) throw new Error('no Sheet1');
  return sheet;
}

describe('values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  test('getValues returns numbers, booleans, Dates of the script realm for date cells and "" for empty cells', () => {
    const { app, realm, calls } = harness();
    const sheet = firstSheet(app);
    sheet.getRange('A1:D1').setValues([[12.5, true, '2024-03-31', '']]);
    const values = sheet.getRange('A1:E1').getValues();
    expect(values).toBeInstanceOf(realm.Array);
    expect(values[0].slice(0, 2)).toEqual([12.5, true]);
    expect(Object.prototype.toString.call(values[0][2])).toBe('[object Date]');
    expect(values[0][2]).toBeInstanceOf(realm.Date);
    expect((values[0][2] as Date).getTime()).toBe(new Date('2024-03-31T00:00:00+07:00').getTime());
    expect(values[0].slice(3)).toEqual(['', '']);
    expect(calls.filter((c) => c.method === 'setValues')).toEqual([{ service: 'Range', method: 'setValues', kind: 'write', cells: 4 }]);
    expect(calls.filter((c) => c.method === 'getValues')).toEqual([{ service: 'Range', method: 'getValues', kind: 'read', cells: 5 }]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  test("setValues with the wrong dimensions throws Apps Script's message and writes nothing", () => {
    const { app, realm } = harness();
    const range = firstSheet(app).getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => range.setValues([[1, 2], [3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    let thrown: unknown;
    try {
      range.setValues([[1]]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(realm.Error);
    expect(range.getValues()).toEqual([['', ''], ['', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) (a string starting with = is a formula)
  test('a string starting with "=" becomes a formula; "\'=" stays text', () => {
    const { app, workbook } = harness();
    const sheet = firstSheet(app);
    sheet.getRange('A1:C1').setValues([[2, '=A1*3', "'=A1*3"]]);
    sheet.getRange('D1').setValue('=B1+1');
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[2, 6, '=A1*3', 7]]);
    expect(workbook.sheets[0].rows[0].map((c) => c?.formula)).toEqual([undefined, '=A1*3', undefined, '=B1+1']);
  });
});

describe('sheets', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
  test('insertSheet refuses a name taken in another case; getSheetByName matches case-insensitively', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const unit = ss.insertSheet('Unit');
    expect(() => ss.insertSheet('UNIT')).toThrow('A sheet with the name "UNIT" already exists. Please enter another name.');
    expect(ss.getSheetByName('unit')?.model).toBe(unit.model);
    expect(() => unit.setName('x'.repeat(101))).toThrow();
    expect(ss.getSheetByName('Tidak Ada')).toBeNull();
    expect(() => unit.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  test('an Apps Script member the runtime does not emulate is loud', () => {
    const { app } = harness();
    const sheet = firstSheet(app) as unknown as { autoResizeColumns(a: number, b: number): void };
    expect(() => sheet.autoResizeColumns(1, 2)).toThrow('Not implemented in the local runtime: Sheet.autoResizeColumns');
    expect(() => (app as unknown as { ProtectionType: unknown }).ProtectionType).toThrow('Not implemented in the local runtime: SpreadsheetApp.ProtectionType');
  });
});

describe('protections', () => {
  function protectedUnitTab() {
    const base = harness();
    const sheet = base.app.getActiveSpreadsheet().insertSheet('D01 — Dinas Kesehatan');
    const whole = sheet.protect().setDescription('Tab unit D01');
    whole.addEditor(ASESOR);
    whole.removeEditors(whole.getEditors().filter((u) => u.getEmail() !== OWNER && u.getEmail() !== ASESOR));
    whole.setUnprotectedRanges([sheet.getRange('F8:G20')]);
    return { base, sheet, whole };
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/protection (editors; unprotected ranges of a sheet protection)
  test('the editor list decides who may write; the owner always may', () => {
    const { whole } = protectedUnitTab();
    expect(whole.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ASESOR]);
    expect(whole.model.description).toBe('Tab unit D01');
  });

  test('a script running as a user writes only where the protections let that user', () => {
    const { base } = protectedUnitTab();
    const pic = asUser(base, PIC).app.getActiveSpreadsheet().getSheetByName('D01 — Dinas Kesehatan');
    expect(() => pic?.getRange('A1').setValue('x')).toThrow('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    pic?.getRange('F8').setValue('Ya');
    const asesor = asUser(base, ASESOR).app.getActiveSpreadsheet().getSheetByName('D01 — Dinas Kesehatan');
    asesor?.getRange('H8').setValue('Tidak');
    expect(asesor?.getRange('F8:H8').getValues()).toEqual([['Ya', '', 'Tidak']]);
  });

  // https://support.google.com/docs/answer/1218656 (protected ranges; warning-only; data validation rejecting input)
  test('a user edit honours protections, warning-only ranges and strict list validation', () => {
    const { base, sheet } = protectedUnitTab();
    const id = sheet.model.sheetId;
    const dropdown = { condition: { type: 'ONE_OF_LIST', values: ['Ya', 'Tidak', 'Sebagian'].map((v) => ({ userEnteredValue: v })) }, strict: true };
    base.Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { updateCells: { range: { sheetId: id, startRowIndex: 7, endRowIndex: 20, startColumnIndex: 5, endColumnIndex: 6 }, rows: Array.from({ length: 13 }, () => ({ values: [{ dataValidation: dropdown }] })), fields: 'dataValidation' } },
          { addProtectedRange: { protectedRange: { range: { sheetId: id, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 9, endColumnIndex: 10 }, warningOnly: true } } },
        ],
      },
      ID,
    );
    const edit = (user: string, a1: string, value: string) => applyUserEdit(base.ctx, base.engine, { user, sheet: 'D01 — Dinas Kesehatan', a1, value });

    expect(edit(PIC, 'A1', 'x')).toEqual({
      ok: false,
      reason: expect.stringContaining('You are trying to edit a protected cell'),
      refusal: { kind: 'protected', editors: expect.arrayContaining([OWNER]) },
    });
    expect(edit(PIC, 'F8', 'ya')).toEqual({ ok: true });
    expect(edit(PIC, 'F9', 'Mungkin')).toEqual({ ok: false, reason: 'Input must be an item on the specified list.', refusal: { kind: 'invalid', items: ['Ya', 'Tidak', 'Sebagian'] } });
    // What Sheets refuses before any protection: a cell past the grid, an address that is none, a value over 50,000 characters.
    expect(edit(PIC, 'ZZZZ99999999', 'x')).toMatchObject({ ok: false, refusal: { kind: 'outsideGrid' } });
    expect(edit(PIC, 'A0', 'x')).toMatchObject({ ok: false, refusal: { kind: 'badCell' } });
    expect(edit(PIC, 'F8', 'x'.repeat(50_001))).toMatchObject({ ok: false, refusal: { kind: 'tooLong', length: 50_001, max: 50_000 } });
    expect(applyUserEdit(base.ctx, base.engine, { user: PIC, sheet: 'Tidak Ada', a1: 'A1', value: 'x' })).toMatchObject({ ok: false, refusal: { kind: 'noSheet' } });
    expect(edit(OWNER, 'A1', 'Judul')).toEqual({ ok: true });
    expect(edit(PIC, 'J1', 'catatan')).toMatchObject({ ok: false });
    sheet.model.protectedRanges = sheet.model.protectedRanges.filter((p) => p.warningOnly);
    expect(edit(PIC, 'J1', 'catatan')).toEqual({ ok: true, warning: expect.stringContaining("shouldn't be changed accidentally") });
    expect(sheet.getRange('F8:F9').getValues()).toEqual([['ya'], ['']]);
  });
});

describe('authorisation modes', () => {
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
  test('in AuthMode.NONE only the Ui works', () => {
    const base = harness();
    const none = asUser(base, OWNER, 'NONE');
    expect(() => none.app.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    none.app.getUi().createAddonMenu().addItem('Buka panel', 'showSidebar').addToUi();
    expect(base.ui.menus[0].items).toEqual([{ caption: 'Buka panel', functionName: 'showSidebar' }]);
  });

  // https://developers.google.com/apps-script/guides/sheets/functions#advanced (custom functions are read-only)
  test('in a custom function reads work and writes are refused', () => {
    const base = harness();
    firstSheet(base.app).getRange('A1').setValue(5);
    const custom = asUser(base, OWNER, 'CUSTOM_FUNCTION');
    const range = firstSheet(custom.app).getRange('A1');
    expect(range.getValues()).toEqual([[5]]);
    expect(() => range.setValue(6)).toThrow('You do not have permission to call setValue');
    expect(() => custom.app.getActiveSpreadsheet().insertSheet('X')).toThrow('You do not have permission to call insertSheet');
    expect(() => custom.app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
  test('alerts answer from the scripted queue, and throw without one', () => {
    const { app, ui } = harness();
    ui.answer({ button: 'YES' });
    const dialog = app.getUi();
    expect(dialog.alert('Kirim temuan', 'Kirim 3 email?', dialog.ButtonSet.YES_NO)).toBe(dialog.Button.YES);
    expect(ui.events[0]).toEqual({ kind: 'alert', title: 'Kirim temuan', prompt: 'Kirim 3 email?', buttons: 'YES_NO', answer: 'YES' });
    expect(() => dialog.alert('Lagi?')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Sheet.copyTo', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet):
  // "Copies the sheet to a given spreadsheet, which can be the same spreadsheet as the source. The
  // copied sheet is named "Copy of [original name]"." The name is the reference's, in English, as
  // the runtime names a new tab "Sheet<n>" whatever the spreadsheet's locale (id_ID here).
  test('the copy is "Copy of [original name]", with values, formulas, formats, validations and conditional formats, not protections', () => {
    const { app, workbook, Sheets } = harness();
    const ss = app.getActiveSpreadsheet();
    const cells = (values: unknown[]) => ({ values: values.map((v) => ({ userEnteredValue: typeof v === 'number' ? { numberValue: v } : String(v).startsWith('=') ? { formulaValue: v } : { stringValue: v } })) });
    const range = (startRowIndex: number, startColumnIndex: number, rows = 1, columns = 1) => ({ sheetId: 5, startRowIndex, endRowIndex: startRowIndex + rows, startColumnIndex, endColumnIndex: startColumnIndex + columns });
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId: 5, title: 'Templat', gridProperties: { frozenRowCount: 1 } } } },
          { updateCells: { range: range(0, 0, 2, 3), rows: [cells(['Kode', 'Bobot', 'Dua kali']), cells(['SP-01', 3, '=B2*2'])], fields: 'userEnteredValue' } },
          { updateCells: { range: range(0, 0, 1, 1), rows: [{ values: [{ userEnteredFormat: { backgroundColor: { red: 0.8, green: 0.9, blue: 1 } } }] }], fields: 'userEnteredFormat' } },
          { updateCells: { range: range(1, 3), rows: [{ values: [{ dataValidation: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }] }, strict: true } }] }], fields: 'dataValidation' } },
          { addConditionalFormatRule: { index: 0, rule: { ranges: [range(1, 3, 8)], booleanRule: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Tidak' }] }, format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } } } } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: 5 }, description: 'templat' } } },
        ],
      },
      ID,
    );
    const template = ss.getSheetByName('Templat');
    if (!template) throw new Error('no template');

    const copy = template.copyTo(ss);
    const model = copy.model;
    expect(model.title).toBe('Copy of Templat');
    expect(workbook.sheets.map((s) => s.title)).toEqual(['Sheet1', 'Templat', 'Copy of Templat']);
    expect(model.sheetId).not.toBe(5);
    expect(copy.getRange('A1:C2').getValues()).toEqual([['Kode', 'Bobot', 'Dua kali'], ['SP-01', 3, 6]]);
    expect(model.rows[1][2]?.formula).toBe('=B2*2');
    expect(model.rows[0][0]?.format?.background).toBe('#cce6ff');
    expect(model.frozenRowCount).toBe(1);
    expect(model.dataValidations).toEqual([{ range: { ...range(1, 3), sheetId: model.sheetId }, rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Ya' }] }, strict: true } }]);
    expect(model.conditionalFormats.map((r) => r.ranges)).toEqual([[{ ...range(1, 3, 8), sheetId: model.sheetId }]]);
    expect(model.protectedRanges).toEqual([]);
    expect(template.model.protectedRanges).toHaveLength(1);

    // the copy is a sheet of its own: writing it leaves the template alone
    copy.getRange('B2').setValue(10);
    expect(copy.getRange('C2').getValues()).toEqual([[20]]);
    expect(template.getRange('C2').getValues()).toEqual([[6]]);

    // a taken name gets a number, as Sheets de-duplicates names
    expect(template.copyTo(ss).model.title).toBe('Copy of Templat 2');
    expect(() => copy.copyTo({} as never)).toThrow("The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.copyTo.");
  });

  test('a sheet with charts is refused by name (the only copies made are of a plain template)', () => {
    const { app, Sheets } = harness();
    const ss = app.getActiveSpreadsheet();
    const template = ss.insertSheet('Templat');
    Sheets.Spreadsheets.batchUpdate({ requests: [{ addChart: { chart: { spec: { title: 'Skor' }, position: { overlayPosition: { anchorCell: { sheetId: template.model.sheetId } } } } } }] }, ID);
    expect(() => template.copyTo(ss)).toThrow('Not implemented in the local runtime: Sheet.copyTo of a sheet with charts');
  });

  test('a copied custom-function cell computes in the copy', () => {
    const host = { functions: [{ name: 'KALI', resultSize: { rows: 1, columns: 2 } }], invoke: (_name: string, args: unknown[]) => [[Number(args[0]) * 2, Number(args[0]) * 3]] };
    const { app } = harness({ customFunctions: host });
    const ss = app.getActiveSpreadsheet();
    const template = ss.insertSheet('Templat');
    template.getRange('A1:B1').setValues([[4, '=KALI(A1)']]);
    const copy = template.copyTo(ss);
    copy.getRange('A1').setValue(5);
    expect(copy.getRange('B1:C1').getValues()).toEqual([[10, 15]]);
    expect(template.getRange('B1:C1').getValues()).toEqual([[8, 12]]);
  });
});
