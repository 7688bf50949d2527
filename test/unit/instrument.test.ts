import { checkAspectCoverage, indicatorsFor, parseAnswerType, parseAspects, parseCategories, parseCategoryTable, parseInstrument } from '../../src/domain/instrument';
import { HEADERS } from '../../src/domain/tables';
import type { Parsed, Problem } from '../../src/domain/types';
import { parsedProfile } from './shipped-profile';

const H = [...HEADERS.instrumen];
const row = (over: Partial<Record<(typeof HEADERS.instrumen)[number], unknown>> = {}): unknown[] => {
  const base: Record<string, unknown> = {
    Kode: 'SP-01',
    Aspek: 'Standar Pelayanan',
    Indikator: 'Persyaratan dipublikasikan',
    Bobot: 3,
    'Jenis Jawaban': 'ya-tidak',
    'Boleh N/A': 'Tidak',
    Rekomendasi: 'Pasang papan informasi.',
    'Dasar Hukum': 'UU 25/2009 Pasal 21',
    'Bukti Diminta': 'Foto',
    ...over,
  };
  return H.map((h) => base[h]);
};

function problemsOf<T>(parsed: Parsed<T>): Problem[] {
  if (parsed.ok) throw new Error(`expected problems, got ${JSON.stringify(parsed.value)}`);
  return parsed.problems;
}

describe('parseInstrument', () => {
  test('reads indicators by header, in any column order, with canonical answer types', () => {
    const shuffled = [...H].reverse();
    const r = row({ Bobot: '2,5', 'Jenis Jawaban': ' 0 - 3 ', 'Boleh N/A': 'ya' });
    const byHeader = Object.fromEntries(H.map((h, i) => [h, r[i]]));
    const parsed = parseInstrument([shuffled, shuffled.map((h) => byHeader[h]), ['', '', ''], []], 'id');
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          code: 'SP-01',
          aspect: 'Standar Pelayanan',
          text: 'Persyaratan dipublikasikan',
          weight: 2.5,
          answerType: { kind: 'scale', max: 3 },
          answerTypeText: '0-3',
          allowNA: true,
          recommendation: 'Pasang papan informasi.',
          legalBasis: 'UU 25/2009 Pasal 21',
          evidence: 'Foto',
          appliesTo: [],
          rubric: '',
        },
      ],
    });
  });

  test('optional columns may be absent: Boleh N/A then reads as Tidak', () => {
    const parsed = parseInstrument([['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban'], ['A', 'X', 'Teks', 1, 'ya-sebagian-tidak']], 'id');
    expect(parsed.ok && parsed.value[0]).toMatchObject({ allowNA: false, recommendation: '', answerType: { kind: 'ya-sebagian-tidak' } });
  });

  test('missing header columns are named', () => {
    const problems = problemsOf(parseInstrument([['Kode', 'Indikator', 'Bobot'], ['A', 'x', 1]], 'id'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ tab: 'Instrumen' });
    expect(problems[0].message).toContain('"Aspek", "Jenis Jawaban"');
    expect(problems[0].message).toMatch(/^Tab Instrumen: kolom/);
  });

  test('every bad cell of every row is reported with its row, column and fix, in both languages', () => {
    const rows = [
      H,
      row(),
      row({ Kode: '', Indikator: '' }),
      row({ Kode: ' sp-01 ', Bobot: 0 }),
      row({ Kode: 'SP-03', Bobot: 'tiga', 'Jenis Jawaban': '0-11' }),
      row({ Kode: 'SP-04', 'Jenis Jawaban': 'ya/tidak', 'Boleh N/A': 'mungkin' }),
      row({ Kode: 'SP-05', Bobot: -2, 'Jenis Jawaban': '0-0' }),
    ];
    const problems = problemsOf(parseInstrument(rows, 'id'));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Kode'],
      [3, 'Indikator'],
      [4, 'Bobot'],
      [4, 'Kode'],
      [5, 'Bobot'],
      [5, 'Jenis Jawaban'],
      [6, 'Jenis Jawaban'],
      [6, 'Boleh N/A'],
      [7, 'Bobot'],
      [7, 'Jenis Jawaban'],
    ]);
    expect(problems[3].message).toBe(
      'Tab Instrumen baris 4, kolom Kode: Kode "sp-01" sudah dipakai di baris 2. Beri setiap baris Kode yang berbeda (huruf besar/kecil tidak dibedakan).',
    );
    expect(problems[4].message).toContain('Bobot "tiga" bukan angka lebih dari 0');
    expect(problems[5].message).toContain('0-N dengan N bilangan bulat 1 sampai 10');
    const en = problemsOf(parseInstrument(rows, 'en'));
    expect(en[4].message).toBe('Tab Instrumen row 5, column Bobot: Bobot "tiga" is not a number greater than 0. Enter a positive number, e.g. 2 or 2.5.');
  });

  test('an instrument with no indicator, or no rows at all, is a problem', () => {
    expect(problemsOf(parseInstrument([H, ['', ''], []], 'id'))[0].message).toContain('belum ada indikator');
    expect(problemsOf(parseInstrument([], 'id'))[0].message).toContain('tidak ditemukan di baris judul');
  });
});

