// Rekap for the head of office, through the built bundle on an opini-2025 workbook: the rank of
// the verified units, the Skor Akhir per aspect, the Kategori cells coloured by their zone, the
// counts per Jenis × Kategori and the trend over the rounds, each checked against a computation
// of its own here (credits, weights and thresholds read from the workbook's tabs, not from the
// add-on's code); the category shown with its Keterangan, zone and the Tanpa Maladministrasi
// qualifier in the unit tab, Rekap and the findings email; and the zone colours kept by an
// .xlsx save.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../local/model/types';
import { newWorkbook } from '../../local/model/workbook';
import { LocalRuntime } from '../../local/runtime';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, a1, ok, outbox, setStatus, setting, sheet, tempOutbox, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const ASSESSOR = 'asesor@ombudsman.go.id';
const ROUND_1 = '2025 Pendampingan';
const QUALIFIER = 'Tanpa Maladministrasi';

/** Six units of three Jenis; U5 answers as U1 does (same Jenis), so the two share a rank. */
const UNITS = [
  { code: 'U1', type: 'Dinas', seed: 1, verified: true },
  { code: 'U2', type: 'Dinas', seed: 2, verified: true },
  { code: 'U3', type: 'Kecamatan', seed: 3, verified: true },
  { code: 'U4', type: 'Desa', seed: 4, verified: true },
  { code: 'U5', type: 'Dinas', seed: 1, verified: true },
  { code: 'U6', type: 'Kecamatan', seed: 6, verified: false },
] as const;

function unitsCsv(): string {
  const rows = UNITS.map((u) => [u.code, `Unit ${u.code}`, u.type, `PIC ${u.code}`, `pic.${u.code.toLowerCase()}@pemkab.go.id`, ASSESSOR].join(','));
  return ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor', ...rows].join('\n');
}

/** The answer of the i-th indicator of a unit, by its Jenis Jawaban, spread over the vocabulary. */
function answerFor(type: string, i: number, seed: number): string {
  const k = (i * 7 + seed * 3) % 5;
  if (type === 'ya-tidak') return k < 3 ? 'Ya' : 'Tidak';
  if (type === 'ya-sebagian-tidak') return ['Ya', 'Sebagian', 'Tidak', 'Ya', 'Sebagian'][k];
  const max = Number(/^0-(\d+)$/.exec(type)?.[1]);
  return String((i + seed) % (max + 1));
}

/** The credit of an answer as docs/WORKBOOK.md defines it. */
function credit(type: string, answer: string): number {
  if (answer === 'Ya') return 1;
  if (answer === 'Sebagian') return 0.5;
  if (answer === 'Tidak') return 0;
  return Number(answer) / Number(/^0-(\d+)$/.exec(type)?.[1]);
}

const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(15))) / 100;

interface Expected {
  aspects: Map<string, number>;
  final: number;
}

/** Types every unit's Jawaban Mandiri and returns, per unit, its aspect scores and Skor Akhir computed here. */
function answerAll(rt: LocalRuntime): Map<string, Expected> {
  const weights = new Map(
    values(sheet(rt.workbook, 'Aspek'))
      .slice(1)
      .filter((r) => r[0] !== '')
      .map((r) => [String(r[0]), Number(r[1])] as const),
  );
  const out = new Map<string, Expected>();
  for (const u of UNITS) {
    const s = unitSheet(rt.workbook, u.code);
    const v = values(s);
    const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
    const [aspectAt, weightAt, typeAt, answerAt] = ['Aspek', 'Bobot', 'Jenis Jawaban', 'Jawaban Mandiri'].map((h) => v[header].indexOf(h));
    const sums = new Map<string, { num: number; den: number }>();
    v.slice(header + 1).forEach((r, i) => {
      if (r[0] === '') return;
      const type = String(r[typeAt]);
      const answer = answerFor(type, i, u.seed);
      const edit = rt.edit(ADMIN, s.title, a1(header + 1 + i, answerAt), answer);
      if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
      const sum = sums.get(String(r[aspectAt])) ?? { num: 0, den: 0 };
      sum.num += Number(r[weightAt]) * credit(type, answer);
      sum.den += Number(r[weightAt]);
      sums.set(String(r[aspectAt]), sum);
    });
    let num = 0;
    let den = 0;
    const aspects = new Map<string, number>();
    for (const [aspect, sum] of sums) {
      aspects.set(aspect, round2((100 * sum.num) / sum.den));
      num += (weights.get(aspect) as number) * (sum.num / sum.den);
      den += weights.get(aspect) as number;
    }
    out.set(u.code, { aspects, final: round2((100 * num) / den) });
  }
  return out;
}

