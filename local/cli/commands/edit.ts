// `pendamping edit`: cell edits typed by one user, as in the Sheets UI, honouring protections
// and validation. Refused edits are reported, the rest applied. A workbook whose protections
// were lost takes edits from admins only, until an admin runs generate.
import { resolve } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { LocalRuntime } from '../../runtime';
import { msg, type Lang } from '../messages';
import { CliError, CommandFailed } from '../result';
import { withSession } from '../session';
import { workbookPath, type Command } from './common';
import { readText } from './init';

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

/** The edits of a `sheet,cell,value` CSV file (a header row with those names is optional). */
export function readEdits(file: string): CellEdit[] {
  const text = readText(file);
  let rows: string[][];
  try {
    // RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, a BOM); a row's cell count is checked below.
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new CliError('error.csv', { file, reason: error.message });
    throw error;
  }
  const edits: CellEdit[] = [];
  rows.forEach((cells, i) => {
    if (cells.length === 1 && cells[0].trim() === '') return;
    if (i === 0 && cells.map((c) => c.trim().toLowerCase()).join(',') === HEADER.join(',')) return;
    if (cells.length !== 3) throw new CliError('error.editsRow', { file, row: i + 1, count: cells.length });
    edits.push({ row: i + 1, sheet: cells[0].trim(), cell: cells[1].trim(), value: cells[2] });
  });
  if (edits.length === 0) throw new CliError('error.editsEmpty', { file });
  return edits;
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
  const edits = readEdits(resolve(io.cwd, options.from ?? ''));
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
      const result = session.runtime.edit(session.user, e.sheet, e.cell, e.value);
      if (!result.ok) refused.push({ ...e, reason: result.reason });
      io.progress.update(label, i + 1, edits.length);
    });
    const applied = edits.length - refused.length;
    const lines = [
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
