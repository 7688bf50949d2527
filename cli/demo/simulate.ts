// The demo's simulated people: each PIC fills the self-assessment of their unit's tab and each
// assessor verifies it, as cell edits typed into the tab. A fixed-seed generator makes every
// demo run identical; each unit gets a maturity drawn from three tiers, so the recap shows a
// spread of Hijau, Kuning and Merah.

/** mulberry32: a small, well-distributed 32-bit generator; the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One indicator row of a unit tab, as the people filling it see it. */
export interface IndicatorRow {
  /** 1-based sheet row. */
  row: number;
  /** `Jenis Jawaban`: 'ya-tidak', 'ya-sebagian-tidak' or '0-N'. */
  answerType: string;
  allowNA: boolean;
}

export interface Answer {
  row: number;
  value: string;
}

export interface UnitAnswers {
  /** Jawaban Mandiri per row ('' = left empty). */
  self: Answer[];
  /** Jawaban Verifikasi per row, and whether the assessor found the self-assessment too generous. */
  verified: (Answer & { downgraded: boolean })[];
}

const TIERS = [
  { weight: 10, from: 0.9, to: 1 }, // mostly in place: Hijau
  { weight: 12, from: 0.62, to: 0.82 }, // half-way: Kuning
  { weight: 8, from: 0.3, to: 0.5 }, // just started: Merah
];

/** One maturity per unit (probability that a requirement is really in place), tiers shuffled. */
export function maturities(count: number, random: () => number): number[] {
  const total = TIERS.reduce((s, t) => s + t.weight, 0);
  const tiers: (typeof TIERS)[number][] = [];
  TIERS.forEach((tier) => {
    const n = Math.round((tier.weight / total) * count);
    for (let i = 0; i < n; i++) tiers.push(tier);
  });
  while (tiers.length < count) tiers.push(TIERS[1]);
  tiers.length = count;
  for (let i = tiers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [tiers[i], tiers[j]] = [tiers[j], tiers[i]];
  }
  return tiers.map((tier) => tier.from + random() * (tier.to - tier.from));
}

/** Credit of an answer on the 0..1 scale of docs/WORKBOOK.md (empty and N/A count as none here). */
function credit(answerType: string, value: string): number {
  if (value === 'Ya') return 1;
  if (value === 'Sebagian') return 0.5;
  const scale = /^0-(\d+)$/.exec(answerType);
  if (scale && /^\d+$/.test(value)) return Number(value) / Number(scale[1]);
  return 0;
}

/** What is really in place for one indicator, and what an optimistic PIC claims. */
function answerPair(row: IndicatorRow, maturity: number, random: () => number): { truth: string; claim: string } {
  const scale = /^0-(\d+)$/.exec(row.answerType);
  // PICs tend to round up: about a third of what is missing is claimed anyway.
  const optimism = (truth: string, better: string): string => (random() < 0.35 ? better : truth);
  if (scale) {
    const max = Number(scale[1]);
    const level = Math.max(0, Math.min(max, Math.round(max * (maturity + (random() - 0.5) * 0.4))));
    return { truth: String(level), claim: optimism(String(level), String(Math.min(max, level + 1))) };
  }
  const r = random();
  if (row.answerType === 'ya-sebagian-tidak') {
    const truth = r < maturity ? 'Ya' : r < maturity + (1 - maturity) / 2 ? 'Sebagian' : 'Tidak';
    return { truth, claim: truth === 'Ya' ? truth : optimism(truth, 'Ya') };
  }
  const truth = r < maturity ? 'Ya' : 'Tidak';
  return { truth, claim: truth === 'Ya' ? truth : optimism(truth, 'Ya') };
}

/**
 * The answers of one unit: the PIC's self-assessment (optimistic, a few rows left empty by the
 * least prepared units, N/A where allowed and the service does not exist) and the assessor's
 * verification of every row (what is really in place).
 */
export function simulateUnit(rows: readonly IndicatorRow[], maturity: number, random: () => number): UnitAnswers {
  const self: Answer[] = [];
  const verified: UnitAnswers['verified'] = [];
  for (const row of rows) {
    if (row.allowNA && random() < 0.2) {
      self.push({ row: row.row, value: 'N/A' });
      verified.push({ row: row.row, value: 'N/A', downgraded: false });
      continue;
    }
    const { truth, claim } = answerPair(row, maturity, random);
    const leftEmpty = maturity < 0.5 && random() < 0.1;
    self.push({ row: row.row, value: leftEmpty ? '' : claim });
    const claimed = leftEmpty ? 0 : credit(row.answerType, claim);
    verified.push({ row: row.row, value: truth, downgraded: credit(row.answerType, truth) < claimed });
  }
  return { self, verified };
}
