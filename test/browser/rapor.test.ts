// The rapor (one PDF per unit per round) through the built bundle, printed by Chromium as the
// local runtime's Blob.getAs, read back with a real PDF parser (poppler's pdftotext): every
// number, category and finding against the workbook, a unit with no finding, a provisional one
// marked on every page, 40+ findings within three A4 pages; the rapor attached to the findings
// email (parsed .eml); the email readable at a phone's 390 px; `pendamping report`, with and
// without Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveWorkbook } from '../../local/xlsx';
import type { LocalRuntime } from '../../local/runtime';
import { parseCategoryTable } from '../../src/domain/instrument';
import { categoryDisplay, formatShownScore } from '../../src/domain/scale';
import { jsonOf, pendamping } from '../bundle/cli-process';
import { ADMIN, fillColumn, ok, outbox, programme, setStatus, setting, sheet, tempOutbox, unitSheet, values, type Result } from '../bundle/mail-helpers';
import { ensureBuilt } from '../helpers/build';
import { launch } from './browser';

beforeAll(() => ensureBuilt());

/** The text of a PDF (or of its page `page`), in content-stream order, as poppler reads it. */
function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Text with every space and line break taken out: a cell's text wraps wherever its column ends. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

const best = (type: string) => (type.startsWith('0-') ? type.slice(2) : 'Ya');
const worst = (type: string) => (type.startsWith('0-') ? '0' : 'Tidak');
const creditOf = (type: string, answer: string) => (type.startsWith('0-') ? Number(answer) / Number(type.slice(2)) : answer === 'Ya' ? 1 : 0);

interface Row {
  code: string;
  aspect: string;
  text: string;
  weight: number;
  type: string;
}

/** The indicator rows of a unit tab as the workbook holds them. */
function rowsOf(rt: LocalRuntime, code: string): Row[] {
  const v = values(unitSheet(rt.workbook, code));
  const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const col = (name: string) => v[at].indexOf(name);
  return v
    .slice(at + 1)
    .filter((r) => r[0] !== '')
    .map((r) => ({ code: String(r[col('Kode')]), aspect: String(r[col('Aspek')]), text: String(r[col('Indikator')]), weight: Number(r[col('Bobot')]), type: String(r[col('Jenis Jawaban')]) }));
}

/** The tab's summary cells (RINGKASAN_KEPATUHAN's spill right of "Hasil"). */
function summaryOf(rt: LocalRuntime, code: string): { self: number; final: number; category: string; findings: number } {
  const v = values(unitSheet(rt.workbook, code));
  const row = v.find((r) => r[0] === 'Hasil') as unknown[];
  return { self: Number(row[1]), final: Number(row[2]), category: String(row[3]), findings: Number(row[4]) };
}

/** Instrumen's Rekomendasi and Bukti Diminta by Kode. */
function instrumentTexts(rt: LocalRuntime): Map<string, { recommendation: string; evidence: string }> {
  const [header, ...rows] = values(sheet(rt.workbook, 'Instrumen'));
  const col = (name: string) => header.indexOf(name);
  return new Map(rows.map((r) => [String(r[col('Kode')]), { recommendation: String(r[col('Rekomendasi')]), evidence: String(r[col('Bukti Diminta')]) }]));
}

const NOTE_FULL = 'Belum ada bukti fisik saat kunjungan.';
const NOTE_PROV = '<b>tebal</b> & "kutip" https://contoh.go.id/halaman/sangat-panjang-tanpa-spasi-sama-sekali-agar-baris-dipaksa-patah-di-layar';
const SIGNER = { name: 'Dr. Siti Aminah', title: 'Kepala Perwakilan' };

