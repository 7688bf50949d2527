// "Bagikan akses": every valid PIC and assessor address of Unit becomes an editor of the
// spreadsheet (Spreadsheet.addEditors), so that the per-tab protections, which name them, can
// apply to them. Protections stop edits, not reads: whoever the file is shared with can read
// every tab. Run again, it adds only who is new; an invalid address is listed with its Unit row.
import { t } from '../domain/i18n';
import { TABS, findColumns } from '../domain/tables';
import { cellText, isValidEmail, splitEmails } from '../domain/text';
import { errorText, failure, type Failure } from './context';
import { needSetup, type Programme } from './programme';

/** An address of Unit that cannot be shared with, and the row (1-based, as Sheets numbers it) that holds it. */
export interface InvalidAddress {
  row: number;
  kode: string;
  address: string;
}

export interface SharePlan {
  /** Valid addresses not yet editors, in Unit order, each once. */
  add: string[];
  /** Valid addresses already editors (the owner included). */
  already: string[];
  invalid: InvalidAddress[];
}

export interface ShareResult extends SharePlan {
  ok: true;
  /** Whom it added (with dryRun: whom it would add). */
  added: string[];
  dryRun: boolean;
  message: string;
}

/** Who to add, from Unit's rows (header first) and the addresses that may already edit; compared case-insensitively. */
export function planShare(unitRows: readonly (readonly unknown[])[], editors: readonly string[]): SharePlan {
  const { index } = findColumns(unitRows[0], ['Kode', 'Email PIC', 'Email Asesor'] as const);
  const current = new Set(editors.map((e) => e.trim().toLowerCase()));
  const seen = new Set<string>();
  const plan: SharePlan = { add: [], already: [], invalid: [] };
  unitRows.slice(1).forEach((row, i) => {
    const kode = cellText(index.Kode === undefined ? '' : row[index.Kode]);
    for (const column of [index['Email PIC'], index['Email Asesor']]) {
      for (const address of column === undefined ? [] : splitEmails(row[column])) {
        const key = address.toLowerCase();
        if (!isValidEmail(address)) plan.invalid.push({ row: i + 2, kode, address });
        else if (seen.has(key)) continue;
        else (current.has(key) ? plan.already : plan.add).push(address);
        seen.add(key);
      }
    }
  });
  return plan;
}

/** The spreadsheet's editors, the owner included, as Apps Script lists them. */
function currentEditors(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  return spreadsheet.getEditors().map((user) => user.getEmail());
}

/** "Bagikan akses" (see the file comment); with `dryRun`, says whom it would add and changes nothing. */
export function shareAccessIn(programme: Programme, dryRun: boolean): ShareResult | Failure {
  const unready = needSetup(programme, [TABS.unit]);
  if (unready) return unready;
  const { lang } = programme;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const plan = planShare(programme.rows(TABS.unit), currentEditors(spreadsheet));
  if (!dryRun && plan.add.length > 0) {
    try {
      spreadsheet.addEditors(plan.add);
    } catch (e) {
      return failure(lang, 'core.share.failed', { reason: errorText(e) });
    }
  }
  const lines = [
    plan.add.length === 0
      ? t(lang, 'core.share.nobody', { already: plan.already.length })
      : t(lang, dryRun ? 'core.share.willAdd' : 'core.share.added', { count: plan.add.length, addresses: plan.add.join(', '), already: plan.already.length }),
    ...plan.invalid.map((i) => t(lang, 'core.share.invalid', { address: i.address, row: i.row, kode: i.kode })),
    t(lang, 'core.share.readNote'),
  ];
  return { ok: true, ...plan, added: plan.add, dryRun, message: lines.join('\n') };
}
