// Refresh is lossless: after the Instrumen or the Unit list changes, every answer, evidence
// link, note and follow-up of a surviving indicator code is still there; what was removed is
// in Arsip. And the protections let each person edit exactly their columns.
import type { LocalRuntime } from '../../local/runtime';
import type { WorkbookModel } from '../../local/model/types';
import { ROLE_COLOURS } from '../../src/domain/plan/unit-tabs';
import { ADMIN, COLUMNS, DEMO_UNITS_30, built, columnIndex, demoWorkbook, grid, ok, run, runtimeFor, sheet, shown, rowOf, unitTab } from './core-fixture';

beforeAll(built);

const UNITS = DEMO_UNITS_30.slice(0, 4); // header, DISDIKBUD, DINKES, DPUPR
const PIC = 'pic.dinkes@muarojambi.example';
const OTHER_PIC = 'pic.dpupr@muarojambi.example';
const ASSESSOR = 'asesor2@ombudsman.example';
const STRANGER = 'tamu@luar.example';

/** Typed into DINKES's tab by its PIC and assessor, per indicator code. */
const ANSWERS: Record<string, [string, string, unknown][]> = {
  'SP-01': [
    [PIC, COLUMNS.mandiri, 'Ya'],
    [PIC, COLUMNS.bukti, 'https://drive.example/foto1'],
    [ASSESSOR, COLUMNS.verifikasi, 'Tidak'],
    [ASSESSOR, COLUMNS.catatan, "'=papan tidak ada"],
    [PIC, COLUMNS.tindakLanjut, 'Dalam proses'],
  ],
  'SP-02': [
    [PIC, COLUMNS.mandiri, 'Tidak'],
    [ASSESSOR, COLUMNS.rekomendasi, 'Unggah di situs resmi'],
    [ASSESSOR, COLUMNS.batas, '2025-02-01'],
  ],
  'SP-03': [
    [PIC, COLUMNS.mandiri, 'Ya'],
    [PIC, COLUMNS.bukti, 'https://drive.example/alur'],
  ],
  'SP-04': [[PIC, COLUMNS.mandiri, 'Ya']],
};

function typeAnswers(rt: LocalRuntime, workbook: WorkbookModel): void {
  const tab = unitTab(workbook, 'DINKES');
  for (const [code, edits] of Object.entries(ANSWERS)) {
    const row = rowOf(tab, code) + 1;
    for (const [user, column, value] of edits) expect(rt.edit(user, tab.title, `${column}${row}`, String(value))).toMatchObject({ ok: true });
  }
}

function answersOf(workbook: WorkbookModel, code: string): unknown[] {
  const tab = unitTab(workbook, 'DINKES');
  const row = rowOf(tab, code);
  return ANSWERS[code].map(([, column]) => shown(tab, row, columnIndex(column)));
}

/** Replaces a whole Instrumen row (A..I) as the admin would type it. */
function setInstrumentRow(rt: LocalRuntime, row: number, values: readonly unknown[]): void {
  'ABCDEFGHI'.split('').forEach((column, i) => rt.edit(ADMIN, 'Instrumen', `${column}${row}`, String(values[i] ?? '')));
}

async function generated(): Promise<{ workbook: WorkbookModel; rt: LocalRuntime; before: Record<string, unknown[]> }> {
  const { workbook, rt } = await demoWorkbook(UNITS);
  ok(run(rt, 'generateUnitTabs'));
  typeAnswers(rt, workbook);
  const before = Object.fromEntries(Object.keys(ANSWERS).map((code) => [code, answersOf(workbook, code)]));
  return { workbook, rt, before };
}

