// The pure decisions of the re-assessment rounds (src/domain/rounds.ts).
import type { PlannedCell } from '../../src/domain/plan/cells';
import {
  RIWAYAT_HEADERS,
  closedRounds,
  openFollowUps,
  overdueFindings,
  planStartRound,
  planUndoRound,
  roundProgress,
  validateRoundInput,
  type BlockWrite,
} from '../../src/domain/rounds';
import { CLEARED_COLUMNS, ROUND_COLUMNS, readUnitAnswers, type UnitAnswers, type UnitTabValues as RoundTab } from '../../src/domain/unit-tab';
import { renderFindingsEmail, renderReminderEmail } from '../../src/domain/email';
import type { RoundProgress } from '../../src/domain/rounds';
import { SCORE_SCALE } from '../../src/domain/scale';
import { HEADERS } from '../../src/domain/tables';
import type { Category } from '../../src/domain/types';

type Column = (typeof HEADERS.unitTable)[number];
const CATEGORIES: Category[] = [
  { name: 'Merah', min: 0, description: '', zone: 'Merah' },
  { name: 'Kuning', min: 50, description: '', zone: 'Kuning' },
  { name: 'Hijau', min: 80, description: '', zone: 'Hijau' },
];
const DEADLINE_SERIAL = 45747; // 2025-03-31

interface Line {
  code: string;
  type: string;
  weight?: number;
  na?: string;
  cells?: Partial<Record<Column, string | number>>;
}