describe('parseAnswerType', () => {
  test.each([
    ['ya-tidak', { kind: 'ya-tidak' }, 'ya-tidak'],
    ['YA-SEBAGIAN-TIDAK', { kind: 'ya-sebagian-tidak' }, 'ya-sebagian-tidak'],
    ['0-1', { kind: 'scale', max: 1 }, '0-1'],
    ['0-10', { kind: 'scale', max: 10 }, '0-10'],
  ])('%s is known', (input, type, text) => expect(parseAnswerType(input)).toEqual({ type, text }));

  test.each(['', '0-0', '0-11', '1-3', 'ya', 'ya-tidak-sebagian', '0-3.5', 3])('%s is unknown', (input) => {
    expect(parseAnswerType(input)).toBeNull();
  });
});

describe('parseAspects', () => {
  test('empty, absent or header-only means no aspect weights', () => {
    expect(parseAspects([], 'id')).toEqual({ ok: true, value: [] });
    expect(parseAspects([['Aspek', 'Bobot Aspek']], 'id')).toEqual({ ok: true, value: [] });
    expect(parseAspects([['Aspek', 'Bobot Aspek'], ['', ''], ['', '']], 'id')).toEqual({ ok: true, value: [] });
    expect(parseAspects([['', ''], ['', '']], 'id')).toEqual({ ok: true, value: [] });
  });

  test('reads weights given as numbers or text', () => {
    expect(parseAspects([['Aspek', 'Bobot Aspek'], ['Input', 21.85], ['Proses', '32,37']], 'id')).toEqual({
      ok: true,
      value: [
        { aspect: 'Input', weight: 21.85 },
        { aspect: 'Proses', weight: 32.37 },
      ],
    });
  });

  test('bad weights, nameless rows, duplicate aspects and a missing header are problems', () => {
    const problems = problemsOf(
      parseAspects([['Aspek', 'Bobot Aspek'], ['Input', 'x'], ['', 5], ['input', 3], ['Output', 0]], 'id'),
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Bobot Aspek'],
      [3, 'Aspek'],
      [5, 'Bobot Aspek'],
      [4, 'Aspek'],
    ]);
    expect(problems[3].message).toContain('Aspek "input" sudah ada di baris 2');
    expect(problemsOf(parseAspects([['Input', 21.85]], 'id'))[0].message).toContain('"Aspek", "Bobot Aspek"');
  });

  test('an aspect used by indicators but missing from a non-empty Aspek tab is reported once', () => {
    const inds = ['Input', 'Proses', 'proses ', 'Lain'].map((aspect, i) => ({
      code: `K${i}`,
      aspect,
      text: 't',
      weight: 1,
      answerType: { kind: 'ya-tidak' } as const,
      answerTypeText: 'ya-tidak',
      allowNA: false,
      recommendation: '',
      legalBasis: '',
      evidence: '',
    }));
    const problems = checkAspectCoverage(inds, [{ aspect: 'INPUT', weight: 1 }], 'id');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('aspek "Proses" dipakai di tab Instrumen'),
      expect.stringContaining('aspek "Lain"'),
    ]);
    expect(checkAspectCoverage(inds, [], 'id')).toEqual([]);
  });
});

