// Every shipped profile scores a filled set of answers as computed by hand from its published
// weights: opini-2022's dimension weights, opini-2025's 70/30 split, pekppp-2023's six aspects
// and its 0–5 index, ombudsman-2021's flat weights; a desa unit of opini-2025 with its own items.
import { indicatorsFor } from '../../src/domain/instrument';
import { categoryDisplay, formatShownScore, shownScore } from '../../src/domain/scale';
import { summarize } from '../../src/domain/scoring';
import type { AnswerRow, Indicator } from '../../src/domain/types';
import { PROFILE_CASES } from '../helpers/profile-cases';
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
  test.each(PROFILE_CASES.map((c) => [`${c.profile} (${c.jenis}): ${c.why}`, c] as const))('%s', (_, c) => {
    const tab = indicatorsFor(parsedProfile(c.profile).indicators, c.jenis);
    expect(scored(c.profile, tab, c.answer)).toEqual({ score: c.score, shown: c.shown, category: c.category, display: c.display });
  });

  test('opini-2025: the four dimensions weigh 70 % together, Kepercayaan Masyarakat 30 %', () => {
    const { indicators } = parsedProfile('opini-2025');
    const dinas = indicatorsFor(indicators, 'Dinas');
    const trust = (ind: Indicator) => ind.aspect === 'Kepercayaan Masyarakat';
    expect(scored('opini-2025', dinas, (ind) => (trust(ind) ? 0 : 3)).score).toBe(70);
    expect(scored('opini-2025', dinas, (ind) => (trust(ind) ? 3 : 0))).toMatchObject({ score: 30, category: 'E' });
  });

  test('pekppp-2023: shown as the index (score ÷ 20) on its IPP categories', () => {
    const { indicators, scale } = parsedProfile('pekppp-2023');
    const dinas = indicatorsFor(indicators, 'Dinas');
    expect(formatShownScore('id', 69.2, scale)).toBe('69,2 (indeks 0–5: 3,46)');
    // Every answer 4 of 5: 80 → index 4.00 → B (3.51–4.00), not A- (from 4.01).
    expect(scored('pekppp-2023', dinas, () => 4)).toMatchObject({ score: 80, shown: 4, category: 'B' });
  });
});