describe('indicators change', () => {
  test('added, removed, reordered, reworded and reweighted: surviving answers stay, removed ones go to Arsip', async () => {
    const { workbook, rt, before } = await generated();
    expect(before['SP-01'][3]).toBe('=papan tidak ada');
    const instrumen = grid(sheet(workbook, 'Instrumen'));
    const [sp01, sp02] = [instrumen[1], instrumen[2]];
    setInstrumentRow(rt, 2, [sp02[0], sp02[1], sp02[2], 7, ...sp02.slice(4)]); // reordered + reweighted
    setInstrumentRow(rt, 3, [sp01[0], sp01[1], 'Persyaratan pelayanan dipasang', ...sp01.slice(3)]); // reworded
    setInstrumentRow(rt, 4, []); // SP-03 removed
    setInstrumentRow(rt, 42, ['SP-99', 'Standar Pelayanan', 'Indikator baru', 2, 'ya-sebagian-tidak', 'Ya']); // added

    const result = ok(run(rt, 'generateUnitTabs'));
    expect(result.created).toEqual([]);
    expect(result.archived).toBe(1);
    for (const code of ['SP-01', 'SP-02', 'SP-04']) expect(answersOf(workbook, code)).toEqual(before[code]);
    const tab = unitTab(workbook, 'DINKES');
    const codes = grid(tab).slice(7).map((r) => r[0]);
    expect(codes.slice(0, 3)).toEqual(['SP-02', 'SP-01', 'SP-04']);
    expect(codes).toContain('SP-99');
    expect(codes).not.toContain('SP-03');
    expect(shown(tab, rowOf(tab, 'SP-01'), 2)).toBe('Persyaratan pelayanan dipasang');
    expect(shown(tab, rowOf(tab, 'SP-02'), 3)).toBe(7);
    const arsip = grid(sheet(workbook, 'Arsip'));
    expect(arsip).toHaveLength(2);
    expect(arsip[1].slice(1, 5)).toEqual(['DINKES', tab.title, 'Indikator tidak ada lagi di Instrumen', 'SP-03']);
    expect(arsip[1]).toContain('https://drive.example/alur');
    // Protections follow the new table size.
    expect(rt.edit(PIC, tab.title, `F${rowOf(tab, 'SP-99') + 1}`, 'Sebagian')).toMatchObject({ ok: true });
  });
});

describe('units change', () => {
  test('a renamed unit keeps its tab (renamed) and its answers; an added unit gets a tab', async () => {
    const { workbook, rt, before } = await generated();
    const id = unitTab(workbook, 'DINKES').sheetId;
    rt.edit(ADMIN, 'Unit', 'B3', 'Dinas Kesehatan Daerah');
    DEMO_UNITS_30[5].forEach((value, i) => rt.edit(ADMIN, 'Unit', `${'ABCDEF'[i]}5`, value));
    const result = ok(run(rt, 'generateUnitTabs'));
    expect(result.created).toEqual([expect.stringContaining(DEMO_UNITS_30[5][0])]);
    const tab = unitTab(workbook, 'DINKES');
    expect(tab.sheetId).toBe(id);
    expect(tab.title).toBe('DINKES Dinas Kesehatan Daerah');
    expect(shown(sheet(workbook, 'Unit'), 2, 6)).toBe(tab.title);
    for (const code of Object.keys(ANSWERS)) expect(answersOf(workbook, code)).toEqual(before[code]);
    // Rows past the units hold only the count block to the right: no Kode.
    expect(grid(sheet(workbook, 'Rekap')).filter((r) => (r[0] ?? '') !== '')).toHaveLength(5);
  });

  test('a tab a user renamed keeps its name and its link to the unit', async () => {
    const { workbook, rt, before } = await generated();
    unitTab(workbook, 'DINKES').title = 'Kesehatan (cek)';
    ok(run(rt, 'generateUnitTabs'));
    expect(unitTab(workbook, 'DINKES').title).toBe('Kesehatan (cek)');
    expect(answersOf(workbook, 'SP-01')).toEqual(before['SP-01']);
    expect(shown(sheet(workbook, 'Unit'), 2, 6)).toBe('Kesehatan (cek)');
  });

  test('a removed unit keeps its tab, marked inactive and closed to its PIC, with its data in Arsip', async () => {
    const { workbook, rt, before } = await generated();
    'ABCDEF'.split('').forEach((column) => rt.edit(ADMIN, 'Unit', `${column}3`, ''));
    const result = ok(run(rt, 'generateUnitTabs'));
    expect(result.inactive).toHaveLength(1);
    const tab = unitTab(workbook, 'DINKES');
    expect(tab.developerMetadata.some((m) => m.metadataKey === 'pendamping.inactive')).toBe(true);
    expect(String(shown(tab, 0, 0))).toMatch(/^NONAKTIF — DINKES/);
    for (const code of Object.keys(ANSWERS)) expect(answersOf(workbook, code)).toEqual(before[code]);
    expect(rt.edit(PIC, tab.title, 'F8', 'Tidak')).toMatchObject({ ok: false });
    // Its statuses are closed to its PIC and assessor too.
    expect(rt.edit(PIC, tab.title, 'E2', 'Diajukan')).toMatchObject({ ok: false });
    expect(rt.edit(ASSESSOR, tab.title, 'E3', 'Terverifikasi')).toMatchObject({ ok: false });
    const arsip = grid(sheet(workbook, 'Arsip'));
    expect(arsip.filter((r) => r[3] === 'Unit tidak ada lagi di tab Unit')).toHaveLength(4);
    expect(grid(sheet(workbook, 'Rekap')).filter((r) => r[0] === 'DINKES')).toHaveLength(0);

    // Put back: the same tab becomes active again, answers intact, PIC may edit again.
    DEMO_UNITS_30[2].forEach((value, i) => rt.edit(ADMIN, 'Unit', `${'ABCDEF'[i]}3`, value));
    ok(run(rt, 'generateUnitTabs'));
    const back = unitTab(workbook, 'DINKES');
    expect(back.sheetId).toBe(tab.sheetId);
    expect(back.developerMetadata.some((m) => m.metadataKey === 'pendamping.inactive')).toBe(false);
    expect(answersOf(workbook, 'SP-01')).toEqual(before['SP-01']);
    expect(rt.edit(PIC, back.title, 'F8', 'Tidak')).toMatchObject({ ok: true });
    expect(rt.edit(PIC, back.title, 'E2', 'Diajukan')).toMatchObject({ ok: true });
  });
});

