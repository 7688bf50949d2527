// SpreadsheetApp against documented Apps Script behaviour.
import { applyUserEdit } from '../../local/services/spreadsheet';
import { asUser, harness, OWNER } from './spreadsheet-harness';

const PIC = 'pic@dinkes.muarojambikab.go.id';
const ASESOR = 'asesor@ombudsman.go.id';

describe('values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  test('getValues returns numbers, booleans, Dates of the script realm for date cells and "" for empty cells', () => {
    const { app, realm, calls } = harness();
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1:D1').setValues([[12.5, true, '2024-03-31', '']]);
    const values = sheet.getRange('A1:E1').getValues();
    expect(values).toBeInstanceOf(realm.Array);
    expect(values[0].slice(0, 2)).toEqual([12.5, true]);
    expect(Object.prototype.toString.call(values[0][2])).toBe('[object Date]');
    expect(values[0][2]).toBeInstanceOf(realm.Date);
    expect((values[0][2] as Date).getTime()).toBe(new Date('2024-03-31T00:00:00+07:00').getTime());
    expect(values[0].slice(3)).toEqual(['', '']);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['12,5', 'TRUE', '2024-03-31']]);
    expect(calls.filter((c) => c.method === 'setValues')).toEqual([{ service: 'Range', method: 'setValues', kind: 'write', cells: 4 }]);
    expect(calls.filter((c) => c.method === 'getValues')).toEqual([{ service: 'Range', method: 'getValues', kind: 'read', cells: 5 }]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  test('setValues with the wrong dimensions throws Apps Script\'s message and writes nothing', () => {
    const { app, realm } = harness();
    const range = app.getActiveSheet().getRange(1, 1, 2, 2);
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
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:C1').setValues([[2, '=A1*3', "'=A1*3"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, 6, '=A1*3']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1*3', '']]);
    sheet.getRange('D1').setFormula('=B1+1');
    expect(sheet.getRange('D1').getValue()).toBe(7);
  });
});

