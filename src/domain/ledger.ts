// The send ledger (Log Email) as pure data, and the decision of what one send batch does for
// each unit given that ledger, the rendered messages and the remaining email quota. The shell
// (src/mail) only reads, sends and appends what this file decides, so every rule of
// idempotency and quota lives here and is tested without any service.
import { columnLetter, quoteSheet } from './plan/cells';
import { findColumns, HEADERS, TABS } from './tables';
import { asText, cellText, isDateValue } from './text';

/**
 * MENGIRIM is the intent: written (and flushed) before the message leaves, replaced by TERKIRIM or
 * GAGAL once MailApp answers. A row left MENGIRIM means the outcome is unknown: the execution
 * died between the two. Such a unit is never sent again by itself; a person decides.
 */
export type LedgerStatus = 'TERKIRIM' | 'GAGAL' | 'DILEWATI' | 'MENGIRIM';

/** Recipients MailApp takes in one message, To + Cc + Bcc (docs/PLATFORM.md): more fails that message alone. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface LedgerEntry {
  /** 1-based row of the Log Email tab. */
  row: number;
  /** Milliseconds since the epoch; null when Waktu is not a date-time. */
  at: number | null;
  round: string;
  unitCode: string;
  to: string;
  cc: string;
  subject: string;
  status: string;
  fingerprint: string;
  note: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A Waktu cell as milliseconds: a Date from any realm, or ISO text typed by hand. */
