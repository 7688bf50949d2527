// Deciding the Rekap tab: one row per active unit whose values are plain references to the
// unit tab's summary cells (Sheets keeps them right when a tab is renamed), the columns other
// features write kept per Kode, formulas for the last email (over Log Email), the stage (over
// the tab's statuses and answers and Log Email, src/domain/stage.ts) and the category move,
// the open follow-ups counted when Rekap is rebuilt, and the count block (categories of the
// verified units, stages, moves, open follow-ups) with the chart over it. Kategori and the
// category move show only for a verified unit: nothing unverified reads as a final result.
//
// Columns a user added to the right of Rekap's own are never written: an older, narrower Rekap
// gets columns inserted (its user columns and count block move right, intact), and the count
// block stays where it is found, or goes to the right of everything when there is none.
import { lastSentFormula } from '../ledger';
import { findColumns } from '../tables';
import { cellText, normKey } from '../text';
import { SCORE_SCALE, type ScoreScale } from '../scale';
import type { CategoryTable } from '../types';
import { EMPTY, columnLetter, formula, formulaString, kept, num, quoteSheet, text, type PlannedCell } from './cells';
import {
  CATEGORY_MOVES,
  RECAP_COUNTS_COLUMN,
  RECAP_COUNT_HEADERS,
  RECAP_HEADERS,
  RECAP_KEPT_COLUMNS,
  RECAP_STAGE_COUNT_HEADERS,
  SUMMARY_HEADERS,
  UNIT_TAB,
  recapColumn,
  type RecapColumn,
} from './layout';
import type { Block } from './unit-tabs';
import { INITIAL_STATUSES, STAGES, VERIFIED_STAGES, stageFactFormulas, stageFormula, type StageRefs } from '../stage';

export interface RecapUnit {
  code: string;
  name: string;
  type: string;
  title: string;
  sheetId: number;
  /** Where the tab keeps what its stage is made of (stageRefsOf). */
  stage: StageRefs;
}

/** Rekap's own texts, in the workbook's language. */
export interface RecapLabels {
  chartTitle: string;
  movedUp: string;
  movedDown: string;
  openFollowUps: string;
  /** The note on the Tindak Lanjut Terbuka header: when it is counted. */
  openFollowUpsNote: string;
  /** The note on the Tahap header: what the stages are and what they follow. */
  stageNote: string;
}

export interface RecapInput {
  units: readonly RecapUnit[];
  /** Kategori: the categories and the scale their minimums are on. */
  categories: CategoryTable;
  /** Rekap as read (header row first), to keep the columns other features write and the user's own. */
  existing: readonly (readonly unknown[])[];
  /** Findings whose Tindak Lanjut is not Selesai, by unit Kode (normKey); a unit not in it shows nothing. */
  openFollowUps: ReadonlyMap<string, number>;
  /** The open follow-ups in words, by unit Kode (normKey): the note of the unit's count. */
  openFollowUpNotes?: ReadonlyMap<string, string>;
  labels: RecapLabels;
}

export interface RecapPlan {
  /** Columns to insert before writing (an older Rekap with columns to the right of its own). */
  insertColumns: { at: number; count: number } | null;
  /** From A1: the header, one row per unit, then blank rows clearing what the old Rekap had. */
  rows: PlannedCell[][];
  /** Zero-based column of the count block. */
  countsColumn: number;
  /** From row 1 of countsColumn: the count block, then blank rows clearing the old one. */
  counts: PlannedCell[][];
  rowCount: number;
  columnCount: number;
  chart: { title: string; domain: Block; series: Block; anchorRow: number; anchorColumn: number };
}

const HEADER_STYLE = { bold: true, background: '#e8eaed', wrap: true };

/** The summary cell of a unit tab that a Rekap column shows, as A1 ('Tab'!B5). */
function summaryRef(title: string, header: (typeof SUMMARY_HEADERS)[number]): string {
  const column = columnLetter(UNIT_TAB.summaryColumn + SUMMARY_HEADERS.indexOf(header));
  return `${quoteSheet(title)}!${column}${UNIT_TAB.summaryRow + 1}`;
}

