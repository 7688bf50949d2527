// The rapor of one unit in one round: a printable A4 document rendered as pure HTML from the
// programme (docs/WORKBOOK.md, "Rapor"). Apps Script turns it into a PDF with
// Utilities.newBlob(html, 'text/html', name).getAs('application/pdf'); offline, the local
// runtime prints the same HTML with Chromium. Every text typed by a person is escaped; the
// scores and the category are shown as everywhere else (src/domain/scale.ts). A unit that is
// not verified gets a rapor marked provisional on every page.
import { escapeHtml, formatLongDate, formatScore, signedScore, type ProgressInput } from './email';
import { t, type Lang } from './i18n';
import { ZONE_COLOURS, categoryDisplay, categoryNamed, categoryOnScale, formatShownScore } from './scale';
import { findingsByAspect, type AspectScore } from './scoring';
import type { CategoryTable, Finding, Settings, Summary, Unit } from './types';

export interface RaporInput {
  lang: Lang;
  settings: Pick<Settings, 'namaKegiatan' | 'instansiPenilai' | 'putaran' | 'penandatanganNama' | 'penandatanganJabatan'>;
  unit: Pick<Unit, 'code' | 'name' | 'type'>;
  /** The day the rapor is issued, 'yyyy-mm-dd'. */
  date: string;
  summary: Pick<Summary, 'selfScore' | 'finalScore' | 'category' | 'findings'>;
  categories: CategoryTable;
  aspects: readonly AspectScore[];
  findings: readonly Finding[];
  /** In a later round: what changed since the last one. */
  progress?: ProgressInput;
  /** Not verified by its assessor (Status Verifikasi): every page says so. */
  provisional: boolean;
}

export interface RenderedRapor {
  /** The PDF's file name, without extension: 'Rapor {Kode} {Nama Unit}', safe on every file system. */
  name: string;
  html: string;
}

/** Characters no file system takes in a name, and control characters, become spaces. */
function fileNameOf(text: string): string {
  const safe = Array.from(text, (ch) => (ch < ' ' || '\\/:*?"<>|\u007f'.includes(ch) ? ' ' : ch)).join('');
  return safe.replace(/\s+/g, ' ').trim().slice(0, 120);
}

const html = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

// Print styles: A4, small type so that 40 findings fit in three pages; a provisional rapor's
// mark is a fixed element, which a printed page repeats on every page.
const STYLE = `
@page { size: A4; margin: 14mm 13mm 14mm 13mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 8.5pt; line-height: 1.3; color: #202124; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; border-bottom: 0.3mm solid #9aa0a6; padding-bottom: 0.8mm; }
h3 { font-size: 9pt; margin: 2.5mm 0 1mm; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.5mm; }
.meta th { width: 22mm; font-weight: normal; color: #5f6368; }
.scores { margin-top: 2mm; }
.scores td { border: 0.2mm solid #c8c8c8; padding: 1.5mm 2mm; width: 25%; }
.scores .label { display: block; color: #5f6368; font-size: 7.5pt; }
.scores .value { font-size: 11pt; font-weight: bold; }
.zone { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; margin-right: 1.2mm; vertical-align: -0.3mm; }
.bars td { padding: 0.6mm 1.5mm; }
.bars .name { width: 38mm; }
.bars .figure { width: 34mm; text-align: right; white-space: nowrap; }
.track { height: 3.2mm; border: 0.2mm solid #9aa0a6; background: #f1f3f4; }
.bar { height: 100%; }
.findings { font-size: 7pt; line-height: 1.2; table-layout: fixed; }
.findings th { background: #f1f3f4; border: 0.2mm solid #c8c8c8; font-size: 6.5pt; }
.findings td { border: 0.2mm solid #c8c8c8; padding: 0.6mm 1.2mm; overflow-wrap: break-word; }
.findings tr { page-break-inside: avoid; break-inside: avoid; }
.findings tr.group td { background: #e8eaed; font-weight: bold; font-size: 7.5pt; }
.findings tr.group { page-break-after: avoid; break-after: avoid; }
.findings .code { width: 14mm; }
.findings .note { width: 30mm; }
.findings .evidence { width: 28mm; }
.findings .deadline { width: 17mm; }
.provisional-note { border: 0.4mm solid #d93025; color: #b3261e; padding: 1.5mm 2mm; margin: 2mm 0; font-weight: bold; }
.provisional-mark { position: fixed; top: 120mm; left: 0; right: 0; text-align: center; font-size: 60pt; font-weight: bold;
  color: rgba(217, 48, 37, 0.13); transform: rotate(-30deg); z-index: 10; }
.signature { margin-top: 6mm; margin-left: 55%; page-break-inside: avoid; break-inside: avoid; }
.signature .space { height: 14mm; }
`;