function timeOf(value: unknown): number | null {
  if (isDateValue(value)) return value.getTime();
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The ledger's rows, from the values of the Log Email tab including its header row. Columns
 * are found by header, so a user who adds a column to the right breaks nothing. Rows without
 * a Kode Unit are ignored (they are not ours to interpret).
 */
export function parseLedger(values: readonly (readonly unknown[])[]): LedgerEntry[] {
  const { index } = findColumns(values[0], HEADERS.logEmail);
  const cell = (row: readonly unknown[], name: (typeof HEADERS.logEmail)[number]): unknown => {
    const at = index[name];
    return at === undefined ? '' : row[at];
  };
  const entries: LedgerEntry[] = [];
  values.forEach((row, i) => {
    const unitCode = i === 0 ? '' : cellText(cell(row, 'Kode Unit'));
    if (unitCode === '') return;
    entries.push({
      row: i + 1,
      at: timeOf(cell(row, 'Waktu')),
      round: cellText(cell(row, 'Putaran')),
      unitCode,
      to: cellText(cell(row, 'Kepada')),
      cc: cellText(cell(row, 'Tembusan')),
      subject: cellText(cell(row, 'Subjek')),
      status: cellText(cell(row, 'Status')).toUpperCase(),
      fingerprint: cellText(cell(row, 'Sidik')).toLowerCase(),
      note: cellText(cell(row, 'Keterangan')),
    });
  });
  return entries;
}

export interface LedgerRecord {
  at: Date;
  round: string;
  unitCode: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  status: LedgerStatus;
  fingerprint: string;
  note: string;
}

/** The nine cells of one Log Email row, in HEADERS.logEmail order; every text kept as text. */
export function ledgerRow(r: LedgerRecord): (string | Date)[] {
  return [
    r.at,
    asText(r.round),
    asText(r.unitCode),
    asText(r.to.join(', ')),
    asText(r.cc.join(', ')),
    asText(r.subject),
    r.status,
    asText(r.fingerprint),
    asText(r.note),
  ];
}

/** What the fingerprint covers: everything a recipient would see, and who receives it. */
export function fingerprintInput(m: { to: readonly string[]; cc: readonly string[]; subject: string; html: string; text: string }): string {
  return JSON.stringify([m.to.map((a) => a.toLowerCase()), m.cc.map((a) => a.toLowerCase()), m.subject, m.html, m.text]);
}

/** Hex text of a digest as Utilities.computeDigest returns it (signed bytes). */
export function hexOf(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/**
 * The Log Email Putaran of "Kirim pengingat" rows: the round's label with a marker, so that
 * reminders and findings of one round never count as each other's previous send.
 */
const REMINDER_ROUND_SUFFIX = ' — pengingat';

export function reminderRound(putaran: string): string {
  return `${putaran}${REMINDER_ROUND_SUFFIX}`.trim();
}

/** One unit's message as the batch sees it. */
export interface Candidate {
  code: string;
  kind: 'findings' | 'acknowledgement' | 'reminder';
  /** To + Cc: what the message costs in the daily recipients quota. */
  recipients: number;
  /** Hex SHA-256 of fingerprintInput; '' when there is no message (no tab). */
  fingerprint: string;
  /** Why the unit cannot be sent at all (localized): it fails (GAGAL) without a send. */
  blocked?: string;
}

/** unchanged: same content as the last TERKIRIM; failedBefore: same content already GAGAL (automatic runs do not retry). */
export type SkipReason = 'unchanged' | 'acknowledgementOff' | 'failedBefore';

/** `check`: the unit's last message of the round has an intent and no outcome (since: its Waktu). */
export type Decision =
  | { code: string; action: 'send' }
  | { code: string; action: 'skip'; reason: SkipReason }
  | { code: string; action: 'fail'; reason: string }
  | { code: string; action: 'queue' }
  | { code: string; action: 'check'; since: number | null };

export interface PlanOptions {
  round: string;
  /** Send again even when the content is unchanged since the last TERKIRIM. */
  force: boolean;
  /** Pengaturan kirim_tanda_terima: send the acknowledgement to units with no finding. */
  sendAcknowledgement: boolean;
  /** MailApp.getRemainingDailyQuota(), read once. */
  quota: number;
  /**
   * When this call continues a batch: the first Log Email row that batch wrote. Units the
   * ledger shows as handled from there on, with this very content, are left out, so a chunked
   * batch never logs or sends a unit twice (rows are only appended, under the document lock).
   */
  batchFromRow?: number;
  /**
   * False for the automatic (hourly) run: a unit whose last row of the round, with this very
   * content, is GAGAL is skipped rather than failed again every hour (a person retries).
   */
  retryFailed?: boolean;
  /**
   * Kode (any case) of units whose unknown outcome a person chose to send again ("kirim ulang").
   * Only an intent written before this batch counts: an intent the batch itself left is never
   * sent again by the same choice.
   */
  resend?: readonly string[];
}

const sameUnit = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The ledger rows of one unit in one round, oldest first (by Waktu, then by row order). */
function historyOf(ledger: readonly LedgerEntry[], round: string, code: string): LedgerEntry[] {
  return ledger
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => sameUnit(e.unitCode, code) && e.round === round)
    .sort((a, b) => (a.e.at ?? 0) - (b.e.at ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** The unit's last row of the round when it is an intent without outcome (MENGIRIM). */
export function unknownOutcome(ledger: readonly LedgerEntry[], round: string, code: string): LedgerEntry | undefined {
  const history = historyOf(ledger, round, code);
  const last = history[history.length - 1];
  return last !== undefined && last.status === 'MENGIRIM' ? last : undefined;
}

/** The Sidik of the unit's last TERKIRIM in the round, or undefined. */
export function lastSentFingerprint(ledger: readonly LedgerEntry[], round: string, code: string): string | undefined {
  const sent = historyOf(ledger, round, code).filter((e) => e.status === 'TERKIRIM');
  return sent.length > 0 ? sent[sent.length - 1].fingerprint : undefined;
}

/** Whether the unit's last row of the round is a GAGAL of this very content. */
function failedBefore(ledger: readonly LedgerEntry[], round: string, c: Candidate): boolean {
  const history = historyOf(ledger, round, c.code);
  const last = history[history.length - 1];
  return last !== undefined && last.status === 'GAGAL' && last.fingerprint === c.fingerprint;
}

function handledInBatch(ledger: readonly LedgerEntry[], c: Candidate, o: PlanOptions): boolean {
  const from = o.batchFromRow;
  if (from === undefined) return false;
  return historyOf(ledger, o.round, c.code).some((e) => e.row >= from && e.fingerprint === c.fingerprint);
}

/** Whether a person chose to send the unit of this unknown outcome again, in this batch. */
function chosenForResend(pending: LedgerEntry, c: Candidate, o: PlanOptions): boolean {
  const before = o.batchFromRow === undefined || pending.row < o.batchFromRow;
  return before && (o.resend ?? []).some((code) => sameUnit(code, c.code));
}

/**
 * What the batch does for each candidate, in the candidates' order. A unit whose last message
 * of the round has an unknown outcome is to be checked, unless a person chose to send it again.
 * Units already handled in this batch are left out. Sends take the quota first-fit: a message
 * that does not fit is queued, a smaller one after it may still go.
 */
export function planBatch(candidates: readonly Candidate[], ledger: readonly LedgerEntry[], o: PlanOptions): Decision[] {
  let quota = o.quota;
  const out: Decision[] = [];
  for (const c of candidates) {
    const pending = unknownOutcome(ledger, o.round, c.code);
    const resend = pending !== undefined && chosenForResend(pending, c, o);
    if (pending !== undefined && !resend) {
      out.push({ code: c.code, action: 'check', since: pending.at });
      continue;
    }
    if (handledInBatch(ledger, c, o)) continue;
    if (o.retryFailed === false && failedBefore(ledger, o.round, c)) out.push({ code: c.code, action: 'skip', reason: 'failedBefore' });
    else if (c.blocked !== undefined) out.push({ code: c.code, action: 'fail', reason: c.blocked });
    else if (c.kind === 'acknowledgement' && !o.sendAcknowledgement) out.push({ code: c.code, action: 'skip', reason: 'acknowledgementOff' });
    else if (!o.force && !resend && lastSentFingerprint(ledger, o.round, c.code) === c.fingerprint) out.push({ code: c.code, action: 'skip', reason: 'unchanged' });
    else if (c.recipients <= quota) {
      quota -= c.recipients;
      out.push({ code: c.code, action: 'send' });
    } else out.push({ code: c.code, action: 'queue' });
  }
  return out;
}

/**
 * When the daily recipients quota gives room again: 24 hours after the first TERKIRIM of the
 * rolling window ending at `now` (MailApp's quota is not reset at midnight). Null when the
 * ledger shows no send in the window (the quota was used elsewhere: the time is unknown).
 */
export function quotaResetAt(ledger: readonly LedgerEntry[], now: number): number | null {
  const inWindow = ledger
    .filter((e) => e.status === 'TERKIRIM' && e.at !== null && e.at > now - DAY_MS && e.at <= now)
    .map((e) => e.at as number);
  return inWindow.length > 0 ? Math.min(...inWindow) + DAY_MS : null;
}

/** A whole column of Log Email, as written by the add-on (HEADERS.logEmail order), for a formula: 'Log Email'!$C:$C. */
export function logEmailColumn(name: (typeof HEADERS.logEmail)[number]): string {
  const letter = columnLetter(HEADERS.logEmail.indexOf(name));
  return `${quoteSheet(TABS.logEmail)}!$${letter}:$${letter}`;
}

/**
 * Rekap's "Email Terakhir" as a formula over Log Email: the Waktu of the unit's last TERKIRIM
 * (any round), '' before the first. A formula rather than a value written per send: the send
 * stays at one ledger write per message, and Rekap can never disagree with the ledger.
 * `codeCell` is the A1 reference of the row's Kode (e.g. $A2); show it with a date-time format.
 */
export function lastSentFormula(codeCell: string): string {
  const col = logEmailColumn;
  const match = `${col('Kode Unit')},${codeCell},${col('Status')},"TERKIRIM"`;
  return `=IF(COUNTIFS(${match})=0,"",MAXIFS(${col('Waktu')},${match}))`;
}
