// The findings email of one unit, rendered as pure data: subject, HTML and its plain-text
// alternative, in the workbook's language. Every text that agencies, assessors or the
// secretariat typed is escaped in the HTML; the plain text carries it verbatim.
import { t, type Lang } from './i18n';
import { followUpText, type OverdueFinding, type RoundProgress } from './rounds';
import { categoryDisplay, formatShownScore } from './scale';
import { findingsByAspect } from './scoring';
import type { CategoryTable, Finding, Settings, Summary, Unit } from './types';
import { normKey } from './text';

export interface FindingsEmailInput {
  lang: Lang;
  settings: Pick<Settings, 'namaKegiatan' | 'instansiPenilai' | 'putaran' | 'batasWaktu' | 'penandatanganNama' | 'penandatanganJabatan'>;
  unit: Pick<Unit, 'code' | 'name' | 'picName' | 'headName' | 'headTitle'>;
  summary: Pick<Summary, 'selfScore' | 'finalScore' | 'category'>;
  /** Kategori: the category's meaning and zone, and the scale the scores are shown on. */
  categories: CategoryTable;
  /** The unit's qualifier shown after its category (opini-2025: Tanpa Maladministrasi), '' or absent for none. */
  qualifier?: string;
  findings: readonly Finding[];
  /** The link to the unit's own tab. */
  tabUrl: string;
  /** In a later round: what changed since the last one. */
  progress?: ProgressInput;
  /** The unit is not verified yet: subject and body say the result is provisional. */
  provisional?: boolean;
  /** The follow-up in words per finding Kode (normKey), where the PIC typed one (a column of the findings table when any). */
  followUps?: ReadonlyMap<string, string>;
  /** The unit's rapor goes with the message (Pengaturan lampirkan_rapor): the message says so. */
  raporAttached?: boolean;
}