function metaRows(input: RaporInput): string {
  const { lang, settings, unit, date } = input;
  const rows: [string, string][] = [
    [t(lang, 'rapor.unit'), `${unit.code} — ${unit.name || unit.code}`],
    ...(unit.type !== '' ? [[t(lang, 'rapor.type'), unit.type] as [string, string]] : []),
    [t(lang, 'rapor.programme'), settings.namaKegiatan],
    ...(settings.instansiPenilai !== '' ? [[t(lang, 'rapor.office'), settings.instansiPenilai] as [string, string]] : []),
    ...(settings.putaran !== '' ? [[t(lang, 'rapor.round'), settings.putaran] as [string, string]] : []),
    [t(lang, 'rapor.date'), formatLongDate(lang, date)],
  ];
  return `<table class="meta">${rows.map(([label, value]) => `<tr><th>${html(label)}</th><td>${html(value)}</td></tr>`).join('')}</table>`;
}

function zoneDot(name: string, categories: CategoryTable): string {
  const category = categoryNamed(name, categories.categories);
  return category ? `<span class="zone" style="background:${ZONE_COLOURS[category.zone]}"></span>` : '';
}

function scoreCells(input: RaporInput): string {
  const { lang, summary, categories } = input;
  const cell = (label: string, value: string, prefix = '') => `<td><span class="label">${html(label)}</span><span class="value">${prefix}${html(value)}</span></td>`;
  const category = categoryDisplay(lang, summary.category, categories.categories) || '–';
  return (
    `<table class="scores"><tr>` +
    cell(t(lang, 'mail.score.self'), formatShownScore(lang, summary.selfScore, categories.scale)) +
    cell(t(lang, 'mail.score.final'), formatShownScore(lang, summary.finalScore, categories.scale)) +
    cell(t(lang, 'rapor.findingCount'), summary.findings === null ? '–' : String(summary.findings)) +
    `</tr><tr><td colspan="3"><span class="label">${html(t(lang, 'mail.score.category'))}</span><span class="value">${zoneDot(summary.category, categories)}${html(category)}</span></td></tr></table>`
  );
}

/** The score per aspect as bars, each in the colour of the zone its score falls in. */
function aspectBars(input: RaporInput): string {
  const { lang, categories } = input;
  if (input.aspects.length === 0) return '';
  const rows = input.aspects.map(({ aspect, score }) => {
    const zone = categoryOnScale(score, categories.scale, categories.categories)?.zone;
    const width = score === null ? 0 : Math.max(0, Math.min(100, score));
    const bar = `<div class="track"><div class="bar" style="width:${width}%;background:${zone ? ZONE_COLOURS[zone] : '#9aa0a6'}"></div></div>`;
    return `<tr><td class="name">${html(aspect)}</td><td>${bar}</td><td class="figure">${html(formatShownScore(lang, score, categories.scale))}</td></tr>`;
  });
  return `<h2>${html(t(lang, 'rapor.aspects'))}</h2><table class="bars">${rows.join('')}</table>`;
}

function progressSection(lang: Lang, p: ProgressInput | undefined): string {
  if (!p || (p.items === null && p.previousScore === null)) return '';
  const parts = [`<h2>${html(t(lang, 'round.progress.title'))}</h2>`];
  if (p.previousScore !== null && p.finalScore !== null) {
    const params = { before: formatScore(lang, p.previousScore), after: formatScore(lang, p.finalScore), change: signedScore(lang, p.finalScore - p.previousScore) };
    parts.push(`<p>${html(t(lang, 'round.progress.score', params))}</p>`);
  }
  if (p.items !== null) {
    const codes = (items: readonly { code: string }[]) => (items.length === 0 ? t(lang, 'round.progress.none') : items.map((i) => i.code).join(', '));
    parts.push(
      `<p>${html(t(lang, 'rapor.progress.improved', { count: p.items.improved.length, codes: codes(p.items.improved) }))}</p>`,
      `<p>${html(t(lang, 'rapor.progress.stillOpen', { count: p.items.stillOpen.length, codes: codes(p.items.stillOpen) }))}</p>`,
    );
  }
  return parts.join('');
}

