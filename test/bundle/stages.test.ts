// Each unit's stage through the built bundle: the two statuses on every unit tab and who may
// set them (edits typed as each person, protections honoured), Rekap's Tahap, Kategori and
// count block at every stage (live, and the same as the domain's one stage function), a tab
// nobody has answered scoring empty everywhere, and the statuses added to a tab made before
// they existed without losing anything.
import type { SheetModel, WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { parseLedger } from '../../src/domain/ledger';
import { unitStage } from '../../src/domain/stage';
import { readUnitAnswers, statusOf } from '../../src/domain/unit-tab';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, a1, fillColumn, generated, ok, reopen, setStatus, sheet, statusCell, tempOutbox, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const ASSESSOR = 'asesor@ombudsman.go.id';
const OTHER_ASSESSOR = 'asesor.lain@ombudsman.go.id';
const pic = (code: string) => `pic.${code.toLowerCase()}@pemkab.go.id`;

/** The PIC answers every indicator: Tidak on the first two, Ya elsewhere. */
function selfAssess(rt: LocalRuntime, code: string): void {
  const s = unitSheet(rt.workbook, code);
  const v = values(s);
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const column = v[header].indexOf('Jawaban Mandiri');
  v.slice(header + 1).forEach((r, i) => {
    if (r[0] === '') return;
    const edit = rt.edit(pic(code), s.title, `${String.fromCharCode(65 + column)}${header + 2 + i}`, i < 2 ? 'Tidak' : 'Ya');
    if (!edit.ok) throw new Error(`the PIC's edit was refused: ${JSON.stringify(edit)}`);
  });
}

/** What a status of a unit's tab holds. */
function statusValue(rt: LocalRuntime, code: string, label: 'Status Pengisian' | 'Status Verifikasi'): unknown {
  const v = values(unitSheet(rt.workbook, code));
  const row = v.findIndex((r) => r.includes(label));
  return v[row][v[row].indexOf(label) + 1];
}

/** Rekap's rows by Kode, as objects keyed by header (the first column of each name). */
function recap(wb: WorkbookModel): Map<string, Record<string, unknown>> {
  const [header, ...rows] = values(sheet(wb, 'Rekap'));
  const byHeader = (row: unknown[]) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? '']).reverse());
  return new Map(rows.filter((r) => r[0] !== '').map((r) => [String(r[0]), byHeader(r)]));
}

/** The count block's number right of a label (the block is found by its header, right of Rekap's own columns). */
function countOf(wb: WorkbookModel, label: string): unknown {
  const rows = values(sheet(wb, 'Rekap'));
  const at = rows[0].lastIndexOf('Jumlah Unit') - 1;
  const row = rows.find((r) => r[at] === label);
  if (row === undefined) throw new Error(`no count ${label}`);
  return row[at + 1];
}

/** The stage the domain's one function gives a unit, from its tab and Log Email as they are. */
function domainStage(rt: LocalRuntime, code: string): string {
  const s = unitSheet(rt.workbook, code);
  const tabValues = values(s);
  const read = readUnitAnswers({ code, sheetId: s.sheetId, title: s.title, values: tabValues }, 'id');
  if (!read.ok) throw new Error(read.problems[0].message);
  const putaran = values(sheet(rt.workbook, 'Pengaturan')).find((r) => r[0] === 'putaran')?.[1];
  const ledger = parseLedger(values(sheet(rt.workbook, 'Log Email')));
  return unitStage({ code, round: String(putaran ?? ''), status: statusOf(read.value.layout), answers: read.value.answers, ledger });
}

