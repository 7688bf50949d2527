// The in-memory workbook the local Apps Script runtime works on. Shapes follow the Sheets API
// v4 resources (GridRange, DataValidationRule, ProtectedRange, DeveloperMetadata …) so the
// Sheets advanced service is emulated directly and SpreadsheetApp is a façade over it.
// Indexes are zero-based; ranges are half-open [start, end), as in the Sheets API.

export type Scalar = string | number | boolean;

export interface CellFormat {
  /** Sheets number-format pattern: '0.00', 'yyyy-mm-dd', 'dd/MM/yyyy HH:mm', '@' (plain text) … */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string; // '#rrggbb'
  background?: string; // '#rrggbb'
  horizontalAlignment?: 'LEFT' | 'CENTER' | 'RIGHT';
  verticalAlignment?: 'TOP' | 'MIDDLE' | 'BOTTOM';
  wrap?: boolean;
  /**
   * The cell style an .xlsx file held, when it says more than the fields above (fonts, borders,
   * fills): written back with the fields above applied over it (local/xlsx-carry.ts).
   */
  fileStyle?: unknown;
}

export interface CellData {
  /**
   * The stored value of a non-formula cell. Dates and times are serial numbers (days since
   * 1899-12-30, in the spreadsheet's time zone) with a date/time numberFormat, as in Sheets.
   */
  value?: Scalar;
  /** Formula text, starting with '='. When present, `value` is the cached computed result. */
  formula?: string;
  format?: CellFormat;
  note?: string;
  /** Set when `value` is an error code ('#REF!', '#N/A', '#ERROR!' …): the error's message. */
  error?: string;
  /**
   * Set on a cell filled by an array result spilling from the formula at this (row, column) of the
   * same sheet: its value is computed, it is not content (writing content here blocks the spill).
   */
  spilledFrom?: { row: number; column: number };
  /**
   * The value an .xlsx file held when `value` is only its text (rich text, a hyperlink): written
   * back while the content is unchanged; a content write drops it, as in Sheets.
   */
  fileValue?: unknown;
}

export interface GridRange {
  sheetId: number;
  /** Absent start = 0, absent end = unbounded (to the end of the grid). */
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface ConditionValue {
  userEnteredValue: string;
}

export interface BooleanCondition {
  /** Sheets API ConditionType: 'ONE_OF_LIST', 'ONE_OF_RANGE', 'TEXT_EQ', 'CUSTOM_FORMULA', 'NUMBER_GREATER_THAN_EQ', … */
  type: string;
  values?: ConditionValue[];
}

export interface DataValidationRule {
  condition: BooleanCondition;
  inputMessage?: string;
  /** true = reject invalid input; false = show a warning only. */
  strict?: boolean;
  /** true = show a dropdown for list conditions. */
  showCustomUi?: boolean;
}

export interface DataValidationEntry {
  range: GridRange;
  rule: DataValidationRule;
  /** The .xlsx form `rule` was read from: written back exactly while `rule` is unchanged. */
  fileRule?: unknown;
}

export interface ConditionalFormatRule {
  ranges: GridRange[];
  booleanRule: {
    condition: BooleanCondition;
    format: { backgroundColor?: string; fontColor?: string; bold?: boolean };
  };
  /** The .xlsx form `booleanRule` was read from: written back exactly while it is unchanged. */
  fileRule?: unknown;
}

export interface ProtectedRange {
  protectedRangeId: number;
  /** The protected range; a range covering the whole sheet (only sheetId) is a sheet protection. */
  range: GridRange;
  description?: string;
  warningOnly?: boolean;
  /** Only for sheet protections: the parts that stay editable by everyone who may edit the file. */
  unprotectedRanges?: GridRange[];
  /** Emails allowed to edit the range (the owner always may). */
  editors: { users: string[]; domainUsersCanEdit?: boolean };
  /**
   * A protection Apps Script just created (Range/Sheet.protect()) mirrors the file's permissions,
   * so it stops nobody, until its editors are first changed.
   */
  mirrorsFile?: boolean;
}

export interface DeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** The sheet it is attached to (the add-on ties a unit tab to its unit; it attaches nothing elsewhere). */
  location: { sheetId: number };
}

export interface EmbeddedChart {
  chartId: number;
  /** The Sheets API ChartSpec as sent by the add-on (title, basicChart …), kept verbatim. */
  spec: Record<string, unknown>;
  /** Anchor cell of the chart on its sheet. */
  anchor: { sheetId: number; rowIndex: number; columnIndex: number };
}

export interface SheetModel {
  sheetId: number;
  title: string;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  tabColor?: string;
  /** Sparse grid: rows[r][c]; undefined = empty cell. Never longer than rowCount × columnCount. */
  rows: (CellData | undefined)[][];
  /** Pixel widths of columns that are not the default (100). */
  columnWidths: Record<number, number>;
  merges: GridRange[];
  dataValidations: DataValidationEntry[];
  conditionalFormats: ConditionalFormatRule[];
  protectedRanges: ProtectedRange[];
  developerMetadata: DeveloperMetadata[];
  charts: EmbeddedChart[];
  /** What an .xlsx file held for this tab beyond the model (row heights, images, page setup…): local/xlsx-carry.ts. */
  fileParts?: unknown;
}

/** One recipient-count entry of MailApp's rolling 24-hour quota window. */
export interface MailQuotaEntry {
  at: string; // ISO time
  recipients: number;
}

/** A time-driven trigger created by ScriptApp.newTrigger (recorded, not fired, by the local runtime). */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: 'CLOCK';
  /** The period in milliseconds. */
  everyMs: number;
  /** The user who created it (add-on triggers are per user and document). */
  user: string;
  createdAt: string; // ISO time
}

export interface WorkbookModel {
  spreadsheetId: string;
  title: string;
  locale: string; // 'id_ID'
  timeZone: string; // IANA, 'Asia/Jakarta'
  /** The owner (the user who created the file); may always edit everything. */
  owner: string;
  /** Other users the file is shared with as editors (Spreadsheet.getEditors() lists the owner first). */
  editors?: string[];
  /** Sheets in tab order. */
  sheets: SheetModel[];
  /** PropertiesService.getDocumentProperties(). */
  documentProperties: Record<string, string>;
  /** MailApp quota window, persisted with the workbook. */
  mailQuota: MailQuotaEntry[];
  /** ScriptApp's installable triggers (absent = none). */
  triggers?: TriggerRecord[];
  /** Next id for sheets, protected ranges, metadata and charts (ids are never reused). */
  nextId: number;
}
