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

const OPTIONAL_COLUMNS = ['Jenis', 'Nama PIC', 'Email Asesor'] as const;

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
      code: r.text('Kode'),
      name: r.text('Nama Unit'),
      type: r.text('Jenis'),
      picName: r.text('Nama PIC'),
      picEmails: splitEmails(r.get('Email PIC')),
      assessorEmails: splitEmails(r.get('Email Asesor')),
    };
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
