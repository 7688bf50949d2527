// Two full rounds through the built bundle: the later round's findings email says what
// improved and what is still open; Rekap shows the change per unit, the units that moved a
// category, the open follow-ups and the last email; columns a user adds to Rekap survive
// "Perbarui rekap"; Tindak Lanjut is a dropdown the PIC may set.
import type { SheetModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, fillColumn, ledger, ok, outbox, programme, setStatus, sheet, tempOutbox, unitSheet, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

function recap(rt: LocalRuntime): { header: string[]; rows: unknown[][]; row(code: string): Record<string, unknown> } {
  const v = values(sheet(rt.workbook, 'Rekap'));
  const header = v[0].map(String);
  return {
    header,
    rows: v,
    // The first column of each name: the count block to the right has a Kategori of its own.
    row: (code) => Object.fromEntries(header.map((h, i) => [h, (v.find((r) => r[0] === code) ?? [])[i] ?? '']).reverse()),
  };
}

/** The count block's value for a label (the cell right of it). */
function countOf(rt: LocalRuntime, label: string): unknown {
  for (const row of values(sheet(rt.workbook, 'Rekap'))) {
    const at = row.indexOf(label);
    if (at > 0) return row[at + 1];
  }
  throw new Error(`no count ${label}`);
}

function table(s: SheetModel): { header: unknown[]; first: number; rows: unknown[][] } {
  const v = values(s);
  const at = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return { header: v[at], first: at + 1, rows: v.slice(at + 1).filter((r) => r[0] !== '') };
}

function idScore(score: unknown): string {
  return String(Math.round(Number(score) * 100) / 100).replace('.', ',');
}

test('two rounds: the later findings email tells what improved and what is still open; Rekap shows moves, open follow-ups and the last email', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'NAIK', name: 'Dinas Naik' }, { code: 'TURUN', name: 'Dinas Turun' }], { outbox: dir });
  fillColumn(rt, 'NAIK', 'Jawaban Mandiri', () => 'Tidak');
  fillColumn(rt, 'TURUN', 'Jawaban Mandiri', () => 'Ya');
  // Categories and their moves show for verified units only.
  const verifyBoth = () => ['NAIK', 'TURUN'].forEach((code) => setStatus(rt, code, 'Status Verifikasi', 'Terverifikasi', 'asesor@ombudsman.go.id'));
  verifyBoth();
  const indicators = table(unitSheet(rt.workbook, 'NAIK')).rows.length;

  // Round 1: findings sent, then three of NAIK's findings marked done by its PIC.
  expect(rt.run('sendFindingsBatch', {})).toMatchObject({ ok: true, sent: 2 });
  fillColumn(rt, 'NAIK', 'Tindak Lanjut', (i) => (i < 3 ? 'Selesai' : i === 3 ? 'Dalam proses' : ''));
  ok(rt.run('refreshRecap'));
  let r = recap(rt);
  const sentAt = new Map(ledger(rt.workbook).map((row) => [row['Kode Unit'], row.Waktu]));
  expect(r.row('NAIK')['Email Terakhir']).toBeCloseTo(Number(sentAt.get('NAIK')), 5);
  expect(typeof r.row('TURUN')['Email Terakhir']).toBe('number');
  expect(r.row('NAIK')['Tindak Lanjut Terbuka']).toBe(indicators - 3);
  expect(r.row('TURUN')['Tindak Lanjut Terbuka']).toBe(0);
  expect(countOf(rt, 'Tindak lanjut terbuka')).toBe(indicators - 3);
  expect(r.row('NAIK')['Perubahan Kategori']).toBe('');
  const firstCategories = { NAIK: r.row('NAIK').Kategori, TURUN: r.row('TURUN').Kategori };

  // Round 2: NAIK fixes everything but its first two indicators; TURUN falls back to Tidak.
  ok(rt.run('startNewRound', { name: '2025 Penilaian Ulang', deadline: '2025-09-30' }));
  fillColumn(rt, 'NAIK', 'Jawaban Mandiri', (i) => (i < 2 ? 'Tidak' : 'Ya'));
  fillColumn(rt, 'TURUN', 'Jawaban Mandiri', () => 'Tidak');
  verifyBoth();
  ok(rt.run('refreshRecap'));
  r = recap(rt);
  const naik = r.row('NAIK');
  const turun = r.row('TURUN');
  expect(naik['Skor Putaran Lalu']).toBe(0);
  expect(turun['Skor Putaran Lalu']).toBe(100);
  expect(naik.Perubahan).toBe(naik['Skor Akhir']);
  expect(turun.Perubahan).toBe(-100);
  expect(naik.Kategori).not.toBe(firstCategories.NAIK);
  expect(turun.Kategori).not.toBe(firstCategories.TURUN);
  expect(naik['Perubahan Kategori']).toBe('Naik');
  expect(turun['Perubahan Kategori']).toBe('Turun');
  expect(countOf(rt, 'Naik kategori')).toBe(1);
  expect(countOf(rt, 'Turun kategori')).toBe(1);
  // NAIK: two findings left, the first two (marked Selesai in round 1): none open. TURUN: all open.
  expect(naik['Tindak Lanjut Terbuka']).toBe(0);
  expect(turun['Tindak Lanjut Terbuka']).toBe(indicators);
  expect(countOf(rt, 'Tindak lanjut terbuka')).toBe(indicators);

  // The findings email of round 2.
  const sent = rt.run('sendFindingsBatch', {}) as Result;
  expect(sent).toMatchObject({ ok: true, sent: 2 });
  const mails = (await outbox(dir)).slice(2);
  const naikMail = mails.find((m) => m.to[0] === 'pic.naik@pemkab.go.id');
  const turunMail = mails.find((m) => m.to[0] === 'pic.turun@pemkab.go.id');
  const naikTab = table(unitSheet(rt.workbook, 'NAIK'));
  const indicatorAt = naikTab.header.indexOf('Indikator');
  const [open1, open2, improved1] = naikTab.rows.map((row) => `[${row[0]}] ${row[indicatorAt]}`);
  for (const body of [String(naikMail?.mail.text), String(naikMail?.mail.html)]) {
    expect(body).toContain('Perkembangan sejak putaran lalu');
    expect(body).toContain(`Sudah membaik (${indicators - 2}):`);
    expect(body).toContain('Masih terbuka (2):');
    expect(body).toContain(`Skor Akhir: 0 pada putaran lalu, ${idScore(naik['Skor Akhir'])} sekarang (+${idScore(naik['Skor Akhir'])}).`);
  }
  const naikText = String(naikMail?.mail.text);
  const stillOpen = naikText.slice(naikText.indexOf('Masih terbuka'));
  expect(stillOpen).toContain(`  - ${open1}`);
  expect(stillOpen).toContain(`  - ${open2}`);
  expect(naikText.slice(naikText.indexOf('Sudah membaik'), naikText.indexOf('Masih terbuka'))).toContain(`  - ${improved1}`);
  const turunText = String(turunMail?.mail.text);
  expect(turunText).toContain('Sudah membaik (0):\n  tidak ada');
  expect(turunText).toContain('Skor Akhir: 100 pada putaran lalu, 0 sekarang (-100).');

  // Email Terakhir follows the ledger without any write to Rekap.
  const latest = ledger(rt.workbook).filter((row) => row['Kode Unit'] === 'NAIK').pop();
  expect(recap(rt).row('NAIK')['Email Terakhir']).toBeCloseTo(Number(latest?.Waktu), 5);
  expect(Number(latest?.Waktu)).toBeGreaterThan(Number(sentAt.get('NAIK')));
});