/** FULL: every indicator a finding with a note, verified; NONE: nothing to fix, verified; PROV: half, not verified. */
async function assessed(outboxDir: string): Promise<{ rt: LocalRuntime; answers: Map<string, Map<string, string>> }> {
  const rt = await programme([{ code: 'FULL', name: 'Dinas Lengkap' }, { code: 'NONE', name: 'Dinas Tuntas' }, { code: 'PROV', name: 'Dinas Sementara' }], { outbox: outboxDir, rapor: true });
  setting(rt, 'penandatangan_nama', SIGNER.name);
  setting(rt, 'penandatangan_jabatan', SIGNER.title);
  const answers = new Map<string, Map<string, string>>();
  const plan: Record<string, (i: number, type: string) => { self: string; verified: string }> = {
    FULL: (_i, type) => ({ self: best(type), verified: worst(type) }),
    NONE: (_i, type) => ({ self: best(type), verified: '' }),
    PROV: (i, type) => ({ self: i % 2 === 0 ? worst(type) : best(type), verified: '' }),
  };
  for (const [code, answer] of Object.entries(plan)) {
    const rows = rowsOf(rt, code);
    fillColumn(rt, code, 'Jawaban Mandiri', (i) => answer(i, rows[i].type).self);
    fillColumn(rt, code, 'Jawaban Verifikasi', (i) => answer(i, rows[i].type).verified);
    answers.set(code, new Map(rows.map((r, i) => [r.code, answer(i, r.type).verified || answer(i, r.type).self])));
  }
  fillColumn(rt, 'FULL', 'Catatan Asesor', () => NOTE_FULL);
  fillColumn(rt, 'PROV', 'Catatan Asesor', (i) => (i === 0 ? NOTE_PROV : ''));
  setStatus(rt, 'FULL', 'Status Verifikasi', 'Terverifikasi');
  setStatus(rt, 'NONE', 'Status Verifikasi', 'Terverifikasi');
  // programme() submits and verifies every unit: PROV is taken back to submitted, not verified.
  setStatus(rt, 'PROV', 'Status Verifikasi', 'Belum diverifikasi');
  return { rt, answers };
}

let rt: LocalRuntime;
let answers: Map<string, Map<string, string>>;
let mailDir: string;
const dir = mkdtempSync(join(tmpdir(), 'pendamping-rapor-'));
const pdfs = new Map<string, string>();

beforeAll(async () => {
  mailDir = tempOutbox();
  ({ rt, answers } = await assessed(mailDir));
  const started = Date.now();
  const result = ok(rt.run('makeRapor', {})) as Result & { files: { kode: string; name: string; pdf: string }[] };
  const ms = Date.now() - started;
  for (const f of result.files) {
    const file = join(dir, f.name);
    writeFileSync(file, Buffer.from(f.pdf, 'base64'));
    pdfs.set(f.kode, file);
  }
  const sizes = [...pdfs.entries()].map(([kode, file]) => `${kode} ${Math.round(statSync(file).size / 1024)} KB, ${pdfPages(file)} pages`);
  console.log(`rapor: ${result.files.length} units in ${ms} ms wall (one Chromium), ${Math.round(ms / result.files.length)} ms per unit; ${sizes.join('; ')}`);
});

test('one PDF per unit, named after it, with the programme, office, unit, round, date and signer', () => {
  expect([...pdfs.keys()].sort()).toEqual(['FULL', 'NONE', 'PROV']);
  expect(pdfs.get('FULL')).toMatch(/Rapor FULL Dinas Lengkap\.pdf$/);
  for (const [kode, file] of pdfs) {
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file);
    for (const expected of ['Rapor Kepatuhan Standar Pelayanan Publik', `${kode} — Dinas`, 'Pendampingan Perbaikan Pelayanan Publik', 'Ombudsman RI Perwakilan Jambi', '2025 Pendampingan', '3 Maret 2025', SIGNER.name, SIGNER.title]) {
      expect(text).toContain(expected);
    }
  }
});

