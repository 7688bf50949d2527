// A pekppp-2023 workbook (Kategori Skala 0-5) through the built bundle: the category of a unit
// is the one of its 0–5 index everywhere, in the unit tab's summary, in Rekap (its Kategori,
// the Perubahan Kategori against the last round's score and the count block) and in the
// findings email, never the one of the 0–100 score compared with the 0–5 minimums.
import type { WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { newWorkbook } from '../../local/model/workbook';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, a1, ok, outbox, setStatus, setting, sheet, tempOutbox, unitSheet, unitsCsv, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

// Kebijakan 5/5, SDM 2/5, Sarana 5/5, SIPP 0/5, Konsultasi 5/5, Inovasi 3/5:
// 24 + 25·0.4 + 18 + 0 + 10 + 12·0.6 = 69.2 → index 3.46 → B- (3.01–3.50); on the 0–100
// score against the 0–5 minimums it would read as A. An item answered Ya/Tidak (the desa
// items) gets Ya in an aspect at 5/5 and Tidak at 0/5, so every aspect keeps its level.
const LEVELS: Record<string, number> = {
  'Kebijakan Pelayanan': 5,
  'Profesionalisme SDM': 2,
  'Sarana Prasarana': 5,
  'Sistem Informasi Pelayanan Publik': 0,
  'Konsultasi dan Pengaduan': 5,
  Inovasi: 3,
};

/** The unit's answers, typed by the admin: each indicator at its aspect's level. */
function answerByAspect(rt: LocalRuntime, code: string): void {
  const s = unitSheet(rt.workbook, code);
  const v = values(s);
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const [aspect, type, answer] = ['Aspek', 'Jenis Jawaban', 'Jawaban Mandiri'].map((h) => v[header].indexOf(h));
  v.slice(header + 1).forEach((r, i) => {
    if (r[0] === '') return;
    const level = LEVELS[String(r[aspect])];
    const value = r[type] === '0-5' ? String(level) : level === 5 ? 'Ya' : 'Tidak';
    const edit = rt.edit(ADMIN, s.title, a1(header + 1 + i, answer), value);
    if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
  });
}

/** Rekap's row of a unit, keyed by header. */
function recapRow(wb: WorkbookModel, code: string): Record<string, unknown> {
  const [header, ...rows] = values(sheet(wb, 'Rekap'));
  const row = rows.find((r) => r[0] === code);
  if (row === undefined) throw new Error(`no Rekap row ${code}`);
  return Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? '']).reverse());
}

describe('a pekppp-2023 unit scoring 69.2 (index 3.46)', () => {
  const box = tempOutbox();
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await LocalRuntime.open({ workbook: newWorkbook({ owner: ADMIN }), user: ADMIN, now: NOW, outbox: box });
    ok(rt.run('setupWorkbook', { profile: 'pekppp-2023' }));
    setting(rt, 'putaran', '2025 Pendampingan');
    setting(rt, 'batas_waktu', '2025-04-30');
    setting(rt, 'instansi_penilai', 'Ombudsman RI Perwakilan Jambi');
    setting(rt, 'email_balasan', 'balasan@ombudsman.go.id');
    ok(rt.run('addUnits', unitsCsv([{ code: 'U1' }])));
    ok(rt.run('generateUnitTabs'));
    answerByAspect(rt, 'U1');
    setStatus(rt, 'U1', 'Status Pengisian', 'Diajukan');
    setStatus(rt, 'U1', 'Status Verifikasi', 'Terverifikasi');
    ok(rt.run('sendFindingsBatch', {}));
    // The last round's score was 90 (index 4.50, category A-): the unit went down a category.
    const rekap = values(sheet(rt.workbook, 'Rekap'));
    const edit = rt.edit(ADMIN, 'Rekap', a1(rekap.findIndex((r) => r[0] === 'U1'), rekap[0].indexOf('Skor Putaran Lalu')), '90');
    if (!edit.ok) throw new Error(`edit refused: ${JSON.stringify(edit)}`);
    ok(rt.run('refreshRecap'));
  });

  test('the unit tab summary shows B- with its Keterangan and zone, and each score with its index beside it', () => {
    const v = values(unitSheet(rt.workbook, 'U1'));
    const labels = v.findIndex((r) => r.includes('Skor Akhir') && r.includes('Kategori'));
    const summary = v[labels + 1];
    const at = (header: string) => summary[v[labels].indexOf(header)];
    expect(v[labels].slice(1, 8)).toEqual(['Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan', 'Indeks Mandiri', 'Indeks Akhir']);
    expect(at('Skor Akhir')).toBe(69.2);
    expect(at('Kategori')).toBe('B- — Baik (Dengan Catatan), Zona Kuning');
    expect([at('Indeks Mandiri'), at('Indeks Akhir')]).toEqual([3.46, 3.46]);
  });

  test('Rekap shows the index beside the scores, as the tab summary does (its header saying what it is)', () => {
    const row = recapRow(rt.workbook, 'U1');
    expect(row).toMatchObject({ 'Skor Mandiri': 69.2, 'Indeks Mandiri': 3.46, 'Indeks Akhir': 3.46 });
    const header = sheet(rt.workbook, 'Rekap').rows[0];
    const note = header.find((c) => c?.value === 'Indeks Akhir')?.note;
    expect(note).toMatch(/skala 0–5/);
  });

  test('Rekap shows B- with its Keterangan and zone, counts it, and a fall from 90 (index 4.50) as Turun', () => {
    const row = recapRow(rt.workbook, 'U1');
    expect(row).toMatchObject({ 'Skor Akhir': 69.2, Kategori: 'B- — Baik (Dengan Catatan), Zona Kuning', 'Skor Putaran Lalu': 90, 'Perubahan Kategori': 'Turun' });
    const rekap = values(sheet(rt.workbook, 'Rekap'));
    const at = rekap[0].lastIndexOf('Jumlah Unit') - 1;
    const count = (label: string) => rekap.find((r) => r[at] === label)?.[at + 1];
    expect([count('A'), count('B-')]).toEqual([0, 1]);
  });

  test('the Kategori tab declares the scale 0-5 and marks every IPP band as not officially confirmed', () => {
    const [header, ...rows] = values(sheet(rt.workbook, 'Kategori'));
    const bands = rows.filter((r) => r[0] !== '');
    expect(bands.map((r) => r[0])).toEqual(['A', 'A-', 'B', 'B-', 'C', 'C-', 'D', 'E', 'F']);
    expect(new Set(bands.map((r) => r[header.indexOf('Skala')]))).toEqual(new Set(['0-5']));
    expect(bands.every((r) => String(r[header.indexOf('Catatan')]).startsWith('Belum dikonfirmasi resmi'))).toBe(true);
  });

  test('the findings email gives B- with its Keterangan and zone, and the score with its index', async () => {
    const mails = await outbox(box);
    expect(mails).toHaveLength(1);
    const { text, html } = mails[0].mail;
    expect(text).toMatch(/Kategori\W+B- — Baik \(Dengan Catatan\), Zona Kuning/);
    for (const body of [text, html || '']) {
      expect(body).toContain('B- — Baik (Dengan Catatan), Zona Kuning');
      expect(body).toContain('69,2 (indeks 0–5: 3,46)');
    }
  });
});
