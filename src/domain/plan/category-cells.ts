// A category cell as the summary shows it, matched by formulas. RINGKASAN_KEPATUHAN writes the
// category as categoryDisplay shows it everywhere ("B — Kualitas Tinggi, Zona Hijau"), in
// Indonesian as every custom-function cell, with the unit's qualifier after it when it holds
// ("… — Tanpa Maladministrasi"). The zone colours of the unit tab's category cell and of
// Rekap's Kategori column, and Rekap's counts per category, recognise a category by that text.
import { shownCategory } from '../scale';
import type { Category } from '../types';
import { formulaString } from './cells';
import type { PlannedColourRule } from './unit-tabs';

const ZONE_COLOURS: Record<Category['zone'], string> = { Hijau: '#b7e1cd', Kuning: '#fce8b2', Merah: '#f4c7c3' };

/** The two tests, one of which is TRUE when the cell `cell` (A1) shows `category`: alone, or with a qualifier after it. */
function showsCategory(cell: string, category: Category, categories: readonly Category[]): string[] {
  const { exact, qualifiedStart } = shownCategory(category, categories);
  return [`${cell}=${formulaString(exact)}`, `LEFT(${cell},${qualifiedStart.length})=${formulaString(qualifiedStart)}`];
}

/** COUNTIF wildcards (~ * ?) taken literally. */
const literal = (text: string) => text.replace(/[~*?]/g, (ch) => `~${ch}`);

/** A COUNTIFS criterion (a formula string) matching exactly `text` ("=" first: a text starting with < or > is no comparison). */
export function exactCriterion(text: string): string {
  return formulaString(`=${literal(text)}`);
}

/**
 * A formula counting the rows where the cells of `range` (A1) show `category`, with or without a
 * qualifier, and `also` (further COUNTIFS range,criterion pairs, e.g. a Jenis) holds.
 */
export function countOfCategory(range: string, category: Category, categories: readonly Category[], also = ''): string {
  const { exact, qualifiedStart } = shownCategory(category, categories);
  const count = (criterion: string) => `COUNTIFS(${also === '' ? '' : `${also},`}${range},${criterion})`;
  return `${count(exactCriterion(exact))}+${count(formulaString(`${literal(qualifiedStart)}*`))}`;
}

/**
 * Conditional colours by Kategori's Zona: one rule per zone, a custom formula over `cell` (A1,
 * relative where the rule covers a column: the top cell of the range) naming its categories.
 */
export function zoneColourRules(cell: string, categories: readonly Category[]): PlannedColourRule[] {
  const zones: Category['zone'][] = ['Hijau', 'Kuning', 'Merah'];
  return zones.flatMap((zone) => {
    const tests = categories.filter((c) => c.zone === zone).flatMap((c) => showsCategory(cell, c, categories));
    return tests.length === 0 ? [] : [{ formula: `=OR(${tests.join(',')})`, background: ZONE_COLOURS[zone] }];
  });
}
