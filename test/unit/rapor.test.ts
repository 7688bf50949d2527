// The rapor's HTML (src/domain/rapor.ts), before any printing: what it says in each case, and
// that nothing a person typed becomes markup.
import { renderRapor, type RaporInput } from '../../src/domain/rapor';
import { scoresByAspect, findingsByAspect } from '../../src/domain/scoring';
import { SCORE_SCALE } from '../../src/domain/scale';
import type { Category, Finding, Indicator } from '../../src/domain/types';

const zone = (name: string, min: number, description: string, z: Category['zone']): Category => ({ name, min, description, zone: z });
const CATEGORIES = [zone('A', 81, 'Sangat Baik', 'Hijau'), zone('C', 51, 'Cukup', 'Kuning'), zone('D', 0, 'Buruk', 'Merah')];

const SP01: Finding = { code: 'SP-01', aspect: 'Standar Pelayanan', text: 'Standar pelayanan dipublikasikan', answer: 'Tidak', status: 'no', note: 'Belum ada papan', recommendation: 'Pasang papan standar pelayanan', deadline: '2025-04-30', evidence: 'Foto papan' };
const finding = (over: Partial<Finding> = {}): Finding => ({ ...SP01, ...over });

const input = (over: Partial<RaporInput> = {}): RaporInput => ({
  lang: 'id',
  settings: { namaKegiatan: 'Pendampingan 2025', instansiPenilai: 'Ombudsman RI Perwakilan Jambi', putaran: '2025 Pendampingan', penandatanganNama: 'Dr. Siti', penandatanganJabatan: 'Kepala Perwakilan' },
  unit: { code: 'DINKES', name: 'Dinas Kesehatan', type: 'OPD' },
  date: '2025-03-03',
  summary: { selfScore: 80.5, finalScore: 60, category: 'C', findings: 1 },
  categories: { categories: CATEGORIES, scale: SCORE_SCALE },
  aspects: [
    { aspect: 'Standar Pelayanan', score: 60 },
    { aspect: 'Pengaduan', score: 90 },
  ],
  findings: [finding()],
  provisional: false,
  ...over,
});

test('the rapor says who, what, when, the scores, the category with its meaning, zone colour and bars', () => {
  const { name, html } = renderRapor(input());
  expect(name).toBe('Rapor DINKES Dinas Kesehatan');
  for (const text of ['DINKES — Dinas Kesehatan', 'Pendampingan 2025', 'Ombudsman RI Perwakilan Jambi', '2025 Pendampingan', '3 Maret 2025', '80,5', 'C — Cukup, Zona Kuning', 'Dr. Siti', 'Kepala Perwakilan']) {
    expect(html).toContain(text);
  }
  // Bars as wide as the score, in the colour of the zone the score falls in.
  expect(html).toContain('width:60%;background:#f9ab00');
  expect(html).toContain('width:90%;background:#1e8e3e');
  expect(html).not.toContain('SEMENTARA');
});

test('a provisional rapor is marked on every page (a fixed element) and says why', () => {
  const { html } = renderRapor(input({ provisional: true }));
  expect(html).toMatch(/\.provisional-mark \{ position: fixed;/);
  expect(html).toContain('<div class="provisional-mark">SEMENTARA</div>');
  expect(html).toContain('belum diverifikasi asesor');
  expect(renderRapor(input({ provisional: true, lang: 'en' })).html).toContain('>PROVISIONAL<');
});

test('findings by aspect; one deadline is said once, different ones get a column', () => {
  const two = [finding(), finding({ code: 'PG-01', aspect: 'Pengaduan', text: 'Sarana pengaduan', deadline: '2025-05-31' })];
  const { html } = renderRapor(input({ findings: two }));
  expect(html.indexOf('Standar Pelayanan (1 temuan)')).toBeLessThan(html.indexOf('Pengaduan (1 temuan)'));
  expect(html).toContain('<th class="deadline">Batas waktu</th>');
  expect(html).toContain('31 Mei 2025');
  const one = renderRapor(input()).html;
  expect(one).not.toContain('<th class="deadline">');
  expect(one).toContain('Batas waktu tindak lanjut: 30 April 2025.');
});

test('no finding, or not assessed at all, is said in words', () => {
  expect(renderRapor(input({ findings: [], summary: { selfScore: 100, finalScore: 100, category: 'A', findings: 0 } })).html).toContain('Tidak ada temuan');
  expect(renderRapor(input({ findings: [], aspects: [], summary: { selfScore: null, finalScore: null, category: '', findings: null } })).html).toContain('belum dinilai');
});

test('progress since the last round: Skor Akhir then and now, the findings met and still open', () => {
  const progress = { previousScore: 50, finalScore: 60, items: { improved: [{ code: 'SP-02', text: 'x' }], stillOpen: [{ code: 'SP-01', text: 'y' }] } };
  const { html } = renderRapor(input({ progress }));
  expect(html).toContain('Perkembangan sejak putaran lalu');
  expect(html).toContain('50 pada putaran lalu, 60 sekarang (+10)');
  expect(html).toContain('Sudah terpenuhi (1): SP-02');
  expect(html).toContain('Masih terbuka (1): SP-01');
  expect(renderRapor(input({ progress: { previousScore: null, finalScore: 60, items: null } })).html).not.toContain('Perkembangan');
});

test('typed text is escaped; the file name keeps no path or control characters', () => {
  const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  const { name, html } = renderRapor(
    input({
      unit: { code: 'X/../..', name: `Dinas ${evil}\r\n`, type: evil },
      settings: { namaKegiatan: evil, instansiPenilai: evil, putaran: evil, penandatanganNama: evil, penandatanganJabatan: evil },
      aspects: [{ aspect: evil, score: 10 }],
      findings: [finding({ aspect: evil, code: evil, text: evil, note: evil, recommendation: evil, evidence: evil, deadline: evil })],
    }),
  );
  expect(html).not.toMatch(/<script|<img|onerror="/i);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(name).not.toMatch(/[/\\\r\n<>"]/);
});

test('aspect scores follow Aspek (else the indicators), each the flat score of its indicators; findings group in order', () => {
  const ind = (code: string, aspect: string, weight: number): Indicator => ({
    code,
    aspect,
    text: code,
    weight,
    answerType: { kind: 'ya-tidak' },
    answerTypeText: 'ya-tidak',
    allowNA: false,
    recommendation: '',
    legalBasis: '',
    evidence: '',
  });
  const indicators = [ind('A1', 'Input', 1), ind('A2', 'Input', 3), ind('B1', 'Proses', 1)];
  const answers = [
    { code: 'A1', self: 'Ya', verified: '' },
    { code: 'A2', self: 'Ya', verified: 'Tidak' },
    { code: 'B1', self: 'Tidak', verified: '' },
  ];
  expect(scoresByAspect(indicators, answers, [])).toEqual([
    { aspect: 'Input', score: 25 },
    { aspect: 'Proses', score: 0 },
  ]);
  expect(scoresByAspect(indicators, answers, [{ aspect: 'Proses', weight: 1 }, { aspect: 'Input', weight: 1 }]).map((a) => a.aspect)).toEqual(['Proses', 'Input']);
  expect(scoresByAspect(indicators, [], [])).toEqual([]);
  const grouped = findingsByAspect([finding({ code: '1', aspect: 'X' }), finding({ code: '2', aspect: 'Y' }), finding({ code: '3', aspect: 'x' })]);
  expect(grouped.map((g) => [g.aspect, g.findings.map((f) => f.code)])).toEqual([
    ['X', ['1', '3']],
    ['Y', ['2']],
  ]);
});
