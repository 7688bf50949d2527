// Deciding the Rekap tab: one row per active unit whose values are plain references to the
// unit tab's summary cells (Sheets keeps them right when a tab is renamed), the columns other
// features write kept per Kode, formulas for the last email (over Log Email), the stage (over
// the tab's statuses and answers and Log Email, src/domain/stage.ts) and the category move,
// the open follow-ups counted when Rekap is rebuilt, and the count block (categories of the
// verified units, stages, moves, open follow-ups) with the chart over it. Kategori and the
// category move show only for a verified unit: nothing unverified reads as a final result.
// For the head of office: the Kategori cells coloured by their zone, the rank of each verified
// unit (Peringkat), the Skor Akhir per aspect (`Skor {Aspek}`, computed by the one scoring code
// when Rekap is rebuilt, as the open follow-ups: Rekap holds no custom function), and right of
// everything the counts per Jenis × Kategori and the trend over the rounds of Riwayat (average
// Skor Akhir and count per category), charted.
//
// Columns a user added to the right of Rekap's own are never written: an older, narrower Rekap
// gets columns inserted (its user columns and count block move right, intact), and the count
// block stays where it is found, or goes to the right of everything when there is none.
import { lastSentFormula } from '../ledger';
import { HEADERS, TABS, findColumns } from '../tables';
import { cellText, normKey } from '../text';
import { SCORE_SCALE, hasIndex, type ScoreScale } from '../scale';
import type { CategoryTable } from '../types';
import { countOfCategory, exactCriterion, zoneColourRules } from './category-cells';
import { EMPTY, columnLetter, formula, formulaString, kept, num, quoteSheet, text, type PlannedCell } from './cells';
import {
  CATEGORY_MOVES,
  RECAP_ASPECT_PREFIX,
  RECAP_COUNT_HEADERS,
  RECAP_JENIS_HEADER,
  RECAP_HEADERS,
  RECAP_KEPT_COLUMNS,
  RECAP_STAGE_COUNT_HEADERS,
  RECAP_TREND_HEADERS,
  SUMMARY_INDEX_HEADERS,
  SUMMARY_LAYOUT,
  UNIT_TAB,
  type SummaryHeader,
  recapColumn,
  type RecapColumn,
} from './layout';
import type { Block, PlannedColourRule } from './unit-tabs';
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
  /** The note on the Peringkat header: who is ranked, on what. */
  rankNote: string;
  /** The note on each Skor {Aspek} header: what it is and when it is computed. */
  aspectNote: string;
  /** The note on Indeks Mandiri and Indeks Akhir (a Kategori Skala 0-N): what the figure is. */
  indexNote: string;
  trendChartTitle: string;
}

export interface RecapInput {
  units: readonly RecapUnit[];
  /** Kategori: the categories and the scale their minimums are on. */
  categories: CategoryTable;
  /** Rekap as read (header row first), to keep the columns other features write and the user's own. */
  existing: readonly (readonly unknown[])[];
  /** Findings whose Tindak Lanjut is not Selesai, by unit Kode (normKey); a unit not in it shows nothing. */
  openFollowUps: ReadonlyMap<string, number>;
  /** The aspects of the instrument, in order: one `Skor {Aspek}` column each. */
  aspects: readonly string[];
  /** Each unit's Skor Akhir per aspect (in `aspects` order, null for none), by unit Kode (normKey); a unit not in it shows nothing. */
  aspectScores: ReadonlyMap<string, readonly (number | null)[]>;
  /** The closed rounds of Riwayat, in order, then the active round's label ('' for none): the trend's rows. */
  closedRounds: readonly string[];
  activeRound: string;
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
  /** Zero-based column of the Jenis × Kategori table and, below it, the trend over the rounds. */
  analysisColumn: number;
  /** From row 1 of analysisColumn: those two tables, then blank rows clearing the old ones. */
  analysis: PlannedCell[][];
  rowCount: number;
  columnCount: number;
  /** The column chart of the categories, then (when there is a round) the line chart of the trend. */
  charts: RecapChart[];
  /** The zone colours of the Kategori column's unit rows (the rule's formula relative to its top cell). */
  colourRules: PlannedColourRule[];
  colourBlock: Block;
}

export interface RecapChart {
  type: 'COLUMN' | 'LINE';
  title: string;
  domain: Block;
  series: Block;
  anchorRow: number;
  anchorColumn: number;
}