test("columns a user adds to the right of Rekap survive Perbarui rekap, and an older Rekap's columns move right intact", async () => {
  const rt = await programme([{ code: 'U1' }, { code: 'U2' }], { outbox: tempOutbox() });
  ok(rt.run('refreshRecap'));
  const rekap = sheet(rt.workbook, 'Rekap');
  const width = values(rekap)[0].length;
  const mine = width + 1;
  rekap.columnCount = Math.max(rekap.columnCount, mine + 1); // the user adds columns to the grid
  expect(rt.edit(ADMIN, 'Rekap', a1(0, mine), 'Catatan Saya')).toMatchObject({ ok: true });
  expect(rt.edit(ADMIN, 'Rekap', a1(1, mine), 'telepon Senin').ok).toBe(true);
  expect(rt.edit(ADMIN, 'Rekap', a1(9, mine), 'baris jauh').ok).toBe(true);
  ok(rt.run('refreshRecap'));
  ok(rt.run('generateUnitTabs'));
  const after = values(sheet(rt.workbook, 'Rekap'));
  expect(after[0][mine]).toBe('Catatan Saya');
  expect(after[1][mine]).toBe('telepon Senin');
  expect(after[9][mine]).toBe('baris jauh');

  // The Rekap of an older version: no Perubahan Kategori / Tindak Lanjut Terbuka, nothing after its Tab
  // (Peringkat, Skor {Aspek}), a user's column in the gap.
  const old = sheet(rt.workbook, 'Rekap');
  const header = values(old)[0].map(String);
  const own = header.indexOf(''); // Rekap's own columns end at the empty column before the count block
  const newer = own - header.indexOf('Tab') - 1;
  const from = header.indexOf('Perubahan Kategori');
  for (const row of old.rows) row?.splice(header.indexOf('Tab') + 1, newer);
  for (const row of old.rows) row?.splice(from, 2);
  old.columnCount -= 2 + newer;
  const gap = header.indexOf('Tab') - 1; // the empty column after the older Rekap's Tab
  expect(rt.edit(ADMIN, 'Rekap', a1(0, gap), 'PJ Unit')).toMatchObject({ ok: true });
  expect(rt.edit(ADMIN, 'Rekap', a1(1, gap), 'Budi')).toMatchObject({ ok: true });
  ok(rt.run('refreshRecap'));
  const upgraded = values(sheet(rt.workbook, 'Rekap'));
  expect(upgraded[0].slice(0, header.indexOf('Tab') + 1)).toEqual(header.slice(0, header.indexOf('Tab') + 1));
  const pj = upgraded[0].indexOf('PJ Unit');
  expect(pj).toBe(own);
  expect(upgraded[1][pj]).toBe('Budi');
  expect(upgraded[0].indexOf('Catatan Saya')).toBe(mine);
  expect(upgraded[1][mine]).toBe('telepon Senin');
  expect(upgraded[0].filter((h) => h === 'Jumlah Unit')).toHaveLength(1);
});

