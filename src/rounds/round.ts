// "Mulai putaran baru" and "Batalkan putaran": the programme as the execution read it (every
// tab involved, src/sheets/programme.ts), the decisions of src/domain/rounds.ts, then ONE
// Sheets API batchUpdate, which is atomic: if any request fails, nothing of the round change happens.
// A new round first writes the closing round's Arsip Jawaban rows, in as many calls as the 2 MB
// ceiling needs, each row keyed so that running the change again never archives it twice
// (archiveWrites); the change itself is then that one atomic call.
import { t } from '../domain/i18n';
import type { LedgerEntry } from '../domain/ledger';
import { EMPTY, plannedValue, text, type PlannedCell } from '../domain/plan/cells';
import { systemProtection } from '../domain/plan/unit-tabs';
import {
  RIWAYAT_HEADERS,
  SNAPSHOT_HEADERS,
  SNAPSHOT_META_HEADERS,
  SNAPSHOT_TAB,
  closedRounds,
  dateCell,
  latestScores,
  planStartRound,
  planUndoRound,
  recapScoreWrite,
  validateRoundInput,
  type BlockWrite,
} from '../domain/rounds';
import { HEADERS, TABS, findColumns } from '../domain/tables';
import { cellText, normKey } from '../domain/text';
import type { AspectWeight, CategoryTable, Parsed, Problem, Settings } from '../domain/types';
import type { UnitTabReading } from '../domain/unit-tab';
import { applyRequests, firstFreeSheetId, type SheetInfo } from '../sheets/api';
import { errorText, failure, type ActionContext, type Failure } from '../sheets/context';
import { needSetup, type Programme, type ReadSpec, type TabValues } from '../sheets/programme';
import { addProtection, addSheet, appendDimension, cellData, deleteSheet, updateCells, type Request } from '../sheets/requests';
import { ledgerOf } from '../mail/journal';

export interface StartRoundResult {
  ok: true;
  /** The round that was closed and the one now active. */
  closed: string;
  name: string;
  deadline: string;
  units: number;
  message: string;
}

/** A round with no answer at all is closed only when asked again with `force` (the panel's confirmation, the CLI's --force). */
export interface EmptyRoundRefusal extends Failure {
  emptyRound: true;
}

export interface UndoRoundResult {
  ok: true;
  /** The round undone and the round active again. */
  undone: string;
  name: string;
  message: string;
}

/** What a round change reads besides the programme: Riwayat, Rekap, the undo snapshot, Arsip Jawaban, Log Email (the stage a unit closes at) and every active unit tab. */
export const ROUND_READ: ReadSpec = { tabs: [TABS.riwayat, TABS.rekap, SNAPSHOT_TAB, TABS.arsipJawaban, TABS.logEmail], unitTabs: 'active' };

/** What a round change works on, from the programme the execution read. */
interface RoundRead {
  ok: true;
  timeZone: string;
  settings: Settings;
  pengaturan: TabValues;
  riwayat: TabValues;
  rekap: TabValues;
  snapshot: TabValues | null;
  archive: TabValues | null;
  categories: Parsed<CategoryTable>;
  aspects: Parsed<AspectWeight[]>;
  tabs: UnitTabReading[];
  ledger: LedgerEntry[];
  sheets: SheetInfo[];
}

const SYSTEM = [TABS.pengaturan, TABS.kategori, TABS.aspek, TABS.riwayat, TABS.rekap] as const;

/** The snapshot tab is ours only when it starts with our marker: a user's tab of that name is never touched. */
function isSnapshot(rows: readonly (readonly unknown[])[]): boolean {
  return cellText(rows[0]?.[0]) === SNAPSHOT_META_HEADERS[0];
}

function readRound(ctx: ActionContext, programme: Programme): RoundRead | Failure {
  const unready = needSetup(programme, SYSTEM);
  if (unready) return unready;
  const [pengaturan, riwayat, rekap] = [TABS.pengaturan, TABS.riwayat, TABS.rekap].map((title) => programme.tab(title) as TabValues);
  const { settings } = programme;
  if (!settings.ok) return failure(ctx.lang, 'core.fixFirst', {}, settings.problems);
  return {
    ok: true,
    timeZone: programme.timeZone,
    settings: settings.value,
    pengaturan,
    riwayat,
    rekap,
    snapshot: programme.tab(SNAPSHOT_TAB) ?? null,
    archive: programme.tab(TABS.arsipJawaban) ?? null,
    categories: programme.categories,
    aspects: programme.aspects,
    tabs: programme.unitTabs.map((tab) => tab.reading),
    ledger: ledgerOf(programme),
    sheets: programme.sheets,
  };
}

