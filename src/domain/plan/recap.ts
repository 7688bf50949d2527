// Deciding the Rekap tab: one row per active unit whose values are plain references to the
// unit tab's summary cells (Sheets keeps them right when a tab is renamed), the columns other
// features write kept per Kode, counts per category and the chart over them.
import { findColumns } from '../tables';
import { normKey } from '../text';
import type { Category } from '../types';
import { EMPTY, columnLetter, formula, formulaString, kept, quoteSheet, text, type PlannedCell } from './cells';
import {
  RECAP_COUNTS_COLUMN,
  RECAP_COUNT_HEADERS,
  RECAP_HEADERS,
  RECAP_KEPT_COLUMNS,
  SUMMARY_HEADERS,
  UNIT_TAB,
  recapColumn,
  type RecapColumn,
} from './layout';
import type { Block } from './unit-tabs';

export interface RecapUnit {
  code: string;
  name: string;
  type: string;
  title: string;
  sheetId: number;
}

export interface RecapInput {
  units: readonly RecapUnit[];
  categories: readonly Category[];
  /** Rekap as read (header row first), to keep the columns other features write. */
  existing: readonly (readonly unknown[])[];
  /** The chart's title, in the workbook's language. */
  chartTitle: string;
}

export interface RecapPlan {
  /** From A1: the header, one row per unit, then blank rows clearing what the old Rekap had. */
  rows: PlannedCell[][];
  /** From row 1 of RECAP_COUNTS_COLUMN: the count block, then blank rows clearing the old one. */
  counts: PlannedCell[][];
  rowCount: number;
  columnCount: number;
  chart: { title: string; domain: Block; series: Block; anchorRow: number; anchorColumn: number };
}

const HEADER_STYLE = { bold: true, background: '#e8eaed', wrap: true };

/** The summary cell of a unit tab that a Rekap column shows, as A1 ('Tab'!B5). */
function summaryRef(title: string, header: (typeof SUMMARY_HEADERS)[number]): string {
  const column = columnLetter(UNIT_TAB.summaryColumn + SUMMARY_HEADERS.indexOf(header));
  return `=${quoteSheet(title)}!${column}${UNIT_TAB.summaryRow + 1}`;
}

export function planRecap(input: RecapInput): RecapPlan {
  const width = RECAP_HEADERS.length;
  const { index } = findColumns(input.existing[0], ['Kode', ...RECAP_KEPT_COLUMNS] as const);
  const keptByCode = new Map<string, Partial<Record<RecapColumn, unknown>>>();
  for (const row of input.existing.slice(1)) {
    const code = index.Kode === undefined ? '' : normKey(row[index.Kode]);
    if (code === '' || keptByCode.has(code)) continue;
    const values: Partial<Record<RecapColumn, unknown>> = {};
    for (const c of RECAP_KEPT_COLUMNS) values[c] = index[c] === undefined ? '' : row[index[c] as number];
    keptByCode.set(code, values);
  }
  const letter = (c: RecapColumn) => columnLetter(recapColumn(c));

  const rows: PlannedCell[][] = [RECAP_HEADERS.map((h) => text(h, HEADER_STYLE))];
  input.units.forEach((unit, i) => {
    const n = i + 2;
    const keptValues = keptByCode.get(normKey(unit.code)) ?? {};
    const cells: Record<RecapColumn, PlannedCell> = {
      Kode: text(unit.code),
      'Nama Unit': text(unit.name),
      Jenis: text(unit.type),
      'Skor Mandiri': formula(summaryRef(unit.title, 'Skor Mandiri'), { format: 'decimal' }),
      'Skor Akhir': formula(summaryRef(unit.title, 'Skor Akhir'), { format: 'decimal' }),
      Kategori: formula(summaryRef(unit.title, 'Kategori')),
      'Jumlah Temuan': formula(summaryRef(unit.title, 'Jumlah Temuan')),
      Kelengkapan: formula(summaryRef(unit.title, 'Kelengkapan'), { format: 'decimal' }),
      'Skor Putaran Lalu': kept(keptValues['Skor Putaran Lalu'], { format: 'decimal' }),
      Perubahan: formula(
        `=IF(OR(${letter('Skor Akhir')}${n}="",${letter('Skor Putaran Lalu')}${n}=""),"",ROUND(${letter('Skor Akhir')}${n}-${letter('Skor Putaran Lalu')}${n},2))`,
        { format: 'decimal' },
      ),
      'Email Terakhir': kept(keptValues['Email Terakhir']),
      Tab: formula(`=HYPERLINK(${formulaString(`#gid=${unit.sheetId}`)},${formulaString(unit.title)})`),
    };
    rows.push(RECAP_HEADERS.map((h) => cells[h]));
  });
  const blank = (w: number) => Array<PlannedCell>(w).fill(EMPTY);
  const usedRows = rows.length;
  while (rows.length < input.existing.length) rows.push(blank(width));

  const categoryColumn = letter('Kategori');
  const last = Math.max(2, input.units.length + 1);
  const counts: PlannedCell[][] = [RECAP_COUNT_HEADERS.map((h) => text(h, HEADER_STYLE))];
  input.categories.forEach((c, i) => {
    const labelCell = `${columnLetter(RECAP_COUNTS_COLUMN)}${i + 2}`;
    counts.push([text(c.name), formula(`=COUNTIF($${categoryColumn}$2:$${categoryColumn}$${last},${labelCell})`)]);
  });
  const usedCounts = counts.length;
  while (counts.length < input.existing.length) counts.push(blank(RECAP_COUNT_HEADERS.length));

  const countBlock = (column: number): Block => ({ startRow: 1, endRow: usedCounts, startColumn: column, endColumn: column + 1 });
  return {
    rows,
    counts,
    rowCount: Math.max(usedRows, usedCounts),
    columnCount: RECAP_COUNTS_COLUMN + RECAP_COUNT_HEADERS.length,
    chart: {
      title: input.chartTitle,
      domain: countBlock(RECAP_COUNTS_COLUMN),
      series: countBlock(RECAP_COUNTS_COLUMN + 1),
      anchorRow: usedCounts + 1,
      anchorColumn: RECAP_COUNTS_COLUMN,
    },
  };
}