test('Tindak Lanjut is a Belum / Dalam proses / Selesai dropdown on every indicator row, set by the PIC, kept by a new round', async () => {
  const rt = await programme([{ code: 'DINKES' }, { code: 'DINSOS' }], { outbox: tempOutbox() });
  const s = unitSheet(rt.workbook, 'DINKES');
  const t = table(s);
  const column = t.header.indexOf('Tindak Lanjut');
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.first + i;
    const rule = s.dataValidations.find(
      (v) =>
        v.range.startRowIndex !== undefined &&
        (v.range.startRowIndex ?? 0) <= row &&
        row < (v.range.endRowIndex ?? Infinity) &&
        (v.range.startColumnIndex ?? 0) <= column &&
        column < (v.range.endColumnIndex ?? Infinity),
    );
    expect(rule?.rule.condition.type).toBe('ONE_OF_LIST');
    expect(rule?.rule.condition.values?.map((v) => v.userEnteredValue)).toEqual(['Belum', 'Dalam proses', 'Selesai']);
    expect(rule?.rule.strict).toBe(true);
  }
  const pic = 'pic.dinkes@pemkab.go.id';
  const cell = a1(t.first, column);
  expect(rt.edit(pic, s.title, cell, 'Dalam proses')).toMatchObject({ ok: true });
  expect(rt.edit(pic, s.title, a1(t.first + 1, column), 'Selesai')).toMatchObject({ ok: true });
  expect(rt.edit(pic, s.title, cell, 'Sudah beres')).toMatchObject({ ok: false });
  expect(rt.edit('pic.dinsos@pemkab.go.id', s.title, cell, 'Selesai')).toMatchObject({ ok: false });
  expect(rt.edit(pic, s.title, a1(t.first, t.header.indexOf('Rekomendasi')), 'ganti')).toMatchObject({ ok: false });
  expect(rt.edit(pic, s.title, a1(t.first, t.header.indexOf('Kode')), 'X')).toMatchObject({ ok: false });

  ok(rt.run('startNewRound', { name: 'R2', deadline: '' }));
  const after = table(unitSheet(rt.workbook, 'DINKES'));
  expect(after.rows[0][column]).toBe('Dalam proses');
  expect(after.rows[1][column]).toBe('Selesai');
  expect(rt.edit(pic, s.title, cell, 'Selesai')).toMatchObject({ ok: true });
  expect(rt.edit(pic, s.title, cell, 'Sudah beres')).toMatchObject({ ok: false });
});
