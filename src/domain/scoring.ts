// Scoring, exactly as docs/WORKBOOK.md "Answers and scoring" says: the credit of an answer, the
// flat and aspect-weighted scores, categories, findings (temuan) and completeness. The custom
// functions and the server both score through this file, so there is one scoring code.
import { categoryOnScale, roundHalfUp } from './scale';
import { cellText, normKey } from './text';
import type { AnswerRow, AspectWeight, CategoryTable, Finding, Indicator, Summary } from './types';

export type Credit = { kind: 'empty' } | { kind: 'na' } | { kind: 'invalid' } | { kind: 'credit'; credit: number };

const EMPTY: Credit = { kind: 'empty' };
const INVALID: Credit = { kind: 'invalid' };
/** The words of each answer, lower case (the unit tabs' Nilai formula spells the same ones). */
export const ANSWER_WORDS = { yes: ['ya', 'yes'], no: ['tidak', 'no'], partial: ['sebagian', 'partial'], notApplicable: ['n/a', 'na', 'tidak berlaku'] } as const;
const YES = new Set<string>(ANSWER_WORDS.yes);
const NO = new Set<string>(ANSWER_WORDS.no);
const PARTIAL = new Set<string>(ANSWER_WORDS.partial);
const NOT_APPLICABLE = new Set<string>(ANSWER_WORDS.notApplicable);

/**
 * The credit of one answer (case-insensitive, trimmed): Ya/Yes = 1, Tidak/No = 0,
 * Sebagian/Partial = 0.5 (ya-sebagian-tidak only), an integer k of 0..N = k/N (0-N only, as a
 * number or text); N/A/NA/Tidak Berlaku is 'na' where allowed, else invalid, like any other answer.
 */
export function answerCredit(answer: unknown, ind: Pick<Indicator, 'answerType' | 'allowNA'>): Credit {
  const type = ind.answerType;
  if (typeof answer === 'number') {
    const ok = type.kind === 'scale' && Number.isInteger(answer) && answer >= 0 && answer <= type.max;
    return ok ? { kind: 'credit', credit: answer / type.max } : INVALID;
  }
  if (typeof answer !== 'string' && answer !== null && answer !== undefined) return INVALID;
  const text = normKey(answer);
  if (text === '') return EMPTY;
  if (NOT_APPLICABLE.has(text)) return ind.allowNA ? { kind: 'na' } : INVALID;
  if (type.kind === 'scale') {
    const k = /^\d+$/.test(text) ? Number(text) : -1;
    return k >= 0 && k <= type.max ? { kind: 'credit', credit: k / type.max } : INVALID;
  }
  if (YES.has(text)) return { kind: 'credit', credit: 1 };
  if (NO.has(text)) return { kind: 'credit', credit: 0 };
  if (type.kind === 'ya-sebagian-tidak' && PARTIAL.has(text)) return { kind: 'credit', credit: 0.5 };
  return INVALID;
}

interface Assessed {
  ind: Indicator;
  answer: AnswerRow | undefined;
  self: Credit;
  /** Jawaban Verifikasi where non-empty, else Jawaban Mandiri. */
  effectiveRaw: unknown;
  effective: Credit;
}

function assess(indicators: readonly Indicator[], answers: readonly AnswerRow[]): Assessed[] {
  const byCode = new Map<string, AnswerRow>();
  for (const a of answers) {
    const key = normKey(a.code);
    if (!byCode.has(key)) byCode.set(key, a);
  }
  return indicators.map((ind) => {
    const answer = byCode.get(normKey(ind.code));
    const effectiveRaw = answer && cellText(answer.verified) !== '' ? answer.verified : answer?.self;
    return { ind, answer, self: answerCredit(answer?.self, ind), effectiveRaw, effective: answerCredit(effectiveRaw, ind) };
  });
}

export type Scored = { ind: Pick<Indicator, 'weight' | 'aspect'>; credit: Credit };

/** Σ Bobot·c / Σ Bobot over applicable indicators, as a fraction; null when none applies. */
function flatFraction(items: readonly Scored[]): number | null {
  let num = 0;
  let den = 0;
  for (const { ind, credit } of items) {
    if (credit.kind === 'na') continue;
    num += ind.weight * (credit.kind === 'credit' ? credit.credit : 0);
    den += ind.weight;
  }
  return den > 0 ? num / den : null;
}

/** The score 0..100 rounded half up to 2 decimals: flat, or aspect-weighted when aspects are given. */
function scoreOf(items: readonly Scored[], aspects: readonly AspectWeight[]): number | null {
  let fraction: number | null;
  if (aspects.length === 0) fraction = flatFraction(items);
  else {
    let num = 0;
    let den = 0;
    for (const a of aspects) {
      const key = normKey(a.aspect);
      const s = flatFraction(items.filter((i) => normKey(i.ind.aspect) === key));
      if (s === null) continue;
      num += a.weight * s;
      den += a.weight;
    }
    fraction = den > 0 ? num / den : null;
  }
  return fraction === null ? null : roundHalfUp(100 * fraction);
}

/** The flat score of indicators with their answers' credits (SKOR_KEPATUHAN), rounded; null when none applies. */
export function flatScore(items: readonly Scored[]): number | null {
  return scoreOf(items, []);
}

function isFinding(credit: Credit): boolean {
  return credit.kind !== 'na' && !(credit.kind === 'credit' && credit.credit >= 1);
}

function anyAnswer(rows: readonly Assessed[]): boolean {
  return rows.some((r) => r.effective.kind !== 'empty');
}