interface Category {
  name: string;
  min: number;
  description: string;
  zone: string;
}

function categoriesOf(wb: WorkbookModel): Category[] {
  return values(sheet(wb, 'Kategori'))
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => ({ name: String(r[0]), min: Number(r[1]), description: String(r[2]), zone: String(r[3]) }));
}

function categoryOf(score: number, categories: readonly Category[]): Category {
  return [...categories].sort((a, b) => b.min - a.min).find((c) => c.min <= score) as Category;
}

/** "B — Kualitas Tinggi, Zona Hijau", with " — Tanpa Maladministrasi" when it holds (docs/WORKBOOK.md, Kategori). */
function shown(c: Category, qualified: boolean): string {
  return `${c.name} — ${c.description}, Zona ${c.zone}${qualified ? ` — ${QUALIFIER}` : ''}`;
}

/** Rekap's rows keyed by header. */
function recapRows(wb: WorkbookModel): Map<string, Record<string, unknown>> {
  const [header, ...rows] = values(sheet(wb, 'Rekap'));
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    if (!UNITS.some((u) => u.code === row[0])) continue;
    const entries = header.map((h, i) => [String(h), row[i] ?? ''] as const).filter(([h]) => h !== '');
    out.set(String(row[0]), Object.fromEntries(entries.reverse()));
  }
  return out;
}

/** The cell of the qualifier's value on a unit tab (right of its label), as A1. */
function qualifierCell(wb: WorkbookModel, code: string): { tab: string; a1: string; row: number; column: number } {
  const s = unitSheet(wb, code);
  const v = values(s);
  const row = v.findIndex((r) => r.includes(QUALIFIER));
  if (row < 0) throw new Error(`no ${QUALIFIER} on ${s.title}`);
  const column = v[row].indexOf(QUALIFIER) + 1;
  return { tab: s.title, a1: a1(row, column), row, column };
}

/** A grid block of Rekap found by its header row's first cell (below the count block), as rows. */
function blockAt(wb: WorkbookModel, first: string, second: string): { rows: unknown[][]; header: unknown[]; column: number } {
  const v = values(sheet(wb, 'Rekap'));
  for (let r = 0; r < v.length; r++) {
    const c = v[r].findIndex((cell, i) => cell === first && v[r][i + 1] === second);
    if (c < 0) continue;
    const rows: unknown[][] = [];
    for (let k = r + 1; k < v.length && (v[k][c] ?? '') !== ''; k++) rows.push(v[k].slice(c));
    return { rows, header: v[r].slice(c), column: c };
  }
  throw new Error(`no block ${first} | ${second} in Rekap`);
}

