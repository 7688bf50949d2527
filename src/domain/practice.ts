// The practice programme of a bimtek day ("Buat buku latihan", `pendamping demo --latihan`): one
// unit per participant, each with its own PIC address under the reserved latihan.example domain
// (delivered nowhere), and one assessor for every unit.
export const PRACTICE_ASSESSOR = 'asesor@latihan.example';
export const PRACTICE_DEFAULT_PARTICIPANTS = 30;
export const PRACTICE_MAX_PARTICIPANTS = 200;
/** Days from today to the practice round's deadline. */
export const PRACTICE_DEADLINE_DAYS = 14;

export interface PracticeUnit {
  kode: string;
  nama: string;
  pic: string;
  email: string;
}

/** The participants' units, numbered with as many digits as `count` needs (at least two). */
export function practiceUnits(count: number): PracticeUnit[] {
  const digits = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(digits, '0');
    return { kode: `P${n}`, nama: `Unit Latihan ${n}`, pic: `Peserta ${n}`, email: `peserta${n}@latihan.example` };
  });
}

/** The units as a secretariat pastes them into Unit (header row first). */
export function practiceUnitsText(units: readonly PracticeUnit[]): string {
  const rows = units.map((u) => [u.kode, u.nama, 'OPD', u.pic, u.email, PRACTICE_ASSESSOR].join(','));
  return ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor', ...rows].join('\n');
}

/** Whether `value` is an allowed number of participants (a whole number from 1 to the maximum). */
export function isParticipantCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= PRACTICE_MAX_PARTICIPANTS;
}
