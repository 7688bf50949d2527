// `pendamping edit`: cell edits typed by one user, as in the Sheets UI, honouring protections
// and validation. Refused edits are reported, the rest applied. A workbook whose protections
// were lost takes edits from admins only, until an admin runs generate.
import { resolve } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { LocalRuntime } from '../../local/runtime';
import { MAX_CELL_CHARACTERS, type EditRefusal } from '../../local/services/spreadsheet/user-edit';
import { msg, type Lang } from '../messages';
import { CliError, CommandFailed } from '../result';
import { withSession } from '../session';
import { readTextFile, type Encoding } from '../text-file';
import { XLSX_MAX_CELL_TEXT } from '../../local/xlsx';
import { workbookPath, type Command } from './common';

export interface CellEdit {
  /** 1-based line of the edits file. */
  row: number;
  sheet: string;
  cell: string;
  value: string;
}

export interface RefusedEdit extends CellEdit {
  reason: string;
}

const HEADER = ['sheet', 'cell', 'value'];
/** The delimiters an edits file may use: ',' or, as Indonesian-locale Excel writes CSV, ';'. */
const DELIMITERS = [',', ';'] as const;

/** The rows of `text` with `delimiter` (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF). */
function parseRows(file: string, text: string, delimiter: string): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The open quote's record starts right after the bytes of the complete records.
      const done = Buffer.from(text).subarray(0, Number((error as CsvError & { bytes_records?: number }).bytes_records ?? 0)).toString();
      throw new CliError('error.csvOpenQuote', { file, line: done.split(/\r\n|\r|\n/).length });
    }
    throw new CliError('error.csv', { file, reason: error.message });
  }
}

const isBlank = (cells: readonly string[]) => cells.length === 1 && cells[0].trim() === '';

/**
 * The file's rows with the first delimiter that gives every row three cells, and that delimiter;
 * else as ',' reads them (its rows or its error are what the user is told about).
 */
function rowsOf(file: string, text: string): { rows: string[][]; delimiter: string } {
  for (const delimiter of DELIMITERS.slice(1)) {
    try {
      const rows = parseRows(file, text, delimiter);
      if (rows.some((cells) => !isBlank(cells)) && rows.every((cells) => isBlank(cells) || cells.length === 3)) return { rows, delimiter };
    } catch {
      // Not this delimiter: ',' says what is wrong.
    }
  }
  return { rows: parseRows(file, text, DELIMITERS[0]), delimiter: DELIMITERS[0] };
}

/** The edits of a `sheet,cell,value` CSV file (or `;`-separated; a header row with those names is optional), and how it was read. */
export function readEdits(file: string): { edits: CellEdit[]; encoding: Encoding; delimiter: string } {
  const { text, encoding } = readTextFile(file);
  const { rows, delimiter } = rowsOf(file, text);
  const edits: CellEdit[] = [];
  rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    if (i === 0 && cells.map((c) => c.trim().toLowerCase()).join(',') === HEADER.join(',')) return;
    if (cells.length !== 3) throw new CliError('error.editsRow', { file, row: i + 1, count: cells.length });
    edits.push({ row: i + 1, sheet: cells[0].trim(), cell: cells[1].trim(), value: cells[2] });
  });
  if (edits.length === 0) throw new CliError('error.editsEmpty', { file });
  return { edits, encoding, delimiter };
}

/** Why an edit was refused, in the workbook's language: the sheet and cell, and who may edit it or what to type. */
function refusalText(lang: Lang, e: CellEdit, user: string, refusal: EditRefusal): string {
  const at = { sheet: e.sheet, cell: e.cell.toUpperCase() };
  switch (refusal.kind) {
    case 'noSheet':
      return msg(lang, 'refuse.noSheet', at);
    case 'badCell':
      return msg(lang, 'refuse.badCell', at);
    case 'outsideGrid':
      return msg(lang, 'refuse.outsideGrid', { ...at, last: refusal.last });
    case 'protected':
      return msg(lang, 'refuse.protected', { ...at, user, editors: refusal.editors.join(', ') });
    case 'invalid':
      return msg(lang, 'refuse.invalid', { ...at, value: e.value, items: refusal.items.join(', ') });
    case 'tooLong':
      return msg(lang, 'refuse.tooLong', { ...at, length: refusal.length, max: refusal.max, limit: msg(lang, 'limit.sheets') });
  }
}

/** A value longer than an .xlsx cell keeps is refused before it is typed: the save would have to cut it. */
function tooLongForXlsx(lang: Lang, e: CellEdit): string | null {
  if (e.value.length <= XLSX_MAX_CELL_TEXT || e.value.length > MAX_CELL_CHARACTERS) return null;
  return msg(lang, 'refuse.tooLong', { sheet: e.sheet, cell: e.cell.toUpperCase(), length: e.value.length, max: XLSX_MAX_CELL_TEXT, limit: msg(lang, 'limit.xlsx') });
}

/**
 * Why the acting user may not edit at all now, as lines (the first says what to do), or [] when
 * they may: the workbook's protections were lost or moved off their tables, and the user is no
 * admin (the bundle's editGuard).
 */
export function protectionsLost(runtime: LocalRuntime, lang: Lang): string[] {
  const guard = runtime.run('editGuard') as { allowed: boolean; reasons: string[] };
  return guard.allowed ? [] : [msg(lang, 'error.protectionsLost'), ...guard.reasons];
}

export const edit: Command = (options, io) => {
  const from = resolve(io.cwd, options.from ?? '');
  const { edits, encoding, delimiter } = readEdits(from);
  return withSession(workbookPath(options, io), options, {}, (session) => {
    const [lost, ...reasons] = protectionsLost(session.runtime, session.lang);
    if (lost !== undefined) {
      // Nothing is applied, and the workbook is not saved.
      const fields = { applied: 0, refused: edits.map((e) => ({ ...e, reason: lost })) };
      throw new CommandFailed({ ok: false, lang: session.lang, error: lost, metrics: session.metrics(), fields, lines: reasons });
    }
    const refused: RefusedEdit[] = [];
    const label = msg(session.lang, 'progress.edit');
    edits.forEach((e, i) => {
      const long = tooLongForXlsx(session.lang, e);
      const result = long === null ? session.runtime.edit(session.user, e.sheet, e.cell, e.value) : null;
      if (long !== null) refused.push({ ...e, reason: long });
      else if (result && !result.ok) refused.push({ ...e, reason: refusalText(session.lang, e, session.user, result.refusal) });
      io.progress.update(label, i + 1, edits.length);
    });
    const applied = edits.length - refused.length;
    const lines = [
      msg(session.lang, 'result.encoding', { file: from, encoding }),
      msg(session.lang, 'result.editsDelimiter', { file: from, delimiter }),
      msg(session.lang, 'result.edit', { applied, refused: refused.length }),
      ...refused.map((r) => msg(session.lang, 'result.editRefused', { sheet: r.sheet, cell: r.cell, reason: r.reason })),
    ];
    const fields = { applied, refused };
    const metrics = session.metrics();
    if (refused.length === 0) return { ok: true, lang: session.lang, metrics, fields, lines };
    const error = msg(session.lang, 'error.someEditsRefused', { refused: refused.length, total: edits.length });
    return { ok: false, lang: session.lang, error, metrics, fields, lines };
  });
};
