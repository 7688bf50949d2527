// What an .xlsx file holds beyond the model, carried from load to save unchanged: a cell's full
// style (fonts, borders, fills the model does not read) and its rich value (rich text, a
// hyperlink), and a sheet's row heights, column settings, images, page setup, view and the
// validations and conditional formats the model cannot express. Each travels with what it
// belongs to in the model (a cell's with the cell, so it follows inserted rows, and is dropped
// when the cell's content or whole format is rewritten, as in Sheets); what the model does
// read is the model's, so a change the runtime made always wins over the file's old form.
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';
import type { CellFormat } from './model/types';

type Json = Record<string, unknown>;

// ---------------------------------------------------------------- exceljs: notes on cells the file leaves out

const COMMENTS_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

interface SheetXml {
  relationships?: { Type: string; Target: string }[];
  rows?: ({ number: number; cells: { address: string; type: ExcelJS.ValueType }[] } | undefined)[];
}
interface SheetXmlOptions {
  comments?: Record<string, { comments?: { ref: string }[] } | undefined>;
}

/**
 * exceljs 4.4 attaches a note only to a cell the sheet's XML lists, but Excel and LibreOffice
 * leave an empty, unformatted cell out even when it carries a note: each note's cell is added,
 * empty, before exceljs reconciles the sheet, so the note is read.
 */
const reconcile = WorksheetXform.prototype.reconcile;
WorksheetXform.prototype.reconcile = function reconcileWithNotes(model: unknown, options: unknown): void {
  const sheet = model as SheetXml;
  const { comments = {} } = options as SheetXmlOptions;
  for (const relationship of sheet.relationships ?? []) {
    if (relationship.Type !== COMMENTS_RELATIONSHIP) continue;
    for (const { ref } of comments[relationship.Target]?.comments ?? []) {
      const number = Number(/\d+$/.exec(ref)?.[0]);
      const rows = (sheet.rows ??= []);
      let row = rows.find((r) => r?.number === number);
      if (row === undefined) rows.push((row = { number, cells: [] }));
      if (!row.cells.some((c) => c.address === ref)) row.cells.push({ address: ref, type: ExcelJS.ValueType.Null });
    }
  }
  reconcile.call(this, model, options);
};

// ---------------------------------------------------------------- cell styles

export const argbToHex = (argb: string | undefined): string | undefined =>
  argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined;
export const hexToArgb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Column widths: the model's pixels, the file's characters. */
export const pxToWidth = (px: number): number => (px - 5) / 7;
export const widthToPx = (width: number): number => Math.round(width * 7 + 5);

/** The font exceljs writes for a cell that has none of its own: the same as no font. */
const DEFAULT_FONT = { size: 11, color: { theme: 1 }, name: 'Calibri', family: 2, scheme: 'minor' };
const NO_FILL = { type: 'pattern', pattern: 'none' };

/** What the model reads of a cell style. */
export function formatOfStyle(style: Partial<ExcelJS.Style>): CellFormat {
  const format: CellFormat = {};
  if (style.numFmt && style.numFmt !== 'General') format.numberFormat = style.numFmt;
  if (style.font?.bold) format.bold = true;
  if (style.font?.italic) format.italic = true;
  const fontColor = argbToHex(style.font?.color?.argb);
  if (fontColor) format.fontColor = fontColor;
  const fill = style.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const background = argbToHex(fill.fgColor?.argb);
    if (background) format.background = background;
  }
  const a = style.alignment;
  if (a?.horizontal === 'left' || a?.horizontal === 'center' || a?.horizontal === 'right') format.horizontalAlignment = a.horizontal.toUpperCase() as CellFormat['horizontalAlignment'];
  if (a?.vertical === 'top') format.verticalAlignment = 'TOP';
  else if (a?.vertical === 'middle') format.verticalAlignment = 'MIDDLE';
  else if (a?.vertical === 'bottom') format.verticalAlignment = 'BOTTOM';
  if (a?.wrapText) format.wrap = true;
  return format;
}

