// Shared by the mail bundle tests: a programme set up through the built bundle in the local
// runtime, cell edits as the Sheets UI would make them, and the outbox's .eml files parsed
// with mailparser.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { formatA1, newWorkbook } from '../../local/model/workbook';
import type { SheetModel, WorkbookModel } from '../../local/model/types';
import { LocalRuntime, type RuntimeOptions } from '../../local/runtime';
import { JOURNAL_PROPERTY, parseJournal, withJournal } from '../../src/mail/journal';

export const ADMIN = 'sekretariat@ombudsman.go.id';
export const NOW = new Date('2025-03-03T02:00:00Z');

export type Result = { ok: boolean; error?: string; [key: string]: unknown };

export interface UnitSpec {
  code: string;
  name?: string;
  pic?: string;
  picEmails?: string;
  assessorEmails?: string;
}

export function unitsCsv(units: readonly UnitSpec[]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const rows = units.map((u) =>
    [u.code, u.name ?? `Dinas ${u.code}`, 'OPD', u.pic ?? `PIC ${u.code}`, u.picEmails ?? `pic.${u.code.toLowerCase()}@pemkab.go.id`, u.assessorEmails ?? 'asesor@ombudsman.go.id']
      .map(quote)
      .join(','),
  );
  return ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor', ...rows].join('\n');
}

export function manyUnits(n: number): UnitSpec[] {
  return Array.from({ length: n }, (_, i) => ({ code: `U${String(i + 1).padStart(2, '0')}` }));
}

export function ok(result: unknown): Result {
  const r = result as Result;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
}

/** Calls a batch function (sendFindingsBatch, sendRemindersBatch) until done, as the sidebar and the CLI do. */
export function runUntilDone(rt: LocalRuntime, fn: string, opts: Record<string, unknown> = {}): Result[] {
  const batches: Result[] = [];
  for (let i = 0; i < 100; i++) {
    const r = rt.run(fn, opts) as Result;
    batches.push(r);
    if (!r.ok || r.done === true) return batches;
  }
  throw new Error(`${fn} never finished`);
}

/**
 * Runs a whole send (batch after batch) and what it cost in the latency model: modeled ms,
 * round trips and the calls of one service method. Prints the cost under `label`.
 */
export interface Measured {
  result: Result;
  /** Modeled time and round trips of the batch's calls. */
  modeled: number;
  roundTrips: number;
  /** Service calls of `service.method` made by the batch. */
  calls(key: string): number;
}

export function measuredSend(rt: LocalRuntime, fn: string, label: string): Measured {
  const before = rt.snapshot();
  const [result] = runUntilDone(rt, fn);
  const after = rt.snapshot();
  const modeled = after.modeledMs - before.modeledMs;
  const roundTrips = after.roundTrips - before.roundTrips;
  console.log(`${label}: ${Math.round(modeled)} ms modeled, ${roundTrips} round trips`);
  return { result, modeled, roundTrips, calls: (key) => (after.serviceCalls[key] ?? 0) - (before.serviceCalls[key] ?? 0) };
}

/**
 * A batch of `fn` over 30 units, and what each message costs it: the round trips one more
 * message adds, from a batch over 10 units to one over 30 (each runtime from `open`). A message
 * needs its send and one durable step for its at-most-once record; a read back, a flush or a
 * row write per message would each add one.
 */
export async function sendCost(open: (units: number) => Promise<LocalRuntime>, fn: string, label: string): Promise<{ thirty: Measured; rt: LocalRuntime; perMessage: number }> {
  const ten = measuredSend(await open(10), fn, `${label}: 10 units`);
  const rt = await open(30);
  const thirty = measuredSend(rt, fn, `${label}: 30 units`);
  return { thirty, rt, perMessage: (thirty.roundTrips - ten.roundTrips) / 20 };
}

export function sheet(wb: WorkbookModel, title: string): SheetModel {
  const found = wb.sheets.find((s) => s.title === title);
  if (!found) throw new Error(`no tab ${title}`);
  return found;
}

/** Cell values of a tab, '' for empty cells, trailing empty rows dropped. */
export function values(s: SheetModel): unknown[][] {
  const out = Array.from(s.rows, (row) => Array.from(row ?? [], (c) => c?.value ?? ''));
  while (out.length > 0 && out[out.length - 1].every((v) => v === '')) out.pop();
  return out;
}

/** Log Email as objects keyed by header, as the add-on reads it: with the rows of a send's journal not on the sheet yet. */
export function ledger(wb: WorkbookModel): Record<string, unknown>[] {
  const journal = parseJournal(wb.documentProperties[JOURNAL_PROPERTY] ?? null);
  const [header, ...rows] = withJournal(values(sheet(wb, 'Log Email')), journal, (at) => at);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
}

/** TERKIRIM rows per Kode Unit. */
export function sentPerUnit(wb: WorkbookModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of ledger(wb)) if (row.Status === 'TERKIRIM') out.set(String(row['Kode Unit']), (out.get(String(row['Kode Unit'])) ?? 0) + 1);
  return out;
}

export function a1(row: number, col: number): string {
  return formatA1(row, col);
}

export function unitSheet(wb: WorkbookModel, code: string): SheetModel {
  const found = wb.sheets.find((s) => s.developerMetadata.some((m) => m.metadataKey === 'pendamping.unit' && m.metadataValue === code));
  if (!found) throw new Error(`no tab of unit ${code}`);
  return found;
}