describe('sheets', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
  test('insertSheet refuses a name taken in another case; getSheetByName matches case-insensitively', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const unit = ss.insertSheet('Unit');
    expect(() => ss.insertSheet('UNIT')).toThrow('A sheet with the name "UNIT" already exists. Please enter another name.');
    expect(ss.getSheetByName('unit')?.getSheetId()).toBe(unit.getSheetId());
    expect(ss.getActiveSheet().getName()).toBe('Unit');
    expect(() => unit.setName('x'.repeat(101))).toThrow();
    expect(ss.getSheetByName('Tidak Ada')).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
  test('getRange reads A1 with quoted sheet names on the spreadsheet', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet("Dinas Kesehatan's").getRange('B2').setValue('Ya');
    expect(ss.getRange("'Dinas Kesehatan''s'!B2").getValue()).toBe('Ya');
    expect(() => ss.getActiveSheet().getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  test('an Apps Script method the runtime does not emulate is loud', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet() as unknown as { autoResizeColumns(a: number, b: number): void };
    expect(() => sheet.autoResizeColumns(1, 2)).toThrow('Not implemented in the local runtime: Sheet.autoResizeColumns');
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
    return { base, sheet };
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/protection (editors; unprotected ranges of a sheet protection)
  test('the editor list decides who may write; the owner always may', () => {
    const { base } = protectedUnitTab();
    const protection = base.app.getActiveSheet().getProtections(base.app.ProtectionType.SHEET)[0];
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ASESOR]);
    expect(protection.getDescription()).toBe('Tab unit D01');

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
    const rule = base.app.newDataValidation().requireValueInList(['Ya', 'Tidak', 'Sebagian']).setAllowInvalid(false).build();
    sheet.getRange('F8:F20').setDataValidation(rule);
    sheet.getRange('J1').protect().setWarningOnly(true);
    const edit = (user: string, a1: string, value: string) => applyUserEdit(base.ctx, base.engine, { user, sheet: 'D01 — Dinas Kesehatan', a1, value });

    expect(edit(PIC, 'A1', 'x')).toEqual({ ok: false, reason: expect.stringContaining('You are trying to edit a protected cell') });
    expect(edit(PIC, 'F8', 'ya')).toEqual({ ok: true });
    expect(edit(PIC, 'F9', 'Mungkin')).toEqual({ ok: false, reason: 'Input must be an item on the specified list.' });
    expect(edit(OWNER, 'A1', 'Judul')).toEqual({ ok: true });
    expect(edit(PIC, 'J1', 'catatan')).toMatchObject({ ok: false });
    sheet.getProtections(base.app.ProtectionType.SHEET)[0].remove();
    expect(edit(PIC, 'J1', 'catatan')).toEqual({ ok: true, warning: expect.stringContaining("shouldn't be changed accidentally") });
    expect(sheet.getRange('F8:F9').getValues()).toEqual([['ya'], ['']]);
    expect(sheet.getRange('F8').getDataValidation()?.getCriteriaValues()[0]).toEqual(['Ya', 'Tidak', 'Sebagian']);
  });
});

describe('developer metadata', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
  test('a finder filters by key and value within its scope; metadata can be changed and removed', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const a = ss.insertSheet('Tab A').addDeveloperMetadata('pendamping.unit', 'D01');
    ss.insertSheet('Tab B').addDeveloperMetadata('pendamping.unit', 'D02', app.DeveloperMetadataVisibility.PROJECT);
    ss.addDeveloperMetadata('pendamping.versi', '1');
    const found = ss.createDeveloperMetadataFinder().withKey('pendamping.unit').withValue('D02').find();
    expect(found).toHaveLength(1);
    expect(found[0].getLocation().getSheet()?.getName()).toBe('Tab B');
    expect(String(found[0].getVisibility())).toBe('PROJECT');
    expect(a.createDeveloperMetadataFinder().find().map((m) => m.getValue())).toEqual(['D01']);
    found[0].setValue('D03');
    expect(ss.createDeveloperMetadataFinder().withValue('D03').find()).toHaveLength(1);
    ss.createDeveloperMetadataFinder().withKey('pendamping.unit').find().forEach((m) => m.remove());
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['pendamping.versi']);
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
    base.app.getActiveSheet().getRange('A1').setValue(5);
    const custom = asUser(base, OWNER, 'CUSTOM_FUNCTION');
    const range = custom.app.getActiveSheet().getRange('A1');
    expect(range.getValue()).toBe(5);
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
    const { app, workbook } = harness();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('id_ID');
    const template = ss.insertSheet('Templat');
    template.getRange('A1:C2').setValues([['Kode', 'Bobot', 'Dua kali'], ['SP-01', 3, '=B2*2']]);
    template.getRange('A1:C1').setBackground('#cfe2f3');
    template.setFrozenRows(1);
    template.getRange('D2').setDataValidation(app.newDataValidation().requireValueInList(['Ya', 'Tidak']).setAllowInvalid(false).build());
    template.setConditionalFormatRules([app.newConditionalFormatRule().whenTextEqualTo('Tidak').setBackground('#f4cccc').setRanges([template.getRange('D2:D9')]).build()]);
    template.protect().setDescription('templat').removeEditors(['pic@dinkes.muarojambikab.go.id']);

    const copy = template.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Templat');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Templat', 'Copy of Templat']);
    expect(copy.getSheetId()).not.toBe(template.getSheetId());
    expect(copy.getRange('A1:C2').getValues()).toEqual([['Kode', 'Bobot', 'Dua kali'], ['SP-01', 3, 6]]);
    expect(copy.getRange('C2').getFormula()).toBe('=B2*2');
    expect(copy.getRange('A1').getBackground()).toBe('#cfe2f3');
    expect(copy.getFrozenRows()).toBe(1);
    expect(copy.getRange('D2').getDataValidation()?.getCriteriaValues()).toEqual([['Ya', 'Tidak'], true]);
    expect(copy.getConditionalFormatRules().map((r) => r.getRanges().map((x) => x.getA1Notation()))).toEqual([['D2:D9']]);
    expect(copy.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(template.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);

    // the copy is a sheet of its own: writing it leaves the template alone
    copy.getRange('B2').setValue(10);
    expect(copy.getRange('C2').getValue()).toBe(20);
    expect(template.getRange('C2').getValue()).toBe(6);
    expect(workbook.sheets[2].dataValidations[0].range.sheetId).toBe(copy.getSheetId());

    // a taken name gets a number, as Sheets de-duplicates names
    expect(template.copyTo(ss).getName()).toBe('Copy of Templat 2');
    expect(() => copy.copyTo({} as never)).toThrow("The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.copyTo.");
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
