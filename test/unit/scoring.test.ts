import { categoryFor, roundHalfUp, SCORE_SCALE } from '../../src/domain/scale';
import { answerCredit, aspectScores, findingsOf, isAssessed, summarize } from '../../src/domain/scoring';
import type { AnswerType, AnswerRow, Category, Indicator } from '../../src/domain/types';

function ind(code: string, over: Partial<Indicator> = {}): Indicator {
  return {
    code,
    aspect: 'A',
    text: `Indikator ${code}`,
    weight: 1,
    answerType: { kind: 'ya-tidak' },
    answerTypeText: 'ya-tidak',
    allowNA: false,
    recommendation: `Rekomendasi ${code}`,
    legalBasis: '',
    evidence: '',
    ...over,
  };
}

const YT: AnswerType = { kind: 'ya-tidak' };
const YST: AnswerType = { kind: 'ya-sebagian-tidak' };
const S3: AnswerType = { kind: 'scale', max: 3 };
const credit = (credit: number) => ({ kind: 'credit', credit });
const CATEGORIES: Category[] = [
  { name: 'Merah', min: 0, description: '', zone: 'Merah' },
  { name: 'Hijau', min: 81, description: '', zone: 'Hijau' },
  { name: 'Kuning', min: 51, description: '', zone: 'Kuning' },
];
const TABLE = { categories: CATEGORIES, scale: SCORE_SCALE };

describe('answerCredit', () => {
  test.each([
    ['Ya', YT, credit(1)],
    [' yes ', YT, credit(1)],
    ['TIDAK', YT, credit(0)],
    ['No', YT, credit(0)],
    ['Sebagian', YT, { kind: 'invalid' }],
    ['Sebagian', YST, credit(0.5)],
    ['partial', YST, credit(0.5)],
    ['Ya', YST, credit(1)],
    [2, S3, credit(2 / 3)],
    [' 3 ', S3, credit(1)],
    [0, S3, credit(0)],
    ['0', S3, credit(0)],
    [4, S3, { kind: 'invalid' }],
    ['4', S3, { kind: 'invalid' }],
    [1.5, S3, { kind: 'invalid' }],
    [-1, S3, { kind: 'invalid' }],
    ['2.0', S3, { kind: 'invalid' }],
    ['Ya', S3, { kind: 'invalid' }],
    [1, YT, { kind: 'invalid' }],
    [true, YT, { kind: 'invalid' }],
    [new Date(2025, 0, 1), YT, { kind: 'invalid' }],
    ['mungkin', YT, { kind: 'invalid' }],
    ['', YT, { kind: 'empty' }],
    ['   ', S3, { kind: 'empty' }],
    [undefined, YT, { kind: 'empty' }],
    [null, YT, { kind: 'empty' }],
  ])('%p on %j gives %j', (answer, answerType, expected) => {
    expect(answerCredit(answer, { answerType, allowNA: false })).toEqual(expected);
  });

  test.each(['N/A', 'na', ' Tidak Berlaku '])('%s is not applicable only where the indicator allows it', (answer) => {
    expect(answerCredit(answer, { answerType: YT, allowNA: true })).toEqual({ kind: 'na' });
    expect(answerCredit(answer, { answerType: S3, allowNA: true })).toEqual({ kind: 'na' });
    expect(answerCredit(answer, { answerType: YT, allowNA: false })).toEqual({ kind: 'invalid' });
  });
});

describe('roundHalfUp', () => {
  test.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [87.085, 2, 87.09],
    [80.995, 2, 81],
    [1.0049, 2, 1],
    [0.125, 2, 0.13],
    [-1.005, 2, -1.01],
    [2.5, 0, 3],
    [1.45, 1, 1.5],
    [100, 2, 100],
    [66.66666666666667, 2, 66.67],
  ])('roundHalfUp(%p, %p) = %p', (x, digits, expected) => expect(roundHalfUp(x, digits)).toBe(expected));

  test('defaults to 2 decimals and passes non-finite values through', () => {
    expect(roundHalfUp(33.335)).toBe(33.34);
    expect(roundHalfUp(Number.NaN)).toBeNaN();
  });
});

describe('categoryFor', () => {
  test('takes the highest minimum not above the score, whatever the table order', () => {
    expect(categoryFor(81, CATEGORIES)?.name).toBe('Hijau');
    expect(categoryFor(80.99, CATEGORIES)?.name).toBe('Kuning');
    expect(categoryFor(51, CATEGORIES)?.name).toBe('Kuning');
    expect(categoryFor(0, CATEGORIES)?.name).toBe('Merah');
    expect(categoryFor(100, CATEGORIES)?.name).toBe('Hijau');
  });

  test('no score, or a score under every minimum, has no category', () => {
    expect(categoryFor(null, CATEGORIES)).toBeNull();
    expect(categoryFor(-1, CATEGORIES)).toBeNull();
    expect(categoryFor(50, [])).toBeNull();
  });
});

