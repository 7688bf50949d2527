// A unit's stage: the rules, the same rules as Rekap's formula (evaluated by a real formula
// engine, fact by fact and over a small workbook), and the statuses found on a tab by label.
import { HyperFormula } from 'hyperformula';
import { HEADERS } from '../../src/domain/tables';
import type { LedgerEntry } from '../../src/domain/ledger';
import { STAGES, stageFactFormulas, stageFacts, stageFormula, stageOf, stageRefsOf, unitStage, type StageFacts, type UnitStageInput } from '../../src/domain/stage';
import { locateUnitTable, statusOf, type UnitTabStatus } from '../../src/domain/unit-tab';

const FACTS = ['selfAnswered', 'submitted', 'verified', 'findingsSent'] as const;

/** Every combination of the four facts. */
const everyCombination: StageFacts[] = Array.from({ length: 16 }, (_, n) => ({
  selfAnswered: (n & 1) > 0,
  submitted: (n & 2) > 0,
  verified: (n & 4) > 0,
  findingsSent: (n & 8) > 0,
}));

describe('the stage rules', () => {
  test.each([
    [{ selfAnswered: false, submitted: true, verified: true, findingsSent: true }, 'Belum mulai'],
    [{ selfAnswered: true, submitted: false, verified: false, findingsSent: false }, 'Diisi'],
    [{ selfAnswered: true, submitted: false, verified: false, findingsSent: true }, 'Diisi'],
    [{ selfAnswered: true, submitted: true, verified: false, findingsSent: true }, 'Diajukan'],
    [{ selfAnswered: true, submitted: true, verified: true, findingsSent: false }, 'Terverifikasi'],
    // An assessor may verify a tab whose PIC never set Diajukan.
    [{ selfAnswered: true, submitted: false, verified: true, findingsSent: false }, 'Terverifikasi'],
    [{ selfAnswered: true, submitted: true, verified: true, findingsSent: true }, 'Temuan terkirim'],
  ] as [StageFacts, string][])('%j is %s', (facts, stage) => {
    expect(stageOf(facts)).toBe(stage);
  });

  test('every stage is reachable, and each combination of facts gives exactly one', () => {
    expect(new Set(everyCombination.map(stageOf))).toEqual(new Set(STAGES));
  });

  test("Rekap's formula is the same rules: a formula engine agrees with stageOf on every combination", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    const sheet = hf.getSheetId(hf.addSheet('S')) as number;
    everyCombination.forEach((facts, row) => {
      const asFormula = Object.fromEntries(FACTS.map((f) => [f, facts[f] ? 'TRUE()' : 'FALSE()'])) as Record<(typeof FACTS)[number], string>;
      hf.setCellContents({ sheet, row, col: 0 }, [[`=${stageFormula(asFormula)}`]]);
    });
    everyCombination.forEach((facts, row) => expect(hf.getCellValue({ sheet, row, col: 0 })).toBe(stageOf(facts)));
    hf.destroy();
  });
});

function entry(over: Partial<LedgerEntry>): LedgerEntry {
  return { row: 2, at: 0, round: '2025 Pendampingan', unitCode: 'DINKES', to: '', cc: '', subject: '', status: 'TERKIRIM', fingerprint: '', note: '', ...over };
}

/** A tab's status cells (E2 and E3) holding `fill` and `verify`. */
function status(fill: unknown, verify: unknown): UnitTabStatus {
  return { filling: { row: 1, column: 4, value: fill }, verification: { row: 2, column: 4, value: verify } };
}

describe('unitStage', () => {
  const base: UnitStageInput = {
    code: 'DINKES',
    round: '2025 Pendampingan',
    status: status('Draf', 'Belum diverifikasi'),
    answers: [{ self: '' }, { self: 'Ya' }],
    ledger: [],
  };

  test('from the statuses (any case, trimmed), the self answers and the ledger', () => {
    expect(unitStage({ ...base, answers: [{ self: '  ' }, { self: '' }], status: status('Diajukan', 'Terverifikasi') })).toBe('Belum mulai');
    expect(unitStage(base)).toBe('Diisi');
    expect(unitStage({ ...base, answers: [{ self: 0 }] })).toBe('Diisi');
    expect(unitStage({ ...base, status: status(' diajukan ', '') })).toBe('Diajukan');
    expect(unitStage({ ...base, status: status('Diajukan', 'TERVERIFIKASI') })).toBe('Terverifikasi');
    expect(unitStage({ ...base, status: status('Diajukan', 'Terverifikasi'), ledger: [entry({ unitCode: 'dinkes' })] })).toBe('Temuan terkirim');
  });

  test("only a TERKIRIM row of this unit under this round's own label counts as the findings sent", () => {
    const verified = { ...base, status: status('Diajukan', 'Terverifikasi') };
    for (const other of [
      entry({ status: 'GAGAL' }),
      entry({ status: 'DILEWATI' }),
      entry({ unitCode: 'DISDIK' }),
      entry({ round: '2024 Pendampingan' }),
      entry({ round: '2025 Pendampingan — pengingat' }),
    ]) {
      expect(stageFacts({ ...verified, ledger: [other] }).findingsSent).toBe(false);
    }
    // Sent while the unit was not yet verified: the stage waits for the verification.
    expect(unitStage({ ...base, ledger: [entry({})] })).toBe('Diisi');
  });
});

