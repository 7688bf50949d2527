// The durable journal of a workbook file: `FILE.xlsx.journal` beside it. Sheets persists every
// write a script has sent; an .xlsx is only written when a command ends. So that a command
// killed half-way loses no more than Sheets would (above all no Log Email row written before a
// message left), every change the script makes is appended to the journal, and fsync'd, at
// each point where Apps Script would have sent it to the server: a read or SpreadsheetApp.flush(),
// a structural change, a Sheets API call, the end of an execution, a user's own edit. The next
// load of the workbook replays the journal onto the model; a successful save merges it (the
// journal is removed once the new file is in place).
//
// What is recorded, in the order it happens: the cells of every block the editor rewrites (as
// they are right after), rows/columns inserted, deleted or appended, sheets added (whole) or
// removed; and at each commit, whatever else changed since the last one: a sheet's frame (its
// title, size, protections, validations, formats, metadata, charts …) and the workbook's own
// state (document properties, the mail quota window, triggers, metadata, sheet order …). A
// sheet's frame is compared only when a call since the last commit may have changed one (any
// spreadsheet call other than a read, a value write or a formula write), as comparing 500 tabs'
// frames costs tens of milliseconds.
//
// One record per line (JSON); the first line names the file the journal applies to (SHA-256
// of its bytes). A last line cut short by a crash is ignored. A journal whose file changed
// since (edited elsewhere) is never replayed onto it: that is an error to resolve by hand.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { WorkbookEditor, type Dimension, type EditObserver } from './model/editor';
import type { CellData, SheetModel, WorkbookModel } from './model/types';
import type { MetricsSink, ServiceCall } from './services/context';

const VERSION = 1;

interface Header {
  pendamping: 'journal';
  version: number;
  /** Hex SHA-256 of the workbook file the records apply to. */
  base: string;
}

type Op =
  | ['cells', number, number, number, (CellData | null)[][]]
  | ['dimension', number, Dimension, number, number, boolean]
  | ['addSheet', number, SheetModel]
  | ['removeSheet', number];

interface JournalRecord {
  ops: Op[];
  /** Sheet frames (everything but the cells) that changed, by sheet id. */
  frames: Record<string, Omit<SheetModel, 'rows'>>;
  /** Workbook fields that changed (null: the field is absent). */
  book: Partial<Record<BookKey, unknown>>;
}

const BOOK_KEYS = ['title', 'locale', 'timeZone', 'owner', 'editors', 'developerMetadata', 'documentProperties', 'mailQuota', 'triggers', 'nextId', 'order'] as const;
type BookKey = (typeof BOOK_KEYS)[number];

/** The journal of `file`, and its file while a save merges it. */
export const journalPath = (file: string) => `${file}.journal`;
const mergingPath = (file: string) => `${journalPath(file)}.merging`;

/** A journal that cannot be replayed onto its workbook: the file changed since, or the journal is damaged. */
export class JournalConflictError extends Error {
  constructor(
    readonly file: string,
    readonly journal: string,
    readonly reason: 'changed' | 'damaged',
  ) {
    super(`${basename(journal)} cannot be replayed onto ${basename(file)} (${reason})`);
    this.name = 'JournalConflictError';
  }
}

function digestOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function syncDirectory(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const frameOf = (sheet: SheetModel): string => {
  const { rows, ...frame } = sheet;
  void rows;
  return JSON.stringify(frame);
};

function bookValue(workbook: WorkbookModel, key: BookKey): unknown {
  if (key === 'order') return workbook.sheets.map((s) => s.sheetId);
  return workbook[key] ?? null;
}

/** Calls after which a sheet's frame may differ: spreadsheet calls that change something beyond values and formulas. */
const SPREADSHEET_SERVICE = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|DeveloperMetadata|Sheets)(\.|$)/;
const CONTENT_ONLY = /^(Range\.(setValues?|setFormulas?)|Sheets\.Spreadsheets\.Values\..*)$/;
const mayChangeFrames = (call: ServiceCall) =>
  (call.kind === 'write' || call.kind === 'buffered' || call.kind === 'structural') && SPREADSHEET_SERVICE.test(call.service) && !CONTENT_ONLY.test(`${call.service}.${call.method}`);
/** Calls at which Apps Script has sent what the script wrote before them (a read, flush, a structural change), and every Sheets API call. */
const sendsWrites = (call: ServiceCall) =>
  call.kind === 'read' || call.kind === 'structural' || (call.service === 'SpreadsheetApp' && call.method === 'flush') || /^Sheets(\.|$)/.test(call.service);