describe('summarize', () => {
  const inds = [ind('A', { weight: 3 }), ind('B', { weight: 1, answerType: YST }), ind('C', { weight: 2, allowNA: true }), ind('D', { weight: 4 })];

  test('flat score: 100 × Σ Bobot·c / Σ Bobot over applicable indicators; verification overrides', () => {
    const answers: AnswerRow[] = [
      { code: 'a', self: 'Ya', verified: '' },
      { code: 'B', self: 'Ya', verified: 'Sebagian' },
      { code: 'C', self: 'N/A', verified: '' },
      { code: 'D', self: 'Tidak', verified: 'Ya' },
    ];
    expect(summarize(inds, answers, [], TABLE)).toEqual({
      selfScore: 50, // (3 + 1) / 8
      finalScore: 93.75, // (3 + 0.5 + 4) / 8
      category: 'Hijau',
      findings: 1, // B partial
      completeness: 100, // C is an allowed N/A: not asked
    });
  });

  test('unanswered and invalid answers score 0 and are findings; invalid counts as filled in', () => {
    const answers: AnswerRow[] = [
      { code: 'A', self: 'mungkin', verified: '' },
      { code: 'C', self: 'N/A', verified: 'Ya' },
    ];
    expect(summarize(inds, answers, [], TABLE)).toEqual({
      selfScore: 0, // C not applicable by self answer: A, B, D over 8
      finalScore: 20, // C verified Ya: 2 / 10
      category: 'Merah',
      findings: 3,
      completeness: 33.33, // A filled (invalid) of A, B, D
    });
  });

  test('N/A where it is not allowed is invalid and a finding', () => {
    const s = summarize([ind('A')], [{ code: 'A', self: 'N/A', verified: '' }], [], TABLE);
    expect(s).toEqual({ selfScore: 0, finalScore: 0, category: 'Merah', findings: 1, completeness: 100 });
  });

  test('no applicable indicator: empty scores and category, not 0', () => {
    const s = summarize([ind('C', { allowNA: true })], [{ code: 'C', self: 'na', verified: '' }], [], TABLE);
    expect(s).toEqual({ selfScore: null, finalScore: null, category: '', findings: 0, completeness: null });
    expect(summarize([], [], [], TABLE)).toEqual({ selfScore: null, finalScore: null, category: '', findings: null, completeness: null });
  });

  test('no answer at all (no Jawaban Mandiri, no Jawaban Verifikasi): empty scores, category and findings, completeness 0', () => {
    const empty: AnswerRow[] = inds.map((i) => ({ code: i.code, self: '  ', verified: '' }));
    const expected = { selfScore: null, finalScore: null, category: '', findings: null, completeness: 0 };
    expect(summarize(inds, empty, [], TABLE)).toEqual(expected);
    expect(summarize(inds, [], [], TABLE)).toEqual(expected);
    expect(isAssessed(inds, empty)).toBe(false);
    // One answer anywhere, even the assessor's alone, and the unit is scored as specified.
    const verifiedOnly = [{ code: 'D', self: '', verified: 'Tidak' }];
    expect(isAssessed(inds, verifiedOnly)).toBe(true);
    expect(summarize(inds, verifiedOnly, [], TABLE)).toEqual({ selfScore: 0, finalScore: 0, category: 'Merah', findings: 4, completeness: 0 });
  });

  test('aspect weights: Σ BobotAspek·skor_aspek / Σ BobotAspek over aspects with an applicable indicator', () => {
    const weighted = [
      ind('I1', { aspect: 'Input', weight: 1, answerType: S3 }),
      ind('I2', { aspect: 'Input', weight: 3, answerType: S3 }),
      ind('P1', { aspect: 'Proses', weight: 1 }),
      ind('O1', { aspect: 'Output', weight: 1, allowNA: true }),
      ind('X1', { aspect: 'Lain', weight: 100 }),
    ];
    const answers: AnswerRow[] = [
      { code: 'I1', self: 3, verified: '' },
      { code: 'I2', self: '1', verified: '' },
      { code: 'P1', self: 'Tidak', verified: '' },
      { code: 'O1', self: 'N/A', verified: '' },
      { code: 'X1', self: 'Ya', verified: '' },
    ];
    const aspects = [
      { aspect: 'input', weight: 21.85 },
      { aspect: 'Proses', weight: 32.37 },
      { aspect: 'Output', weight: 24.24 },
    ];
    // Input = (1·1 + 3·1/3)/4 = 0.5; Proses = 0; Output not applicable; Lain not listed.
    const expected = roundHalfUp((100 * 21.85 * 0.5) / (21.85 + 32.37));
    const s = summarize(weighted, answers, aspects, TABLE);
    expect(s.finalScore).toBe(expected);
    expect(s.finalScore).toBe(20.15);
    expect(s.selfScore).toBe(20.15);
  });

  test('the category is looked up on the rounded score', () => {
    // 100 × 16199 / 20000 = 80.995 → 81.00 → Hijau (80.995 itself is Kuning)
    const two = [ind('A', { weight: 16199 }), ind('B', { weight: 3801 })];
    const s = summarize(two, [{ code: 'A', self: 'Ya', verified: '' }], [], TABLE);
    expect(s.finalScore).toBe(81);
    expect(s.category).toBe('Hijau');
  });

  test('answers match codes case-insensitively and trimmed; the first of repeated rows counts; none means unanswered', () => {
    const answers: AnswerRow[] = [
      { code: ' a ', self: 'Ya', verified: '' },
      { code: 'A', self: 'Tidak', verified: '' },
    ];
    const s = summarize([ind('A'), ind('Z')], answers, [], TABLE);
    expect(s).toMatchObject({ finalScore: 50, findings: 1, completeness: 50 });
  });
});

