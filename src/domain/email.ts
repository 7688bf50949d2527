// The findings email of one unit, rendered as pure data: subject, HTML and its plain-text
// alternative, in the workbook's language. Every text that agencies, assessors or the
// secretariat typed is escaped in the HTML; the plain text carries it verbatim.
import { t, type Lang } from './i18n';
import type { Finding, Settings, Summary, Unit } from './types';

export interface FindingsEmailInput {
  lang: Lang;
  settings: Pick<Settings, 'namaKegiatan' | 'instansiPenilai' | 'putaran' | 'batasWaktu'>;
  unit: Pick<Unit, 'code' | 'name' | 'picName'>;
  summary: Pick<Summary, 'selfScore' | 'finalScore' | 'category'>;
  findings: readonly Finding[];
  /** The link to the unit's own tab. */
  tabUrl: string;
}

export interface RenderedEmail {
  /** 'acknowledgement' when the unit has no finding. */
  kind: 'findings' | 'acknowledgement';
  subject: string;
  html: string;
  text: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made inert inside HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** One line for a mail header: no line breaks or control characters, runs of spaces collapsed. */
function oneLine(text: string): string {
  const printable = Array.from(text, (ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');
  return printable.replace(/\s+/g, ' ').trim();
}

/** A 'yyyy-mm-dd' date in words ("31 Maret 2025"); any other text is returned as it is. */
export function formatLongDate(lang: Lang, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const months = t(lang, 'mail.months').split(',');
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** A score as the language writes it (decimal comma in Indonesian); '–' when there is none. */
export function formatScore(lang: Lang, score: number | null): string {
  if (score === null) return '–';
  const text = String(Math.round(score * 100) / 100);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** Only web links become a href; anything else is shown as text, never followed. */
function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

interface Parts {
  greeting: string;
  intro: string;
  scores: [string, string][];
  findingsIntro: string;
  columns: string[];
  rows: string[][];
  acknowledgement: string;
  linkIntro: string;
  linkLabel: string;
  signoff: string;
  office: string;
  footer: string;
}

function partsOf(input: FindingsEmailInput): Parts {
  const { lang, settings, unit, summary, findings } = input;
  const unitName = unit.name || unit.code;
  const deadline = formatLongDate(lang, settings.batasWaktu);
  return {
    greeting: unit.picName
      ? t(lang, 'mail.greeting', { name: unit.picName })
      : t(lang, 'mail.greeting.noName', { unit: unitName }),
    intro: t(lang, 'mail.intro', { programme: settings.namaKegiatan, round: settings.putaran, unit: unitName }),
    scores: [
      [t(lang, 'mail.score.self'), formatScore(lang, summary.selfScore)],
      [t(lang, 'mail.score.final'), formatScore(lang, summary.finalScore)],
      [t(lang, 'mail.score.category'), summary.category || '–'],
    ],
    findingsIntro: deadline
      ? t(lang, 'mail.findings.intro.deadline', { count: findings.length, deadline })
      : t(lang, 'mail.findings.intro', { count: findings.length }),
    columns: [
      t(lang, 'mail.column.code'),
      t(lang, 'mail.column.indicator'),
      t(lang, 'mail.column.note'),
      t(lang, 'mail.column.recommendation'),
      t(lang, 'mail.column.deadline'),
    ],
    rows: findings.map((f) => [f.code, f.text, f.note, f.recommendation, formatLongDate(lang, f.deadline)]),
    acknowledgement: t(lang, 'mail.acknowledgement', { unit: unitName }),
    linkIntro: t(lang, 'mail.link'),
    linkLabel: t(lang, 'mail.link.label', { unit: unitName }),
    signoff: t(lang, 'mail.signoff'),
    office: settings.instansiPenilai,
    footer: t(lang, 'mail.footer'),
  };
}

const CELL = 'border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top';

/** Escaped text with its line breaks kept. */
function htmlText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function renderHtml(p: Parts, hasFindings: boolean, tabUrl: string): string {
  const para = (text: string): string => `<p>${htmlText(text)}</p>`;
  const scoreRows = p.scores.map(([label, value]) => `<tr><th style="${CELL}">${htmlText(label)}</th><td style="${CELL}">${htmlText(value)}</td></tr>`);
  const out = [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124">',
    para(p.greeting),
    para(p.intro),
    `<table style="border-collapse:collapse;margin:8px 0">${scoreRows.join('')}</table>`,
  ];
  if (hasFindings) {
    const head = p.columns.map((c) => `<th style="${CELL};background:#f1f3f4">${htmlText(c)}</th>`).join('');
    const body = p.rows.map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${htmlText(c)}</td>`).join('')}</tr>`).join('');
    out.push(para(p.findingsIntro), `<table style="border-collapse:collapse;margin:8px 0"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
  } else {
    out.push(para(p.acknowledgement));
  }
  if (hasFindings && tabUrl) {
    const link = isWebLink(tabUrl) ? `<a href="${escapeHtml(tabUrl)}">${htmlText(p.linkLabel)}</a>` : htmlText(tabUrl);
    out.push(`<p>${htmlText(p.linkIntro)}<br>${link}</p>`);
  }
  out.push(`<p>${htmlText(p.signoff)}<br>${htmlText(p.office)}</p>`, `<p style="color:#5f6368;font-size:12px">${htmlText(p.footer)}</p>`, '</body></html>');
  return out.join('\n');
}

function renderText(p: Parts, hasFindings: boolean, tabUrl: string): string {
  const out = [p.greeting, '', p.intro, '', ...p.scores.map(([label, value]) => `${label}: ${value}`), ''];
  if (hasFindings) {
    out.push(p.findingsIntro, '');
    p.rows.forEach(([code, indicator, ...rest], i) => {
      out.push(`${i + 1}. [${code}] ${indicator}`);
      rest.forEach((value, j) => out.push(`   ${p.columns[j + 2]}: ${value || '–'}`));
      out.push('');
    });
    if (tabUrl) out.push(p.linkIntro, tabUrl, '');
  } else {
    out.push(p.acknowledgement, '');
  }
  out.push(p.signoff, p.office, '', p.footer);
  return out.join('\n');
}

/** The findings email of one unit, or its acknowledgement when it has no finding. */
export function renderFindingsEmail(input: FindingsEmailInput): RenderedEmail {
  const p = partsOf(input);
  const hasFindings = input.findings.length > 0;
  const { lang, settings, unit } = input;
  const subjectParams = { programme: settings.namaKegiatan, unit: unit.name || unit.code, round: settings.putaran };
  const subject = oneLine(t(lang, hasFindings ? 'mail.subject.findings' : 'mail.subject.acknowledgement', subjectParams));
  return {
    kind: hasFindings ? 'findings' : 'acknowledgement',
    subject,
    html: renderHtml(p, hasFindings, input.tabUrl),
    text: renderText(p, hasFindings, input.tabUrl),
  };
}

/** The subject of a test send: the sample's subject, marked as a test. */
export function testSubject(lang: Lang, subject: string): string {
  return t(lang, 'mail.subject.test', { subject });
}
