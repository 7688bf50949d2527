// Names of unit tabs: readable ("DINKES Dinas Kesehatan"), safe for .xlsx export (at most 31
// characters, none of : \ / ? * [ ], no apostrophe at either end), unique case-insensitively and
// never a system tab's name. The unit is tied to its tab by metadata, so a name may change freely.
import { SYSTEM_TAB_NAMES } from './tables';

export const MAX_TAB_NAME = 31;
/** Names a unit tab never takes: the system tabs, the local runtime's hidden sheet, and Excel's reserved "History". */
const RESERVED = new Set([...SYSTEM_TAB_NAMES, '_pendamping_meta', 'History'].map((n) => n.toLowerCase()));
// For a code and name made only of forbidden characters (never a system tab's name).
const FALLBACK = 'Tab Unit';

/** Cuts `text` to at most `max` UTF-16 units without splitting a character, then tidies the end. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return tidy(out);
}

/** No apostrophe or space at either end (Excel forbids the apostrophes). */
function tidy(text: string): string {
  return text.replace(/^[\s']+|[\s']+$/g, '');
}

function isFree(name: string, takenLower: ReadonlySet<string>): boolean {
  const key = name.toLowerCase();
  return !RESERVED.has(key) && !takenLower.has(key);
}

/** A new unit tab's name for the unit `code`/`name`, free among `taken` (names of existing tabs). */
export function unitTabName(code: string, name: string, taken: ReadonlySet<string>): string {
  const clean = tidy(`${code} ${name}`.replace(/[:\\/?*[\]]/g, ' ').replace(/[\s\p{Cc}]+/gu, ' ')) || FALLBACK;
  const base = clean.length > MAX_TAB_NAME ? `${cut(clean, MAX_TAB_NAME - 1)}…` : clean;
  const takenLower = new Set([...taken].map((n) => n.toLowerCase()));
  if (isFree(base, takenLower)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = base.length + suffix.length > MAX_TAB_NAME ? cut(base, MAX_TAB_NAME - suffix.length) : base;
    const candidate = `${head}${suffix}`;
    if (isFree(candidate, takenLower)) return candidate;
  }
}
