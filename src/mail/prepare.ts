// Reading everything a send needs in a few batched calls (the structure, one batchGet of the
// system and unit tabs, one read of Log Email) and rendering every unit's message with its
// fingerprint. Nothing is sent or written here: preview, dry run and send all start from this.
import { renderFindingsEmail, type RenderedEmail } from '../domain/email';
import { t, type Lang } from '../domain/i18n';
import { parseAspects, parseCategories, parseInstrument } from '../domain/instrument';
import { fingerprintInput, hexOf, parseLedger, type Candidate, type LedgerEntry } from '../domain/ledger';
import { UNIT_TAB } from '../domain/plan/layout';
import { readUnitAnswers } from '../domain/rounds';
import { findingsOf, summarize } from '../domain/scoring';
import { parseSettings } from '../domain/settings';
import { TABS, findColumns } from '../domain/tables';
import { normKey, splitEmails } from '../domain/text';
import type { Indicator, Problem, Settings, Unit } from '../domain/types';
import { validateUnits } from '../domain/units';
import { readStructure, readValues, wholeTab, type SheetInfo } from '../sheets/api';
import { failure, type ActionContext, type Failure } from '../sheets/context';
import { findTab, unitSheets } from '../sheets/workbook';

/** One unit's message: who gets it, what it says, and what the batch planner sees of it. */
export interface Outgoing {
  code: string;
  to: string[];
  cc: string[];
  /** Absent when the unit cannot be sent (candidate.blocked says why). */
  message?: RenderedEmail;
  candidate: Candidate;
}

export interface Prepared {
  lang: Lang;
  settings: Settings;
  timeZone: string;
  outgoing: Outgoing[];
  ledger: LedgerEntry[];
  /** The Log Email tab, for the appends of a send. */
  ledgerSheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 1-based row of the first empty ledger row, and the grid's row count. */
  nextLedgerRow: number;
  ledgerRowCount: number;
}

const REQUIRED = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit, TABS.logEmail] as const;