describe('an opini-2025 programme of six units, five verified', () => {
  const box = tempOutbox();
  let rt: LocalRuntime;
  let expected: Map<string, Expected>;
  let categories: Category[];

  beforeAll(async () => {
    rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW, outbox: box });
    ok(rt.run('setupWorkbook', { profile: 'opini-2025' }));
    setting(rt, 'putaran', ROUND_1);
    setting(rt, 'batas_waktu', '2025-04-30');
    setting(rt, 'instansi_penilai', 'Ombudsman RI Perwakilan Jambi');
    setting(rt, 'email_balasan', 'balasan@ombudsman.go.id');
    ok(rt.run('addUnits', unitsCsv()));
    ok(rt.run('generateUnitTabs'));
    expected = answerAll(rt);
    categories = categoriesOf(rt.workbook);
    for (const u of UNITS) {
      setStatus(rt, u.code, 'Status Pengisian', 'Diajukan');
      if (u.verified) setStatus(rt, u.code, 'Status Verifikasi', 'Terverifikasi', ASSESSOR);
    }
    const q = qualifierCell(rt.workbook, 'U2');
    const edit = rt.edit(ASSESSOR, q.tab, q.a1, 'Ya');
    if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    ok(rt.run('refreshRecap'));
  });

  test('the qualifier is the assessor’s: its PIC cannot set it, and it has a Ya/Tidak dropdown', () => {
    const q = qualifierCell(rt.workbook, 'U3');
    expect(rt.edit('pic.u3@pemkab.go.id', q.tab, q.a1, 'Ya').ok).toBe(false);
    expect(values(unitSheet(rt.workbook, 'U3'))[q.row][q.column]).toBe('Tidak');
    const validation = unitSheet(rt.workbook, 'U3').dataValidations.find(
      (d) => d.range.startRowIndex === q.row && d.range.startColumnIndex === q.column,
    );
    expect(validation?.rule.condition.values?.map((x) => x.userEnteredValue)).toEqual(['Ya', 'Tidak']);
  });

  test('the unit tab summary shows the category with its Keterangan and zone, and the qualifier where it holds', () => {
    for (const u of UNITS) {
      const v = values(unitSheet(rt.workbook, u.code));
      const labels = v.findIndex((r) => r.includes('Skor Akhir') && r.includes('Kategori'));
      const final = (expected.get(u.code) as Expected).final;
      expect(v[labels + 1][v[labels].indexOf('Skor Akhir')]).toBe(final);
      expect(v[labels + 1][v[labels].indexOf('Kategori')]).toBe(shown(categoryOf(final, categories), u.code === 'U2'));
      // On the 0-100 scale there is no index: the summary spills five cells, the qualifier after a gap.
      expect(v[labels].filter((h) => String(h).startsWith('Indeks'))).toEqual([]);
      expect(v[labels + 1].slice(6, 8)).toEqual(['', '']);
    }
    expect(values(sheet(rt.workbook, 'Rekap'))[0].filter((h) => String(h).startsWith('Indeks'))).toEqual([]);
  });

  test('Rekap: per-aspect scores, Kategori with its meaning, and the rank of the verified units', () => {
    const rows = recapRows(rt.workbook);
    const verified = UNITS.filter((u) => u.verified).map((u) => (expected.get(u.code) as Expected).final);
    for (const u of UNITS) {
      const row = rows.get(u.code) as Record<string, unknown>;
      const e = expected.get(u.code) as Expected;
      expect(row['Skor Akhir']).toBe(e.final);
      for (const aspect of ['Input', 'Proses', 'Output', 'Pengaduan', 'Kepercayaan Masyarakat']) {
        expect(row[`Skor ${aspect}`]).toBe(e.aspects.get(aspect) ?? '');
      }
      expect(row.Kategori).toBe(u.verified ? shown(categoryOf(e.final, categories), u.code === 'U2') : 'Belum diverifikasi');
      expect(row.Peringkat).toBe(u.verified ? 1 + verified.filter((s) => s > e.final).length : '');
    }
    // U1 and U5 answered alike: equal scores, one rank.
    expect((rows.get('U1') as Record<string, unknown>).Peringkat).toBe((rows.get('U5') as Record<string, unknown>).Peringkat);
    // Rekap's pinned columns stay where the contract puts them; the new ones follow Tab.
    const header = values(sheet(rt.workbook, 'Rekap'))[0];
    expect(header.slice(0, 17)).toEqual([
      'Kode', 'Nama Unit', 'Jenis', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan', 'Skor Putaran Lalu', 'Perubahan',
      'Email Terakhir', 'Tahap', 'Perubahan Kategori', 'Tindak Lanjut Terbuka', 'Tab', 'Peringkat', 'Skor Input',
    ]);
  });

  test('each Kategori cell matches exactly the zone rule of its category (evaluated as Sheets would)', () => {
    const rekap = sheet(rt.workbook, 'Rekap');
    const v = values(rekap);
    const kategori = v[0].indexOf('Kategori');
    const rules = rekap.conditionalFormats.filter((f) => f.ranges.some((r) => r.startColumnIndex === kategori && r.endColumnIndex === kategori + 1));
    const colours: Record<string, string> = { Hijau: '#b7e1cd', Kuning: '#fce8b2', Merah: '#f4c7c3' };
    expect(rules.map((r) => r.booleanRule.format.backgroundColor).sort()).toEqual(
      [...new Set(categories.map((c) => colours[c.zone]))].sort(),
    );
    // A free cell of each row: the empty column between Rekap's own columns and the count block.
    const scratch = v[0].findIndex((h, i) => i > kategori && h === '');
    v.forEach((row, r) => {
      const unit = UNITS.find((u) => u.code === row[0]);
      if (!unit) return;
      const final = (expected.get(unit.code) as Expected).final;
      const painted = rules.filter((rule) => {
        expect(rule.ranges[0].startRowIndex).toBeLessThanOrEqual(r);
        expect(rule.ranges[0].endRowIndex).toBeGreaterThan(r);
        // The rule's formula is relative to its range's top row: moved down to this row.
        const top = (rule.ranges[0].startRowIndex as number) + 1;
        const moved = (rule.booleanRule.condition.values?.[0].userEnteredValue as string).replaceAll(`$F${top}`, `$F${r + 1}`);
        expect(rt.edit(ADMIN, 'Rekap', a1(r, scratch), moved).ok).toBe(true);
        return values(sheet(rt.workbook, 'Rekap'))[r][scratch] === true;
      });
      const zone = unit.verified ? colours[categoryOf(final, categories).zone] : undefined;
      expect(painted.map((rule) => rule.booleanRule.format.backgroundColor)).toEqual(zone ? [zone] : []);
      expect(rt.edit(ADMIN, 'Rekap', a1(r, scratch), '').ok).toBe(true);
    });
  });

  test('Rekap counts the verified units per Jenis × Kategori', () => {
    const block = blockAt(rt.workbook, 'Jenis', categories[0].name);
    const names = block.header.slice(1, 1 + categories.length);
    expect(names).toEqual(categories.map((c) => c.name));
    expect(block.rows.map((r) => r[0])).toEqual(['Dinas', 'Kecamatan', 'Desa']);
    for (const row of block.rows) {
      const counts = categories.map(
        (c) => UNITS.filter((u) => u.verified && u.type === row[0] && categoryOf((expected.get(u.code) as Expected).final, categories).name === c.name).length,
      );
      expect(row.slice(1, 1 + categories.length)).toEqual(counts);
    }
  });

  test('the findings email shows the qualifier after the category', async () => {
    ok(rt.run('sendFindingsBatch', {}));
    const mails = await outbox(box);
    const text = (code: string) => mails.find((m) => m.mail.subject?.includes(`Unit ${code}`))?.mail.text ?? '';
    const final = (expected.get('U2') as Expected).final;
    expect(text('U2')).toContain(shown(categoryOf(final, categories), true));
    expect(text('U1')).toContain(shown(categoryOf((expected.get('U1') as Expected).final, categories), false));
    expect(text('U1')).not.toContain(QUALIFIER);
  });

  describe('after the round is closed', () => {
    beforeAll(() => {
      ok(rt.run('startNewRound', { name: '2026 Pendampingan' }));
      ok(rt.run('refreshRecap'));
    });

    test('the trend gives the closed round its average Skor Akhir and count per category, with a line chart', () => {
      const block = blockAt(rt.workbook, 'Putaran', 'Rata-rata Skor Akhir');
      expect(block.rows.map((r) => r[0])).toEqual([ROUND_1, '2026 Pendampingan']);
      const finals = UNITS.map((u) => (expected.get(u.code) as Expected).final);
      const [closed, active] = block.rows;
      expect(closed[1]).toBe(round2(finals.reduce((a, b) => a + b, 0) / finals.length));
      expect(closed.slice(2, 2 + categories.length)).toEqual(categories.map((c) => finals.filter((f) => categoryOf(f, categories).name === c.name).length));
      // The new round: nobody has answered yet.
      expect(active[1]).toBe('');
      expect(active.slice(2, 2 + categories.length)).toEqual(categories.map(() => 0));
      const rekap = sheet(rt.workbook, 'Rekap');
      const header = values(rekap).findIndex((r) => r[block.column] === 'Putaran');
      const line = rekap.charts.find((c) => (c.spec.basicChart as { chartType: string }).chartType === 'LINE');
      const domain = (line?.spec.basicChart as { domains: { domain: { sourceRange: { sources: { startRowIndex: number; endRowIndex: number }[] } } }[] }).domains[0];
      expect(domain.domain.sourceRange.sources[0]).toMatchObject({ startRowIndex: header + 1, endRowIndex: header + 3 });
      expect(rekap.charts).toHaveLength(2);
    });

    test('the zone colours survive the .xlsx save, natively for Excel and LibreOffice too', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'pendamping-rekap-')), 'rekap.xlsx');
      await saveWorkbook(rt.workbook, file);
      const again = await loadWorkbook(file);
      const rules = (wb: WorkbookModel) => sheet(wb, 'Rekap').conditionalFormats.map((f) => ({ ranges: f.ranges, booleanRule: f.booleanRule }));
      expect(rules(again)).toEqual(rules(rt.workbook));
      expect(rules(again).length).toBeGreaterThan(0);
      const excel = new ExcelJS.Workbook();
      await excel.xlsx.readFile(file);
      const native = (excel.getWorksheet('Rekap') as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] })
        .conditionalFormattings;
      expect(native.map((f) => f.rules[0].formulae[0])).toEqual(
        sheet(rt.workbook, 'Rekap').conditionalFormats.map((f) => (f.booleanRule.condition.values?.[0].userEnteredValue as string).slice(1)),
      );
    });
  });
});

