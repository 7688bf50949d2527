// Deciding, in pure code, what the re-assessment rounds do: the Riwayat rows that close a
// round, which unit-tab cells are copied and cleared, the snapshot that lets the last round be
// undone, follow-ups past their deadline, and what improved since the last round. The unit
// tabs come as the execution read them (src/domain/unit-tab.ts, src/sheets/programme.ts);
// src/rounds carries a plan out in one atomic Sheets API batchUpdate.
//
// Riwayat "Status Pengisian", "Status Verifikasi" and "Tahap": where the unit stood when its
// round closed (its two statuses as they were, an empty one as its start, and its stage). The
// new round puts every tab back at Draf / Belum diverifikasi; undoing the round puts the statuses
// of these columns back.
//
// Riwayat "Jawaban": the effective answers of the closed round per indicator, as one JSON
// object keyed by indicator Kode, e.g. {"SP-01":"Ya","SP-02":"Sebagian","SK-03":2}. Unanswered
// indicators are left out; a number stays a number (scale answers).
//
// Arsip Jawaban: every closed round's answers, one row per unit × indicator (HEADERS.arsipJawaban),
// appended when the round closes and removed when it is undone, so closing a round never loses
// a Bukti or a Catatan Asesor, even when rounds are closed one after the other.
//
// The undo snapshot ("Cadangan Putaran", a hidden tab, rewritten by every new round): row 1
// says which round was closed and its deadline; from row 3, one row per indicator that held
// anything the round change overwrote, keyed by unit Kode and indicator Kode.
import { t, type Lang } from './i18n';
import { checkAspectCoverage } from './instrument';
import { findingsOf, isAssessed, summarize } from './scoring';
import { HEADERS, findColumns } from './tables';
import { cellText, formatIsoDate, normKey } from './text';
import type { AnswerRow, AspectWeight, CategoryTable, Finding, Problem, Summary } from './types';
import type { LedgerEntry } from './ledger';
import { EMPTY, isEmptyValue, isoToSerial, kept, num, text, type PlannedCell } from './plan/cells';
import { INITIAL_STATUSES, unitStage } from './stage';
import {
  CLEARED_COLUMNS,
  ROUND_COLUMNS,
  statusOf,
  type LabelledCell,
  type RoundColumn,
  type RoundRow,
  type UnitAnswers,
  type UnitTableLayout,
  type UnitTabReading,
} from './unit-tab';

/** Riwayat: the pinned columns, then the answers of the closed round and where the unit stood (see the file comment). */
export const RIWAYAT_HEADERS = [...HEADERS.riwayat, 'Jawaban', 'Status Pengisian', 'Status Verifikasi', 'Tahap'] as const;
export const SNAPSHOT_TAB = 'Cadangan Putaran';
export const SNAPSHOT_META_HEADERS = ['Putaran Ditutup', 'Batas Waktu Putaran Ditutup'] as const;
/** Zero-based row of the snapshot's column headers; its data rows follow. */
export const SNAPSHOT_TABLE_ROW = 2;
export const SNAPSHOT_HEADERS = ['Kode Unit', 'Kode', ...ROUND_COLUMNS] as const;
/** The longest round label accepted (it is repeated on every unit tab and in every email subject). */
export const MAX_ROUND_NAME = 100;

const FOLLOW_UP_DONE = 'selesai';

// ---------------------------------------------------------------------------------------------
// Input

export type RoundInput = { ok: true; name: string; deadline: string } | { ok: false; error: string };

/**
 * The new round's label and deadline as typed: a non-empty label (at most MAX_ROUND_NAME
 * characters) that is neither the active round nor a closed one, and an empty deadline or a
 * date ('yyyy-mm-dd', or dd/mm/yyyy), returned as 'yyyy-mm-dd'.
 */
