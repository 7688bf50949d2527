// Apps Script enums: each value is a distinct object whose toString() is its name, compared by identity.

export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
}

export function makeEnum<K extends string>(keys: readonly K[]): Record<K, EnumValue> {
  const out = {} as Record<K, EnumValue>;
  for (const k of keys) out[k] = Object.freeze({ name: () => k, toString: () => k, toJSON: () => k });
  return Object.freeze(out);
}

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const);
export const DataValidationCriteria = makeEnum([
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CHECKBOX',
  'CUSTOM_FORMULA',
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'TEXT_IS_VALID_EMAIL',
] as const);
export const BooleanCriteria = makeEnum([
  'TEXT_EQUAL_TO',
  'TEXT_CONTAINS',
  'CUSTOM_FORMULA',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'CELL_EMPTY',
] as const);
export const BorderStyle = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const ChartType = makeEnum(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE', 'COMBO', 'HISTOGRAM'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