describe('who may set the statuses', () => {
  const USERS = {
    PIC: pic('U1'),
    assessor: ASSESSOR,
    admin: ADMIN,
    'another unit’s PIC': pic('U2'),
    'another unit’s assessor': OTHER_ASSESSOR,
    'someone else': 'warga@contoh.example',
  } as const;
  const MAY: Record<keyof typeof USERS, { fill: boolean; verify: boolean }> = {
    PIC: { fill: true, verify: false },
    assessor: { fill: true, verify: true },
    admin: { fill: true, verify: true },
    'another unit’s PIC': { fill: false, verify: false },
    'another unit’s assessor': { fill: false, verify: false },
    'someone else': { fill: false, verify: false },
  };
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await generated([{ code: 'U1' }, { code: 'U2', assessorEmails: OTHER_ASSESSOR }], { outbox: tempOutbox() });
  });

  test('a new tab starts at Draf and Belum diverifikasi, each value right of its label, with its dropdown', () => {
    const s = unitSheet(rt.workbook, 'U1');
    for (const [label, value] of [
      ['Status Pengisian', 'Draf'],
      ['Status Verifikasi', 'Belum diverifikasi'],
    ] as const) {
      const at = statusCell(rt, 'U1', label);
      const row = Number(at.a1.slice(1)) - 1;
      const column = at.a1.charCodeAt(0) - 65;
      expect(s.rows[row][column]?.value).toBe(value);
      expect(s.rows[row][column - 1]?.value).toBe(label);
      const rule = s.dataValidations.find((d) => d.range.startRowIndex === row && d.range.startColumnIndex === column);
      expect(rule?.rule.strict).toBe(true);
    }
    // The table is where tools look for it, and the summary is the one custom-function cell.
    expect(values(s).findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'))).toBe(6);
    expect(s.rows.flat().filter((c) => c?.formula?.includes('KEPATUHAN'))).toHaveLength(1);
    expect(s.protectedRanges.map((p) => p.description).sort()).toEqual([
      'pendamping:asesor',
      'pendamping:jawaban',
      'pendamping:status-pengisian',
      'pendamping:status-verifikasi',
      'pendamping:tab',
    ]);
  });

  for (const [role, user] of Object.entries(USERS) as [keyof typeof USERS, string][]) {
    test(`${role}: ${MAY[role].fill ? 'may' : 'may not'} set Status Pengisian, ${MAY[role].verify ? 'may' : 'may not'} set Status Verifikasi`, () => {
      const s = unitSheet(rt.workbook, 'U1');
      for (const [label, kind, value, reset] of [
        ['Status Pengisian', 'fill', 'Diajukan', 'Draf'],
        ['Status Verifikasi', 'verify', 'Terverifikasi', 'Belum diverifikasi'],
      ] as const) {
        const at = statusCell(rt, 'U1', label);
        const result = rt.edit(user, s.title, at.a1, value);
        expect(result.ok).toBe(MAY[role][kind]);
        expect(statusValue(rt, 'U1', label)).toBe(MAY[role][kind] ? value : reset);
        if (result.ok) expect(rt.edit(ADMIN, s.title, at.a1, reset)).toMatchObject({ ok: true });
        // The labels, like the rest of the top block, are the admins' alone.
        const label1 = `${String.fromCharCode(at.a1.charCodeAt(0) - 1)}${at.a1.slice(1)}`;
        expect(rt.edit(user, s.title, label1, 'x').ok).toBe(role === 'admin');
        if (role === 'admin') expect(rt.edit(ADMIN, s.title, label1, label)).toMatchObject({ ok: true });
      }
    });
  }

  test('a value outside the dropdown is refused', () => {
    const verify = statusCell(rt, 'U1', 'Status Verifikasi');
    expect(rt.edit(ASSESSOR, verify.tab, verify.a1, 'Sudah')).toMatchObject({ ok: false });
    const fill = statusCell(rt, 'U1', 'Status Pengisian');
    expect(rt.edit(pic('U1'), fill.tab, fill.a1, 'Selesai')).toMatchObject({ ok: false });
    expect([statusValue(rt, 'U1', 'Status Pengisian'), statusValue(rt, 'U1', 'Status Verifikasi')]).toEqual(['Draf', 'Belum diverifikasi']);
  });
});