/** The status cells of a tab's values, found as every reader finds them. */
const statusIn = (values: unknown[][]) => statusOf(locateUnitTable(values));

describe('the statuses on a tab', () => {
  const values = [
    ['DINKES — Dinas Kesehatan'],
    ['Putaran', '2025', '', 'Status Pengisian', 'Diajukan'],
    ['Batas Waktu', '', '', 'status verifikasi ', 'Terverifikasi'],
    [],
    [],
    [],
    [...HEADERS.unitTable],
    ['A1', '', '', 1, 'ya-tidak', 'Ya'],
    ['A2', '', '', 1, 'ya-tidak', ''],
    [],
  ];

  test('are found by their labels above the table (src/domain/unit-tab.ts), each value right of its label', () => {
    expect(statusIn(values)).toEqual(status('Diajukan', 'Terverifikasi'));
    expect(stageRefsOf(values)).toEqual({ selfAnswers: { column: 5, firstRow: 7, lastRow: 8 }, ...status('Diajukan', 'Terverifikasi') });
  });

  test('a tab without them reads as Draf / Belum diverifikasi; a label below the table is not a status', () => {
    const old = values.map((r, i) => (i === 1 || i === 2 ? r.slice(0, 2) : r));
    expect(statusIn(old)).toEqual({ filling: null, verification: null });
    expect(stageFacts({ code: 'DINKES', round: '', status: statusIn(old), answers: [{ self: 'Ya' }], ledger: [] })).toMatchObject({ submitted: false, verified: false });
    expect(statusIn([...old, ['Status Pengisian', 'Diajukan']]).filling).toBeNull();
    expect(statusIn([['Status Pengisian', 'Diajukan']])).toEqual({ filling: null, verification: null });
    expect(stageRefsOf([['Status Pengisian', 'Diajukan']])).toEqual({ selfAnswers: null, filling: null, verification: null });
  });
});

describe("Rekap's facts over a workbook agree with stageFacts", () => {
  const LOG = [...HEADERS.logEmail];
  const sent = (round: string, code: string, status: string) => ['2025-01-06 10:00', round, code, 'pic@x.example', '', 'Temuan', status, 'abc', ''];
  const cases: { name: string; tab: unknown[][]; round: string; log: unknown[][]; code: string }[] = [
    {
      name: 'verified, sent in this round',
      tab: [['T'], ['Putaran', 'r', '', 'Status Pengisian', 'Diajukan'], ['Batas Waktu', '', '', 'Status Verifikasi', ' terverifikasi'], [], [], [], [...HEADERS.unitTable], ['A1', '', '', 1, 'ya-tidak', 'Ya']],
      round: '2025*',
      log: [sent('2025*', 'D~1', 'TERKIRIM')],
      code: 'D~1',
    },
    {
      // A round label with wildcards matches only itself; a reminder row never counts.
      name: 'verified, only other rounds and a reminder in the ledger',
      tab: [['T'], ['Putaran', 'r', '', 'Status Pengisian', 'Draf'], ['Batas Waktu', '', '', 'Status Verifikasi', 'Terverifikasi'], [], [], [], [...HEADERS.unitTable], ['A1', '', '', 1, 'ya-tidak', 'Tidak']],
      round: '2025*',
      log: [sent('2025 Pendampingan', 'D1', 'TERKIRIM'), sent('2025* — pengingat', 'D1', 'TERKIRIM'), sent('2025*', 'D1', 'GAGAL')],
      code: 'D1',
    },
    {
      name: 'an old tab without statuses, nothing answered',
      tab: [['T'], ['Putaran', 'r'], ['Batas Waktu', ''], [], [], [], [...HEADERS.unitTable], ['A1', '', '', 1, 'ya-tidak', '']],
      round: '',
      log: [],
      code: 'D1',
    },
  ];

  /** As the sheet holds it: a cell read as '' is an empty cell. */
  const sheetOf = (values: unknown[][]) => values.map((r) => r.map((c) => (c === '' ? null : c))) as never;

  test.each(cases)('$name', ({ tab, round, log, code }) => {
    const hf = HyperFormula.buildFromSheets(
      { 'Unit Satu': sheetOf(tab), 'Log Email': sheetOf([LOG, ...log]), Pengaturan: sheetOf([['Kunci', 'Nilai'], ['putaran', round]]), Rekap: [['Kode'], [code]] },
      { licenseKey: 'gpl-v3' },
    );
    const rekap = hf.getSheetId('Rekap') as number;
    const refs = stageRefsOf(tab);
    const formulas = stageFactFormulas('Unit Satu', refs, '$A2');
    FACTS.forEach((fact, col) => hf.setCellContents({ sheet: rekap, row: 1, col: col + 1 }, [[`=${formulas[fact]}`]]));
    const ledger: LedgerEntry[] = log.map((r, i) => entry({ row: i + 2, round: String(r[1]), unitCode: String(r[2]), status: String(r[6]) }));
    const expected = stageFacts({ code, round, status: statusIn(tab), answers: tab.slice(7).map((r) => ({ self: r[5] })), ledger });
    const got = Object.fromEntries(FACTS.map((fact, col) => [fact, hf.getCellValue({ sheet: rekap, row: 1, col: col + 1 })]));
    expect(got).toEqual(expected);
    hf.destroy();
  });
});
