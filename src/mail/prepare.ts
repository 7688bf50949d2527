// Everything a send needs: the programme as the execution read it (src/sheets/programme.ts),
// one read of Log Email, and every unit's message rendered with its fingerprint. Nothing is sent or written here: preview, dry run and send all start from this.
// What each unit's message says is the send's MailKind (findings, reminders): the reading,
// the ledger and the batch are the same for every kind.
import type { RenderedEmail } from '../domain/email';
import { unitStage, type Stage } from '../domain/stage';
import { t, type Lang, type MessageKey } from '../domain/i18n';
import { fingerprintInput, hexOf, parseLedger, type Candidate, type LedgerEntry } from '../domain/ledger';
import { readJournal, unfolded, withJournal, type BatchState, type LedgerJournal } from './journal';
import { checkProgramme, type ValidProgramme } from '../domain/programme';
import { latestScores } from '../domain/rounds';
import { HEADERS, TABS, findColumns } from '../domain/tables';
import { cellText, normKey, splitEmails } from '../domain/text';
import type { AspectWeight, CategoryTable, Indicator, Settings, Unit } from '../domain/types';
import type { UnitValidation } from '../domain/units';
import type { UnitAnswers } from '../domain/unit-tab';
import type { SheetInfo } from '../sheets/api';
import { failure, type ActionContext, type Failure } from '../sheets/context';
import { needSetup, type Programme, type ReadSpec, type UnitTab } from '../sheets/programme';
import { findTab } from '../sheets/workbook';

/** Everything one unit's message may be made of, read once for the whole send. */
export interface UnitMailInput {
  lang: Lang;
  settings: Settings;
  unit: Unit;
  /** The unit tab as read, its indicators carrying Instrumen's recommendation where the tab has none. */
  tab: UnitAnswers;
  aspects: AspectWeight[];
  categories: CategoryTable;
  /** The link to the unit's tab. */
  tabUrl: string;
  /** 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
  /** Skor Akhir of the unit's latest closed round (Riwayat); null when none. */
  previousScore: number | null;
  /** Where the unit stands in the programme (src/domain/stage.ts). */
  stage: Stage;
}

/** What a send is asked for besides its units. */
export interface KindOptions {
  /** Findings also go to units submitted but not verified yet (Diajukan), marked provisional. */
  includeUnverified: boolean;
}

/** A unit the send leaves out because it is not ready for it, and why: not sent, not counted, not logged. */
export interface NotReady {
  kode: string;
  reason: string;
}

/** What a kind of send says to each unit and how its ledger rows and reports read. */
export interface MailKind {
  /** Keeps the batches of two kinds apart (document property of a continued batch). */
  id: string;
  /** The Putaran of its Log Email rows: a unit's earlier send counts only within the same value. */
  ledgerRound(settings: Settings): string;
  /** The unit's message, or null when the unit gets none this time (it is left out of the send). */
  compose(input: UnitMailInput): RenderedEmail | null;
  /**
   * Units without a readable tab: GAGAL with the reason (true), or left out (false: the kind
   * only concerns units whose tab says they get a message). A rejected Unit row that would get
   * a message fails with the row's problem either way.
   */
  failsUnreadable: boolean;
  /**
   * The stages whose units get a message of this kind; a unit at another stage is left out as
   * not ready (with its stage's reason). Null: every stage (compose decides).
   */
  stages(opts: KindOptions): readonly Stage[] | null;
  /** Pengaturan keys that must be filled in before this kind is sent (the send is refused, naming the key). */
  requiredSettings: readonly ('putaran' | 'batas_waktu')[];
  /** Whether units with no finding get the acknowledgement (findings only). */
  sendAcknowledgement(settings: Settings): boolean;
  /** The report of a batch ({sent}, {skipped}, {failed}, {queued}) and the line saying to run it again. */
  reportKey: MessageKey;
  moreKey: MessageKey;
  /** Said instead of the report when no unit gets a message at all ('' = the report). */
  nothingKey?: MessageKey;
}