/** Whether any indicator has an answer at all (Jawaban Mandiri or Jawaban Verifikasi): the unit has been assessed. */
export function isAssessed(indicators: readonly Indicator[], answers: readonly AnswerRow[]): boolean {
  return anyAnswer(assess(indicators, answers));
}

/**
 * Skor Mandiri (self answers), Skor Akhir (effective answers), the category of the rounded
 * Skor Akhir on the Kategori scale (pekppp-2023: of its 0–5 index), the number of findings and the completeness of the self-assessment. Answers are
 * matched to indicators by code, case-insensitively; indicators without an answer row are unanswered.
 * A unit with no answer at all has not been assessed: no score, category or findings (never 0
 * or the lowest category); its completeness is 0 %.
 */
export function summarize(
  indicators: readonly Indicator[],
  answers: readonly AnswerRow[],
  aspects: readonly AspectWeight[],
  categories: CategoryTable,
): Summary {
  const rows = assess(indicators, answers);
  const selfScore = scoreOf(rows.map((r) => ({ ind: r.ind, credit: r.self })), aspects);
  const finalScore = scoreOf(rows.map((r) => ({ ind: r.ind, credit: r.effective })), aspects);
  const askable = rows.filter((r) => r.self.kind !== 'na');
  const answered = askable.filter((r) => r.self.kind !== 'empty').length;
  const completeness = askable.length > 0 ? roundHalfUp((100 * answered) / askable.length) : null;
  if (!anyAnswer(rows)) return { selfScore: null, finalScore: null, category: '', findings: null, completeness };
  return {
    selfScore,
    finalScore,
    category: categoryOnScale(finalScore, categories.scale, categories.categories)?.name ?? '',
    findings: rows.filter((r) => isFinding(r.effective)).length,
    completeness,
  };
}

/**
 * The Skor Akhir of each aspect named (matched case-insensitively, trimmed): the flat score of
 * its indicators on their effective answers, as each aspect's part of the weighted total is
 * scored; null for an aspect with no applicable indicator, and for every aspect of a unit not
 * assessed. Rekap's `Skor {Aspek}` columns (SKOR_ASPEK), the rapor and the sidebar show these.
 */
export function aspectScores(indicators: readonly Indicator[], answers: readonly AnswerRow[], aspects: readonly string[]): (number | null)[] {
  const rows = assess(indicators, answers);
  if (!anyAnswer(rows)) return aspects.map(() => null);
  return aspects.map((aspect) => {
    const key = normKey(aspect);
    return flatScore(rows.filter((r) => normKey(r.ind.aspect) === key).map((r) => ({ ind: r.ind, credit: r.effective })));
  });
}

function statusOf(credit: Credit): Finding['status'] {
  if (credit.kind === 'empty') return 'unanswered';
  if (credit.kind === 'credit' && credit.credit > 0) return 'partial';
  return credit.kind === 'invalid' ? 'invalid' : 'no';
}

/**
 * The findings (temuan): applicable indicators whose effective answer gives credit < 1,
 * unanswered and invalid included, in instrument order; none for a unit with no answer at all
 * (it has not been assessed). Each carries the assessor's note, the
 * tab's recommendation (else the instrument's) and the row's deadline (else `defaults.deadline`).
 */
export function findingsOf(
  indicators: readonly Indicator[],
  answers: readonly AnswerRow[],
  defaults: { deadline: string },
): Finding[] {
  const rows = assess(indicators, answers);
  if (!anyAnswer(rows)) return [];
  return rows
    .filter((r) => isFinding(r.effective))
    .map(({ ind, answer, effectiveRaw, effective }) => ({
      code: ind.code,
      aspect: ind.aspect,
      text: ind.text,
      answer: cellText(effectiveRaw),
      status: statusOf(effective),
      note: cellText(answer?.note),
      recommendation: cellText(answer?.recommendation) || ind.recommendation,
      deadline: cellText(answer?.deadline) || defaults.deadline,
      evidence: ind.evidence,
    }));
}

/** One aspect's Skor Akhir: the flat score of its indicators' effective answers; null when none of them applies. */
export interface AspectScore {
  aspect: string;
  score: number | null;
}

/**
 * The Skor Akhir of each aspect, in the order of the Aspek tab (else of the indicators), the
 * score of each being the flat score of its indicators (docs/WORKBOOK.md, "Answers and
 * scoring"); none for a unit with no answer at all. An aspect not listed in a non-empty Aspek
 * tab does not count, as in `summarize`.
 */
export function scoresByAspect(indicators: readonly Indicator[], answers: readonly AnswerRow[], aspects: readonly AspectWeight[]): AspectScore[] {
  if (!anyAnswer(assess(indicators, answers))) return [];
  const names = aspects.length > 0 ? aspects.map((a) => a.aspect) : [...new Map(indicators.map((i) => [normKey(i.aspect), i.aspect])).values()];
  return aspectScores(indicators, answers, names).map((score, i) => ({ aspect: names[i], score }));
}

/** Findings grouped by aspect, each group and the findings in it in the order they come (instrument order). */
export function findingsByAspect<T extends Pick<Finding, 'aspect'>>(findings: readonly T[]): { aspect: string; findings: T[] }[] {
  const groups = new Map<string, { aspect: string; findings: T[] }>();
  for (const f of findings) {
    const key = normKey(f.aspect);
    const group = groups.get(key) ?? { aspect: f.aspect, findings: [] };
    group.findings.push(f);
    groups.set(key, group);
  }
  return [...groups.values()];
}
