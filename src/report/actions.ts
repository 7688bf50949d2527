// "Unduh rapor" (sidebar) and `pendamping report` (CLI): the rapor of each unit as a PDF, read
// once per execution like a send (MAIL_READ). One call stops well before the 6-minute limit
// (each conversion is a round trip of its own) and names the units it left, for the next call.
import { t, type Lang } from '../domain/i18n';
import { checkProgramme } from '../domain/programme';
import { latestScores } from '../domain/rounds';
import { TABS } from '../domain/tables';
import { normKey } from '../domain/text';
import { BATCH_TIME_LIMIT_MS } from '../mail/batch';
import { MAIL_READ, withInstrumentTexts } from '../mail/prepare';
import { errorText, failure, type Failure } from '../sheets/context';
import { needSetup, type Programme } from '../sheets/programme';
import { withAdminLock } from '../ui/actions';
import { pdfOf, raporOf } from './rapor';

export interface RaporOptions {
  /** Kode of the units (any case); all valid units when absent. */
  only?: string[];
  /** The HTML instead of the PDF (nothing converted): where no conversion is available. */
  html?: boolean;
}

export interface RaporFile {
  kode: string;
  /** The file name, '….pdf' (or '….html'). */
  name: string;
  /** The PDF in base64, or the HTML with `html: true`. */
  pdf?: string;
  html?: string;
}

export interface RaporResult {
  ok: true;
  lang: Lang;
  files: RaporFile[];
  /** Units whose rapor cannot be made (no readable tab, a conversion refused), with the reason. */
  failed: { kode: string; reason: string }[];
  /** Units left for the next call (time). */
  remaining: string[];
  message: string;
}

const REQUIRED = [TABS.pengaturan, TABS.instrumen, TABS.aspek, TABS.kategori, TABS.unit] as const;

function cleanOptions(opts: unknown): RaporOptions {
  const o = (opts !== null && typeof opts === 'object' ? opts : {}) as Record<string, unknown>;
  const only = Array.isArray(o.only) ? o.only.map((k) => String(k)) : typeof o.only === 'string' ? o.only.split(',') : undefined;
  return { ...(only !== undefined && { only }), ...(o.html === true && { html: true }) };
}

function raporIn(programme: Programme, opts: RaporOptions, startedAt: number): RaporResult | Failure {
  const unready = needSetup(programme, REQUIRED);
  if (unready) return unready;
  const { lang, timeZone } = programme;
  const checked = checkProgramme(programme, lang);
  if (!checked.ok) return failure(lang, 'core.fixFirst', {}, checked.problems);
  const { settings, indicators, aspects, categories, units: validation } = checked.value;
  const wanted = (opts.only ?? []).map(normKey).filter((k) => k !== '');
  const known = new Set(validation.units.map((u) => normKey(u.code)));
  const unknown = (opts.only ?? []).filter((k) => normKey(k) !== '' && !known.has(normKey(k)));
  if (unknown.length > 0 || (opts.only !== undefined && wanted.length === 0)) return failure(lang, 'rapor.error.unknownUnit', { kode: unknown.join(', ') });
  const units = opts.only === undefined ? validation.units : validation.units.filter((u) => wanted.includes(normKey(u.code)));
  if (units.length === 0) return failure(lang, 'mail.error.noUnits');
  const tabs = new Map(programme.unitTabs.map((tab) => [normKey(tab.sheet.code), tab] as const));
  const history = latestScores(programme.rows(TABS.riwayat));
  const today = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
  const result: RaporResult = { ok: true, lang, files: [], failed: [], remaining: [], message: '' };
  for (const unit of units) {
    if (Date.now() - startedAt >= BATCH_TIME_LIMIT_MS) {
      result.remaining.push(unit.code);
      continue;
    }
    const tab = tabs.get(normKey(unit.code));
    if (!tab || !tab.reading.ok) {
      const reason = tab && !tab.reading.ok ? tab.reading.problems.map((p) => p.message).join(' ') : t(lang, 'mail.reason.noTab');
      result.failed.push({ kode: unit.code, reason: t(lang, 'rapor.error.unreadable', { kode: unit.code, reason }) });
      continue;
    }
    const answers = tab.reading.value;
    const rapor = raporOf({
      lang,
      settings,
      unit,
      tab: { ...answers, indicators: withInstrumentTexts(answers.indicators, indicators) },
      aspects,
      categories,
      today,
      previousScore: history.get(normKey(unit.code)) ?? null,
    });
    if (opts.html === true) {
      result.files.push({ kode: unit.code, name: `${rapor.name}.html`, html: rapor.html });
      continue;
    }
    try {
      const pdf = pdfOf(rapor);
      result.files.push({ kode: unit.code, name: pdf.getName() ?? `${rapor.name}.pdf`, pdf: Utilities.base64Encode(pdf.getBytes()) });
    } catch (error) {
      result.failed.push({ kode: unit.code, reason: t(lang, 'rapor.error.convert', { kode: unit.code, error: errorText(error) }) });
    }
  }
  result.message = t(lang, 'rapor.report', { count: result.files.length });
  return result;
}

/**
 * The rapor of each unit (or of the units `only` names): PDF in base64, or the HTML with
 * `html: true`. Call again with `only: remaining` while units are left.
 */
export function makeRapor(opts?: RaporOptions): RaporResult | Failure {
  const startedAt = Date.now();
  const clean = cleanOptions(opts);
  return withAdminLock((_ctx, programme) => raporIn(programme, clean, startedAt), MAIL_READ);
}

/** "Unduh rapor": one unit's rapor as a PDF in base64. */
export function downloadRapor(kode: string): ({ ok: true } & RaporFile) | Failure {
  const result = makeRapor({ only: [String(kode ?? '')] });
  if (!result.ok) return result;
  const [file] = result.files;
  if (!file) return { ok: false, error: result.failed[0]?.reason ?? result.message };
  return { ok: true, ...file };
}