/** One unit's message: who gets it, what it says, and what the batch planner sees of it. */
export interface Outgoing {
  code: string;
  to: string[];
  cc: string[];
  /** Absent when the unit cannot be sent (candidate.blocked says why). */
  message?: RenderedEmail;
  candidate: Candidate;
  /** Set when the unit is not ready for this send: why it is left out (nothing planned, sent or logged). */
  notReady?: string;
}

export interface Prepared {
  lang: Lang;
  settings: Settings;
  kind: MailKind;
  /** The Putaran of this send's ledger rows (kind.ledgerRound). */
  round: string;
  timeZone: string;
  outgoing: Outgoing[];
  /** The units left out because they are not ready for this send, in Unit order. */
  notReady: NotReady[];
  ledger: LedgerEntry[];
  /** The Log Email tab, for the appends of a send. */
  ledgerSheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 1-based row of the first empty ledger row, and the grid's row count. */
  nextLedgerRow: number;
  ledgerRowCount: number;
  /** The journal in the document (found), and its rows Log Email does not hold yet (in `ledger` already): the next write puts them on the sheet. */
  journal: { found: boolean; unfolded: LedgerJournal | null; batch: BatchState | null };
  /** Log Email cannot take the rows a send appends: a protection the acting user may not edit covers them. */
  ledgerProtected: boolean;
}

const REQUIRED = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit, TABS.logEmail] as const;