interface Placement {
  insertColumns: RecapPlan['insertColumns'];
  countsColumn: number;
}

/**
 * Where the rebuild writes, given Rekap as it is: the leading header cells that are Rekap's
 * own columns (an older version may have fewer), the user's columns and the count block to
 * their right.
 */
function placement(existing: readonly (readonly unknown[])[]): Placement {
  const width = RECAP_HEADERS.length;
  const header = (existing[0] ?? []).map((c) => cellText(c));
  const ours = new Set(RECAP_HEADERS.map((h) => h.toLowerCase()));
  const seen = new Set<string>();
  let own = 0;
  while (own < header.length && ours.has(header[own].toLowerCase()) && !seen.has(header[own].toLowerCase())) {
    seen.add(header[own].toLowerCase());
    own++;
  }
  const lastUsed = existing.reduce<number>((last, row) => {
    for (let c = row.length - 1; c > last && c >= own; c--) if (cellText(row[c]) !== '') return c;
    return last;
  }, -1);
  const insert = own > 0 && own < width && lastUsed >= own ? width - own : 0;
  const shift = (c: number) => (c >= own ? c + insert : c);
  for (let c = own; c + 1 < header.length; c++) {
    if (header[c] === RECAP_COUNT_HEADERS[0] && header[c + 1] === RECAP_COUNT_HEADERS[1] && shift(c) >= width) {
      return { insertColumns: insert > 0 ? { at: own, count: insert } : null, countsColumn: shift(c) };
    }
  }
  return {
    insertColumns: insert > 0 ? { at: own, count: insert } : null,
    countsColumn: lastUsed >= own ? Math.max(RECAP_COUNTS_COLUMN, shift(lastUsed) + 2) : RECAP_COUNTS_COLUMN,
  };
}

/**
 * The category rank of a score cell: how many category thresholds its figure on the Kategori
 * scale reaches (as shownScore: Skor × N / 100 rounded to 2 decimals; the score itself on 0–100).
 */
function rankOf(cell: string, thresholds: readonly number[], scale: ScoreScale): string {
  const shown = scale.max === SCORE_SCALE.max ? cell : `ROUND(${cell}*${scale.max}/${SCORE_SCALE.max},2)`;
  return thresholds.length === 0 ? '0' : thresholds.map((min) => `(${shown}>=${min})`).join('+');
}

