import { planShare } from '../../src/sheets/share';

const UNIT = [
  ['Kode', 'Nama Unit', 'Jenis', 'Nama PIC', 'Email PIC', 'Email Asesor', 'Tab', 'Status'],
  ['DINKES', 'Dinas Kesehatan', 'OPD', 'Hendra', 'pic.dinkes@x.example, PIC2.dinkes@x.example', 'asesor@x.example', '', ''],
  ['DINSOS', 'Dinas Sosial', 'OPD', 'Lestari', 'pic.dinsos@x.example; bukan email', 'Asesor@X.example', '', ''],
  ['', '', '', '', '', '', '', ''],
  ['DESA', 'Desa Tanpa Email', 'Desa', '', '', 'asesor@x.example', '', ''],
];

test('every valid PIC and assessor address once, in Unit order; those already editors apart, case-insensitively', () => {
  expect(planShare(UNIT, [])).toEqual({
    add: ['pic.dinkes@x.example', 'PIC2.dinkes@x.example', 'asesor@x.example', 'pic.dinsos@x.example'],
    already: [],
    invalid: [{ row: 3, kode: 'DINSOS', address: 'bukan email' }],
  });
  const again = planShare(UNIT, ['owner@x.example', 'pic2.dinkes@x.example', 'ASESOR@x.example']);
  expect(again.add).toEqual(['pic.dinkes@x.example', 'pic.dinsos@x.example']);
  expect(again.already).toEqual(['PIC2.dinkes@x.example', 'asesor@x.example']);
});

test('a Unit without the address columns shares with nobody', () => {
  expect(planShare([['Kode', 'Nama Unit'], ['A', 'B']], [])).toEqual({ add: [], already: [], invalid: [] });
});
