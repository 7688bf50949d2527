// Where a unit stands in the programme: its stage (Tahap), decided by one table of rules from
// four facts: whether its PIC has answered anything, its two statuses (Status Pengisian and
// Status Verifikasi, in the top block of its tab, found by src/domain/unit-tab.ts) and whether the round's findings email has
// gone out to it (Log Email). Every output asks these rules: code that holds the tab and the
// ledger calls `unitStage`; Rekap's Tahap is `stageFormula`, the same rules written as one
// formula over the tab's cells and Log Email, so Rekap follows a status the moment it changes.
//
// "Temuan terkirim" needs the findings to have gone out after the unit was verified. No cell
// records when a tab was verified, so the stage does not pretend to know: it is Temuan terkirim
// while the tab is Terverifikasi and Log Email holds a TERKIRIM row for the unit whose Putaran
// is exactly the active round's label (the round's findings email; reminders are logged under
// another label and do not count). docs/WORKBOOK.md says what this can and cannot see.
import { logEmailColumn, type LedgerEntry } from './ledger';
import { columnLetter, formulaString, quoteSheet } from './plan/cells';
import { TABS } from './tables';
import { cellText, normKey } from './text';
import type { AnswerRow } from './types';
import { locateUnitTable, statusOf, type Cell, type UnitTabStatus } from './unit-tab';

/** Status Pengisian: set by the unit's PIC (its assessor and the admins may too). */
export const FILL_VALUES = ['Draf', 'Diajukan'] as const;
/** Status Verifikasi: set by the unit's assessor or the admins only. */
export const VERIFY_VALUES = ['Belum diverifikasi', 'Terverifikasi'] as const;
/** What a new tab starts at (and what a missing or unknown value means). */
export const INITIAL_STATUSES = { fill: FILL_VALUES[0], verify: VERIFY_VALUES[0] } as const;
const SUBMITTED = FILL_VALUES[1];
const VERIFIED = VERIFY_VALUES[1];

