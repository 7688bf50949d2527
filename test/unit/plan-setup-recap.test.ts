// Planning "Siapkan buku kerja" (create what is missing, never overwrite data) and Rekap
// (references to the unit tabs' summary, kept columns, each unit's stage, counts per category
// and per stage). Rekap's rows are checked by what they show once the local runtime has applied
// and computed them.
import { getProfile } from '../../src/domain/profiles';
import { SCORE_SCALE } from '../../src/domain/scale';
import { HEADERS, SETTING_KEYS, TABS } from '../../src/domain/tables';
import { columnLetter, kept, type PlannedCell } from '../../src/domain/plan/cells';
import { RECAP_HEADERS, recapColumn } from '../../src/domain/plan/layout';
import { planRecap, type RecapPlan } from '../../src/domain/plan/recap';
import { planSetup, type ExistingTab } from '../../src/domain/plan/setup';
import type { SheetInfo } from '../../src/sheets/api';
import { recapRequests } from '../../src/sheets/recap';
import { addSheet, updateCells } from '../../src/sheets/requests';
import { appliedWorkbook } from './applied-requests';

function shown(cell: PlannedCell): unknown {
  const v = cell.value;
  return v.kind === 'empty' ? '' : v.kind === 'text' ? v.text : v.kind === 'formula' ? v.formula : v.value;
}

const profile = getProfile('ombudsman-2021');
if (!profile) throw new Error('profile missing');

function tab(title: string, values: unknown[][], sheetId = 1): ExistingTab {
  return { sheetId, title, rowCount: 100, columnCount: 10, values };
}

