// The write-ahead journal of a send batch (docs/WORKBOOK.md, Log Email): the Log Email rows a
// batch has not put on the sheet yet, in one document property. A property is stored when
// setProperty returns (62 ms modeled) where a range write and flush cost 150 ms and more, so
// the intent (MENGIRIM) of each message is made durable there before MailApp is called; the
// rows reach the sheet in one range write at the end of the call, or earlier when the journal
// would outgrow one property value. Every reader of the ledger reads the sheet with the
// journal's rows after it, so a run cut short (killed, timed out) loses no row: the next send
// folds them into the sheet with its first write. The same property holds the state of the batch
// the rows belong to, which the next call of that batch continues.
//
// A row goes to the sheet only in its final form (an outcome, or an intent the run never got
// an answer for), never to be rewritten there: the journal's rows at or above the row after
// Log Email's last are there already (the run died between writing them and clearing the
// journal), the others are still to be written.
import { parseLedger, type LedgerEntry, type LedgerRecord, type LedgerStatus } from '../domain/ledger';
import { TABS } from '../domain/tables';
import { utf8Length } from '../sheets/api';
import type { Programme } from '../sheets/programme';
import { parseJsonProperty, writeJsonProperty } from '../sheets/properties';

export const JOURNAL_PROPERTY = 'pendamping.mail.journal';
/** Bytes of one property value (docs/PLATFORM.md, quotas): a journal that would be larger goes to the sheet. */
const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** One row as stored: Waktu (ms), Putaran, Kode Unit, Kepada, Tembusan, Subjek, Status, Sidik, Keterangan. */
type StoredRow = [number, string, string, string[], string[], string, LedgerStatus, string, string];

/** The send batch that a call continues (src/mail/batch.ts): its options, its first Log Email row, when its last call ended. */
export interface BatchState {
  key: string;
  fromRow: number;
  lastAt: number;
}

interface StoredJournal {
  /** The Log Email row the first row takes. */
  from: number;
  rows: StoredRow[];
  batch?: BatchState;
}

/** The rows a journal holds (`records[i]` is Log Email row `from + i`), and the batch they belong to. */
export interface LedgerJournal {
  from: number;
  records: LedgerRecord[];
  batch?: BatchState;
}

function isBatchState(value: unknown): value is BatchState {
  const v = value as Partial<BatchState> | null;
  return v !== null && typeof v === 'object' && typeof v.key === 'string' && typeof v.fromRow === 'number' && typeof v.lastAt === 'number';
}

const STATUSES: readonly string[] = ['TERKIRIM', 'GAGAL', 'DILEWATI', 'MENGIRIM'] satisfies LedgerStatus[];
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isStoredRow(v: unknown): v is StoredRow {
  if (!Array.isArray(v) || v.length !== 9) return false;
  const [at, round, code, to, cc, subject, status, fingerprint, note] = v as unknown[];
  return (
    typeof at === 'number' &&
    [round, code, subject, fingerprint, note].every((s) => typeof s === 'string') &&
    isTexts(to) &&
    isTexts(cc) &&
    STATUSES.includes(status as string)
  );
}

function isStoredJournal(v: unknown): v is StoredJournal {
  const j = v as Partial<StoredJournal> | null;
  return (
    j !== null &&
    typeof j === 'object' &&
    typeof j.from === 'number' &&
    j.from >= 2 &&
    Array.isArray(j.rows) &&
    j.rows.every(isStoredRow) &&
    (j.batch === undefined || isBatchState(j.batch))
  );
}

const storedRow = (r: LedgerRecord): StoredRow => [r.at.getTime(), r.round, r.unitCode, [...r.to], [...r.cc], r.subject, r.status, r.fingerprint, r.note];

function recordOf([at, round, unitCode, to, cc, subject, status, fingerprint, note]: StoredRow): LedgerRecord {
  return { at: new Date(at), round, unitCode, to, cc, subject, status, fingerprint, note };
}

/** A journal from its property's text (null: none); a value that is not one reads as none. */
export function parseJournal(raw: string | null): LedgerJournal | null {
  const stored = parseJsonProperty(raw, isStoredJournal);
  if (stored === null) return null;
  const journal: LedgerJournal = { from: stored.from, records: stored.rows.map(recordOf) };
  return stored.batch === undefined ? journal : { ...journal, batch: stored.batch };
}

/** The journal left in the document, if any (one getProperty). */
export function readJournal(): LedgerJournal | null {
  return parseJournal(PropertiesService.getDocumentProperties().getProperty(JOURNAL_PROPERTY));
}

/** Of a journal, the rows Log Email does not hold yet, given the row after its last (`nextRow`). */
export function unfolded(journal: LedgerJournal | null, nextRow: number): LedgerJournal | null {
  if (journal === null) return null;
  const held = Math.max(0, nextRow - journal.from);
  return held >= journal.records.length ? null : { from: journal.from + held, records: journal.records.slice(held) };
}

/** Stores the journal (one setProperty) and returns true, or returns false, storing nothing, when it would not fit one property value. */
export function writeJournal(journal: LedgerJournal): boolean {
  const stored: StoredJournal = { from: journal.from, rows: journal.records.map(storedRow), ...(journal.batch && { batch: journal.batch }) };
  if (utf8Length(JSON.stringify(stored)) > PROPERTY_VALUE_LIMIT_BYTES) return false;
  writeJsonProperty(JOURNAL_PROPERTY, stored);
  return true;
}

/** Removes the journal, once its rows are on the sheet. */
export function clearJournal(): void {
  writeJsonProperty(JOURNAL_PROPERTY, null);
}

/**
 * Log Email's values (header row first) with the journal's rows not on the sheet yet, each at
 * the row it takes, as the sheet would return them; `waktu` renders a Waktu.
 */
export function withJournal(values: readonly (readonly unknown[])[], journal: LedgerJournal | null, waktu: (at: Date) => unknown): unknown[][] {
  const out = values.map((row) => [...row]);
  const left = unfolded(journal, values.length + 1);
  if (left === null) return out;
  while (out.length < left.from - 1) out.push([]);
  for (const r of left.records) out.push([waktu(r.at), r.round, r.unitCode, r.to.join(', '), r.cc.join(', '), r.subject, r.status, r.fingerprint, r.note]);
  return out;
}

/** An instant as Sheets' unformatted date-time: a serial of the wall clock in `timeZone`. */
function serialIn(timeZone: string): (at: Date) => number {
  return (at) => (Date.parse(`${Utilities.formatDate(at, timeZone, 'yyyy-MM-dd HH:mm:ss').replace(' ', 'T')}Z`) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** Log Email's rows as read with the programme (unformatted), the journal's rows included: what the sidebar and rounds read. */
export function ledgerRowsOf(programme: Programme): unknown[][] {
  return withJournal(programme.rows(TABS.logEmail), readJournal(), serialIn(programme.timeZone));
}

/** The ledger of the programme, the journal's rows included. */
export function ledgerOf(programme: Programme): LedgerEntry[] {
  return parseLedger(ledgerRowsOf(programme));
}