export function validateRoundInput(
  input: { name?: unknown; deadline?: unknown } | undefined,
  current: string,
  closed: readonly string[],
  lang: Lang,
): RoundInput {
  const name = cellText(input?.name).replace(/\s+/g, ' ');
  const fail = (error: string): RoundInput => ({ ok: false, error });
  if (name === '') return fail(t(lang, 'round.name.empty'));
  if (name.length > MAX_ROUND_NAME) return fail(t(lang, 'round.name.tooLong', { length: name.length, max: MAX_ROUND_NAME }));
  if (normKey(name) === normKey(current)) return fail(t(lang, 'round.name.same', { name }));
  if (closed.some((c) => normKey(c) === normKey(name))) return fail(t(lang, 'round.name.used', { name }));
  const raw = cellText(input?.deadline);
  const deadline = formatIsoDate(raw);
  if (raw !== '' && deadline === '') return fail(t(lang, 'round.deadline.invalid', { value: raw }));
  return { ok: true, name, deadline };
}

/** The labels of the closed rounds in Riwayat (values with the header row), oldest first, each once. */
export function closedRounds(riwayat: readonly (readonly unknown[])[]): string[] {
  const at = findColumns(riwayat[0], ['Putaran'] as const).index.Putaran;
  if (at === undefined) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of riwayat.slice(1)) {
    const name = cellText(row[at]);
    if (name === '' || seen.has(normKey(name))) continue;
    seen.add(normKey(name));
    out.push(name);
  }
  return out;
}

/** The effective answer of a row: Jawaban Verifikasi where non-empty, else Jawaban Mandiri. */
function effectiveOf(row: RoundRow): unknown {
  return cellText(row.cells['Jawaban Verifikasi']) !== '' ? row.cells['Jawaban Verifikasi'] : row.cells['Jawaban Mandiri'];
}

// ---------------------------------------------------------------------------------------------
// Writes

/** A block of cells to write (values only: formats, notes and dropdowns stay), zero-based. */
export interface BlockWrite {
  sheetId: number;
  row: number;
  column: number;
  cells: PlannedCell[][];
  /** Also set the number format of the cells (dates). */
  withFormat?: boolean;
}

/**
 * Writes of the ROUND_COLUMNS of every row below a tab's table header, one block per run of
 * side-by-side columns (two blocks in the standard layout).
 */
function roundColumnWrites(sheetId: number, layout: UnitTableLayout, lastRow: number, cellFor: (row: number, c: RoundColumn) => PlannedCell): BlockWrite[] {
  const first = layout.headerRow + 1;
  if (lastRow < first) return [];
  const columns = ROUND_COLUMNS.flatMap((c) => (layout.column[c] === undefined ? [] : [{ c, at: layout.column[c] }])).sort((a, b) => a.at - b.at);
  const runs: (typeof columns)[] = [];
  for (const col of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].at + 1 === col.at) run.push(col);
    else runs.push([col]);
  }
  return runs.map((run) => ({
    sheetId,
    row: first,
    column: run[0].at,
    cells: Array.from({ length: lastRow - first + 1 }, (_, i) => run.map(({ c }) => cellFor(first + i, c))),
  }));
}

/** The header block's round label and deadline of a tab. */
function headerWrites(sheetId: number, layout: UnitTableLayout, name: string, deadline: string): BlockWrite[] {
  const out: BlockWrite[] = [];
  const { roundCell: round, deadlineCell: due } = layout;
  if (round) out.push({ sheetId, row: round.row, column: round.column, cells: [[text(name)]] });
  if (due) out.push({ sheetId, row: due.row, column: due.column, cells: [[dateCell(deadline)]], withFormat: true });
  return out;
}

/** The tab's status cells set to `fill` / `verify` (a tab without them is left as it is). */
function statusWrites(sheetId: number, layout: UnitTableLayout, fill: unknown, verify: unknown): BlockWrite[] {
  const { filling, verification } = statusOf(layout);
  const write = (c: LabelledCell | null, value: unknown): BlockWrite[] => (c ? [{ sheetId, row: c.row, column: c.column, cells: [[kept(value)]] }] : []);
  return [...write(filling, fill), ...write(verification, verify)];
}

