import { escapeHtml, formatLongDate, formatScore, renderFindingsEmail, renderSubmissionReminder, testSubject, type FindingsEmailInput } from '../../src/domain/email';
import { parseCategoryTable } from '../../src/domain/instrument';
import { getProfile } from '../../src/domain/profiles';
import { SCORE_SCALE } from '../../src/domain/scale';
import type { Category, Finding } from '../../src/domain/types';

const finding = (over: Partial<Finding> = {}): Finding => ({
  code: 'SP-01',
  aspect: 'Standar Pelayanan',
  text: 'Standar pelayanan dipublikasikan',
  answer: 'Tidak',
  status: 'no',
  note: 'Belum ada papan informasi',
  recommendation: 'Pasang papan standar pelayanan',
  deadline: '2025-03-31',
  evidence: 'Foto papan standar pelayanan',
  ...over,
});

const CATEGORIES: Category[] = [
  { name: 'Hijau', min: 81, description: '', zone: 'Hijau' },
  { name: 'Kuning', min: 51, description: '', zone: 'Kuning' },
  { name: 'Merah', min: 0, description: '', zone: 'Merah' },
];

const input = (over: Partial<FindingsEmailInput> = {}): FindingsEmailInput => ({
  lang: 'id',
  settings: { namaKegiatan: 'Pendampingan 2025', instansiPenilai: 'Ombudsman RI Perwakilan Jambi', putaran: '2025 Pendampingan', batasWaktu: '2025-04-30' },
  unit: { code: 'DINKES', name: 'Dinas Kesehatan', picName: 'Budi' },
  summary: { selfScore: 80.5, finalScore: 72.25, category: 'Kuning' },
  categories: { categories: CATEGORIES, scale: SCORE_SCALE },
  findings: [finding()],
  tabUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=12',
  ...over,
});