const HEADER_STYLE = { bold: true, background: '#e8eaed', wrap: true };

/** The summary cell of a unit tab that a Rekap column shows, as A1 ('Tab'!B5). */
function summaryRef(title: string, header: SummaryHeader): string {
  const column = columnLetter(UNIT_TAB.summaryColumn + SUMMARY_LAYOUT.indexOf(header));
  return `${quoteSheet(title)}!${column}${UNIT_TAB.summaryRow + 1}`;
}

interface Placement {
  insertColumns: RecapPlan['insertColumns'];
  countsColumn: number;
  /** Where the Jenis × Kategori and trend tables go: where they are found, else right of everything else. */
  analysisColumn: number;
  /** How many leading columns are Rekap's own as found (an aspect column of an older instrument included). */
  own: number;
}

/**
 * Where the rebuild writes, given Rekap as it is and the `headers` of its own columns now: the
 * leading header cells that are Rekap's own columns (an older version may have fewer; a
 * `Skor {Aspek}` column after Peringkat is Rekap's own whatever the aspect), the user's columns
 * and the count block to their right, and the Jenis × Kategori and trend tables right of all.
 */
function placement(existing: readonly (readonly unknown[])[], headers: readonly string[], firstCategory: string): Placement {
  const width = headers.length;
  const header = (existing[0] ?? []).map((c) => cellText(c));
  const ours = new Set(headers.map((h) => h.toLowerCase()));
  const seen = new Set<string>();
  const fixed = RECAP_HEADERS.length;
  // The index columns are Rekap's own also when the scale no longer shows them: the rebuild clears them.
  const index = new Set<string>(SUMMARY_INDEX_HEADERS.map((h) => h.toLowerCase()));
  const isOwn = (h: string, at: number) =>
    !seen.has(h.toLowerCase()) && (ours.has(h.toLowerCase()) || (at >= fixed && (index.has(h.toLowerCase()) || h.startsWith(RECAP_ASPECT_PREFIX))));
  let own = 0;
  while (own < header.length && isOwn(header[own], own)) {
    seen.add(header[own].toLowerCase());
    own++;
  }
  const lastUsed = existing.reduce<number>((last, row) => {
    for (let c = row.length - 1; c > last && c >= own; c--) if (cellText(row[c]) !== '') return c;
    return last;
  }, -1);
  const insert = own > 0 && own < width && lastUsed >= own ? width - own : 0;
  const shift = (c: number) => (c >= own ? c + insert : c);
  const insertColumns = insert > 0 ? { at: own, count: insert } : null;
  const ownEnd = Math.max(width, own);
  const countsAt = (): number => {
    for (let c = own; c + 1 < header.length; c++) {
      if (header[c] === RECAP_COUNT_HEADERS[0] && header[c + 1] === RECAP_COUNT_HEADERS[1] && shift(c) >= ownEnd) return shift(c);
    }
    return lastUsed >= own ? Math.max(ownEnd + 1, shift(lastUsed) + 2) : ownEnd + 1;
  };
  const countsColumn = countsAt();
  // The tables are found by their header (Jenis, then the first category), never a user's column.
  const found = header.findIndex((h, c) => h === RECAP_JENIS_HEADER && header[c + 1] === firstCategory && shift(c) > countsColumn + 1);
  const lastAnywhere = Math.max(shift(lastUsed), countsColumn + 1);
  return { insertColumns, countsColumn, analysisColumn: found >= 0 ? shift(found) : lastAnywhere + 2, own };
}

/**
 * A score cell's figure on the Kategori scale, as a formula (as shownScore: Skor × N / 100
 * rounded to 2 decimals; the score itself on 0–100), for a score that no summary shows on it.
 */
function onScaleFormula(cell: string, scale: ScoreScale): string {
  return hasIndex(scale) ? `ROUND(${cell}*${scale.max}/${SCORE_SCALE.max},2)` : cell;
}

/** The category rank of a figure on the Kategori scale: how many category thresholds it reaches. */
function rankOf(shown: string, thresholds: readonly number[]): string {
  return thresholds.length === 0 ? '0' : thresholds.map((min) => `(${shown}>=${min})`).join('+');
}

/**
 * Rekap's own columns: the pinned ones, Peringkat, with a Kategori Skala 0-N (not 0-100) the
 * summary's Indeks Mandiri and Indeks Akhir, then one `Skor {Aspek}` per aspect.
 */