/** A status as the round closed it: its value, or its start when empty. */
function statusText(c: LabelledCell | null, start: string): string {
  return cellText(c?.value) || start;
}

/** A 'yyyy-mm-dd' date as a date cell ('' = empty). */
export function dateCell(iso: string): PlannedCell {
  const serial = isoToSerial(iso);
  return serial === null ? EMPTY : num(serial, { format: 'date' });
}

// ---------------------------------------------------------------------------------------------
// Starting a round

export interface StartRoundInput {
  lang: Lang;
  /** The round being closed: Pengaturan putaran and batas_waktu. */
  current: { name: string; deadline: string };
  next: { name: string; deadline: string };
  /** 'yyyy-mm-dd': the Ditutup date. */
  closedOn: string;
  /** Every active unit tab as read. */
  tabs: readonly UnitTabReading[];
  categories: CategoryTable;
  aspects: readonly AspectWeight[];
  /** Log Email as read: whether the round's findings went out (the Tahap a unit closes at). */
  ledger: readonly LedgerEntry[];
}

export interface ClosedUnit {
  code: string;
  summary: Summary;
}

export interface StartRoundPlan {
  /** Rows appended to Riwayat, RIWAYAT_HEADERS wide. */
  riwayat: PlannedCell[][];
  /** Rows appended to Arsip Jawaban, HEADERS.arsipJawaban wide: every indicator row of every tab. */
  archive: PlannedCell[][];
  /** Indicator rows holding an answer (Jawaban Mandiri or Jawaban Verifikasi): 0 = the round was never answered. */
  answered: number;
  /** The whole snapshot tab from A1. */
  snapshot: PlannedCell[][];
  /** Unit-tab cells: answers copied to Jawaban Putaran Lalu, the cleared columns, the header block. */
  writes: BlockWrite[];
  /** Every unit's closing summary, in tab order (for Rekap's Skor Putaran Lalu). */
  closed: ClosedUnit[];
}

/** The answers of a closed round, as Riwayat's Jawaban column keeps them (see the file comment). */
export function encodeAnswers(rows: readonly RoundRow[]): string {
  const out: Record<string, string | number> = {};
  for (const r of rows) {
    const answer = effectiveOf(r);
    if (cellText(answer) === '' || Object.prototype.hasOwnProperty.call(out, r.code)) continue;
    out[r.code] = typeof answer === 'number' ? answer : cellText(answer);
  }
  return JSON.stringify(out);
}

function snapshotHead(name: string, deadline: string): PlannedCell[][] {
  const width = SNAPSHOT_HEADERS.length;
  const pad = (cells: PlannedCell[]) => [...cells, ...Array<PlannedCell>(width - cells.length).fill(EMPTY)];
  return [
    pad([text(SNAPSHOT_META_HEADERS[0], { bold: true }), text(name), text(SNAPSHOT_META_HEADERS[1], { bold: true }), dateCell(deadline)]),
    pad([]),
    SNAPSHOT_HEADERS.map((h) => text(h, { bold: true })),
  ];
}

/**
 * Closing the active round and opening the next, as data: one Riwayat row per unit (scored by
 * the domain's summarize, as the tab's custom function scores it), each row's effective answer
 * into Jawaban Putaran Lalu, CLEARED_COLUMNS emptied, the header blocks relabelled, and the
 * snapshot of everything overwritten. Any unreadable tab stops the whole plan.
 */
