// Data validation through SpreadsheetApp: newDataValidation() builder and the DataValidation it builds,
// stored in the model as the Sheets API's DataValidationRule.
import { parseA1Range, quoteSheetName, sheetByTitle } from '../../model/workbook';
import type { DataValidationRule } from '../../model/types';
import { loud } from './loud';
import type { Access } from './access';
import { DataValidationCriteria, type EnumValue } from './enums';
import type { LocalRange } from './range';
import { LocalSheet } from './sheet';

/** Sheets API condition type ↔ Apps Script criteria. */
const CRITERIA: Record<string, keyof typeof DataValidationCriteria> = {
  ONE_OF_LIST: 'VALUE_IN_LIST',
  ONE_OF_RANGE: 'VALUE_IN_RANGE',
  BOOLEAN: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_EQ: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  DATE_IS_VALID: 'DATE_IS_VALID_DATE',
  TEXT_IS_EMAIL: 'TEXT_IS_VALID_EMAIL',
};

export class LocalDataValidationBuilder {
  private rule: DataValidationRule = { condition: { type: 'ONE_OF_LIST', values: [] }, strict: false, showCustomUi: true };

  constructor(private readonly a: Access) {
    return loud(this, 'DataValidationBuilder');
  }

  static from(a: Access, rule: DataValidationRule): LocalDataValidationBuilder {
    const builder = new LocalDataValidationBuilder(a);
    builder.rule = structuredClone(rule);
    return builder;
  }

  private condition(type: string, values: string[], showDropdown?: boolean): this {
    this.rule.condition = { type, values: values.map((userEnteredValue) => ({ userEnteredValue })) };
    if (showDropdown !== undefined) this.rule.showCustomUi = showDropdown;
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.condition('ONE_OF_LIST', values.map(String), showDropdown);
  }
  requireValueInRange(range: LocalRange, showDropdown = true): this {
    return this.condition('ONE_OF_RANGE', [`=${quoteSheetName(range.sheet.title)}!${range.getA1Notation()}`], showDropdown);
  }
  requireCheckbox(): this {
    return this.condition('BOOLEAN', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.condition('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.condition('NUMBER_BETWEEN', [String(start), String(end)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.condition('NUMBER_GREATER_THAN_EQ', [String(n)]);
  }
  requireDate(): this {
    return this.condition('DATE_IS_VALID', []);
  }
  requireTextIsEmail(): this {
    return this.condition('TEXT_IS_EMAIL', []);
  }
  /** true (the default) = show a warning on invalid input; false = reject it. */
  setAllowInvalid(allowInvalidData: boolean): this {
    this.rule.strict = !allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this.rule.inputMessage = helpText;
    return this;
  }
  build(): LocalDataValidation {
    return LocalDataValidation.fromModel(this.a, structuredClone(this.rule));
  }
}

export class LocalDataValidation {
  private constructor(
    private readonly a: Access,
    private readonly rule: DataValidationRule,
  ) {
    return loud(this, 'DataValidation');
  }

  static fromModel(a: Access, rule: DataValidationRule): LocalDataValidation {
    return new LocalDataValidation(a, rule);
  }

  toModel(): DataValidationRule {
    return structuredClone(this.rule);
  }

  getCriteriaType(): EnumValue {
    const name = CRITERIA[this.rule.condition.type];
    if (!name) throw this.a.error(`Not implemented in the local runtime: data validation criteria ${this.rule.condition.type}`);
    return DataValidationCriteria[name];
  }

  getCriteriaValues(): unknown[] {
    const values = (this.rule.condition.values ?? []).map((v) => v.userEnteredValue);
    const dropdown = this.rule.showCustomUi !== false;
    switch (this.rule.condition.type) {
      case 'ONE_OF_LIST':
        return this.a.list([this.a.list(values), dropdown]);
      case 'ONE_OF_RANGE':
        return this.a.list([this.rangeOf(values[0]), dropdown]);
      case 'NUMBER_BETWEEN':
      case 'NUMBER_GREATER_THAN_EQ':
        return this.a.list(values.map(Number));
      default:
        return this.a.list(values);
    }
  }

  private rangeOf(formula: string): LocalRange {
    const parsed = parseA1Range(formula.replace(/^=/, ''));
    const sheet = parsed.sheetName === undefined ? undefined : sheetByTitle(this.a.workbook, parsed.sheetName);
    if (!sheet) throw this.a.error('Range not found');
    return new LocalSheet(this.a, sheet).rangeOf({
      sheetId: sheet.sheetId,
      startRowIndex: parsed.startRow,
      endRowIndex: parsed.endRow,
      startColumnIndex: parsed.startColumn,
      endColumnIndex: parsed.endColumn,
    });
  }

  getHelpText(): string | null {
    return this.rule.inputMessage ?? null;
  }
  getAllowInvalid(): boolean {
    return this.rule.strict !== true;
  }
  copy(): LocalDataValidationBuilder {
    return LocalDataValidationBuilder.from(this.a, this.rule);
  }
}
