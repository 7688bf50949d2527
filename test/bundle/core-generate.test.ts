// The core programme through the built bundle in the local runtime: setup, generating the 30
// demo units, bad Unit rows, a broken Instrumen, agency text kept as text, the admin check,
// and the cost of a generation in the latency model.
import { newWorkbook } from '../../local/model/workbook';
import { recapColumn } from '../../src/domain/plan/layout';
import { HEADERS } from '../../src/domain/tables';
import { ADMIN, DEMO_UNITS_30, built, cell, demoWorkbook, grid, ok, run, runtimeFor, sheet, shown, tsv, unitTab, visible } from './core-fixture';

beforeAll(built);

describe('Siapkan buku kerja', () => {
  test('creates every system tab, removes the empty Sheet1, records the installer as admin', async () => {
    const workbook = newWorkbook({ owner: ADMIN });
    const rt = await runtimeFor(workbook, ADMIN);
    const result = ok(run(rt, 'setupWorkbook'));
    expect(result.created).toEqual(['Pengaturan', 'Instrumen', 'Aspek', 'Kategori', 'Unit', 'Rekap', 'Log Email', 'Riwayat']);
    expect(workbook.sheets.map((s) => s.title)).toEqual(result.created);
    expect(workbook.documentProperties['pendamping.installer']).toBe(ADMIN);
    const settings = grid(sheet(workbook, 'Pengaturan'));
    expect(settings.find((r) => r[0] === 'email_admin')?.[1]).toBe(ADMIN);
    expect(settings.find((r) => r[0] === 'profil')?.[1]).toBe('opini-2025');
    expect(grid(sheet(workbook, 'Instrumen'))).toHaveLength(58);
    expect(sheet(workbook, 'Unit').frozenRowCount).toBe(1);
    expect(grid(sheet(workbook, 'Unit'))[0]).toEqual([...HEADERS.unit]);
  });

  test('running it again changes nothing; a deleted header cell is restored and data kept', async () => {
    const { workbook, rt } = await demoWorkbook();
    const before = JSON.stringify(workbook.sheets);
    const again = ok(run(rt, 'setupWorkbook'));
    expect(again).toMatchObject({ created: [], repaired: 0 });
    expect(JSON.stringify(workbook.sheets)).toBe(before);
    expect(rt.edit(ADMIN, 'Unit', 'H1', '')).toMatchObject({ ok: true });
    ok(run(rt, 'setupWorkbook'));
    const unit = sheet(workbook, 'Unit');
    expect(shown(unit, 0, 7)).toBe('Status');
    expect(shown(unit, 1, 0)).toBe('DISDIKBUD');
  });

  test('the opini-2022 profile brings its aspect weights', async () => {
    const workbook = newWorkbook({ owner: ADMIN });
    const rt = await runtimeFor(workbook, ADMIN);
    ok(run(rt, 'setupWorkbook', { profile: 'opini-2022' }));
    expect(grid(sheet(workbook, 'Aspek')).slice(0, 2)).toEqual([
      ['Aspek', 'Bobot Aspek'],
      ['Input', 21.85],
    ]);
    expect(run(rt, 'setupWorkbook', { profile: 'tidak-ada' })).toMatchObject({ ok: false, error: expect.stringContaining('tidak-ada') });
  });
});

