// `pendamping demo` (and `npm start`): the whole programme, offline, on the 30 OPD of
// Kabupaten Muaro Jambi shipped with the demo (DEMO_UNITS_FILE). Every step is the bundle's own server function
// or a person's cell edit through the runtime (protections honoured): the secretariat sets up
// the workbook and registers the units, generates the tabs, each PIC fills the self-assessment
// and submits it (Status Pengisian), the assessors verify all but a few (Status Verifikasi), the
// secretariat refreshes the recap and emails the findings, which go to the verified units only;
// the demo prints the units per stage and who was left out and why.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CliOptions } from './args';
import { outcome, type CommandIo } from './commands/common';
import { haveChromium } from '../local/chromium';
import { sendAllFindings } from './commands/email';
import { writeRapor } from './commands/report';
import { setUpWorkbook } from './commands/init';
import { msg, type CliMessageKey, type Lang } from './messages';
import { CliError, CommandFailed, type BundleResult, type CommandResult } from './result';
import { withSession, type Session } from './session';
import { maturities, seededRandom, simulateUnit, type IndicatorRow } from './demo/simulate';
import { addressOf, cellOf, findTable, refuseNothing, setStatus, type Table } from './demo/tables';
import { newWorkbook } from '../local/model/workbook';

/** The demo's secretariat (a reserved .example address: nothing is ever delivered). */
export const DEMO_ADMIN = 'sekretariat@ombudsman.example';
export const DEMO_WORKBOOK = 'pendamping-demo.xlsx';
const DEMO_SEED = 20200914;
const DEMO_PROFILE = 'ombudsman-2021';
const DEADLINE_DAYS = 60;
/** How many units the assessors have not verified yet when the findings go out. */
const DEMO_UNVERIFIED = 4;
/** Who signs the demo's rapor and emails (a fictional person). */
const DEMO_SIGNER = { name: 'Dra. Siti Rahmawati, M.Si.', title: 'Kepala Keasistenan Pencegahan Maladministrasi' };
/**
 * The demo's units: the 30 OPD of Kabupaten Muaro Jambi (real names in the regency's current
 * nomenclature, from its own internal list; fictional PICs under the reserved .example domain),
 * copied verbatim from the programme's methodology data, unit-muarojambi-30-opd.csv. The demo
 * pastes the file's text into Unit with the bundle's addUnits, as a secretariat would; the
 * add-on itself ships no demo data. (unit-muarojambi-tahap2.csv beside it is the programme's
 * second stage: 11 kecamatan offices, 22 puskesmas, 2 more RSUD.)
 */
export const DEMO_UNITS_FILE = join(__dirname, '..', 'cli', 'demo', 'unit-muarojambi-30-opd.csv');

export interface DemoRow {
  kode: string;
  nama: string;
  skorMandiri: number | null;
  skorAkhir: number | null;
  kategori: string;
  temuan: number | null;
  /** Rekap's Tahap once the findings went out. */
  tahap: string;
}

const ANSWER_HEADERS = ['Kode', 'Jenis Jawaban', 'Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi', 'Catatan Asesor'];

function must(result: BundleResult, session: Session): asserts result is Extract<BundleResult, { ok: true }> {
  if (!result.ok) throw new CommandFailed(outcome(session, result));
}

