import {
  fingerprintInput,
  hexOf,
  lastSentFingerprint,
  lastSentFormula,
  ledgerRow,
  parseLedger,
  planBatch,
  quotaResetAt,
  reminderRound,
  type Candidate,
  type LedgerEntry,
  type PlanOptions,
} from '../../src/domain/ledger';
import { runInNewContext } from 'node:vm';
import { formula, kept } from '../../src/domain/plan/cells';
import { HEADERS, TABS } from '../../src/domain/tables';
import { addSheet, updateCells } from '../../src/sheets/requests';
import { appliedWorkbook } from './applied-requests';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 2, 1, 2, 0, 0);

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  row: 2,
  at: T0,
  round: 'R1',
  unitCode: 'A',
  to: 'a@x.go.id',
  cc: '',
  subject: 's',
  status: 'TERKIRIM',
  fingerprint: 'f-a',
  note: '',
  ...over,
});

const cand = (code: string, over: Partial<Candidate> = {}): Candidate => ({
  code,
  kind: 'findings',
  recipients: 2,
  fingerprint: `f-${code.toLowerCase()}`,
  ...over,
});

const opts = (over: Partial<PlanOptions> = {}): PlanOptions => ({ round: 'R1', force: false, sendAcknowledgement: true, quota: 100, ...over });

test('a unit unchanged since its last TERKIRIM in this round is DILEWATI, unless forced', () => {
  const ledger = [entry({})];
  expect(planBatch([cand('A'), cand('B')], ledger, opts())).toEqual([
    { code: 'A', action: 'skip', reason: 'unchanged' },
    { code: 'B', action: 'send' },
  ]);
  expect(planBatch([cand('A')], ledger, opts({ force: true }))).toEqual([{ code: 'A', action: 'send' }]);
});

test('only the last TERKIRIM of the same round counts; GAGAL and DILEWATI rows do not', () => {
  const ledger = [
    entry({ fingerprint: 'f-a', at: T0 }),
    entry({ fingerprint: 'old', at: T0 + HOUR }),
    entry({ fingerprint: 'f-a', at: T0 + 2 * HOUR, status: 'GAGAL' }),
    entry({ fingerprint: 'f-b', unitCode: 'b', round: 'R0' }),
  ];
  expect(lastSentFingerprint(ledger, 'R1', 'a')).toBe('old');
  expect(planBatch([cand('A'), cand('B')], ledger, opts()).map((d) => d.action)).toEqual(['send', 'send']);
});

test('rows are ordered by Waktu, so a sorted ledger still finds the last send', () => {
  const ledger = [entry({ fingerprint: 'new', at: T0 + HOUR }), entry({ fingerprint: 'old', at: T0 })];
  expect(lastSentFingerprint(ledger, 'R1', 'A')).toBe('new');
});

test('the quota is taken first-fit: what does not fit is queued', () => {
  const plan = planBatch([cand('A', { recipients: 3 }), cand('B', { recipients: 5 }), cand('C', { recipients: 2 }), cand('D', { recipients: 1 })], [], opts({ quota: 6 }));
  expect(plan.map((d) => d.action)).toEqual(['send', 'queue', 'send', 'send']);
  expect(planBatch([cand('A')], [], opts({ quota: 0 }))).toEqual([{ code: 'A', action: 'queue' }]);
});

test('a blocked unit fails with its reason, without taking quota', () => {
  const plan = planBatch([cand('A', { blocked: 'alamat tidak sah' }), cand('B')], [], opts({ quota: 2 }));
  expect(plan).toEqual([
    { code: 'A', action: 'fail', reason: 'alamat tidak sah' },
    { code: 'B', action: 'send' },
  ]);
});

test('an acknowledgement is skipped when the setting turns it off', () => {
  const c = cand('A', { kind: 'acknowledgement' });
  expect(planBatch([c], [], opts({ sendAcknowledgement: false }))).toEqual([{ code: 'A', action: 'skip', reason: 'acknowledgementOff' }]);
  expect(planBatch([c], [], opts())).toEqual([{ code: 'A', action: 'send' }]);
});