describe('parseCategories', () => {
  const K = [...HEADERS.kategori];
  test('reads categories with their zone normalised', () => {
    expect(parseCategories([K, ['Hijau', 81, 'Tinggi', 'hijau'], ['Merah', '0', '', ' MERAH ']], 'id')).toEqual({
      ok: true,
      value: [
        { name: 'Hijau', min: 81, description: 'Tinggi', zone: 'Hijau' },
        { name: 'Merah', min: 0, description: '', zone: 'Merah' },
      ],
    });
  });

  test('bad minimums, zones, names, duplicates and no zero minimum are all reported', () => {
    const problems = problemsOf(
      parseCategories(
        [K, ['A', 'x', '', 'Hijau'], ['', 50, '', 'Biru'], ['a', 101, '', 'Kuning'], ['C', 50, '', 'Merah'], ['', '', '', '']],
        'id',
      ),
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Skor Minimum'],
      [3, 'Kategori'],
      [3, 'Zona'],
      [4, 'Skor Minimum'],
      [4, 'Kategori'],
      [5, 'Skor Minimum'],
      [undefined, undefined],
    ]);
    expect(problems[5].message).toContain('Skor Minimum 50 sudah dipakai kategori di baris 3');
    expect(problems[6].message).toBe(
      'Tab Kategori: tidak ada kategori dengan Skor Minimum 0, sehingga skor rendah tidak mendapat kategori. Tambahkan kategori dengan Skor Minimum 0.',
    );
  });

  test('an empty table has no zero category; a missing Zona column is named', () => {
    expect(problemsOf(parseCategories([K], 'id'))[0].message).toContain('Skor Minimum 0');
    expect(problemsOf(parseCategories([['Kategori', 'Skor Minimum']], 'en'))[0].message).toBe(
      'Tab Kategori: column(s) "Zona" not found in the header row (the first row). Add those headers exactly as written.',
    );
  });
});

describe('Kategori Skala: the scale of the minimums and of the figure shown', () => {
  const K = [...HEADERS.kategori];
  const ipp = (skala: string[]) => [K, ['A', '4.51', 'Pelayanan Prima', 'Hijau', skala[0]], ['B', 3.51, '', 'Kuning', skala[1]], ['F', 0, '', 'Merah', skala[2]]];

  test('minimums on 0–N; one Skala for the table, empty cells taking it; without Skala 0-100', () => {
    const parsed = parseCategoryTable(ipp(['0-5', '', ' 0-5 ']), 'id');
    expect(parsed.ok && parsed.value.scale).toEqual({ max: 5 });
    expect(parsed.ok && parsed.value.categories.map((c) => c.min)).toEqual([4.51, 3.51, 0]);
    expect(parseCategoryTable([['Kategori', 'Skor Minimum', 'Zona'], ['Hijau', 81, 'Hijau'], ['Merah', 0, 'Merah']], 'id')).toMatchObject({
      ok: true,
      value: { scale: { max: 100 } },
    });
    expect(parseCategories(ipp(['0-5', '0-5', '0-5']), 'id')).toEqual({ ok: true, value: parsed.ok ? parsed.value.categories : [] });
  });

  test('a minimum above N, an unknown Skala and two different Skala are reported with the fix', () => {
    const above = problemsOf(parseCategoryTable([K, ['A', 6, '', 'Hijau', '0-5'], ['F', 0, '', 'Merah', '0-5']], 'id'));
    expect(above.map((p) => p.message)).toEqual(['Tab Kategori baris 2, kolom Skor Minimum: Skor Minimum "6" bukan angka dari 0 sampai 5. Isi angka, mis. 81 (pada Skala 0-100).']);
    const unknown = problemsOf(parseCategoryTable(ipp(['1-5', '', '']), 'en'));
    expect(unknown.map((p) => [p.row, p.column])).toEqual([[2, 'Skala']]);
    expect(unknown[0].message).toContain('Skala "1-5" is unknown. Enter 0-N with N a whole number from 1 to 100');
    const mixed = problemsOf(parseCategoryTable(ipp(['0-5', '0-100', '0-5']), 'id'));
    expect(mixed.map((p) => p.message)).toEqual([
      'Tab Kategori baris 3, kolom Skala: Skala "0-100" berbeda dari "0-5" di baris 2. Satu tabel Kategori memakai satu skala: samakan isinya atau kosongkan selnya.',
    ]);
  });
});

