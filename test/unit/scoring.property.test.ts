// summarize against a straightforward reference written from docs/WORKBOOK.md "Answers and scoring".
import fc from 'fast-check';
import { SCORE_SCALE } from '../../src/domain/scale';
import { answerCredit, summarize } from '../../src/domain/scoring';
import type { AnswerRow, AnswerType, AspectWeight, Category, Indicator } from '../../src/domain/types';

const CATEGORIES: Category[] = [
  { name: 'A', min: 88, description: '', zone: 'Hijau' },
  { name: 'C', min: 54, description: '', zone: 'Kuning' },
  { name: 'E', min: 0, description: '', zone: 'Merah' },
];
const TABLE = { categories: CATEGORIES, scale: SCORE_SCALE };
const ASPECT_NAMES = ['Input', 'Proses', 'Output'];

const answerTypeArb: fc.Arbitrary<AnswerType> = fc.oneof(
  fc.constant<AnswerType>({ kind: 'ya-tidak' }),
  fc.constant<AnswerType>({ kind: 'ya-sebagian-tidak' }),
  fc.integer({ min: 1, max: 10 }).map((max): AnswerType => ({ kind: 'scale', max })),
);

const indicatorArb = fc.record({
  aspect: fc.constantFrom(...ASPECT_NAMES, 'Lain'),
  weight: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.01, max: 50, noNaN: true })),
  answerType: answerTypeArb,
  allowNA: fc.boolean(),
});

const answerArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', 'Ya', ' ya ', 'YES', 'Tidak', 'no', 'Sebagian', 'PARTIAL', 'N/A', 'na', 'Tidak Berlaku', 'mungkin', '2.0'),
  fc.integer({ min: -1, max: 11 }),
  fc.integer({ min: 0, max: 11 }).map(String),
  fc.constant(1.5),
  fc.constant(undefined),
);

const caseArb = fc.record({
  indicators: fc.array(indicatorArb, { maxLength: 25 }),
  answers: fc.array(fc.record({ self: answerArb, verified: answerArb, present: fc.boolean() }), { minLength: 25, maxLength: 25 }),
  aspects: fc.oneof(
    fc.constant<AspectWeight[]>([]),
    fc.subarray(ASPECT_NAMES, { minLength: 1 }).chain((names) =>
      fc.tuple(...names.map((aspect) => fc.double({ min: 0.5, max: 40, noNaN: true }).map((weight) => ({ aspect, weight })))),
    ),
  ),
});

/** The reference: credit of an answer, from the vocabulary table. */
function refCredit(answer: unknown, type: AnswerType, allowNA: boolean): number | 'na' | 'empty' | 'invalid' {
  if (answer === undefined || (typeof answer === 'string' && answer.trim() === '')) return 'empty';
  const text = typeof answer === 'number' ? String(answer) : String(answer).trim().toLowerCase();
  if (['n/a', 'na', 'tidak berlaku'].includes(text)) return allowNA ? 'na' : 'invalid';
  if (type.kind === 'scale') {
    for (let k = 0; k <= type.max; k++) if (text === String(k)) return k / type.max;
    return 'invalid';
  }
  if (text === 'ya' || text === 'yes') return 1;
  if (text === 'tidak' || text === 'no') return 0;
  if (type.kind === 'ya-sebagian-tidak' && (text === 'sebagian' || text === 'partial')) return 0.5;
  return 'invalid';
}

/** The reference score, unrounded, in percent. */
function refScore(inds: Indicator[], credits: ReturnType<typeof refCredit>[], aspects: AspectWeight[]): number | null {
  const flat = (which: number[]): number | null => {
    const applicable = which.filter((i) => credits[i] !== 'na');
    if (applicable.length === 0) return null;
    const total = applicable.reduce((s, i) => s + inds[i].weight, 0);
    const got = applicable.reduce((s, i) => s + inds[i].weight * (typeof credits[i] === 'number' ? (credits[i] as number) : 0), 0);
    return (100 * got) / total;
  };
  const all = inds.map((_, i) => i);
  if (aspects.length === 0) return flat(all);
  let num = 0;
  let den = 0;
  for (const a of aspects) {
    const s = flat(all.filter((i) => inds[i].aspect === a.aspect));
    if (s !== null) {
      num += a.weight * s;
      den += a.weight;
    }
  }
  return den === 0 ? null : num / den;
}