describe('setup', () => {
  test('a new workbook gets every system tab from the profile, and loses its empty Sheet1', () => {
    const plan = planSetup({ lang: 'id', profile, admin: 'me@x.example', tabs: [tab('Sheet1', [])], firstFreeSheetId: 5 });
    expect(plan.create.map((t) => t.title)).toEqual(['Pengaturan', 'Instrumen', 'Aspek', 'Kategori', 'Unit', 'Rekap', 'Log Email', 'Riwayat']);
    expect(plan.create.map((t) => t.sheetId)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(plan.deleteSheetId).toBe(1);
    const instrumen = plan.create[1];
    expect(instrumen.rows).toHaveLength(41);
    expect(instrumen.rows[0].map(shown)).toEqual([...HEADERS.instrumen]);
    expect(instrumen.rows[1][3].value.kind).toBe('number');
    const settings = plan.create[0].rows.map((r) => r.map(shown));
    expect(settings.find((r) => r[0] === 'email_admin')?.[1]).toBe('me@x.example');
    const bahasa = plan.create[0].rows.find((r) => shown(r[0]) === 'bahasa');
    expect(bahasa?.[1].dropdown?.values).toEqual(['id', 'en']);
    expect(plan.create[5].rows[0].map(shown)).toEqual([...RECAP_HEADERS]);
  });

  test('a tab holding data is never overwritten; only a missing header or key is added', () => {
    const units = [['Kode', 'Nama Unit', 'Jenis', 'Nama PIC', 'Email PIC', 'Email Asesor'], ['D1', 'Dinas', 'OPD', 'x', 'a@b.example', '']];
    const settings = [['Kunci', 'Nilai', 'Keterangan'], ['nama_kegiatan', 'Kegiatan saya', ''], ['email_admin', 'boss@x.example', '']];
    const existing = [
      tab('Pengaturan', settings, 1),
      tab('Instrumen', [['Kode'], ['X']], 2),
      tab('Unit', units, 3),
      tab('Aspek', [], 4),
    ];
    const plan = planSetup({ lang: 'id', profile, admin: 'me@x.example', tabs: existing, firstFreeSheetId: 10 });
    expect(plan.create.map((t) => t.title)).toEqual(['Kategori', 'Rekap', 'Log Email', 'Riwayat']);
    expect(plan.fill.map((t) => [t.title, t.sheetId])).toEqual([['Aspek', 4]]);
    const unitPatch = plan.patches.find((p) => p.sheetId === 3);
    expect(unitPatch).toMatchObject({ row: 0, column: 6 });
    expect(unitPatch?.rows[0].map(shown)).toEqual(['Tab', 'Status']);
    const keys = plan.patches.find((p) => p.sheetId === 1);
    expect(keys?.row).toBe(3);
    expect(keys?.rows.map((r) => shown(r[0]))).toEqual(SETTING_KEYS.filter((k) => k !== 'nama_kegiatan' && k !== 'email_admin'));
    expect(keys?.rows.map((r) => shown(r[0]))).toContain('bahasa');
    expect(plan.deleteSheetId).toBeNull();
  });

  test('running it again on a complete workbook plans nothing', () => {
    const first = planSetup({ lang: 'id', profile, admin: 'me@x.example', tabs: [], firstFreeSheetId: 1 });
    const tabs = first.create.map((t) => tab(t.title, t.rows.map((r) => r.map(shown)), t.sheetId));
    const again = planSetup({ lang: 'id', profile, admin: 'me@x.example', tabs, firstFreeSheetId: 20 });
    expect(again).toEqual({ create: [], fill: [], patches: [], deleteSheetId: null });
  });

  test('a Sheet1 with data is kept', () => {
    const plan = planSetup({ lang: 'id', profile, admin: 'me@x.example', tabs: [tab('Sheet1', [['catatan']])], firstFreeSheetId: 2 });
    expect(plan.deleteSheetId).toBeNull();
  });
});

describe('Rekap', () => {
  const categories = [
    { name: 'Hijau', min: 81, description: '', zone: 'Hijau' as const },
    { name: 'Merah', min: 0, description: '', zone: 'Merah' as const },
  ];
  // Each tab keeps its statuses in E2 and E3 and the Jawaban Mandiri of its three indicators in F8:F10.
  const stage = { selfAnswers: { column: 5, firstRow: 7, lastRow: 9 }, filling: { row: 1, column: 4 }, verification: { row: 2, column: 4 } };
  const units = [
    { code: 'D1', name: '=Dinas Satu', type: 'OPD', title: "D1 Dinas 'Satu'", sheetId: 11, stage },
    { code: 'D2', name: 'Dinas Dua', type: 'OPD', title: 'D2 Dinas Dua', sheetId: 12, stage },
    { code: 'D3', name: 'Dinas Tiga', type: 'OPD', title: 'D3 Dinas Tiga', sheetId: 13, stage },
    // A tab of an earlier version: no statuses, and nobody has answered.
    { code: 'D4', name: 'Dinas Empat', type: 'OPD', title: 'D4 Dinas Empat', sheetId: 14, stage: { ...stage, filling: null, verification: null } },
  ];
  const labels = {
    chartTitle: 'Sebaran',
    movedUp: 'Naik kategori',
    movedDown: 'Turun kategori',
    openFollowUps: 'Tindak lanjut terbuka',
    openFollowUpsNote: 'catatan',
    stageNote: 'tahap',
    rankNote: 'peringkat',
    aspectNote: 'aspek',
    indexNote: 'indeks',
    trendChartTitle: 'Tren',
  };
  const rounds = { aspects: [], aspectScores: new Map(), closedRounds: [], activeRound: '' };
  const plan = (existing: unknown[][], open: Map<string, number> = new Map()) =>
    planRecap({ units, categories: { categories, scale: SCORE_SCALE }, existing, openFollowUps: open, labels, ...rounds });

  /**
   * A workbook with the units' tabs (their summary row holding results), Log Email holding
   * `ledger` rows, and Rekap holding `existing`, after the requests that carry out `p`
   * (src/sheets/recap.ts): what Rekap then shows, as the add-on reads it back.
   */
  function evaluated(existing: unknown[][], p: RecapPlan, ledger: unknown[][]) {
    const h = appliedWorkbook();
    const results: Record<number, unknown[]> = { 11: [60, 85, 'Hijau', 2, 100], 12: [50, 40, 'Merah', 5, 90], 13: [88, 90, 'Hijau', 1, 100], 14: ['', '', '', '', 0] };
    // D1 submitted and verified, D2 still a draft, D3 verified (its PIC never pressed Diajukan), D4 not started.
    const statuses: Record<number, string[]> = { 11: ['Diajukan', 'Terverifikasi'], 12: ['Draf', 'Belum diverifikasi'], 13: ['Draf', 'terverifikasi'], 14: ['', ''] };
    for (const unit of units) {
      const answered = unit.sheetId === 14 ? ['', '', ''] : ['Ya', '', 'Tidak'];
      h.apply(
        addSheet(unit.sheetId, unit.title, 10, 6, 0),
        updateCells(unit.sheetId, 1, 4, statuses[unit.sheetId].map((v) => [kept(v)])),
        updateCells(unit.sheetId, 4, 1, [results[unit.sheetId].map((v) => kept(v))]),
        updateCells(unit.sheetId, 7, 5, answered.map((v) => [kept(v)])),
      );
    }
    const ledgerRows = ledger.map(([at, code, status]) =>
      HEADERS.logEmail.map((header) => (header === 'Waktu' ? at : header === 'Kode Unit' ? code : header === 'Status' ? status : '')),
    );
    h.apply(addSheet(30, TABS.logEmail, 20, HEADERS.logEmail.length, 1), updateCells(30, 0, 0, [[...HEADERS.logEmail], ...ledgerRows].map((r) => r.map((v) => kept(v)))));
    const rekap: SheetInfo = { sheetId: 40, title: TABS.rekap, rowCount: 20, columnCount: 20, frozenRows: 0, metadata: [], protections: [], colourRules: [], chartIds: [], merges: [] };
    h.apply(addSheet(rekap.sheetId, rekap.title, rekap.rowCount, rekap.columnCount, 0));
    if (existing.length > 0) h.apply(updateCells(rekap.sheetId, 0, 0, existing.map((r) => r.map((v) => kept(v)))));
    h.apply(...recapRequests(rekap, p));
    const sheet = () => h.sheet(rekap.sheetId);
    return {
      /** Rekap's own columns of a 1-based row. */
      row: (n: number) => h.values(`${TABS.rekap}!A${n}:${columnLetter(RECAP_HEADERS.length - 1)}${n}`, 1, RECAP_HEADERS.length)[0],
      /** The count block's two columns, `height` rows from the top. */
      block: (column: number, height: number) => h.values(`${TABS.rekap}!${columnLetter(column)}1:${columnLetter(column + 1)}${height}`, height, 2),
      note: (row: number, column: number) => sheet().rows[row]?.[column]?.note,
      format: (row: number, column: number) => sheet().rows[row]?.[column]?.format?.numberFormat,
      charts: () => sheet().charts.map((c) => ({ title: c.spec.title, anchor: { rowIndex: c.anchor.rowIndex, columnIndex: c.anchor.columnIndex } })),
    };
  }

  test('one row per unit: its tab\'s results, the kept column, the last email sent, its stage, the category move of a verified unit and the counts', () => {
    const existing = [
      [...RECAP_HEADERS],
      ['D2', 'Dinas Dua', 'OPD', 1, 2, 'x', 3, 4, 90.25, '', 'lama'],
      ['D1', 'Dinas Satu', 'OPD', 1, 2, 'x', 3, 4, 50, '', ''],
      ['D3', 'Dinas Tiga', 'OPD', 1, 2, 'x', 3, 4, 95, '', ''],
      ['OLD', 'Dihapus', 'OPD'],
      ['OLD2', 'Dihapus', 'OPD'],
    ];
    const p = plan(existing, new Map([['d1', 3]]));
    const rekap = evaluated(existing, p, [
      // Waktu (a date-time serial), Kode Unit, Status
      [45500.5, 'D2', 'TERKIRIM'],
      [45510.25, 'D2', 'TERKIRIM'],
      [45600, 'D2', 'GAGAL'],
      [45600, 'D1', 'GAGAL'],
      [45601, 'D3', 'TERKIRIM'],
    ]);
    expect(rekap.row(1)).toEqual(RECAP_HEADERS);
    // Kategori and Perubahan Kategori only for verified units; D2 (a draft) shows why it has none.
    // Peringkat: D3 (90) before D1 (85), the two verified units; the others have none.
    expect(rekap.row(2)).toEqual(['D1', '=Dinas Satu', 'OPD', 60, 85, 'Hijau', 2, 100, 50, 35, '', 'Terverifikasi', 'Naik', 3, "D1 Dinas 'Satu'", 2]);
    expect(rekap.row(3)).toEqual(['D2', 'Dinas Dua', 'OPD', 50, 40, 'Belum diverifikasi', 5, 90, 90.25, -50.25, 45510.25, 'Diisi', '', '', 'D2 Dinas Dua', '']);
    expect(rekap.row(4)).toEqual(['D3', 'Dinas Tiga', 'OPD', 88, 90, 'Hijau', 1, 100, 95, -5, 45601, 'Temuan terkirim', 'Tetap', '', 'D3 Dinas Tiga', 1]);
    expect(rekap.row(5)).toEqual(['D4', 'Dinas Empat', 'OPD', '', '', '', '', 0, '', '', '', 'Belum mulai', '', '', 'D4 Dinas Empat', '']);
    expect(rekap.row(6).every((c) => c === '')).toBe(true);
    expect(rekap.note(0, recapColumn('Tindak Lanjut Terbuka'))).toBe('catatan');
    expect(rekap.note(0, recapColumn('Tahap'))).toBe('tahap');
    expect(rekap.format(2, recapColumn('Email Terakhir'))).toBe('yyyy-mm-dd hh:mm');
    expect(rekap.block(p.countsColumn, 14)).toEqual([
      ['Kategori', 'Jumlah Unit'],
      ['Hijau', 2],
      ['Merah', 0],
      ['', ''],
      ['Tahap', 'Jumlah Unit'],
      ['Belum mulai', 1],
      ['Diisi', 1],
      ['Diajukan', 0],
      ['Terverifikasi', 1],
      ['Temuan terkirim', 1],
      ['', ''],
      ['Naik kategori', 1],
      ['Turun kategori', 0],
      ['Tindak lanjut terbuka', 3],
    ]);
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 1);
    expect(rekap.charts()).toEqual([{ title: 'Sebaran', anchor: { rowIndex: 15, columnIndex: p.countsColumn } }]);
  });

  test('an empty Rekap with no unit still gets its header and counts', () => {
    const p = planRecap({ units: [], categories: { categories, scale: SCORE_SCALE }, existing: [], openFollowUps: new Map(), labels, ...rounds });
    const rekap = evaluated([], p, []);
    expect(rekap.row(1)).toEqual(RECAP_HEADERS);
    expect(rekap.row(2).every((c) => c === '')).toBe(true);
    expect(rekap.block(p.countsColumn, 14)).toEqual([
      ['Kategori', 'Jumlah Unit'],
      ['Hijau', 0],
      ['Merah', 0],
      ['', ''],
      ['Tahap', 'Jumlah Unit'],
      ...['Belum mulai', 'Diisi', 'Diajukan', 'Terverifikasi', 'Temuan terkirim'].map((stage) => [stage, 0]),
      ['', ''],
      ['Naik kategori', 0],
      ['Turun kategori', 0],
      ['Tindak lanjut terbuka', 0],
    ]);
  });

  test("an older Rekap gets the new columns inserted: the user's columns and the count block move right, never overwritten", () => {
    const old = ['Kode', 'Nama Unit', 'Jenis', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan', 'Skor Putaran Lalu', 'Perubahan', 'Email Terakhir', 'Tab'];
    const existing = [
      [...old, 'Catatan Saya', 'Kategori', 'Jumlah Unit', 'PJ'],
      ['D1', 'Dinas Satu', 'OPD', 1, 2, 'x', 3, 4, 70.5, '', '', 'link', 'catatan D1', 'Hijau', 1, 'Budi'],
    ];
    const p = plan(existing);
    expect(p.insertColumns).toEqual({ at: old.length, count: RECAP_HEADERS.length - old.length });
    // After the insert the user's column sits right of Rekap's own columns, the count block after it.
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 1);
    expect(Math.max(...p.rows.map((r) => r.length))).toBe(RECAP_HEADERS.length);
  });

  test("the last version's Rekap gets Tahap and Peringkat inserted: its count block and the user's columns move right by two, intact", () => {
    const last = RECAP_HEADERS.filter((h) => h !== 'Tahap' && h !== 'Peringkat');
    const existing = [
      [...last, '', 'Kategori', 'Jumlah Unit', 'Catatan Saya'],
      ['D1', 'Dinas Satu', 'OPD', 1, 2, 'x', 3, 4, 70.5, '', '', '', '', 'link', '', 'Hijau', 1, 'catatan D1'],
    ];
    const p = plan(existing);
    expect(p.insertColumns).toEqual({ at: last.length, count: 2 });
    expect(p.countsColumn).toBe(last.length + 3);
    const rekap = evaluated(existing, p, []);
    expect(rekap.row(1)).toEqual(RECAP_HEADERS);
    expect(rekap.row(2)[recapColumn('Skor Putaran Lalu')]).toBe(70.5);
    expect(rekap.block(p.countsColumn + 2, 2)).toEqual([
      ['Catatan Saya', ''],
      ['catatan D1', ''],
    ]);
  });

  test('a current Rekap keeps its count block where it is and leaves columns the user added after it alone', () => {
    const header = [...RECAP_HEADERS, '', 'Kategori', 'Jumlah Unit', 'Catatan Saya'];
    const p = plan([header, ['D1', 'Dinas Satu', ...Array(RECAP_HEADERS.length + 2).fill(''), 'x', 'catatan']]);
    expect(p.insertColumns).toBeNull();
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 1);
    expect(p.counts.every((r) => r.length === 2)).toBe(true);
  });

  test('with a Kategori Skala 0-5, Indeks Mandiri and Indeks Akhir after Peringkat show the tab summary’s G5:H5; an older Rekap gets them inserted, a 0-100 one loses them', () => {
    const aspects = { ...rounds, aspects: ['Input'], aspectScores: new Map([['d1', [50]]]) };
    const five = { categories: [{ ...categories[0], min: 4.05 }, categories[1]], scale: { max: 5 } };
    const onFive = (existing: unknown[][]) => planRecap({ units, categories: five, existing, openFollowUps: new Map(), labels, ...aspects });
    const formulaOf = (cell: PlannedCell | undefined) => (cell?.value.kind === 'formula' ? cell.value.formula : cell?.value.kind);
    const textOf = (cell: PlannedCell | undefined) => (cell?.value.kind === 'text' ? cell.value.text : '');
    const withIndex = [...RECAP_HEADERS, 'Indeks Mandiri', 'Indeks Akhir', 'Skor Input'];
    const older = [[...RECAP_HEADERS, 'Skor Input', 'Catatan Saya'], ['D1', 'Dinas Satu']];
    const p = onFive(older);
    expect(p.rows[0].slice(0, withIndex.length).map(textOf)).toEqual(withIndex);
    expect(p.rows[0][RECAP_HEADERS.length].note).toBe('indeks');
    expect(p.insertColumns).toEqual({ at: RECAP_HEADERS.length + 1, count: 2 });
    expect(p.rows[1].slice(RECAP_HEADERS.length, RECAP_HEADERS.length + 2).map(formulaOf)).toEqual(["='D1 Dinas ''Satu'''!G5", "='D1 Dinas ''Satu'''!H5"]);
    // The category move reads the current category on Indeks Akhir, the last round's on its score × 5 / 100.
    const move = formulaOf(p.rows[1][recapColumn('Perubahan Kategori')]);
    expect(move).toContain(`(${columnLetter(RECAP_HEADERS.length + 1)}2>=4.05)`);
    expect(move).toContain(`(ROUND(${columnLetter(recapColumn('Skor Putaran Lalu'))}2*5/100,2)>=4.05)`);
    // Back on 0-100: the two columns are Rekap's own, rewritten (the aspect moves left), nothing inserted.
    const back = plan([[...withIndex, 'Catatan Saya'], ['D1']]);
    expect(back.insertColumns).toBeNull();
    expect(back.rows[0].slice(0, RECAP_HEADERS.length + 3).map(textOf)).toEqual([...RECAP_HEADERS, '', '', '']);
  });

  test('without a count block, it goes to the right of the columns the user added', () => {
    const header = [...RECAP_HEADERS, 'Catatan Saya', 'Lagi'];
    const p = plan([header]);
    expect(p.insertColumns).toBeNull();
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 3);
  });
});

test('TABS and the setup agree on the system tabs', () => {
  const plan = planSetup({ lang: 'id', profile, admin: '', tabs: [], firstFreeSheetId: 1 });
  const names = plan.create.map((t) => t.title);
  for (const name of [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit, TABS.rekap, TABS.logEmail, TABS.riwayat]) {
    expect(names).toContain(name);
  }
});
