// Every shipped profile through the built bundle: a new workbook set up with it, its unit tabs
// generated (the programme validated), a tab filled as in test/helpers/profile-cases.ts, and
// the tab's summary and Rekap showing the hand-computed score, category and, on pekppp-2023's
// Skala 0-5, the index. Then a mixed unit list (Dinas, Puskesmas, Kecamatan, Desa) on the
// default profile with two items of our own for a Puskesmas and a Kecamatan: each tab holds
// the indicator count of its Jenis.
import type { WorkbookModel } from '../../local/model/types';
import { newWorkbook } from '../../local/model/workbook';
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { PROFILE_CASES, type ProfileCase } from '../helpers/profile-cases';
import { ADMIN, NOW, a1, ok, sheet, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const UNIT_HEADER = 'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor';

/** A Unit list of one unit per `[code, jenis]`. */
function unitList(units: readonly (readonly [string, string])[]): string {
  return [UNIT_HEADER, ...units.map(([code, jenis]) => `${code},${jenis} ${code},${jenis},PIC ${code},pic.${code.toLowerCase()}@pemkab.go.id,asesor@ombudsman.go.id`)].join('\n');
}

/** A new workbook of `profile` with `units`, its unit tabs generated. */
async function programme(profile: string, units: readonly (readonly [string, string])[]): Promise<LocalRuntime> {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
  ok(rt.run('setupWorkbook', { profile }));
  ok(rt.run('addUnits', unitList(units)));
  ok(rt.run('generateUnitTabs'));
  return rt;
}

/** The Kode column of a unit tab's table. */
function codesOf(wb: WorkbookModel, code: string): string[] {
  const v = values(unitSheet(wb, code));
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return v.slice(header + 1).map((r) => String(r[0])).filter((c) => c !== '');
}

/** Types the case's answer into every indicator row of the unit's tab, as the admin in the sheet. */
function fill(rt: LocalRuntime, code: string, c: ProfileCase): void {
  const s = unitSheet(rt.workbook, code);
  const v = values(s);
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const [aspect, answer] = ['Aspek', 'Jawaban Mandiri'].map((h) => v[header].indexOf(h));
  v.slice(header + 1).forEach((r, i) => {
    if (r[0] === '') return;
    const edit = rt.edit(ADMIN, s.title, a1(header + 1 + i, answer), String(c.answer({ code: String(r[0]), aspect: String(r[aspect]) })));
    if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
  });
}

/** A row of the block above a unit tab's table keyed by the header row above it (the summary). */
function summaryOf(wb: WorkbookModel, code: string): Record<string, unknown> {
  const v = values(unitSheet(wb, code));
  const labels = v.findIndex((r) => r.includes('Skor Akhir') && r.includes('Kategori'));
  return Object.fromEntries(v[labels].map((h, i) => [String(h), v[labels + 1][i]] as const).filter(([h]) => h !== ''));
}

/** Rekap's row of a unit, keyed by header. */
function recapRow(wb: WorkbookModel, code: string): Record<string, unknown> {
  const [header, ...rows] = values(sheet(wb, 'Rekap'));
  const row = rows.find((r) => r[0] === code) ?? [];
  return Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''] as const).reverse());
}

describe.each([...new Set(PROFILE_CASES.map((c) => c.profile))])('a %s workbook', (profile) => {
  const cases = PROFILE_CASES.filter((c) => c.profile === profile).map((c, i) => ({ ...c, code: `U${i + 1}` }));
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await programme(
      profile,
      cases.map((c) => [c.code, c.jenis] as const),
    );
    for (const c of cases) fill(rt, c.code, c);
    ok(rt.run('refreshRecap'));
  });

  test.each(cases.map((c) => [`${c.jenis}: ${c.why}`, c] as const))('%s', (_, c) => {
    const units = values(sheet(rt.workbook, 'Unit'));
    expect(units.find((r) => r[0] === c.code)?.[units[0].indexOf('Status')]).toBe('OK');
    const summary = summaryOf(rt.workbook, c.code);
    expect([summary['Skor Mandiri'], summary['Skor Akhir'], summary.Kategori]).toEqual([c.score, c.score, c.display]);
    const rekap = recapRow(rt.workbook, c.code);
    expect(rekap['Skor Akhir']).toBe(c.score);
    if (c.shown === c.score) {
      // A 0-100 profile shows no index, in the tab or in Rekap.
      expect(Object.keys(summary).filter((h) => h.startsWith('Indeks'))).toEqual([]);
      expect(Object.keys(rekap).filter((h) => h.startsWith('Indeks'))).toEqual([]);
    } else {
      expect([summary['Indeks Mandiri'], summary['Indeks Akhir']]).toEqual([c.shown, c.shown]);
      expect([rekap['Indeks Mandiri'], rekap['Indeks Akhir']]).toEqual([c.shown, c.shown]);
    }
  });
});