describe('Rekap at each stage', () => {
  let rt: LocalRuntime;
  const UNITS = ['U1', 'U2', 'U3', 'U4', 'U5'];
  beforeAll(async () => {
    rt = await generated(UNITS.map((code) => ({ code })), { outbox: tempOutbox() });
    // U1 has not started. U2 is filling in, U3 submitted, U4 submitted and verified, U5 verified
    // (its PIC never pressed Diajukan) and its findings sent.
    for (const code of ['U2', 'U3', 'U4', 'U5']) selfAssess(rt, code);
    setStatus(rt, 'U3', 'Status Pengisian', 'Diajukan', pic('U3'));
    setStatus(rt, 'U4', 'Status Pengisian', 'Diajukan', pic('U4'));
    setStatus(rt, 'U4', 'Status Verifikasi', 'Terverifikasi', ASSESSOR);
    setStatus(rt, 'U5', 'Status Verifikasi', 'Terverifikasi', ASSESSOR);
    ok(rt.run('sendFindingsBatch', { only: ['U5'] }));
    ok(rt.run('refreshRecap'));
  });

  test('Tahap, and a category only for the verified units', () => {
    const rows = recap(rt.workbook);
    expect(UNITS.map((code) => rows.get(code)?.Tahap)).toEqual(['Belum mulai', 'Diisi', 'Diajukan', 'Terverifikasi', 'Temuan terkirim']);
    const category = rows.get('U4')?.Kategori;
    expect(UNITS.map((code) => rows.get(code)?.Kategori)).toEqual(['', 'Belum diverifikasi', 'Belum diverifikasi', category, category]);
    // The category with its Keterangan (ombudsman-2021's categories are named after their zone).
    expect(['Hijau — Kepatuhan tinggi', 'Kuning — Kepatuhan sedang', 'Merah — Kepatuhan rendah']).toContain(category);
    // Scores stay visible at every answered stage; the unit that has not started has none.
    expect(UNITS.map((code) => typeof rows.get(code)?.['Skor Akhir'])).toEqual(['string', 'number', 'number', 'number', 'number']);
  });

  test('every stage in Rekap is the domain’s one stage function on the same tab and ledger', () => {
    const rows = recap(rt.workbook);
    for (const code of UNITS) expect(rows.get(code)?.Tahap).toBe(domainStage(rt, code));
  });

  test('the count block counts categories over verified units only, and units per stage', () => {
    // Counted under its name (Rekap shows it with its Keterangan).
    const category = String(recap(rt.workbook).get('U4')?.Kategori).split(' — ')[0];
    expect(countOf(rt.workbook, category)).toBe(2);
    const categories = values(sheet(rt.workbook, 'Kategori')).slice(1).map((r) => String(r[0]));
    expect(categories.reduce((sum, c) => sum + Number(countOf(rt.workbook, c)), 0)).toBe(2);
    for (const stage of ['Belum mulai', 'Diisi', 'Diajukan', 'Terverifikasi', 'Temuan terkirim']) expect(countOf(rt.workbook, stage)).toBe(1);
  });

  test('Rekap follows a status the moment it changes, with no refresh', () => {
    setStatus(rt, 'U2', 'Status Pengisian', 'Diajukan', pic('U2'));
    setStatus(rt, 'U4', 'Status Verifikasi', 'Belum diverifikasi', ASSESSOR);
    const rows = recap(rt.workbook);
    expect(rows.get('U2')?.Tahap).toBe('Diajukan');
    expect(rows.get('U4')).toMatchObject({ Tahap: 'Diajukan', Kategori: 'Belum diverifikasi' });
    expect(countOf(rt.workbook, String(rows.get('U5')?.Kategori).split(' — ')[0])).toBe(1);
    expect(countOf(rt.workbook, 'Diajukan')).toBe(3);
    expect(countOf(rt.workbook, 'Diisi')).toBe(0);
    for (const code of UNITS) expect(rows.get(code)?.Tahap).toBe(domainStage(rt, code));
  });
});

describe('a unit nobody has answered', () => {
  test('scores empty on its tab, in Rekap and in the sidebar: never 0, never Merah; Kelengkapan 0 %', async () => {
    const rt = await generated([{ code: 'U1' }, { code: 'U2' }], { outbox: tempOutbox() });
    fillColumn(rt, 'U2', 'Jawaban Mandiri', () => 'Tidak');
    ok(rt.run('refreshRecap'));
    const summary = (code: string) => {
      const v = values(unitSheet(rt.workbook, code));
      const header = v.findIndex((r) => r.includes('Skor Mandiri') && r.includes('Kelengkapan'));
      const at = v[header].indexOf('Skor Mandiri');
      return v[header + 1].slice(at, at + 5);
    };
    expect(summary('U1')).toEqual(['', '', '', '', 0]);
    expect(summary('U2')).toEqual([0, 0, 'Merah — Kepatuhan rendah', expect.any(Number), 100]);
    const u1 = recap(rt.workbook).get('U1');
    expect(u1).toMatchObject({ 'Skor Mandiri': '', 'Skor Akhir': '', Kategori: '', 'Jumlah Temuan': '', Kelengkapan: 0, 'Tindak Lanjut Terbuka': 0, Tahap: 'Belum mulai' });
    expect(countOf(rt.workbook, 'Merah')).toBe(0);
    const state = rt.run('getPanelState') as { units: { kode: string; score: unknown; category: unknown; findings: unknown; completion: unknown }[] };
    expect(state.units.find((u) => u.kode === 'U1')).toMatchObject({ score: null, category: '', findings: null, completion: 0 });
  });
});

