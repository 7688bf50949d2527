// Composing a profile's Instrumen rows from data shared between profiles: the rows of an
// aspect, a row with another Bobot, and the Bobot of an aspect's average item.
import { HEADERS } from '../tables';

const ASPEK = HEADERS.instrumen.indexOf('Aspek');
const BOBOT = HEADERS.instrumen.indexOf('Bobot');

/** The Instrumen rows (no header) whose Aspek is `aspect`. */
export function inAspect(rows: readonly (readonly string[])[], aspect: string): string[][] {
  return rows.filter((row) => row[ASPEK] === aspect).map((row) => [...row]);
}

/** A copy of an Instrumen row with Bobot `weight`. */
export function withWeight(row: readonly string[], weight: string): string[] {
  return row.map((cell, i) => (i === BOBOT ? weight : cell));
}

/** The mean Bobot of the rows of `aspect`, rounded to 2 decimals, as Instrumen writes it. */
export function averageWeight(rows: readonly (readonly string[])[], aspect: string): string {
  const weights = inAspect(rows, aspect).map((row) => Number(row[BOBOT]));
  return String(Math.round((100 * weights.reduce((sum, w) => sum + w, 0)) / weights.length) / 100);
}