describe('aspectScores', () => {
  const inds = [
    ind('A', { aspect: 'Input', weight: 3 }),
    ind('B', { aspect: 'Input', weight: 1, answerType: YST }),
    ind('C', { aspect: 'Proses', weight: 2, allowNA: true }),
    ind('D', { aspect: 'Proses', weight: 4, answerType: S3 }),
    ind('E', { aspect: 'Output', allowNA: true }),
  ];
  const answers: AnswerRow[] = [
    { code: 'A', self: 'Ya', verified: '' },
    { code: 'B', self: 'Ya', verified: 'Sebagian' },
    { code: 'C', self: 'N/A', verified: '' },
    { code: 'D', self: '', verified: 2 },
    { code: 'E', self: 'N/A', verified: '' },
  ];

  test('each aspect: the flat score of its indicators on the effective answers; none where nothing applies', () => {
    // Input: (3·1 + 1·0.5) / 4 = 87.5; Proses: C not applicable, D 2/3 → 66.67; Output: all N/A; Lain: no indicator.
    expect(aspectScores(inds, answers, ['Input', ' proses', 'Output', 'Lain'])).toEqual([87.5, 66.67, null, null]);
  });

  test('a unit nobody has answered has no aspect score at all', () => {
    const none = answers.map((a) => ({ ...a, self: '', verified: '' }));
    expect(aspectScores(inds, none, ['Input', 'Proses'])).toEqual([null, null]);
  });
});

describe('findingsOf', () => {
  test('lists applicable indicators with credit < 1, with status, note, recommendation and deadline', () => {
    const inds = [
      ind('A'),
      ind('B', { answerType: YST }),
      ind('C', { allowNA: true }),
      ind('D'),
      ind('E'),
      ind('F', { answerType: S3 }),
      ind('G'),
    ];
    const answers: AnswerRow[] = [
      { code: 'A', self: 'Ya', verified: 'Tidak', note: ' Papan belum ada ', recommendation: 'Pasang papan.', deadline: '2025-01-31' },
      { code: 'B', self: 'Sebagian', verified: '', recommendation: '  ' },
      { code: 'C', self: 'N/A', verified: '' },
      { code: 'D', self: 'Tidak', verified: 'Ya' },
      { code: 'E', self: 'entah', verified: '' },
      { code: 'F', self: 2, verified: '' },
    ];
    // Each carries its indicator's Aspek and Bukti Diminta (the rapor groups and lists them).
    const own = { aspect: 'A', evidence: '' };
    expect(findingsOf(inds, answers, { deadline: '2025-03-31' })).toEqual([
      { ...own, code: 'A', text: 'Indikator A', answer: 'Tidak', status: 'no', note: 'Papan belum ada', recommendation: 'Pasang papan.', deadline: '2025-01-31' },
      { ...own, code: 'B', text: 'Indikator B', answer: 'Sebagian', status: 'partial', note: '', recommendation: 'Rekomendasi B', deadline: '2025-03-31' },
      { ...own, code: 'E', text: 'Indikator E', answer: 'entah', status: 'invalid', note: '', recommendation: 'Rekomendasi E', deadline: '2025-03-31' },
      { ...own, code: 'F', text: 'Indikator F', answer: '2', status: 'partial', note: '', recommendation: 'Rekomendasi F', deadline: '2025-03-31' },
      { ...own, code: 'G', text: 'Indikator G', answer: '', status: 'unanswered', note: '', recommendation: 'Rekomendasi G', deadline: '2025-03-31' },
    ]);
    expect(findingsOf([ind('X', { aspect: 'Pengaduan', evidence: 'Foto loket' })], [{ code: 'X', self: 'Tidak', verified: '' }], { deadline: '' })[0]).toMatchObject({
      aspect: 'Pengaduan',
      evidence: 'Foto loket',
    });
  });

  test('a unit with no answer at all has no findings (it has not been assessed)', () => {
    expect(findingsOf([ind('A'), ind('B')], [{ code: 'A', self: '', verified: '' }], { deadline: '2025-03-31' })).toEqual([]);
  });

  test('its count is the summary’s Jumlah Temuan', () => {
    const inds = [ind('A'), ind('B'), ind('C', { allowNA: true })];
    const answers: AnswerRow[] = [{ code: 'B', self: 'Ya', verified: '' }, { code: 'C', self: 'NA', verified: '' }];
    expect(findingsOf(inds, answers, { deadline: '' })).toHaveLength(summarize(inds, answers, [], TABLE).findings as number);
  });
});