export function planRecap(input: RecapInput): RecapPlan {
  const width = RECAP_HEADERS.length;
  const { labels } = input;
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
  const { categories, scale } = input.categories;
  const thresholds = [...new Set(categories.map((c) => c.min))].sort((a, b) => a - b);

  const header = RECAP_HEADERS.map((h) => text(h, HEADER_STYLE));
  header[recapColumn('Tindak Lanjut Terbuka')] = { ...header[recapColumn('Tindak Lanjut Terbuka')], note: labels.openFollowUpsNote };
  header[recapColumn('Tahap')] = { ...header[recapColumn('Tahap')], note: labels.stageNote };
  const rows: PlannedCell[][] = [header];
  input.units.forEach((unit, i) => {
    const n = i + 2;
    const keptValues = keptByCode.get(normKey(unit.code)) ?? {};
    const now = `${letter('Skor Akhir')}${n}`;
    const before = `${letter('Skor Putaran Lalu')}${n}`;
    const [up, down] = [rankOf(now, thresholds, scale), rankOf(before, thresholds, scale)];
    const open = input.openFollowUps.get(normKey(unit.code));
    const code = `$${letter('Kode')}${n}`;
    const stage = `${letter('Tahap')}${n}`;
    const verified = `OR(${VERIFIED_STAGES.map((s) => `${stage}=${formulaString(s)}`).join(',')})`;
    const unverified = `IF(${stage}=${formulaString(STAGES[0])},"",${formulaString(INITIAL_STATUSES.verify)})`;
    const cells: Record<RecapColumn, PlannedCell> = {
      Kode: text(unit.code),
      'Nama Unit': text(unit.name),
      Jenis: text(unit.type),
      'Skor Mandiri': formula(`=${summaryRef(unit.title, 'Skor Mandiri')}`, { format: 'decimal' }),
      'Skor Akhir': formula(`=${summaryRef(unit.title, 'Skor Akhir')}`, { format: 'decimal' }),
      // A category only for a verified unit; the others say why they have none.
      Kategori: formula(`=IF(${verified},${summaryRef(unit.title, 'Kategori')},${unverified})`),
      'Jumlah Temuan': formula(`=${summaryRef(unit.title, 'Jumlah Temuan')}`),
      Kelengkapan: formula(`=${summaryRef(unit.title, 'Kelengkapan')}`, { format: 'decimal' }),
      'Skor Putaran Lalu': kept(keptValues['Skor Putaran Lalu'], { format: 'decimal' }),
      Perubahan: formula(`=IF(OR(${now}="",${before}=""),"",ROUND(${now}-${before},2))`, { format: 'decimal' }),
      'Email Terakhir': formula(lastSentFormula(code), { format: 'datetime' }),
      Tahap: formula(`=${stageFormula(stageFactFormulas(unit.title, unit.stage, code))}`),
      'Perubahan Kategori': formula(
        `=IF(OR(${now}="",${before}="",NOT(${verified})),"",IF(${up}>${down},${formulaString(CATEGORY_MOVES.up)},IF(${up}<${down},${formulaString(CATEGORY_MOVES.down)},${formulaString(CATEGORY_MOVES.same)})))`,
      ),
      'Tindak Lanjut Terbuka': open === undefined ? EMPTY : { ...num(open), note: input.openFollowUpNotes?.get(normKey(unit.code)) },
      Tab: formula(`=HYPERLINK(${formulaString(`#gid=${unit.sheetId}`)},${formulaString(unit.title)})`),
    };
    rows.push(RECAP_HEADERS.map((h) => cells[h]));
  });
  const blank = (w: number) => Array<PlannedCell>(w).fill(EMPTY);
  const usedRows = rows.length;
  while (rows.length < input.existing.length) rows.push(blank(width));

  const { insertColumns, countsColumn } = placement(input.existing);
  const last = Math.max(2, input.units.length + 1);
  const range = (c: RecapColumn) => `$${letter(c)}$2:$${letter(c)}$${last}`;
  const counts: PlannedCell[][] = [RECAP_COUNT_HEADERS.map((h) => text(h, HEADER_STYLE))];
  categories.forEach((c, i) => {
    const labelCell = `${columnLetter(countsColumn)}${i + 2}`;
    counts.push([text(c.name), formula(`=COUNTIF(${range('Kategori')},${labelCell})`)]);
  });
  const categoryRows = counts.length;
  counts.push(blank(RECAP_COUNT_HEADERS.length), RECAP_STAGE_COUNT_HEADERS.map((h) => text(h, HEADER_STYLE)));
  for (const stage of STAGES) {
    const labelCell = `${columnLetter(countsColumn)}${counts.length + 1}`;
    counts.push([text(stage), formula(`=COUNTIF(${range('Tahap')},${labelCell})`)]);
  }
  counts.push(
    blank(RECAP_COUNT_HEADERS.length),
    [text(labels.movedUp), formula(`=COUNTIF(${range('Perubahan Kategori')},${formulaString(CATEGORY_MOVES.up)})`)],
    [text(labels.movedDown), formula(`=COUNTIF(${range('Perubahan Kategori')},${formulaString(CATEGORY_MOVES.down)})`)],
    [text(labels.openFollowUps), formula(`=SUM(${range('Tindak Lanjut Terbuka')})`)],
  );
  const usedCounts = counts.length;
  while (counts.length < input.existing.length) counts.push(blank(RECAP_COUNT_HEADERS.length));

  const countBlock = (column: number): Block => ({ startRow: 1, endRow: categoryRows, startColumn: column, endColumn: column + 1 });
  return {
    insertColumns,
    rows,
    countsColumn,
    counts,
    rowCount: Math.max(usedRows, usedCounts),
    columnCount: countsColumn + RECAP_COUNT_HEADERS.length,
    chart: {
      title: labels.chartTitle,
      domain: countBlock(countsColumn),
      series: countBlock(countsColumn + 1),
      anchorRow: usedCounts + 1,
      anchorColumn: countsColumn,
    },
  };
}
