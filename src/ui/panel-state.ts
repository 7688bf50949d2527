// Deciding what the sidebar shows from the values of the system tabs: pure, so every rule
// (counts, completion, next steps, overdue units, ledger summary) is tested without services.
import { formatLongDate } from '../domain/email';
import { t, type Lang } from '../domain/i18n';
import { parseCategories } from '../domain/instrument';
import { parseLedger } from '../domain/ledger';
import { closedRounds } from '../domain/rounds';
import { readTable, tabWhere } from '../domain/problems';
import { categoryDisplay, categoryShownIn } from '../domain/scale';
import { STAGES, type Stage } from '../domain/stage';
import { findColumns, TABS } from '../domain/tables';
import { normKey, parseNumber } from '../domain/text';
import type { Category, Settings, Unit } from '../domain/types';
import { isUnitOk } from '../domain/units';
import type { OwnUnit, PanelCategory, PanelLedger, PanelOverdue, PanelProfile, PanelStageCount, PanelState, PanelUnit, UnitPanelState, UnitRole } from './panel-types';

type Rows = readonly (readonly unknown[])[];

/** What the server read of an active unit tab. */
export interface UnitTabFacts {
  sheetId: number;
  title: string;
  /** '' when the tab cannot be read. */
  stage: Stage | '';
  /** Findings not followed up (Tindak Lanjut not Selesai); null when the tab cannot be read. */
  openFindings: number | null;
  submitted: boolean;
  verified: boolean;
  /** The tab has its Status Pengisian / Status Verifikasi cell. */
  hasFilling: boolean;
  hasVerification: boolean;
  /** What the tab holds that cannot be scored, each naming its cell and the fix (tabFlagsOf). */
  flags: string[];
}

export interface PanelInput {
  lang: Lang;
  user: string;
  settings: Settings;
  profiles: PanelProfile[];
  /** Each active unit tab, by unit Kode (normKey). */
  unitTabs: ReadonlyMap<string, UnitTabFacts>;
  spreadsheetUrl: string;
  /** Values of the tabs, header row first; [] for a tab that does not exist. */
  values: { unit: Rows; kategori: Rows; rekap: Rows; logEmail: Rows; riwayat: Rows };
  /** 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
  /** Units with findings past their deadline and not done (src/rounds' reading). */
  overdue: PanelOverdue[];
}

interface RecapRow {
  score: number | null;
  category: string;
  findings: number | null;
  completion: number | null;
}

function recapByCode(rows: Rows, lang: Lang): Map<string, RecapRow> {
  const out = new Map<string, RecapRow>();
  const table = readTable(rows, tabWhere(TABS.rekap, lang), ['Kode'], ['Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan']);
  if (!table.ok) return out;
  for (const r of table.rows) {
    const code = normKey(r.get('Kode'));
    if (code === '' || out.has(code)) continue;
    out.set(code, {
      score: parseNumber(r.get('Skor Akhir')),
      category: r.text('Kategori'),
      findings: parseNumber(r.get('Jumlah Temuan')),
      completion: parseNumber(r.get('Kelengkapan')),
    });
  }
  return out;
}

function unitsOf(input: PanelInput, recap: Map<string, RecapRow>): PanelUnit[] {
  const table = readTable(input.values.unit, tabWhere(TABS.unit, input.lang), ['Kode', 'Nama Unit'], ['Tab', 'Status']);
  if (!table.ok) return [];
  return table.rows.map((r) => {
    const code = normKey(r.get('Kode'));
    const tab = input.unitTabs.get(code);
    const scored = recap.get(code);
    const status = r.text('Status');
    return {
      kode: r.text('Kode'),
      nama: r.text('Nama Unit'),
      status,
      statusOk: isUnitOk(status),
      tab: tab?.title ?? '',
      link: tab ? `${input.spreadsheetUrl}#gid=${tab.sheetId}` : '',
      completion: tab ? (scored?.completion ?? null) : null,
      score: tab ? (scored?.score ?? null) : null,
      category: tab ? (scored?.category ?? '') : '',
      findings: tab ? (scored?.findings ?? null) : null,
      stage: tab?.stage ?? '',
      flags: tab?.flags ?? [],
    };
  });
}

function stagesOf(units: readonly PanelUnit[]): PanelStageCount[] {
  return STAGES.map((stage) => ({ stage, count: units.filter((u) => u.stage === stage).length }));
}

