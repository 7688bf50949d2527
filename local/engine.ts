// The formula engine of the local runtime: HyperFormula computes every formula of the workbook,
// kept in step with the model by WorkbookEditor (it is the editor's listener). Computed values are
// written back into the model (CellData.value, the cached result), so readers read the model.
//
// Sheets behaviour it reproduces beyond HyperFormula: sheet references follow renames and
// resolve when a sheet of that name appears later; custom functions (Apps Script functions from
// the bundle) receive arguments as Apps Script gives them and a 2-D result SPILLS right/down
// from the formula cell, '#REF!' when content blocks it.
//
// Recalculation follows Sheets: a batch of writes (one Range.setValues, one Sheets API
// batchUpdate, Apps Script's buffer of single-cell writes until the next read) is recalculated
// once, at its end, so a custom-function cell depending on it is evaluated once per batch, not
// once per cell written. `batch(op)` suspends HyperFormula's evaluation around `op`; with
// `bufferWrites`, `defer()` suspends it until the next `flush()`.
import {
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  ExportedCellChange,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type ExportedChange,
  type ImplementedFunctions,
  type RawCellContent,
} from 'hyperformula';
import { WorkbookEditor, type Dimension, type ModelListener } from './model/editor';
import { mapOutsideStrings, rewriteSheetRefs, topLevelCallName } from './model/formula-text';
import type { CellData, Scalar, SheetModel, WorkbookModel } from './model/types';
import {
  columnLetters,
  dateToSerial,
  hasContent,
  isDateFormat,
  isDateValue,
  quoteSheetName,
  serialToEpochMs,
  sheetById,
  sheetByTitle,
} from './model/workbook';

/** The bundle's custom functions, as the runtime exposes them to the engine. */
export interface CustomFunctionHost {
  names: string[];
  /**
   * Calls the custom function for the formula cell `cell` (`sheetId:row:column`, zero-based); a
   * thrown error shows as '#ERROR!' with its message.
   */
  invoke(name: string, args: unknown[], cell: string): unknown;
}

export interface FormulaEngineOptions {
  customFunctions?: CustomFunctionHost;
  /** Constructors of the bundle's realm: arguments handed to custom functions are built with them. */
  realm?: { Date: DateConstructor; Array: ArrayConstructor };
  /**
   * Apps Script's write buffer: writes made after `defer()` are recalculated at the next `flush()`
   * (the runtime defers single-cell writes and flushes before every read and at the end of an
   * execution). Without it `defer()` does nothing and every write is recalculated at once.
   */
  bufferWrites?: boolean;
}

/** Rows an open-ended range ('A8:A') reaches: HyperFormula's grid height. */
const OPEN_RANGE_LAST_ROW = 40_000;
const MAX_SPILL_ROUNDS = 100;
/** No undo history: the runtime never undoes, and keeping it costs time and memory. */
const HF_CONFIG = { licenseKey: 'gpl-v3', undoLimit: 0 };
/** Sheets accepts TRUE and FALSE as literals; HyperFormula knows them only as functions. */
const HF_NAMES = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** Error codes as Sheets shows them (a circular reference is '#REF!' in Sheets). */
const ERROR_CODES: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.CYCLE]: '#REF!',
  [ErrorType.ERROR]: '#ERROR!',
  [ErrorType.LIC]: '#ERROR!',
  [ErrorType.SPILL]: '#REF!',
};

