// Planning unit tabs: layout, lossless refresh keyed by indicator Kode, archive, inactive
// tabs, renames, and who may edit what (checked in Sheets' protection semantics).
import { HEADERS } from '../../src/domain/tables';
import type { Category, Indicator, Settings, Unit } from '../../src/domain/types';
import { SCORE_SCALE } from '../../src/domain/scale';
import type { PlannedCell } from '../../src/domain/plan/cells';
import { KEPT_COLUMNS, UNIT_TAB, unitColumn, type UnitColumn } from '../../src/domain/plan/layout';
import {
  ROLE_COLOURS,
  answerChoices,
  answersInWords,
  missingColumns,
  planUnitTabs,
  unitProtections,
  FILL_STATUS_CELL,
  VERIFY_STATUS_CELL,
  type Block,
  type ExistingUnitTab,
  type PlannedProtection,
  type UnitTabsInput,
} from '../../src/domain/plan/unit-tabs';

const settings: Settings = {
  namaKegiatan: 'Pendampingan',
  instansiPenilai: 'Ombudsman',
  profil: 'ombudsman-2021',
  putaran: '2024 Pendampingan',
  batasWaktu: '2024-03-31',
  emailAdmin: ['admin@x.example'],
  emailBalasan: 'admin@x.example',
  bahasa: 'id',
  kirimTandaTerima: true,
  pengingatOtomatis: false,
};

function ind(code: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    code,
    aspect: 'Standar',
    text: `Indikator ${code}`,
    weight: 2,
    answerType: { kind: 'ya-tidak' },
    answerTypeText: 'ya-tidak',
    allowNA: false,
    recommendation: `Perbaiki ${code}`,
    legalBasis: 'UU 25/2009',
    evidence: 'Foto',
    ...extra,
  };
}

const categories: Category[] = [
  { name: 'Hijau', min: 81, description: '', zone: 'Hijau' },
  { name: 'Kuning', min: 51, description: '', zone: 'Kuning' },
  { name: 'Merah', min: 0, description: '', zone: 'Merah' },
];

function unit(code: string, name = `Dinas ${code}`, row = 2): Unit {
  return { row, code, name, type: 'OPD', picName: 'P', picEmails: [`pic.${code.toLowerCase()}@x.example`], assessorEmails: ['asesor@x.example'] };
}

function input(extra: Partial<UnitTabsInput>): UnitTabsInput {
  const units = extra.units ?? [unit('DINKES')];
  return {
    lang: 'id',
    settings,
    indicators: [ind('A1'), ind('A2'), ind('A3')],
    categories,
    scale: SCORE_SCALE,
    units,
    listedCodes: units.map((u) => u.code),
    recordedTabs: new Map(),
    existing: [],
    titles: ['Pengaturan', 'Instrumen', 'Aspek', 'Kategori', 'Unit', 'Rekap'],
    admins: ['admin@x.example'],
    firstFreeSheetId: 100,
    archivedAt: '2024-01-02 10:00',
    ...extra,
  };
}

/** A cell as the value Sheets would show (formulas as their text). */
function shown(cell: PlannedCell): unknown {
  const v = cell.value;
  return v.kind === 'empty' ? '' : v.kind === 'text' ? v.text : v.kind === 'formula' ? v.formula : v.value;
}

/** The tab as a grid of plain values, as a values read would return it. */
function asValues(rows: PlannedCell[][]): unknown[][] {
  return rows.map((r) => r.map(shown));
}

const col = (name: UnitColumn) => unitColumn(name);