export function planStartRound(input: StartRoundInput): { ok: true; plan: StartRoundPlan } | { ok: false; problems: Problem[] } {
  const { lang } = input;
  const problems = input.tabs.flatMap((r) => (r.ok ? [] : r.problems));
  const units = input.tabs.flatMap((r) => (r.ok ? [r.value] : []));
  for (const u of units) problems.push(...checkAspectCoverage(u.indicators, input.aspects, lang));
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };

  const plan: StartRoundPlan = {
    riwayat: [],
    archive: [],
    answered: 0,
    snapshot: snapshotHead(input.current.name, input.current.deadline),
    writes: [],
    closed: [],
  };
  for (const u of units) {
    plan.archive.push(...archiveRows(u, input.current.name));
    plan.answered += u.rows.filter((r) => cellText(effectiveOf(r)) !== '').length;
    const summary = summarize(u.indicators, u.answers, input.aspects, input.categories);
    plan.closed.push({ code: u.tab.code, summary });
    const status = statusOf(u.layout);
    const stage = unitStage({ code: u.tab.code, round: input.current.name, status, answers: u.answers, ledger: input.ledger });
    plan.riwayat.push([
      text(input.current.name),
      text(u.tab.code),
      summary.selfScore === null ? EMPTY : num(summary.selfScore, { format: 'decimal' }),
      summary.finalScore === null ? EMPTY : num(summary.finalScore, { format: 'decimal' }),
      text(summary.category),
      summary.findings === null ? EMPTY : num(summary.findings),
      dateCell(input.closedOn),
      text(encodeAnswers(u.rows)),
      text(statusText(status.filling, INITIAL_STATUSES.fill)),
      text(statusText(status.verification, INITIAL_STATUSES.verify)),
      text(stage),
    ]);
    const byRow = new Map(u.rows.map((r) => [r.row, r]));
    for (const r of u.rows) {
      if (ROUND_COLUMNS.every((c) => isEmptyValue(r.cells[c]))) continue;
      plan.snapshot.push([text(u.tab.code), text(r.code), ...ROUND_COLUMNS.map((c) => kept(r.cells[c]))]);
    }
    const lastRow = u.tab.values.length - 1;
    plan.writes.push(
      ...roundColumnWrites(u.tab.sheetId, u.layout, lastRow, (row, c) => {
        const r = byRow.get(row);
        if (!r) return EMPTY;
        return c === 'Jawaban Putaran Lalu' ? kept(effectiveOf(r)) : c === 'Bukti Putaran Lalu' ? kept(r.cells.Bukti) : EMPTY;
      }),
      ...headerWrites(u.tab.sheetId, u.layout, input.next.name, input.next.deadline),
      ...statusWrites(u.tab.sheetId, u.layout, INITIAL_STATUSES.fill, INITIAL_STATUSES.verify),
    );
  }
  return { ok: true, plan };
}

/** A unit's rows for Arsip Jawaban: every indicator row, answered or not, as the round leaves it ('' for a column the tab lacks). */
function archiveRows(u: UnitAnswers, round: string): PlannedCell[][] {
  const columns = ['Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi', 'Catatan Asesor', 'Tindak Lanjut', 'Keterangan Tindak Lanjut'] as const;
  return u.rows.map((r) => [text(round), text(u.tab.code), text(r.code), ...columns.map((c) => kept(r.cells[c]))]);
}

/** Zero-based rows of Arsip Jawaban (values with the header row) archived for `round`, last first. */
export function archivedRows(archive: readonly (readonly unknown[])[], round: string): number[] {
  const at = findColumns(archive[0], ['Putaran'] as const).index.Putaran;
  if (at === undefined) return [];
  const rows: number[] = [];
  archive.forEach((row, i) => {
    if (i > 0 && normKey(row[at]) === normKey(round)) rows.push(i);
  });
  return rows.reverse();
}

/** Problems without repeats (every tab reports the same Aspek coverage problem). */
function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.message)) return false;
    seen.add(p.message);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Rekap: Skor Putaran Lalu

/**
 * Each unit's Skor Akhir in its latest Riwayat row (rows as read, header first, then any rows
 * about to be appended): what Rekap shows as Skor Putaran Lalu. Units without a score map to null.
 */