describe('Instrumen Berlaku Untuk and Panduan Skor (optional)', () => {
  test('read by header: the Jenis a row applies to, comma separated and trimmed, and its rubric', () => {
    const parsed = parseInstrument(
      [
        H,
        row({ Kode: 'A', 'Berlaku Untuk': '', 'Panduan Skor': '0 = tidak ada; 1 = ada' }),
        row({ Kode: 'B', 'Berlaku Untuk': ' Desa ,, kelurahan ' }),
        row({ Kode: 'C', 'Berlaku Untuk': 'Puskesmas' }),
      ],
      'id',
    );
    expect(parsed.ok && parsed.value.map((i) => [i.code, i.appliesTo, i.rubric])).toEqual([
      ['A', [], '0 = tidak ada; 1 = ada'],
      ['B', ['Desa', 'kelurahan'], ''],
      ['C', ['Puskesmas'], ''],
    ]);
  });

  test('an Instrumen without them (an older workbook) reads as before: every row for every unit, no rubric', () => {
    const older = H.slice(0, 9);
    const parsed = parseInstrument([older, row().slice(0, 9)], 'id');
    expect(parsed.ok && parsed.value.map((i) => [i.code, i.appliesTo, i.rubric])).toEqual([['SP-01', [], '']]);
  });

  test('indicatorsFor keeps the rows for every unit and those naming its Jenis, case-insensitively and trimmed, in order', () => {
    const parsed = parseInstrument(
      [
        H,
        row({ Kode: 'ALL' }),
        row({ Kode: 'DESA', 'Berlaku Untuk': 'Desa, Kelurahan' }),
        row({ Kode: 'PKM', 'Berlaku Untuk': 'Puskesmas' }),
        row({ Kode: 'PKM-KEC', 'Berlaku Untuk': ' kecamatan ,PUSKESMAS' }),
      ],
      'id',
    );
    if (!parsed.ok) throw new Error('instrument should parse');
    const codes = (jenis: string) => indicatorsFor(parsed.value, jenis).map((i) => i.code);
    expect(codes('Dinas')).toEqual(['ALL']);
    expect(codes('Puskesmas')).toEqual(['ALL', 'PKM', 'PKM-KEC']);
    expect(codes(' KECAMATAN')).toEqual(['ALL', 'PKM-KEC']);
    expect(codes('desa ')).toEqual(['ALL', 'DESA']);
    expect(codes('')).toEqual(['ALL']);
  });

  test("the shipped rubrics reach the parsed indicators: pekppp-2023's nine Kebijakan Pelayanan ladders, nothing elsewhere", () => {
    const withRubric = (id: string) => parsedProfile(id).indicators.filter((i) => i.rubric !== '');
    expect(withRubric('pekppp-2023').map((i) => i.code)).toEqual(['KP-01', 'KP-02', 'KP-03', 'KP-04', 'KP-05', 'KP-06', 'KP-07', 'KP-08', 'KP-09']);
    expect(withRubric('pekppp-2023')[6].rubric).toBe('0 = hasil SKM tidak dipublikasikan; 1 = di 1 media publikasi; 2 = di 2 media; 3 = di 3 media; 4 = di 4 media; 5 = di lebih dari 4 media');
    expect(['opini-2025', 'opini-2022', 'ombudsman-2021'].flatMap(withRubric)).toEqual([]);
  });

  test.each([
    ['opini-2025', 48, 57],
    ['pekppp-2023', 20, 29],
    ['opini-2022', 39, 39],
    ['ombudsman-2021', 40, 40],
  ])('%s: a mixed unit list gets the right indicator count per unit', (id, general, desa) => {
    const { indicators } = parsedProfile(id);
    const units = ['Dinas', 'Puskesmas', 'Kecamatan', 'Desa', 'Kelurahan', 'RSUD'];
    expect(units.map((jenis) => [jenis, indicatorsFor(indicators, jenis).length])).toEqual([
      ['Dinas', general],
      ['Puskesmas', general],
      ['Kecamatan', general],
      ['Desa', desa],
      ['Kelurahan', desa],
      ['RSUD', general],
    ]);
  });
});