/**
 * A block of values (no formats, notes or dropdowns touched, except number formats when asked),
 * over its range: compacted like every write (a cleared column goes as its range alone).
 */
export function writeRequest(w: BlockWrite): Request {
  const cell = (c: PlannedCell): GoogleAppsScript.Sheets.Schema.CellData => {
    const data = cellData(c);
    return w.withFormat ? { userEnteredValue: data.userEnteredValue, userEnteredFormat: data.userEnteredFormat } : { userEnteredValue: data.userEnteredValue };
  };
  const { range } = updateCells(w.sheetId, w.row, w.column, w.cells).updateCells ?? {};
  return {
    updateCells: {
      range,
      rows: w.cells.map((r) => ({ values: r.map(cell) })),
      fields: w.withFormat ? 'userEnteredValue,userEnteredFormat.numberFormat' : 'userEnteredValue',
    },
  };
}

export interface SettingValue {
  key: string;
  cell: PlannedCell;
  /** Also set the cell's number format (dates). */
  withFormat?: boolean;
}

/** Pengaturan values: each key's Nilai cell, or a new row after the last one for a key not there yet. */
export function settingWrites(sheet: SheetInfo, rows: readonly (readonly unknown[])[], values: readonly SettingValue[]): { requests: Request[]; writes: BlockWrite[] } {
  const { index } = findColumns(rows[0], ['Kunci', 'Nilai'] as const);
  const keyAt = index.Kunci ?? 0;
  const valueAt = index.Nilai ?? 1;
  let next = rows.length;
  const writes: BlockWrite[] = [];
  for (const { key, cell, withFormat } of values) {
    const row = rows.findIndex((r, i) => i > 0 && normKey(r[keyAt]) === key);
    if (row > 0) writes.push({ sheetId: sheet.sheetId, row, column: valueAt, cells: [[cell]], withFormat });
    else {
      writes.push({ sheetId: sheet.sheetId, row: next, column: keyAt, cells: [[text(key)]] });
      writes.push({ sheetId: sheet.sheetId, row: next, column: valueAt, cells: [[cell]], withFormat });
      next++;
    }
  }
  const requests = next > sheet.rowCount ? [appendDimension(sheet.sheetId, 'ROWS', next - sheet.rowCount)] : [];
  return { requests, writes };
}

/** Pengaturan putaran and batas_waktu of the round a change makes active. */
function roundSettingWrites(read: RoundRead, name: string, deadline: string): { requests: Request[]; writes: BlockWrite[] } {
  return settingWrites(read.pengaturan.sheet, read.pengaturan.rows, [
    { key: 'putaran', cell: text(name) },
    { key: 'batas_waktu', cell: dateCell(deadline), withFormat: true },
  ]);
}

/**
 * Where rows `headers` wide go in a history tab: each cell under its header wherever the tab has
 * it, with the headers it lacks added after its last one (`requests`, with the columns it needs).
 */
function historyColumns(tab: TabValues, headers: readonly string[]): { requests: Request[]; placed: (cells: PlannedCell[]) => PlannedCell[] } {
  const { sheet, rows: existing } = tab;
  const header = existing[0] ?? [];
  const { index } = findColumns(header, headers);
  let free = header.reduce<number>((last, cell, i) => (cellText(cell) !== '' ? i + 1 : last), 0);
  const columnOf = headers.map((h) => index[h] ?? free++);
  const width = Math.max(...columnOf) + 1;
  const requests: Request[] = [];
  if (width > sheet.columnCount) requests.push(appendDimension(sheet.sheetId, 'COLUMNS', width - sheet.columnCount));
  headers.forEach((h, i) => {
    if (index[h] === undefined) requests.push(updateCells(sheet.sheetId, 0, columnOf[i], [[text(h, { bold: true })]]));
  });
  const placed = (cells: PlannedCell[]): PlannedCell[] => {
    const out = Array<PlannedCell>(width).fill(EMPTY);
    cells.forEach((c, i) => (out[columnOf[i]] = c));
    return out;
  };
  return { requests, placed };
}