/** A unit tab as getValues returns it: header block, table header, one row per indicator. */
function unitTab(code: string, sheetId: number, lines: Line[]): RoundTab {
  const width = HEADERS.unitTable.length;
  const row = (cells: unknown[]) => [...cells, ...Array<unknown>(width - cells.length).fill('')];
  const values: unknown[][] = [
    row([`${code} — Unit ${code}`]),
    row(['Putaran', 'R1']),
    row(['Batas Waktu', DEADLINE_SERIAL]),
    row(['', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan']),
    row(['Hasil', 0, 0, '', 0, 0]),
    row([]),
    [...HEADERS.unitTable],
  ];
  for (const l of lines) {
    const cells: Partial<Record<Column, unknown>> = {
      Kode: l.code,
      Aspek: 'Umum',
      Indikator: `Indikator ${l.code}`,
      Bobot: l.weight ?? 1,
      'Jenis Jawaban': l.type,
      'Boleh N/A': l.na ?? 'Tidak',
      ...l.cells,
    };
    values.push(HEADERS.unitTable.map((h) => cells[h] ?? ''));
  }
  return { code, sheetId, title: `${code} Unit`, values };
}

function valueOf(cell: PlannedCell): unknown {
  const v = cell.value;
  if (v.kind === 'text') return v.text;
  if (v.kind === 'number' || v.kind === 'bool') return v.value;
  if (v.kind === 'formula') return v.formula;
  return '';
}

/** The tab's values after the writes of a plan. */
function apply(tab: RoundTab, writes: readonly BlockWrite[]): RoundTab {
  const values = tab.values.map((r) => [...r]);
  for (const w of writes.filter((x) => x.sheetId === tab.sheetId)) {
    w.cells.forEach((r, i) => r.forEach((cell, j) => (values[w.row + i][w.column + j] = valueOf(cell))));
  }
  return { ...tab, values };
}

const col = (name: Column) => (HEADERS.unitTable as readonly string[]).indexOf(name);

const tabA = (): RoundTab =>
  unitTab('A', 10, [
    { code: 'A1', type: 'ya-tidak', cells: { 'Jawaban Mandiri': 'Ya', 'Jawaban Verifikasi': 'Tidak', 'Catatan Asesor': 'SOP belum disahkan', Bukti: 'http://x/1', 'Tindak Lanjut': 'Dalam proses' } },
    { code: 'A2', type: 'ya-sebagian-tidak', cells: { 'Jawaban Mandiri': 'Sebagian', 'Tindak Lanjut': 'Selesai' } },
    { code: 'A3', type: '0-4', weight: 2, cells: { 'Jawaban Mandiri': 2, 'Batas Waktu': 45700 } },
    { code: 'A4', type: 'ya-tidak', na: 'Ya', cells: { 'Jawaban Mandiri': 'N/A' } },
  ]);
const tabB = (): RoundTab =>
  unitTab('B', 11, [
    { code: 'A1', type: 'ya-tidak', cells: { 'Jawaban Mandiri': 'Ya' } },
    { code: 'A2', type: 'ya-sebagian-tidak', cells: { 'Jawaban Mandiri': 'Ya' } },
    { code: 'A3', type: '0-4', weight: 2, cells: { 'Jawaban Mandiri': 4 } },
    { code: 'A4', type: 'ya-tidak', na: 'Ya' },
  ]);

function start(tabs: RoundTab[]) {
  const result = planStartRound({
    lang: 'id',
    current: { name: 'R1', deadline: '2025-03-31' },
    next: { name: 'R2', deadline: '2025-09-30' },
    closedOn: '2025-04-15',
    tabs: tabs.map(readTab),
    categories: { categories: CATEGORIES, scale: SCORE_SCALE },
    aspects: [],
    ledger: [],
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.plan;
}

const readTab = (tab: RoundTab) => readUnitAnswers(tab, 'id');

function read(tab: RoundTab): UnitAnswers {
  const r = readTab(tab);
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.value;
}

describe('the new round input', () => {
  test('a name and a date are accepted, normalised', () => {
    expect(validateRoundInput({ name: '  2021   Penilaian Ulang ', deadline: '31/03/2025' }, '2020', [], 'id')).toEqual({
      ok: true,
      name: '2021 Penilaian Ulang',
      deadline: '2025-03-31',
    });
    expect(validateRoundInput({ name: 'R2' }, 'R1', [], 'en')).toEqual({ ok: true, name: 'R2', deadline: '' });
  });

  test.each([
    [{ name: ' ', deadline: '' }, 'Nama putaran baru kosong'],
    [{ name: 'r1', deadline: '' }, 'sama dengan putaran yang berjalan'],
    [{ name: 'R0', deadline: '' }, 'sudah ada di Riwayat'],
    [{ name: 'R2', deadline: '2025-02-30' }, 'bukan tanggal'],
    [{ name: 'x'.repeat(101), deadline: '' }, 'terlalu panjang'],
  ])('%j is refused with a message that says why', (input, message) => {
    const r = validateRoundInput(input, 'R1', ['R0'], 'id');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  test('closed rounds are listed once each, oldest first', () => {
    expect(closedRounds([[...RIWAYAT_HEADERS], ['R0', 'A'], ['R0', 'B'], ['', ''], ['R1', 'A']])).toEqual(['R0', 'R1']);
    expect(closedRounds([])).toEqual([]);
  });
});

describe('closing a round', () => {
  test('one Riwayat row per unit with the scores of the domain, category, findings, date and answers', () => {
    const plan = start([tabA(), tabB()]);
    const rows = plan.riwayat.map((r) => r.map(valueOf));
    // A: self (1 + 0.5 + 2·0.5)/4 = 62.5; final A1 verified Tidak → (0 + 0.5 + 1)/4 = 37.5, Merah, 3 findings.
    expect(rows[0]).toEqual(['R1', 'A', 62.5, 37.5, 'Merah', 3, 45762, '{"A1":"Tidak","A2":"Sebagian","A3":2,"A4":"N/A"}', 'Draf', 'Belum diverifikasi', 'Diisi']);
    // B: all yes, A4 unanswered (N/A allowed but empty: a finding, credit 0) → 4/5 = 80, Hijau, 1 finding.
    expect(rows[1]).toEqual(['R1', 'B', 80, 80, 'Hijau', 1, 45762, '{"A1":"Ya","A2":"Ya","A3":4}', 'Draf', 'Belum diverifikasi', 'Diisi']);
    expect(plan.riwayat[0]).toHaveLength(RIWAYAT_HEADERS.length);
    expect(plan.closed.map((c) => [c.code, c.summary.finalScore])).toEqual([['A', 37.5], ['B', 80]]);
  });

  test('effective answers move to Jawaban Putaran Lalu; the answers are cleared; Tindak Lanjut and Batas Waktu stay', () => {
    const before = tabA();
    const plan = start([before]);
    const after = apply(before, plan.writes);
    const data = after.values.slice(7);
    expect(data.map((r) => r[col('Jawaban Putaran Lalu')])).toEqual(['Tidak', 'Sebagian', 2, 'N/A']);
    for (const c of CLEARED_COLUMNS) expect(data.map((r) => r[col(c)])).toEqual(['', '', '', '']);
    expect(data.map((r) => r[col('Tindak Lanjut')])).toEqual(['Dalam proses', 'Selesai', '', '']);
    expect(data.map((r) => r[col('Batas Waktu')])).toEqual(['', '', 45700, '']);
    expect(after.values[1][1]).toBe('R2');
    expect(after.values[2][1]).toBe(45930); // 2025-09-30
    // Two blocks per tab in the standard layout (F:I and M) plus the two header cells.
    expect(plan.writes.filter((w) => w.sheetId === 10)).toHaveLength(4);
  });

  test('every indicator row of every tab goes to Arsip Jawaban as the round leaves it, answered or not', () => {
    const a = tabA();
    const withNote = { ...a, values: a.values.map((r, i) => r.map((c, j) => (i === 7 && j === col('Keterangan Tindak Lanjut') ? 'Papan dipesan' : c))) };
    // Tab B was made before Keterangan Tindak Lanjut: its column is missing.
    const old = tabB();
    const gone = col('Keterangan Tindak Lanjut');
    const values = old.values.map((r) => r.filter((_, i) => i !== gone));
    const plan = start([withNote, { ...old, values }]);
    const rows = plan.archive.map((r) => r.map(valueOf));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(['R1', 'A', 'A1', 'Ya', 'http://x/1', 'Tidak', 'SOP belum disahkan', 'Dalam proses', 'Papan dipesan']);
    expect(rows[1]).toEqual(['R1', 'A', 'A2', 'Sebagian', '', '', '', 'Selesai', '']);
    // Tab B has no Keterangan Tindak Lanjut column: written empty.
    expect(rows[7]).toEqual(['R1', 'B', 'A4', '', '', '', '', '', '']);
    expect(rows.every((r) => r.length === HEADERS.arsipJawaban.length)).toBe(true);
  });

  test('the answered rows are counted: a round nobody answered counts none', () => {
    expect(start([tabA(), tabB()]).answered).toBe(7);
    const empty = unitTab('C', 12, [{ code: 'A1', type: 'ya-tidak', cells: { Bukti: 'foto.jpg', 'Tindak Lanjut': 'Belum' } }, { code: 'A2', type: 'ya-tidak' }]);
    expect(start([empty]).answered).toBe(0);
  });

  test('an unreadable tab stops the whole round with a message naming it', () => {
    const broken: RoundTab = { code: 'C', sheetId: 12, title: 'C Unit', values: [['nothing here']] };
    const r = planStartRound({
      lang: 'id',
      current: { name: 'R1', deadline: '' },
      next: { name: 'R2', deadline: '' },
      closedOn: '2025-04-15',
      tabs: [tabA(), broken].map(readTab),
      categories: { categories: CATEGORIES, scale: SCORE_SCALE },
      aspects: [],
      ledger: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('C Unit');
  });
});

describe('undoing a round', () => {
  const riwayatAfter = (plan: ReturnType<typeof start>) => [[...RIWAYAT_HEADERS], ['R0', 'A'], ...plan.riwayat.map((r) => r.map(valueOf))];
  const archiveAfter = (plan: ReturnType<typeof start>) => [[...HEADERS.arsipJawaban], ['R0', 'A', 'A1', 'Ya'], ...plan.archive.map((r) => r.map(valueOf))];

  test('start then undo gives back every overwritten cell and removes the closed rows from Riwayat', () => {
    const tabs = [tabA(), tabB()];
    const plan = start(tabs);
    const after = tabs.map((t) => apply(t, plan.writes));
    const undo = planUndoRound({ lang: 'id', snapshot: plan.snapshot.map((r) => r.map(valueOf)), riwayat: riwayatAfter(plan), archive: archiveAfter(plan), current: 'R2', tabs: after.map(readTab) });
    expect(undo.ok).toBe(true);
    if (!undo.ok) return;
    expect(undo.plan.reopened).toEqual({ name: 'R1', deadline: '2025-03-31' });
    expect(undo.plan.riwayatRows).toEqual([3, 2]);
    // The archive rows of R1 (two tabs of four indicators, after the header and an R0 row), last first.
    expect(undo.plan.archiveRows).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
    const restored = after.map((t) => apply(t, undo.plan.writes));
    restored.forEach((t, i) => {
      for (const c of [...ROUND_COLUMNS, 'Tindak Lanjut' as const]) {
        expect(t.values.map((r) => r[col(c)])).toEqual(tabs[i].values.map((r) => r[col(c)]));
      }
      expect(t.values[1][1]).toBe('R1');
      expect(t.values[2][1]).toBe(DEADLINE_SERIAL);
    });
  });

  test('once an answer of the new round is entered, undo refuses and says where', () => {
    const plan = start([tabA()]);
    const after = apply(tabA(), plan.writes);
    const edited = { ...after, values: after.values.map((r) => [...r]) };
    edited.values[9][col('Bukti')] = 'foto.jpg';
    const undo = planUndoRound({ lang: 'id', snapshot: plan.snapshot.map((r) => r.map(valueOf)), riwayat: riwayatAfter(plan), archive: archiveAfter(plan), current: 'R2', tabs: [edited].map(readTab) });
    expect(undo).toEqual({ ok: false, error: expect.stringContaining('baris 10, kolom Bukti') });
  });

  test('without a snapshot there is nothing to undo', () => {
    expect(planUndoRound({ lang: 'en', snapshot: [], riwayat: [], archive: [], current: 'R1', tabs: [] })).toEqual({ ok: false, error: 'There is no round to undo.' });
  });
});

describe('follow-ups and deadlines', () => {
  test('a finding is overdue after its deadline (row, else round) unless its follow-up is Selesai', () => {
    const unit = read(tabA());
    // Findings: A1 (Dalam proses, round deadline), A2 (Selesai), A3 (row deadline 2025-02-12).
    expect(overdueFindings(unit, '2025-03-31', '2025-02-12').map((f) => f.code)).toEqual([]);
    expect(overdueFindings(unit, '2025-03-31', '2025-02-13').map((f) => f.code)).toEqual(['A3']);
    expect(overdueFindings(unit, '2025-03-31', '2025-03-31').map((f) => f.code)).toEqual(['A3']);
    const late = overdueFindings(unit, '2025-03-31', '2025-04-01');
    expect(late.map((f) => [f.code, f.deadline, f.followUp])).toEqual([
      ['A1', '2025-03-31', 'Dalam proses'],
      ['A3', '2025-02-12', ''],
    ]);
    expect(overdueFindings(unit, '', '2030-01-01').map((f) => f.code)).toEqual(['A3']);
  });

  test('open follow-ups count the findings not marked Selesai', () => {
    expect(openFollowUps(read(tabA()))).toBe(2);
    expect(openFollowUps(read(tabB()))).toBe(1);
  });
});

describe('progress since the last round', () => {
  test('last round findings split into improved and still open; none before a first round', () => {
    expect(roundProgress(read(tabA()))).toBeNull();
    const after = apply(tabA(), start([tabA()]).writes);
    // Nothing answered yet in the new round: nothing to compare, not "every finding met".
    expect(roundProgress(read(after))).toBeNull();
    const values = after.values.map((r) => [...r]);
    values[7][col('Jawaban Mandiri')] = 'Ya'; // A1 was Tidak: improved
    values[8][col('Jawaban Mandiri')] = 'Sebagian'; // A2 still partial: still open
    values[9][col('Jawaban Mandiri')] = 4; // A3 was 2/4: improved
    const progress = roundProgress(read({ ...after, values }));
    expect(progress).toEqual({
      improved: [{ code: 'A1', text: 'Indikator A1' }, { code: 'A3', text: 'Indikator A3' }],
      stillOpen: [{ code: 'A2', text: 'Indikator A2' }],
    });
    const rendered = withProgress('id', { improved: [{ code: '<b>', text: 'a & b' }], stillOpen: [] });
    expect(rendered.html).toContain('[&lt;b&gt;] a &amp; b');
    expect(rendered.html).not.toContain('<b>');
    expect(rendered.text).toContain('Masih terbuka (0):\n  tidak ada');
    const scored = withProgress('en', { improved: [], stillOpen: [] }, { previousScore: 62.5, finalScore: 75 });
    expect(scored.text).toContain('Final score: 62.5 in the last round, 75 now (+12.5).');
    expect(withProgress('id', { improved: [], stillOpen: [] }, { previousScore: 80, finalScore: 70.25 }).text).toContain('(-9,75)');
  });
});

/** A findings email with a progress section (and no finding), as a later round sends it. */
function withProgress(lang: 'id' | 'en', items: RoundProgress, score = { previousScore: null as number | null, finalScore: null as number | null }) {
  return renderFindingsEmail({
    lang,
    settings: { namaKegiatan: 'Pendampingan', instansiPenilai: 'Ombudsman', putaran: 'R2', batasWaktu: '' },
    unit: { code: 'U1', name: 'Dinas', picName: '' },
    summary: { selfScore: score.finalScore, finalScore: score.finalScore, category: '' },
    categories: { categories: CATEGORIES, scale: SCORE_SCALE },
    findings: [],
    tabUrl: '',
    progress: { items, ...score },
  });
}

describe('the reminder email', () => {
  test('lists the overdue findings with their follow-up, escaping what people typed', () => {
    const unit = read(tabA());
    const overdue = overdueFindings(unit, '2025-03-31', '2025-04-01').map((f) => ({ ...f, text: '<script>x</script>' }));
    const base = {
      lang: 'id' as const,
      settings: { namaKegiatan: 'Pendampingan', instansiPenilai: 'Ombudsman <Jambi>', putaran: 'R1' },
      unit: { code: 'A', name: 'Dinas A', picName: '' },
      overdue,
      tabUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=10',
    };
    const mail = renderReminderEmail(base);
    expect(mail.subject).toBe('Pengingat: 2 temuan melewati batas waktu — Dinas A (Pendampingan)');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('Ombudsman &lt;Jambi&gt;');
    expect(mail.text).toContain('Tindak Lanjut: Belum diisi');
    expect(mail.text).toContain('31 Maret 2025');
    expect(mail.kind).toBe('reminder');
    for (const header of ['Kode', 'Indikator', 'Saran perbaikan', 'Batas Waktu', 'Tindak Lanjut']) expect(mail.html).toContain(`>${header}</th>`);
    const en = renderReminderEmail({ ...base, lang: 'en', unit: { ...base.unit, picName: 'Budi' }, tabUrl: '' });
    expect(en.subject).toBe('Reminder: 2 findings past their deadline — Dinas A (Pendampingan)');
    expect(en.html).toContain('>Follow-up</th>');
    expect(en.text).toContain('Dear Budi,');
    expect(en.html).not.toContain('<a href');
  });

  test('the follow-up in words goes after its status (or after "not filled in")', () => {
    const a = tabA();
    const note = col('Keterangan Tindak Lanjut');
    const values = a.values.map((r, i) => r.map((c, j) => (j === note && i >= 7 ? `Banner dipasang ${i}` : c)));
    const overdue = overdueFindings(read({ ...a, values }), '2025-03-31', '2025-04-01');
    expect(overdue.map((f) => [f.followUp, f.followUpNote])).toEqual([
      ['Dalam proses', 'Banner dipasang 7'],
      ['', 'Banner dipasang 9'],
    ]);
    const mail = renderReminderEmail({
      lang: 'id',
      settings: { namaKegiatan: 'Pendampingan', instansiPenilai: 'Ombudsman', putaran: 'R1' },
      unit: { code: 'A', name: 'Dinas A', picName: '' },
      overdue,
      tabUrl: '',
    });
    expect(mail.text).toContain('Tindak Lanjut: Dalam proses — Banner dipasang 7');
    expect(mail.text).toContain('Tindak Lanjut: Belum diisi — Banner dipasang 9');
  });
});
