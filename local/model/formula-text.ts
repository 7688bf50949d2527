// Reading a formula's text (Sheets syntax) without a full parser: string literals are skipped; references moved as Sheets moves them.
import { columnIndex, columnLetters } from './a1';

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return i;
}

/** The formula rebuilt part by part: `code` maps what lies outside string literals, `literal` each literal (quotes included). */
function mapParts(formula: string, code: (text: string) => string, literal: (text: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) return out + code(formula.slice(i));
    const end = skipString(formula, quote);
    out += code(formula.slice(i, quote)) + literal(formula.slice(quote, end));
    i = end;
  }
  return out;
}

/** Applies `transform` to the parts of the formula outside string literals. */
export function mapOutsideStrings(formula: string, transform: (code: string) => string): string {
  return mapParts(formula, transform, (literal) => literal);
}

/** How the engine writes a doubled quote inside a string literal (quotesToEngine). */
const ENGINE_QUOTE = '"&CHAR(34)&"';
const ENGINE_QUOTED = /T\(("[^"]*"(?:&CHAR\(34\)&"[^"]*")+)\)/g;

/**
 * HyperFormula's lexer does not read Sheets' doubled quote inside a string literal ("a""b"):
 * such a literal goes to the engine as T("a"&CHAR(34)&"b"), the same text as a value.
 */
export function quotesToEngine(formula: string): string {
  return mapParts(
    formula,
    (code) => code,
    (literal) => {
      const body = literal.slice(1, -1);
      return body.includes('""') ? `T("${body.split('""').join(ENGINE_QUOTE)}")` : literal;
    },
  );
}

/** The Sheets text of a formula the engine wrote back (the inverse of quotesToEngine). */
export function quotesFromEngine(text: string): string {
  return text.replace(ENGINE_QUOTED, (_whole, literal: string) => `"${literal.slice(1, -1).split(ENGINE_QUOTE).join('""')}"`);
}

/**
 * When the whole formula is one call of a function ('=NAME(…)'), that function's name in upper
 * case: such a cell's array result spills.
 */
export function topLevelCallName(formula: string): string | undefined {
  const head = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula);
  if (!head) return undefined;
  let depth = 0;
  let i = head[0].length - 1;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i = skipString(formula, i);
      continue;
    }
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return formula.slice(i + 1).trim() === '' ? head[1].toUpperCase() : undefined;
    }
    i += 1;
  }
  return undefined;
}

/** A string literal, a quoted sheet name, or a cell reference (not part of a name, a call or a sheet prefix). */
const LITERAL_OR_CELL = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_.(!])/g;

/**
 * The formula as Sheets writes it `rows` down and `columns` right of the cell it was given for
 * (repeatCell over a range): each relative row and column moves, a `$` one stays.
 */
export function shiftedFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.replace(LITERAL_OR_CELL, (whole, columnFixed: string | undefined, letters: string | undefined, rowFixed: string, row: string) => {
    if (letters === undefined) return whole;
    const column = columnFixed === '$' ? letters : columnLetters(columnIndex(letters) + columns);
    return `${columnFixed}${column}${rowFixed}${rowFixed === '$' ? row : Number(row) + rows}`;
  });
}