export function latestScores(riwayat: readonly (readonly unknown[])[]): Map<string, number | null> {
  const { index } = findColumns(riwayat[0], ['Kode Unit', 'Skor Akhir'] as const);
  const out = new Map<string, number | null>();
  if (index['Kode Unit'] === undefined || index['Skor Akhir'] === undefined) return out;
  for (const row of riwayat.slice(1)) {
    const code = normKey(row[index['Kode Unit']]);
    const score = row[index['Skor Akhir']];
    if (code !== '') out.set(code, typeof score === 'number' ? score : null);
  }
  return out;
}

/**
 * The Skor Putaran Lalu column of Rekap (values with the header row) set from `scores`, as one
 * block below the header; rows of units without a closed round keep what they hold. Null when
 * Rekap has no Kode or Skor Putaran Lalu column or no rows.
 */
export function recapScoreWrite(sheetId: number, rekap: readonly (readonly unknown[])[], scores: ReadonlyMap<string, number | null>): BlockWrite | null {
  const { index } = findColumns(rekap[0], ['Kode', 'Skor Putaran Lalu'] as const);
  if (index.Kode === undefined || index['Skor Putaran Lalu'] === undefined || rekap.length < 2) return null;
  const column = index['Skor Putaran Lalu'];
  const cells = rekap.slice(1).map((row) => {
    const code = normKey(row[index.Kode as number]);
    if (!scores.has(code)) return [kept(row[column])];
    const score = scores.get(code);
    return [typeof score === 'number' ? num(score) : EMPTY];
  });
  return { sheetId, row: 1, column, cells };
}

// ---------------------------------------------------------------------------------------------
// Undoing the last round

export interface UndoInput {
  lang: Lang;
  /** The snapshot tab's values from A1 ([] when there is none). */
  snapshot: readonly (readonly unknown[])[];
  /** Riwayat's values with the header row. */
  riwayat: readonly (readonly unknown[])[];
  /** Arsip Jawaban's values with the header row ([] when there is none). */
  archive: readonly (readonly unknown[])[];
  /** Pengaturan putaran: the round being undone. */
  current: string;
  /** Every active unit tab as read. */
  tabs: readonly UnitTabReading[];
}

export interface UndoPlan {
  /** The round that becomes active again, and its deadline. */
  reopened: { name: string; deadline: string };
  writes: BlockWrite[];
  /** Zero-based Riwayat rows of the reopened round, to delete (descending). */
  riwayatRows: number[];
  /** Zero-based Arsip Jawaban rows of the reopened round, to delete (descending). */
  archiveRows: number[];
}

/** The statuses each unit closed `round` at (Riwayat), by Kode (normKey); none for rows written before Riwayat kept them. */
function closedStatuses(riwayat: readonly (readonly unknown[])[], round: string): Map<string, { fill: unknown; verify: unknown }> {
  const { index } = findColumns(riwayat[0], ['Putaran', 'Kode Unit', 'Status Pengisian', 'Status Verifikasi'] as const);
  const out = new Map<string, { fill: unknown; verify: unknown }>();
  const { Putaran: at, 'Kode Unit': code, 'Status Pengisian': fill, 'Status Verifikasi': verify } = index;
  if (at === undefined || code === undefined || fill === undefined || verify === undefined) return out;
  for (const row of riwayat.slice(1)) {
    if (normKey(row[at]) === normKey(round) && cellText(row[fill]) !== '') out.set(normKey(row[code]), { fill: row[fill], verify: row[verify] });
  }
  return out;
}

/** The round the snapshot can reopen, or null when there is none. */
export function snapshotRound(snapshot: readonly (readonly unknown[])[]): { name: string; deadline: string } | null {
  const meta = snapshot[0] ?? [];
  if (cellText(meta[0]) !== SNAPSHOT_META_HEADERS[0] || cellText(meta[1]) === '') return null;
  return { name: cellText(meta[1]), deadline: formatIsoDate(meta[3]) };
}

/**
 * Reopening the round the snapshot kept, as data, while no answer of the new round has been
 * entered (every CLEARED_COLUMNS cell of every unit tab still empty): the snapshot's cells
 * back on each tab (Jawaban Putaran Lalu included, empties where it kept nothing), the header
 * blocks relabelled, and the Riwayat rows of the reopened round removed.
 */
