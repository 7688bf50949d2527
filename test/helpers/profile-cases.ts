// One filled unit per shipped profile, with its score computed by hand from the profile's
// published weights: the unit tests score them with the domain's code, the bundle tests through
// a workbook's unit tab, so both check the same hand-computed figures.

/** An indicator as a case answers it: by its Kode and its Aspek. */
export interface CaseIndicator {
  code: string;
  aspect: string;
}

export interface ProfileCase {
  profile: string;
  /** The unit's Jenis (which indicators its tab holds). */
  jenis: string;
  /** What is what in the hand computation. */
  why: string;
  /** The Jawaban Mandiri of each indicator. */
  answer: (ind: CaseIndicator) => string | number;
  score: number;
  /** The score on the profile's Kategori Skala (the score itself on 0–100). */
  shown: number;
  category: string;
  /** The category as shown everywhere: with its Keterangan and zone. */
  display: string;
}

const byAspect =
  (levels: Record<string, number>, otherwise?: number) =>
  (ind: CaseIndicator): number => {
    const level = levels[ind.aspect] ?? otherwise;
    if (level === undefined) throw new Error(`no level for aspect ${ind.aspect}`);
    return level;
  };

export const PROFILE_CASES: readonly ProfileCase[] = [
  {
    profile: 'opini-2022',
    jenis: 'Dinas',
    why:
      'Input 3/3, Proses 2/3 (PR-11 N/A), Output 3/3, Pengaduan 1/3 (PD-08 N/A): ' +
      '21.85 + 32.37·2/3 + 24.24 + 21.54/3 = 21.85 + 21.58 + 24.24 + 7.18 = 74.85 → C',
    answer: (ind) => (ind.code === 'PR-11' || ind.code === 'PD-08' ? 'N/A' : byAspect({ Input: 3, Proses: 2, Output: 3, Pengaduan: 1 })(ind)),
    score: 74.85,
    shown: 74.85,
    category: 'C',
    display: 'C — Kualitas Sedang, Zona Kuning',
  },
  {
    profile: 'opini-2025',
    jenis: 'Dinas',
    why:
      'the four dimensions 70 % together (17.5 each), Kepercayaan Masyarakat 30 %; Input 1, Proses 2/3, Output 1, ' +
      'Pengaduan 0, Kepercayaan 1: 17.5 + 17.5·2/3 + 17.5 + 0 + 30 = 76.666… → 76.67 → C',
    answer: byAspect({ Proses: 2, Pengaduan: 0 }, 3),
    score: 76.67,
    shown: 76.67,
    category: 'C',
    display: 'C — Kualitas Sedang, Zona Kuning',
  },
  {
    profile: 'opini-2025',
    jenis: 'Desa',
    why:
      'every general item 3, every desa item Tidak: Proses 12 of 16 (DS-06…DS-09), Output 7 of 9 (DS-04, DS-05), ' +
      'Pengaduan 7 of 10 (DS-01…DS-03): 17.5 + 17.5·12/16 + 17.5·7/9 + 17.5·7/10 + 30 = 86.486… → 86.49 → B',
    answer: (ind) => (ind.code.startsWith('DS-') ? 'Tidak' : 3),
    score: 86.49,
    shown: 86.49,
    category: 'B',
    display: 'B — Kualitas Tinggi, Zona Hijau',
  },
  {
    profile: 'pekppp-2023',
    jenis: 'Dinas',
    why:
      'Kebijakan 5/5, SDM 4/5, Sarana 3/5, SIPP 2/5, Konsultasi 5/5, Inovasi 0/5: ' +
      '24 + 25·0.8 + 18·0.6 + 11·0.4 + 10 + 0 = 69.2 → index 69.2 ÷ 20 = 3.46 → B- (3.01–3.50)',
    answer: byAspect({
      'Kebijakan Pelayanan': 5,
      'Profesionalisme SDM': 4,
      'Sarana Prasarana': 3,
      'Sistem Informasi Pelayanan Publik': 2,
      'Konsultasi dan Pengaduan': 5,
      Inovasi: 0,
    }),
    score: 69.2,
    shown: 3.46,
    category: 'B-',
    display: 'B- — Baik (Dengan Catatan), Zona Kuning',
  },
  {
    profile: 'ombudsman-2021',
    jenis: 'Dinas',
    why: 'flat: Tidak on the twelve SP items (Bobot 3 each), Ya elsewhere: (100 − 36) / 100 → 64 → Kuning',
    answer: (ind) => (ind.code.startsWith('SP-') ? 'Tidak' : 'Ya'),
    score: 64,
    shown: 64,
    category: 'Kuning',
    display: 'Kuning — Kepatuhan sedang',
  },
];