/**
 * The findings in one table, a row per aspect heading its findings. When every finding has the
 * same deadline (the round's), it is said once above the table instead of in a column.
 */
function findingsSection(input: RaporInput): string {
  const { lang, findings, summary } = input;
  const heading = `<h2>${html(t(lang, 'rapor.findings', { count: findings.length }))}</h2>`;
  if (summary.findings === null) return `${heading}<p>${html(t(lang, 'rapor.notAssessed'))}</p>`;
  if (findings.length === 0) return `${heading}<p>${html(t(lang, 'rapor.findings.none'))}</p>`;
  const deadlines = new Set(findings.map((f) => f.deadline));
  const oneDeadline = deadlines.size === 1 ? findings[0].deadline : null;
  const columns: [string, string][] = [
    ['code', t(lang, 'rapor.column.code')],
    ['indicator', t(lang, 'rapor.column.indicator')],
    ['suggestion', t(lang, 'rapor.column.suggestion')],
    ['note', t(lang, 'rapor.column.note')],
    ['evidence', t(lang, 'rapor.column.evidence')],
    ...(oneDeadline === null ? [['deadline', t(lang, 'rapor.column.deadline')] as [string, string]] : []),
  ];
  const head = `<tr>${columns.map(([c, label]) => `<th class="${c}">${html(label)}</th>`).join('')}</tr>`;
  const rows = findingsByAspect(findings).flatMap((group) => [
    `<tr class="group"><td colspan="${columns.length}">${html(t(lang, 'rapor.aspect.heading', { aspect: group.aspect, count: group.findings.length }))}</td></tr>`,
    ...group.findings.map((f) => {
      const cells = [f.code, f.text, f.recommendation, f.note, f.evidence, ...(oneDeadline === null ? [formatLongDate(lang, f.deadline)] : [])];
      return `<tr>${cells.map((text, i) => `<td class="${columns[i][0]}">${html(text)}</td>`).join('')}</tr>`;
    }),
  ]);
  const intro = oneDeadline !== null && oneDeadline !== '' ? `<p>${html(t(lang, 'rapor.deadline', { date: formatLongDate(lang, oneDeadline) }))}</p>` : '';
  return `${heading}${intro}<table class="findings"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function signature(input: RaporInput): string {
  const { lang, settings, date } = input;
  const lines = [t(lang, 'rapor.signature.date', { date: formatLongDate(lang, date) }), settings.penandatanganJabatan ?? '', settings.instansiPenilai].filter((l) => l !== '');
  return `<div class="signature">${lines.map((l) => `<p>${html(l)}</p>`).join('')}<div class="space"></div><p><strong>${html(settings.penandatanganNama ?? '')}</strong></p></div>`;
}

/** The rapor of one unit as a whole HTML document, and its file name. */
export function renderRapor(input: RaporInput): RenderedRapor {
  const { lang, unit, provisional } = input;
  const title = t(lang, 'rapor.title');
  const body = [
    provisional ? `<div class="provisional-mark">${html(t(lang, 'rapor.provisional.mark'))}</div>` : '',
    `<h1>${html(title)}</h1>`,
    metaRows(input),
    provisional ? `<p class="provisional-note">${html(t(lang, 'rapor.provisional.note'))}</p>` : '',
    scoreCells(input),
    aspectBars(input),
    progressSection(lang, input.progress),
    findingsSection(input),
    signature(input),
  ];
  const name = fileNameOf(t(lang, 'rapor.fileName', { kode: unit.code, unit: unit.name || unit.code }));
  const document = [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${html(`${title} — ${unit.code}`)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
  ].join('\n');
  return { name, html: document };
}