test('Skor Mandiri, Skor Akhir, the category with its meaning and zone and the findings count are the workbook’s', () => {
  const kategori = parseCategoryTable(values(sheet(rt.workbook, 'Kategori')), 'id');
  if (!kategori.ok) throw new Error('Kategori should parse');
  for (const [kode, file] of pdfs) {
    const summary = summaryOf(rt, kode);
    const text = pdfText(file);
    expect(text).toContain(`Skor Mandiri\n${formatShownScore('id', summary.self, kategori.value.scale)}`);
    expect(text).toContain(`Skor Akhir\n${formatShownScore('id', summary.final, kategori.value.scale)}`);
    expect(text).toContain(`Jumlah temuan\n${summary.findings}`);
    expect(squeezed(text)).toContain(squeezed(`Kategori ${categoryDisplay('id', summary.category, kategori.value.categories)}`));
  }
  expect(summaryOf(rt, 'FULL')).toMatchObject({ self: 100, final: 0 });
});

test('the score per aspect: the flat score of each aspect’s indicators, computed here from the tab', () => {
  for (const [kode, file] of pdfs) {
    const rows = rowsOf(rt, kode);
    const given = answers.get(kode) as Map<string, string>;
    const text = squeezed(pdfText(file));
    for (const aspect of [...new Set(rows.map((r) => r.aspect))]) {
      const own = rows.filter((r) => r.aspect === aspect);
      const score = (100 * own.reduce((s, r) => s + r.weight * creditOf(r.type, given.get(r.code) as string), 0)) / own.reduce((s, r) => s + r.weight, 0);
      const shown = String(Math.round(score * 100) / 100).replace('.', ',');
      expect(text).toContain(squeezed(`${aspect}${shown}`));
    }
  }
});

test('every finding with its Kode, indicator, saran perbaikan (Instrumen Rekomendasi), note and evidence; none for a unit without', () => {
  const instrument = instrumentTexts(rt);
  for (const kode of ['FULL', 'PROV']) {
    const given = answers.get(kode) as Map<string, string>;
    const findings = rowsOf(rt, kode).filter((r) => creditOf(r.type, given.get(r.code) as string) < 1);
    const text = pdfText(pdfs.get(kode) as string);
    expect(text).toContain(`Temuan dan saran perbaikan (${findings.length})`);
    expect(text).toContain('Batas waktu tindak lanjut: 30 April 2025.');
    for (const [i, f] of findings.entries()) {
      const { recommendation, evidence } = instrument.get(f.code) as { recommendation: string; evidence: string };
      const note = kode === 'FULL' ? NOTE_FULL : i === 0 ? NOTE_PROV : '';
      expect(squeezed(text)).toContain(squeezed(`${f.code} ${f.text} ${recommendation} ${note} ${evidence}`));
    }
    // Aspects head their findings, in instrument order.
    const aspects = [...new Set(findings.map((f) => f.aspect))];
    const at = aspects.map((a) => text.indexOf(`${a} (${findings.filter((f) => f.aspect === a).length} temuan)`));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  }
  expect(rowsOf(rt, 'FULL').length).toBeGreaterThanOrEqual(40);
  const none = pdfText(pdfs.get('NONE') as string);
  expect(none).toContain('Temuan dan saran perbaikan (0)');
  expect(none).toContain('Tidak ada temuan');
  // Escaped: the note's markup is printed as text.
  expect(squeezed(pdfText(pdfs.get('PROV') as string))).toContain(squeezed('<b>tebal</b> & "kutip"'));
});

test('40 or more findings fit in three A4 pages; an unverified unit is marked provisional on every page, a verified one nowhere', () => {
  expect(pdfPages(pdfs.get('FULL') as string)).toBeLessThanOrEqual(3);
  const prov = pdfs.get('PROV') as string;
  const pages = pdfPages(prov);
  expect(pages).toBeGreaterThanOrEqual(2);
  for (let page = 1; page <= pages; page++) expect(pdfText(prov, page)).toContain('SEMENTARA');
  expect(pdfText(prov)).toContain('belum diverifikasi asesor');
  for (const kode of ['FULL', 'NONE']) expect(pdfText(pdfs.get(kode) as string)).not.toContain('SEMENTARA');
});

