// Embedded charts through SpreadsheetApp (Sheet.newChart() … insertChart). The model keeps the
// chart's spec: { title, chartType, sourceRanges, options } for charts built here, or the Sheets
// API ChartSpec verbatim for charts added by batchUpdate.
import type { EmbeddedChart, GridRange, SheetModel } from '../../model/types';
import { loud } from './loud';
import type { Access } from './access';
import { ChartType, type EnumValue } from './enums';
import type { LocalRange } from './range';
import { rangeFromModel } from './sheet';

interface ChartState {
  chartId: number | null;
  chartType: string;
  ranges: GridRange[];
  options: Record<string, unknown>;
  anchor: { rowIndex: number; columnIndex: number };
}

export class LocalEmbeddedChartBuilder {
  constructor(
    private readonly a: Access,
    private readonly sheet: SheetModel,
    private readonly state: ChartState = { chartId: null, chartType: 'COLUMN', ranges: [], options: {}, anchor: { rowIndex: 0, columnIndex: 0 } },
  ) {
    return loud(this, 'EmbeddedChartBuilder');
  }

  addRange(range: LocalRange): this {
    this.state.ranges.push(range.gridRange);
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  setChartType(type: EnumValue | string): this {
    this.state.chartType = String(type);
    return this;
  }
  asBarChart(): this {
    return this.setChartType(ChartType.BAR);
  }
  asColumnChart(): this {
    return this.setChartType(ChartType.COLUMN);
  }
  asPieChart(): this {
    return this.setChartType(ChartType.PIE);
  }
  asLineChart(): this {
    return this.setChartType(ChartType.LINE);
  }
  /** Anchor at a 1-based row and column; pixel offsets do not change the anchor cell. */
  setPosition(anchorRowPos: number, anchorColPos: number, _offsetX: number, _offsetY: number): this {
    this.state.anchor = { rowIndex: anchorRowPos - 1, columnIndex: anchorColPos - 1 };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.state.options[option] = value;
    return this;
  }
  build(): LocalEmbeddedChart {
    return new LocalEmbeddedChart(this.a, this.sheet, structuredClone(this.state));
  }
}

export class LocalEmbeddedChart {
  constructor(
    private readonly a: Access,
    private readonly sheet: SheetModel,
    private readonly state: ChartState,
  ) {
    return loud(this, 'EmbeddedChart');
  }

  static fromModel(a: Access, sheet: SheetModel, chart: EmbeddedChart): LocalEmbeddedChart {
    const spec = chart.spec as { chartType?: string; sourceRanges?: GridRange[]; options?: Record<string, unknown>; basicChart?: { chartType?: string } };
    return new LocalEmbeddedChart(a, sheet, {
      chartId: chart.chartId,
      chartType: spec.chartType ?? spec.basicChart?.chartType ?? 'COLUMN',
      ranges: structuredClone(spec.sourceRanges ?? []),
      options: structuredClone(spec.options ?? {}),
      anchor: { rowIndex: chart.anchor.rowIndex, columnIndex: chart.anchor.columnIndex },
    });
  }

  toModel(chartId: number): EmbeddedChart {
    const spec: Record<string, unknown> = { chartType: this.state.chartType, sourceRanges: structuredClone(this.state.ranges), options: structuredClone(this.state.options) };
    if (typeof this.state.options.title === 'string') spec.title = this.state.options.title;
    return { chartId, spec, anchor: { sheetId: this.sheet.sheetId, ...this.state.anchor } };
  }

  getChartId(): number | null {
    return this.state.chartId;
  }
  getRanges(): LocalRange[] {
    return this.a.list(
      this.state.ranges.flatMap((r) => rangeFromModel(this.a, r) ?? []),
    );
  }
  getOptions() {
    return { get: (option: string) => this.state.options[option] ?? null };
  }
  modify(): LocalEmbeddedChartBuilder {
    return new LocalEmbeddedChartBuilder(this.a, this.sheet, structuredClone(this.state));
  }
}