const hfSheetName = (sheetId: number) => `__s${sheetId}`;
const HF_SHEET = /^__s(\d+)$/;
const UNRESOLVED_MARK = "'__unresolved'";
const UNRESOLVED_REFERENCE = /'__unresolved'!(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/g;

interface CustomResult {
  name: string;
  matrix: (Scalar | undefined)[][];
}

/** A block written while evaluation was suspended: its formula cells take their values when it resumes. */
interface WrittenBlock {
  sheetId: number;
  top: number;
  left: number;
  height: number;
  width: number;
}

/** The engine whose HyperFormula operation is running: custom function calls are routed to it. */
let activeEngine: FormulaEngine | undefined;

interface AstLike {
  type: string;
  reference?: { toSimpleCellAddress(base: HfAddress): HfAddress };
}
interface ProcedureLike {
  procedureName: string;
  args: AstLike[];
}
interface StateLike {
  formulaAddress: HfAddress;
}
interface HfWrite {
  address: HfAddress;
  content: RawCellContent | RawCellContent[][];
}
interface HfAddress {
  sheet: number;
  row: number;
  col: number;
}

class CustomFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  callCustom(ast: ProcedureLike, state: StateLike): unknown {
    const engine = activeEngine;
    if (!engine) return new CellError(ErrorType.NAME, `Unknown function: '${ast.procedureName}'.`);
    const args = ast.args.map((arg) => {
      if (arg.type === 'EMPTY') return undefined;
      const value: unknown = this.evaluateAst(arg as never, state as never);
      const address = arg.type === 'CELL_REFERENCE' && arg.reference ? arg.reference.toSimpleCellAddress(state.formulaAddress) : undefined;
      return engine.toScriptArgument(value, address);
    });
    return engine.invokeCustom(ast.procedureName, args, state.formulaAddress);
  }
}

function withActiveEngine<T>(engine: FormulaEngine, op: () => T): T {
  const previous = activeEngine;
  activeEngine = engine;
  try {
    return op();
  } finally {
    activeEngine = previous;
  }
}

function registerCustomName(name: string): boolean {
  const id = name.toUpperCase();
  if (CustomFunctionPlugin.implementedFunctions[id]) return true;
  if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) return false;
  CustomFunctionPlugin.implementedFunctions[id] = { method: 'callCustom' };
  HyperFormula.registerFunction(id, CustomFunctionPlugin, { enGB: { [id]: id } });
  return true;
}