describe('Buat / perbarui tab unit on the 30 demo units', () => {
  test('one tab per unit, Unit Tab/Status, Rekap, one custom-function cell per tab, within the budget', async () => {
    const { workbook, rt } = await demoWorkbook();
    const before = rt.snapshot();
    const result = ok(run(rt, 'generateUnitTabs'));
    const after = rt.snapshot();
    expect(result.created).toHaveLength(30);
    expect(result.rejected).toEqual([]);
    // Each new tab's RINGKASAN_KEPATUHAN cell is computed once; Sheets does that on its own,
    // beside the script, so the metrics count those evaluations apart from the script's cost.
    expect(after.customFunctionCells - before.customFunctionCells).toBe(30);
    expect(after.customFunctionRoundTrips - before.customFunctionRoundTrips).toBe(30);
    const roundTrips = after.roundTrips - before.roundTrips;
    const modeledMs = after.modeledMs - before.modeledMs;
    expect(roundTrips).toBeLessThanOrEqual(15);
    expect(modeledMs).toBeLessThanOrEqual(10_000);

    const unit = grid(sheet(workbook, 'Unit'));
    for (const row of unit.slice(1)) {
      expect(row[7]).toBe('OK');
      const tab = sheet(workbook, String(row[6]));
      expect(tab.developerMetadata.find((m) => m.metadataKey === 'pendamping.unit')?.metadataValue).toBe(row[0]);
      expect(tab.title.length).toBeLessThanOrEqual(31);
      expect(tab.title).not.toMatch(/[:\\/?*[\]]/);
      expect(tab.frozenRowCount).toBe(7);
      expect(tab.rowCount).toBe(47);
      expect(tab.columnCount).toBe(HEADERS.unitTable.length);
      // One custom-function cell; the other formulas are each row's Nilai, plain spreadsheet functions.
      const formulas = tab.rows.flat().filter((c) => c?.formula !== undefined);
      expect(formulas.filter((c) => c?.formula?.includes('KEPATUHAN')).map((c) => c?.formula)).toEqual(["=RINGKASAN_KEPATUHAN(A7:Q47,'Kategori'!A:F,'Aspek'!A:B)"]);
      const nilai = HEADERS.unitTable.indexOf('Nilai');
      expect(tab.rows.slice(7, 47).map((r) => r?.[nilai]?.formula?.startsWith('=IF('))).toEqual(Array(40).fill(true));
      expect(formulas).toHaveLength(41);
      expect(grid(tab)[6]).toEqual([...HEADERS.unitTable]);
    }
    const dinkes = unitTab(workbook, 'DINKES');
    expect(shown(dinkes, 0, 0)).toBe('DINKES — Dinas Kesehatan');
    expect(dinkes.conditionalFormats).toHaveLength(3);
    expect(dinkes.protectedRanges).toHaveLength(5);

    const rekap = sheet(workbook, 'Rekap');
    const rows = grid(rekap);
    expect(rows.filter((r, i) => i > 0 && r[0] !== '')).toHaveLength(30);
    expect(cell(rekap, 2, 3)?.formula).toBe(`='${dinkes.title}'!B5`);
    expect(cell(rekap, 2, recapColumn('Tab'))?.formula).toBe(`=HYPERLINK("#gid=${dinkes.sheetId}","${dinkes.title}")`);
    // The category chart, and the trend over the rounds (the workbook starts with its first round's label).
    expect(rekap.charts.map((c) => [c.spec.title, (c.spec.basicChart as { chartType?: string } | undefined)?.chartType])).toEqual([
      ['Sebaran Kategori', 'COLUMN'],
      ['Rata-rata Skor Akhir per Putaran', 'LINE'],
    ]);
  });

  test('running it again keeps every tab and changes no answer', async () => {
    const { workbook, rt } = await demoWorkbook(DEMO_UNITS_30.slice(0, 4));
    ok(run(rt, 'generateUnitTabs'));
    const first = visible(workbook);
    ok(run(rt, 'generateUnitTabs'));
    expect(visible(workbook) === first).toBe(true);
    const tabs = workbook.sheets.map((s) => [s.sheetId, s.title]);
    const tab = unitTab(workbook, 'DINKES');
    expect(rt.edit('pic.dinkes@muarojambi.example', tab.title, 'F8', 'Ya')).toMatchObject({ ok: true });
    const again = ok(run(rt, 'generateUnitTabs'));
    expect(again.created).toEqual([]);
    expect(again.updated).toHaveLength(3);
    expect(workbook.sheets.map((s) => [s.sheetId, s.title])).toEqual(tabs);
    expect(shown(unitTab(workbook, 'DINKES'), 7, 5)).toBe('Ya');
    expect(unitTab(workbook, 'DINKES').protectedRanges).toHaveLength(5);
    expect(unitTab(workbook, 'DINKES').conditionalFormats).toHaveLength(3);
  });
});