type Case = {
  indicators: Pick<Indicator, 'aspect' | 'weight' | 'answerType' | 'allowNA'>[];
  answers: { self: unknown; verified: unknown; present: boolean }[];
};

/** Indicators K-0, K-1 … and the answer rows that are present (codes in another case). */
function build(c: Case): { inds: Indicator[]; answers: AnswerRow[] } {
  const inds: Indicator[] = c.indicators.map((x, i) => ({
    ...x,
    code: `K-${i}`,
    text: '',
    answerTypeText: '',
    recommendation: '',
    legalBasis: '',
    evidence: '',
  }));
  const answers: AnswerRow[] = inds.flatMap((ind, i) => {
    const a = c.answers[i];
    return a.present ? [{ code: ind.code.toLowerCase(), self: a.self, verified: a.verified }] : [];
  });
  return { inds, answers };
}

/** The rounded value is within half a hundredth of the exact one (and null exactly when it is). */
function expectRounded(actual: number | null, exact: number | null): void {
  if (exact === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(Math.abs((actual as number) * 100 - Math.round((actual as number) * 100))).toBeLessThan(1e-6);
}

test('property: summarize agrees with the reference on scores, findings, completeness and category', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const { inds, answers } = build(c);
      const self = inds.map((ind, i) => (c.answers[i].present ? refCredit(c.answers[i].self, ind.answerType, ind.allowNA) : 'empty'));
      const effective = inds.map((ind, i) => {
        if (!c.answers[i].present) return 'empty';
        const v = c.answers[i].verified;
        const useVerified = v !== undefined && !(typeof v === 'string' && v.trim() === '');
        return refCredit(useVerified ? v : c.answers[i].self, ind.answerType, ind.allowNA);
      });
      const s = summarize(inds, answers, c.aspects, TABLE);
      // No answer at all: the unit is not assessed, so no score and no findings (never 0).
      const assessed = effective.some((x) => x !== 'empty');
      expectRounded(s.selfScore, assessed ? refScore(inds, self, c.aspects) : null);
      expectRounded(s.finalScore, assessed ? refScore(inds, effective, c.aspects) : null);
      expect(s.findings).toBe(assessed ? effective.filter((x) => x !== 'na' && !(typeof x === 'number' && x >= 1)).length : null);
      const asked = self.filter((x) => x !== 'na');
      expectRounded(s.completeness, asked.length === 0 ? null : (100 * asked.filter((x) => x !== 'empty').length) / asked.length);
      const expectedCategory = s.finalScore === null ? '' : CATEGORIES.filter((k) => k.min <= (s.finalScore as number)).sort((a, b) => b.min - a.min)[0].name;
      expect(s.category).toBe(expectedCategory);
      if (s.finalScore !== null) expect(s.finalScore).toBeGreaterThanOrEqual(0);
      if (s.finalScore !== null) expect(s.finalScore).toBeLessThanOrEqual(100);
    }),
    { numRuns: 500 },
  );
});

test('property: answerCredit agrees with the reference vocabulary', () => {
  fc.assert(
    fc.property(answerArb, answerTypeArb, fc.boolean(), (answer, answerType, allowNA) => {
      const got = answerCredit(answer, { answerType, allowNA });
      const ref = refCredit(answer, answerType, allowNA);
      if (typeof ref === 'number') expect(got).toEqual({ kind: 'credit', credit: ref });
      else expect(got).toEqual({ kind: ref });
    }),
    { numRuns: 1000 },
  );
});

test('property: raising one answer from Tidak to Ya never lowers the score', () => {
  fc.assert(
    fc.property(caseArb, fc.nat(), (c, pick) => {
      const { inds, answers } = build(c);
      const yesNo = inds.filter((i) => i.answerType.kind !== 'scale');
      if (yesNo.length === 0) return;
      const target = yesNo[pick % yesNo.length].code.toLowerCase();
      const withAnswer = (value: string) => [{ code: target, self: value, verified: '' }, ...answers.filter((a) => a.code !== target)];
      const low = summarize(inds, withAnswer('Tidak'), c.aspects, TABLE).finalScore;
      const high = summarize(inds, withAnswer('Ya'), c.aspects, TABLE).finalScore;
      if (low !== null && high !== null) expect(high).toBeGreaterThanOrEqual(low);
    }),
    { numRuns: 300 },
  );
});
