// The durable journal of a workbook file: FILE.xlsx.journal beside it. Sheets keeps every write a
// script has sent; an .xlsx is written only when a command ends. So that a command killed half-way
// loses no more than Sheets would (above all no Log Email row written before a message left),
// every change the script makes is appended to the journal, and fsync'd, at each point Apps
// Script would have sent it: a read, SpreadsheetApp.flush(), a structural change, a Sheets API
// call, the end of an execution, a user's own edit. The next load replays it onto the model
// (withWorkbook, local/workbook-file.ts); a verified save merges it; a command that ends without
// saving takes its own records back.
//
// One line per commit, a JSON array of operations in the order they happened: the cells of each
// block the editor rewrote (as they are right after), rows or columns inserted or deleted,
// sheets added (at their place) or removed, then whatever else changed since the last commit: a
// sheet's frame (everything but its cells), compared only after a call that may change one, and
// the workbook's own fields. The first line names the bytes of the file the journal applies to
// (SHA-256): a journal is never replayed onto a file changed elsewhere. A last line cut short by
// a crash is left out.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { WorkbookEditor, type Dimension, type EditObserver } from './model/editor';
import type { CellData, SheetModel, WorkbookModel } from './model/types';
import type { MetricsSink, ServiceCall } from './services/context';

const VERSION = 1;
const BOOK_KEYS = ['title', 'locale', 'timeZone', 'owner', 'editors', 'documentProperties', 'mailQuota', 'triggers', 'nextId'] as const;
type BookKey = (typeof BOOK_KEYS)[number];

type Op =
  | ['cells', number, number, number, number, (CellData | null)[][]]
  | ['dimension', number, Dimension, number, number]
  | ['addSheet', SheetModel, number]
  | ['removeSheet', number]
  | ['frame', number, Omit<SheetModel, 'rows'>]
  | ['book', BookKey, unknown];

export const journalPath = (file: string) => `${file}.journal`;
/** The journal while a save merges it: moved aside, so that a crash once the new file is in place never replays it. */
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