/** Applies the records to a model that has no listener yet (a workbook just loaded). */
function replay(workbook: WorkbookModel, records: readonly JournalRecord[]): void {
  const editor = new WorkbookEditor(workbook);
  const sheet = (id: number) => editor.sheet(id);
  for (const record of records) {
    for (const op of record.ops) {
      switch (op[0]) {
        case 'cells': {
          const [, id, top, left, cells] = op;
          const width = Math.max(0, ...cells.map((row) => row.length));
          editor.updateCells(sheet(id), top, left, cells.length, width, (_, r, c) => cells[r - top][c - left] ?? undefined, true);
          break;
        }
        case 'dimension': {
          const [, id, dimension, start, count, append] = op;
          if (append) editor.appendDimension(sheet(id), dimension, count);
          else if (count > 0) editor.insertDimension(sheet(id), dimension, start, count);
          else editor.deleteDimension(sheet(id), dimension, start, start - count);
          break;
        }
        case 'addSheet':
          workbook.sheets.push(op[2]);
          break;
        case 'removeSheet':
          workbook.sheets = workbook.sheets.filter((s) => s.sheetId !== op[1]);
          break;
      }
    }
    for (const [id, frame] of Object.entries(record.frames)) {
      const target = sheet(Number(id)) as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) if (key !== 'rows' && !(key in frame)) delete target[key];
      Object.assign(target, frame);
    }
    for (const [key, value] of Object.entries(record.book) as [BookKey, unknown][]) {
      if (key === 'order') {
        const at = new Map((value as number[]).map((id, i) => [id, i]));
        workbook.sheets.sort((a, b) => (at.get(a.sheetId) ?? 0) - (at.get(b.sheetId) ?? 0));
      } else if (value === null) delete (workbook as unknown as Record<string, unknown>)[key];
      else (workbook as unknown as Record<string, unknown>)[key] = value;
    }
  }
}

/**
 * The journal of one loaded workbook: observes the editor and the service calls of the
 * runtime working on it, and appends a record at each commit point.
 */
export class Journal implements EditObserver {
  private ops: string[] = [];
  private framesMayDiffer = false;
  private frames = new Map<number, string>();
  private book = new Map<BookKey, string>();
  private fd: number | undefined;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly workbook: WorkbookModel,
    /** An open journal being continued (its records already replayed), else created at the first commit. */
    existing?: number,
  ) {
    this.fd = existing;
    for (const sheet of workbook.sheets) this.frames.set(sheet.sheetId, frameOf(sheet));
    for (const key of BOOK_KEYS) this.book.set(key, JSON.stringify(bookValue(workbook, key)));
  }

  // --- EditObserver ---------------------------------------------------------------------------

  cellsUpdated(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const cells: (CellData | null)[][] = [];
    for (let r = top; r < top + height; r += 1) {
      const row = sheet.rows[r];
      const out: (CellData | null)[] = [];
      for (let c = left; c < left + width; c += 1) out.push(row?.[c] ?? null);
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      cells.push(out);
    }
    this.push(['cells', sheet.sheetId, top, left, cells]);
  }

  dimensionChanged(sheet: SheetModel, dimension: Dimension, start: number, count: number, append = false): void {
    this.push(['dimension', sheet.sheetId, dimension, start, count, append]);
  }

  sheetAdded(sheet: SheetModel): void {
    this.framesMayDiffer = true;
    this.push(['addSheet', sheet.sheetId, sheet]);
  }

  sheetRemoved(sheet: SheetModel): void {
    this.frames.delete(sheet.sheetId);
    this.push(['removeSheet', sheet.sheetId]);
  }

  // --- commit points --------------------------------------------------------------------------

  /** The runtime's metrics sink with this journal listening: commits where Apps Script sends writes. */
  watch(sink: MetricsSink): MetricsSink {
    return {
      record: (call) => {
        sink.record(call);
        if (mayChangeFrames(call)) this.framesMayDiffer = true;
        if (sendsWrites(call)) this.commit();
      },
    };
  }

  /** Appends and fsyncs one record of everything changed since the last commit (nothing when nothing did). */
  commit(): void {
    if (this.closed) return;
    const frames: string[] = [];
    if (this.framesMayDiffer) {
      for (const sheet of this.workbook.sheets) {
        const frame = frameOf(sheet);
        if (this.frames.get(sheet.sheetId) === frame) continue;
        this.frames.set(sheet.sheetId, frame);
        frames.push(`${JSON.stringify(String(sheet.sheetId))}:${frame}`);
      }
      this.framesMayDiffer = false;
    }
    const book: string[] = [];
    for (const key of BOOK_KEYS) {
      const value = JSON.stringify(bookValue(this.workbook, key));
      if (this.book.get(key) === value) continue;
      this.book.set(key, value);
      book.push(`${JSON.stringify(key)}:${value}`);
    }
    if (this.ops.length === 0 && frames.length === 0 && book.length === 0) return;
    const line = `{"ops":[${this.ops.join(',')}],"frames":{${frames.join(',')}},"book":{${book.join(',')}}}\n`;
    this.ops = [];
    this.append(line);
  }

  // --- merging into a save --------------------------------------------------------------------

  /** Before the save: the journal is moved aside, so that a crash after the new file is in place never replays it. */
  beginMerge(): void {
    this.commit();
    this.close();
    if (existsSync(journalPath(this.file))) {
      renameSync(journalPath(this.file), mergingPath(this.file));
      syncDirectory(this.file);
    }
  }

  /** After a save that failed: the journal is back, for the next load. */
  abortMerge(): void {
    if (existsSync(mergingPath(this.file))) renameSync(mergingPath(this.file), journalPath(this.file));
  }

  /** After a successful save: the file holds everything, the journal goes. */
  endMerge(): void {
    removeFile(mergingPath(this.file));
  }

  private push(op: Op): void {
    this.ops.push(JSON.stringify(op));
  }

  private append(line: string): void {
    if (this.fd === undefined) {
      const header: Header = { pendamping: 'journal', version: VERSION, base: digestOf(this.file) };
      this.fd = openSync(journalPath(this.file), 'wx');
      writeSync(this.fd, `${JSON.stringify(header)}\n`);
      fsyncSync(this.fd);
      syncDirectory(this.file);
    }
    writeSync(this.fd, line);
    fsyncSync(this.fd);
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.closed = true;
  }
}

