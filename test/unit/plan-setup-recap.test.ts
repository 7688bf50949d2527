// Planning "Siapkan buku kerja" (create what is missing, never overwrite data) and Rekap
// (references to the unit tabs' summary, kept columns, counts per category).
import { getProfile } from '../../src/domain/profiles';
import { HEADERS, SETTING_KEYS, TABS } from '../../src/domain/tables';
import type { PlannedCell } from '../../src/domain/plan/cells';
import { RECAP_HEADERS, recapColumn } from '../../src/domain/plan/layout';
import { planRecap } from '../../src/domain/plan/recap';
import { planSetup, type ExistingTab } from '../../src/domain/plan/setup';
import { lastSentFormula } from '../../src/domain/ledger';

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
  // D1's tab has its statuses (E2, E3) and three indicator rows; D2's was made before the statuses existed.
  const current = { selfAnswers: { column: 5, firstRow: 7, lastRow: 9 }, fill: { row: 1, column: 4 }, verify: { row: 2, column: 4 } };
  const units = [
    { code: 'D1', name: '=Dinas Satu', type: 'OPD', title: "D1 Dinas 'Satu'", sheetId: 11, stage: current },
    { code: 'D2', name: 'Dinas Dua', type: 'OPD', title: 'D2 Dinas Dua', sheetId: 12, stage: { selfAnswers: null, fill: null, verify: null } },
  ];
  const labels = { chartTitle: 'Sebaran', movedUp: 'Naik kategori', movedDown: 'Turun kategori', openFollowUps: 'Tindak lanjut terbuka', openFollowUpsNote: 'catatan', stageNote: 'tahap' };
  const plan = (existing: unknown[][], open: Map<string, number> = new Map()) => planRecap({ units, categories, existing, openFollowUps: open, labels });

  test('one row per unit, by reference to its tab, with a link, the kept column, the last email and the category move', () => {
    const existing = [
      [...RECAP_HEADERS],
      ['D2', 'Dinas Dua', 'OPD', 1, 2, 'x', 3, 4, 70.5, '', '2024-01-01 TERKIRIM'],
      ['OLD', 'Dihapus', 'OPD'],
      ['OLD2', 'Dihapus', 'OPD'],
      ['OLD3', 'Dihapus', 'OPD'],
    ];
    const p = plan(existing, new Map([['d1', 3]]));
    const rows = p.rows.map((r) => r.map(shown));
    expect(rows[0]).toEqual([...RECAP_HEADERS]);
    expect(p.rows[0][recapColumn('Tindak Lanjut Terbuka')].note).toBe('catatan');
    expect(p.rows[0][recapColumn('Tahap')].note).toBe('tahap');
    expect(p.rows[1][recapColumn('Nama Unit')].value).toEqual({ kind: 'text', text: '=Dinas Satu' });
    expect(rows[1][recapColumn('Skor Mandiri')]).toBe("='D1 Dinas ''Satu'''!B5");
    expect(rows[1][recapColumn('Kelengkapan')]).toBe("='D1 Dinas ''Satu'''!F5");
    // Kategori shows the tab's category only at a verified stage.
    expect(rows[2][recapColumn('Kategori')]).toBe(
      '=IF(OR(L3="Terverifikasi",L3="Temuan terkirim"),\'D2 Dinas Dua\'!D5,IF(L3="Belum mulai","","Belum diverifikasi"))',
    );
    expect(rows[2][recapColumn('Skor Putaran Lalu')]).toBe(70.5);
    expect(rows[2][recapColumn('Email Terakhir')]).toBe(lastSentFormula('$A3'));
    expect(p.rows[2][recapColumn('Email Terakhir')].style?.format).toBe('datetime');
    expect(rows[2][recapColumn('Perubahan')]).toBe('=IF(OR(E3="",I3=""),"",ROUND(E3-I3,2))');
    expect(rows[2][recapColumn('Perubahan Kategori')]).toBe(
      '=IF(OR(E3="",I3="",NOT(OR(L3="Terverifikasi",L3="Temuan terkirim"))),"",IF((E3>=0)+(E3>=81)>(I3>=0)+(I3>=81),"Naik",IF((E3>=0)+(E3>=81)<(I3>=0)+(I3>=81),"Turun","Tetap")))',
    );
    // Tahap: the stage rules over the tab's answers and statuses and Log Email, live.
    const sheet = "'D1 Dinas ''Satu'''";
    const tahap = String(rows[1][recapColumn('Tahap')]);
    expect(tahap).toMatch(/^=IF\(NOT\(COUNTA\(/);
    for (const part of [
      `COUNTA(${sheet}!$F$8:$F$10)>0`,
      `TRIM(${sheet}!$E$2)="Diajukan"`,
      `TRIM(${sheet}!$E$3)="Terverifikasi"`,
      `COUNTIFS('Log Email'!$C:$C,"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?"),'Log Email'!$B:$B,`,
      `VLOOKUP("putaran",'Pengaturan'!$A:$B,2,0)`,
      `'Log Email'!$G:$G,"TERKIRIM")>0`,
    ]) {
      expect(tahap).toContain(part);
    }
    // A tab without statuses or rows: nothing answered, nothing submitted or verified.
    expect(rows[2][recapColumn('Tahap')]).toMatch(/^=IF\(NOT\(FALSE\(\)\),"Belum mulai",/);
    expect(rows[1][recapColumn('Tindak Lanjut Terbuka')]).toBe(3);
    expect(rows[2][recapColumn('Tindak Lanjut Terbuka')]).toBe('');
    expect(rows[1][recapColumn('Tab')]).toBe('=HYPERLINK("#gid=11","D1 Dinas \'Satu\'")');
    expect(rows).toHaveLength(5);
    expect(rows.slice(3).every((r) => r.every((c) => c === ''))).toBe(true);
    expect(p.insertColumns).toBeNull();
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 1);
    expect(p.counts.map((r) => r.map(shown)).slice(0, 14)).toEqual([
      ['Kategori', 'Jumlah Unit'],
      ['Hijau', '=COUNTIF($F$2:$F$3,Q2)'],
      ['Merah', '=COUNTIF($F$2:$F$3,Q3)'],
      ['', ''],
      ['Tahap', 'Jumlah Unit'],
      ['Belum mulai', '=COUNTIF($L$2:$L$3,Q6)'],
      ['Diisi', '=COUNTIF($L$2:$L$3,Q7)'],
      ['Diajukan', '=COUNTIF($L$2:$L$3,Q8)'],
      ['Terverifikasi', '=COUNTIF($L$2:$L$3,Q9)'],
      ['Temuan terkirim', '=COUNTIF($L$2:$L$3,Q10)'],
      ['', ''],
      ['Naik kategori', '=COUNTIF($M$2:$M$3,"Naik")'],
      ['Turun kategori', '=COUNTIF($M$2:$M$3,"Turun")'],
      ['Tindak lanjut terbuka', '=SUM($N$2:$N$3)'],
    ]);
    expect(p.chart).toMatchObject({ title: 'Sebaran', domain: { startRow: 1, endRow: 3, startColumn: 16, endColumn: 17 }, anchorRow: 15, anchorColumn: 16 });
  });

  test('an empty Rekap with no unit still gets its header and counts', () => {
    const p = planRecap({ units: [], categories, existing: [], openFollowUps: new Map(), labels });
    expect(p.rows).toHaveLength(1);
    expect(p.counts.map((r) => r.map(shown))[1]).toEqual(['Hijau', '=COUNTIF($F$2:$F$2,Q2)']);
  });

  test("an older Rekap gets the new columns inserted: the user's columns and the count block move right, never overwritten", () => {
    const old = ['Kode', 'Nama Unit', 'Jenis', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan', 'Skor Putaran Lalu', 'Perubahan', 'Email Terakhir', 'Tab'];
    const existing = [
      [...old, 'Catatan Saya', 'Kategori', 'Jumlah Unit', 'PJ'],
      ['D1', 'Dinas Satu', 'OPD', 1, 2, 'x', 3, 4, 70.5, '', '', 'link', 'catatan D1', 'Hijau', 1, 'Budi'],
    ];
    const p = plan(existing);
    expect(p.insertColumns).toEqual({ at: old.length, count: RECAP_HEADERS.length - old.length });
    // After the insert the user's column sits at old.length + 3 = 15, the count block at 16.
    expect(p.countsColumn).toBe(16);
    expect(Math.max(...p.rows.map((r) => r.length))).toBe(RECAP_HEADERS.length);
  });

  test('the Rekap of the last version gets Tahap inserted: its count block and the user\'s columns move right by one', () => {
    const last = RECAP_HEADERS.filter((h) => h !== 'Tahap');
    const existing = [[...last, '', 'Kategori', 'Jumlah Unit', 'Catatan Saya'], ['D1', 'Dinas Satu', 'OPD', ...Array(last.length - 3).fill(''), '', 'Hijau', 1, 'x']];
    const p = plan(existing);
    expect(p.insertColumns).toEqual({ at: last.length, count: 1 });
    expect(p.countsColumn).toBe(last.length + 2);
    expect(shown(p.rows[0][recapColumn('Tahap')])).toBe('Tahap');
  });

  test('a current Rekap keeps its count block where it is and leaves columns the user added after it alone', () => {
    const header = [...RECAP_HEADERS, '', 'Kategori', 'Jumlah Unit', 'Catatan Saya'];
    const p = plan([header, ['D1', 'Dinas Satu', ...Array(RECAP_HEADERS.length + 2).fill(''), 'x', 'catatan']]);
    expect(p.insertColumns).toBeNull();
    expect(p.countsColumn).toBe(RECAP_HEADERS.length + 1);
    expect(p.counts.every((r) => r.length === 2)).toBe(true);
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