type Owned = Exclude<keyof CellFormat, 'fileStyle'>;
const OWNED: Owned[] = ['numberFormat', 'bold', 'italic', 'fontColor', 'background', 'horizontalAlignment', 'verticalAlignment', 'wrap'];
const VERTICAL = { TOP: 'top', MIDDLE: 'middle', BOTTOM: 'bottom' } as const;

/** Sets or removes one key of a style part (a part left empty is removed). */
function setPart<P extends 'font' | 'alignment'>(style: Partial<ExcelJS.Style>, part: P, key: string, value: unknown): void {
  const next: Json = { ...(style[part] as Json | undefined) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  if (Object.keys(next).length > 0) (style as Json)[part] = next;
  else delete style[part];
}

function applyOwned(style: Partial<ExcelJS.Style>, key: Owned, format: CellFormat): void {
  switch (key) {
    case 'numberFormat':
      if (format.numberFormat === undefined) delete style.numFmt;
      else style.numFmt = format.numberFormat;
      return;
    case 'bold':
    case 'italic':
      return setPart(style, 'font', key, format[key] ? true : undefined);
    case 'fontColor':
      return setPart(style, 'font', 'color', format.fontColor ? { argb: hexToArgb(format.fontColor) } : undefined);
    case 'background':
      if (format.background) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(format.background) } };
      else delete style.fill;
      return;
    case 'horizontalAlignment':
      return setPart(style, 'alignment', 'horizontal', format.horizontalAlignment?.toLowerCase());
    case 'verticalAlignment':
      return setPart(style, 'alignment', 'vertical', format.verticalAlignment ? VERTICAL[format.verticalAlignment] : undefined);
    case 'wrap':
      return setPart(style, 'alignment', 'wrapText', format.wrap ? true : undefined);
  }
}

const readings = new WeakMap<object, CellFormat>();
function reading(style: Partial<ExcelJS.Style>): CellFormat {
  let format = readings.get(style);
  if (format === undefined) readings.set(style, (format = formatOfStyle(style)));
  return format;
}

/** The style to write for a cell's format: the file's own style, with what the model changed in it. */
export function styleOfFormat(format: CellFormat | undefined): Partial<ExcelJS.Style> {
  const base = format?.fileStyle as Partial<ExcelJS.Style> | undefined;
  const was = base ? reading(base) : {};
  const style: Partial<ExcelJS.Style> = base ? structuredClone(base) : {};
  for (const key of OWNED) if (format?.[key] !== was[key]) applyOwned(style, key, format ?? {});
  return style;
}

/** A style without the parts exceljs fills in for a cell that has none. */
function essential(style: Partial<ExcelJS.Style>): Json {
  const out: Json = { ...style };
  if (isDeepStrictEqual(style.font, DEFAULT_FONT)) delete out.font;
  if (isDeepStrictEqual(style.fill, NO_FILL)) delete out.fill;
  if (style.numFmt === 'General') delete out.numFmt;
  for (const part of ['border', 'alignment', 'protection'] as const) if (style[part] && Object.keys(style[part]).length === 0) delete out[part];
  return out;
}

const formats = new WeakMap<object, CellFormat>();
/**
 * The model's format of a cell style read from a file, with the file's style carried along
 * (`fileStyle`) when it holds more than the model reads; exceljs shares one style object
 * between the cells of one style, and so do the formats.
 */
export function formatOfFileStyle(style: Partial<ExcelJS.Style>): CellFormat | undefined {
  if (Object.keys(style).length === 0) return undefined; // a cell without a style of its own
  let format = formats.get(style);
  if (format === undefined) {
    const read = formatOfStyle(style);
    format = isDeepStrictEqual(essential(style), essential(styleOfFormat(read))) ? read : { ...read, fileStyle: style };
    formats.set(style, format);
  }
  return Object.keys(format).length > 0 ? { ...format } : undefined;
}

// ---------------------------------------------------------------- sheet parts

/** What a sheet held that the model does not read, as the file held it. */
export interface FileSheetParts {
  /** properties, pageSetup, headerFooter, rowBreaks, autoFilter, sheetProtection, view: those that differ from a new sheet's. */
  settings?: Json;
  rows?: { index: number; height?: number; hidden?: boolean; outlineLevel?: number }[];
  columns?: { index: number; width?: number; hidden?: boolean; outlineLevel?: number }[];
  images?: { extension: string; base64: string; model: Json }[];
  /** Validations the model cannot express, by A1 address. */
  validations?: [string, ExcelJS.DataValidation][];
  /** Conditional formats the model cannot express. */
  conditionalFormats?: ExcelJS.ConditionalFormattingOptions[];
}