describe('bad input', () => {
  test('bad Unit rows get their Status and no tab; the good rows proceed', async () => {
    const rows = [
      DEMO_UNITS_30[0], // the header row
      DEMO_UNITS_30[1],
      ['BAD1', '', 'OPD', 'x', 'pic@x.example', ''],
      ['BAD2', 'Dinas Salah Email', 'OPD', 'x', 'bukan-email', 'asesor@'],
      [DEMO_UNITS_30[1][0], 'Duplikat', 'OPD', 'x', 'pic@x.example', ''],
      ['', 'Tanpa Kode', 'OPD', 'x', 'pic@x.example', ''],
      DEMO_UNITS_30[2],
    ];
    const { workbook, rt } = await demoWorkbook(rows);
    const result = ok(run(rt, 'generateUnitTabs'));
    expect(result.created).toHaveLength(2);
    expect((result.rejected as { row: number }[]).map((r) => r.row)).toEqual([3, 4, 5, 6]);
    const unit = grid(sheet(workbook, 'Unit'));
    expect(unit.map((r) => r[7])).toEqual([
      'Status',
      'OK',
      expect.stringContaining('Nama Unit'),
      expect.stringContaining('bukan-email'),
      expect.stringContaining('DISDIKBUD'),
      expect.stringContaining('Kode'),
      'OK',
    ]);
    expect(shown(sheet(workbook, 'Unit'), 3, 6)).toBe('');
    expect(workbook.sheets.filter((s) => s.developerMetadata.some((m) => m.metadataKey === 'pendamping.unit'))).toHaveLength(2);
  });

  test('a broken Instrumen stops with the whole list of problems and changes nothing', async () => {
    const { workbook, rt } = await demoWorkbook(DEMO_UNITS_30.slice(0, 3));
    rt.edit(ADMIN, 'Instrumen', 'D2', 'berat');
    rt.edit(ADMIN, 'Instrumen', 'E3', 'ya-mungkin');
    rt.edit(ADMIN, 'Instrumen', 'A5', 'SP-01');
    const before = JSON.stringify(workbook.sheets);
    const result = run(rt, 'generateUnitTabs');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems?.map((p) => [p.tab, p.row])).toEqual([
      ['Instrumen', 2],
      ['Instrumen', 3],
      ['Instrumen', 5],
    ]);
    expect(result.problems?.[0].message).toMatch(/Bobot/);
    expect(JSON.stringify(workbook.sheets)).toBe(before);
  });

  test('a unit name or answer starting with = stays text', async () => {
    const rows = [DEMO_UNITS_30[0], ['EVIL', '=IMPORTXML("http://x.example","//a")', '+OPD', '@x', 'pic.evil@x.example', '']];
    const { workbook, rt } = await demoWorkbook(rows);
    ok(run(rt, 'generateUnitTabs'));
    const unit = sheet(workbook, 'Unit');
    expect(cell(unit, 1, 1)).toMatchObject({ value: '=IMPORTXML("http://x.example","//a")' });
    expect(cell(unit, 1, 1)?.formula).toBeUndefined();
    const tab = unitTab(workbook, 'EVIL');
    expect(cell(tab, 0, 0)).toMatchObject({ value: 'EVIL — =IMPORTXML("http://x.example","//a")' });
    expect(cell(tab, 0, 0)?.formula).toBeUndefined();
    const rekap = sheet(workbook, 'Rekap');
    expect(cell(rekap, 1, 1)?.formula).toBeUndefined();
    expect(cell(rekap, 1, 2)).toMatchObject({ value: '+OPD' });
  });

  test('a non-admin is refused and nothing changes', async () => {
    const { workbook } = await demoWorkbook(DEMO_UNITS_30.slice(0, 2));
    const before = JSON.stringify(workbook.sheets);
    const stranger = await runtimeFor(workbook, 'pic.dinkes@muarojambi.example');
    for (const fn of ['generateUnitTabs', 'refreshRecap', 'setupWorkbook']) {
      const result = run(stranger, fn);
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining('hanya untuk admin') });
    }
    expect(run(stranger, 'addUnits', tsv([DEMO_UNITS_30[5]]))).toMatchObject({ ok: false });
    expect(JSON.stringify(workbook.sheets)).toBe(before);
  });
});