test('the findings email greets the PIC and carries the programme, round, scores, findings, link and signature', () => {
  const m = renderFindingsEmail(input());
  expect(m.kind).toBe('findings');
  expect(m.subject).toBe('Temuan Pendampingan 2025: Dinas Kesehatan (2025 Pendampingan)');
  for (const body of [m.html, m.text]) {
    expect(body).toContain('Yth. Budi,');
    expect(body).toContain('Pendampingan 2025');
    expect(body).toContain('2025 Pendampingan');
    expect(body).toContain('80,5');
    expect(body).toContain('72,25');
    expect(body).toContain('Kuning');
    expect(body).toContain('SP-01');
    expect(body).toContain('Belum ada papan informasi');
    expect(body).toContain('Pasang papan standar pelayanan');
    expect(body).toContain('31 Maret 2025');
    expect(body).toContain('30 April 2025');
    expect(body).toContain('Ombudsman RI Perwakilan Jambi');
  }
  expect(m.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=12">');
  expect(m.text).toContain('https://docs.google.com/spreadsheets/d/abc/edit#gid=12');
  for (const label of ['Catatan asesor: ', 'Saran perbaikan: ', 'Bukti diminta: ', 'Batas waktu: ']) {
    expect(m.html).toContain(label);
    expect(m.text).toContain(label);
  }
  // "Rekomendasi" is a formal product of the Ombudsman: a pendampingan email never says it.
  expect(`${m.subject}${m.html}${m.text}`).not.toMatch(/rekomendasi/i);
});

test('findings are grouped by aspect, numbered through, and the message is signed by the signer', () => {
  const m = renderFindingsEmail(
    input({
      settings: { ...input().settings, penandatanganNama: 'Dr. Siti Aminah', penandatanganJabatan: 'Kepala Perwakilan' },
      findings: [finding(), finding({ code: 'SP-02', text: 'Maklumat pelayanan' }), finding({ code: 'PG-01', aspect: 'Pengaduan', text: 'Sarana pengaduan' })],
    }),
  );
  const text = m.text;
  expect(text.indexOf('Standar Pelayanan (2)')).toBeGreaterThan(-1);
  expect(text.indexOf('Pengaduan (1)')).toBeGreaterThan(text.indexOf('2. [SP-02]'));
  expect(text).toContain('3. [PG-01] Sarana pengaduan');
  expect(text).toMatch(/Hormat kami,\nDr\. Siti Aminah\nKepala Perwakilan\nOmbudsman RI Perwakilan Jambi/);
  expect(m.html).toContain('Hormat kami,<br>Dr. Siti Aminah<br>Kepala Perwakilan<br>Ombudsman RI Perwakilan Jambi');
});

test('addressed to the head of the agency when Nama Pimpinan and Jabatan Pimpinan are filled', () => {
  const head = renderFindingsEmail(input({ unit: { code: 'DINKES', name: 'Dinas Kesehatan', picName: 'Budi', headName: 'dr. Andi', headTitle: 'Kepala Dinas Kesehatan' } }));
  expect(head.text).toMatch(/^Yth\. dr\. Andi, Kepala Dinas Kesehatan,/);
  const half = renderFindingsEmail(input({ unit: { code: 'DINKES', name: 'Dinas Kesehatan', picName: 'Budi', headName: 'dr. Andi', headTitle: '' } }));
  expect(half.text).toMatch(/^Yth\. Budi,/);
});

test('the scores on the Kategori scale and the category with its meaning and zone', () => {
  const kategori = parseCategoryTable(getProfile('pekppp-2023')?.categories ?? [], 'id');
  if (!kategori.ok) throw new Error('pekppp-2023 Kategori should parse');
  const m = renderFindingsEmail(input({ summary: { selfScore: 80, finalScore: 69.2, category: 'B-' }, categories: kategori.value }));
  for (const body of [m.html, m.text]) {
    expect(body).toContain('80 (indeks 0–5: 4,00)');
    expect(body).toContain('69,2 (indeks 0–5: 3,46)');
    expect(body).toContain('B- — Baik (Dengan Catatan), Zona Kuning');
  }
  const en = renderFindingsEmail(input({ lang: 'en', summary: { selfScore: 80, finalScore: 69.2, category: 'B-' }, categories: kategori.value }));
  expect(en.text).toContain('B- — Baik (Dengan Catatan), yellow zone');
});

test('agency and assessor text is escaped in the HTML and left verbatim in the plain text', () => {
  const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  const m = renderFindingsEmail(
    input({
      unit: { code: 'X', name: `Dinas ${evil}`, picName: `Budi ${evil}` },
      settings: { namaKegiatan: `Prog ${evil}`, instansiPenilai: `Kantor & ${evil}`, putaran: 'R1', batasWaktu: '' },
      summary: { selfScore: null, finalScore: null, category: evil },
      findings: [finding({ code: evil, text: evil, note: evil, recommendation: evil, deadline: evil })],
    }),
  );
  expect(m.html).not.toMatch(/<script|<img|onerror="/i);
  expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(m.html).toContain('Kantor &amp; ');
  expect(m.text).toContain(evil);
  expect(m.subject).not.toMatch(/[\r\n]/);
});

test('a link that is not a web address is shown as text, never as a href', () => {
  const m = renderFindingsEmail(input({ tabUrl: 'javascript:alert(1)' }));
  expect(m.html).not.toContain('href=');
  expect(m.html).toContain('javascript:alert(1)');
});

test('a line break in a name cannot add a mail header through the subject', () => {
  const m = renderFindingsEmail(input({ unit: { code: 'X', name: 'Dinas\r\nBcc: spy@example.com', picName: '' } }));
  expect(m.subject).toBe('Temuan Pendampingan 2025: Dinas Bcc: spy@example.com (2025 Pendampingan)');
});

test('a unit with no findings gets a short acknowledgement without a findings table', () => {
  const m = renderFindingsEmail(input({ findings: [], summary: { selfScore: 100, finalScore: 100, category: 'Hijau' } }));
  expect(m.kind).toBe('acknowledgement');
  expect(m.subject).toBe('Hasil Pendampingan 2025: Dinas Kesehatan (2025 Pendampingan), tanpa temuan');
  expect(m.html).not.toContain('<thead>');
  expect(m.html).toContain('Tidak ada temuan');
  expect(m.text).toContain('Tidak ada temuan');
  expect(m.text).toContain('100');
});

test('the email follows the workbook language', () => {
  const m = renderFindingsEmail(input({ lang: 'en' }));
  expect(m.subject).toBe('Pendampingan 2025 findings: Dinas Kesehatan (2025 Pendampingan)');
  expect(m.html).toContain('Dear Budi,');
  expect(m.html).toContain('80.5');
  expect(m.html).toContain('31 March 2025');
  expect(m.html).toContain('Suggested improvement: ');
  expect(m.text).toContain('Kind regards,');
  expect(m.html).not.toContain('Yth.');
});

test('without a PIC name the greeting names the unit', () => {
  expect(renderFindingsEmail(input({ unit: { code: 'D', name: 'Dinas A', picName: '' } })).text).toMatch(/^Yth\. PIC Dinas A,/);
});

test('an empty note or evidence adds no line; multi-line notes keep their lines in the HTML', () => {
  const m = renderFindingsEmail(input({ findings: [finding({ note: '', evidence: '', recommendation: 'baris 1\nbaris 2' })] }));
  expect(m.text).not.toContain('Catatan asesor');
  expect(m.text).not.toContain('Bukti diminta');
  expect(m.text).not.toMatch(/: –$/m);
  expect(m.html).not.toContain('Catatan asesor');
  expect(m.html).toContain('baris 1<br>baris 2');
});

test('the message says when the rapor is attached', () => {
  expect(renderFindingsEmail(input({ raporAttached: true })).text).toContain('Rapor lengkap unit ini terlampir (PDF).');
  expect(renderFindingsEmail(input()).text).not.toContain('terlampir');
});

test('helpers: escaping, dates, scores, test subject', () => {
  expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  expect(formatLongDate('id', '2025-12-01')).toBe('1 Desember 2025');
  expect(formatLongDate('en', '2025-08-17')).toBe('17 August 2025');
  expect(formatLongDate('id', 'segera')).toBe('segera');
  expect(formatScore('id', null)).toBe('–');
  expect(formatScore('id', 66.67)).toBe('66,67');
  expect(formatScore('en', 100)).toBe('100');
  expect(testSubject('id', 'S')).toBe('[UJI] S');
  expect(testSubject('en', 'S')).toBe('[TEST] S');
});

test('the same input always renders the same message (the fingerprint depends on it)', () => {
  expect(renderFindingsEmail(input())).toEqual(renderFindingsEmail(input()));
});

test('a provisional result says so in its subject and body, in Indonesian and in English', () => {
  const id = renderFindingsEmail(input({ provisional: true }));
  expect(id.subject).toBe('[SEMENTARA, BELUM DIVERIFIKASI] Temuan Pendampingan 2025: Dinas Kesehatan (2025 Pendampingan)');
  for (const body of [id.html, id.text]) expect(body).toContain('hasil ini SEMENTARA dan BELUM DIVERIFIKASI oleh asesor');
  const en = renderFindingsEmail(input({ lang: 'en', provisional: true, findings: [] }));
  expect(en.subject).toMatch(/^\[PROVISIONAL, NOT VERIFIED\] /);
  for (const body of [en.html, en.text]) expect(body).toContain('this result is PROVISIONAL and NOT VERIFIED by the assessor');
  // A verified result carries neither.
  const final = renderFindingsEmail(input());
  expect(`${final.subject}${final.text}`).not.toMatch(/SEMENTARA|PROVISIONAL/);
});

test('the reminder to submit names the round, its deadline and what to do, in both languages', () => {
  const base = {
    settings: { namaKegiatan: 'Pendampingan 2025', instansiPenilai: 'Ombudsman RI Perwakilan Jambi', putaran: '2025 Pendampingan', batasWaktu: '2025-04-30' },
    unit: { code: 'DINKES', name: 'Dinas Kesehatan', picName: 'Budi' },
    tabUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=12',
  };
  const id = renderSubmissionReminder({ ...base, lang: 'id', started: false });
  expect(id).toMatchObject({ kind: 'reminder', subject: 'Pengingat: penilaian mandiri Dinas Kesehatan belum diajukan — Pendampingan 2025 (2025 Pendampingan)' });
  expect(id.text).toContain('30 April 2025');
  expect(id.text).toContain('Belum ada Jawaban Mandiri');
  const en = renderSubmissionReminder({ ...base, lang: 'en', started: true });
  expect(en.subject).toMatch(/^Reminder: the self-assessment of Dinas Kesehatan is not submitted/);
  expect(en.text).toContain('still Draf');
  expect(en.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=12">');
});