/** Where `count` rows appended after a history tab's last row start, and the rows its grid needs for them. */
function rowsToAppend(tab: TabValues, count: number): { first: number; requests: Request[] } {
  const first = Math.max(1, tab.rows.length);
  const { sheet } = tab;
  return { first, requests: first + count > sheet.rowCount ? [appendDimension(sheet.sheetId, 'ROWS', first + count - sheet.rowCount)] : [] };
}

/** `rows` (`headers` wide) appended after the last row of a history tab (historyColumns). */
function appendRequests(tab: TabValues, headers: readonly string[], rows: PlannedCell[][]): Request[] {
  const columns = historyColumns(tab, headers);
  const { first, requests } = rowsToAppend(tab, rows.length);
  return [...requests, ...columns.requests, ...(rows.length > 0 ? [updateCells(tab.sheet.sheetId, first, 0, rows.map(columns.placed))] : [])];
}

/** Each Arsip Jawaban row's key: its round, unit and indicator Kode, and which row of that unit and Kode it is (in order). */
function archiveKeys(rows: readonly (readonly unknown[])[]): string[] {
  const seen = new Map<string, number>();
  return rows.map(([round, unit, code]) => {
    const base = JSON.stringify([normKey(round), normKey(unit), normKey(code)]);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}#${occurrence}`;
  });
}

/** The round's Arsip Jawaban rows, written before the round change itself (see startNewRoundIn). */
interface ArchiveWrite {
  /** The tab's set-up first, then one group per unit: the calls that carry them never split a unit. */
  groups: Request[][];
  /** Zero-based rows of the round already in Arsip Jawaban that the plan no longer holds, last first. */
  stray: number[];
}

/** `rows` split into runs of consecutive rows of one unit (planStartRound writes them unit by unit), by their Kode Unit. */
function unitRuns(rows: readonly PlannedCell[][]): PlannedCell[][][] {
  const runs: PlannedCell[][][] = [];
  rows.forEach((row, i) => {
    if (i > 0 && cellText(plannedValue(row[1])) === cellText(plannedValue(rows[i - 1][1]))) runs[runs.length - 1].push(row);
    else runs.push([row]);
  });
  return runs;
}

/**
 * Arsip Jawaban's rows of the round being closed, keyed by round, unit and indicator Kode
 * (archiveKeys): a row already there (from a round change stopped after writing some of them) is
 * written again in place, the others are appended, so running the change again never archives a
 * row twice. The tab is created (header frozen, admins only) the first time.
 */
function archiveWrites(read: RoundRead, ctx: ActionContext, round: string, rows: PlannedCell[][], sheetId: number): ArchiveWrite {
  const headers = HEADERS.arsipJawaban;
  const runs = unitRuns(rows);
  if (!read.archive) {
    let next = 1;
    const header = [addSheet(sheetId, TABS.arsipJawaban, rows.length + 1, headers.length, 1), updateCells(sheetId, 0, 0, [headers.map((h) => text(h, { bold: true }))]), addProtection(sheetId, systemProtection(ctx.admins))];
    return { groups: [header, ...runs.map((run) => [updateCells(sheetId, (next += run.length) - run.length, 0, run)])], stray: [] };
  }
  const tab = read.archive;
  const { index } = findColumns(tab.rows[0], ['Putaran', 'Kode Unit', 'Kode'] as const);
  const keyCells = (row: readonly unknown[]) => [index.Putaran, index['Kode Unit'], index.Kode].map((c) => (c === undefined ? '' : row[c]));
  const existingKeys = archiveKeys(tab.rows.map((row, i) => (i === 0 ? [] : keyCells(row))));
  const existing = new Map(existingKeys.flatMap((key, i) => (i > 0 && normKey(keyCells(tab.rows[i])[0]) === normKey(round) ? [[key, i] as const] : [])));
  const plannedKeys = archiveKeys(rows.map((row) => row.slice(0, 3).map(plannedValue)));
  const columns = historyColumns(tab, headers);
  const grow = rowsToAppend(tab, plannedKeys.filter((key) => !existing.has(key)).length);
  let next = grow.first;
  let k = 0;
  const unitGroups = runs.map((run) => {
    // One request per block of rows that land one under the other.
    const blocks: { at: number; rows: PlannedCell[][] }[] = [];
    for (const row of run) {
      const at = existing.get(plannedKeys[k++]) ?? next++;
      const last = blocks[blocks.length - 1];
      if (last && last.at + last.rows.length === at) last.rows.push(columns.placed(row));
      else blocks.push({ at, rows: [columns.placed(row)] });
    }
    return blocks.map((block) => updateCells(tab.sheet.sheetId, block.at, 0, block.rows));
  });
  const planned = new Set(plannedKeys);
  const stray = [...existing].flatMap(([key, row]) => (planned.has(key) ? [] : [row])).sort((a, b) => b - a);
  return { groups: [[...grow.requests, ...columns.requests], ...unitGroups], stray };
}