/** The link to a tab: the spreadsheet's canonical URL and the tab's gid. */
function tabUrl(spreadsheetId: string, sheetId: number): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}`;
}

function fingerprintOf(to: readonly string[], cc: readonly string[], message: RenderedEmail): string {
  const input = fingerprintInput({ to, cc, subject: message.subject, html: message.html, text: message.text });
  return hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, input, Utilities.Charset.UTF_8));
}

/** Cc without the addresses already in To (one recipient is counted, and mailed, once). */
function ccOf(to: readonly string[], assessors: readonly string[]): string[] {
  const inTo = new Set(to.map((a) => a.toLowerCase()));
  return assessors.filter((a) => !inTo.has(a.toLowerCase()));
}

/** Rows of Unit that validation rejected but that name a Kode no valid row uses: they fail visibly. */
function rejectedUnits(unitRows: unknown[][], rejected: ReturnType<typeof validateUnits>['rejected'], valid: readonly Unit[]): Outgoing[] {
  const { index } = findColumns(unitRows[0], ['Email PIC', 'Email Asesor'] as const);
  const validCodes = new Set(valid.map((u) => normKey(u.code)));
  const seen = new Set<string>();
  const out: Outgoing[] = [];
  for (const r of rejected) {
    const key = normKey(r.kode);
    if (key === '' || validCodes.has(key) || seen.has(key)) continue;
    seen.add(key);
    const row = unitRows[r.row - 1] ?? [];
    const to = splitEmails(index['Email PIC'] === undefined ? '' : row[index['Email PIC']]);
    const cc = splitEmails(index['Email Asesor'] === undefined ? '' : row[index['Email Asesor']]);
    out.push({ code: r.kode, to, cc, candidate: { code: r.kode, kind: 'findings', recipients: to.length + cc.length, fingerprint: '', blocked: r.reason } });
  }
  return out;
}

/** Instrumen's recommendation replaces a tab's empty one (the tab's own wins when filled). */
function withInstrumentRecommendations(fromTab: readonly Indicator[], instrument: readonly Indicator[]): Indicator[] {
  const byCode = new Map(instrument.map((i) => [normKey(i.code), i.recommendation] as const));
  return fromTab.map((i) => ({ ...i, recommendation: byCode.get(normKey(i.code)) || i.recommendation }));
}

/**
 * Everything a send needs, or the error that stops it. `only` limits the units (Kode, any
 * case); an unknown Kode is an error, so a typo never sends nothing in silence.
 */
export function prepare(ctx: ActionContext, only: readonly string[] | undefined): Prepared | Failure {
  const { timeZone, sheets } = readStructure(ctx.spreadsheetId);
  const system = REQUIRED.map((title) => findTab(sheets, title));
  const missing = REQUIRED.filter((_, i) => !system[i]);
  if (missing.length > 0) return failure(ctx.lang, 'core.needSetup', { tabs: missing.join(', ') });
  const [pengaturan, instrumen, aspek, kategori, unit, logEmail] = system as SheetInfo[];
  const read = [pengaturan, instrumen, aspek, kategori, unit];
  const tabs = unitSheets(sheets).filter((s) => s.inactiveMetadataId === null);
  const values = readValues(ctx.spreadsheetId, [...read.map((s) => wholeTab(s)), ...tabs.map((s) => wholeTab(s, UNIT_TAB.width))]);
  const [settingsRows, instrumentRows, aspectRows, categoryRows, unitRows] = values;
  // Read with SpreadsheetApp: Waktu comes back as an instant (a Date), not a zone-less serial.
  const ledgerSheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TABS.logEmail) as GoogleAppsScript.Spreadsheet.Sheet;
  const ledgerValues = ledgerSheet.getDataRange().getValues();

  const settings = parseSettings(settingsRows, ctx.lang);
  const lang = settings.ok ? settings.value.bahasa : ctx.lang;
  const instrument = parseInstrument(instrumentRows, lang);
  const aspects = parseAspects(aspectRows, lang);
  const categories = parseCategories(categoryRows, lang);
  const validation = validateUnits(unitRows, lang);
  const problems: Problem[] = [
    ...(settings.ok ? [] : settings.problems),
    ...(instrument.ok ? [] : instrument.problems),
    ...(aspects.ok ? [] : aspects.problems),
    ...(categories.ok ? [] : categories.problems),
    ...validation.problems,
  ];
  if (!settings.ok || !instrument.ok || !aspects.ok || !categories.ok || problems.length > 0) return failure(lang, 'core.fixFirst', {}, problems);

  const all: Outgoing[] = [];
  const tabValues = new Map(tabs.map((s, i) => [normKey(s.code), { sheet: s, values: values[read.length + i] }] as const));
  for (const u of validation.units) {
    const to = u.picEmails;
    const cc = ccOf(to, u.assessorEmails);
    const base = { code: u.code, to, cc };
    const blocked = (reason: string): Outgoing => ({ ...base, candidate: { code: u.code, kind: 'findings', recipients: to.length + cc.length, fingerprint: '', blocked: reason } });
    const tab = tabValues.get(normKey(u.code));
    if (!tab) {
      all.push(blocked(t(lang, 'mail.reason.noTab')));
      continue;
    }
    const read = readUnitAnswers({ code: u.code, sheetId: tab.sheet.sheetId, title: tab.sheet.title, values: tab.values }, lang);
    if (!read.ok) {
      all.push(blocked(read.problems.map((p) => p.message).join(' ')));
      continue;
    }
    const indicators = withInstrumentRecommendations(read.value.indicators, instrument.value);
    const message = renderFindingsEmail({
      lang,
      settings: settings.value,
      unit: u,
      summary: summarize(indicators, read.value.answers, aspects.value, categories.value),
      findings: findingsOf(indicators, read.value.answers, { deadline: settings.value.batasWaktu }),
      tabUrl: tabUrl(ctx.spreadsheetId, tab.sheet.sheetId),
    });
    all.push({ ...base, message, candidate: { code: u.code, kind: message.kind, recipients: to.length + cc.length, fingerprint: fingerprintOf(to, cc, message) } });
  }
  all.push(...rejectedUnits(unitRows, validation.rejected, validation.units));

  let outgoing = all;
  if (only !== undefined && only.length > 0) {
    const wanted = new Set(only.map(normKey).filter((k) => k !== ''));
    const known = new Set(all.map((o) => normKey(o.code)));
    const unknown = only.filter((k) => normKey(k) !== '' && !known.has(normKey(k)));
    if (unknown.length > 0) return failure(lang, 'mail.error.unknownUnits', { codes: unknown.join(', ') });
    outgoing = all.filter((o) => wanted.has(normKey(o.code)));
  }
  if (outgoing.length === 0) return failure(lang, 'mail.error.noUnits');
  return {
    lang,
    settings: settings.value,
    timeZone,
    outgoing,
    ledger: parseLedger(ledgerValues),
    ledgerSheet,
    nextLedgerRow: ledgerValues.length + 1,
    ledgerRowCount: logEmail.rowCount,
  };
}