/** A new opini-2025 workbook of UNITS with their tabs, U1's tab and its qualifier cell. */
async function generatedOpini2025(): Promise<{ rt: LocalRuntime; s: ReturnType<typeof unitSheet>; q: ReturnType<typeof qualifierCell> }> {
  const rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW });
  ok(rt.run('setupWorkbook', { profile: 'opini-2025' }));
  ok(rt.run('addUnits', unitsCsv()));
  ok(rt.run('generateUnitTabs'));
  return { rt, s: unitSheet(rt.workbook, 'U1'), q: qualifierCell(rt.workbook, 'U1') };
}

test('a tab made before the qualifier gets it on the next generation, every answer and status kept', async () => {
  // The tab as an older version left it: no qualifier cells, the summary formula without them.
  const { rt, s, q } = await generatedOpini2025();
  const summary = values(s).findIndex((r) => r.includes('Hasil'));
  const formulaCell = s.rows[summary][1];
  const old = String(formulaCell?.formula).replace(/,I5:J5\)$/, ')');
  for (const [cell, value] of [[a1(q.row, q.column - 1), ''], [q.a1, ''], [a1(summary, 1), old]] as const) {
    if (!rt.edit(ADMIN, s.title, cell, value).ok) throw new Error(`edit ${cell} refused`);
  }
  expect(values(s).some((r) => r.includes(QUALIFIER))).toBe(false);
  const header = values(s).findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const answerAt = values(s)[header].indexOf('Jawaban Mandiri');
  const answer = answerFor(String(values(s)[header + 1][values(s)[header].indexOf('Jenis Jawaban')]), 0, 1);
  expect(rt.edit(ADMIN, s.title, a1(header + 1, answerAt), answer).ok).toBe(true);
  setStatus(rt, 'U1', 'Status Verifikasi', 'Terverifikasi', ASSESSOR);
  ok(rt.run('generateUnitTabs'));
  const after = values(unitSheet(rt.workbook, 'U1'));
  expect(String(after[header + 1][answerAt])).toBe(answer);
  const again = qualifierCell(rt.workbook, 'U1');
  expect(after[again.row][again.column]).toBe('Tidak');
  expect(after.some((r) => r.includes('Terverifikasi'))).toBe(true);
  // Set, it is kept by the next generation too.
  expect(rt.edit(ASSESSOR, again.tab, again.a1, 'Ya').ok).toBe(true);
  ok(rt.run('generateUnitTabs'));
  expect(values(unitSheet(rt.workbook, 'U1'))[again.row][again.column]).toBe('Ya');
});

test('a qualifier at G5:H5 (where it sat before the index) moves to I5:J5 at the next generation, its value kept', async () => {
  const { rt, s, q } = await generatedOpini2025();
  expect(q.a1).toBe('J5');
  // The tab as the version before the index left it: label G5, value H5 (Ya), the formula reading G5:H5.
  const old = String(s.rows[q.row][1]?.formula).replace(/,I5:J5\)$/, ',G5:H5)');
  const edits = [['I5', ''], ['J5', ''], ['G5', QUALIFIER], ['H5', 'Ya'], ['B5', old]] as const;
  for (const [cell, value] of edits) if (!rt.edit(ADMIN, s.title, cell, value).ok) throw new Error(`edit ${cell} refused`);
  ok(rt.run('generateUnitTabs'));
  const after = values(unitSheet(rt.workbook, 'U1'));
  const moved = qualifierCell(rt.workbook, 'U1');
  expect([moved.a1, after[moved.row][moved.column]]).toEqual(['J5', 'Ya']);
  expect(after[moved.row].slice(6, 8)).toEqual(['', '']);
  expect(String(unitSheet(rt.workbook, 'U1').rows[moved.row][1]?.formula)).toMatch(/,I5:J5\)$/);
});