/** Deletes zero-based rows (given last first), one request per run of adjacent rows. */
function deleteRowsRequests(sheetId: number, descending: readonly number[]): Request[] {
  const requests: Request[] = [];
  let i = 0;
  while (i < descending.length) {
    let j = i;
    while (j + 1 < descending.length && descending[j + 1] === descending[j] - 1) j++;
    requests.push({ deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: descending[j], endIndex: descending[i] + 1 } } });
    i = j + 1;
  }
  return requests;
}

/** Replaces the snapshot tab (hidden, editable by the admins only) with `rows`. */
function snapshotRequests(read: RoundRead, ctx: ActionContext, rows: PlannedCell[][]): Request[] {
  const sheetId = firstFreeSheetId(read.sheets);
  return [
    // A user's own tab of that name is never deleted (startNewRoundIn refuses it before any write).
    ...(read.snapshot && isSnapshot(read.snapshot.rows) ? [deleteSheet(read.snapshot.sheet.sheetId)] : []),
    {
      addSheet: {
        properties: {
          sheetId,
          title: SNAPSHOT_TAB,
          hidden: true,
          gridProperties: { rowCount: Math.max(1, rows.length), columnCount: SNAPSHOT_HEADERS.length },
        },
      },
    },
    updateCells(sheetId, 0, 0, rows),
    addProtection(sheetId, systemProtection(ctx.admins)),
  ];
}

/** Rekap's Skor Putaran Lalu: each unit's Skor Akhir in its latest Riwayat row, once the change is made. */
function recapRequests(read: RoundRead, scores: ReadonlyMap<string, number | null>): Request[] {
  const write = recapScoreWrite(read.rekap.sheet.sheetId, read.rekap.rows, scores);
  return write ? [writeRequest(write)] : [];
}

function problemsFailure(ctx: ActionContext, problems: Problem[]): Failure {
  return failure(ctx.lang, 'core.fixFirst', {}, problems);
}

/**
 * Closes the active round and starts `input` in one batchUpdate (see the file comment).
 * `today` is the Ditutup date, 'yyyy-mm-dd' in the spreadsheet's time zone.
 */