export function planUndoRound(input: UndoInput): { ok: true; plan: UndoPlan } | { ok: false; error: string } {
  const { lang } = input;
  const reopened = snapshotRound(input.snapshot);
  if (!reopened) return { ok: false, error: t(lang, 'round.undo.nothing') };
  const saved = new Map<string, Map<string, readonly unknown[]>>();
  const { index } = findColumns(input.snapshot[SNAPSHOT_TABLE_ROW], SNAPSHOT_HEADERS);
  for (const row of input.snapshot.slice(SNAPSHOT_TABLE_ROW + 1)) {
    const unit = normKey(row[index['Kode Unit'] as number]);
    if (unit === '') continue;
    if (!saved.has(unit)) saved.set(unit, new Map());
    saved.get(unit)?.set(normKey(row[index.Kode as number]), ROUND_COLUMNS.map((c) => row[index[c] as number] ?? ''));
  }
  const units: UnitAnswers[] = [];
  for (const read of input.tabs) {
    if (!read.ok) return { ok: false, error: read.problems[0].message };
    units.push(read.value);
  }
  for (const u of units) {
    for (const r of u.rows) {
      const filled = CLEARED_COLUMNS.find((c) => !isEmptyValue(r.cells[c]));
      if (filled) {
        return { ok: false, error: t(lang, 'round.undo.answered', { name: input.current, tab: u.tab.title, row: r.row + 1, column: filled }) };
      }
    }
  }
  const present = new Set(units.map((u) => normKey(u.tab.code)));
  const lost = [...saved.keys()].find((code) => !present.has(code));
  if (lost !== undefined) return { ok: false, error: t(lang, 'round.undo.tabMissing', { unit: lost.toUpperCase() }) };

  const statuses = closedStatuses(input.riwayat, reopened.name);
  const writes: BlockWrite[] = [];
  for (const u of units) {
    const cells = saved.get(normKey(u.tab.code));
    const status = statuses.get(normKey(u.tab.code));
    const codeAt = new Map(u.rows.map((r) => [r.row, normKey(r.code)]));
    writes.push(
      ...roundColumnWrites(u.tab.sheetId, u.layout, u.tab.values.length - 1, (row, c) => {
        const old = cells?.get(codeAt.get(row) ?? '');
        return old ? kept(old[ROUND_COLUMNS.indexOf(c)]) : EMPTY;
      }),
      ...headerWrites(u.tab.sheetId, u.layout, reopened.name, reopened.deadline),
      ...(status ? statusWrites(u.tab.sheetId, u.layout, status.fill, status.verify) : []),
    );
  }
  return {
    ok: true,
    plan: { reopened, writes, riwayatRows: archivedRows(input.riwayat, reopened.name), archiveRows: archivedRows(input.archive, reopened.name) },
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups and overdue findings

export interface OverdueFinding extends Finding {
  /** The Tindak Lanjut as typed ('' = not filled in). */
  followUp: string;
  /** The Keterangan Tindak Lanjut as typed ('' = none, or a tab without the column). */
  followUpNote: string;
}

/** A follow-up in words: the Tindak Lanjut and, after a dash, its Keterangan ('' when neither is typed). */
export function followUpText(status: unknown, note: unknown): string {
  return [cellText(status), cellText(note)].filter((part) => part !== '').join(' — ');
}

/** True when a Tindak Lanjut closes its finding. */
export function isFollowUpDone(value: unknown): boolean {
  return normKey(value) === FOLLOW_UP_DONE;
}

/**
 * The unit's findings whose deadline (the row's Batas Waktu, else the round's) is before
 * `today` ('yyyy-mm-dd') and whose Tindak Lanjut is not Selesai. A finding without any
 * deadline is never overdue.
 */
export function overdueFindings(unit: UnitAnswers, roundDeadline: string, today: string): OverdueFinding[] {
  const rows = new Map(unit.rows.map((r) => [normKey(r.code), r.cells]));
  return findingsOf(unit.indicators, unit.answers, { deadline: roundDeadline })
    .map((f) => {
      const cells = rows.get(normKey(f.code));
      return { ...f, followUp: cellText(cells?.['Tindak Lanjut']), followUpNote: cellText(cells?.['Keterangan Tindak Lanjut']) };
    })
    .filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f.deadline) && f.deadline < today && !isFollowUpDone(f.followUp));
}