/** The link to a tab: the spreadsheet's canonical URL and the tab's gid. */
function tabUrl(spreadsheetId: string, sheetId: number): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}`;
}

/**
 * What the unit is told, to its recipients: the link to its tab is left out, so a tab that only
 * moved (a new sheet id after an .xlsx export and upload) does not make unchanged findings new.
 */
function fingerprintOf(to: readonly string[], cc: readonly string[], message: RenderedEmail, link: string): string {
  const without = (body: string) => body.split(link).join('');
  const input = fingerprintInput({ to, cc, subject: message.subject, html: without(message.html), text: without(message.text) });
  return hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, input, Utilities.Charset.UTF_8));
}

/** Cc without the addresses already in To (one recipient is counted, and mailed, once). */
function ccOf(to: readonly string[], assessors: readonly string[]): string[] {
  const inTo = new Set(to.map((a) => a.toLowerCase()));
  return assessors.filter((a) => !inTo.has(a.toLowerCase()));
}

/** A unit to write to, and why it cannot be sent (a rejected Unit row), if so. */
interface Addressee {
  unit: Unit;
  blocked?: string;
}

/** Rows of Unit that validation rejected but that name a Kode no valid row uses, read as they are, with the reason. */
function rejectedUnits(unitRows: readonly (readonly unknown[])[], rejected: UnitValidation['rejected'], valid: readonly Unit[]): Addressee[] {
  const { index } = findColumns(unitRows[0], HEADERS.unit);
  const validCodes = new Set(valid.map((u) => normKey(u.code)));
  const seen = new Set<string>();
  const out: Addressee[] = [];
  for (const r of rejected) {
    const key = normKey(r.kode);
    if (key === '' || validCodes.has(key) || seen.has(key)) continue;
    seen.add(key);
    const row = unitRows[r.row - 1] ?? [];
    const cell = (name: (typeof HEADERS.unit)[number]) => (index[name] === undefined ? '' : row[index[name] as number]);
    const unit: Unit = {
      row: r.row,
      code: r.kode,
      name: cellText(cell('Nama Unit')),
      type: cellText(cell('Jenis')),
      picName: cellText(cell('Nama PIC')),
      picEmails: splitEmails(cell('Email PIC')),
      assessorEmails: splitEmails(cell('Email Asesor')),
    };
    out.push({ unit, blocked: r.reason });
  }
  return out;
}

/** Instrumen's recommendation and evidence asked (Bukti Diminta, which a unit tab does not hold) for a tab's indicators. */
export function withInstrumentTexts(fromTab: readonly Indicator[], instrument: readonly Indicator[]): Indicator[] {
  const byCode = new Map(instrument.map((i) => [normKey(i.code), i] as const));
  return fromTab.map((i) => {
    const own = byCode.get(normKey(i.code));
    return { ...i, recommendation: own?.recommendation || i.recommendation, evidence: own?.evidence || i.evidence };
  });
}

/** What a send reads besides the programme: Riwayat (the last round's scores) and every active unit tab. Log Email is read apart (see readLedger). */
export const MAIL_READ: ReadSpec = { tabs: [TABS.riwayat], unitTabs: 'active' };

/** What is the same for every unit of one send. */
interface SendInput {
  ctx: ActionContext;
  kind: MailKind;
  lang: Lang;
  programme: ValidProgramme;
  today: string;
  /** Skor Akhir of each unit's latest closed round, by Kode (normKey). */
  history: ReadonlyMap<string, number | null>;
  tabs: ReadonlyMap<string, UnitTab>;
  ledger: readonly LedgerEntry[];
  /** The stages the kind sends to (null: all). */
  stages: readonly Stage[] | null;
}

/** Why a unit at `stage` is not ready for a kind that does not send to it. */
function notReadyKey(stage: Stage): MessageKey {
  if (stage === 'Belum mulai') return 'mail.notReady.notStarted';
  return stage === 'Diisi' ? 'mail.notReady.draft' : 'mail.notReady.unverified';
}

/** One unit's message, a failure saying why it cannot be sent, or null when the kind leaves it out. */
function outgoingOf(input: SendInput, { unit: u, blocked: rejectedBecause }: Addressee): Outgoing | null {
  const { lang, kind } = input;
  const to = u.picEmails;
  const cc = ccOf(to, u.assessorEmails);
  const base = { code: u.code, to, cc };
  const blocked = (reason: string, messageKind: Candidate['kind'] = 'findings'): Outgoing => ({
    ...base,
    candidate: { code: u.code, kind: messageKind, recipients: to.length + cc.length, fingerprint: '', blocked: reason },
  });
  const notReady = (key: MessageKey): Outgoing => ({ ...blocked(t(lang, key)), notReady: t(lang, key) });
  const tab = input.tabs.get(normKey(u.code));
  if (!tab || !tab.reading.ok) {
    // What such a unit would be told is not known: it fails where the kind concerns every unit.
    const reason = rejectedBecause ?? (tab && !tab.reading.ok ? tab.reading.problems.map((p) => p.message).join(' ') : t(lang, 'mail.reason.noTab'));
    return kind.failsUnreadable ? blocked(reason) : null;
  }
  const answers = tab.reading.value;
  const { settings, indicators, aspects, categories } = input.programme;
  const stage = unitStage({ code: u.code, round: settings.putaran, status: tab.status, answers: answers.answers, ledger: input.ledger });
  if (input.stages !== null && !input.stages.includes(stage)) return notReady(notReadyKey(stage));
  const link = tabUrl(input.ctx.spreadsheetId, tab.sheet.sheetId);
  const message = kind.compose({
    lang,
    settings,
    unit: u,
    tab: { ...answers, indicators: withInstrumentTexts(answers.indicators, indicators) },
    aspects,
    categories,
    tabUrl: link,
    today: input.today,
    previousScore: input.history.get(normKey(u.code)) ?? null,
    stage,
  });
  if (message === null) return null;
  if (rejectedBecause !== undefined) return blocked(rejectedBecause, message.kind);
  if (to.length === 0) return notReady('mail.notReady.noEmail');
  return { ...base, message, candidate: { code: u.code, kind: message.kind, recipients: to.length + cc.length, fingerprint: fingerprintOf(to, cc, message, link) } };
}

/** The messages limited to `only` (Kode, any case), or the error naming a Kode no unit has. */
function limited(all: Outgoing[], known: ReadonlySet<string>, only: readonly string[] | undefined, lang: Lang): Outgoing[] | Failure {
  if (only === undefined || only.length === 0) return all;
  const unknown = only.filter((k) => normKey(k) !== '' && !known.has(normKey(k)));
  if (unknown.length > 0) return failure(lang, 'mail.error.unknownUnits', { codes: unknown.join(', ') });
  const wanted = new Set(only.map(normKey).filter((k) => k !== ''));
  return all.filter((o) => wanted.has(normKey(o.code)));
}

type LedgerRead = Pick<Prepared, 'ledger' | 'ledgerSheet' | 'nextLedgerRow' | 'ledgerRowCount' | 'journal' | 'ledgerProtected'>;

/** Whether a protection the acting user may not edit covers the cells of Log Email from row `from` on (Sheets would refuse the write). */
function protectedFrom(logEmail: SheetInfo, from: number): boolean {
  return logEmail.protections.some(
    ({ canEdit, range }) => !canEdit && (range.endRowIndex ?? Infinity) >= from && (range.startColumnIndex ?? 0) < HEADERS.logEmail.length,
  );
}

/**
 * Log Email, read with SpreadsheetApp (Waktu comes back as an instant, a Date, not a zone-less
 * serial), with the rows of a journal a run cut short left (src/mail/journal.ts) after it.
 */
function readLedger(logEmail: SheetInfo): LedgerRead {
  const ledgerSheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TABS.logEmail) as GoogleAppsScript.Spreadsheet.Sheet;
  const sheetValues = ledgerSheet.getDataRange().getValues();
  const left = readJournal();
  const ledgerValues = withJournal(sheetValues, left, (at) => at);
  return {
    ledger: parseLedger(ledgerValues),
    ledgerSheet,
    nextLedgerRow: ledgerValues.length + 1,
    ledgerRowCount: logEmail.rowCount,
    journal: { found: left !== null, unfolded: unfolded(left, sheetValues.length + 1), batch: left?.batch ?? null },
    ledgerProtected: protectedFrom(logEmail, sheetValues.length + 1),
  };
}

/** Prepare's options: the units asked for (Kode, any case; none = all) and what the kind is asked for. */
export interface PrepareOptions extends Partial<KindOptions> {
  only?: readonly string[];
}

/**
 * Everything a send of `kind` needs, or the error that stops it. `only` limits the units (Kode,
 * any case); an unknown Kode is an error, so a typo never sends nothing in silence. A setting the
 * kind needs (kind.requiredSettings) left empty refuses the send, naming the key.
 */
export function prepare(ctx: ActionContext, programme: Programme, kind: MailKind, opts: PrepareOptions): Prepared | Failure {
  const unready = needSetup(programme, REQUIRED);
  if (unready) return unready;
  const { lang, timeZone } = programme;
  const checked = checkProgramme(programme, lang);
  if (!checked.ok) return failure(lang, 'core.fixFirst', {}, checked.problems);
  const { settings, units: validation } = checked.value;
  const empty = kind.requiredSettings.find((key) => (key === 'putaran' ? settings.putaran : settings.batasWaktu) === '');
  if (empty !== undefined) return failure(lang, 'mail.error.settingEmpty', { key: empty, tab: TABS.pengaturan });
  const logEmail = findTab(programme.sheets, TABS.logEmail) as SheetInfo;
  const ledger = readLedger(logEmail);
  const input: SendInput = {
    ctx,
    kind,
    lang,
    programme: checked.value,
    today: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    history: latestScores(programme.rows(TABS.riwayat)),
    tabs: new Map(programme.unitTabs.map((tab) => [normKey(tab.sheet.code), tab] as const)),
    ledger: ledger.ledger,
    stages: kind.stages({ includeUnverified: opts.includeUnverified === true }),
  };
  const addressees: Addressee[] = [
    ...validation.units.map((unit) => ({ unit })),
    ...rejectedUnits(programme.rows(TABS.unit), validation.rejected, validation.units),
  ];
  const all = addressees.flatMap((a) => outgoingOf(input, a) ?? []);
  const known = new Set([...validation.units.map((u) => normKey(u.code)), ...all.map((o) => normKey(o.code))]);
  if (known.size === 0) return failure(lang, 'mail.error.noUnits');
  const wanted = limited(all, known, opts.only, lang);
  if ('ok' in wanted) return wanted;
  const outgoing = wanted.filter((o) => o.notReady === undefined);
  const notReady = wanted.flatMap((o) => (o.notReady === undefined ? [] : [{ kode: o.code, reason: o.notReady }]));
  return { lang, settings, kind, round: kind.ledgerRound(settings), timeZone, outgoing, notReady, ...ledger };
}
