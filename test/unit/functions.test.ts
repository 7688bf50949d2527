import fc from 'fast-check';
import { CUSTOM_FUNCTIONS, KATEGORI_KEPATUHAN, RINGKASAN_KEPATUHAN, SKOR_KEPATUHAN } from '../../src/functions';
import { parseAspects, parseCategoryTable, parseInstrument } from '../../src/domain/instrument';
import { getProfile } from '../../src/domain/profiles';
import { categoryDisplay, formatShownScore } from '../../src/domain/scale';
import { summarize } from '../../src/domain/scoring';
import { HEADERS } from '../../src/domain/tables';

const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
const KATEGORI = [[...HEADERS.kategori], ['Hijau', 81, 'Tinggi', 'Hijau'], ['Kuning', 51, '', 'Kuning'], ['Merah', 0, '', 'Merah'], ['', '', '', ''], ['', '', '', '']];
const ASPEK = [[...HEADERS.aspek], ['Input', 21.85], ['Proses', 32.37], ['', ''], ['', '']];

/** A unit tab's table (header + rows) in the column order of HEADERS.unitTable. */
function unitTable(rows: Partial<Record<(typeof HEADERS.unitTable)[number], unknown>>[], headers: readonly string[] = HEADERS.unitTable): unknown[][] {
  return [[...headers], ...rows.map((r) => headers.map((h) => (r as Record<string, unknown>)[h] ?? ''))];
}

describe('CUSTOM_FUNCTIONS', () => {
  test('describes the three functions in Indonesian with an example range per parameter', () => {
    expect(CUSTOM_FUNCTIONS.map((f) => [f.name, f.params.map((p) => (p.optional ? `[${p.name}]` : p.name))])).toEqual([
      ['SKOR_KEPATUHAN', ['jawaban', 'bobot', '[jenis_jawaban]', '[boleh_na]']],
      ['KATEGORI_KEPATUHAN', ['skor', 'tabel_kategori']],
      ['RINGKASAN_KEPATUHAN', ['tabel_indikator', 'tabel_kategori', '[tabel_aspek]', '[predikat]']],
    ]);
    for (const f of CUSTOM_FUNCTIONS) {
      expect(f.description).toContain(`Contoh: =${f.name}(`);
      for (const p of f.params) expect(p.example).toMatch(/^([A-Za-z]+!)?[A-Z]+\d*(:[A-Z]+\d*)?$/);
      expect(f.returns.length).toBeGreaterThan(10);
    }
  });
});