/** The model's own part of a sheet view (frozen panes); the rest of the view is carried. */
const VIEW_OWNED = ['state', 'xSplit', 'ySplit', 'topLeftCell'];
const fresh = new ExcelJS.Workbook().addWorksheet('defaults');
/** What a sheet has when nothing was set, as exceljs writes it and reads it back. */
const DEFAULTS: Record<string, Json | null> = {
  properties: { ...fresh.properties, tabColor: undefined },
  pageSetup: { ...fresh.pageSetup, firstPageNumber: 1, useFirstPageNumber: false, usePrinterDefaults: false, copies: 1 },
  headerFooter: fresh.headerFooter as Json,
  view: { workbookViewId: 0, rightToLeft: false, showRuler: true, showRowColHeaders: true, showGridLines: true, zoomScale: 100, zoomScaleNormal: 100, activeCell: 'A1', style: 'normal' },
};

const blank = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** Whether `value` sets anything a new sheet does not have (keys of `ignored` are the model's). */
function differs(value: unknown, defaults: Json | null | undefined, ignored: string[] = []): boolean {
  if (blank(value)) return false;
  if (typeof value !== 'object' || Array.isArray(value) || !defaults) return true;
  return Object.entries(value as Json).some(([k, v]) => !ignored.includes(k) && !(blank(v) && blank(defaults[k])) && !isDeepStrictEqual(v, defaults[k]));
}

/** A worksheet's fields exceljs's types leave out (rowBreaks, sheetProtection). */
const untyped = (ws: ExcelJS.Worksheet) => ws as unknown as Json;

function sheetSettings(ws: ExcelJS.Worksheet): Json | undefined {
  const view = (ws.views ?? [])[0] as Json | undefined;
  const candidates: Json = {
    properties: differs(ws.properties, DEFAULTS.properties, ['tabColor']) ? ws.properties : undefined,
    pageSetup: differs(ws.pageSetup, DEFAULTS.pageSetup) ? ws.pageSetup : undefined,
    headerFooter: differs(ws.headerFooter, DEFAULTS.headerFooter) ? ws.headerFooter : undefined,
    rowBreaks: differs(untyped(ws).rowBreaks, null) ? untyped(ws).rowBreaks : undefined,
    autoFilter: differs(ws.autoFilter, null) ? ws.autoFilter : undefined,
    sheetProtection: differs(untyped(ws).sheetProtection, null) ? untyped(ws).sheetProtection : undefined,
    view: differs(view, DEFAULTS.view, VIEW_OWNED) || view?.state === 'split' ? view : undefined,
  };
  const settings = Object.fromEntries(Object.entries(candidates).filter(([, v]) => v !== undefined));
  return Object.keys(settings).length > 0 ? structuredClone(settings) : undefined;
}

/** The parts of `ws` the model does not read (validations and formats the model reads are left out by the caller). */
export function fileSheetParts(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  unread: Pick<FileSheetParts, 'validations' | 'conditionalFormats'>,
): FileSheetParts | undefined {
  const parts: FileSheetParts = {};
  const settings = sheetSettings(ws);
  if (settings) parts.settings = settings;
  const defaultHeight = ws.properties.defaultRowHeight ?? 15;
  const rows: NonNullable<FileSheetParts['rows']> = [];
  ws.eachRow({ includeEmpty: true }, (row, number) => {
    const height = row.height !== undefined && row.height !== defaultHeight ? row.height : undefined;
    if (height === undefined && !row.hidden && !row.outlineLevel) return;
    rows.push({ index: number - 1, ...(height !== undefined && { height }), ...(row.hidden && { hidden: true }), ...(row.outlineLevel && { outlineLevel: row.outlineLevel }) });
  });
  if (rows.length > 0) parts.rows = rows;
  const columns: NonNullable<FileSheetParts['columns']> = [];
  (ws.columns ?? []).forEach((column, index) => {
    // A width the model's pixels give back exactly needs no carrying.
    const custom = column.width !== undefined && (column as { isCustomWidth?: boolean }).isCustomWidth;
    const width = custom && pxToWidth(widthToPx(column.width as number)) !== column.width ? column.width : undefined;
    if (width === undefined && !column.hidden && !column.outlineLevel) return;
    columns.push({ index, ...(width !== undefined && { width }), ...(column.hidden && { hidden: true }), ...(column.outlineLevel && { outlineLevel: column.outlineLevel }) });
  });
  if (columns.length > 0) parts.columns = columns;
  const images = ws.getImages().flatMap((image) => {
    const media = wb.getImage(Number(image.imageId)) as { extension?: string; buffer?: Buffer } | undefined;
    if (!media?.buffer || !media.extension) return [];
    const { imageId: _id, ...model } = (image as unknown as { model: Json }).model;
    return [{ extension: media.extension, base64: media.buffer.toString('base64'), model: structuredClone(model) }];
  });
  if (images.length > 0) parts.images = images;
  if (unread.validations?.length) parts.validations = unread.validations;
  if (unread.conditionalFormats?.length) parts.conditionalFormats = unread.conditionalFormats;
  return Object.keys(parts).length > 0 ? parts : undefined;
}

/** The sheet view to write: the file's view with the model's frozen panes. */
export function sheetView(parts: FileSheetParts | undefined, frozenRows: number, frozenColumns: number): Partial<ExcelJS.WorksheetView> | undefined {
  const view = { ...(parts?.settings?.view as Json | undefined) };
  if (frozenRows > 0 || frozenColumns > 0) return { ...view, state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows, topLeftCell: undefined } as Partial<ExcelJS.WorksheetView>;
  if (view.state === 'frozen') {
    for (const key of VIEW_OWNED) delete view[key];
    view.state = 'normal';
  }
  return Object.keys(view).length > 0 ? (view as Partial<ExcelJS.WorksheetView>) : undefined;
}

/**
 * Writes what `parts` carried into the new sheet `ws`, before the model's own parts (which win
 * where both say something: tab colour, column widths the runtime changed, frozen panes).
 */
export function writeFileSheetParts(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, parts: FileSheetParts): void {
  const settings = (parts.settings ?? {}) as Record<string, unknown>;
  if (settings.properties) ws.properties = { ...ws.properties, ...(settings.properties as Json) };
  if (settings.pageSetup) ws.pageSetup = structuredClone(settings.pageSetup) as ExcelJS.PageSetup;
  if (settings.headerFooter) ws.headerFooter = structuredClone(settings.headerFooter) as ExcelJS.HeaderFooter;
  if (settings.autoFilter) ws.autoFilter = structuredClone(settings.autoFilter) as ExcelJS.AutoFilter;
  for (const key of ['rowBreaks', 'sheetProtection']) if (settings[key]) untyped(ws)[key] = structuredClone(settings[key]);
  // fileSheetParts keeps only the settings a row or column has: each is set as it was.
  for (const { index, ...row } of parts.rows ?? []) Object.assign(ws.getRow(index + 1), row);
  for (const { index, ...column } of parts.columns ?? []) Object.assign(ws.getColumn(index + 1), column);
  for (const image of parts.images ?? []) {
    const imageId = wb.addImage({ base64: image.base64, extension: image.extension as 'png' | 'jpeg' | 'gif' });
    ws.addImage(imageId, structuredClone(image.model.range) as ExcelJS.ImageRange);
  }
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const [address, rule] of parts.validations ?? []) validations.add(address, structuredClone(rule));
  for (const cf of parts.conditionalFormats ?? []) ws.addConditionalFormatting(structuredClone(cf));
}

/** The column width (exceljs characters) to write for the model's `px`: the file's own width while it still reads as `px`. */
export function columnWidthFor(parts: FileSheetParts | undefined, column: number, px: number): number {
  const width = parts?.columns?.find((c) => c.index === column)?.width;
  return width !== undefined && widthToPx(width) === px ? width : pxToWidth(px);
}
