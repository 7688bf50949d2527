// The request builders of src/sheets/requests.ts, applied by the local runtime's Sheets API as
// Sheets applies them. Each test asserts what the workbook holds afterwards (values, formats,
// notes, dropdowns, widths, who may edit what), never the shape of the requests.
import { applyUserEdit } from '../../local/services/spreadsheet/user-edit';
import { formula, kept, num, text, type PlannedCell } from '../../src/domain/plan/cells';
import { METADATA_KEYS, PROTECTION_TAGS, UNIT_TAB, UNIT_TAB_WIDTHS } from '../../src/domain/plan/layout';
import { CATEGORY_CELL, planUnitTabs, unitProtections, type UnitTabsInput } from '../../src/domain/plan/unit-tabs';
import { parseSettings } from '../../src/domain/settings';
import { SCORE_SCALE } from '../../src/domain/scale';
import { MAX_BODY_BYTES, batchesOf, utf8Length } from '../../src/sheets/api';
import { newTabsRequests } from '../../src/sheets/generate';
import { addColourRule, addProtection, addSheet, columnWidths, createSheetMetadata, setProtectionEditors, updateCells, updateProtection, type Request } from '../../src/sheets/requests';
import { appliedWorkbook } from './applied-requests';
import { parsedProfile } from './shipped-profile';

const PROFILE = parsedProfile('ombudsman-2021');

const SHEET_ID = 9;
const TITLE = 'Unit Tab';

/** A workbook holding one 60 × 14 tab, after `requests` were applied in one batchUpdate. */
function tabAfter(...requests: Request[]) {
  const h = appliedWorkbook();
  h.apply(addSheet(SHEET_ID, TITLE, 60, 14, 0), ...requests);
  const sheet = () => h.sheet(SHEET_ID);
  return {
    apply: h.apply,
    sheet,
    /** The stored cell at zero-based (row, column). */
    cell: (row: number, column: number) => sheet().rows[row]?.[column],
    /** What the cell evaluates to, as the add-on reads it (unformatted). */
    value: (a1: string): unknown => h.values(`'${TITLE}'!${a1}`, 1, 1)[0][0],
    /** The dropdown items of the cell, or undefined. */
    dropdown: (row: number, column: number) =>
      sheet()
        .dataValidations.filter((v) => (v.range.startRowIndex ?? 0) <= row && row < (v.range.endRowIndex ?? Infinity))
        .filter((v) => (v.range.startColumnIndex ?? 0) <= column && column < (v.range.endColumnIndex ?? Infinity))
        .map((v) => v.rule.condition.values?.map((item) => item.userEnteredValue))
        .pop(),
    /** Whether `user` may type `value` into the cell in the Sheets UI (protections and dropdowns enforced). */
    canType: (user: string, a1: string, value = 'Ya') => applyUserEdit(h.ctx, h.engine, { user, sheet: TITLE, a1, value }).ok,
  };
}

test('text that starts with = + - @ stays text; only our formulas are formulas', () => {
  const agencyText = ['=IMPORTXML("x")', '+62 811', '-', '@here'];
  const tab = tabAfter(
    updateCells(SHEET_ID, 0, 0, [
      agencyText.map((value) => text(value)),
      agencyText.map((value) => kept(value)),
      [formula('=A1'), num(3), kept(true), kept('')],
    ]),
  );
  for (const row of [0, 1]) {
    agencyText.forEach((value, column) => {
      expect(tab.cell(row, column)?.formula).toBeUndefined();
      expect(tab.cell(row, column)?.value).toBe(value);
    });
  }
  expect(tab.cell(2, 0)?.formula).toBe('=A1');
  expect(tab.value('A3')).toBe('=IMPORTXML("x")');
  expect(tab.value('B3')).toBe(3);
  expect(tab.value('C3')).toBe(true);
  expect(tab.cell(2, 3)?.value).toBeUndefined();
});

test('styles, notes and dropdowns land on the cell', () => {
  const styled: PlannedCell = {
    value: { kind: 'number', value: 45382 },
    style: { bold: true, wrap: true, format: 'date', background: '#ff8000' },
    note: 'catatan',
    dropdown: { values: ['Ya', 'Tidak'], strict: true },
  };
  const tab = tabAfter(updateCells(SHEET_ID, 7, 5, [[styled]]));
  expect(tab.cell(7, 5)?.format).toEqual({ bold: true, wrap: true, numberFormat: 'yyyy-mm-dd', background: '#ff8000' });
  expect(tab.cell(7, 5)?.note).toBe('catatan');
  expect(tab.dropdown(7, 5)).toEqual(['Ya', 'Tidak']);
  expect(tab.canType('anyone@x.example', 'F8', 'Mungkin')).toBe(false);
  expect(tab.canType('anyone@x.example', 'F8', 'tidak')).toBe(true);
  expect(tab.dropdown(7, 6)).toBeUndefined();
});