function firstAddress(list: unknown): string {
  return String(list ?? '').split(',')[0].trim();
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The secretariat fills the settings the defaults leave empty, in Pengaturan, as a person would.
 * Without Chromium to print the rapor, the emails go without it (lampirkan_rapor = Tidak).
 */
function fillSettings(session: Session, now: Date, printable: boolean): void {
  const table = findTable(session.workbook, 'Pengaturan', ['Kunci', 'Nilai']);
  if (table === undefined) return;
  const deadline = new Date(now.getTime() + DEADLINE_DAYS * 86_400_000);
  const values: Record<string, string> = {
    instansi_penilai: 'Ombudsman RI Perwakilan Provinsi Jambi',
    putaran: `${now.getUTCFullYear()} Pendampingan`,
    batas_waktu: isoDay(deadline),
    penandatangan_nama: DEMO_SIGNER.name,
    penandatangan_jabatan: DEMO_SIGNER.title,
    ...(!printable && { lampirkan_rapor: 'Tidak' }),
  };
  for (const row of table.rows) {
    const key = String(cellOf(table, row, 'Kunci') ?? '').trim();
    if (values[key] === undefined) continue;
    refuseNothing(session.runtime.edit(session.user, 'Pengaturan', addressOf(table, row.row, 'Nilai'), values[key]));
  }
}

/** The unit tabs the generation made (Unit's Tab column), with their PIC and assessor. */
function unitTabs(session: Session): { tab: string; pic: string; assessor: string }[] {
  const units = findTable(session.workbook, 'Unit', ['Kode', 'Email PIC', 'Email Asesor', 'Tab']);
  if (units === undefined) return [];
  return units.rows
    .map((row) => ({
      tab: String(cellOf(units, row, 'Tab') ?? ''),
      pic: firstAddress(cellOf(units, row, 'Email PIC')),
      assessor: firstAddress(cellOf(units, row, 'Email Asesor')),
    }))
    .filter((u) => u.tab !== '');
}

function indicatorRows(table: Table): IndicatorRow[] {
  return table.rows.map((row) => ({
    row: row.row,
    answerType: String(cellOf(table, row, 'Jenis Jawaban') ?? '').trim(),
    allowNA: /^ya$/i.test(String(cellOf(table, row, 'Boleh N/A') ?? '').trim()),
  }));
}

/** The positions (of `count`) of the units whose assessors have not finished: `unverified` of them, spread evenly. */
export function unverifiedAt(count: number, unverified: number): Set<number> {
  return new Set(Array.from({ length: Math.min(count, unverified) }, (_, k) => Math.floor(((k + 0.5) * count) / unverified)));
}

/**
 * Each PIC self-assesses and submits, then each assessor verifies every row typed into the
 * unit's tab, except the assessors of DEMO_UNVERIFIED units, who have not started yet.
 */
function simulateAssessments(session: Session, io: CommandIo): void {
  const tabs = unitTabs(session);
  const random = seededRandom(DEMO_SEED);
  const levels = maturities(tabs.length, random);
  const plans = tabs.map((unit, i) => {
    const table = findTable(session.workbook, unit.tab, ANSWER_HEADERS);
    if (table === undefined) throw new Error(`demo: no answer table in tab ${unit.tab}`);
    return { unit, table, answers: simulateUnit(indicatorRows(table), levels[i], random) };
  });
  const edit = (user: string, table: Table, row: number, header: string, value: string) => {
    if (value !== '') refuseNothing(session.runtime.edit(user, table.sheet, addressOf(table, row, header), value));
  };
  const evidence = msg(session.lang, 'demo.evidence');
  const note = msg(session.lang, 'demo.note.verified');
  plans.forEach(({ unit, table, answers }, i) => {
    io.progress.update(msg(session.lang, 'progress.demo.selfAssess'), i, plans.length);
    for (const a of answers.self) {
      edit(unit.pic, table, a.row, 'Jawaban Mandiri', a.value);
      if (a.value !== '' && a.value !== 'N/A' && a.value !== 'Tidak' && a.value !== '0') edit(unit.pic, table, a.row, 'Bukti', evidence);
    }
    setStatus(session.runtime, unit.pic, unit.tab, 'Status Pengisian', 'Diajukan');
  });
  const pending = unverifiedAt(plans.length, DEMO_UNVERIFIED);
  plans.forEach(({ unit, table, answers }, i) => {
    io.progress.update(msg(session.lang, 'progress.demo.verify'), i, plans.length);
    if (pending.has(i)) return;
    for (const a of answers.verified) {
      edit(unit.assessor, table, a.row, 'Jawaban Verifikasi', a.value);
      if (a.downgraded) edit(unit.assessor, table, a.row, 'Catatan Asesor', note);
    }
    setStatus(session.runtime, unit.assessor, unit.tab, 'Status Verifikasi', 'Terverifikasi');
  });
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The recap as the demo prints it: one row per unit, read from Rekap. */
export function recapRows(session: Session): DemoRow[] {
  const headers = ['Kode', 'Nama Unit', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Tahap'];
  const rekap = findTable(session.workbook, 'Rekap', headers);
  if (rekap === undefined) return [];
  return rekap.rows.map((row) => ({
    kode: String(cellOf(rekap, row, 'Kode') ?? ''),
    nama: String(cellOf(rekap, row, 'Nama Unit') ?? ''),
    skorMandiri: numberOrNull(cellOf(rekap, row, 'Skor Mandiri')),
    skorAkhir: numberOrNull(cellOf(rekap, row, 'Skor Akhir')),
    kategori: String(cellOf(rekap, row, 'Kategori') ?? ''),
    temuan: numberOrNull(cellOf(rekap, row, 'Jumlah Temuan')),
    tahap: String(cellOf(rekap, row, 'Tahap') ?? ''),
  }));
}

/** How many units are at each stage, in the order the stages first appear in Rekap: "Temuan terkirim 26, Diajukan 4". */
function stageCounts(rows: readonly DemoRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.tahap] = (counts[r.tahap] ?? 0) + 1;
  return counts;
}

/** A plain-text table, numbers right-aligned in the workbook's number style. */
export function renderTable(lang: Lang, rows: readonly DemoRow[]): string[] {
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const show = (n: number | null, format = true) => (n === null ? '—' : format ? number.format(n) : String(n));
  const header = ['demo.col.unit', 'demo.col.self', 'demo.col.final', 'demo.col.category', 'demo.col.findings'] as const;
  const body = rows.map((r) => [`${r.kode} — ${r.nama}`, show(r.skorMandiri), show(r.skorAkhir), r.kategori, show(r.temuan, false)]);
  const all = [header.map((k) => msg(lang, k)), ...body];
  const widths = all[0].map((_, c) => Math.max(...all.map((line) => line[c].length)));
  const right = [false, true, true, false, true];
  const line = (cells: string[]) => cells.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
}

/** What a demo run leaves in its folder besides the workbook: the outbox and rapor files it wrote (JSON). */
const DEMO_MANIFEST = '.pendamping-demo.json';
export const OUTBOX = 'outbox';
const RAPOR = 'rapor';
type OutputFolder = typeof OUTBOX | typeof RAPOR;

/** Everything under `dir`, relative and '/'-separated: its files, and the directories that hold nothing. */
function entriesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`;
    if (!entry.isDirectory()) return [path];
    const inner = entriesUnder(join(dir, entry.name), `${path}/`);
    return inner.length > 0 ? inner : [`${path}/`];
  });
}

/** The files of `folder` (outbox, rapor) the previous demo run in `dir` recorded ([] when it recorded none). */
function previousFiles(dir: string, folder: OutputFolder): string[] {
  try {
    const recorded: unknown = JSON.parse(readFileSync(join(dir, DEMO_MANIFEST), 'utf8'));
    const files = (recorded as Partial<Record<OutputFolder, unknown>> | null)?.[folder];
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && basename(f) === f) : [];
  } catch {
    return [];
  }
}

/** The workbook and what its saves and lock leave beside it (lock, temporary and journal files). */
function isWorkbookFile(entry: string, workbook: string): boolean {
  return entry === workbook || entry.startsWith(`${workbook}.`) || entry.startsWith(`.${workbook}.`);
}

/**
 * Takes `dir` (created when missing) for a demo run of `workbook`: refused when it holds anything a demo did not write (another
 * workbook, its outbox, any file); a missing or empty folder, or one holding only a previous
 * demo's output, is fine. The previous run's outbox files are removed, so the outbox holds this
 * run's messages only.
 */
export function claimDemoDir(dir: string, workbook = DEMO_WORKBOOK): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliError('error.readFile', { file: dir, reason: (error as Error).message });
  }
  const previous = ([OUTBOX, RAPOR] as const).flatMap((folder) => previousFiles(dir, folder).map((f) => `${folder}/${f}`));
  const own = new Set([DEMO_MANIFEST, `${OUTBOX}/`, `${RAPOR}/`, ...previous]);
  const foreign = entriesUnder(dir).filter((entry) => !own.has(entry) && !isWorkbookFile(entry, workbook));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
    throw new CliError('error.demoDirForeign', { dir, files: shown });
  }
  for (const file of previous) rmSync(join(dir, file), { force: true });
}

/** The outbox and rapor files written by this run, recorded so the next run may replace them; the outbox's. */
export function recordOutput(dir: string): string[] {
  const written = (folder: OutputFolder, extension: RegExp) => (existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)).filter((n) => extension.test(n)) : []);
  const files = written(OUTBOX, /\.eml$/);
  writeFileSync(join(dir, DEMO_MANIFEST), `${JSON.stringify({ outbox: files, rapor: written(RAPOR, /\.(pdf|html)$/) })}\n`);
  return files;
}

export async function runDemo(options: CliOptions, io: CommandIo): Promise<CommandResult> {
  const dir = resolve(io.cwd, options.dir ?? 'demo-output');
  claimDemoDir(dir);
  const file = join(dir, DEMO_WORKBOOK);
  const outbox = join(dir, OUTBOX);
  const user = options.user ?? DEMO_ADMIN;
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const create = () => newWorkbook({ owner: user, title: 'Pendamping demo' });
  const rapor = join(dir, RAPOR);
  const printable = haveChromium();
  let result: CommandResult;
  let emails: number;
  try {
    result = await withSession(file, { ...options, user }, { create, creator: user, replace: true, outbox }, (session) => {
      const step = (key: CliMessageKey) => io.progress.update(msg(session.lang, key), 0, 0);
      step('progress.demo.setup');
      must(setUpWorkbook(session, DEMO_PROFILE, readFileSync(DEMO_UNITS_FILE, 'utf8')), session);
      fillSettings(session, now, printable);
      step('progress.demo.generate');
      must(session.call('generateUnitTabs'), session);
      simulateAssessments(session, io);
      step('progress.demo.recap');
      must(session.call('refreshRecap'), session);
      const { totals, notReady, last } = sendAllFindings(session, {}, io);
      must(last, session);
      step('progress.demo.rapor');
      const written = writeRapor(session, rapor, undefined, !printable);
      must(written.answer, session);
      step('progress.demo.save');
      const rows = recapRows(session);
      const stages = stageCounts(rows);
      const lines = [
        msg(session.lang, 'demo.title', { count: rows.length }),
        '',
        ...renderTable(session.lang, rows),
        '',
        msg(session.lang, 'demo.stages', { stages: Object.entries(stages).map(([stage, n]) => `${stage} ${n}`).join(', ') }),
        msg(session.lang, 'result.email', { ...totals }),
        ...(notReady.length > 0 ? [msg(session.lang, 'demo.leftOut', { count: notReady.length }), ...notReady.map((u) => msg(session.lang, 'result.emailFailed', { ...u }))] : []),
        msg(session.lang, printable ? 'result.report' : 'result.reportHtml', { count: written.written.length, dir: rapor }),
      ];
      return outcome(session, last, { workbook: file, outbox, units: rows, stages, notReady, ...totals, rapor: written.written }, lines);
    });
  } finally {
    // Even a run that failed half-way records what it wrote: the next run may replace it.
    emails = recordOutput(dir).length;
  }
  return {
    ...result,
    lines: [
      ...result.lines,
      msg(result.lang, 'demo.workbook', { file }),
      msg(result.lang, 'demo.outbox', { dir: outbox, count: emails }),
      msg(result.lang, 'demo.hint'),
    ],
  };
}
