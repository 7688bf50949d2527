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