test('updateCells replaces values, formats, notes and dropdowns in the whole block it covers, and nothing outside it', () => {
  const stale: PlannedCell = { value: { kind: 'text', text: 'lama' }, style: { bold: true }, note: 'catatan lama', dropdown: { values: ['Ya'], strict: true } };
  // The 2 × 2 block from D3, and a stale cell right of it and one below it.
  const tab = tabAfter(updateCells(SHEET_ID, 2, 3, [[stale, stale, stale], [stale, stale], [stale]]));
  tab.apply(updateCells(SHEET_ID, 2, 3, [[text('a'), kept('')], [text('b')]]));
  expect(tab.cell(2, 3)).toEqual({ value: 'a' });
  expect(tab.cell(3, 3)).toEqual({ value: 'b' });
  for (const [row, column] of [
    [2, 3],
    [2, 4],
    [3, 3],
    [3, 4],
  ]) {
    expect(tab.cell(row, column)?.note).toBeUndefined();
    expect(tab.cell(row, column)?.format).toBeUndefined();
    expect(tab.dropdown(row, column)).toBeUndefined();
  }
  expect(tab.cell(2, 4)?.value).toBeUndefined();
  expect(tab.cell(3, 4)?.value).toBeUndefined();
  for (const [row, column] of [
    [2, 5],
    [4, 3],
  ]) {
    expect(tab.cell(row, column)).toMatchObject({ value: 'lama', note: 'catatan lama', format: { bold: true } });
    expect(tab.dropdown(row, column)).toEqual(['Ya']);
  }
});

test('column widths are applied; a zero leaves the column as it is', () => {
  const tab = tabAfter(...columnWidths(SHEET_ID, [150, 80]));
  tab.apply(...columnWidths(SHEET_ID, [0, 0, 360, 120, 120]));
  const width = (column: number) => tab.sheet().columnWidths[column] ?? 100;
  expect([0, 1, 2, 3, 4, 5].map(width)).toEqual([150, 80, 360, 120, 120, 100]);
});