function categoriesOf(lang: Lang, categories: readonly Category[], units: readonly PanelUnit[]): PanelCategory[] {
  return categories.map((c) => ({
    name: c.name,
    label: categoryDisplay(lang, c.name, categories),
    zone: c.zone,
    count: units.filter((u) => u.tab !== '' && categoryShownIn(u.category, categories)?.name === c.name).length,
  }));
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Log Email read unformatted holds Waktu as a date-time serial (wall-clock time of the
 * spreadsheet's zone). As a Date whose UTC fields are that wall clock, parseLedger reads it
 * and wallClock() prints it back without any time-zone arithmetic.
 */
function withWallClockTimes(rows: Rows): Rows {
  const at = findColumns(rows[0], ['Waktu'] as const).index.Waktu;
  if (at === undefined) return rows;
  return rows.map((row, i) => {
    const cell = row[at];
    if (i === 0 || typeof cell !== 'number') return row;
    const copy = [...row];
    copy[at] = new Date(SERIAL_EPOCH_MS + Math.round(cell * DAY_MS));
    return copy;
  });
}

function wallClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The active round's rows of Log Email, counted by status, and the time of the latest row. */
function ledgerOf(input: PanelInput): PanelLedger {
  const round = normKey(input.settings.putaran);
  const entries = parseLedger(withWallClockTimes(input.values.logEmail)).filter((e) => normKey(e.round) === round);
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  const times = entries.map((e) => e.at).filter((at): at is number => at !== null);
  return {
    sent: count('TERKIRIM'),
    failed: count('GAGAL'),
    skipped: count('DILEWATI'),
    last: times.length > 0 ? wallClock(Math.max(...times)) : '',
  };
}

/** What to do next, most urgent first. */
function nextStepsOf(input: PanelInput, units: readonly PanelUnit[], overdue: readonly PanelOverdue[], ledger: PanelLedger): string[] {
  const lang = input.lang;
  if (units.length === 0) return [t(lang, 'panel.next.addUnits')];
  const steps: string[] = [];
  const bad = units.filter((u) => u.status !== '' && !u.statusOk).length;
  if (bad > 0) steps.push(t(lang, 'panel.next.fixUnits', { count: bad }));
  const withoutTab = units.filter((u) => u.tab === '' && (u.status === '' || u.statusOk)).length;
  if (withoutTab > 0) steps.push(t(lang, 'panel.next.generate', { count: withoutTab }));
  const incomplete = units.filter((u) => u.tab !== '' && (u.completion ?? 0) < 100).length;
  if (incomplete > 0) steps.push(t(lang, 'panel.next.fill', { count: incomplete }));
  if (input.settings.batasWaktu === '') steps.push(t(lang, 'panel.next.deadline'));
  if (overdue.length > 0 || (input.settings.batasWaktu !== '' && input.today > input.settings.batasWaktu)) {
    steps.push(t(lang, 'panel.next.round'));
  } else if (units.some((u) => u.tab !== '') && ledger.sent === 0) steps.push(t(lang, 'panel.next.send'));
  return steps;
}

export function buildPanelState(input: PanelInput): PanelState {
  const recap = recapByCode(input.values.rekap, input.lang);
  const units = unitsOf(input, recap);
  const parsedCategories = parseCategories(input.values.kategori, input.lang);
  const categories = categoriesOf(input.lang, parsedCategories.ok ? parsedCategories.value : [], units);
  const counted = categories.reduce((sum, c) => sum + c.count, 0);
  const ledger = ledgerOf(input);
  const overdue = input.overdue;
  return {
    ok: true,
    view: 'admin',
    lang: input.lang,
    user: input.user,
    ready: true,
    settings: input.settings,
    profiles: input.profiles,
    categories,
    unscored: units.filter((u) => u.tab !== '').length - counted,
    units,
    stages: stagesOf(units),
    nextSteps: nextStepsOf(input, units, overdue, ledger),
    ledger,
    closedRounds: closedRounds(input.values.riwayat),
    overdue,
    today: input.today,
  };
}

/** The state of a workbook that was never set up: only "Siapkan buku kerja" makes sense. */
export function unpreparedPanelState(base: Pick<PanelInput, 'user' | 'settings' | 'profiles' | 'today'>): PanelState {
  return {
    ok: true,
    // Anyone who may edit the file may set it up; setupWorkbook makes them its first admin.
    view: 'admin',
    lang: base.settings.bahasa,
    user: base.user,
    ready: false,
    settings: base.settings,
    profiles: base.profiles,
    categories: [],
    unscored: 0,
    units: [],
    stages: stagesOf([]),
    nextSteps: [t(base.settings.bahasa, 'panel.next.setup')],
    ledger: { sent: 0, failed: 0, skipped: 0, last: '' },
    closedRounds: [],
    overdue: [],
    today: base.today,
  };
}

export interface UnitPanelInput {
  lang: Lang;
  user: string;
  settings: Settings;
  /** The valid rows of Unit. */
  units: readonly Unit[];
  unitTabs: ReadonlyMap<string, UnitTabFacts>;
  spreadsheetUrl: string;
  /** Rekap's values (for Kelengkapan), header row first; [] when there is none. */
  rekap: Rows;
}

const listed = (emails: readonly string[], user: string) => emails.some((e) => normKey(e) === normKey(user));

/** The user's role on `unit`, or null when they are neither its PIC nor its assessor. */
export function roleOn(unit: Pick<Unit, 'picEmails' | 'assessorEmails'>, user: string): UnitRole | null {
  if (normKey(user) === '') return null;
  if (listed(unit.assessorEmails, user)) return 'asesor';
  return listed(unit.picEmails, user) ? 'pic' : null;
}

/**
 * The sidebar of someone who is not an admin: the units where they are the PIC or the
 * assessor, those with their action still to do first. Nothing else of the workbook goes in.
 */
export function buildUnitPanelState(input: UnitPanelInput): UnitPanelState {
  const recap = recapByCode(input.rekap, input.lang);
  const own: OwnUnit[] = [];
  for (const unit of input.units) {
    const role = roleOn(unit, input.user);
    if (role === null) continue;
    const code = normKey(unit.code);
    const tab = input.unitTabs.get(code);
    own.push({
      kode: unit.code,
      nama: unit.name,
      role,
      link: tab ? `${input.spreadsheetUrl}#gid=${tab.sheetId}` : '',
      stage: tab?.stage ?? '',
      completion: tab ? (recap.get(code)?.completion ?? null) : null,
      openFindings: tab?.openFindings ?? null,
      done: role === 'pic' ? tab?.submitted === true : tab?.verified === true,
      actionable: role === 'pic' ? tab?.hasFilling === true : tab?.hasVerification === true,
      flags: tab?.flags ?? [],
    });
  }
  const toDo = (u: OwnUnit) => (u.actionable && !u.done ? 0 : 1);
  return {
    ok: true,
    view: 'unit',
    lang: input.lang,
    user: input.user,
    round: input.settings.putaran,
    deadline: formatLongDate(input.lang, input.settings.batasWaktu),
    units: own.sort((a, b) => toDo(a) - toDo(b)),
  };
}
