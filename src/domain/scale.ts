// What a workbook shows for a score and a category, in one place, so that the custom functions,
// Rekap, the sidebar, the emails and the rapor all show the same figure (docs/WORKBOOK.md,
// Kategori): the scale the profile declares in Kategori "Skala" (pekppp-2023 shows its
// Indeks Pelayanan Publik on 0–5 beside the 0–100 score), the category looked up on that
// figure, and the category with its meaning and zone ("B — Kualitas Tinggi, Zona Hijau").
import { t, type Lang, type MessageKey } from './i18n';
import { normKey } from './text';
import type { Category } from './types';

/**
 * `x` rounded half up (away from zero) to `digits` decimals. The scaled value is first cut to
 * 15 significant digits, so a binary fraction just under a half (1.005 × 100 = 100.49999…)
 * rounds as the decimal the user sees.
 */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return x < 0 ? -rounded : rounded;
}

/** The category with the highest Skor Minimum ≤ score; null for no score or no such category. */
export function categoryFor(score: number | null, categories: readonly Category[]): Category | null {
  if (score === null) return null;
  let best: Category | null = null;
  for (const c of categories) if (c.min <= score && (best === null || c.min > best.min)) best = c;
  return best;
}

/** A scale 0–N: the figure shown for a score is Skor × N / 100 (N = 100: the score itself). */
export interface ScoreScale {
  max: number;
}

/** The score's own scale: a Kategori tab without Skala. */
export const SCORE_SCALE: ScoreScale = { max: 100 };

/** N of a '0-N' text (spaces around the dash allowed), or null when the text is not of that form. */
export function zeroToN(text: string): number | null {
  const m = /^0\s*-\s*(\d+)$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** A Skala cell: '0-N' with N a whole number from 1 to 100; null otherwise. */
export function parseScale(value: unknown): ScoreScale | null {
  const max = zeroToN(normKey(value));
  return max !== null && max >= 1 && max <= SCORE_SCALE.max ? { max } : null;
}

/** Whether `scale` shows an index beside the score (a Skala 0-N other than the score's own 0-100). */
export function hasIndex(scale: ScoreScale): boolean {
  return scale.max !== SCORE_SCALE.max;
}

function onScale(score: number, scale: ScoreScale): number {
  return roundHalfUp((score * scale.max) / SCORE_SCALE.max);
}

/** The figure shown for a score (0..100) on `scale`, rounded half up to 2 decimals; null for no score. */
export function shownScore(score: number | null, scale: ScoreScale): number | null {
  return score === null ? null : onScale(score, scale);
}

/**
 * The category of a score on `scale`: Kategori's minimums are on that scale, so the category is
 * the one of the figure shown (Skor 90.1 is Indeks 4.51, category A of pekppp-2023).
 */
export function categoryOnScale(score: number | null, scale: ScoreScale, categories: readonly Category[]): Category | null {
  return categoryFor(shownScore(score, scale), categories);
}

/** `x` as the language writes it (decimal comma in Indonesian), with 2 decimals when `fixed`. */
function decimal(lang: Lang, x: number, fixed: boolean): string {
  const text = fixed ? x.toFixed(2) : String(x);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/**
 * A score as shown everywhere: on the 0–100 scale the rounded score ("85,4"); on another scale
 * the score and its figure on that scale with 2 decimals ("85,4 (indeks 0–5: 4,27)"); '–' for none.
 */
export function formatShownScore(lang: Lang, score: number | null, scale: ScoreScale): string {
  if (score === null) return '–';
  const rounded = roundHalfUp(score);
  const text = decimal(lang, rounded, false);
  if (!hasIndex(scale)) return text;
  return t(lang, 'score.onScale', { score: text, max: scale.max, shown: decimal(lang, onScale(rounded, scale), true) });
}

/** The category of Kategori named `name` (any case, trimmed), if there is one. */
export function categoryNamed(name: string, categories: readonly Category[]): Category | undefined {
  return categories.find((c) => normKey(c.name) === normKey(name));
}

/** The colour each zone is drawn in (the rapor's category and bars). */
export const ZONE_COLOURS: Readonly<Record<Category['zone'], string>> = { Hijau: '#1e8e3e', Kuning: '#f9ab00', Merah: '#d93025' };

const ZONE_KEYS: Record<Category['zone'], MessageKey> = {
  Hijau: 'category.zone.Hijau',
  Kuning: 'category.zone.Kuning',
  Merah: 'category.zone.Merah',
};

/**
 * A category as shown everywhere: its name, its Keterangan and its zone ("B — Kualitas Tinggi,
 * Zona Hijau"; the zone is left out when the category is named after it, as "Hijau"), then the
 * unit's qualifier when it holds ("… — Tanpa Maladministrasi"). `name` is the category of a
 * summary; one not in `categories` is shown as it is; '' (no score) stays ''.
 */
export function categoryDisplay(lang: Lang, name: string, categories: readonly Category[], qualifier = ''): string {
  if (name === '') return '';
  const category = categoryNamed(name, categories);
  let text = category && category.description !== '' ? t(lang, 'category.described', { name, description: category.description }) : name;
  if (category && normKey(category.zone) !== normKey(name)) text = t(lang, 'category.inZone', { text, zone: t(lang, ZONE_KEYS[category.zone]) });
  return qualifier === '' ? text : t(lang, 'category.qualified', { text, qualifier });
}

/** The language of every custom-function cell, so of the category a unit tab's summary (and Rekap) shows. */
export const SHOWN_LANG: Lang = 'id';

/**
 * How a unit tab's summary shows `category` (RINGKASAN_KEPATUHAN: categoryDisplay in
 * Indonesian), and how that text starts when the unit's qualifier follows it.
 */
export function shownCategory(category: Category, categories: readonly Category[]): { exact: string; qualifiedStart: string } {
  const exact = categoryDisplay(SHOWN_LANG, category.name, categories);
  return { exact, qualifiedStart: t(SHOWN_LANG, 'category.qualified', { text: exact, qualifier: '' }) };
}

/** The category a summary cell shows (its bare name too, as an older tab's summary wrote it), or null. */
export function categoryShownIn(shown: unknown, categories: readonly Category[]): Category | null {
  const text = normKey(shown);
  if (text === '') return null;
  return (
    categories.find((c) => {
      const { exact, qualifiedStart } = shownCategory(c, categories);
      return text === normKey(c.name) || text === normKey(exact) || text.startsWith(normKey(qualifiedStart) + ' ');
    }) ?? null
  );
}