test('answer cells take only their dropdown values, and N/A only where allowed', async () => {
  const { workbook, rt } = await demoWorkbook(UNITS);
  ok(run(rt, 'generateUnitTabs'));
  const tab = unitTab(workbook, 'DINKES');
  const at = (code: string, column: string) => `${column}${rowOf(tab, code) + 1}`;
  expect(rt.edit(PIC, tab.title, at('SP-01', COLUMNS.mandiri), 'Mungkin')).toMatchObject({ ok: false });
  expect(rt.edit(PIC, tab.title, at('SP-01', COLUMNS.mandiri), 'N/A')).toMatchObject({ ok: false });
  expect(rt.edit(PIC, tab.title, at('SR-05', COLUMNS.mandiri), 'N/A')).toMatchObject({ ok: true });
  expect(rt.edit(PIC, tab.title, at('SR-02', COLUMNS.mandiri), 'Sebagian')).toMatchObject({ ok: true });
  expect(rt.edit(ASSESSOR, tab.title, at('SP-01', COLUMNS.verifikasi), 'Sebagian')).toMatchObject({ ok: false });
  expect(rt.edit(PIC, tab.title, at('SP-01', COLUMNS.tindakLanjut), 'Selesai')).toMatchObject({ ok: true });
  expect(rt.edit(PIC, tab.title, at('SP-01', COLUMNS.tindakLanjut), 'Sudah')).toMatchObject({ ok: false });
});

