// Shared set-up of the core bundle tests: a workbook in the local runtime, run as a user, and
// small readers of the in-memory model (the tests look at what Sheets would show).
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import type { CellData, SheetModel, WorkbookModel } from '../../local/model/types';
import { readFileSync } from 'node:fs';
import { DEMO_UNITS_FILE } from '../../cli/demo';
import { parseDelimited } from '../../src/domain/text';
import { ensureBuilt } from '../helpers/build';

export const ADMIN = 'sekretariat@ombudsman.example';

/** The demo's 30 units, header row first, as the demo ships them. */
export const DEMO_UNITS_30 = parseDelimited(readFileSync(DEMO_UNITS_FILE, 'utf8'));

export interface Ok {
  ok: true;
  [key: string]: unknown;
}
export interface Err {
  ok: false;
  error: string;
  problems?: { tab: string; row?: number; message: string }[];
}
export type Result = Ok | Err;

export function built(): void {
  ensureBuilt();
}

export function runtimeFor(workbook: WorkbookModel, user: string): Promise<LocalRuntime> {
  return LocalRuntime.open({ workbook, user, now: new Date('2025-01-06T09:00:00+07:00') });
}

export function run(rt: LocalRuntime, fn: string, ...args: unknown[]): Result {
  return rt.run(fn, ...args) as Result;
}

export function ok(result: Result): Ok {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error} ${JSON.stringify(result.problems ?? [])}`);
  return result;
}

/** Rows as tab-separated text, as a spreadsheet copies them. */
export function tsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.join('\t')).join('\n');
}

/** A set-up workbook with the 30 demo units pasted into Unit (not generated yet). */
export async function demoWorkbook(units: readonly (readonly string[])[] = DEMO_UNITS_30): Promise<{ workbook: WorkbookModel; rt: LocalRuntime }> {
  const workbook = newWorkbook({ owner: ADMIN });
  const rt = await runtimeFor(workbook, ADMIN);
  ok(run(rt, 'setupWorkbook', { profile: 'ombudsman-2021' }));
  ok(run(rt, 'addUnits', tsv(units)));
  return { workbook, rt };
}

export function sheet(workbook: WorkbookModel, title: string): SheetModel {
  const found = workbook.sheets.find((s) => s.title === title);
  if (!found) throw new Error(`no tab ${title}; tabs: ${workbook.sheets.map((s) => s.title).join(', ')}`);
  return found;
}

export function cell(s: SheetModel, row: number, column: number): CellData | undefined {
  return s.rows[row]?.[column];
}

/** What the cell shows ('' for empty). */
export function shown(s: SheetModel, row: number, column: number): unknown {
  return cell(s, row, column)?.value ?? '';
}

/** The values of a tab, as a values read returns them. */
export function grid(s: SheetModel): unknown[][] {
  return s.rows.map((r) => (r ?? []).map((c) => c?.value ?? ''));
}

/** JSON with sorted keys, so two equal models print the same whatever order their keys were written in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * What a user sees of the workbook: tabs, cells, notes, protections, metadata, rules. A chart
 * rebuilt gets a new id, and an absent warningOnly means false: neither shows.
 */
export function visible(workbook: WorkbookModel): string {
  return stable(
    workbook.sheets.map((s) => ({
      ...s,
      charts: s.charts.map((c) => ({ ...c, chartId: 0 })),
      protectedRanges: s.protectedRanges.map((p) => ({ ...p, warningOnly: p.warningOnly ?? false })),
    })),
  );
}

/** The unit tab of a unit Kode, found by metadata as the add-on does. */
export function unitTab(workbook: WorkbookModel, code: string): SheetModel {
  const found = workbook.sheets.find((s) => s.developerMetadata.some((m) => m.metadataKey === 'pendamping.unit' && m.metadataValue === code));
  if (!found) throw new Error(`no tab for unit ${code}`);
  return found;
}

/** Zero-based row of an indicator code in a unit tab's table. */
export function rowOf(s: SheetModel, code: string): number {
  const at = s.rows.findIndex((r, i) => i > 6 && r?.[0]?.value === code);
  if (at < 0) throw new Error(`no indicator ${code} in ${s.title}`);
  return at;
}

export const COLUMNS = {
  kode: 'A',
  indikator: 'C',
  bobot: 'D',
  mandiri: 'F',
  bukti: 'G',
  verifikasi: 'H',
  catatan: 'I',
  rekomendasi: 'J',
  batas: 'K',
  tindakLanjut: 'L',
  keteranganTindakLanjut: 'M',
  lalu: 'N',
  buktiLalu: 'O',
  bolehNA: 'P',
} as const;

export function columnIndex(letter: string): number {
  return letter.charCodeAt(0) - 65;
}