test('a mixed unit list gets the indicators of its Jenis on each tab (Berlaku Untuk matched in any case, trimmed)', async () => {
  const rt = await programme('opini-2025', [
    ['DINKES', 'Dinas'],
    ['PKM', 'Puskesmas'],
    ['KEC', 'Kecamatan'],
    ['DESA', 'Desa'],
  ]);
  // Two items of our own: one for puskesmas only, one for puskesmas and kecamatan.
  const instrumen = values(sheet(rt.workbook, 'Instrumen'));
  const header = instrumen[0].map(String);
  const rows = [
    { Kode: 'PKM-01', Aspek: 'Input', Indikator: 'Alur pelayanan pasien dipajang', Bobot: '1', 'Jenis Jawaban': '0-3', 'Berlaku Untuk': 'Puskesmas' },
    { Kode: 'KEC-01', Aspek: 'Proses', Indikator: 'Jadwal layanan keliling diumumkan', Bobot: '1', 'Jenis Jawaban': '0-3', 'Berlaku Untuk': ' puskesmas , KECAMATAN ' },
  ];
  rows.forEach((row, k) => {
    for (const [column, value] of Object.entries(row)) {
      const edit = rt.edit(ADMIN, 'Instrumen', a1(instrumen.length + k, header.indexOf(column)), value);
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    }
  });
  ok(rt.run('generateUnitTabs'));
  // opini-2025 ships 48 items for every unit and 9 more for a Desa or Kelurahan.
  const counts = ['DINKES', 'PKM', 'KEC', 'DESA'].map((code) => codesOf(rt.workbook, code).length);
  expect(counts).toEqual([48, 50, 49, 57]);
  expect(codesOf(rt.workbook, 'PKM').slice(-2)).toEqual(['PKM-01', 'KEC-01']);
  expect(codesOf(rt.workbook, 'KEC')).toContain('KEC-01');
  expect(codesOf(rt.workbook, 'KEC')).not.toContain('PKM-01');
});

test('upgrading an opini-2022 workbook from the earlier instrument keeps every answer under its Kode', async () => {
  const rt = await programme('opini-2022', [['U1', 'Dinas']]);
  const instrumen = values(sheet(rt.workbook, 'Instrumen'));
  const header = instrumen[0].map(String);
  const setRow = (row: number, cells: readonly unknown[]) =>
    cells.forEach((value, column) => {
      const edit = rt.edit(ADMIN, 'Instrumen', a1(row, column), String(value ?? ''));
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    });
  // The earlier instrument: without PR-12, PD-07 and PD-08, with PD-05 (no longer an indicator).
  const added = ['PR-12', 'PD-07', 'PD-08'].map((kode) => instrumen.findIndex((r) => r[0] === kode));
  const pd05 = instrumen.length;
  for (const row of added) setRow(row, header.map(() => ''));
  const template = instrumen[added[2]];
  setRow(pd05, header.map((h, i) => ({ Kode: 'PD-05', Indikator: 'Pengaduan ditindaklanjuti dalam batas waktu' })[h] ?? template[i]));
  ok(rt.run('generateUnitTabs'));
  const earlier = codesOf(rt.workbook, 'U1');
  expect(earlier).toHaveLength(37);
  expect(earlier).toContain('PD-05');
  // Answered on the earlier instrument: each Kode its own answer (0–3 by its place), a Bukti on IN-01.
  const answerOf = (kode: string) => String(earlier.indexOf(kode) % 4);
  const tab = () => {
    const v = values(unitSheet(rt.workbook, 'U1'));
    const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
    return { v, at, answer: v[at].indexOf('Jawaban Mandiri'), bukti: v[at].indexOf('Bukti') };
  };
  const before = tab();
  before.v.slice(before.at + 1).forEach((r, i) => {
    if (r[0] === '') return;
    const title = unitSheet(rt.workbook, 'U1').title;
    if (!rt.edit(ADMIN, title, a1(before.at + 1 + i, before.answer), answerOf(String(r[0]))).ok) throw new Error('edit refused');
    if (r[0] === 'IN-01' && !rt.edit(ADMIN, title, a1(before.at + 1 + i, before.bukti), 'https://pemkab.go.id/sk').ok) throw new Error('edit refused');
  });

  // The upgrade: Instrumen's rows as a new opini-2022 workbook has them, then a generation.
  for (const row of [...added, pd05]) setRow(row, instrumen[row] ?? header.map(() => ''));
  ok(rt.run('generateUnitTabs'));
  const after = tab();
  const rows = new Map(after.v.slice(after.at + 1).filter((r) => r[0] !== '').map((r) => [String(r[0]), r] as const));
  expect(rows.size).toBe(39);
  for (const kode of earlier.filter((k) => k !== 'PD-05')) expect([kode, String(rows.get(kode)?.[after.answer])]).toEqual([kode, answerOf(kode)]);
  expect(rows.get('IN-01')?.[after.bukti]).toBe('https://pemkab.go.id/sk');
  for (const kode of ['PR-12', 'PD-07', 'PD-08']) expect([kode, rows.get(kode)?.[after.answer]]).toEqual([kode, '']);
  const arsip = values(sheet(rt.workbook, 'Arsip'));
  const archived = arsip.filter((r) => r[1] === 'U1').map((r) => [r[4], String(r[4 + arsip[0].slice(4).indexOf('Jawaban Mandiri')])]);
  expect(archived).toEqual([['PD-05', answerOf('PD-05')]]);
});