/** Sets one column of every indicator row of a unit tab, as an admin typing in the sheet. */
/**
 * Types `value(i)` into `column` on each indicator row of unit `code`'s tab (i counts the table's
 * rows), as the admin; rows in a row with the same value go as one edit, as a pasted block does.
 */
export function fillColumn(rt: LocalRuntime, code: string, column: string, value: (row: number) => string): void {
  const s = unitSheet(rt.workbook, code);
  const v = values(s);
  const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const col = v[at].indexOf(column);
  const rows = v.slice(at + 1).map((r, i) => (r[0] === '' ? undefined : value(i)));
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end + 1 < rows.length && rows[end + 1] === rows[start]) end += 1;
    const text = rows[start];
    if (text !== undefined) {
      const edit = rt.edit(ADMIN, s.title, `${a1(at + 1 + start, col)}:${a1(at + 1 + end, col)}`, text);
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    }
    start = end + 1;
  }
}

/** The cell right of a status label (Status Pengisian, Status Verifikasi) on a unit tab, as A1. */
export function statusCell(rt: LocalRuntime, code: string, label: 'Status Pengisian' | 'Status Verifikasi'): { tab: string; a1: string } {
  const s = unitSheet(rt.workbook, code);
  const v = values(s);
  const row = v.findIndex((r) => r.includes(label));
  if (row < 0) throw new Error(`no ${label} on ${s.title}`);
  return { tab: s.title, a1: a1(row, v[row].indexOf(label) + 1) };
}

/** Sets a unit's status as `user` would in the sheet (the admin by default); a refused edit throws. */
export function setStatus(rt: LocalRuntime, code: string, label: 'Status Pengisian' | 'Status Verifikasi', value: string, user = ADMIN): void {
  const at = statusCell(rt, code, label);
  const edit = rt.edit(user, at.tab, at.a1, value);
  if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
}

/** Sets a Pengaturan value (the row of `key`). */
export function setting(rt: LocalRuntime, key: string, value: string): void {
  const rows = values(sheet(rt.workbook, 'Pengaturan'));
  const row = rows.findIndex((r) => r[0] === key);
  if (row < 0) throw new Error(`no setting ${key}`);
  const edit = rt.edit(ADMIN, 'Pengaturan', a1(row, 1), value);
  if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
}

export function tempOutbox(): string {
  return mkdtempSync(join(tmpdir(), 'pendamping-mail-'));
}

export type Options = Omit<RuntimeOptions, 'workbook' | 'user'>;

/**
 * A programme's options: the runtime's, and whether its messages carry the rapor (Pengaturan
 * lampirkan_rapor). Off unless asked: each rapor is a page printed by Chromium, which the tests of
 * the rapor itself cover (test/browser/rapor.test.ts); the ledger, the recipients and the text do
 * not depend on it.
 */
export type ProgrammeOptions = Options & { rapor?: boolean };

/** A new runtime over the same workbook (a later execution environment: another day, another fault). */
export function reopen(wb: WorkbookModel, opts: Options): Promise<LocalRuntime> {
  return LocalRuntime.open({ workbook: wb, user: ADMIN, ...opts });
}

/** Set up with the round's label and deadline, the units added and their tabs generated; nobody has answered anything yet. */
export async function generated(units: readonly UnitSpec[], { rapor = false, ...opts }: ProgrammeOptions): Promise<LocalRuntime> {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW, ...opts });
  ok(rt.run('setupWorkbook', { profile: 'ombudsman-2021' }));
  setting(rt, 'putaran', '2025 Pendampingan');
  setting(rt, 'batas_waktu', '2025-04-30');
  if (!rapor) setting(rt, 'lampirkan_rapor', 'Tidak');
  ok(rt.run('addUnits', unitsCsv(units)));
  ok(rt.run('generateUnitTabs'));
  return rt;
}

/**
 * Set up, units added, tabs generated; every unit answered "Tidak" on its first two indicators,
 * "Ya" elsewhere, submitted and verified (findings go to verified units only).
 */
export async function programme(units: readonly UnitSpec[], opts: ProgrammeOptions): Promise<LocalRuntime> {
  const rt = await generated(units, opts);
  setting(rt, 'instansi_penilai', 'Ombudsman RI Perwakilan Jambi');
  setting(rt, 'email_balasan', 'balasan@ombudsman.go.id');
  for (const u of units) {
    try {
      unitSheet(rt.workbook, u.code);
    } catch {
      continue; // a rejected row has no tab
    }
    fillColumn(rt, u.code, 'Jawaban Mandiri', (i) => (i < 2 ? 'Tidak' : 'Ya'));
    setStatus(rt, u.code, 'Status Pengisian', 'Diajukan');
    setStatus(rt, u.code, 'Status Verifikasi', 'Terverifikasi');
  }
  return rt;
}

export interface Eml {
  file: string;
  mail: ParsedMail;
  to: string[];
  cc: string[];
  replyTo: string[];
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ''));

/** Every .eml of the outbox, parsed, in the order they were written. */
export async function outbox(dir: string): Promise<Eml[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(readFileSync(join(dir, file)));
      return { file, mail, to: addresses(mail.to), cc: addresses(mail.cc), replyTo: addresses(mail.replyTo) };
    }),
  );
}
