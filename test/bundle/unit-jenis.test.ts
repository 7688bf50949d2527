// A unit's tab holds the indicators of its Jenis (Instrumen "Berlaku Untuk"), through the built
// bundle on pekppp-2023: an OPD gets the general items, a Desa also the desa items; changing a
// unit's Jenis moves the answers of what no longer applies to Arsip; each answer cell shows the
// indicator's Panduan Skor as its note.
import type { WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { indicatorsFor, parseInstrument } from '../../src/domain/instrument';
import { getProfile } from '../../src/domain/profiles';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, a1, ok, sheet, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const instrument = parseInstrument(getProfile('pekppp-2023')?.instrument ?? [], 'id');
if (!instrument.ok) throw new Error('pekppp-2023 Instrumen should parse');
const indicators = instrument.value;

/** The Kode column of a unit tab's table. */
function codesOf(wb: WorkbookModel, code: string): string[] {
  const v = values(unitSheet(wb, code));
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return v.slice(header + 1).map((r) => String(r[0])).filter((c) => c !== '');
}

/** The A1 of a column in the row of an indicator, on a unit's tab. */
function cellOf(wb: WorkbookModel, code: string, kode: string, column: string): { tab: string; row: number; column: number; a1: string } {
  const s = unitSheet(wb, code);
  const v = values(s);
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const row = v.findIndex((r, i) => i > header && r[0] === kode);
  const at = v[header].indexOf(column);
  return { tab: s.title, row, column: at, a1: a1(row, at) };
}

describe('pekppp-2023 with an OPD and a Desa', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
    ok(rt.run('setupWorkbook', { profile: 'pekppp-2023' }));
    const units = [
      'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
      'DINKES,Dinas Kesehatan,OPD,Budi,budi@pemkab.go.id,asesor@ombudsman.go.id',
      'SUKAJADI,Desa Sukajadi,Desa,Sari,sari@desa.id,asesor@ombudsman.go.id',
    ];
    ok(rt.run('addUnits', units.join('\n')));
    ok(rt.run('generateUnitTabs'));
  });

  test('each tab holds exactly its Jenis’s indicators', () => {
    expect(codesOf(rt.workbook, 'DINKES')).toEqual(indicatorsFor(indicators, 'OPD').map((i) => i.code));
    expect(codesOf(rt.workbook, 'SUKAJADI')).toEqual(indicatorsFor(indicators, 'Desa').map((i) => i.code));
    expect(codesOf(rt.workbook, 'SUKAJADI').length - codesOf(rt.workbook, 'DINKES').length).toBe(9);
  });

  test('the Panduan Skor of KP-01 is the note of its Jawaban Mandiri and Jawaban Verifikasi cells', () => {
    const rubric = indicators.find((i) => i.code === 'KP-01')?.rubric;
    expect(rubric).toMatch(/^0 = tidak ada SP/);
    for (const column of ['Jawaban Mandiri', 'Jawaban Verifikasi']) {
      const at = cellOf(rt.workbook, 'DINKES', 'KP-01', column);
      // After the allowed answers in words.
      expect(unitSheet(rt.workbook, 'DINKES').rows[at.row][at.column]?.note).toBe(`Jawaban: 0 sampai 5\n${rubric}`);
    }
  });

  test('the Desa becomes a Kelurahan, then an OPD: its desa answers go to Arsip, the others stay', () => {
    const answer = (kode: string, value: string) => {
      const at = cellOf(rt.workbook, 'SUKAJADI', kode, 'Jawaban Mandiri');
      const edit = rt.edit(ADMIN, at.tab, at.a1, value);
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    };
    answer('KP-01', '4');
    answer('DS-01', 'Ya');
    const setJenis = (jenis: string) => {
      const unit = values(sheet(rt.workbook, 'Unit'));
      const edit = rt.edit(ADMIN, 'Unit', a1(unit.findIndex((r) => r[0] === 'SUKAJADI'), unit[0].indexOf('Jenis')), jenis);
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
      ok(rt.run('generateUnitTabs'));
    };
    setJenis('Kelurahan');
    expect(codesOf(rt.workbook, 'SUKAJADI')).toEqual(indicatorsFor(indicators, 'Kelurahan').map((i) => i.code));
    expect(rt.workbook.sheets.some((s) => s.title === 'Arsip')).toBe(false); // nothing was archived

    setJenis('OPD');
    expect(codesOf(rt.workbook, 'SUKAJADI')).toEqual(indicatorsFor(indicators, 'OPD').map((i) => i.code));
    const kp01 = cellOf(rt.workbook, 'SUKAJADI', 'KP-01', 'Jawaban Mandiri');
    expect(String(values(unitSheet(rt.workbook, 'SUKAJADI'))[kp01.row][kp01.column])).toBe('4');
    const arsip = values(sheet(rt.workbook, 'Arsip'));
    const archived = arsip.filter((r) => r[1] === 'SUKAJADI');
    expect(archived.map((r) => [r[3], r[4], r[4 + arsip[0].slice(4).indexOf('Jawaban Mandiri')]])).toEqual([
      ['Indikator tidak berlaku untuk Jenis unit ini (Instrumen: Berlaku Untuk)', 'DS-01', 'Ya'],
    ]);
  });
});