describe('a tab made before the statuses existed', () => {
  /** What the last version left: no status cells, no protections for them, and a Rekap without Tahap. */
  function asLastVersion(wb: WorkbookModel): void {
    for (const s of wb.sheets.filter((x) => x.developerMetadata.some((m) => m.metadataKey === 'pendamping.unit'))) {
      for (const row of [1, 2]) s.rows[row].splice(3, 2, undefined, undefined);
      s.dataValidations = s.dataValidations.filter((d) => (d.range.startRowIndex ?? 0) > 2);
      s.protectedRanges = s.protectedRanges.filter((p) => !String(p.description).startsWith('pendamping:status'));
      const whole = s.protectedRanges.find((p) => p.description === 'pendamping:tab');
      if (whole) whole.unprotectedRanges = whole.unprotectedRanges?.filter((r) => (r.startRowIndex ?? 0) > 2);
      s.columnWidths = { 2: 360 };
    }
    const rekap = sheet(wb, 'Rekap');
    const at = values(rekap)[0].indexOf('Tahap');
    for (const row of rekap.rows) row?.splice(at, 1);
    rekap.columnCount -= 1;
  }
  const statusValues = (s: SheetModel) => values(s).slice(1, 3).map((r) => r.slice(3, 5));

  test('gets both at their start on the next generation, every answer and user column kept; set statuses are kept after that', async () => {
    const outbox = tempOutbox();
    let rt = await generated([{ code: 'U1' }, { code: 'U2' }], { outbox });
    selfAssess(rt, 'U1');
    fillColumn(rt, 'U1', 'Catatan Asesor', (i) => `catatan ${i}`);
    const rekap = sheet(rt.workbook, 'Rekap');
    asLastVersion(rt.workbook);
    const mine = values(rekap)[0].length + 2;
    rekap.columnCount = Math.max(rekap.columnCount, mine + 1);
    rt = await reopen(rt.workbook, { now: NOW, outbox });
    expect(rt.edit(ADMIN, 'Rekap', a1(0, mine), 'Catatan Saya')).toMatchObject({ ok: true });
    expect(rt.edit(ADMIN, 'Rekap', a1(1, mine), 'telepon')).toMatchObject({ ok: true });
    const tab = unitSheet(rt.workbook, 'U1');
    const before = values(tab).slice(6);
    expect(statusValues(tab).flat().every((v) => v === '')).toBe(true);

    // Perbarui rekap on the old tabs: no status yet reads as Draf / Belum diverifikasi.
    ok(rt.run('refreshRecap'));
    expect(recap(rt.workbook).get('U1')).toMatchObject({ Tahap: 'Diisi', Kategori: 'Belum diverifikasi' });

    ok(rt.run('generateUnitTabs'));
    const after = unitSheet(rt.workbook, 'U1');
    expect(statusValues(after)).toEqual([
      ['Status Pengisian', 'Draf'],
      ['Status Verifikasi', 'Belum diverifikasi'],
    ]);
    expect(values(after).slice(6)).toEqual(before);
    expect(after.protectedRanges).toHaveLength(5);
    const rows = values(sheet(rt.workbook, 'Rekap'));
    expect(rows[0]).toContain('Tahap');
    expect(rows[0].indexOf('Catatan Saya')).toBe(mine + 1);
    expect(rows[1][mine + 1]).toBe('telepon');
    expect(recap(rt.workbook).get('U1')?.Tahap).toBe('Diisi');

    // Statuses set since are kept by every later generation.
    setStatus(rt, 'U1', 'Status Pengisian', 'Diajukan', pic('U1'));
    setStatus(rt, 'U1', 'Status Verifikasi', 'Terverifikasi', ASSESSOR);
    ok(rt.run('generateUnitTabs'));
    expect(statusValues(unitSheet(rt.workbook, 'U1')).map((r) => r[1])).toEqual(['Diajukan', 'Terverifikasi']);
    expect(recap(rt.workbook).get('U1')?.Tahap).toBe('Terverifikasi');
    // Nobody but its PIC, its assessor and the admins may still set it.
    expect(rt.edit(pic('U2'), after.title, statusCell(rt, 'U1', 'Status Pengisian').a1, 'Draf')).toMatchObject({ ok: false });
  });
});