function removeFile(path: string): void {
  if (!existsSync(path)) return;
  unlinkSync(path);
  syncDirectory(path);
}

/** The journals of the workbooks loaded from a file, found by the runtime that works on them. */
const journals = new WeakMap<WorkbookModel, Journal>();

/** The journal of a loaded workbook, if it came from a file. */
export function journalOf(workbook: WorkbookModel): Journal | undefined {
  return journals.get(workbook);
}

/**
 * Replays the journal left beside `file` (by a command that ended without saving) onto the
 * workbook just loaded from it, and attaches a journal that goes on from there. A journal
 * already merged by a save that was cut short is removed.
 */
export function openJournal(file: string, workbook: WorkbookModel): WorkbookModel {
  const path = journalPath(file);
  const merging = mergingPath(file);
  if (existsSync(merging)) {
    // Moved aside by a save: merged when the file changed since, else the save never happened.
    if (existsSync(path) || readJournal(file, merging) === 'changed') removeFile(merging);
    else renameSync(merging, path);
  }
  let fd: number | undefined;
  const found = existsSync(path) ? readJournal(file, path) : 'none';
  if (found === 'changed') throw new JournalConflictError(file, path, 'changed');
  if (typeof found === 'object') {
    replay(workbook, found.records);
    // Keep only whole lines, so that what is appended next starts on a line of its own.
    if (found.cut) truncateSync(path, found.length);
    fd = openSync(path, 'a');
  }
  journals.set(workbook, new Journal(file, workbook, fd));
  return workbook;
}

/**
 * The records of the journal at `path` for `file`; 'changed' when it belongs to another version
 * of the file; 'none' when it holds nothing (cut short while it was being created: then removed).
 */
function readJournal(file: string, path: string): { records: JournalRecord[]; length: number; cut: boolean } | 'changed' | 'none' {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  // The text after the last newline is a line cut short (or nothing).
  lines.pop();
  let header: Header | undefined;
  try {
    header = JSON.parse(lines[0] ?? '') as Header;
  } catch {
    header = undefined;
  }
  if (header?.pendamping !== 'journal' || header.version !== VERSION) {
    // A record is only ever written after a whole header: without one, nothing was recorded.
    if (lines.length <= 1) {
      removeFile(path);
      return 'none';
    }
    throw new JournalConflictError(file, path, 'damaged');
  }
  if (header.base !== digestOf(file)) return 'changed';
  const records: JournalRecord[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      try {
        records.push(JSON.parse(line) as JournalRecord);
      } catch {
        // Only the last line may be cut short (a crash while it was written).
        if (i < lines.length - 1) throw new JournalConflictError(file, path, 'damaged');
        break;
      }
    }
    length += Buffer.byteLength(line) + 1;
  }
  return { records, length, cut: length !== Buffer.byteLength(text) };
}

/**
 * Saves the workbook with `save` and merges its journal: moved aside first, removed once the
 * save succeeded, put back if it failed. A workbook that was not loaded from `file` (a new one,
 * or one replacing it) makes any journal left beside `file` meaningless: it is removed.
 */
export async function saveJournaled(workbook: WorkbookModel, file: string, save: () => Promise<void>): Promise<void> {
  const journal = journals.get(workbook);
  if (journal === undefined) {
    await save();
    removeFile(mergingPath(file));
    removeFile(journalPath(file));
    return;
  }
  journal.beginMerge();
  try {
    await save();
  } catch (error) {
    journal.abortMerge();
    throw error;
  }
  journal.endMerge();
  journals.delete(workbook);
}
