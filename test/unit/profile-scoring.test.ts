// Every shipped profile scores a filled set of answers as computed by hand from its published
// weights: opini-2022's dimension weights, opini-2025's 70/30 split, pekppp-2023's six aspects
// and its 0–5 index, ombudsman-2021's flat weights; a desa unit of opini-2025 with its own items.
import { indicatorsFor } from '../../src/domain/instrument';
import { categoryDisplay, formatShownScore, shownScore } from '../../src/domain/scale';
import { summarize } from '../../src/domain/scoring';
import type { AnswerRow, Indicator } from '../../src/domain/types';
import { parsedProfile } from './shipped-profile';

/** Self-assessment answers: `answer(indicator)` for every indicator. */
function answered(indicators: readonly Indicator[], answer: (ind: Indicator) => unknown): AnswerRow[] {
  return indicators.map((ind) => ({ code: ind.code, self: answer(ind), verified: '' }));
}

/** The score, the category on the profile's scale and what the category shows. */
function scored(id: string, indicators: readonly Indicator[], answer: (ind: Indicator) => unknown) {
  const p = parsedProfile(id);
  const summary = summarize(indicators, answered(indicators, answer), p.aspects, p);
  const category = summary.category;
  return { score: summary.finalScore, shown: shownScore(summary.finalScore, p.scale), category, display: categoryDisplay('id', category, p.categories) };
}

describe('scores against hand-computed expectations', () => {
  test('opini-2022: Σ BobotAspek·skor_aspek over the published dimension weights', () => {
    const { indicators } = parsedProfile('opini-2022');
    // Input 3/3, Proses 2/3 (PR-11 N/A), Output 3/3, Pengaduan 1/3 (PD-08 N/A):
    // 21.85 + 32.37·2/3 + 24.24 + 21.54/3 = 21.85 + 21.58 + 24.24 + 7.18 = 74.85 → C.
    const answer = (ind: Indicator) =>
      ind.code === 'PR-11' || ind.code === 'PD-08' ? 'N/A' : ({ Input: 3, Proses: 2, Output: 3, Pengaduan: 1 } as Record<string, number>)[ind.aspect];
    expect(scored('opini-2022', indicators, answer)).toEqual({ score: 74.85, shown: 74.85, category: 'C', display: 'C — Kualitas Sedang, Zona Kuning' });
  });

  test('opini-2025: the four dimensions weigh 70 % together, Kepercayaan Masyarakat 30 %', () => {
    const { indicators } = parsedProfile('opini-2025');
    const dinas = indicatorsFor(indicators, 'Dinas');
    const trust = (ind: Indicator) => ind.aspect === 'Kepercayaan Masyarakat';
    expect(scored('opini-2025', dinas, (ind) => (trust(ind) ? 0 : 3)).score).toBe(70);
    expect(scored('opini-2025', dinas, (ind) => (trust(ind) ? 3 : 0))).toMatchObject({ score: 30, category: 'E' });
    // Input 1, Proses 2/3, Output 1, Pengaduan 0, Kepercayaan 1:
    // 17.5 + 17.5·2/3 + 17.5 + 0 + 30 = 76.666… → 76.67 → C.
    const mixed = (ind: Indicator) => ({ Proses: 2, Pengaduan: 0 } as Record<string, number>)[ind.aspect] ?? 3;
    expect(scored('opini-2025', dinas, mixed)).toEqual({ score: 76.67, shown: 76.67, category: 'C', display: 'C — Kualitas Sedang, Zona Kuning' });
  });

  test('opini-2025 for a desa: its own items count inside the dimensions they join', () => {
    const { indicators } = parsedProfile('opini-2025');
    const desa = indicatorsFor(indicators, 'Desa');
    // Every general item 3, every desa item Tidak. Proses 12 of 16 (DS-06…DS-09), Output 7 of 9
    // (DS-04, DS-05), Pengaduan 7 of 10 (DS-01…DS-03):
    // 17.5 + 17.5·12/16 + 17.5·7/9 + 17.5·7/10 + 30 = 86.486… → 86.49 → B.
    const answer = (ind: Indicator) => (ind.code.startsWith('DS-') ? 'Tidak' : 3);
    expect(scored('opini-2025', desa, answer)).toEqual({ score: 86.49, shown: 86.49, category: 'B', display: 'B — Kualitas Tinggi, Zona Hijau' });
  });

  test('pekppp-2023: six aspects 24/25/18/11/10/12 on 0–5, shown as the index (score ÷ 20) and its IPP category', () => {
    const { indicators, scale } = parsedProfile('pekppp-2023');
    const dinas = indicatorsFor(indicators, 'Dinas');
    // Kebijakan 5/5, SDM 4/5, Sarana 3/5, SIPP 2/5, Konsultasi 5/5, Inovasi 0/5:
    // 24 + 25·0.8 + 18·0.6 + 11·0.4 + 10 + 0 = 69.2 → index 3.46 → B- (3.01–3.50).
    const levels: Record<string, number> = {
      'Kebijakan Pelayanan': 5,
      'Profesionalisme SDM': 4,
      'Sarana Prasarana': 3,
      'Sistem Informasi Pelayanan Publik': 2,
      'Konsultasi dan Pengaduan': 5,
      Inovasi: 0,
    };
    expect(scored('pekppp-2023', dinas, (ind) => levels[ind.aspect])).toEqual({
      score: 69.2,
      shown: 3.46,
      category: 'B-',
      display: 'B- — Baik (Dengan Catatan), Zona Kuning',
    });
    expect(formatShownScore('id', 69.2, scale)).toBe('69,2 (indeks 0–5: 3,46)');
    // Every answer 4 of 5: 80 → index 4.00 → B (3.51–4.00), not A- (from 4.01).
    expect(scored('pekppp-2023', dinas, () => 4)).toMatchObject({ score: 80, shown: 4, category: 'B' });
  });

  test('ombudsman-2021: flat, Σ Bobot·c / Σ Bobot, zones 81/51', () => {
    const { indicators } = parsedProfile('ombudsman-2021');
    // Tidak on the twelve SP items (Bobot 3 each), Ya elsewhere: (100 − 36) / 100 → 64 → Kuning.
    const answer = (ind: Indicator) => (ind.code.startsWith('SP-') ? 'Tidak' : 'Ya');
    expect(scored('ombudsman-2021', indicators, answer)).toEqual({ score: 64, shown: 64, category: 'Kuning', display: 'Kuning — Kepatuhan sedang' });
  });
});