export function recapHeaders(aspects: readonly string[], scale: ScoreScale): string[] {
  return [...RECAP_HEADERS, ...(hasIndex(scale) ? SUMMARY_INDEX_HEADERS : []), ...aspects.map((a) => `${RECAP_ASPECT_PREFIX}${a}`)];
}

/** A Riwayat column, whole (Riwayat!$D:$D). */
function riwayatColumn(header: (typeof HEADERS.riwayat)[number]): string {
  const letter = columnLetter(HEADERS.riwayat.indexOf(header));
  return `${quoteSheet(TABS.riwayat)}!$${letter}:$${letter}`;
}

export function planRecap(input: RecapInput): RecapPlan {
  const { labels } = input;
  const { categories, scale } = input.categories;
  const headers = recapHeaders(input.aspects, scale);
  const indexHeaders = hasIndex(scale) ? SUMMARY_INDEX_HEADERS : [];
  const { insertColumns, countsColumn, analysisColumn, own } = placement(input.existing, headers, input.categories.categories[0]?.name ?? '');
  const width = Math.max(headers.length, own);
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
  const thresholds = [...new Set(categories.map((c) => c.min))].sort((a, b) => a - b);
  const last = Math.max(2, input.units.length + 1);
  const range = (c: RecapColumn) => `$${letter(c)}$2:$${letter(c)}$${last}`;
  const firstIndex = RECAP_HEADERS.length;
  const firstAspect = firstIndex + indexHeaders.length;

  const header: PlannedCell[] = headers.map((h) => text(h, HEADER_STYLE));
  header[recapColumn('Tindak Lanjut Terbuka')] = { ...header[recapColumn('Tindak Lanjut Terbuka')], note: labels.openFollowUpsNote };
  header[recapColumn('Tahap')] = { ...header[recapColumn('Tahap')], note: labels.stageNote };
  header[recapColumn('Peringkat')] = { ...header[recapColumn('Peringkat')], note: labels.rankNote };
  indexHeaders.forEach((_, k) => (header[firstIndex + k] = { ...header[firstIndex + k], note: labels.indexNote }));
  input.aspects.forEach((_, k) => (header[firstAspect + k] = { ...header[firstAspect + k], note: labels.aspectNote }));
  const blank = (w: number) => Array<PlannedCell>(w).fill(EMPTY);
  const rows: PlannedCell[][] = [[...header, ...blank(width - headers.length)]];
  input.units.forEach((unit, i) => {
    const n = i + 2;
    const keptValues = keptByCode.get(normKey(unit.code)) ?? {};
    const now = `${letter('Skor Akhir')}${n}`;
    const before = `${letter('Skor Putaran Lalu')}${n}`;
    // The current category on the figure the tab's summary shows (its Indeks Akhir where the scale has one).
    const shownNow = hasIndex(scale) ? `${columnLetter(firstIndex + SUMMARY_INDEX_HEADERS.indexOf('Indeks Akhir'))}${n}` : now;
    const [up, down] = [rankOf(shownNow, thresholds), rankOf(onScaleFormula(before, scale), thresholds)];
    const open = input.openFollowUps.get(normKey(unit.code));
    const code = `$${letter('Kode')}${n}`;
    const stage = `${letter('Tahap')}${n}`;
    const verified = `OR(${VERIFIED_STAGES.map((s) => `${stage}=${formulaString(s)}`).join(',')})`;
    const unverified = `IF(${stage}=${formulaString(STAGES[0])},"",${formulaString(INITIAL_STATUSES.verify)})`;
    // 1 + the verified units with a higher Skor Akhir: equal scores share a rank.
    const higher = VERIFIED_STAGES.map((s) => `COUNTIFS(${range('Skor Akhir')},">"&${now},${range('Tahap')},${formulaString(s)})`).join('+');
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
      Peringkat: formula(`=IF(AND(${verified},ISNUMBER(${now})),1+${higher},"")`),
    };
    // The scores on the Kategori scale, as the tab's summary shows them.
    const indexCells = indexHeaders.map((h) => formula(`=${summaryRef(unit.title, h)}`, { format: 'decimal' }));
    // Each aspect's score, computed when Rekap is rebuilt (as Tindak Lanjut Terbuka).
    const scores = input.aspectScores.get(normKey(unit.code));
    const aspectCells = input.aspects.map((_, k): PlannedCell => {
      const score = scores?.[k] ?? null;
      return score === null ? EMPTY : num(score, { format: 'decimal' });
    });
    rows.push([...RECAP_HEADERS.map((h) => cells[h]), ...indexCells, ...aspectCells, ...blank(width - headers.length)]);
  });
  const usedRows = rows.length;
  while (rows.length < input.existing.length) rows.push(blank(width));

  const counts: PlannedCell[][] = [RECAP_COUNT_HEADERS.map((h) => text(h, HEADER_STYLE))];
  const kategori = range('Kategori');
  categories.forEach((c) => counts.push([text(c.name), formula(`=${countOfCategory(kategori, c, categories)}`)]));
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

  // Jenis × Kategori: the verified units of each Jenis (in Unit order) per category.
  const analysisWidth = RECAP_TREND_HEADERS.length + categories.length;
  const padded = (cells: PlannedCell[]) => [...cells, ...blank(analysisWidth - cells.length)];
  const categoryHeaders = categories.map((c) => text(c.name, HEADER_STYLE));
  const analysis: PlannedCell[][] = [padded([text(RECAP_JENIS_HEADER, HEADER_STYLE), ...categoryHeaders])];
  const jenis = new Map<string, string>();
  for (const u of input.units) if (!jenis.has(normKey(u.type))) jenis.set(normKey(u.type), u.type);
  for (const type of jenis.values()) {
    const also = `${range('Jenis')},${exactCriterion(type)}`;
    analysis.push(padded([text(type), ...categories.map((c) => formula(`=${countOfCategory(kategori, c, categories, also)}`))]));
  }
  // The trend: each closed round from Riwayat, then the active round from Rekap itself.
  analysis.push(blank(analysisWidth), [...RECAP_TREND_HEADERS.map((h) => text(h, HEADER_STYLE)), ...categoryHeaders]);
  const trendFirst = analysis.length;
  const closed = new Set(input.closedRounds.map(normKey));
  const score = riwayatColumn('Skor Akhir');
  for (const round of input.closedRounds) {
    const when = `${riwayatColumn('Putaran')},${exactCriterion(round)}`;
    analysis.push([
      text(round),
      // The units of the round that have a score (SUMIFS / COUNTIFS: the same in Sheets, Excel and LibreOffice).
      formula(`=IFERROR(ROUND(SUMIFS(${score},${when})/COUNTIFS(${when},${score},"<>"),2),"")`, { format: 'decimal' }),
      ...categories.map((c) => formula(`=COUNTIFS(${when},${riwayatColumn('Kategori')},${exactCriterion(c.name)})`)),
    ]);
  }
  if (input.activeRound !== '' && !closed.has(normKey(input.activeRound))) {
    analysis.push([
      text(input.activeRound),
      formula(`=IFERROR(ROUND(AVERAGE(${range('Skor Akhir')}),2),"")`, { format: 'decimal' }),
      ...categories.map((c) => formula(`=${countOfCategory(kategori, c, categories)}`)),
    ]);
  }
  const trendRows = analysis.length - trendFirst;
  const usedAnalysis = analysis.length;
  while (analysis.length < input.existing.length) analysis.push(blank(analysisWidth));

  const column = (c: number, from: number, to: number): Block => ({ startRow: from, endRow: to, startColumn: c, endColumn: c + 1 });
  const charts: RecapChart[] = [
    {
      type: 'COLUMN',
      title: labels.chartTitle,
      domain: column(countsColumn, 1, categoryRows),
      series: column(countsColumn + 1, 1, categoryRows),
      anchorRow: usedCounts + 1,
      anchorColumn: countsColumn,
    },
  ];
  if (trendRows > 0) {
    charts.push({
      type: 'LINE',
      title: labels.trendChartTitle,
      domain: column(analysisColumn, trendFirst, trendFirst + trendRows),
      series: column(analysisColumn + 1, trendFirst, trendFirst + trendRows),
      anchorRow: usedAnalysis + 1,
      anchorColumn: analysisColumn,
    });
  }
  const kategoriColumn = recapColumn('Kategori');
  return {
    insertColumns,
    rows,
    countsColumn,
    counts,
    analysisColumn,
    analysis,
    rowCount: Math.max(usedRows, usedCounts, usedAnalysis),
    columnCount: analysisColumn + analysisWidth,
    charts,
    colourRules: zoneColourRules(`$${columnLetter(kategoriColumn)}2`, categories),
    colourBlock: { startRow: 1, endRow: last, startColumn: kategoriColumn, endColumn: kategoriColumn + 1 },
  };
}