describe('unit tab protections', () => {
  const ADMIN = 'admin@x.example';
  const PIC = 'pic@x.example';
  const ASSESSOR = 'asesor@x.example';
  const protections = (dataRows: number, pic: string) => unitProtections(dataRows, ['Admin@X.example'], [pic], [ASSESSOR]);
  const idOf = (tab: ReturnType<typeof tabAfter>, tag: string) => {
    const found = tab.sheet().protectedRanges.find((p) => p.description === tag);
    if (!found) throw new Error(`no protection ${tag}`);
    return found.protectedRangeId;
  };

  test('the admins edit the whole tab, the PIC the answer block, the assessor also the verification', () => {
    const tab = tabAfter(...protections(40, PIC).map((p) => addProtection(SHEET_ID, p)));
    expect(['A1', 'A8', 'F8', 'H8', 'N47', 'F48'].filter((a1) => !tab.canType(ADMIN, a1))).toEqual([]);
    expect(['F8', 'G8', 'L8', 'M8', 'F47', 'L47', 'M47'].filter((a1) => !tab.canType(PIC, a1))).toEqual([]);
    expect(['A1', 'E8', 'H8', 'K47', 'N8', 'O8', 'M48', 'F48', 'F7'].filter((a1) => tab.canType(PIC, a1))).toEqual([]);
    expect(['F8', 'H8', 'K47', 'L47'].filter((a1) => !tab.canType(ASSESSOR, a1))).toEqual([]);
    expect(['A1', 'E8', 'F48'].filter((a1) => tab.canType(ASSESSOR, a1))).toEqual([]);
    expect(tab.canType('stranger@x.example', 'F8')).toBe(false);
  });

  test('Status Pengisian (E2) for the PIC, the assessor and the admins; Status Verifikasi (E3) for the assessor and the admins', () => {
    const tab = tabAfter(...protections(40, PIC).map((p) => addProtection(SHEET_ID, p)));
    expect([ADMIN, PIC, ASSESSOR].filter((user) => !tab.canType(user, 'E2', 'Diajukan'))).toEqual([]);
    expect([ADMIN, ASSESSOR].filter((user) => !tab.canType(user, 'E3', 'Terverifikasi'))).toEqual([]);
    expect(tab.canType(PIC, 'E3', 'Terverifikasi')).toBe(false);
    expect(['pic.lain@x.example', 'stranger@x.example'].filter((user) => tab.canType(user, 'E2') || tab.canType(user, 'E3'))).toEqual([]);
    // The labels and the rest of the top block stay with the admins.
    expect(['D2', 'D3', 'E1', 'E4', 'F2'].filter((a1) => tab.canType(PIC, a1) || tab.canType(ASSESSOR, a1))).toEqual([]);
  });

  test('updating a protection replaces its range, its spared block and its editors', () => {
    const tab = tabAfter(...protections(40, PIC).map((p) => addProtection(SHEET_ID, p)));
    const [sheet, answers] = protections(20, 'pic.baru@x.example');
    tab.apply(
      updateProtection(SHEET_ID, idOf(tab, PROTECTION_TAGS.sheet), sheet),
      updateProtection(SHEET_ID, idOf(tab, PROTECTION_TAGS.answers), answers),
    );
    expect(tab.canType('pic.baru@x.example', 'F8')).toBe(true);
    expect(tab.canType('pic.baru@x.example', 'F27')).toBe(true);
    expect(tab.canType('pic.baru@x.example', 'F28')).toBe(false);
    expect(tab.canType(PIC, 'F8')).toBe(false);
  });

  test('setting a protection\'s editors leaves its range as it was', () => {
    const tab = tabAfter(...protections(40, PIC).map((p) => addProtection(SHEET_ID, p)));
    tab.apply(setProtectionEditors(idOf(tab, PROTECTION_TAGS.sheet), ['a@x.example']));
    expect(tab.canType('a@x.example', 'A1')).toBe(true);
    expect(tab.canType(ADMIN, 'A1')).toBe(false);
    expect(tab.canType(PIC, 'F8')).toBe(true);
    expect(tab.canType(PIC, 'A1')).toBe(false);
  });
});