test('the findings email carries the unit’s rapor as a PDF attachment; lampirkan_rapor = Tidak sends it without', async () => {
  // Converted only as each message goes: a preview or a dry run converts nothing.
  const conversions = () => rt.snapshot().serviceCalls['Blob.getAs'] ?? 0;
  const before = conversions();
  // PROV is submitted, not verified: it goes with the explicit choice, marked provisional.
  ok(rt.run('previewFindings', { includeUnverified: true }));
  ok(rt.run('sendFindingsBatch', { dryRun: true, includeUnverified: true }));
  expect(conversions()).toBe(before);
  ok(rt.run('sendFindingsBatch', { includeUnverified: true }));
  expect(conversions()).toBe(before + 3);
  const sent = await outbox(mailDir);
  expect(sent).toHaveLength(3);
  for (const eml of sent) {
    const [attachment] = eml.mail.attachments;
    expect(eml.mail.attachments).toHaveLength(1);
    expect(attachment.contentType).toBe('application/pdf');
    const kode = /Rapor (\w+) /.exec(attachment.filename ?? '')?.[1] as string;
    const file = join(dir, `attached-${kode}.pdf`);
    writeFileSync(file, attachment.content);
    expect(pdfText(file)).toContain(`${kode} — Dinas`);
    expect(String(eml.mail.text)).toContain('Rapor lengkap unit ini terlampir (PDF).');
    console.log(`email with rapor: ${kode} ${Math.round(statSync(join(mailDir, eml.file)).size / 1024)} KB (.eml), attachment ${Math.round(attachment.size / 1024)} KB`);
  }
  setting(rt, 'lampirkan_rapor', 'Tidak');
  ok(rt.run('sendFindingsBatch', { force: true, only: ['FULL'] }));
  const again = (await outbox(mailDir)).slice(3);
  expect(again).toHaveLength(1);
  expect(again[0].mail.attachments).toHaveLength(0);
  expect(String(again[0].mail.text)).not.toContain('terlampir');
});

test('the findings email is readable on a phone: at 390 px nothing scrolls sideways', async () => {
  const [eml] = (await outbox(mailDir)).filter((e) => e.mail.subject?.includes('Dinas Sementara'));
  const html = String(eml.mail.html);
  expect(html).toContain('https://contoh.go.id/halaman/sangat-panjang');
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setContent(html, { waitUntil: 'load' });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(clientWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  } finally {
    await browser.close();
  }
});

test('the sidebar’s "Unduh rapor": one unit’s PDF; an unknown Kode is an error', () => {
  const one = ok(rt.run('downloadRapor', 'none')) as Result & { kode: string; name: string; pdf: string };
  expect(one).toMatchObject({ kode: 'NONE', name: 'Rapor NONE Dinas Tuntas.pdf' });
  expect(Buffer.from(one.pdf, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const unknown = rt.run('downloadRapor', 'NOPE') as Result;
  expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('NOPE') });
});

test('`pendamping report` writes one PDF per unit (JSON written); without Chromium it says so, writes the HTML and exits 1', async () => {
  const file = join(dir, 'programme.xlsx');
  await saveWorkbook(rt.workbook, file);
  const out = join(dir, 'out');
  const run = await pendamping(dir, ['report', '--workbook', file, '--only', 'FULL,PROV', '--out', out, '--user', ADMIN, '--json']);
  expect(run.code).toBe(0);
  const written = jsonOf(run).written as string[];
  expect(written.map((p) => p.slice(out.length + 1)).sort()).toEqual(['Rapor FULL Dinas Lengkap.pdf', 'Rapor PROV Dinas Sementara.pdf']);
  for (const p of written) expect(readFileSync(p).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const bare = join(dir, 'bare');
  const without = await pendamping(dir, ['report', '--workbook', file, '--only', 'NONE', '--out', bare, '--user', ADMIN], { CHROMIUM_PATH: join(dir, 'no-chromium') });
  expect(without.code).toBe(1);
  expect(without.stderr).toContain('Chromium tidak ditemukan');
  const html = join(bare, 'Rapor NONE Dinas Tuntas.html');
  expect(existsSync(html)).toBe(true);
  expect(readFileSync(html, 'utf8')).toContain('Tidak ada temuan');
});