/** A quick test before parsing: may the formula name the sheet (an apostrophe is doubled in a quoted name)? */
function mayNameSheet(formula: string, title: string): boolean {
  const text = formula.toLowerCase();
  const name = title.toLowerCase();
  return text.includes(name) || (name.includes("'") && text.includes(name.replace(/'/g, "''")));
}

const key = (sheetId: number, row: number, column: number) => `${sheetId}:${row}:${column}`;
function parseKey(k: string): [number, number, number] {
  const [s, r, c] = k.split(':').map(Number);
  return [s, r, c];
}

export class FormulaEngine implements ModelListener {
  readonly hf: HyperFormula;
  /** The editor every façade mutates the workbook through: the engine follows its changes. */
  readonly editor: WorkbookEditor;
  /** How many times a custom function was invoked (each is one server call in Sheets). */
  customFunctionEvaluations = 0;

  private readonly hfIds = new Map<number, number>();
  private readonly modelIds = new Map<number, number>();
  private readonly customNames = new Map<string, string>();
  private readonly host?: CustomFunctionHost;
  private readonly realm: { Date: DateConstructor; Array: ArrayConstructor };
  private readonly bufferWrites: boolean;
  /** Last result of each custom-function formula cell, by cell key. */
  private readonly results = new Map<string, CustomResult>();
  /** The keys of `results`, by sheet id (a write looks only at its own sheet's owners). */
  private readonly ownersBySheet = new Map<number, Set<string>>();
  /** Where each owner's result currently spills (height × width from the owner). */
  private readonly spills = new Map<string, { height: number; width: number }>();
  private readonly pendingOwners = new Set<string>();
  /** Formula cells naming a sheet that does not exist (yet). */
  private readonly unresolved = new Set<string>();
  /** batch() calls in progress. */
  private batchDepth = 0;
  /** Buffered writes wait for the next flush(). */
  private deferred = false;
  private readonly written: WrittenBlock[] = [];

  constructor(
    readonly workbook: WorkbookModel,
    options: FormulaEngineOptions = {},
  ) {
    this.host = options.customFunctions;
    this.realm = options.realm ?? { Date, Array };
    this.bufferWrites = options.bufferWrites === true;
    for (const name of this.host?.names ?? []) {
      if (registerCustomName(name)) this.customNames.set(name.toUpperCase(), name);
    }
    this.editor = new WorkbookEditor(workbook, this);
    // HyperFormula numbers sheets in the order they are given: the maps are known before the first evaluation.
    const sheets: Record<string, RawCellContent[][]> = {};
    workbook.sheets.forEach((sheet, index) => {
      sheets[hfSheetName(sheet.sheetId)] = this.sheetContent(sheet);
      this.hfIds.set(sheet.sheetId, index);
      this.modelIds.set(index, sheet.sheetId);
    });
    this.hf = withActiveEngine(this, () => HyperFormula.buildFromSheets(sheets, HF_CONFIG, HF_NAMES));
    workbook.sheets.forEach((sheet) => {
      if (this.hf.getSheetId(hfSheetName(sheet.sheetId)) !== this.hfIds.get(sheet.sheetId)) throw new Error('HyperFormula numbered the sheets unexpectedly');
    });
    this.syncAllFormulaValues();
    this.settleSpills();
  }

  /** The computed value of a cell ('' never: an empty cell is undefined). */
  getValue(sheetId: number, row: number, column: number): Scalar | undefined {
    this.flush();
    return sheetById(this.workbook, sheetId)?.rows[row]?.[column]?.value;
  }

  /** The message of a cell's error value, if it holds one. */
  getError(sheetId: number, row: number, column: number): string | undefined {
    this.flush();
    return sheetById(this.workbook, sheetId)?.rows[row]?.[column]?.error;
  }

  /**
   * Runs `op` (any number of model changes) as one batch: HyperFormula's evaluation is suspended
   * while it runs and every formula depending on what changed is recomputed once at its end.
   * Nested batches join the outer one.
   */
  batch<T>(op: () => T): T {
    this.suspend();
    this.batchDepth += 1;
    try {
      return op();
    } finally {
      this.batchDepth -= 1;
      this.resumeIfDone();
    }
  }

  /** Apps Script buffers a single-cell write: recalculation waits for the next flush() (with `bufferWrites`). */
  defer(): void {
    if (!this.bufferWrites) return;
    this.suspend();
    this.deferred = true;
  }

  /** Recalculates what buffered writes changed (a read, SpreadsheetApp.flush(), the end of an execution). */
  flush(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.resumeIfDone();
  }

  /** Recomputes everything from scratch (custom functions included), as a full recalculation in Sheets. */
  recalculate(): void {
    this.flush();
    this.run(() => {
      this.hf.rebuildAndRecalculate();
      return [];
    });
    this.syncAllFormulaValues();
    this.settleSpills();
  }

  // --- ModelListener -------------------------------------------------------------------------

  contentChanged(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const hfSheet = this.hfId(sheet.sheetId);
    const block: RawCellContent[][] = [];
    for (let r = top; r < top + height; r += 1) {
      const row: RawCellContent[] = [];
      for (let c = left; c < left + width; c += 1) {
        const cell = sheet.rows[r]?.[c];
        row.push(this.toHfContent(sheet, r, c, cell));
        const k = key(sheet.sheetId, r, c);
        if (!cell?.formula || !this.customNames.has(topLevelCallName(cell.formula) ?? '')) {
          if (this.dropResult(k) || this.spills.has(k)) this.pendingOwners.add(k);
        }
      }
      block.push(row);
    }
    this.markOwnersTouching(sheet, top, left, height, width);
    this.run(() => this.hf.setCellContents({ sheet: hfSheet, row: top, col: left }, block));
    if (this.suspended) {
      this.written.push({ sheetId: sheet.sheetId, top, left, height, width });
      return;
    }
    this.storeWrittenValues(sheet, top, left, height, width);
    this.settleSpills();
  }

  /** The values of the formula cells of a written block (the changes HyperFormula reports leave out unchanged ones). */
  private storeWrittenValues(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const hfSheet = this.hfId(sheet.sheetId);
    for (let r = top; r < Math.min(top + height, sheet.rows.length); r += 1) {
      const line = sheet.rows[r];
      if (!line) continue;
      for (let c = left; c < Math.min(left + width, line.length); c += 1) {
        const cell = line[c];
        if (cell?.formula) this.storeValue(cell, this.hf.getCellValue({ sheet: hfSheet, row: r, col: c }));
      }
    }
  }

  sheetAdded(sheet: SheetModel): void {
    this.hfBatch(() => {
      const name = this.hf.addSheet(hfSheetName(sheet.sheetId));
      const id = this.hf.getSheetId(name) as number;
      this.hfIds.set(sheet.sheetId, id);
      this.modelIds.set(id, sheet.sheetId);
      this.hf.setSheetContent(id, this.sheetContent(sheet));
    });
    // A sheet added during a batch (a copy of a sheet with formulas) gets its values when the batch ends.
    if (this.suspended) this.written.push({ sheetId: sheet.sheetId, top: 0, left: 0, height: sheet.rows.length, width: sheet.columnCount });
    this.rebind();
  }

  sheetRemoved(sheet: SheetModel): void {
    const hfSheet = this.hfId(sheet.sheetId);
    this.forgetSheet(sheet.sheetId);
    this.run(() => this.hf.removeSheet(hfSheet));
    this.hfIds.delete(sheet.sheetId);
    this.modelIds.delete(hfSheet);
    // Formulas naming the deleted sheet keep their text and show #REF! until a sheet of that name exists again.
    this.forEachFormula((s, r, c, cell) => {
      if (mayNameSheet(cell.formula as string, sheet.title)) this.unresolved.add(key(s.sheetId, r, c));
    });
  }

  sheetRenamed(sheet: SheetModel, oldTitle: string): void {
    const old = oldTitle.toLowerCase();
    const written = quoteSheetName(sheet.title);
    this.forEachFormula((s, r, c, cell) => {
      const formula = cell.formula as string;
      if (!mayNameSheet(formula, oldTitle)) return;
      cell.formula = rewriteSheetRefs(formula, (name) => (name.toLowerCase() === old ? written : undefined));
      this.editor.observer?.cellsUpdated(s, r, c, 1, 1);
    });
    this.rebind();
  }

  dimensionChanged(sheet: SheetModel, dimension: Dimension, start: number, count: number): void {
    const hfSheet = this.hfId(sheet.sheetId);
    this.run(() => {
      if (dimension === 'ROWS') return count > 0 ? this.hf.addRows(hfSheet, [start, count]) : this.hf.removeRows(hfSheet, [start, -count]);
      return count > 0 ? this.hf.addColumns(hfSheet, [start, count]) : this.hf.removeColumns(hfSheet, [start, -count]);
    });
    // References moved with the rows/columns: take the adjusted texts back from HyperFormula.
    this.forEachFormula((s, r, c, cell) => {
      const formula = cell.formula as string;
      if (s !== sheet && !mayNameSheet(formula, sheet.title)) return;
      // Text naming a missing sheet is kept as written: HyperFormula only holds #REF! for it.
      if (this.unresolved.has(key(s.sheetId, r, c))) return;
      const hfText = this.hf.getCellFormula({ sheet: this.hfId(s.sheetId), row: r, col: c });
      if (hfText === undefined || hfText === this.toHfFormula(formula)) return;
      cell.formula = this.fromHfFormula(hfText);
      this.editor.observer?.cellsUpdated(s, r, c, 1, 1);
    });
    this.resetSheetSpills(sheet);
  }

  // --- custom functions ----------------------------------------------------------------------

  /** Converts an evaluated argument to what Apps Script hands a custom function. */
  toScriptArgument(value: unknown, address: HfAddress | undefined): unknown {
    if (value instanceof SimpleRangeValue) {
      const start = value.range?.start;
      const sheet = start ? this.modelSheet(start.sheet) : undefined;
      const rows = value.data.map((row, i) =>
        this.realm.Array.from(row, (v, j) => this.scriptScalar(v, sheet && start ? sheet.rows[start.row + i]?.[start.col + j] : undefined)),
      );
      return this.realm.Array.from(rows);
    }
    const sheet = address ? this.modelSheet(address.sheet) : undefined;
    return this.scriptScalar(value, sheet && address ? sheet.rows[address.row]?.[address.col] : undefined);
  }

  invokeCustom(procedureName: string, args: unknown[], at: HfAddress): unknown {
    const name = this.customNames.get(procedureName.toUpperCase());
    if (!name || !this.host) return new CellError(ErrorType.NAME, `Unknown function: '${procedureName}'.`);
    this.customFunctionEvaluations += 1;
    const owner = key(this.modelIds.get(at.sheet) as number, at.row, at.col);
    let result: unknown;
    try {
      result = this.host.invoke(name, args, owner);
    } catch (e) {
      return new CellError(ErrorType.ERROR, e instanceof Object && 'message' in e ? String(e.message) : String(e));
    }
    const matrix = this.toMatrix(result);
    this.setResult(owner, { name: procedureName.toUpperCase(), matrix });
    this.pendingOwners.add(owner);
    const first = matrix[0]?.[0];
    return first === undefined ? EmptyValue : first;
  }

  private scriptScalar(value: unknown, cell: CellData | undefined): unknown {
    if (value === EmptyValue || value === null || value === undefined) return '';
    if (value instanceof CellError) return ERROR_CODES[value.type];
    const raw = typeof value === 'object' && 'val' in value ? (value as { val: number }).val : value;
    if (typeof raw === 'number' && isDateFormat(cell?.format?.numberFormat)) return new this.realm.Date(serialToEpochMs(raw, this.workbook.timeZone));
    return raw;
  }

  private toMatrix(result: unknown): (Scalar | undefined)[][] {
    const scalar = (v: unknown): Scalar | undefined => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      if (isDateValue(v)) return dateToSerial(v, this.workbook.timeZone);
      return String(v);
    };
    if (!Array.isArray(result)) return [[scalar(result)]];
    if (result.length === 0) return [[undefined]];
    // A one-dimensional array fills a column, as Apps Script shows it. Array.from makes host-realm
    // arrays of the bundle's (vm-realm) ones: HyperFormula checks rows with instanceof Array.
    const rows = Array.from(result as unknown[], (row) => (Array.isArray(row) ? Array.from(row as unknown[], scalar) : [scalar(row)]));
    const width = Math.max(1, ...rows.map((r) => r.length));
    return rows.map((r) => (r.length < width ? [...r, ...new Array<undefined>(width - r.length)] : r));
  }

  // --- spills --------------------------------------------------------------------------------

  private setResult(owner: string, result: CustomResult): void {
    this.results.set(owner, result);
    const sheetId = parseKey(owner)[0];
    const owners = this.ownersBySheet.get(sheetId) ?? new Set<string>();
    owners.add(owner);
    this.ownersBySheet.set(sheetId, owners);
  }

  /** Forgets an owner's last result; true when it had one. */
  private dropResult(owner: string): boolean {
    if (!this.results.delete(owner)) return false;
    this.ownersBySheet.get(parseKey(owner)[0])?.delete(owner);
    return true;
  }

  /** Forgets the custom-function results, spill extents and unresolved formulas of a sheet. */
  private forgetSheet(sheetId: number): void {
    for (const k of [...this.results.keys(), ...this.spills.keys(), ...this.unresolved]) {
      if (parseKey(k)[0] !== sheetId) continue;
      this.dropResult(k);
      this.spills.delete(k);
      this.unresolved.delete(k);
    }
    this.ownersBySheet.delete(sheetId);
  }

  private markOwnersTouching(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    for (const k of this.ownersBySheet.get(sheet.sheetId) ?? []) {
      const result = this.results.get(k) as CustomResult;
      const [, r, c] = parseKey(k);
      const h = result.matrix.length;
      const w = result.matrix[0].length;
      const extent = this.spills.get(k);
      const reach = { h: Math.max(h, extent?.height ?? 0), w: Math.max(w, extent?.width ?? 0) };
      if (r < top + height && top < r + reach.h && c < left + width && left < c + reach.w) this.pendingOwners.add(k);
    }
  }

  /** Places the spills of owners whose result or surroundings changed, until nothing moves. */
  private settleSpills(): void {
    // Values cannot be read while evaluation is suspended: the spills settle when it resumes.
    if (this.suspended) return;
    for (let round = 0; this.pendingOwners.size > 0 && round < MAX_SPILL_ROUNDS; round += 1) {
      const owners = [...this.pendingOwners];
      this.pendingOwners.clear();
      const writes: HfWrite[] = [];
      for (const owner of owners) this.placeSpill(owner, writes);
      if (writes.length > 0) this.hfBatch(() => writes.forEach((w) => this.hf.setCellContents(w.address, w.content)));
    }
  }

  private placeSpill(owner: string, writes: HfWrite[]): void {
    const [sheetId, row, column] = parseKey(owner);
    const sheet = sheetById(this.workbook, sheetId);
    if (!sheet) return;
    const hfSheet = this.hfId(sheetId);
    const ownerCell = sheet.rows[row]?.[column];
    const result = this.results.get(owner);
    const spills = result && ownerCell?.formula && topLevelCallName(ownerCell.formula) === result.name && (result.matrix.length > 1 || result.matrix[0].length > 1);
    const matrix = spills ? result.matrix : undefined;
    const old = this.spills.get(owner);
    const ownedBy = (cell: CellData | undefined) => cell?.spilledFrom?.row === row && cell.spilledFrom.column === column;
    // Clear the old spill area.
    if (old) {
      for (let i = 0; i < old.height; i += 1) {
        for (let j = 0; j < old.width; j += 1) {
          if (i === 0 && j === 0) continue;
          const cell = sheet.rows[row + i]?.[column + j];
          if (!ownedBy(cell)) continue;
          this.clearSpillCell(sheet, row + i, column + j);
          writes.push({ address: { sheet: hfSheet, row: row + i, col: column + j }, content: null });
        }
      }
      this.spills.delete(owner);
    }
    if (!matrix || !ownerCell) return;
    const blocker = this.findBlocker(sheet, row, column, matrix);
    if (blocker) {
      ownerCell.value = '#REF!';
      ownerCell.error = blocker;
      return;
    }
    this.storeValue(ownerCell, this.hf.getCellValue({ sheet: hfSheet, row, col: column }));
    for (let i = 0; i < matrix.length; i += 1) {
      for (let j = 0; j < matrix[i].length; j += 1) {
        if (i === 0 && j === 0) continue;
        const value = matrix[i][j];
        const target = sheet.rows[row + i] ?? (sheet.rows[row + i] = []);
        const next: CellData = { ...target[column + j], spilledFrom: { row, column } };
        if (value === undefined) delete next.value;
        else next.value = value;
        target[column + j] = next;
      }
    }
    // Two block writes: the rest of the owner's row, then the rows below.
    const literals = matrix.map((line) => line.map((v) => this.literal(v)));
    if (literals[0].length > 1) writes.push({ address: { sheet: hfSheet, row, col: column + 1 }, content: [literals[0].slice(1)] });
    if (literals.length > 1) writes.push({ address: { sheet: hfSheet, row: row + 1, col: column }, content: literals.slice(1) });
    this.spills.set(owner, { height: matrix.length, width: matrix[0].length });
  }

  /** Sheets' message when an array result cannot expand, or undefined when it can. */
  private findBlocker(sheet: SheetModel, row: number, column: number, matrix: unknown[][]): string | undefined {
    const height = matrix.length;
    const width = matrix[0].length;
    if (row + height > sheet.rowCount) return `Result was not automatically expanded, please insert more rows (${row + height - sheet.rowCount}).`;
    if (column + width > sheet.columnCount) return `Result was not automatically expanded, please insert more columns (${column + width - sheet.columnCount}).`;
    for (let i = 0; i < height; i += 1) {
      for (let j = 0; j < width; j += 1) {
        if (i === 0 && j === 0) continue;
        const cell = sheet.rows[row + i]?.[column + j];
        const foreignSpill = cell?.spilledFrom && (cell.spilledFrom.row !== row || cell.spilledFrom.column !== column) && cell.value !== undefined;
        if (hasContent(cell) || foreignSpill) {
          return `Array result was not expanded because it would overwrite data in ${columnLetters(column + j)}${row + i + 1}.`;
        }
      }
    }
    return undefined;
  }

  private clearSpillCell(sheet: SheetModel, row: number, column: number): void {
    const cell = sheet.rows[row]?.[column];
    if (!cell) return;
    delete cell.spilledFrom;
    delete cell.value;
    if (Object.keys(cell).length === 0) sheet.rows[row][column] = undefined;
  }

  /** After rows/columns moved on a sheet, spill positions are stale: clear them and recompute the sheet's custom cells. */
  private resetSheetSpills(sheet: SheetModel): void {
    const hfSheet = this.hfId(sheet.sheetId);
    const clears: HfAddress[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.spilledFrom) {
          this.clearSpillCell(sheet, r, c);
          clears.push({ sheet: hfSheet, row: r, col: c });
        }
      }),
    );
    this.forgetSheet(sheet.sheetId);
    const owners: HfWrite[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula && this.customNames.has(topLevelCallName(cell.formula) ?? '')) {
          owners.push({ address: { sheet: hfSheet, row: r, col: c }, content: this.toHfContent(sheet, r, c, cell) });
        }
      }),
    );
    this.hfBatch(() => {
      clears.forEach((a) => this.hf.setCellContents(a, null));
      owners.forEach((o) => this.hf.setCellContents(o.address, o.content));
    });
    this.settleSpills();
  }

  // --- HyperFormula plumbing -----------------------------------------------------------------

  private run(op: () => ExportedChange[]): void {
    this.applyChanges(withActiveEngine(this, op));
  }

  private get suspended(): boolean {
    return this.batchDepth > 0 || this.deferred;
  }

  private suspend(): void {
    if (!this.suspended) this.hf.suspendEvaluation();
  }

  /** Ends the suspension once no batch runs and no buffered write waits: one recalculation of everything changed. */
  private resumeIfDone(): void {
    if (this.suspended) return;
    this.run(() => this.hf.resumeEvaluation());
    for (const block of this.written.splice(0)) {
      const sheet = sheetById(this.workbook, block.sheetId);
      if (sheet) this.storeWrittenValues(sheet, block.top, block.left, block.height, block.width);
    }
    this.settleSpills();
  }

  /** Several HyperFormula changes as one (HyperFormula's own batch does not nest: inside a suspension they just run). */
  private hfBatch(op: () => void): void {
    if (this.suspended) withActiveEngine(this, op);
    else this.run(() => this.hf.batch(op));
  }

  private applyChanges(changes: ExportedChange[]): void {
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheetId = this.modelIds.get(change.sheet);
      if (sheetId === undefined) continue;
      const cell = sheetById(this.workbook, sheetId)?.rows[change.row]?.[change.col];
      if (cell?.formula) this.storeValue(cell, change.newValue);
    }
  }

  private storeValue(cell: CellData, value: CellValue): void {
    delete cell.error;
    if (value instanceof DetailedCellError) {
      cell.value = ERROR_CODES[value.type];
      cell.error = value.type === ErrorType.CYCLE ? 'Circular dependency detected.' : value.message;
    } else if (value === null || value === undefined) {
      delete cell.value;
    } else {
      cell.value = value;
    }
  }

  private syncAllFormulaValues(): void {
    this.forEachFormula((sheet, r, c, cell) => this.storeValue(cell, this.hf.getCellValue({ sheet: this.hfId(sheet.sheetId), row: r, col: c })));
  }

  private forEachFormula(visit: (sheet: SheetModel, row: number, column: number, cell: CellData) => void): void {
    for (const sheet of this.workbook.sheets) {
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell?.formula !== undefined && visit(sheet, r, c, cell)));
    }
  }

  /** A sheet's content as HyperFormula takes it (spilled values are dropped: the engine recomputes them). */
  private sheetContent(sheet: SheetModel): RawCellContent[][] {
    const data: RawCellContent[][] = [];
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const line: RawCellContent[] = [];
      row.forEach((cell, c) => {
        if (cell?.spilledFrom) this.clearSpillCell(sheet, r, c);
        line[c] = this.toHfContent(sheet, r, c, sheet.rows[r][c]);
      });
      data[r] = Array.from(line, (v) => v ?? null);
    });
    return Array.from(data, (row) => row ?? []);
  }

  /** Formulas that named a missing sheet are set again: the sheet may exist now. */
  private rebind(): void {
    const cells = [...this.unresolved];
    this.unresolved.clear();
    const writes: HfWrite[] = [];
    for (const k of cells) {
      const [s, r, c] = parseKey(k);
      const sheet = sheetById(this.workbook, s);
      const cell = sheet?.rows[r]?.[c];
      if (!sheet || !cell?.formula) continue;
      writes.push({ address: { sheet: this.hfId(s), row: r, col: c }, content: this.toHfContent(sheet, r, c, cell) });
    }
    if (writes.length > 0) this.hfBatch(() => writes.forEach((w) => this.hf.setCellContents(w.address, w.content)));
    this.settleSpills();
  }

  private toHfContent(sheet: SheetModel, row: number, column: number, cell: CellData | undefined): RawCellContent {
    if (!cell || !hasContent(cell)) return null;
    if (cell.formula !== undefined) {
      const { text, unresolved } = this.translate(cell.formula);
      if (unresolved) this.unresolved.add(key(sheet.sheetId, row, column));
      else this.unresolved.delete(key(sheet.sheetId, row, column));
      return text;
    }
    return this.literal(cell.value);
  }

  /** A literal for HyperFormula: text is prefixed with an apostrophe so it is never parsed. */
  private literal(value: Scalar | undefined): RawCellContent {
    if (value === undefined) return null;
    return typeof value === 'string' ? `'${value}` : value;
  }

  private toHfFormula(formula: string): string {
    return this.translate(formula).text;
  }

  /** Sheets formula text → HyperFormula's: sheets by internal name, open ranges closed. */
  private translate(formula: string): { text: string; unresolved: boolean } {
    let unresolved = false;
    const named = rewriteSheetRefs(formula, (name) => {
      const sheet = sheetByTitle(this.workbook, name);
      if (sheet) return hfSheetName(sheet.sheetId);
      unresolved = true;
      return UNRESOLVED_MARK;
    });
    const text = mapOutsideStrings(named, (code) =>
      code
        // A reference into a missing sheet is #REF! (HyperFormula cannot rebind such a reference later).
        .replace(UNRESOLVED_REFERENCE, '#REF!')
        .replace(/(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(!.$])/g, `$1:$2${OPEN_RANGE_LAST_ROW}`),
    );
    return { text, unresolved };
  }

  /** HyperFormula formula text → Sheets text. */
  private fromHfFormula(text: string): string {
    return rewriteSheetRefs(text, (name) => {
      const own = HF_SHEET.exec(name);
      const sheet = own ? sheetById(this.workbook, Number(own[1])) : undefined;
      return sheet ? quoteSheetName(sheet.title) : undefined;
    });
  }

  private hfId(sheetId: number): number {
    const id = this.hfIds.get(sheetId);
    if (id === undefined) throw new Error(`No grid with id: ${sheetId}`);
    return id;
  }

  private modelSheet(hfSheet: number): SheetModel | undefined {
    const id = this.modelIds.get(hfSheet);
    return id === undefined ? undefined : sheetById(this.workbook, id);
  }
}