export const STAGES = ['Belum mulai', 'Diisi', 'Diajukan', 'Terverifikasi', 'Temuan terkirim'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages of a verified unit: only these show a category. */
export const VERIFIED_STAGES: readonly Stage[] = ['Terverifikasi', 'Temuan terkirim'];

export interface StageFacts {
  /** Some Jawaban Mandiri is filled in. */
  selfAnswered: boolean;
  /** Status Pengisian is Diajukan. */
  submitted: boolean;
  /** Status Verifikasi is Terverifikasi. */
  verified: boolean;
  /** Log Email holds a TERKIRIM row for the unit under the active round's own label. */
  findingsSent: boolean;
}

type Fact = keyof StageFacts;

/**
 * The rules, first match wins. Nothing answered by the PIC is Belum mulai whatever the statuses
 * say (there is nothing to verify or send). Verification outranks submission: an assessor may
 * verify a tab whose PIC never set Diajukan.
 */
const RULES: readonly { stage: Stage; when: Partial<StageFacts> }[] = [
  { stage: 'Belum mulai', when: { selfAnswered: false } },
  { stage: 'Temuan terkirim', when: { verified: true, findingsSent: true } },
  { stage: 'Terverifikasi', when: { verified: true } },
  { stage: 'Diajukan', when: { submitted: true } },
  { stage: 'Diisi', when: {} },
];

const conditionsOf = (when: Partial<StageFacts>) => Object.entries(when) as [Fact, boolean][];

/** The stage the facts put a unit at. */
export function stageOf(facts: StageFacts): Stage {
  const rule = RULES.find((r) => conditionsOf(r.when).every(([fact, value]) => facts[fact] === value));
  return (rule ?? RULES[RULES.length - 1]).stage;
}

/** The same rules as one formula, given each fact as a formula expression that is TRUE or FALSE. */
export function stageFormula(facts: Readonly<Record<Fact, string>>): string {
  return RULES.reduceRight((otherwise, rule) => {
    const tests = conditionsOf(rule.when).map(([fact, value]) => (value ? facts[fact] : `NOT(${facts[fact]})`));
    const stage = formulaString(rule.stage);
    if (tests.length === 0) return stage;
    return `IF(${tests.length === 1 ? tests[0] : `AND(${tests.join(',')})`},${stage},${otherwise})`;
  }, '""');
}

/** Status Pengisian says Diajukan (any case, trimmed). */
export function isSubmitted(value: unknown): boolean {
  return normKey(value) === normKey(SUBMITTED);
}

/** Status Verifikasi says Terverifikasi (any case, trimmed). */
export function isVerified(value: unknown): boolean {
  return normKey(value) === normKey(VERIFIED);
}

export interface UnitStageInput {
  code: string;
  /** The active round's label (Pengaturan putaran). */
  round: string;
  /** The tab's status cells, as read (src/domain/unit-tab.ts); an absent one reads as Draf / Belum diverifikasi. */
  status: UnitTabStatus;
  /** The tab's answer rows (Jawaban Mandiri is what counts). */
  answers: readonly Pick<AnswerRow, 'self'>[];
  ledger: readonly LedgerEntry[];
}

/** The facts of a unit, from its tab and the ledger. */
export function stageFacts(input: UnitStageInput): StageFacts {
  const code = normKey(input.code);
  const round = normKey(input.round);
  return {
    selfAnswered: input.answers.some((a) => cellText(a.self) !== ''),
    submitted: isSubmitted(input.status.filling?.value),
    verified: isVerified(input.status.verification?.value),
    findingsSent: input.ledger.some((e) => e.status === 'TERKIRIM' && normKey(e.unitCode) === code && normKey(e.round) === round),
  };
}

/** A unit's stage: the one answer every output gives. */
export function unitStage(input: UnitStageInput): Stage {
  return stageOf(stageFacts(input));
}

// ---------------------------------------------------------------------------------------------
// The facts as formulas (Rekap)

/** Where a unit tab keeps what its stage is made of, for formulas that follow it live: its status cells and its answers. */
export interface StageRefs {
  /** The Jawaban Mandiri cells of the table's rows (zero-based, inclusive); null when the table has no row. */
  selfAnswers: { column: number; firstRow: number; lastRow: number } | null;
  /** The value cells of Status Pengisian and Status Verifikasi (UnitTabStatus); null where the tab has none. */
  filling: Cell | null;
  verification: Cell | null;
}

/** Where the stage of a unit tab with these values is read from; `layout` is the tab's, when already located. */
export function stageRefsOf(values: readonly (readonly unknown[])[], layout = locateUnitTable(values)): StageRefs {
  const status = statusOf(layout);
  if (!layout) return { selfAnswers: null, ...status };
  const { headerRow } = layout;
  // The header row holds both (that is how the table was found).
  const codeAt = layout.column.Kode as number;
  let lastRow = values.length - 1;
  while (lastRow > headerRow && cellText(values[lastRow]?.[codeAt]) === '') lastRow--;
  const column = layout.column['Jawaban Mandiri'] as number;
  return { selfAnswers: lastRow > headerRow ? { column, firstRow: headerRow + 1, lastRow } : null, ...status };
}

/**
 * A COUNTIFS criterion that matches `expression`'s text exactly: "=" first (a label starting
 * with < or > is not a comparison) and the wildcards ~ * ? escaped.
 */
function exactly(expression: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expression},"~","~~"),"*","~*"),"?","~?")`;
}

/** Pengaturan putaran, looked up by its key ('' when there is none). */
const ROUND_FORMULA = `IFERROR(VLOOKUP(${formulaString('putaran')},${quoteSheet(TABS.pengaturan)}!$A:$B,2,0),"")`;

/**
 * The facts of `stageFacts` as formula expressions over the unit tab `title` and Log Email;
 * `codeCell` is the A1 reference of the unit's Kode (e.g. $A2).
 */
export function stageFactFormulas(title: string, refs: StageRefs, codeCell: string): Record<Fact, string> {
  const sheet = quoteSheet(title);
  const cell = (c: Cell) => `${sheet}!$${columnLetter(c.column)}$${c.row + 1}`;
  const status = (c: Cell | null, value: string) => (c === null ? 'FALSE()' : `TRIM(${cell(c)})=${formulaString(value)}`);
  const answers = refs.selfAnswers;
  const letter = answers === null ? '' : columnLetter(answers.column);
  return {
    selfAnswered: answers === null ? 'FALSE()' : `COUNTA(${sheet}!$${letter}$${answers.firstRow + 1}:$${letter}$${answers.lastRow + 1})>0`,
    submitted: status(refs.filling, SUBMITTED),
    verified: status(refs.verification, VERIFIED),
    findingsSent: `COUNTIFS(${logEmailColumn('Kode Unit')},${exactly(codeCell)},${logEmailColumn('Putaran')},${exactly(ROUND_FORMULA)},${logEmailColumn('Status')},"TERKIRIM")>0`,
  };
}
