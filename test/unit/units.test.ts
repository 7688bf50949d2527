import { HEADERS } from '../../src/domain/tables';
import { isUnitOk, validateUnits } from '../../src/domain/units';

const H = [...HEADERS.unit];

describe('validateUnits', () => {
  test('good rows become units with their sheet rows; empty rows get an empty status', () => {
    const result = validateUnits(
      [
        H,
        ['DINKES', 'Dinas Kesehatan', 'OPD', 'Budi', 'a@x.example, b@x.example', '', 'old tab', 'old status'],
        ['', '', '', '', '', '', 'DINKES Dinas', 'OK'],
        [101, 'Puskesmas Sengeti', 'Puskesmas', '', 'c@x.example', 'asesor@o.example'],
      ],
      'id',
    );
    expect(result.problems).toEqual([]);
    expect(result.statuses).toEqual(['OK', '', 'OK']);
    expect(result.rejected).toEqual([]);
    expect(result.units).toEqual([
      { row: 2, code: 'DINKES', name: 'Dinas Kesehatan', type: 'OPD', picName: 'Budi', picEmails: ['a@x.example', 'b@x.example'], assessorEmails: [], headName: '', headTitle: '' },
      { row: 4, code: '101', name: 'Puskesmas Sengeti', type: 'Puskesmas', picName: '', picEmails: ['c@x.example'], assessorEmails: ['asesor@o.example'], headName: '', headTitle: '' },
    ]);
  });

  test('a bad row never stops the good rows, and its status says every fix', () => {
    const rows = [
      H,
      ['DINKES', 'Dinas Kesehatan', 'OPD', '', 'a@x.example', ''],
      ['', 'Tanpa Kode', 'OPD', '', 'b@x.example', ''],
      ['dinkes', '', 'OPD', '', '', 'asesor-at-o'],
      ['DISDIK', 'Dinas Pendidikan', 'OPD', '', 'c@x.example, salah@', ''],
      ['DPUPR', 'Dinas PUPR', 'OPD', '', 'd@x.example', 'ok@o.example; no@'],
      ['DINSOS', 'Dinas Sosial', 'OPD', '', 'e@x.example', ''],
    ];
    const result = validateUnits(rows, 'id');
    expect(result.units.map((u) => u.code)).toEqual(['DINKES', 'DINSOS']);
    expect(result.statuses).toEqual([
      'OK',
      'Kode kosong. Isi Kode unit yang unik, mis. DINKES.',
      'Nama Unit kosong. Isi nama lengkap unit. Email Asesor tidak sah: asesor-at-o. Perbaiki penulisannya; pisahkan beberapa alamat dengan koma, atau kosongkan. Kode "dinkes" sudah dipakai unit di baris 2. Beri unit ini Kode yang berbeda.',
      'Email PIC tidak sah: salah@. Perbaiki penulisannya; pisahkan beberapa alamat dengan koma.',
      expect.stringContaining('Email Asesor tidak sah: no@.'),
      'OK',
    ]);
    expect(result.rejected.map((r) => [r.row, r.kode])).toEqual([
      [3, ''],
      [4, 'dinkes'],
      [5, 'DISDIK'],
      [6, 'DPUPR'],
    ]);
    expect(result.rejected[0].reason).toBe(result.statuses[1]);
  });

  test('a unit without Email PIC is valid, and its Status says it will not be emailed and why', () => {
    const result = validateUnits([H, ['DESA', 'Desa Sungai Gelam', 'Desa', '', '', 'asesor@o.example'], ['SALAH', 'Desa Salah', 'Desa', '', 'bukan-alamat', '']], 'id');
    expect(result.units.map((u) => [u.code, u.picEmails])).toEqual([['DESA', []]]);
    expect(result.statuses[0]).toMatch(/^OK — Email PIC kosong: .*tidak akan dikirimi email/);
    expect(isUnitOk(result.statuses[0])).toBe(true);
    // An invalid address still makes the row invalid.
    expect(result.rejected.map((r) => r.kode)).toEqual(['SALAH']);
    expect(isUnitOk(result.statuses[1])).toBe(false);
    expect(validateUnits([H, ['DESA', 'Desa', 'Desa', '', '', '']], 'en').statuses[0]).toMatch(/^OK — Email PIC is empty: .*will not be emailed/);
  });

  test('statuses come in English when asked', () => {
    const result = validateUnits([H, ['X', '', '', '', 'x@y.example', '']], 'en');
    expect(result.statuses).toEqual(['Nama Unit is empty. Enter the full name of the unit.']);
  });

  test('a Unit tab without its key columns reads no row and says which headers are missing', () => {
    const result = validateUnits([['Kode', 'Nama'], ['A', 'B']], 'id');
    expect(result.units).toEqual([]);
    expect(result.statuses).toEqual(['']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toBe(
      'Tab Unit: kolom "Nama Unit", "Email PIC" tidak ditemukan di baris judul (baris pertama). Tambahkan judul kolom itu persis seperti tertulis.',
    );
  });
});