function tableRow(rows: PlannedCell[][], code: string): PlannedCell[] {
  const found = rows.slice(UNIT_TAB.firstDataRow).find((r) => shown(r[col('Kode')]) === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

/** An existing tab built from a first plan, with answers typed into it. */
function existingFrom(rows: PlannedCell[][], answers: Record<string, Partial<Record<UnitColumn, unknown>>>, extra: Partial<ExistingUnitTab> = {}): ExistingUnitTab {
  const values = asValues(rows);
  for (const row of values.slice(UNIT_TAB.firstDataRow)) {
    const typed = answers[String(row[col('Kode')])] ?? {};
    for (const [column, value] of Object.entries(typed)) row[col(column as UnitColumn)] = value;
  }
  return { sheetId: 100, title: 'DINKES Dinas DINKES', code: 'DINKES', inactive: false, rowCount: values.length, values, ...extra };
}

test('a new unit tab has the header block, the one summary formula and one row per indicator', () => {
  const plan = planUnitTabs(input({}));
  expect(plan.tabs).toHaveLength(1);
  const tab = plan.tabs[0];
  expect(tab.kind).toBe('create');
  expect(tab.sheetId).toBe(100);
  expect(tab.title).toBe('DINKES Dinas DINKES');
  expect(tab.rows).toHaveLength(UNIT_TAB.firstDataRow + 3);
  expect(tab.rowCount).toBe(UNIT_TAB.firstDataRow + 3);
  expect(tab.frozenRows).toBe(UNIT_TAB.tableHeaderRow + 1);
  expect(tab.rows.every((r) => r.length === HEADERS.unitTable.length)).toBe(true);
  expect(asValues([tab.rows[UNIT_TAB.tableHeaderRow]])[0]).toEqual([...HEADERS.unitTable]);
  // One custom-function cell; every other formula is a row's Nilai.
  const formulas = tab.rows.flat().filter((c) => c.value.kind === 'formula');
  expect(formulas.filter((c) => String(shown(c)).includes('KEPATUHAN'))).toHaveLength(1);
  expect(tab.rows.slice(UNIT_TAB.firstDataRow).map((r) => r[col('Nilai')].value.kind)).toEqual(['formula', 'formula', 'formula']);
  expect(formulas).toHaveLength(4);
  expect(shown(tab.rows[UNIT_TAB.summaryRow][UNIT_TAB.summaryColumn])).toBe("=RINGKASAN_KEPATUHAN(A7:Q10,'Kategori'!A:F,'Aspek'!A:B)");
  expect(shown(tab.rows[UNIT_TAB.roundRow][1])).toBe('2024 Pendampingan');
  expect(tab.rows[UNIT_TAB.deadlineRow][1]).toEqual({ value: { kind: 'number', value: 45382 }, style: { format: 'date' } });
  // The summary shows a category as "Hijau" (no Keterangan here), or "Hijau — Tanpa Maladministrasi" with the qualifier.
  expect(tab.colourRules.map((r) => r.formula)).toEqual([
    '=OR($D$5="Hijau",LEFT($D$5,8)="Hijau — ")',
    '=OR($D$5="Kuning",LEFT($D$5,9)="Kuning — ")',
    '=OR($D$5="Merah",LEFT($D$5,8)="Merah — ")',
  ]);
  expect(plan.tabOf.get('dinkes')).toBe('DINKES Dinas DINKES');
});

describe('the two statuses of the top block', () => {
  const statusOf = (rows: PlannedCell[][], cell: Block) => rows[cell.startRow][cell.startColumn];
  const labelOf = (rows: PlannedCell[][], cell: Block) => shown(rows[cell.startRow][cell.startColumn - 1]);

  test('a new tab starts at Draf and Belum diverifikasi, each value right of its label, with a dropdown', () => {
    const rows = planUnitTabs(input({})).tabs[0].rows;
    expect(labelOf(rows, FILL_STATUS_CELL)).toBe('Status Pengisian');
    expect(labelOf(rows, VERIFY_STATUS_CELL)).toBe('Status Verifikasi');
    expect(statusOf(rows, FILL_STATUS_CELL)).toMatchObject({ value: { kind: 'text', text: 'Draf' }, dropdown: { values: ['Draf', 'Diajukan'], strict: true } });
    expect(statusOf(rows, VERIFY_STATUS_CELL)).toMatchObject({
      value: { kind: 'text', text: 'Belum diverifikasi' },
      dropdown: { values: ['Belum diverifikasi', 'Terverifikasi'], strict: true },
    });
    expect(rows[FILL_STATUS_CELL.startRow][FILL_STATUS_CELL.startColumn - 1].note).toMatch(/PIC/);
    // The round and the deadline keep their cells; the table is where it was.
    expect(shown(rows[UNIT_TAB.roundRow][1])).toBe('2024 Pendampingan');
    expect(asValues([rows[UNIT_TAB.tableHeaderRow]])[0]).toEqual([...HEADERS.unitTable]);
  });

  test('a refresh keeps the statuses as set, found by their labels wherever they are above the table', () => {
    const first = planUnitTabs(input({})).tabs[0];
    const values = existingFrom(first.rows, { A1: { 'Jawaban Mandiri': 'Ya' } }).values;
    values[FILL_STATUS_CELL.startRow][FILL_STATUS_CELL.startColumn] = 'diajukan';
    values[VERIFY_STATUS_CELL.startRow][VERIFY_STATUS_CELL.startColumn] = 'Terverifikasi';
    const again = planUnitTabs(input({ existing: [existingFrom(first.rows, {}, { values })] })).tabs[0].rows;
    expect(shown(statusOf(again, FILL_STATUS_CELL))).toBe('Diajukan');
    expect(shown(statusOf(again, VERIFY_STATUS_CELL))).toBe('Terverifikasi');
    // Moved by hand to other cells of the top block: still found, and put back in place.
    const moved = values.map((r) => [...r]);
    moved[0][9] = 'Status Verifikasi';
    moved[0][10] = 'Terverifikasi';
    moved[VERIFY_STATUS_CELL.startRow][VERIFY_STATUS_CELL.startColumn - 1] = '';
    const back = planUnitTabs(input({ existing: [existingFrom(first.rows, {}, { values: moved })] })).tabs[0].rows;
    expect(shown(statusOf(back, VERIFY_STATUS_CELL))).toBe('Terverifikasi');
    expect(shown(back[0][10])).toBe('');
  });

  test('a tab made before the statuses existed gets both, at their start, and keeps every answer', () => {
    const first = planUnitTabs(input({})).tabs[0];
    const old = existingFrom(first.rows, { A2: { 'Jawaban Mandiri': 'Tidak', 'Jawaban Verifikasi': 'Ya', 'Catatan Asesor': 'ok' } });
    const before = old.values.map((r, i) => (i < UNIT_TAB.tableHeaderRow ? r.map((c, j) => (j >= UNIT_TAB.statusLabelColumn ? '' : c)) : r));
    const plan = planUnitTabs(input({ existing: [{ ...old, values: before }] })).tabs[0];
    expect(labelOf(plan.rows, FILL_STATUS_CELL)).toBe('Status Pengisian');
    expect(shown(statusOf(plan.rows, FILL_STATUS_CELL))).toBe('Draf');
    expect(shown(statusOf(plan.rows, VERIFY_STATUS_CELL))).toBe('Belum diverifikasi');
    const row = tableRow(plan.rows, 'A2');
    expect([row[col('Jawaban Mandiri')], row[col('Jawaban Verifikasi')], row[col('Catatan Asesor')]].map(shown)).toEqual(['Tidak', 'Ya', 'ok']);
    expect(plan.protections.map((p) => p.tag)).toEqual([
      'pendamping:tab',
      'pendamping:jawaban',
      'pendamping:asesor',
      'pendamping:status-pengisian',
      'pendamping:status-verifikasi',
    ]);
  });

  test('a value that is neither status is kept as typed, never lost', () => {
    const first = planUnitTabs(input({})).tabs[0];
    const values = asValues(first.rows);
    values[FILL_STATUS_CELL.startRow][FILL_STATUS_CELL.startColumn] = 'sudah?';
    const again = planUnitTabs(input({ existing: [existingFrom(first.rows, {}, { values })] })).tabs[0].rows;
    expect(shown(statusOf(again, FILL_STATUS_CELL))).toBe('sudah?');
  });
});

test('agency text that looks like a formula is planned as text', () => {
  const plan = planUnitTabs(input({ units: [unit('X1', '=HYPERLINK("http://evil")')] }));
  const title = plan.tabs[0].rows[0][0].value;
  expect(title).toEqual({ kind: 'text', text: 'X1 — =HYPERLINK("http://evil")' });
  const old = existingFrom(plan.tabs[0].rows, { A1: { 'Jawaban Mandiri': '=1+1', 'Catatan Asesor': '+62 811' } }, { code: 'X1' });
  const again = planUnitTabs(input({ units: [unit('X1', '=HYPERLINK("http://evil")')], existing: [old] }));
  const row = tableRow(again.tabs[0].rows, 'A1');
  expect(row[col('Jawaban Mandiri')].value).toEqual({ kind: 'text', text: '=1+1' });
  expect(row[col('Catatan Asesor')].value).toEqual({ kind: 'text', text: '+62 811' });
});

test('answer dropdowns follow Jenis Jawaban, with N/A only where allowed', () => {
  expect(answerChoices({ kind: 'ya-tidak' }, false)).toEqual(['Ya', 'Tidak']);
  expect(answerChoices({ kind: 'ya-sebagian-tidak' }, true)).toEqual(['Ya', 'Sebagian', 'Tidak', 'N/A']);
  expect(answerChoices({ kind: 'scale', max: 3 }, false)).toEqual(['0', '1', '2', '3']);
  const plan = planUnitTabs(input({ indicators: [ind('A1', { answerType: { kind: 'scale', max: 2 }, answerTypeText: '0-2', allowNA: true })] }));
  const row = tableRow(plan.tabs[0].rows, 'A1');
  expect(row[col('Jawaban Mandiri')].dropdown).toEqual({ values: ['0', '1', '2', 'N/A'], strict: true });
  expect(row[col('Jawaban Verifikasi')].dropdown).toEqual({ values: ['0', '1', '2', 'N/A'], strict: true });
  expect(row[col('Tindak Lanjut')].dropdown?.values).toEqual(['Belum', 'Dalam proses', 'Selesai']);
  expect(row[col('Boleh N/A')].value).toEqual({ kind: 'text', text: 'Ya' });
  expect(row[col('Bukti')].note).toBe('Bukti diminta: Foto');
});

describe('refresh keeps every answer of a surviving indicator code', () => {
  const first = planUnitTabs(input({})).tabs[0];
  const answers = {
    A1: { 'Jawaban Mandiri': 'Ya', Bukti: 'http://bukti/1', 'Jawaban Verifikasi': 'Tidak', 'Catatan Asesor': 'kurang', 'Batas Waktu': 45400, 'Tindak Lanjut': 'Selesai' },
    A2: { 'Jawaban Mandiri': 'Tidak', Rekomendasi: 'Khusus', 'Jawaban Putaran Lalu': 'Ya' },
    A3: { 'Jawaban Mandiri': 'Ya', Bukti: 'foto.jpg' },
  };
  const old = existingFrom(first.rows, answers);
  const kept = (rows: PlannedCell[][], code: string) => {
    const row = tableRow(rows, code);
    return Object.fromEntries(Object.keys(answers[code as keyof typeof answers]).map((c) => [c, shown(row[col(c as UnitColumn)])]));
  };

  test.each([
    ['added', [ind('A1'), ind('A2'), ind('A3'), ind('A4')]],
    ['reordered', [ind('A3'), ind('A1'), ind('A2')]],
    ['reworded and reweighted', [ind('A1', { text: 'Baru', weight: 5 }), ind('A2'), ind('A3', { answerType: { kind: 'ya-sebagian-tidak' }, answerTypeText: 'ya-sebagian-tidak' })]],
  ])('indicators %s', (_, indicators) => {
    const plan = planUnitTabs(input({ indicators, existing: [old], recordedTabs: new Map([['dinkes', old.title]]) }));
    const tab = plan.tabs[0];
    expect(tab.kind).toBe('refresh');
    expect(tab.sheetId).toBe(100);
    expect(tab.renamedFrom).toBeUndefined();
    for (const code of ['A1', 'A2', 'A3']) expect(kept(tab.rows, code)).toEqual(answers[code as keyof typeof answers]);
    const codes = tab.rows.slice(UNIT_TAB.firstDataRow).map((r) => shown(r[col('Kode')])).filter((c) => c !== '');
    expect(codes).toEqual(indicators.map((i) => i.code));
    expect(plan.archive).toEqual([]);
  });

  test('the rewording reaches the tab', () => {
    const plan = planUnitTabs(input({ indicators: [ind('A1', { text: 'Baru', weight: 5 }), ind('A2'), ind('A3')], existing: [old] }));
    const row = tableRow(plan.tabs[0].rows, 'A1');
    expect(shown(row[col('Indikator')])).toBe('Baru');
    expect(shown(row[col('Bobot')])).toBe(5);
  });

  test('a removed indicator leaves the tab, its data goes to Arsip, and stale rows are cleared', () => {
    const plan = planUnitTabs(input({ indicators: [ind('A1'), ind('A3')], existing: [old] }));
    const tab = plan.tabs[0];
    expect(tab.rows).toHaveLength(old.values.length);
    expect(tab.rows[tab.rows.length - 1].every((c) => c.value.kind === 'empty' && !c.dropdown)).toBe(true);
    expect(kept(tab.rows, 'A1')).toEqual(answers.A1);
    expect(plan.archive).toHaveLength(1);
    const archived = plan.archive[0].map(shown);
    expect(archived.slice(0, 4)).toEqual(['2024-01-02 10:00', 'DINKES', old.title, 'Indikator tidak ada lagi di Instrumen']);
    expect(archived[4 + col('Kode')]).toBe('A2');
    expect(archived[4 + col('Rekomendasi')]).toBe('Khusus');
    expect(archived[4 + col('Jawaban Putaran Lalu')]).toBe('Ya');
  });

  test('a tab whose table header was changed is left untouched, with a status', () => {
    const broken = { ...old, values: old.values.map((r) => r.map((c) => (c === 'Jawaban Mandiri' ? 'Jawaban' : c))) };
    const plan = planUnitTabs(input({ existing: [broken] }));
    expect(plan.tabs).toEqual([]);
    expect(plan.unreadable.get('dinkes')).toMatch(/tidak diperbarui/);
    expect(plan.tabOf.get('dinkes')).toBe(old.title);
  });
});

describe('units added, renamed and removed', () => {
  const first = planUnitTabs(input({})).tabs[0];
  const old = existingFrom(first.rows, { A1: { 'Jawaban Mandiri': 'Ya' } });

  test('an added unit gets a new tab with a fresh id; the existing one is refreshed', () => {
    const plan = planUnitTabs(input({ units: [unit('DINKES'), unit('DISDIK', 'Dinas Pendidikan', 3)], existing: [old], firstFreeSheetId: 101 }));
    expect(plan.tabs.map((t) => [t.kind, t.sheetId])).toEqual([
      ['refresh', 100],
      ['create', 101],
    ]);
  });

  test('a renamed unit renames a tab that still has our name, and keeps a name a user chose', () => {
    const renamed = [unit('DINKES', 'Dinas Kesehatan')];
    const ours = planUnitTabs(input({ units: renamed, existing: [old], recordedTabs: new Map([['dinkes', old.title]]) }));
    expect(ours.tabs[0].title).toBe('DINKES Dinas Kesehatan');
    expect(ours.tabs[0].renamedFrom).toBe(old.title);
    expect(shown(ours.tabs[0].rows[0][0])).toBe('DINKES — Dinas Kesehatan');
    expect(shown(tableRow(ours.tabs[0].rows, 'A1')[col('Jawaban Mandiri')])).toBe('Ya');
    const users = planUnitTabs(input({ units: renamed, existing: [{ ...old, title: 'Kesehatan' }], recordedTabs: new Map([['dinkes', old.title]]) }));
    expect(users.tabs[0].title).toBe('Kesehatan');
    expect(users.tabs[0].renamedFrom).toBeUndefined();
  });

  test('a removed unit keeps its tab, marked inactive and closed to its PIC, and its data is archived', () => {
    const plan = planUnitTabs(input({ units: [], listedCodes: [], existing: [old] }));
    expect(plan.tabs).toEqual([]);
    expect(plan.deactivations).toHaveLength(1);
    expect(shown(plan.deactivations[0].titleCell)).toBe('NONAKTIF — DINKES — Dinas DINKES');
    expect(plan.deactivations[0].editors).toEqual(['admin@x.example']);
    expect(plan.archive.map((r) => shown(r[3]))).toEqual(['Unit tidak ada lagi di tab Unit']);
    // Once inactive, nothing more happens to it.
    const again = planUnitTabs(input({ units: [], listedCodes: [], existing: [{ ...old, inactive: true }] }));
    expect(again.deactivations).toEqual([]);
    expect(again.archive).toEqual([]);
  });

  test('a unit whose row is bad this time is not deactivated', () => {
    const plan = planUnitTabs(input({ units: [], listedCodes: ['dinkes'], existing: [old] }));
    expect(plan.deactivations).toEqual([]);
    expect(plan.tabs).toEqual([]);
  });

  test('a unit that comes back reactivates its tab with its answers', () => {
    const plan = planUnitTabs(input({ existing: [{ ...old, inactive: true }] }));
    expect(plan.tabs[0].reactivate).toBe(true);
    expect(shown(tableRow(plan.tabs[0].rows, 'A1')[col('Jawaban Mandiri')])).toBe('Ya');
  });
});

describe('protection matrix in Sheets semantics', () => {
  const admin = 'admin@x.example';
  const pic = 'pic@x.example';
  const otherPic = 'pic.lain@x.example';
  const assessor = 'asesor@x.example';
  const stranger = 'orang@x.example';
  const protections = unitProtections(3, [admin], [pic], [assessor]);

  const inside = (b: Block, row: number, column: number) => row >= b.startRow && row < b.endRow && column >= b.startColumn && column < b.endColumn;
  /** Sheets: a user edits a cell only if every protection containing it lists the user. */
  function canEdit(user: string, row: number, column: number, ps: PlannedProtection[]): boolean {
    return ps.every((p) => {
      const contains = p.block ? inside(p.block, row, column) : !p.unprotected.some((b) => inside(b, row, column));
      return !contains || p.editors.includes(user);
    });
  }

  const groups: Record<string, UnitColumn[]> = {
    pic: ['Jawaban Mandiri', 'Bukti', 'Tindak Lanjut'],
    assessor: ['Jawaban Verifikasi', 'Catatan Asesor', 'Rekomendasi', 'Batas Waktu'],
    admin: ['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban', 'Jawaban Putaran Lalu', 'Boleh N/A'],
  };
  const expected: Record<string, Record<string, boolean>> = {
    [pic]: { pic: true, assessor: false, admin: false },
    [otherPic]: { pic: false, assessor: false, admin: false },
    [assessor]: { pic: true, assessor: true, admin: false },
    [admin]: { pic: true, assessor: true, admin: true },
    [stranger]: { pic: false, assessor: false, admin: false },
  };
  for (const [user, byGroup] of Object.entries(expected)) {
    for (const [group, allowed] of Object.entries(byGroup)) {
      test(`${user} ${allowed ? 'may' : 'may not'} edit the ${group} columns`, () => {
        for (const column of groups[group]) {
          for (const row of [UNIT_TAB.firstDataRow, UNIT_TAB.firstDataRow + 2]) expect(canEdit(user, row, col(column), protections)).toBe(allowed);
        }
      });
    }
  }

  const statusExpected: Record<string, { fill: boolean; verify: boolean }> = {
    [pic]: { fill: true, verify: false },
    [otherPic]: { fill: false, verify: false },
    [assessor]: { fill: true, verify: true },
    [admin]: { fill: true, verify: true },
    [stranger]: { fill: false, verify: false },
  };
  for (const [user, allowed] of Object.entries(statusExpected)) {
    test(`${user} ${allowed.fill ? 'may' : 'may not'} set Status Pengisian and ${allowed.verify ? 'may' : 'may not'} set Status Verifikasi`, () => {
      expect(canEdit(user, FILL_STATUS_CELL.startRow, FILL_STATUS_CELL.startColumn, protections)).toBe(allowed.fill);
      expect(canEdit(user, VERIFY_STATUS_CELL.startRow, VERIFY_STATUS_CELL.startColumn, protections)).toBe(allowed.verify);
      // Their labels, like the rest of the top block, stay with the admins.
      expect(canEdit(user, FILL_STATUS_CELL.startRow, FILL_STATUS_CELL.startColumn - 1, protections)).toBe(user === admin);
      expect(canEdit(user, VERIFY_STATUS_CELL.startRow, VERIFY_STATUS_CELL.startColumn - 1, protections)).toBe(user === admin);
    });
  }

  test('the header block, the table header and rows below the table are admins only', () => {
    for (const row of [0, UNIT_TAB.summaryRow, UNIT_TAB.tableHeaderRow, UNIT_TAB.firstDataRow + 3]) {
      expect(canEdit(pic, row, col('Jawaban Mandiri'), protections)).toBe(false);
      expect(canEdit(assessor, row, col('Catatan Asesor'), protections)).toBe(false);
      expect(canEdit(admin, row, col('Catatan Asesor'), protections)).toBe(true);
    }
  });
});

describe('the indicators of a unit’s Jenis (Instrumen Berlaku Untuk)', () => {
  const indicators = [ind('A1'), ind('D1', { appliesTo: ['Desa', 'Kelurahan'] }), ind('A2'), ind('D2', { appliesTo: ['Desa'] })];
  const desa = (code: string): Unit => ({ ...unit(code, `Desa ${code}`), type: ' desa ' });
  const codes = (rows: PlannedCell[][]) => rows.slice(UNIT_TAB.firstDataRow).map((r) => shown(r[col('Kode')])).filter((c) => c !== '');

  test('a mixed unit list: each tab holds exactly its Jenis’s indicators, its summary over them', () => {
    const plan = planUnitTabs(input({ indicators, units: [unit('DINKES'), desa('SUKAJADI')] }));
    expect(plan.tabs.map((t) => codes(t.rows))).toEqual([
      ['A1', 'A2'],
      ['A1', 'D1', 'A2', 'D2'],
    ]);
    expect(shown(plan.tabs[0].rows[UNIT_TAB.summaryRow][UNIT_TAB.summaryColumn])).toBe("=RINGKASAN_KEPATUHAN(A7:Q9,'Kategori'!A:F,'Aspek'!A:B)");
    expect(shown(plan.tabs[1].rows[UNIT_TAB.summaryRow][UNIT_TAB.summaryColumn])).toBe("=RINGKASAN_KEPATUHAN(A7:Q11,'Kategori'!A:F,'Aspek'!A:B)");
  });

  test('a unit whose Jenis changes: the answers of what no longer applies go to Arsip, the others stay; back again, the rows return empty', () => {
    const first = planUnitTabs(input({ indicators, units: [desa('DINKES')] })).tabs[0];
    const answers = { A1: { 'Jawaban Mandiri': 'Ya' }, D1: { 'Jawaban Mandiri': 'Tidak', 'Catatan Asesor': 'belum ada' }, A2: { Bukti: 'foto' } };
    const old = existingFrom(first.rows, answers);
    const plan = planUnitTabs(input({ indicators, existing: [old] }));
    expect(codes(plan.tabs[0].rows)).toEqual(['A1', 'A2']);
    expect(shown(tableRow(plan.tabs[0].rows, 'A1')[col('Jawaban Mandiri')])).toBe('Ya');
    expect(shown(tableRow(plan.tabs[0].rows, 'A2')[col('Bukti')])).toBe('foto');
    const archived = plan.archive.map((r) => r.map(shown));
    expect(archived.map((r) => [r[3], r[4 + col('Kode')], r[4 + col('Jawaban Mandiri')], r[4 + col('Catatan Asesor')]])).toEqual([
      ['Indikator tidak berlaku untuk Jenis unit ini (Instrumen: Berlaku Untuk)', 'D1', 'Tidak', 'belum ada'],
    ]);
    const back = planUnitTabs(input({ indicators, units: [desa('DINKES')], existing: [existingFrom(plan.tabs[0].rows, {})] }));
    expect(codes(back.tabs[0].rows)).toEqual(['A1', 'D1', 'A2', 'D2']);
    expect(shown(tableRow(back.tabs[0].rows, 'A1')[col('Jawaban Mandiri')])).toBe('Ya');
    expect(shown(tableRow(back.tabs[0].rows, 'D1')[col('Jawaban Mandiri')])).toBe('');
    expect(back.archive).toEqual([]);
  });

  test('a Panduan Skor is the note of both answer cells; none without one', () => {
    const rubric = '0 = tidak ada; 1 = ada';
    const plan = planUnitTabs(input({ indicators: [ind('A1', { rubric }), ind('A2')] }));
    const [a1, a2] = [tableRow(plan.tabs[0].rows, 'A1'), tableRow(plan.tabs[0].rows, 'A2')];
    // The allowed answers in words come first, then the rubric.
    const both = `Jawaban: Ya / Tidak\n${rubric}`;
    expect([a1[col('Jawaban Mandiri')].note, a1[col('Jawaban Verifikasi')].note]).toEqual([both, both]);
    expect([a2[col('Jawaban Mandiri')].note, a2[col('Jawaban Verifikasi')].note]).toEqual(['Jawaban: Ya / Tidak', 'Jawaban: Ya / Tidak']);
  });
});

describe('refreshing a tab rewrites no unchanged answer', () => {
  test('a tab generated again unchanged: its answers take notes, dropdowns and shading only, no value write', () => {
    const first = planUnitTabs(input({}));
    const again = planUnitTabs(input({ existing: [existingFrom(first.tabs[0].rows, { A1: { Bukti: 'foto papan', 'Jawaban Mandiri': 'Ya' } })] }));
    const writes = again.tabs[0].writes;
    // What each cell of the table gets, from however many writes cover it.
    const fieldsAt = (row: number, column: number) =>
      writes.filter((w) => row >= w.row && row < w.row + w.cells.length && column >= w.column && column < w.column + w.cells[0].length).map((w) => w.fields);
    const answers = new Set(KEPT_COLUMNS.map((c) => col(c)));
    for (let row = UNIT_TAB.firstDataRow; row < again.tabs[0].rows.length; row++) {
      for (let column = 0; column < HEADERS.unitTable.length; column++) {
        expect([row, column, fieldsAt(row, column)]).toEqual([row, column, answers.has(column) ? ['look'] : ['all']]);
      }
    }
  });

  test('only what changes is written as values, one block per run of rows with the same changed span', () => {
    const first = planUnitTabs(input({}));
    const old = existingFrom(first.tabs[0].rows, {});
    // Three indicators now in another order: A3 moves up, so the answers of the rows it passes change.
    old.values[UNIT_TAB.firstDataRow][col('Bukti')] = 'dulu A1';
    const again = planUnitTabs(input({ indicators: [ind('A1'), ind('A2'), ind('A3')], existing: [old] }));
    const values = again.tabs[0].writes.filter((w) => w.fields === 'values');
    expect(values).toEqual([]);
    const moved = planUnitTabs(input({ indicators: [ind('A2'), ind('A1'), ind('A3')], existing: [old] }));
    const changed = moved.tabs[0].writes.filter((w) => w.fields === 'values');
    expect(changed.map((w) => [w.row, w.column, w.cells.length, w.cells[0].length])).toEqual([[UNIT_TAB.firstDataRow, col('Bukti'), 2, 1]]);
  });

  test('an older tab without the columns added since gets them inserted at their place, its values compared where they will be', () => {
    const first = planUnitTabs(input({}));
    const old = existingFrom(first.tabs[0].rows, { A1: { 'Jawaban Putaran Lalu': 'Ya', 'Tindak Lanjut': 'Selesai' } });
    const gone = [col('Bukti Putaran Lalu'), col('Keterangan Tindak Lanjut')];
    const values = old.values.map((r) => r.filter((_, i) => !gone.includes(i)));
    const migrated = missingColumns(values);
    expect(migrated.insert).toEqual([col('Keterangan Tindak Lanjut'), col('Bukti Putaran Lalu')]);
    expect(migrated.values[UNIT_TAB.tableHeaderRow]).toEqual([...HEADERS.unitTable].map((h) => (gone.includes(col(h)) ? '' : h)));
    const plan = planUnitTabs(input({ existing: [{ ...old, values }] }));
    expect(plan.tabs[0].insertColumns).toEqual(migrated.insert);
    expect(plan.tabs[0].writes.filter((w) => w.fields === 'values')).toEqual([]);
    // A tab that already has them, or a table with nothing right of their place, gets nothing inserted.
    expect(missingColumns(old.values).insert).toEqual([]);
    expect(missingColumns(values.map((r) => r.slice(0, col('Keterangan Tindak Lanjut')))).insert).toEqual([]);
  });

  test('the allowed answers in words, whatever the answer type', () => {
    expect(answersInWords('id', { kind: 'ya-sebagian-tidak' }, false)).toBe('Ya / Sebagian / Tidak');
    expect(answersInWords('id', { kind: 'scale', max: 3 }, true)).toBe('0 sampai 3 / N/A (tidak berlaku)');
    expect(answersInWords('en', { kind: 'ya-tidak' }, false)).toBe('Ya / Tidak');
  });

  test('every header has a note; the top block holds the Petunjuk and the legend', () => {
    const rows = planUnitTabs(input({})).tabs[0].rows;
    expect(rows[UNIT_TAB.tableHeaderRow].every((c) => typeof c.note === 'string' && c.note.length > 20)).toBe(true);
    expect(shown(rows[5][0])).toBe('Petunjuk');
    expect(shown(rows[5][1])).toContain('Status Pengisian (E2)');
    expect(shown(rows[5][1])).toContain('B3');
    expect([rows[1][7].style?.background, rows[2][7].style?.background]).toEqual([ROLE_COLOURS.pic, ROLE_COLOURS.assessor]);
  });
});
