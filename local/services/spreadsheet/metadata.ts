// Developer metadata through SpreadsheetApp: add, find (withKey/withValue/…), read, change, remove.
import type { DeveloperMetadata, GridRange, WorkbookModel } from '../../model/types';
import { allocateId, sheetById } from '../../model/workbook';
import { loud } from './loud';
import type { Access } from './access';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, type EnumValue } from './enums';
import type { LocalRange } from './range';
import { LocalSheet } from './sheet';
import { LocalSpreadsheet } from './spreadsheet';

type Location = DeveloperMetadata['location'];

/** Every metadata entry of the workbook with the list that holds it. */
export function allMetadata(workbook: WorkbookModel): { entry: DeveloperMetadata; list: DeveloperMetadata[] }[] {
  return [
    ...workbook.developerMetadata.map((entry) => ({ entry, list: workbook.developerMetadata })),
    ...workbook.sheets.flatMap((s) => s.developerMetadata.map((entry) => ({ entry, list: s.developerMetadata }))),
  ];
}

export function locationSheetId(location: Location): number | undefined {
  if ('sheetId' in location) return location.sheetId;
  if ('dimensionRange' in location) return location.dimensionRange.sheetId;
  return undefined;
}

export function removeMetadata(workbook: WorkbookModel, metadataId: number): void {
  const found = allMetadata(workbook).find((m) => m.entry.metadataId === metadataId);
  if (found) found.list.splice(found.list.indexOf(found.entry), 1);
}

const isEnum = (v: unknown): v is EnumValue => typeof v === 'object' && v !== null && 'name' in v;

/** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function addDeveloperMetadata(a: Access, list: DeveloperMetadata[], location: Location, key: string, rest: unknown[]): DeveloperMetadata {
  const [first, second] = rest;
  const value = isEnum(first) ? undefined : first;
  const visibility = isEnum(first) ? first : second;
  const entry: DeveloperMetadata = {
    metadataId: allocateId(a.workbook),
    metadataKey: String(key),
    visibility: visibility !== undefined && String(visibility) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
    location,
  };
  if (value !== undefined && value !== null) entry.metadataValue = String(value);
  list.push(entry);
  return entry;
}

/** A range may carry metadata only when it is whole rows or whole columns. */
export function dimensionLocationOf(a: Access, range: LocalRange): Location {
  const sheet = range.sheet;
  if (range.column === 0 && range.numColumns === sheet.columnCount) {
    return { dimensionRange: { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: range.row, endIndex: range.row + range.numRows } };
  }
  if (range.row === 0 && range.numRows === sheet.rowCount) {
    return { dimensionRange: { sheetId: sheet.sheetId, dimension: 'COLUMNS', startIndex: range.column, endIndex: range.column + range.numColumns } };
  }
  throw a.error(
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  );
}

export class LocalDeveloperMetadataLocation {
  constructor(
    private readonly a: Access,
    private readonly location: Location,
  ) {
    return loud(this, 'DeveloperMetadataLocation');
  }
  getLocationType(): EnumValue {
    if ('spreadsheet' in this.location) return DeveloperMetadataLocationType.SPREADSHEET;
    if ('sheetId' in this.location) return DeveloperMetadataLocationType.SHEET;
    return this.location.dimensionRange.dimension === 'ROWS' ? DeveloperMetadataLocationType.ROW : DeveloperMetadataLocationType.COLUMN;
  }
  getSpreadsheet(): LocalSpreadsheet | null {
    return 'spreadsheet' in this.location ? new LocalSpreadsheet(this.a) : null;
  }
  getSheet(): LocalSheet | null {
    const sheet = 'sheetId' in this.location ? sheetById(this.a.workbook, this.location.sheetId) : undefined;
    return sheet ? new LocalSheet(this.a, sheet) : null;
  }
  private dimension(which: 'ROWS' | 'COLUMNS'): LocalRange | null {
    if (!('dimensionRange' in this.location) || this.location.dimensionRange.dimension !== which) return null;
    const d = this.location.dimensionRange;
    const sheet = sheetById(this.a.workbook, d.sheetId);
    if (!sheet) return null;
    const range: GridRange = which === 'ROWS' ? { sheetId: d.sheetId, startRowIndex: d.startIndex, endRowIndex: d.endIndex } : { sheetId: d.sheetId, startColumnIndex: d.startIndex, endColumnIndex: d.endIndex };
    return new LocalSheet(this.a, sheet).rangeOf(range);
  }
  getRow(): LocalRange | null {
    return this.dimension('ROWS');
  }
  getColumn(): LocalRange | null {
    return this.dimension('COLUMNS');
  }
}

