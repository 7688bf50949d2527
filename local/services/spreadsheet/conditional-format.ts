// Conditional format rules through SpreadsheetApp, stored as the Sheets API's ConditionalFormatRule.
import type { BooleanCondition, ConditionalFormatRule } from '../../model/types';
import { loud } from './loud';
import type { Access } from './access';
import { BooleanCriteria, type EnumValue } from './enums';
import type { LocalRange } from './range';
import { rangeFromModel } from './sheet';

const CRITERIA: Record<string, keyof typeof BooleanCriteria> = {
  TEXT_EQ: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_GREATER_THAN_EQ: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS: 'NUMBER_LESS_THAN',
  BLANK: 'CELL_EMPTY',
};

type Format = ConditionalFormatRule['booleanRule']['format'];

export class LocalConditionalFormatRuleBuilder {
  private rule: ConditionalFormatRule = { ranges: [], booleanRule: { condition: { type: 'BLANK' }, format: {} } };

  constructor(private readonly a: Access) {
    return loud(this, 'ConditionalFormatRuleBuilder');
  }

  static from(a: Access, rule: ConditionalFormatRule): LocalConditionalFormatRuleBuilder {
    const builder = new LocalConditionalFormatRuleBuilder(a);
    builder.rule = structuredClone(rule);
    return builder;
  }

  private when(type: string, values: string[] = []): this {
    const condition: BooleanCondition = { type };
    if (values.length > 0) condition.values = values.map((userEnteredValue) => ({ userEnteredValue }));
    this.rule.booleanRule.condition = condition;
    return this;
  }
  private format(change: (f: Format) => void): this {
    change(this.rule.booleanRule.format);
    return this;
  }

  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQ', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_EQ', [String(n)]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS', [String(n)]);
  }
  whenCellEmpty(): this {
    return this.when('BLANK');
  }
  setBackground(color: string | null): this {
    return this.format((f) => (color ? (f.backgroundColor = color) : delete f.backgroundColor));
  }
  setFontColor(color: string | null): this {
    return this.format((f) => (color ? (f.fontColor = color) : delete f.fontColor));
  }
  setBold(bold: boolean): this {
    return this.format((f) => (f.bold = bold));
  }
  setRanges(ranges: LocalRange[]): this {
    this.rule.ranges = ranges.map((r) => r.gridRange);
    return this;
  }
  build(): LocalConditionalFormatRule {
    return LocalConditionalFormatRule.fromModel(this.a, this.rule);
  }
}

export class LocalConditionalFormatRule {
  private constructor(
    private readonly a: Access,
    private readonly rule: ConditionalFormatRule,
  ) {
    return loud(this, 'ConditionalFormatRule');
  }

  static fromModel(a: Access, rule: ConditionalFormatRule): LocalConditionalFormatRule {
    return new LocalConditionalFormatRule(a, structuredClone(rule));
  }

  toModel(): ConditionalFormatRule {
    return structuredClone(this.rule);
  }

  getRanges(): LocalRange[] {
    return this.a.list(
      this.rule.ranges.flatMap((r) => rangeFromModel(this.a, r) ?? []),
    );
  }

  getBooleanCondition() {
    const { condition, format } = this.rule.booleanRule;
    return {
      getCriteriaType: (): EnumValue => BooleanCriteria[CRITERIA[condition.type] ?? 'CUSTOM_FORMULA'],
      getCriteriaValues: () => this.a.list((condition.values ?? []).map((v) => v.userEnteredValue)),
      getBackground: () => format.backgroundColor ?? null,
      getFontColor: () => format.fontColor ?? null,
      getBold: () => format.bold ?? null,
    };
  }

  copy(): LocalConditionalFormatRuleBuilder {
    return LocalConditionalFormatRuleBuilder.from(this.a, this.rule);
  }
}