describe('protection matrix', () => {
  const groups = {
    pic: COLUMNS.mandiri,
    picEvidence: COLUMNS.bukti,
    followUp: COLUMNS.tindakLanjut,
    followUpNote: COLUMNS.keteranganTindakLanjut,
    assessor: COLUMNS.verifikasi,
    note: COLUMNS.catatan,
    recommendation: COLUMNS.rekomendasi,
    deadline: COLUMNS.batas,
    admin: COLUMNS.indikator,
    previous: COLUMNS.lalu,
    previousEvidence: COLUMNS.buktiLalu,
  };
  type Rights = Record<keyof typeof groups, boolean>;
  const none: Rights = { pic: false, picEvidence: false, followUp: false, followUpNote: false, assessor: false, note: false, recommendation: false, deadline: false, admin: false, previous: false, previousEvidence: false };
  const picRights: Rights = { ...none, pic: true, picEvidence: true, followUp: true, followUpNote: true };
  const assessorRights: Rights = { ...picRights, assessor: true, note: true, recommendation: true, deadline: true };
  const matrix: [string, string, Rights][] = [
    ['PIC', PIC, picRights],
    ['other PIC', OTHER_PIC, none],
    ['assessor', ASSESSOR, assessorRights],
    ['admin', ADMIN, { ...assessorRights, admin: true, previous: true, previousEvidence: true }],
    ['stranger', STRANGER, none],
  ];
  let env: { workbook: WorkbookModel; rt: LocalRuntime };
  beforeAll(async () => {
    const { workbook } = await demoWorkbook(UNITS);
    // The admin list names a second admin who is not the owner, so "admin" is tested by the list.
    const rt = await runtimeFor(workbook, ADMIN);
    const adminRow = grid(sheet(workbook, 'Pengaturan')).findIndex((r) => r[0] === 'email_admin') + 1;
    expect(rt.edit(ADMIN, 'Pengaturan', `B${adminRow}`, `${ADMIN}, admin2@ombudsman.example`)).toMatchObject({ ok: true });
    ok(run(rt, 'generateUnitTabs'));
    env = { workbook, rt };
  });

  for (const [who, user, allowed] of matrix) {
    test(`${who}`, () => {
      const tab = unitTab(env.workbook, 'DINKES');
      const editor = who === 'admin' ? 'admin2@ombudsman.example' : user;
      for (const [group, column] of Object.entries(groups)) {
        const value = group === 'pic' || group === 'assessor' ? 'Ya' : group === 'followUp' ? 'Selesai' : group === 'deadline' ? '2031-01-01' : 'teks';
        const result = env.rt.edit(editor, tab.title, `${column}9`, value) as { ok: boolean };
        expect([group, result.ok]).toEqual([group, allowed[group as keyof typeof groups]]);
      }
      expect((env.rt.edit(editor, tab.title, 'B5', 'x') as { ok: boolean }).ok).toBe(who === 'admin');
    });
  }

  test('the shading says who edits: the PIC’s colour exactly where the PIC may, the assessor’s where only the assessor and the admins may', () => {
    const tab = unitTab(env.workbook, 'DINKES');
    const background = (column: string) => tab.rows[8][column.charCodeAt(0) - 65]?.format?.background;
    for (const [group, column] of Object.entries(groups)) {
      const key = group as keyof typeof groups;
      const expected = picRights[key] ? ROLE_COLOURS.pic : assessorRights[key] ? ROLE_COLOURS.assessor : undefined;
      expect([group, background(column)]).toEqual([group, expected]);
    }
    // Status Pengisian (E2) is the PIC's, Status Verifikasi (E3) the assessor's; the legend beside them says so.
    expect([tab.rows[1][4]?.format?.background, tab.rows[2][4]?.format?.background]).toEqual([ROLE_COLOURS.pic, ROLE_COLOURS.assessor]);
    expect([tab.rows[1][7]?.format?.background, tab.rows[2][7]?.format?.background]).toEqual([ROLE_COLOURS.pic, ROLE_COLOURS.assessor]);
    expect(String(tab.rows[1][7]?.value)).toMatch(/PIC/);
  });

  // System tabs are the admins' alone: a PIC or assessor could otherwise rewrite the instrument,
  // another unit's row, or forge a TERKIRIM in the ledger.
  for (const [who, user] of matrix) {
    test(`${who} on the system tabs`, () => {
      const editor = who === 'admin' ? 'admin2@ombudsman.example' : user;
      for (const title of ['Pengaturan', 'Instrumen', 'Aspek', 'Kategori', 'Unit', 'Rekap', 'Log Email', 'Riwayat']) {
        // A1 written with its own header text: allowed or not, nothing changes for the other tests.
        const header = String(grid(sheet(env.workbook, title))[0][0]);
        const result = env.rt.edit(editor, title, 'A1', header) as { ok: boolean };
        expect([title, result.ok]).toEqual([title, who === 'admin']);
      }
    });
  }
});
