// The formula engine of the local runtime: HyperFormula computes every formula of the workbook,
// kept in step with the model by WorkbookEditor (it is the editor's listener). Computed values are
// written back into the model (CellData.value, the cached result), so readers read the model.
//
// HyperFormula's sheets carry the workbook's tab names, so it resolves, renames and re-resolves
// sheet references itself (a reference to a tab not created yet, or deleted, is #REF! until a tab
// of that name exists), and spills an array result over the cells its function declares, #SPILL!
// when content is in the way (Sheets shows that as #REF!). Custom functions (Apps Script functions
// of the bundle) receive arguments as Apps Script gives them; each declares its result size.
//
// Recalculation follows Sheets: a batch of writes (one Range.setValues, one Sheets API
// batchUpdate, Apps Script's buffer of single-cell writes until the next read) is recalculated
// once, at its end, so a custom-function cell depending on it is evaluated once per batch, not
// once per cell written. `batch(op)` suspends HyperFormula's evaluation around `op`; with
// `bufferWrites`, `defer()` suspends it until the next `flush()`.
import {
  ArraySize,
  CellError,
  CellType,
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
import { quotesFromEngine, quotesToEngine, topLevelCallName } from './model/formula-text';
import type { CellData, Scalar, SheetModel, WorkbookModel } from './model/types';
import { dateToSerial, hasContent, isDateFormat, isDateValue, serialToEpochMs, sheetById } from './model/workbook';

/** A custom function as the bundle describes it (CUSTOM_FUNCTIONS): its name and the most cells its result fills. */
export interface CustomFunctionSpec {
  name: string;
  resultSize: { rows: number; columns: number };
}

/** The bundle's custom functions, as the runtime exposes them to the engine. */
export interface CustomFunctionHost {
  functions: CustomFunctionSpec[];
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

/** No undo history: the runtime never undoes, and keeping it costs time and memory. */
const HF_CONFIG = { licenseKey: 'gpl-v3', undoLimit: 0 };
/** Sheets accepts TRUE and FALSE as literals; HyperFormula knows them only as functions. */
const HF_NAMES = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** Error codes as Sheets shows them (a circular reference and an array that cannot expand are '#REF!' in Sheets). */
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

/** A block written while evaluation was suspended: its cells take their values when it resumes. */
interface WrittenBlock {
  sheetId: number;
  top: number;
  left: number;
  height: number;
  width: number;
}

type HfScalar = Scalar | typeof EmptyValue;

interface HfAddress {
  sheet: number;
  row: number;
  col: number;
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

  /** HyperFormula sizes an array result before computing it: the function's declared size. */
  customSize(ast: ProcedureLike): ArraySize {
    const size = activeEngine?.declaredSize(ast.procedureName);
    return size ? new ArraySize(size.columns, size.rows) : ArraySize.scalar();
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
  CustomFunctionPlugin.implementedFunctions[id] = { method: 'callCustom', sizeOfResultArrayMethod: 'customSize' };
  HyperFormula.registerFunction(id, CustomFunctionPlugin, { enGB: { [id]: id } });
  return true;
}

/** A quick test before parsing: may the formula name the sheet (an apostrophe is doubled in a quoted name)? */
function mayNameSheet(formula: string, title: string): boolean {
  const text = formula.toLowerCase();
  const name = title.toLowerCase();
  return text.includes(name) || (name.includes("'") && text.includes(name.replace(/'/g, "''")));
}

export class FormulaEngine implements ModelListener {
  readonly hf: HyperFormula;
  /** The editor every façade mutates the workbook through: the engine follows its changes. */
  readonly editor: WorkbookEditor;
  /** How many times a custom function was invoked (each is one server call in Sheets). */
  customFunctionEvaluations = 0;

  private readonly hfIds = new Map<number, number>();
  private readonly modelIds = new Map<number, number>();
  private readonly custom = new Map<string, CustomFunctionSpec>();
  private readonly host?: CustomFunctionHost;
  private readonly realm: { Date: DateConstructor; Array: ArrayConstructor };
  private readonly bufferWrites: boolean;
  /** Formula cells whose array result could not expand (#SPILL!), with their sheet's id. */
  private readonly blocked = new Map<CellData, number>();
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
    for (const spec of this.host?.functions ?? []) {
      if (registerCustomName(spec.name)) this.custom.set(spec.name.toUpperCase(), spec);
    }
    this.editor = new WorkbookEditor(workbook, this);
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of workbook.sheets) sheets[sheet.title] = this.sheetContent(sheet);
    this.hf = withActiveEngine(this, () => HyperFormula.buildFromSheets(sheets, HF_CONFIG, HF_NAMES));
    for (const sheet of workbook.sheets) {
      this.track(sheet);
      this.syncSheet(sheet);
    }
  }

  /** The computed value of a cell ('' never: an empty cell is undefined). */
  getValue(sheetId: number, row: number, column: number): Scalar | undefined {
    this.flush();
    return sheetById(this.workbook, sheetId)?.rows[row]?.[column]?.value;
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

  /** Recalculates what buffered writes changed (a read, the end of an execution). */
  flush(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.resumeIfDone();
  }

  // --- ModelListener -------------------------------------------------------------------------

  contentChanged(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const block: RawCellContent[][] = [];
    for (let r = top; r < top + height; r += 1) {
      const row: RawCellContent[] = [];
      for (let c = left; c < left + width; c += 1) row.push(this.toHfContent(sheet.rows[r]?.[c]));
      block.push(row);
    }
    this.run(() => this.hf.setCellContents({ sheet: this.hfId(sheet.sheetId), row: top, col: left }, block));
    this.settle({ sheetId: sheet.sheetId, top, left, height, width });
  }

  /**
   * A new grid is empty: only its content is set, run by run along each row (setting a cell
   * empty costs HyperFormula as much as setting a value, and most of a tab's cells are empty).
   */
  sheetAdded(sheet: SheetModel): void {
    this.hfBatch(() => {
      this.hf.addSheet(sheet.title);
      this.track(sheet);
      const hfSheet = this.hfId(sheet.sheetId);
      this.sheetContent(sheet).forEach((row, r) => {
        for (let c = 0; c < row.length; ) {
          let end = c;
          while (end < row.length && row[end] !== null) end += 1;
          if (end > c) this.hf.setCellContents({ sheet: hfSheet, row: r, col: c }, [row.slice(c, end)]);
          c = end + 1;
        }
      });
    });
    this.settle({ sheetId: sheet.sheetId, top: 0, left: 0, height: sheet.rows.length, width: sheet.columnCount });
  }

  /** Formulas naming the deleted sheet keep their text and show #REF! until a sheet of that name exists again. */
  sheetRemoved(sheet: SheetModel): void {
    const hfSheet = this.hfId(sheet.sheetId);
    this.run(() => this.hf.removeSheet(hfSheet));
    this.hfIds.delete(sheet.sheetId);
    this.modelIds.delete(hfSheet);
  }

  sheetRenamed(sheet: SheetModel, oldTitle: string): void {
    this.followFormulas(
      (_s, cell) => mayNameSheet(cell.formula as string, oldTitle),
      () => {
        this.hf.renameSheet(this.hfId(sheet.sheetId), sheet.title);
        return [];
      },
    );
  }

  dimensionChanged(sheet: SheetModel, dimension: Dimension, start: number, count: number): void {
    const hfSheet = this.hfId(sheet.sheetId);
    this.followFormulas(
      (s, cell) => s === sheet || mayNameSheet(cell.formula as string, sheet.title),
      () => {
        if (dimension === 'ROWS') return count > 0 ? this.hf.addRows(hfSheet, [start, count]) : this.hf.removeRows(hfSheet, [start, -count]);
        return count > 0 ? this.hf.addColumns(hfSheet, [start, count]) : this.hf.removeColumns(hfSheet, [start, -count]);
      },
    );
    // Spilled values moved with their rows and columns: their owners are found again (inside a
    // batch, when it resumes: values cannot be read while evaluation is suspended).
    if (this.suspended) {
      this.settle({ sheetId: sheet.sheetId, top: 0, left: 0, height: sheet.rows.length, width: Math.max(0, ...sheet.rows.map((row) => row?.length ?? 0)) });
      return;
    }
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.spilledFrom) this.syncCell(sheet, r, c);
      }),
    );
  }

  /**
   * Runs a HyperFormula operation that rewrites references (a rename, rows or columns moved), then
   * takes back the texts it changed among the formula cells `affected` selects.
   */
  private followFormulas(affected: (sheet: SheetModel, cell: CellData) => boolean, op: () => ExportedChange[]): void {
    this.run(op);
    for (const sheet of this.workbook.sheets) {
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.formula === undefined || !affected(sheet, cell)) return;
          const text = this.hf.getCellFormula({ sheet: this.hfId(sheet.sheetId), row: r, col: c });
          if (text === undefined || text === this.normalized(cell.formula)) return;
          cell.formula = quotesFromEngine(text);
          this.editor.observer?.cellsUpdated(sheet, r, c, 1, 1);
        }),
      );
    }
  }

  /** The formula as HyperFormula writes it back (a formula it cannot parse, as written). */
  private normalized(formula: string): string {
    try {
      return this.hf.normalizeFormula(quotesToEngine(formula));
    } catch {
      return formula;
    }
  }

  // --- custom functions ----------------------------------------------------------------------

  /** The declared size of a custom function's result, by its name in any case. */
  declaredSize(procedureName: string): CustomFunctionSpec['resultSize'] | undefined {
    return this.custom.get(procedureName.toUpperCase())?.resultSize;
  }

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
    const spec = this.custom.get(procedureName.toUpperCase());
    if (!spec || !this.host) return new CellError(ErrorType.NAME, `Unknown function: '${procedureName}'.`);
    this.customFunctionEvaluations += 1;
    let result: unknown;
    try {
      result = this.host.invoke(spec.name, args, `${this.modelIds.get(at.sheet)}:${at.row}:${at.col}`);
    } catch (e) {
      return new CellError(ErrorType.ERROR, e instanceof Object && 'message' in e ? String(e.message) : String(e));
    }
    const matrix = this.toMatrix(result);
    const { rows, columns } = spec.resultSize;
    if (matrix.length > rows || matrix[0].length > columns) {
      return new CellError(ErrorType.ERROR, `${spec.name} returned ${matrix.length}×${matrix[0].length} cells; its CUSTOM_FUNCTIONS resultSize declares ${rows}×${columns}.`);
    }
    if (rows === 1 && columns === 1) return matrix[0][0];
    return SimpleRangeValue.onlyValues(matrix);
  }

  private scriptScalar(value: unknown, cell: CellData | undefined): unknown {
    if (value === EmptyValue || value === null || value === undefined) return '';
    if (value instanceof CellError) return ERROR_CODES[value.type];
    const raw = typeof value === 'object' && 'val' in value ? (value as { val: number }).val : value;
    if (typeof raw === 'number' && isDateFormat(cell?.format?.numberFormat)) return new this.realm.Date(serialToEpochMs(raw, this.workbook.timeZone));
    return raw;
  }

  /** A result as rows of HyperFormula values; a one-dimensional array fills a column, as Apps Script shows it. */
  private toMatrix(result: unknown): HfScalar[][] {
    const scalar = (v: unknown): HfScalar => {
      if (v === null || v === undefined) return EmptyValue;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      if (isDateValue(v)) return dateToSerial(v, this.workbook.timeZone);
      return String(v);
    };
    if (!Array.isArray(result)) return [[scalar(result)]];
    if (result.length === 0) return [[EmptyValue]];
    // Array.from makes host-realm arrays of the bundle's (vm-realm) ones: HyperFormula checks rows with instanceof Array.
    const rows: HfScalar[][] = Array.from(result as unknown[], (row) => (Array.isArray(row) ? Array.from(row as unknown[], scalar) : [scalar(row)]));
    const width = Math.max(1, ...rows.map((r) => r.length));
    return rows.map((r) => [...r, ...new Array<HfScalar>(width - r.length).fill(EmptyValue)]);
  }

  // --- values --------------------------------------------------------------------------------

  /** Stores the cell's value as HyperFormula computed it: a formula's result, a spilled value, or none. */
  private syncCell(sheet: SheetModel, row: number, column: number, value?: CellValue): void {
    const address = { sheet: this.hfId(sheet.sheetId), row, col: column };
    const cell = sheet.rows[row]?.[column];
    const part = cell?.formula === undefined && this.hf.isCellPartOfArray(address);
    if (cell?.formula === undefined && !part && !cell?.spilledFrom) return;
    const computed = value === undefined ? this.hf.getCellValue(address) : value;
    if (cell?.formula !== undefined) {
      this.storeValue(sheet, cell, computed);
      return;
    }
    const spilled = part && computed !== null;
    const next: CellData = { ...cell };
    delete next.spilledFrom;
    delete next.value;
    delete next.error;
    if (spilled) {
      next.spilledFrom = this.arrayCorner(address);
      this.storeValue(sheet, next, computed);
    }
    const line = sheet.rows[row] ?? (sheet.rows[row] = []);
    line[column] = Object.keys(next).length > 0 ? next : undefined;
  }

  /** The formula cell an array cell belongs to: along its row, then up its column, to the corner. */
  private arrayCorner(address: HfAddress): { row: number; column: number } {
    let { row, col } = address;
    const part = (r: number, c: number) => this.hf.isCellPartOfArray({ sheet: address.sheet, row: r, col: c });
    const corner = (r: number, c: number) => this.hf.getCellType({ sheet: address.sheet, row: r, col: c }) === CellType.ARRAYFORMULA;
    while (col > 0 && !corner(row, col) && part(row, col - 1)) col -= 1;
    while (row > 0 && !corner(row, col) && part(row - 1, col)) row -= 1;
    return { row, column: col };
  }

  private storeValue(sheet: SheetModel, cell: CellData, value: CellValue): void {
    delete cell.error;
    this.blocked.delete(cell);
    if (value instanceof DetailedCellError) {
      cell.value = ERROR_CODES[value.type];
      cell.error = value.type === ErrorType.CYCLE ? 'Circular dependency detected.' : value.message;
      if (value.type === ErrorType.SPILL && cell.formula !== undefined) this.blocked.set(cell, sheet.sheetId);
    } else if (value === null || value === undefined) {
      delete cell.value;
    } else {
      cell.value = value;
    }
  }

  /**
   * HyperFormula gives an array formula its cells only when they are free as it is set: one set
   * while content was in the way never expands, as Sheets' would once the way is clear. Such a
   * formula (among the block's and the sheet's blocked ones) is set again when its cells are free.
   */
  private claimArrays(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    const hfSheet = this.hfId(sheet.sheetId);
    const again: { address: HfAddress; formula: string }[] = [];
    const claim = (cell: CellData | undefined, r: number, c: number) => {
      const size = cell?.formula === undefined ? undefined : this.declaredSize(topLevelCallName(cell.formula) ?? '');
      if (!size || size.rows * size.columns === 1) return;
      const next = size.columns > 1 ? { sheet: hfSheet, row: r, col: c + 1 } : { sheet: hfSheet, row: r + 1, col: c };
      if (this.hf.isCellPartOfArray(next)) return;
      for (let i = 0; i < size.rows; i += 1) {
        for (let j = 0; j < size.columns; j += 1) if ((i > 0 || j > 0) && !this.hf.isCellEmpty({ sheet: hfSheet, row: r + i, col: c + j })) return;
      }
      again.push({ address: { sheet: hfSheet, row: r, col: c }, formula: quotesToEngine(cell?.formula as string) });
    };
    for (let r = top; r < Math.min(top + height, sheet.rows.length); r += 1) {
      const line = sheet.rows[r];
      for (let c = left; c < Math.min(left + width, line?.length ?? 0); c += 1) claim(line?.[c], r, c);
    }
    if ([...this.blocked.values()].includes(sheet.sheetId)) {
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell && this.blocked.has(cell) && claim(cell, r, c)));
    }
    if (again.length > 0) this.hfBatch(() => again.forEach((a) => this.hf.setCellContents(a.address, a.formula)));
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

  /**
   * The values of a written block (the changes HyperFormula reports leave out the cells whose
   * value did not change); while evaluation is suspended, when it resumes.
   */
  private settle(block: WrittenBlock): void {
    if (this.suspended) {
      this.written.push(block);
      return;
    }
    const sheet = sheetById(this.workbook, block.sheetId);
    if (!sheet) return;
    this.syncBlock(sheet, block.top, block.left, Math.min(block.height, sheet.rows.length - block.top), block.width);
    this.claimArrays(sheet, block.top, block.left, block.height, block.width);
  }

  private syncBlock(sheet: SheetModel, top: number, left: number, height: number, width: number): void {
    for (let r = top; r < top + height; r += 1) {
      const line = sheet.rows[r];
      for (let c = left; c < Math.min(left + width, line?.length ?? 0); c += 1) this.syncCell(sheet, r, c);
    }
  }

  /** A whole sheet as HyperFormula computed it when it was built (a build reports no changes). */
  private syncSheet(sheet: SheetModel): void {
    this.syncBlock(sheet, 0, 0, sheet.rows.length, sheet.columnCount);
    const values = this.hf.getSheetValues(this.hfId(sheet.sheetId));
    values.forEach((row, r) => row.forEach((value, c) => value !== null && this.syncCell(sheet, r, c, value)));
  }

  /** Ends the suspension once no batch runs and no buffered write waits: one recalculation of everything changed. */
  private resumeIfDone(): void {
    if (this.suspended) return;
    this.run(() => this.hf.resumeEvaluation());
    for (const block of this.written.splice(0)) this.settle(block);
  }

  /** Several HyperFormula changes as one (HyperFormula's own batch does not nest: inside a suspension they just run). */
  private hfBatch(op: () => void): void {
    if (this.suspended) withActiveEngine(this, op);
    else this.run(() => this.hf.batch(op));
  }

  private applyChanges(changes: ExportedChange[]): void {
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheet = this.modelSheet(change.sheet);
      if (sheet) this.syncCell(sheet, change.row, change.col, change.newValue);
    }
  }

  /** A sheet's content as HyperFormula takes it (spilled values are left out: the engine computes them). */
  private sheetContent(sheet: SheetModel): RawCellContent[][] {
    return Array.from(sheet.rows, (row) => Array.from(row ?? [], (cell) => (cell?.spilledFrom ? null : this.toHfContent(cell))));
  }

  /** A formula as written; a literal with an apostrophe first, so that text is never parsed. */
  private toHfContent(cell: CellData | undefined): RawCellContent {
    if (!cell || !hasContent(cell)) return null;
    if (cell.formula !== undefined) return quotesToEngine(cell.formula);
    return typeof cell.value === 'string' ? `'${cell.value}` : (cell.value ?? null);
  }

  private track(sheet: SheetModel): void {
    const id = this.hf.getSheetId(sheet.title) as number;
    this.hfIds.set(sheet.sheetId, id);
    this.modelIds.set(id, sheet.sheetId);
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