test('a continued batch leaves out units it already logged from its first row on, with the same content, and only those', () => {
  const ledger = [
    entry({ unitCode: 'C', row: 2, fingerprint: 'f-c' }),
    entry({ unitCode: 'E', row: 3, fingerprint: 'f-e' }),
    entry({ unitCode: 'A', row: 4, fingerprint: 'f-a' }),
    entry({ unitCode: 'B', row: 5, fingerprint: 'f-b', status: 'GAGAL' }),
    entry({ unitCode: 'D', row: 6, fingerprint: 'changed-since' }),
  ];
  const plan = planBatch([cand('A'), cand('B'), cand('C'), cand('D'), cand('E')], ledger, opts({ batchFromRow: 4, force: true }));
  expect(plan).toEqual([
    { code: 'C', action: 'send' },
    { code: 'D', action: 'send' },
    { code: 'E', action: 'send' },
  ]);
});

test('the quota resets 24 h after the first TERKIRIM of the rolling window', () => {
  const now = T0 + 30 * HOUR;
  const ledger = [
    entry({ at: T0 }), // outside the window
    entry({ at: T0 + 8 * HOUR, status: 'GAGAL' }),
    entry({ at: T0 + 10 * HOUR }),
    entry({ at: T0 + 12 * HOUR }),
  ];
  expect(quotaResetAt(ledger, now)).toBe(T0 + 34 * HOUR);
  expect(quotaResetAt([entry({ at: T0 })], now)).toBeNull();
});

test('the ledger is read by header, Dates from another realm included, rows without a unit ignored', () => {
  const otherRealmDate = runInNewContext('new Date(Date.UTC(2025, 2, 1, 2, 0, 0))') as Date;
  const values = [
    [...HEADERS.logEmail, 'Catatan saya'],
    [otherRealmDate, 'R1', 'A', 'a@x.go.id', 'c@x.go.id', 'Subj', 'terkirim', 'ABC', 'ok', 'mine'],
    ['', '', '', '', '', '', '', '', '', 'a note'],
    ['2025-03-01T03:00:00Z', 'R1', 'B', '', '', '', 'GAGAL', '', 'why', ''],
  ];
  expect(parseLedger(values)).toEqual([
    { row: 2, at: T0, round: 'R1', unitCode: 'A', to: 'a@x.go.id', cc: 'c@x.go.id', subject: 'Subj', status: 'TERKIRIM', fingerprint: 'abc', note: 'ok' },
    { row: 4, at: T0 + HOUR, round: 'R1', unitCode: 'B', to: '', cc: '', subject: '', status: 'GAGAL', fingerprint: '', note: 'why' },
  ]);
  expect(parseLedger([])).toEqual([]);
});

test('a ledger row keeps every text as text and the time as a date', () => {
  const at = new Date(T0);
  const row = ledgerRow({ at, round: '2025', unitCode: '=HYPERLINK("x")', to: ['a@x.go.id', 'b@x.go.id'], cc: [], subject: '+62 subjek', status: 'TERKIRIM', fingerprint: '1e5', note: '' });
  expect(row).toEqual([at, "'2025", `'=HYPERLINK("x")`, 'a@x.go.id, b@x.go.id', '', "'+62 subjek", 'TERKIRIM', "'1e5", '']);
  expect(row).toHaveLength(HEADERS.logEmail.length);
});

test('the fingerprint covers recipients and content, and digests print as hex', () => {
  const m = { to: ['A@x.go.id'], cc: [], subject: 's', html: '<p>h</p>', text: 'h' };
  expect(fingerprintInput(m)).toBe(fingerprintInput({ ...m, to: ['a@x.go.id'] }));
  expect(fingerprintInput(m)).not.toBe(fingerprintInput({ ...m, cc: ['c@x.go.id'] }));
  expect(fingerprintInput(m)).not.toBe(fingerprintInput({ ...m, text: 'h2' }));
  expect(hexOf([0, 15, -1, -128, 127])).toBe('000fff807f');
});

test("Rekap's Email Terakhir formula looks up the unit's last TERKIRIM time in Log Email", () => {
  const h = appliedWorkbook();
  // Waktu (a date-time serial), Putaran, Kode Unit, Status: any round and kind counts, only TERKIRIM.
  const ledger = [
    [45500.5, 'R1', 'D2', 'TERKIRIM'],
    [45510.25, reminderRound('R2'), 'D2', 'TERKIRIM'],
    [45505, 'R2', 'D2', 'TERKIRIM'],
    [45600, 'R2', 'D2', 'GAGAL'],
    [45700, 'R2', 'D3', 'TERKIRIM'],
    [45600, 'R2', 'D1', 'GAGAL'],
  ].map(([at, round, code, status]) =>
    HEADERS.logEmail.map((header) => kept(({ Waktu: at, Putaran: round, 'Kode Unit': code, Status: status } as Record<string, unknown>)[header] ?? '')),
  );
  h.apply(addSheet(30, TABS.logEmail, 20, HEADERS.logEmail.length, 1), updateCells(30, 0, 0, [HEADERS.logEmail.map((header) => kept(header)), ...ledger]));
  h.apply(
    addSheet(40, TABS.rekap, 5, 2, 1),
    updateCells(40, 1, 0, ['D2', 'D1', 'D9'].map((code, i) => [kept(code), formula(lastSentFormula(`$A${i + 2}`))])),
  );
  expect(h.values(`${TABS.rekap}!B2:B4`, 3, 1)).toEqual([[45510.25], [''], ['']]);
});