export interface RenderedEmail {
  /** 'acknowledgement' when the unit has no finding; 'reminder' for "Kirim pengingat". */
  kind: 'findings' | 'acknowledgement' | 'reminder';
  subject: string;
  html: string;
  text: string;
  /** A document that goes with the message as a PDF (the unit's rapor): its file name and HTML. */
  attachment?: { name: string; html: string };
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

// ---------------------------------------------------------------------------------------------
// The shape every message of the add-on shares (findings, acknowledgement, reminder): a list of
// blocks rendered once as escaped HTML and once as plain text.

/** One part of a message. `table` rows start with Kode and Indikator; the text lists them numbered. */
type Block =
  | { kind: 'para'; text: string }
  | { kind: 'scores'; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[] }
  | { kind: 'heading'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'list'; title: string; items: readonly string[]; none: string }
  | { kind: 'link'; intro: string; label: string; url: string }
  | { kind: 'finding'; number: number; code: string; text: string; fields: readonly (readonly [string, string])[] }
  | { kind: 'signature'; signoff: string; lines: readonly string[] }
  | { kind: 'footer'; text: string };

const CELL = 'border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top';
const TABLE = '<table style="border-collapse:collapse;margin:8px 0">';

/** Escaped text with its line breaks kept. */
function htmlText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'para':
      return `<p>${htmlText(b.text)}</p>`;
    case 'scores':
      return `${TABLE}${b.rows.map(([label, value]) => `<tr><th style="${CELL}">${htmlText(label)}</th><td style="${CELL}">${htmlText(value)}</td></tr>`).join('')}</table>`;
    case 'table': {
      const head = b.columns.map((c) => `<th style="${CELL};background:#f1f3f4">${htmlText(c)}</th>`).join('');
      const body = b.rows.map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${htmlText(c)}</td>`).join('')}</tr>`).join('');
      return `${TABLE}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'heading':
      return `<h3 style="font-size:15px;margin:16px 0 4px">${htmlText(b.text)}</h3>`;
    case 'note':
      return `<p style="margin:4px 0">${htmlText(b.text)}</p>`;
    case 'list':
      return (
        `<p style="margin:4px 0">${htmlText(b.title)}</p>` +
        (b.items.length === 0
          ? `<p style="margin:0 0 8px 16px">${htmlText(b.none)}</p>`
          : `<ul style="margin:0 0 8px">${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`)
      );
    case 'link': {
      const link = isWebLink(b.url) ? `<a href="${escapeHtml(b.url)}">${htmlText(b.label)}</a>` : htmlText(b.url);
      return `<p>${htmlText(b.intro)}<br>${link}</p>`;
    }
    case 'finding':
      return (
        `<div style="margin:6px 0 10px;padding:6px 8px;border-left:3px solid #c8c8c8">` +
        `<p style="margin:0 0 4px"><b>${htmlText(`${b.number}. [${b.code}]`)}</b> ${htmlText(b.text)}</p>` +
        b.fields.map(([label, value]) => `<p style="margin:2px 0">${htmlText(label)}: ${htmlText(value)}</p>`).join('') +
        `</div>`
      );
    case 'signature':
      return `<p>${[b.signoff, ...b.lines].map(htmlText).join('<br>')}</p>`;
    case 'footer':
      return `<p style="color:#5f6368;font-size:12px">${htmlText(b.text)}</p>`;
  }
}

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'para':
      return [b.text, ''];
    case 'scores':
      return [...b.rows.map(([label, value]) => `${label}: ${value}`), ''];
    case 'table':
      return b.rows.flatMap(([code, indicator, ...rest], i) => [
        `${i + 1}. [${code}] ${indicator}`,
        ...rest.flatMap((value, j) => (value === '' ? [] : [`   ${b.columns[j + 2]}: ${value}`])),
        '',
      ]);
    case 'heading':
    case 'note':
      return [b.text];
    case 'list':
      return [b.title, ...(b.items.length === 0 ? [`  ${b.none}`] : b.items.map((i) => `  - ${i}`))];
    case 'link':
      return b.url ? [b.intro, b.url, ''] : [];
    case 'finding':
      return [`${b.number}. [${b.code}] ${b.text}`, ...b.fields.map(([label, value]) => `   ${label}: ${value}`), ''];
    case 'signature':
      return [b.signoff, ...b.lines];
    case 'footer':
      return ['', b.text];
  }
}

/** Blocks as a whole HTML document (every text escaped). */
function renderHtml(blocks: readonly Block[]): string {
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124;max-width:640px;overflow-wrap:break-word;word-wrap:break-word">',
    ...blocks.map(blockHtml),
    '</body></html>',
  ].join('\n');
}

function renderText(blocks: readonly Block[]): string {
  return blocks.flatMap(blockText).join('\n');
}

function greetingOf(lang: Lang, unit: Pick<Unit, 'code' | 'name' | 'picName' | 'headName' | 'headTitle'>): string {
  if (unit.headName && unit.headTitle) return t(lang, 'mail.greeting.head', { name: unit.headName, title: unit.headTitle });
  return unit.picName ? t(lang, 'mail.greeting', { name: unit.picName }) : t(lang, 'mail.greeting.noName', { unit: unit.name || unit.code });
}

/** Who signs a message: the signer's name and position (Pengaturan penandatangan_*), then the office; those left empty are left out. */
type Signer = Pick<Settings, 'instansiPenilai' | 'penandatanganNama' | 'penandatanganJabatan'>;

/** The closing blocks of every message: the link to the unit's tab (when there is one), the signature, the footer. */
function closing(lang: Lang, signer: Signer, link: { intro: string; label: string; url: string } | null): Block[] {
  const lines = [signer.penandatanganNama ?? '', signer.penandatanganJabatan ?? '', signer.instansiPenilai].filter((l) => l !== '');
  return [
    ...(link && link.url ? [{ kind: 'link' as const, ...link }] : []),
    { kind: 'signature', signoff: t(lang, 'mail.signoff'), lines },
    { kind: 'footer', text: t(lang, 'mail.footer') },
  ];
}

// ---------------------------------------------------------------------------------------------
// Progress since the last round (a section of a later round's findings email)

export interface ProgressInput {
  /** Last round's findings split into improved / still open (null: the tab has no last round's answers). */
  items: RoundProgress | null;
  /** Skor Akhir of the last closed round (Riwayat), null when unknown. */
  previousScore: number | null;
  finalScore: number | null;
}

/** A score change with its sign, as the language writes numbers ("+12,5", "-3"). */
export function signedScore(lang: Lang, change: number): string {
  const rounded = Math.round(change * 100) / 100;
  return `${rounded > 0 ? '+' : ''}${formatScore(lang, rounded)}`;
}

/** The progress section as blocks; none when there is nothing to compare with. */
function progressBlocks(lang: Lang, p: ProgressInput): Block[] {
  if (p.items === null && p.previousScore === null) return [];
  const blocks: Block[] = [{ kind: 'heading', text: t(lang, 'round.progress.title') }];
  if (p.previousScore !== null && p.finalScore !== null) {
    const params = { before: formatScore(lang, p.previousScore), after: formatScore(lang, p.finalScore), change: signedScore(lang, p.finalScore - p.previousScore) };
    blocks.push({ kind: 'note', text: t(lang, 'round.progress.score', params) });
  }
  if (p.items !== null) {
    const line = (i: { code: string; text: string }) => `[${i.code}] ${i.text}`;
    const none = t(lang, 'round.progress.none');
    blocks.push(
      { kind: 'list', title: t(lang, 'round.progress.improved', { count: p.items.improved.length }), items: p.items.improved.map(line), none },
      { kind: 'list', title: t(lang, 'round.progress.stillOpen', { count: p.items.stillOpen.length }), items: p.items.stillOpen.map(line), none },
    );
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The findings email

function findingsBlocks(input: FindingsEmailInput): Block[] {
  const { lang, settings, unit, summary, findings } = input;
  const { categories, scale } = input.categories;
  const unitName = unit.name || unit.code;
  const deadline = formatLongDate(lang, settings.batasWaktu);
  const blocks: Block[] = [
    { kind: 'para', text: greetingOf(lang, unit) },
    { kind: 'para', text: t(lang, 'mail.intro', { programme: settings.namaKegiatan, round: settings.putaran, unit: unitName }) },
    ...(input.provisional === true ? [{ kind: 'para' as const, text: t(lang, 'mail.provisional.body') }] : []),
    {
      kind: 'scores',
      rows: [
        [t(lang, 'mail.score.self'), formatShownScore(lang, summary.selfScore, scale)],
        [t(lang, 'mail.score.final'), formatShownScore(lang, summary.finalScore, scale)],
        [t(lang, 'mail.score.category'), categoryDisplay(lang, summary.category, categories, input.qualifier) || '–'],
      ],
    },
  ];
  if (input.progress) blocks.push(...progressBlocks(lang, input.progress));
  if (findings.length === 0) {
    blocks.push({ kind: 'para', text: t(lang, 'mail.acknowledgement', { unit: unitName }) });
    if (input.raporAttached) blocks.push({ kind: 'para', text: t(lang, 'mail.attachment') });
    return [...blocks, ...closing(lang, settings, null)];
  }
  blocks.push({
    kind: 'para',
    text: deadline ? t(lang, 'mail.findings.intro.deadline', { count: findings.length, deadline }) : t(lang, 'mail.findings.intro', { count: findings.length }),
  });
  const followUps = input.followUps ?? new Map<string, string>();
  let number = 0;
  for (const group of findingsByAspect(findings)) {
    blocks.push({ kind: 'heading', text: t(lang, 'mail.findings.aspect', { aspect: group.aspect, count: group.findings.length }) });
    for (const f of group.findings) {
      number += 1;
      const fields: [string, string][] = [
        [t(lang, 'mail.field.note'), f.note],
        [t(lang, 'mail.field.suggestion'), f.recommendation],
        [t(lang, 'mail.field.evidence'), f.evidence],
        [t(lang, 'round.reminder.column.followUp'), followUps.get(normKey(f.code)) ?? ''],
        // The round's deadline is said once above; a finding's own one is said with it.
        [t(lang, 'mail.field.deadline'), f.deadline === settings.batasWaktu ? '' : formatLongDate(lang, f.deadline)],
      ];
      blocks.push({ kind: 'finding', number, code: f.code, text: f.text, fields: fields.filter(([, value]) => value !== '') });
    }
  }
  if (input.raporAttached) blocks.push({ kind: 'para', text: t(lang, 'mail.attachment') });
  const link = { intro: t(lang, 'mail.link'), label: t(lang, 'mail.link.label', { unit: unitName }), url: input.tabUrl };
  return [...blocks, ...closing(lang, settings, link)];
}

/** The findings email of one unit, or its acknowledgement when it has no finding. */
export function renderFindingsEmail(input: FindingsEmailInput): RenderedEmail {
  const hasFindings = input.findings.length > 0;
  const { lang, settings, unit } = input;
  const subjectParams = { programme: settings.namaKegiatan, unit: unit.name || unit.code, round: settings.putaran };
  const plain = t(lang, hasFindings ? 'mail.subject.findings' : 'mail.subject.acknowledgement', subjectParams);
  const subject = oneLine(input.provisional === true ? t(lang, 'mail.subject.provisional', { subject: plain }) : plain);
  const blocks = findingsBlocks(input);
  return { kind: hasFindings ? 'findings' : 'acknowledgement', subject, html: renderHtml(blocks), text: renderText(blocks) };
}

// ---------------------------------------------------------------------------------------------
// The reminder of overdue findings ("Kirim pengingat")

export interface ReminderEmailInput {
  lang: Lang;
  settings: Pick<Settings, 'namaKegiatan' | 'instansiPenilai' | 'putaran'>;
  unit: Pick<Unit, 'code' | 'name' | 'picName'>;
  overdue: readonly OverdueFinding[];
  tabUrl: string;
}

/** The reminder of one unit's overdue findings: Kode, Indikator, Rekomendasi, Batas Waktu and Tindak Lanjut of each. */
export function renderReminderEmail(input: ReminderEmailInput): RenderedEmail {
  const { lang, settings, unit, overdue } = input;
  const unitName = unit.name || unit.code;
  const count = overdue.length;
  const blocks: Block[] = [
    { kind: 'para', text: greetingOf(lang, unit) },
    { kind: 'para', text: t(lang, 'round.reminder.intro', { programme: settings.namaKegiatan, round: settings.putaran, count, unit: unitName }) },
    {
      kind: 'table',
      columns: [
        t(lang, 'mail.column.code'),
        t(lang, 'mail.column.indicator'),
        t(lang, 'mail.column.recommendation'),
        t(lang, 'mail.column.deadline'),
        t(lang, 'round.reminder.column.followUp'),
      ],
      rows: overdue.map((f) => [f.code, f.text, f.recommendation, formatLongDate(lang, f.deadline), followUpText(f.followUp || t(lang, 'round.reminder.followUp.empty'), f.followUpNote)]),
    },
    ...closing(lang, settings, { intro: t(lang, 'round.reminder.outro'), label: t(lang, 'mail.link.label', { unit: unitName }), url: input.tabUrl }),
  ];
  const subject = oneLine(t(lang, 'round.reminder.subject', { count, unit: unitName, programme: settings.namaKegiatan }));
  return { kind: 'reminder', subject, html: renderHtml(blocks), text: renderText(blocks) };
}

export interface SubmissionReminderInput {
  lang: Lang;
  settings: Pick<Settings, 'namaKegiatan' | 'instansiPenilai' | 'putaran' | 'batasWaktu'>;
  unit: Pick<Unit, 'code' | 'name' | 'picName'>;
  /** Whether the PIC has filled in anything yet (Diisi) or nothing (Belum mulai). */
  started: boolean;
  tabUrl: string;
}

/** The reminder to a unit that has not submitted its self-assessment by the round's deadline. */
export function renderSubmissionReminder(input: SubmissionReminderInput): RenderedEmail {
  const { lang, settings, unit } = input;
  const unitName = unit.name || unit.code;
  const params = { programme: settings.namaKegiatan, round: settings.putaran, unit: unitName, deadline: formatLongDate(lang, settings.batasWaktu) };
  const blocks: Block[] = [
    { kind: 'para', text: greetingOf(lang, unit) },
    { kind: 'para', text: t(lang, 'round.reminder.submit.intro', params) },
    { kind: 'para', text: t(lang, input.started ? 'round.reminder.submit.draft' : 'round.reminder.submit.notStarted') },
    ...closing(lang, settings, { intro: t(lang, 'round.reminder.submit.outro'), label: t(lang, 'mail.link.label', { unit: unitName }), url: input.tabUrl }),
  ];
  const subject = oneLine(t(lang, 'round.reminder.submit.subject', params));
  return { kind: 'reminder', subject, html: renderHtml(blocks), text: renderText(blocks) };
}

/** The subject of a test send: the sample's subject, marked as a test. */
export function testSubject(lang: Lang, subject: string): string {
  return t(lang, 'mail.subject.test', { subject });
}