export class LocalDeveloperMetadata {
  constructor(
    private readonly a: Access,
    readonly model: DeveloperMetadata,
  ) {
    return loud(this, 'DeveloperMetadata');
  }
  private meta(method: string): void {
    this.a.call('DeveloperMetadata', method, 'metadata');
  }
  private change(method: string): void {
    this.a.call('DeveloperMetadata', method, 'structural');
  }
  getId(): number {
    this.meta('getId');
    return this.model.metadataId;
  }
  getKey(): string {
    this.meta('getKey');
    return this.model.metadataKey;
  }
  getValue(): string | null {
    this.meta('getValue');
    return this.model.metadataValue ?? null;
  }
  getVisibility(): EnumValue {
    this.meta('getVisibility');
    return DeveloperMetadataVisibility[this.model.visibility];
  }
  getLocation(): LocalDeveloperMetadataLocation {
    this.meta('getLocation');
    return new LocalDeveloperMetadataLocation(this.a, this.model.location);
  }
  setKey(key: string): this {
    this.change('setKey');
    this.model.metadataKey = key;
    return this;
  }
  setValue(value: string | null): this {
    this.change('setValue');
    if (value === null) delete this.model.metadataValue;
    else this.model.metadataValue = String(value);
    return this;
  }
  setVisibility(visibility: EnumValue): this {
    this.change('setVisibility');
    this.model.visibility = String(visibility) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    return this;
  }
  remove(): void {
    this.change('remove');
    removeMetadata(this.a.workbook, this.model.metadataId);
  }
}

/** Where a finder looks: the whole spreadsheet, a sheet, or a range (metadata wholly inside it). */
export interface FinderScope {
  sheetId?: number;
  range?: GridRange;
}

function inScope(a: Access, entry: DeveloperMetadata, scope: FinderScope): boolean {
  if (scope.sheetId === undefined) return true;
  if (locationSheetId(entry.location) !== scope.sheetId) return false;
  if (!scope.range) return true;
  if (!('dimensionRange' in entry.location)) return false;
  const sheet = sheetById(a.workbook, scope.sheetId);
  if (!sheet) return false;
  const d = entry.location.dimensionRange;
  const r = scope.range;
  const [start, end, otherStart, otherEnd, otherSize] =
    d.dimension === 'ROWS'
      ? [r.startRowIndex ?? 0, r.endRowIndex ?? sheet.rowCount, r.startColumnIndex ?? 0, r.endColumnIndex ?? sheet.columnCount, sheet.columnCount]
      : [r.startColumnIndex ?? 0, r.endColumnIndex ?? sheet.columnCount, r.startRowIndex ?? 0, r.endRowIndex ?? sheet.rowCount, sheet.rowCount];
  return d.startIndex >= start && d.endIndex <= end && otherStart === 0 && otherEnd === otherSize;
}

export class LocalDeveloperMetadataFinder {
  private readonly tests: ((m: DeveloperMetadata) => boolean)[] = [];

  constructor(
    private readonly a: Access,
    private readonly scope: FinderScope,
  ) {
    return loud(this, 'DeveloperMetadataFinder');
  }

  withId(id: number): this {
    this.tests.push((m) => m.metadataId === id);
    return this;
  }
  withKey(key: string): this {
    this.tests.push((m) => m.metadataKey === key);
    return this;
  }
  withValue(value: string): this {
    this.tests.push((m) => m.metadataValue === value);
    return this;
  }
  withVisibility(visibility: EnumValue): this {
    this.tests.push((m) => m.visibility === String(visibility));
    return this;
  }
  withLocationType(type: EnumValue): this {
    this.tests.push((m) => String(new LocalDeveloperMetadataLocation(this.a, m.location).getLocationType()) === String(type));
    return this;
  }
  find(): LocalDeveloperMetadata[] {
    this.a.call('DeveloperMetadataFinder', 'find', 'read');
    return this.a.list(
      allMetadata(this.a.workbook)
        .map((m) => m.entry)
        .filter((m) => inScope(this.a, m, this.scope) && this.tests.every((t) => t(m)))
        .map((m) => new LocalDeveloperMetadata(this.a, m)),
    );
  }
}

export function createFinder(a: Access, scope: FinderScope): LocalDeveloperMetadataFinder {
  return new LocalDeveloperMetadataFinder(a, scope);
}