describe('compact payloads', () => {
  const settings = parseSettings(
    [
      ['Kunci', 'Nilai'],
      ['putaran', '2025 Pendampingan'],
      ['batas_waktu', '2025-03-31'],
      ['email_admin', 'admin@x.example'],
    ],
    'id',
  );
  if (!settings.ok) throw new Error('settings do not parse');
  /** What "Buat / perbarui tab unit" plans from for one new unit of the shipped profile. */
  const tabInput = (): UnitTabsInput => ({
    lang: 'id',
    settings: settings.value,
    indicators: PROFILE.indicators,
    categories: PROFILE.categories,
    scale: SCORE_SCALE,
    units: [{ row: 2, code: 'U0001', name: 'Unit Layanan 0001', type: 'OPD', picName: 'P', picEmails: ['pic@x.example'], assessorEmails: ['asesor@x.example'] }],
    listedCodes: ['U0001'],
    recordedTabs: new Map(),
    existing: [],
    titles: [],
    admins: ['admin@x.example'],
    firstFreeSheetId: SHEET_ID,
    archivedAt: '2025-01-02 10:00',
  });
  /** A new 40-indicator unit tab. */
  const unitTab = () => planUnitTabs(tabInput()).tabs[0];
  const bytes = (requests: readonly Request[]) => Buffer.byteLength(JSON.stringify({ requests }));

  test('a unit tab written with shared formats, notes and dropdowns as ranges ends exactly as written cell by cell', () => {
    const tab = unitTab();
    expect(tab.rows.length - UNIT_TAB.firstDataRow).toBe(40);
    const raw = appliedWorkbook();
    const logical = [addSheet(SHEET_ID, TITLE, tab.rowCount, UNIT_TAB.width, tab.frozenRows), updateCells(SHEET_ID, 0, 0, tab.rows)];
    raw.Sheets.Spreadsheets.batchUpdate({ requests: logical as never }, raw.workbook.spreadsheetId);
    const compact = appliedWorkbook();
    compact.apply(...logical);
    expect(compact.sheet(SHEET_ID).rows).toEqual(raw.sheet(SHEET_ID).rows);
    const ruleAt = (h: ReturnType<typeof appliedWorkbook>, row: number, column: number) =>
      h.sheet(SHEET_ID).dataValidations.find((v) => (v.range.startRowIndex ?? 0) <= row && row < (v.range.endRowIndex ?? Infinity) && (v.range.startColumnIndex ?? 0) <= column && column < (v.range.endColumnIndex ?? Infinity))?.rule;
    for (let row = 0; row < tab.rows.length; row++) {
      for (let column = 0; column < UNIT_TAB.width; column++) expect([row, column, ruleAt(compact, row, column)]).toEqual([row, column, ruleAt(raw, row, column)]);
    }
  });

  /** `count` units of the four Jenis of the benchmark, in turn. */
  const syntheticUnits = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return { row: i + 2, code: `U${n}`, name: `Unit Layanan Sintetis ${n}`, type: ['OPD', 'Kecamatan', 'Puskesmas', 'RSUD'][i % 4], picName: `PIC ${n}`, picEmails: [`pic.u${n}@x.example`], assessorEmails: [`asesor${(i % 10) + 1}@x.example`] };
    });
  const planFor = (count: number) => {
    const units = syntheticUnits(count);
    return planUnitTabs({ ...tabInput(), units, listedCodes: units.map((u) => u.code) });
  };

  test('500 units\' new tabs go in batches that never split a tab and stay under the 2 MB payload Google recommends', () => {
    const plan = planFor(500);
    const batches = batchesOf(newTabsRequests(plan.tabs, 0));
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(bytes(batch)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Each batch starts with a tab's first request (addSheet), and every tab is sent, in order.
    expect(batches.every((batch) => 'addSheet' in batch[0])).toBe(true);
    expect(batches.flat().flatMap((r) => (r.addSheet ? [r.addSheet.properties?.sheetId] : r.duplicateSheet ? [r.duplicateSheet.newSheetId] : []))).toEqual(plan.tabs.map((tab) => tab.sheetId));
  });

  test('new tabs with the same indicators are duplicates of the first, each ending exactly as written whole, at most 15 KB a tab', () => {
    const plan = planFor(9);
    // Each tab written whole, one after the other: what the duplicates must equal.
    const whole = appliedWorkbook();
    for (const tab of plan.tabs) {
      whole.apply(
        addSheet(tab.sheetId, tab.title, tab.rowCount, UNIT_TAB.width, tab.frozenRows),
        updateCells(tab.sheetId, 0, 0, tab.rows),
        ...columnWidths(tab.sheetId, UNIT_TAB_WIDTHS),
        ...tab.colourRules.map((rule, i) => addColourRule(tab.sheetId, CATEGORY_CELL, rule, i)),
        ...tab.protections.map((p) => addProtection(tab.sheetId, p)),
        createSheetMetadata(tab.sheetId, METADATA_KEYS.unit, tab.code),
      );
    }
    const duplicated = appliedWorkbook();
    const sheetCount = duplicated.workbook.sheets.length;
    for (const batch of batchesOf(newTabsRequests(plan.tabs, sheetCount))) duplicated.Sheets.Spreadsheets.batchUpdate({ requests: batch as never }, duplicated.workbook.spreadsheetId);
    const requests = newTabsRequests(plan.tabs, sheetCount).flat();
    // ombudsman-2021 has no Berlaku Untuk: every unit's tab has the same rows, the first written whole.
    expect(requests.filter((r) => r.duplicateSheet).length).toBe(8);
    const comparable = (h: ReturnType<typeof appliedWorkbook>) =>
      h.workbook.sheets.map((sheet) => ({ ...sheet, protectedRanges: sheet.protectedRanges.map(({ protectedRangeId: _id, ...p }) => p), developerMetadata: sheet.developerMetadata.map(({ metadataId: _id, ...m }) => m) }));
    expect(comparable(duplicated)).toEqual(comparable(whole));
    // One more tab: its duplicate, title row, protections and metadata.
    const five = planFor(5).tabs;
    const extra = bytes(newTabsRequests(five, 0).flat()) - bytes(newTabsRequests(five.slice(0, 4), 0).flat());
    expect(extra).toBeLessThanOrEqual(15_000);
  });

  test('UTF-8 length counts what the wire carries', () => {
    for (const text of ['', 'abc', 'Catatan — “asesor”', 'Ω', '😀', 'a\u{1F600}b\u00e9']) expect(utf8Length(text)).toBe(Buffer.byteLength(text));
  });
});