/** Makes the creation, renaming or removal of a file in the directory of `path` durable. */
export function syncDirectory(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeFile(path: string): void {
  if (!existsSync(path)) return;
  unlinkSync(path);
  syncDirectory(path);
}

const digestOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const frameOf = ({ rows: _rows, ...frame }: SheetModel) => JSON.stringify(frame);
const bookOf = (workbook: WorkbookModel, key: BookKey) => JSON.stringify(workbook[key] ?? null);

/** Calls after which a sheet's frame may differ: any change but a value written into a range. */
const mayChangeFrames = (call: ServiceCall) => ['write', 'buffered', 'structural'].includes(call.kind) && !(call.service === 'Range' && call.method.startsWith('setValue'));
/** Calls at which Apps Script has sent what the script wrote before them; a Sheets API call is sent at once. */
const sendsWrites = (call: ServiceCall) => call.kind === 'read' || call.kind === 'structural' || call.method === 'flush' || call.service.startsWith('Sheets');

/**
 * Calls that change the document properties: Apps Script stores a property when the call returns
 * (docs/PLATFORM.md, Properties), so the journal makes the store durable there, before anything
 * else the script does next (a mail sent, a process killed). The service records them after the change.
 */
const storesProperties = (call: ServiceCall) => call.service === 'Properties' && call.method !== 'getProperty';

/** Applies the records of a journal to a workbook just loaded (no engine follows it yet). */
function replay(workbook: WorkbookModel, records: readonly Op[][]): void {
  const editor = new WorkbookEditor(workbook);
  for (const op of records.flat()) {
    if (op[0] === 'cells') {
      const [, id, top, left, width, cells] = op;
      editor.updateCells(editor.sheet(id), top, left, cells.length, width, (_, r, c) => cells[r - top][c - left] ?? undefined, true);
    } else if (op[0] === 'dimension') {
      const [, id, dimension, start, count] = op;
      if (count > 0) editor.insertDimension(editor.sheet(id), dimension, start, count);
      else editor.deleteDimension(editor.sheet(id), dimension, start, start - count);
    } else if (op[0] === 'addSheet') workbook.sheets.splice(op[2], 0, op[1]);
    else if (op[0] === 'removeSheet') workbook.sheets = workbook.sheets.filter((s) => s.sheetId !== op[1]);
    else if (op[0] === 'frame') {
      const at = workbook.sheets.indexOf(editor.sheet(op[1]));
      workbook.sheets[at] = { ...op[2], rows: workbook.sheets[at].rows };
    } else if (op[2] === null) delete (workbook as unknown as Record<string, unknown>)[op[1]];
    else (workbook as unknown as Record<string, unknown>)[op[1]] = op[2];
  }
}

/** The journal of a workbook loaded from a file: hears the editor and the runtime's service calls, appends at each commit point. */
export class Journal implements EditObserver {
  /** Why the journal could not be written (disk full …): from then on nothing is recorded. */
  failure?: NodeJS.ErrnoException;
  private ops: string[] = [];
  private framesMayDiffer = false;
  private readonly frames = new Map<number, string>();
  private readonly book = new Map<BookKey, string>();
  private fd: number | undefined;
  /** Merged into a save, or taken back: nothing more is recorded. */
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly workbook: WorkbookModel,
    /** Bytes of the journal replayed at the load (0: there was none): what a command that does not save leaves. */
    private readonly loaded: number,
  ) {
    for (const sheet of workbook.sheets) this.frames.set(sheet.sheetId, frameOf(sheet));
    for (const key of BOOK_KEYS) this.book.set(key, bookOf(workbook, key));
  }

  cellsUpdated(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const cells = Array.from({ length: height }, (_, i) => {
      const row = Array.from({ length: width }, (_, j) => sheet.rows[top + i]?.[left + j] ?? null);
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
    this.push(['cells', sheet.sheetId, top, left, width, cells]);
  }

  dimensionChanged(sheet: SheetModel, dimension: Dimension, start: number, count: number): void {
    this.push(['dimension', sheet.sheetId, dimension, start, count]);
  }

  sheetAdded(sheet: SheetModel): void {
    this.frames.set(sheet.sheetId, frameOf(sheet));
    this.push(['addSheet', { ...sheet, rows: [] }, this.workbook.sheets.indexOf(sheet)]);
    this.cellsUpdated(sheet, 0, 0, sheet.rows.length, sheet.columnCount);
  }

  sheetRemoved(sheet: SheetModel): void {
    this.push(['removeSheet', sheet.sheetId]);
  }

  /** The runtime's metrics sink with the journal listening: a commit point the journal cannot write fails the script's call. */
  watch(sink: MetricsSink): MetricsSink {
    return {
      record: (call) => {
        sink.record(call);
        this.framesMayDiffer ||= mayChangeFrames(call);
        if (sendsWrites(call) && !this.commit()) throw this.failure;
        if (storesProperties(call) && !this.commitProperties()) throw this.failure;
      },
    };
  }

  /** Appends and fsyncs one line of everything changed since the last commit; false once the journal cannot be written. */
  commit(): boolean {
    if (this.closed) return true;
    if (this.failure) return false;
    if (this.framesMayDiffer) {
      for (const sheet of this.workbook.sheets) {
        const frame = frameOf(sheet);
        if (this.frames.get(sheet.sheetId) !== frame) this.ops.push(`["frame",${sheet.sheetId},${frame}]`);
        this.frames.set(sheet.sheetId, frame);
      }
      this.framesMayDiffer = false;
    }
    for (const key of BOOK_KEYS) this.bookChange(key, this.ops);
    const ops = this.ops;
    this.ops = [];
    return this.append(ops);
  }

  /**
   * Appends and fsyncs the document properties alone, if they changed: cells written before them
   * stay for the next commit point, as Apps Script keeps them buffered. False once the journal cannot be written.
   */
  commitProperties(): boolean {
    if (this.closed) return true;
    if (this.failure) return false;
    const ops: string[] = [];
    this.bookChange('documentProperties', ops);
    return this.append(ops);
  }

  private bookChange(key: BookKey, ops: string[]): void {
    const value = bookOf(this.workbook, key);
    if (this.book.get(key) !== value) ops.push(`["book","${key}",${value}]`);
    this.book.set(key, value);
  }

  /** Appends one line of `ops` and fsyncs it; false (and nothing more is recorded) when it cannot be written. */
  private append(ops: readonly string[]): boolean {
    if (ops.length === 0) return true;
    let line = `[${ops.join(',')}]\n`;
    try {
      if (this.fd === undefined) {
        // A journal replayed at the load goes on; a new one starts with its header, written whole or not at all.
        const header = this.loaded > 0 ? '' : `${JSON.stringify({ pendamping: 'journal', version: VERSION, base: digestOf(this.file) })}\n`;
        this.fd = openSync(journalPath(this.file), this.loaded > 0 ? 'a' : 'wx');
        if (header) syncDirectory(this.file);
        line = header + line;
      }
      writeFileSync(this.fd, line);
      fsyncSync(this.fd);
    } catch (error) {
      this.failure = error as NodeJS.ErrnoException;
      return false;
    }
    return true;
  }

  /** Before a save: everything committed, then the journal moved aside. */
  moveAside(): void {
    this.commit();
    this.close();
    if (!existsSync(journalPath(this.file))) return;
    renameSync(journalPath(this.file), mergingPath(this.file));
    syncDirectory(this.file);
  }

  /** A command that ends without saving: its own records go, what was replayed at the load stays. */
  rollback(): void {
    this.close();
    if (this.loaded > 0) truncateSync(journalPath(this.file), this.loaded);
    else removeFile(journalPath(this.file));
  }

  private push(op: Op): void {
    this.ops.push(JSON.stringify(op));
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.closed = true;
  }
}

/**
 * The records of the journal at `path` for `file` and the bytes they fill; 'changed' when it
 * belongs to another version of the file; undefined when it holds no whole line (cut short while
 * its header was written: then it is removed).
 */
function readJournal(file: string, path: string): { records: Op[][]; length: number } | 'changed' | undefined {
  const text = readFileSync(path, 'utf8');
  // What follows the last newline is a line cut short (or nothing).
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  if (whole === '') {
    removeFile(path);
    return undefined;
  }
  let lines: unknown[];
  try {
    lines = whole.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
  } catch {
    throw new JournalConflictError(file, path, 'damaged');
  }
  const [header, ...records] = lines as [{ pendamping?: string; version?: number; base?: string } | null, ...Op[][]];
  if (header?.pendamping !== 'journal' || header.version !== VERSION) throw new JournalConflictError(file, path, 'damaged');
  if (header.base !== digestOf(file)) return 'changed';
  return { records, length: Buffer.byteLength(whole) };
}

const journals = new WeakMap<WorkbookModel, Journal>();

/** The journal of a workbook loaded from a file (the runtime records into it). */
export function journalOf(workbook: WorkbookModel): Journal | undefined {
  return journals.get(workbook);
}

/**
 * Replays the journal left beside `file` (by a command that ended without saving) onto the
 * workbook just loaded from it, and attaches a journal that goes on from there. A journal moved
 * aside by a save is merged already when the file changed since, else it is taken back.
 */
export function openJournal(file: string, workbook: WorkbookModel): Journal {
  const path = journalPath(file);
  const merging = mergingPath(file);
  if (existsSync(merging)) {
    if (existsSync(path) || readJournal(file, merging) === 'changed') removeFile(merging);
    else renameSync(merging, path);
  }
  const found = existsSync(path) ? readJournal(file, path) : undefined;
  if (found === 'changed') throw new JournalConflictError(file, path, 'changed');
  if (found) {
    replay(workbook, found.records);
    // Only whole lines stay, so that what is appended next starts a line of its own.
    truncateSync(path, found.length);
  }
  const journal = new Journal(file, workbook, found?.length ?? 0);
  journals.set(workbook, journal);
  return journal;
}

/**
 * Saves `file` with `save`, merging its journal: moved aside first, back if the save fails, gone
 * once it succeeded (as is a journal left beside a file that a new workbook replaced).
 */
export async function saveJournaled(file: string, journal: Journal | undefined, save: () => Promise<void>): Promise<void> {
  journal?.moveAside();
  try {
    await save();
  } catch (error) {
    if (existsSync(mergingPath(file))) renameSync(mergingPath(file), journalPath(file));
    throw error;
  }
  removeFile(mergingPath(file));
  removeFile(journalPath(file));
}