/** Findings whose Tindak Lanjut is not Selesai (open follow-ups), whatever their deadline, with their rows. */
function openFindings(unit: UnitAnswers): { finding: Finding; row: RoundRow | undefined }[] {
  const rows = new Map(unit.rows.map((r) => [normKey(r.code), r]));
  return findingsOf(unit.indicators, unit.answers, { deadline: '' })
    .map((finding) => ({ finding, row: rows.get(normKey(finding.code)) }))
    .filter(({ row }) => !isFollowUpDone(row?.cells['Tindak Lanjut']));
}

/** How many follow-ups are open (see openFindings). */
export function openFollowUps(unit: UnitAnswers): number {
  return openFindings(unit).length;
}

/**
 * The open follow-ups of each readable tab in words, by unit Kode (normKey): one line per open
 * finding whose Tindak Lanjut or Keterangan Tindak Lanjut is typed ("SP-01: Dalam proses —
 * Banner dipasang 12 Mei"); '' for a unit with none (a later reading of a unit replaces an earlier
 * one). Rekap shows them as the note of the count.
 */
export function openFollowUpNotes(tabs: readonly UnitTabReading[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const read of tabs) {
    if (!read.ok) continue;
    const lines = openFindings(read.value).flatMap(({ finding, row }) => {
      const words = row ? followUpText(row.cells['Tindak Lanjut'], row.cells['Keterangan Tindak Lanjut']) : '';
      return words === '' ? [] : [`${finding.code}: ${words}`];
    });
    out.set(normKey(read.value.tab.code), lines.join('\n'));
  }
  return out;
}

/** Open follow-ups of every readable tab, by unit Kode (normKey): what Rekap shows per unit. */
export function openFollowUpsByUnit(tabs: readonly UnitTabReading[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const read of tabs) if (read.ok) out.set(normKey(read.value.tab.code), openFollowUps(read.value));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Progress since the last round (for the findings email)

export interface RoundProgress {
  /** Findings of the last round that are no longer findings. */
  improved: { code: string; text: string }[];
  /** Findings of the last round that are still findings. */
  stillOpen: { code: string; text: string }[];
}

/**
 * What changed since the last round, from Jawaban Putaran Lalu: only indicators that had an
 * answer in the last round count. Null when the tab carries no answer of a last round, or no
 * answer of this one (nothing to compare yet).
 */
export function roundProgress(unit: Pick<UnitAnswers, 'indicators' | 'answers' | 'rows'>): RoundProgress | null {
  const previous: AnswerRow[] = unit.rows
    .filter((r) => cellText(r.cells['Jawaban Putaran Lalu']) !== '')
    .map((r) => ({ code: r.code, self: r.cells['Jawaban Putaran Lalu'], verified: '' }));
  if (previous.length === 0 || !isAssessed(unit.indicators, unit.answers)) return null;
  const answeredBefore = new Set(previous.map((p) => normKey(p.code)));
  const before = findingsOf(unit.indicators, previous, { deadline: '' }).filter((f) => answeredBefore.has(normKey(f.code)));
  const now = new Set(findingsOf(unit.indicators, unit.answers, { deadline: '' }).map((f) => normKey(f.code)));
  const item = (f: Finding) => ({ code: f.code, text: f.text });
  return {
    improved: before.filter((f) => !now.has(normKey(f.code))).map(item),
    stillOpen: before.filter((f) => now.has(normKey(f.code))).map(item),
  };
}