describe('Perbarui rekap', () => {
  test('rebuilds Rekap in a few round trips', async () => {
    const { workbook, rt } = await demoWorkbook();
    ok(run(rt, 'generateUnitTabs'));
    const before = rt.snapshot();
    const result = ok(run(rt, 'refreshRecap'));
    const after = rt.snapshot();
    expect(result.units).toBe(30);
    expect(after.roundTrips - before.roundTrips).toBeLessThanOrEqual(5);
    expect(grid(sheet(workbook, 'Rekap')).filter((r, i) => i > 0 && r[0] !== '')).toHaveLength(30);
  });
});

describe('the menu', () => {
  test('has the core items, and its handlers report in an alert', async () => {
    const { rt } = await demoWorkbook(DEMO_UNITS_30.slice(0, 3));
    rt.run('onOpen');
    const items = rt.ui.menus[rt.ui.menus.length - 1].items.map((i) => i.functionName).filter(Boolean);
    expect(items).toEqual(expect.arrayContaining(['showSidebar', 'menuSetup', 'menuGenerate', 'menuRecap', 'showHelp']));
    rt.ui.answers.push({ button: 'OK' });
    rt.run('menuGenerate');
    expect(rt.ui.events[rt.ui.events.length - 1]).toMatchObject({ kind: 'alert', title: 'Buat / perbarui tab unit', prompt: expect.stringContaining('2 tab unit dibuat') });
    rt.edit(ADMIN, 'Instrumen', 'D2', 'berat');
    rt.ui.answers.push({ button: 'OK' });
    rt.run('menuRecap');
    expect(rt.ui.events[rt.ui.events.length - 1]).toMatchObject({ prompt: 'Rekap diperbarui: 2 unit.' });
    rt.ui.answers.push({ button: 'OK' });
    rt.run('menuGenerate');
    expect(rt.ui.events[rt.ui.events.length - 1]).toMatchObject({ prompt: expect.stringMatching(/^Tidak ada yang diubah.*\n• Tab Instrumen baris 2/s) });
  });
});

describe('who is admin', () => {
  test('with email_admin empty, the installer is the admin', async () => {
    const { workbook, rt } = await demoWorkbook(DEMO_UNITS_30.slice(0, 2));
    const row = grid(sheet(workbook, 'Pengaturan')).findIndex((r) => r[0] === 'email_admin') + 1;
    expect(rt.edit(ADMIN, 'Pengaturan', `B${row}`, '')).toMatchObject({ ok: true });
    const other = await runtimeFor(workbook, 'asesor1@ombudsman.example');
    expect(run(other, 'generateUnitTabs')).toMatchObject({ ok: false, error: expect.stringContaining(ADMIN) });
    ok(run(rt, 'generateUnitTabs'));
    expect(unitTab(workbook, 'DISDIKBUD').protectedRanges[0].editors.users).toEqual([ADMIN]);
  });
});

describe('the opini-2022 profile', () => {
  test('generation works with aspect weights and the 0-3 scale', async () => {
    const workbook = newWorkbook({ owner: ADMIN });
    const rt = await runtimeFor(workbook, ADMIN);
    ok(run(rt, 'setupWorkbook', { profile: 'opini-2022' }));
    ok(run(rt, 'addUnits', tsv(DEMO_UNITS_30.slice(1, 3))));
    const result = ok(run(rt, 'generateUnitTabs'));
    expect(result.created).toHaveLength(2);
    const tab = unitTab(workbook, 'DINKES');
    expect(shown(tab, 7, 4)).toBe('0-3');
    expect(tab.conditionalFormats.length).toBe(3);
  });
});