describe('SKOR_KEPATUHAN', () => {
  test('scores a column of answers against a column of weights (default ya-sebagian-tidak)', () => {
    expect(SKOR_KEPATUHAN(col('Ya', 'Sebagian', 'Tidak', ''), col(3, 2, 4, 1))).toBe(40); // (3 + 1) / 10
  });

  test('answer types and N/A permission per row or one value for all', () => {
    expect(SKOR_KEPATUHAN(col(3, '1', 'N/A'), col(1, 1, 1), '0-3', 'Ya')).toBe(66.67);
    expect(SKOR_KEPATUHAN(col('Ya', 2, 'N/A'), col(1, 1, 1), col('ya-tidak', '0-4', 'ya-tidak'), col('Tidak', '', 'Ya'))).toBe(75);
    expect(SKOR_KEPATUHAN(col('Ya', 'N/A'), col(1, 1))).toBe(50);
  });

  test('a single cell works, rows with nothing in them are skipped (whole-column references)', () => {
    expect(SKOR_KEPATUHAN('Ya', 2)).toBe(100);
    expect(SKOR_KEPATUHAN(col('Ya', '', ''), col(1, '', ''), col('ya-tidak', '', ''))).toBe(100);
  });

  test('no applicable indicator gives an empty cell, not 0', () => {
    expect(SKOR_KEPATUHAN(col('N/A', 'NA'), col(1, 2), 'ya-tidak', 'Ya')).toBe('');
    expect(SKOR_KEPATUHAN(col('', ''), col('', ''))).toBe('');
  });

  test('wrong shapes and bad cells give a #GALAT text naming what to fix', () => {
    expect(SKOR_KEPATUHAN(col('Ya', 'Tidak'), col(1, 2, 3))).toBe(
      '#GALAT: bobot berisi 3 sel, padahal jawaban berisi 2 sel. Pilih rentang dengan jumlah baris yang sama, mis. F8:F47 dan D8:D47.',
    );
    expect(SKOR_KEPATUHAN(col('Ya', 'Tidak'), col(1, 2), col('ya-tidak', 'ya-tidak', 'x'))).toMatch(/^#GALAT: jenis_jawaban berisi 3 sel/);
    expect(SKOR_KEPATUHAN(col('Ya', 'Tidak'), col(1, 'dua'))).toBe(
      '#GALAT: bobot baris 2: Bobot "dua" bukan angka lebih dari 0. Isi angka positif, mis. 2 atau 2,5.',
    );
    expect(SKOR_KEPATUHAN(col('Ya', 'Tidak'), col(0, ''), 'ya/tidak', 'kadang')).toBe(
      '#GALAT: bobot baris 1: Bobot "0" bukan angka lebih dari 0. Isi angka positif, mis. 2 atau 2,5. (dan 5 masalah lain)',
    );
  });
});

describe('KATEGORI_KEPATUHAN', () => {
  test('gives the category of a score from a whole-column table with trailing empty rows', () => {
    expect(KATEGORI_KEPATUHAN(81, KATEGORI)).toBe('Hijau');
    expect(KATEGORI_KEPATUHAN(80.995, KATEGORI)).toBe('Hijau');
    expect(KATEGORI_KEPATUHAN(80.99, KATEGORI)).toBe('Kuning');
    expect(KATEGORI_KEPATUHAN('50,5', KATEGORI)).toBe('Merah');
    expect(KATEGORI_KEPATUHAN([[87.09]], KATEGORI)).toBe('Hijau');
  });

  test('an empty score gives an empty cell; a bad score or table gives #GALAT', () => {
    expect(KATEGORI_KEPATUHAN('', KATEGORI)).toBe('');
    expect(KATEGORI_KEPATUHAN('tinggi', KATEGORI)).toBe('#GALAT: skor: skor "tinggi" bukan angka. Rujuk sel skor, mis. C5.');
    expect(KATEGORI_KEPATUHAN(90, [[...HEADERS.kategori], ['Hijau', 81, '', 'Hijau']])).toBe(
      '#GALAT: tabel_kategori: tidak ada kategori dengan Skor Minimum 0, sehingga skor rendah tidak mendapat kategori. Tambahkan kategori dengan Skor Minimum 0.',
    );
    expect(KATEGORI_KEPATUHAN(90, 'Kategori')).toMatch(/^#GALAT: tabel_kategori: kolom "Skor Minimum", "Zona" tidak ditemukan/);
    expect(KATEGORI_KEPATUHAN(90, undefined)).toMatch(/^#GALAT: /);
  });
  test('with a Skala 0-N in the table, the category of the score’s index (pekppp-2023: 69.2 is 3.46, B-)', () => {
    const pekppp = getProfile('pekppp-2023')?.categories ?? [];
    expect(KATEGORI_KEPATUHAN(69.2, pekppp)).toBe('B-');
    expect(KATEGORI_KEPATUHAN(90.1, pekppp)).toBe('A');
    expect(KATEGORI_KEPATUHAN(90, pekppp)).toBe('A-');
    // The same table without its Skala column reads its minimums on 0–100: 69.2 reaches them all
    // (why a unit tab passes Kategori!A:F).
    expect(KATEGORI_KEPATUHAN(69.2, pekppp.map((r) => r.slice(0, 4)))).toBe('A');
  });
});

describe('RINGKASAN_KEPATUHAN', () => {
  const rows = [
    { Kode: 'A', Aspek: 'Input', Bobot: 3, 'Jenis Jawaban': 'ya-tidak', 'Jawaban Mandiri': 'Ya', 'Boleh N/A': 'Tidak' },
    { Kode: 'B', Aspek: 'Input', Bobot: 1, 'Jenis Jawaban': 'ya-sebagian-tidak', 'Jawaban Mandiri': 'Ya', 'Jawaban Verifikasi': 'Sebagian' },
    { Kode: 'C', Aspek: 'Proses', Bobot: 2, 'Jenis Jawaban': 'ya-tidak', 'Jawaban Mandiri': 'N/A', 'Boleh N/A': 'Ya' },
    { Kode: 'D', Aspek: 'Proses', Bobot: 4, 'Jenis Jawaban': '0-3', 'Jawaban Mandiri': '', 'Jawaban Verifikasi': 2 },
  ];

  test('one row: Skor Mandiri, Skor Akhir, Kategori, Jumlah Temuan, Kelengkapan (flat)', () => {
    // self: (3 + 1) / 8 = 50; final: (3 + 0.5 + 4·2/3) / 8 = 77.08; findings B, D; completeness 2/3
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), KATEGORI)).toEqual([[50, 77.08, 'Kuning', 2, 66.67]]);
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), KATEGORI, [['Aspek', 'Bobot Aspek'], ['', '']])).toEqual([[50, 77.08, 'Kuning', 2, 66.67]]);
  });

  test('with aspect weights', () => {
    // self: Input 100, Proses 0 → 21.85·100/54.22; final: Input 87.5, Proses 66.67
    const [[self, final]] = RINGKASAN_KEPATUHAN(unitTable(rows), KATEGORI, ASPEK) as unknown[][];
    expect(self).toBe(40.3);
    expect(final).toBe(75.06);
  });

  test('columns are found by header; a missing Boleh N/A column reads as Tidak; empty rows are ignored', () => {
    const headers = ['Jawaban Verifikasi', 'Kode', 'Bobot', 'Aspek', 'Jawaban Mandiri', 'Jenis Jawaban'];
    const table = unitTable([...rows.slice(0, 2), {}, {}], headers);
    // Hijau with its Keterangan; named after its zone, it does not repeat it.
    expect(RINGKASAN_KEPATUHAN(table, KATEGORI)).toEqual([[100, 87.5, 'Hijau — Tinggi', 1, 100]]);
    const withNa = unitTable([rows[2]], headers);
    expect(RINGKASAN_KEPATUHAN(withNa, KATEGORI)).toEqual([[0, 0, 'Merah', 1, 100]]);
  });

  test('the qualifier (label, value) follows the category when its value is Ya, and never changes the score', () => {
    const table = unitTable(rows.slice(0, 2));
    expect(RINGKASAN_KEPATUHAN(table, KATEGORI, undefined, [['Tanpa Maladministrasi', 'Ya']])).toEqual([[100, 87.5, 'Hijau — Tinggi — Tanpa Maladministrasi', 1, 100]]);
    expect(RINGKASAN_KEPATUHAN(table, KATEGORI, undefined, [['Tanpa Maladministrasi', 'yes']])).toEqual([[100, 87.5, 'Hijau — Tinggi — Tanpa Maladministrasi', 1, 100]]);
    for (const value of ['Tidak', '', 'mungkin']) {
      expect(RINGKASAN_KEPATUHAN(table, KATEGORI, undefined, [['Tanpa Maladministrasi', value]])).toEqual([[100, 87.5, 'Hijau — Tinggi', 1, 100]]);
    }
    // No category, no qualifier.
    const unanswered = rows.map((r) => ({ ...r, 'Jawaban Mandiri': '', 'Jawaban Verifikasi': '' }));
    expect(RINGKASAN_KEPATUHAN(unitTable(unanswered), KATEGORI, undefined, [['Tanpa Maladministrasi', 'Ya']])).toEqual([['', '', '', '', 0]]);
  });

  test('with a Skala 0-N (pekppp-2023: 0-5), two more columns: the scores on that scale, as shownScore gives them', () => {
    const pekppp = getProfile('pekppp-2023')?.categories ?? [];
    // self 50 → 2.50; final 77.08 → 3.854 → 3.85 (B, from 3.51).
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), pekppp)).toEqual([[50, 77.08, 'B — Baik, Zona Hijau', 2, 66.67, 2.5, 3.85]]);
    // 901 of 1000 weight answered Ya: 90.1 → 4.505, half up to 4.51: category A (from 4.51), not A-.
    const halfUp = [
      { Kode: 'A', Aspek: 'Input', Bobot: 901, 'Jenis Jawaban': 'ya-tidak', 'Jawaban Mandiri': 'Ya' },
      { Kode: 'B', Aspek: 'Input', Bobot: 99, 'Jenis Jawaban': 'ya-tidak', 'Jawaban Mandiri': 'Tidak' },
    ];
    const [[self, final, category, , , selfIndex, finalIndex]] = RINGKASAN_KEPATUHAN(unitTable(halfUp), pekppp) as unknown[][];
    expect([self, final, category, selfIndex, finalIndex]).toEqual([90.1, 90.1, 'A — Pelayanan Prima, Zona Hijau', 4.51, 4.51]);
    expect(formatShownScore('id', 90.1, { max: 5 })).toBe('90,1 (indeks 0–5: 4,51)');
    // No answer: the index is empty like the scores; a 0-100 table spills no index at all.
    const unanswered = rows.map((r) => ({ ...r, 'Jawaban Mandiri': '', 'Jawaban Verifikasi': '' }));
    expect(RINGKASAN_KEPATUHAN(unitTable(unanswered), pekppp)).toEqual([['', '', '', '', 0, '', '']]);
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), pekppp.map((r) => r.slice(0, 4)))[0]).toHaveLength(5);
    expect(CUSTOM_FUNCTIONS.find((f) => f.name === 'RINGKASAN_KEPATUHAN')?.resultSize).toEqual({ rows: 1, columns: 7 });
  });

  test('nothing applicable: empty scores and no finding; no indicator or no answer at all: empty, never 0 or Merah', () => {
    expect(RINGKASAN_KEPATUHAN(unitTable([rows[2]]), KATEGORI)).toEqual([['', '', '', 0, '']]);
    expect(RINGKASAN_KEPATUHAN(unitTable([]), KATEGORI)).toEqual([['', '', '', '', '']]);
    // A tab nobody has answered yet: Kelengkapan 0 %, everything else empty.
    const unanswered = rows.map((r) => ({ ...r, 'Jawaban Mandiri': '', 'Jawaban Verifikasi': '' }));
    expect(RINGKASAN_KEPATUHAN(unitTable(unanswered), KATEGORI)).toEqual([['', '', '', '', 0]]);
    expect(RINGKASAN_KEPATUHAN(unitTable([{ ...rows[0], 'Jawaban Mandiri': '' }]), KATEGORI)).toEqual([['', '', '', '', 0]]);
    // The assessor's answer alone is an answer: scored as specified.
    expect(RINGKASAN_KEPATUHAN(unitTable([{ ...rows[0], 'Jawaban Mandiri': '', 'Jawaban Verifikasi': 'Tidak' }]), KATEGORI)).toEqual([[0, 0, 'Merah', 1, 0]]);
  });

  test('wrong tables give #GALAT texts', () => {
    expect(RINGKASAN_KEPATUHAN(unitTable(rows).slice(1), KATEGORI)).toMatch(/^#GALAT: tabel_indikator: kolom "Kode", .* tidak ditemukan di baris judul/);
    expect(RINGKASAN_KEPATUHAN(unitTable([{ ...rows[0], Bobot: '' }]), KATEGORI)).toBe(
      '#GALAT: tabel_indikator baris 2, kolom Bobot: Bobot "" bukan angka lebih dari 0. Isi angka positif, mis. 2 atau 2,5.',
    );
    expect(RINGKASAN_KEPATUHAN(unitTable([rows[0], rows[0]]), KATEGORI)).toMatch(/^#GALAT: tabel_indikator baris 3, kolom Kode: Kode "A" sudah dipakai/);
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), [[...HEADERS.kategori], ['X', 10, '', 'Biru']])).toMatch(/^#GALAT: tabel_kategori baris 2, kolom Zona/);
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), KATEGORI, [['Aspek', 'Bobot Aspek'], ['Input', 1]])).toBe(
      '#GALAT: tabel_aspek: aspek "Proses" dipakai di tab Instrumen tetapi tidak ada di sini, sehingga indikatornya tidak ikut dinilai. Tambahkan aspek itu beserta bobotnya, atau kosongkan tab Aspek untuk penilaian tanpa bobot aspek.',
    );
    expect(RINGKASAN_KEPATUHAN(unitTable(rows), KATEGORI, [['Aspek', 'Bobot Aspek'], ['Input', 'x'], ['Proses', 1]])).toMatch(/^#GALAT: tabel_aspek baris 2/);
    expect(RINGKASAN_KEPATUHAN(undefined, undefined)).toMatch(/^#GALAT: /);
  });

  test('agrees with summarize on a whole shipped profile (opini-2022, aspect weighted)', () => {
    const profile = getProfile('opini-2022');
    if (!profile) throw new Error('profile');
    const instrument = parseInstrument(profile.instrument, 'id');
    const aspects = parseAspects(profile.aspects, 'id');
    const categories = parseCategoryTable(profile.categories, 'id');
    if (!instrument.ok || !aspects.ok || !categories.ok) throw new Error('profile should parse');
    const answers = instrument.value.map((ind, i) => ({ code: ind.code, self: i % 4, verified: i % 5 === 0 ? '3' : '' }));
    const table = unitTable(
      instrument.value.map((ind, i) => ({
        Kode: ind.code,
        Aspek: ind.aspect,
        Bobot: ind.weight,
        'Jenis Jawaban': ind.answerTypeText,
        'Jawaban Mandiri': answers[i].self,
        'Jawaban Verifikasi': answers[i].verified,
        'Boleh N/A': ind.allowNA ? 'Ya' : 'Tidak',
      })),
    );
    const s = summarize(instrument.value, answers, aspects.value, categories.value);
    expect(RINGKASAN_KEPATUHAN(table, profile.categories, profile.aspects)).toEqual([
      [s.selfScore, s.finalScore, categoryDisplay('id', s.category, categories.value.categories), s.findings, s.completeness],
    ]);
    expect(s.findings).toBeGreaterThan(0);
  });
});

test('property: the custom functions never throw, whatever they are given', () => {
  const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(''), fc.constant(undefined));
  const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }), fc.array(cell, { maxLength: 4 }));
  fc.assert(
    fc.property(arg, arg, arg, arg, (a, b, c, d) => {
      for (const out of [SKOR_KEPATUHAN(a, b, c, d), KATEGORI_KEPATUHAN(a, b), RINGKASAN_KEPATUHAN(a, b, c, d)]) {
        expect(typeof out === 'string' || typeof out === 'number' || Array.isArray(out)).toBe(true);
      }
    }),
    { numRuns: 500 },
  );
});