test('reminders are logged under the round with a marker, so they and the findings never skip each other', () => {
  expect(reminderRound('2025 Pendampingan')).toBe('2025 Pendampingan — pengingat');
  const ledger = [entry({ round: 'R1', fingerprint: 'f-a' })];
  expect(planBatch([cand('A', { kind: 'reminder' })], ledger, opts({ round: reminderRound('R1') }))).toEqual([{ code: 'A', action: 'send' }]);
});

test('the automatic run does not repeat a failure of the same content; a person does, and new content goes', () => {
  const ledger = [entry({ status: 'GAGAL', fingerprint: 'f-a' }), entry({ unitCode: 'B', status: 'GAGAL', fingerprint: 'old' })];
  expect(planBatch([cand('A'), cand('B')], ledger, opts({ retryFailed: false }))).toEqual([
    { code: 'A', action: 'skip', reason: 'failedBefore' },
    { code: 'B', action: 'send' },
  ]);
  expect(planBatch([cand('A')], ledger, opts())).toEqual([{ code: 'A', action: 'send' }]);
});

test('a unit whose last row is an intent without outcome (MENGIRIM) is to be checked, never sent by itself, not even forced', () => {
  const ledger = [entry({ row: 2, status: 'TERKIRIM', fingerprint: 'old' }), entry({ row: 3, at: T0 + HOUR, status: 'MENGIRIM' })];
  const check = { code: 'A', action: 'check', since: T0 + HOUR };
  expect(planBatch([cand('A'), cand('B')], ledger, opts())).toEqual([check, { code: 'B', action: 'send' }]);
  expect(planBatch([cand('A')], ledger, opts({ force: true }))).toEqual([check]);
  expect(planBatch([cand('A')], ledger, opts({ retryFailed: false }))).toEqual([check]);
  // Another round, or a later outcome of the unit, settles it.
  expect(planBatch([cand('A')], ledger, opts({ round: 'R2' }))).toEqual([{ code: 'A', action: 'send' }]);
  expect(planBatch([cand('A')], [...ledger, entry({ row: 4, at: T0 + 2 * HOUR, status: 'TERKIRIM' })], opts())).toEqual([
    { code: 'A', action: 'skip', reason: 'unchanged' },
  ]);
});

test('"kirim ulang" sends an unknown outcome again, even unchanged, within the quota; never an intent of the batch itself', () => {
  const ledger = [entry({ row: 2, status: 'TERKIRIM' }), entry({ row: 3, at: T0 + HOUR, status: 'MENGIRIM' })];
  expect(planBatch([cand('A')], ledger, opts({ resend: ['a'] }))).toEqual([{ code: 'A', action: 'send' }]);
  expect(planBatch([cand('A')], ledger, opts({ resend: ['A'], quota: 1 }))).toEqual([{ code: 'A', action: 'queue' }]);
  expect(planBatch([cand('A', { blocked: 'rusak' })], ledger, opts({ resend: ['A'] }))).toEqual([{ code: 'A', action: 'fail', reason: 'rusak' }]);
  expect(planBatch([cand('A')], ledger, opts({ resend: ['B'] }))).toEqual([{ code: 'A', action: 'check', since: T0 + HOUR }]);
  // The batch that wrote row 3 (from row 3 on) does not send it again: its own intent is unknown too.
  expect(planBatch([cand('A')], ledger, opts({ resend: ['A'], batchFromRow: 3 }))).toEqual([{ code: 'A', action: 'check', since: T0 + HOUR }]);
  expect(planBatch([cand('A')], ledger, opts({ resend: ['A'], batchFromRow: 4 }))).toEqual([{ code: 'A', action: 'send' }]);
});
