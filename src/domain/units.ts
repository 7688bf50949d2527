// Validating the Unit registry row by row: a bad row gets a status saying what to fix and is
// rejected, and never stops the good rows.
import { t, type Lang, type MessageKey } from './i18n';
import { eachDuplicate, readTable, tabWhere } from './problems';
import { HEADERS, TABS } from './tables';
import { MAX_CELL_TEXT, hiddenCharacter, isBlankRow, isValidEmail, normKey, readDelimited, splitEmails } from './text';
import type { Problem, Unit } from './types';

export interface UnitValidation {
  units: Unit[];
  /** One per row below the header: 'OK', the message of what is wrong, or '' for an empty row. */
  statuses: string[];
  rejected: { row: number; kode: string; reason: string }[];
  /** Problems of the tab as a whole (missing header columns): then no row is read. */
  problems: Problem[];
}

/** Nama Pimpinan and Jabatan Pimpinan (issue 14): the head of the agency, found by header anywhere right of the pinned columns. */
const OPTIONAL_COLUMNS = ['Jenis', 'Nama PIC', 'Email Asesor', 'Nama Pimpinan', 'Jabatan Pimpinan'] as const;
/** The columns whose text must hold no invisible character. */
const HIDDEN_CHECKED = ['Kode', 'Nama Unit', 'Email PIC', 'Email Asesor'] as const;

export const UNIT_OK = 'OK';

/**
 * Whether a Unit Status text says the row is valid: `OK`, or `OK — …` with a note (a unit
 * without Email PIC gets its tab and is never emailed: its Status says so).
 */
export function isUnitOk(status: unknown): boolean {
  const text = String(status ?? '').trim();
  return text === UNIT_OK || text.startsWith(`${UNIT_OK} — `);
}

/**
 * Validates the Unit tab's rows (header row included). Email PIC and Email Asesor may be empty;
 * present, they must be valid. A unit without Email PIC is valid, and its Status says it will
 * not be emailed.
 */
export function validateUnits(rows: readonly (readonly unknown[])[], lang: Lang): UnitValidation {
  const statuses = rows.slice(1).map(() => '');
  const table = readTable(rows, tabWhere(TABS.unit, lang), ['Kode', 'Nama Unit', 'Email PIC'], OPTIONAL_COLUMNS);
  if (!table.ok) return { units: [], statuses, rejected: [], problems: table.problems };

  const reasons = new Map<number, string[]>();
  const flag = (row: number, key: MessageKey, params: Record<string, string | number> = {}) =>
    reasons.set(row, [...(reasons.get(row) ?? []), t(lang, key, params)]);
  const candidates = table.rows.map((r) => {
    const unit: Unit = {
      row: r.row,
      code: r.text('Kode').normalize('NFC'),
      name: r.text('Nama Unit').normalize('NFC'),
      type: r.text('Jenis'),
      picName: r.text('Nama PIC'),
      picEmails: splitEmails(r.get('Email PIC')),
      assessorEmails: splitEmails(r.get('Email Asesor')),
      headName: r.text('Nama Pimpinan'),
      headTitle: r.text('Jabatan Pimpinan'),
    };
    // An invisible character makes a code, name or address look like another: named, never kept.
    for (const column of HIDDEN_CHECKED) {
      const char = hiddenCharacter(r.text(column));
      if (char !== null) flag(r.row, 'check.hidden', { column, char });
    }
    if (unit.code === '') flag(r.row, 'check.unit.codeEmpty');
    if (unit.name === '') flag(r.row, 'check.unit.nameEmpty');
    const badPic = unit.picEmails.filter((e) => !isValidEmail(e));
    if (badPic.length > 0) flag(r.row, 'check.unit.picInvalid', { emails: badPic.join(', ') });
    const badAssessor = unit.assessorEmails.filter((e) => !isValidEmail(e));
    if (badAssessor.length > 0) flag(r.row, 'check.unit.assessorInvalid', { emails: badAssessor.join(', ') });
    return unit;
  });
  eachDuplicate(candidates, (u) => u.code, (u, first) => flag(u.row, 'check.unit.codeDuplicate', { code: u.code, first }));

  const units: Unit[] = [];
  const rejected: UnitValidation['rejected'] = [];
  for (const unit of candidates) {
    const why = reasons.get(unit.row);
    const reason = why ? why.join(' ') : '';
    statuses[unit.row - 2] = why ? reason : unit.picEmails.length === 0 ? t(lang, 'check.unit.noEmail', { ok: UNIT_OK }) : UNIT_OK;
    if (why) rejected.push({ row: unit.row, kode: unit.code, reason });
    else units.push(unit);
  }
  return { units, statuses, rejected, problems: [] };
}

