// Validating the Unit registry row by row: a bad row gets a status saying what to fix and is
// rejected, and never stops the good rows.
import { t, type Lang, type MessageKey } from './i18n';
import { eachDuplicate, readTable, tabWhere } from './problems';
import { TABS } from './tables';
import { isValidEmail, splitEmails } from './text';
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

export const UNIT_OK = 'OK';

/** Validates the Unit tab's rows (header row included). Email Asesor may be empty; present, it must be valid. */
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
      code: r.text('Kode'),
      name: r.text('Nama Unit'),
      type: r.text('Jenis'),
      picName: r.text('Nama PIC'),
      picEmails: splitEmails(r.get('Email PIC')),
      assessorEmails: splitEmails(r.get('Email Asesor')),
      headName: r.text('Nama Pimpinan'),
      headTitle: r.text('Jabatan Pimpinan'),
    };
    if (unit.code === '') flag(r.row, 'check.unit.codeEmpty');
    if (unit.name === '') flag(r.row, 'check.unit.nameEmpty');
    const badPic = unit.picEmails.filter((e) => !isValidEmail(e));
    if (unit.picEmails.length === 0) flag(r.row, 'check.unit.picMissing');
    else if (badPic.length > 0) flag(r.row, 'check.unit.picInvalid', { emails: badPic.join(', ') });
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
    statuses[unit.row - 2] = why ? reason : UNIT_OK;
    if (why) rejected.push({ row: unit.row, kode: unit.code, reason });
    else units.push(unit);
  }
  return { units, statuses, rejected, problems: [] };
}