export function startNewRoundIn(
  ctx: ActionContext,
  programme: Programme,
  input: { name?: unknown; deadline?: unknown; force?: unknown } | undefined,
  today: (timeZone: string) => string,
): StartRoundResult | EmptyRoundRefusal | Failure {
  const read = readRound(ctx, programme);
  if (!read.ok) return read;
  const current = read.settings.putaran;
  if (current === '') return { ok: false, error: t(ctx.lang, 'round.current.empty') };
  const checked = validateRoundInput(input, current, closedRounds(read.riwayat.rows), ctx.lang);
  if (!checked.ok) return checked;
  if (read.tabs.length === 0) return { ok: false, error: t(ctx.lang, 'round.noUnits') };
  const { categories, aspects } = read;
  if (!categories.ok || !aspects.ok) return problemsFailure(ctx, [...(categories.ok ? [] : categories.problems), ...(aspects.ok ? [] : aspects.problems)]);
  const planned = planStartRound({
    lang: ctx.lang,
    current: { name: current, deadline: read.settings.batasWaktu },
    next: { name: checked.name, deadline: checked.deadline },
    closedOn: today(read.timeZone),
    tabs: read.tabs,
    categories: categories.value,
    aspects: aspects.value,
    ledger: read.ledger,
  });
  if (!planned.ok) return problemsFailure(ctx, planned.problems);
  const { plan } = planned;
  if (plan.answered === 0 && input?.force !== true) return { ok: false, emptyRound: true, error: t(ctx.lang, 'round.empty', { name: current }) };
  // A user's own tab of the snapshot's name is never replaced: refused before anything is written.
  if (read.snapshot && !isSnapshot(read.snapshot.rows)) {
    return { ok: false, error: t(ctx.lang, 'round.failed', { reason: t(ctx.lang, 'round.snapshotTab', { tab: read.snapshot.sheet.title }) }) };
  }
  const settings = roundSettingWrites(read, checked.name, checked.deadline);
  const scores = latestScores(read.riwayat.rows);
  for (const c of plan.closed) scores.set(normKey(c.code), c.summary.finalScore);
  const requests: Request[] = [
    ...settings.requests,
    ...appendRequests(read.riwayat, RIWAYAT_HEADERS, plan.riwayat),
    ...snapshotRequests(read, ctx, plan.snapshot),
    ...[...plan.writes, ...settings.writes].map(writeRequest),
    ...recapRequests(read, scores),
  ];
  // The archive goes first, in calls of at most MAX_BODY_BYTES each (a round's answers outgrow one
  // call past a few hundred units); the change itself then goes in one atomic call.
  const archive = archiveWrites(read, ctx, current, plan.archive, firstFreeSheetId(read.sheets) + 1);
  let written = 0;
  try {
    applyRequests(ctx.spreadsheetId, archive.groups, () => written++);
    // Rows of the round that an earlier, stopped change archived and the plan no longer holds (a unit deactivated since).
    applyRequests(ctx.spreadsheetId, [[...requests, ...(read.archive ? deleteRowsRequests(read.archive.sheet.sheetId, archive.stray) : [])]]);
  } catch (e) {
    const reason = errorText(e);
    return { ok: false, error: written === 0 ? t(ctx.lang, 'round.failed', { reason }) : t(ctx.lang, 'round.failed.archived', { name: current, reason }) };
  }
  return {
    ok: true,
    closed: current,
    name: checked.name,
    deadline: checked.deadline,
    units: plan.closed.length,
    message: t(ctx.lang, 'round.started', { name: checked.name, previous: current, units: plan.closed.length }),
  };
}

/**
 * Reopens the round the snapshot kept, while no answer of the new round has been entered:
 * the overwritten cells back, Pengaturan and the header blocks relabelled, its Riwayat and
 * Arsip Jawaban rows removed and the snapshot deleted, in one batchUpdate.
 */
export function undoRoundIn(ctx: ActionContext, programme: Programme): UndoRoundResult | Failure {
  const read = readRound(ctx, programme);
  if (!read.ok) return read;
  const snapshotRows = read.snapshot && isSnapshot(read.snapshot.rows) ? read.snapshot.rows : [];
  const planned = planUndoRound({
    lang: ctx.lang,
    snapshot: snapshotRows,
    riwayat: read.riwayat.rows,
    archive: read.archive?.rows ?? [],
    current: read.settings.putaran,
    tabs: read.tabs,
  });
  if (!planned.ok) return planned;
  const { plan } = planned;
  const settings = roundSettingWrites(read, plan.reopened.name, plan.reopened.deadline);
  const removed = new Set(plan.riwayatRows);
  const requests: Request[] = [
    ...settings.requests,
    ...[...plan.writes, ...settings.writes].map(writeRequest),
    ...recapRequests(read, latestScores(read.riwayat.rows.filter((_, i) => !removed.has(i)))),
    // Descending rows: each deletion leaves the rows still to delete where they were.
    ...deleteRowsRequests(read.riwayat.sheet.sheetId, plan.riwayatRows),
    ...(read.archive ? deleteRowsRequests(read.archive.sheet.sheetId, plan.archiveRows) : []),
    ...(read.snapshot ? [deleteSheet(read.snapshot.sheet.sheetId)] : []),
  ];
  try {
    applyRequests(ctx.spreadsheetId, [requests]);
  } catch (e) {
    return { ok: false, error: t(ctx.lang, 'round.undo.failed', { reason: errorText(e) }) };
  }
  const undone = read.settings.putaran;
  return { ok: true, undone, name: plan.reopened.name, message: t(ctx.lang, 'round.undo.done', { name: undone, previous: plan.reopened.name }) };
}