/** The columns a pasted or imported unit list fills: Unit's first six. */
export const PASTE_COLUMNS = HEADERS.unit.slice(0, 6) as readonly PasteColumn[];
type PasteColumn = 'Kode' | 'Nama Unit' | 'Jenis' | 'Nama PIC' | 'Email PIC' | 'Email Asesor';

/** Other headers a unit list often has (an English export, a shortened header), read as Unit's own. */
const HEADER_ALIASES: Record<PasteColumn, readonly string[]> = {
  Kode: ['Code', 'Kode Unit', 'Unit Code'],
  'Nama Unit': ['Nama', 'Name', 'Unit', 'Unit Name', 'Nama Instansi'],
  Jenis: ['Type', 'Jenis Unit', 'Unit Type'],
  'Nama PIC': ['PIC', 'PIC Name', 'Contact Name'],
  'Email PIC': ['Email', 'E-mail', 'PIC Email', 'Email Address'],
  'Email Asesor': ['Asesor', 'Assessor', 'Assessor Email', 'Email Assessor'],
};

/** The Unit column a header cell names, itself or by an alias (case-insensitive, trimmed), or undefined. */
function pasteColumnOf(header: string): PasteColumn | undefined {
  const key = normKey(header);
  return PASTE_COLUMNS.find((c) => normKey(c) === key || HEADER_ALIASES[c].some((alias) => normKey(alias) === key));
}

export type PastedUnits =
  | { ok: true; rows: Record<PasteColumn, string>[]; notes: string[] }
  | { ok: false; error: string };

const DELIMITER_NAMES: Record<string, string> = { ',': '","', ';': '";"', '\t': 'tab' };

/**
 * A pasted or imported unit list as Unit rows: by header when its first row names Kode and Nama
 * Unit (themselves or by an alias, which the notes say, as they list the headers ignored), else
 * in Unit's first six columns' order. A quote never closed, or a cell longer than Sheets holds,
 * refuses the whole list, naming the line.
 */
export function readPastedUnits(pasted: string, lang: Lang): PastedUnits {
  const read = readDelimited(pasted);
  if (read.openQuoteLine !== null) return { ok: false, error: t(lang, 'core.units.openQuote', { line: read.openQuoteLine }) };
  const long = read.rows.findIndex((row) => row.some((cell) => cell.length > MAX_CELL_TEXT));
  if (long >= 0) {
    const length = Math.max(...read.rows[long].map((cell) => cell.length));
    return { ok: false, error: t(lang, 'core.units.tooLong', { line: long + 1, length, max: MAX_CELL_TEXT }) };
  }
  const rows = read.rows.filter((row) => !isBlankRow(row));
  const named = (rows[0] ?? []).map((cell) => pasteColumnOf(cell));
  const header = named.includes('Kode') && named.includes('Nama Unit') ? rows[0] : null;
  const notes = [t(lang, 'core.units.read', { delimiter: DELIMITER_NAMES[read.delimiter] })];
  const at = new Map<PasteColumn, number>();
  if (header) {
    const aliases: string[] = [];
    const ignored: string[] = [];
    header.forEach((cell, i) => {
      const column = named[i];
      if (column === undefined || at.has(column)) {
        if (cell.trim() !== '') ignored.push(`"${cell.trim()}"`);
        return;
      }
      at.set(column, i);
      if (normKey(cell) !== normKey(column)) aliases.push(`"${cell.trim()}" → "${column}"`);
    });
    if (aliases.length > 0) notes.push(t(lang, 'core.units.aliases', { pairs: aliases.join(', ') }));
    if (ignored.length > 0) notes.push(t(lang, 'core.units.ignored', { columns: ignored.join(', ') }));
  } else PASTE_COLUMNS.forEach((column, i) => at.set(column, i));
  const units = rows.slice(header ? 1 : 0).map((row) => {
    const out = {} as Record<PasteColumn, string>;
    for (const column of PASTE_COLUMNS) {
      const i = at.get(column);
      out[column] = i === undefined ? '' : (row[i] ?? '').trim();
    }
    return out;
  });
  return { ok: true, rows: units, notes };
}
