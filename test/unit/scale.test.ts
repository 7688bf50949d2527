// What every place shows for a score and a category: the figure on the profile's scale (Kategori
// Skala), the category looked up on that figure, and the category with its meaning, its zone
// and the unit's qualifier.
import { parseCategoryTable } from '../../src/domain/instrument';
import { getProfile, TANPA_MALADMINISTRASI } from '../../src/domain/profiles';
import { categoryDisplay, categoryOnScale, categoryShownIn, formatShownScore, parseScale, SCORE_SCALE, shownScore } from '../../src/domain/scale';
import type { Category } from '../../src/domain/types';

function categoriesOf(id: string) {
  const parsed = parseCategoryTable(getProfile(id)?.categories ?? [], 'id');
  if (!parsed.ok) throw new Error(`${id} categories do not parse`);
  return parsed.value;
}

describe('the scale a profile shows', () => {
  test.each([
    ['0-100', { max: 100 }],
    [' 0 - 5 ', { max: 5 }],
    ['0-1', { max: 1 }],
    ['0-0', null],
    ['0-101', null],
    ['1-5', null],
    ['0-5,5', null],
    ['', null],
  ])('Skala %j reads as %j', (text, scale) => {
    expect(parseScale(text)).toEqual(scale);
  });

  test('the figure shown is Skor × N / 100, rounded half up to 2 decimals; the 0–100 scale shows the score', () => {
    const index = { max: 5 };
    expect(shownScore(69.2, index)).toBe(3.46);
    expect(shownScore(90.1, index)).toBe(4.51);
    expect(shownScore(90.09, index)).toBe(4.5);
    expect(shownScore(100, index)).toBe(5);
    expect(shownScore(null, index)).toBeNull();
    expect(shownScore(87.09, SCORE_SCALE)).toBe(87.09);
  });

  test('pekppp-2023 categories are looked up on the index: Skor 90.1 is Indeks 4.51 (A), 90.09 is 4.50 (A-)', () => {
    const { categories, scale } = categoriesOf('pekppp-2023');
    expect(categoryOnScale(90.1, scale, categories)?.name).toBe('A');
    expect(categoryOnScale(90.09, scale, categories)?.name).toBe('A-');
    expect(categoryOnScale(20.1, scale, categories)?.name).toBe('E');
    expect(categoryOnScale(20.09, scale, categories)?.name).toBe('F');
    expect(categoryOnScale(null, scale, categories)).toBeNull();
    const opini = categoriesOf('opini-2025');
    expect(categoryOnScale(87.99, opini.scale, opini.categories)?.name).toBe('B');
  });

  test('a score is shown with its index on another scale, in the language of the workbook', () => {
    expect(formatShownScore('id', 85.4, { max: 5 })).toBe('85,4 (indeks 0–5: 4,27)');
    expect(formatShownScore('en', 85.4, { max: 5 })).toBe('85.4 (index 0–5: 4.27)');
    expect(formatShownScore('id', 80, { max: 5 })).toBe('80 (indeks 0–5: 4,00)');
    expect(formatShownScore('id', 82.17, SCORE_SCALE)).toBe('82,17');
    expect(formatShownScore('en', null, { max: 5 })).toBe('–');
  });
});

describe('the category with its meaning', () => {
  const { categories } = categoriesOf('opini-2025');

  test('name — Keterangan, zone; the qualifier after it when it holds', () => {
    expect(categoryDisplay('id', 'B', categories)).toBe('B — Kualitas Tinggi, Zona Hijau');
    expect(categoryDisplay('id', 'A', categories, TANPA_MALADMINISTRASI)).toBe('A — Kualitas Tertinggi, Zona Hijau — Tanpa Maladministrasi');
    expect(categoryDisplay('en', 'c', categories)).toBe('c — Kualitas Sedang, yellow zone');
    expect(categoryDisplay('en', 'E', categories, TANPA_MALADMINISTRASI)).toBe('E — Kualitas Terendah, red zone — Tanpa Maladministrasi');
  });

  test('a category named after its zone does not repeat it; no Keterangan, no dash; unknown and empty names stay as they are', () => {
    const zones: Category[] = [
      { name: 'Hijau', min: 81, description: 'Kepatuhan tinggi', zone: 'Hijau' },
      { name: 'Kuning', min: 51, description: '', zone: 'Kuning' },
      { name: 'Merah', min: 0, description: '', zone: 'Merah' },
    ];
    expect(categoryDisplay('id', 'Hijau', zones)).toBe('Hijau — Kepatuhan tinggi');
    expect(categoryDisplay('id', 'Kuning', zones)).toBe('Kuning');
    expect(categoryDisplay('id', 'X', zones, TANPA_MALADMINISTRASI)).toBe('X — Tanpa Maladministrasi');
    expect(categoryDisplay('id', '', zones, TANPA_MALADMINISTRASI)).toBe('');
  });

  test('the category a summary cell shows is read back: with its meaning, with a qualifier after it, or bare', () => {
    const of = (shown: string) => categoryShownIn(shown, categories)?.name ?? null;
    expect(of('B — Kualitas Tinggi, Zona Hijau')).toBe('B');
    expect(of('A — Kualitas Tertinggi, Zona Hijau — Tanpa Maladministrasi')).toBe('A');
    expect(of(' c ')).toBe('C');
    expect(of('B — Kualitas Tinggi, Zona Hijau, lagi')).toBeNull();
    expect(of('Belum diverifikasi')).toBeNull();
    expect(of('')).toBeNull();
  });
});
