// `pendamping demo`: the whole programme on the shipped 30 Muaro Jambi OPD, as a real process.
// The table it prints is the recap of the saved workbook, with a spread of categories over the
// verified units; every PIC submitted, the assessors verified 26 of the 30, the findings went to
// those 26 only (every email is in the outbox), and the 4 others are listed with the reason. LibreOffice (Debian's libreoffice-calc-nogui) opening
// the saved workbook shows the same numbers; without it that test is skipped, except in CI.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haveChromium } from '../../local/chromium';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { NOW, demoRun, jsonOf, pendamping, tempDir, type DemoRun } from './cli-process';
import type { DemoRow } from '../../cli/demo';
import { parse } from 'csv-parse/sync';

jest.setTimeout(600_000);

const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';
const haveLibreOffice = existsSync(SOFFICE);
if (!haveLibreOffice && process.env.CI !== 'true') {
  console.warn(`LibreOffice test SKIPPED: no soffice at ${SOFFICE} (install Debian's libreoffice-calc-nogui or set SOFFICE_PATH).`);
}
/** The run's demo (a real process, shared with the other test files: test/bundle/cli-process.ts). */
let demo: DemoRun;

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir('cli-demo');
  demo = await demoRun();
});
afterAll(() => tmp.remove());

/** The rows of Rekap in the workbook `file`, as its cached values. */
async function rekapRows(file: string): Promise<{ values: unknown[][]; col: (name: string) => number }> {
  const model = await loadWorkbook(file);
  const rekap = model.sheets.find((s) => s.title === 'Rekap');
  const values = (rekap?.rows ?? []).map((r) => (r ?? []).map((c) => c?.value));
  const header = values.findIndex((r) => r.includes('Kode') && r.includes('Skor Akhir'));
  return { values, col: (name) => values[header].indexOf(name) };
}

/** The units of the run's demo. */
const demoUnits = () => demo.json.units as DemoRow[];

test('the demo scores 30 OPD, the 26 verified across Hijau, Kuning and Merah, saves them, and emails the verified units only', async () => {
  const out = demo.json;
  const units = demoUnits();
  expect(units).toHaveLength(30);
  expect(units.map((u) => u.kode)).toContain('DUKCAPIL');
  const verified = units.filter((u) => u.tahap === 'Temuan terkirim');
  const unverified = units.filter((u) => u.tahap !== 'Temuan terkirim');
  expect(verified).toHaveLength(26);
  // Each category with its Keterangan, as Rekap shows it (ombudsman-2021's are named after their zone).
  expect(new Set(verified.map((u) => u.kategori))).toEqual(new Set(['Hijau — Kepatuhan tinggi', 'Kuning — Kepatuhan sedang', 'Merah — Kepatuhan rendah']));
  // Submitted, not verified: no category, and no findings sent.
  expect(unverified.map((u) => [u.tahap, u.kategori])).toEqual(Array(4).fill(['Diajukan', 'Belum diverifikasi']));
  expect(out.stages).toEqual({ 'Temuan terkirim': 26, Diajukan: 4 });
  const notReady = out.notReady as { kode: string; reason: string }[];
  expect(notReady.map((n) => n.kode)).toEqual(unverified.map((u) => u.kode));
  for (const n of notReady) expect(n.reason).toMatch(/belum diverifikasi/);
  for (const u of units) {
    expect(u.skorMandiri).not.toBeNull();
    expect(u.skorAkhir).not.toBeNull();
  }
  // The assessors found some self-assessments too generous.
  expect(units.filter((u) => (u.skorAkhir as number) < (u.skorMandiri as number)).length).toBeGreaterThan(5);
  // Every verified unit got its findings (or its acknowledgement), and nobody else.
  expect(out).toMatchObject({ ok: true, command: 'demo', sent: 26, skipped: 0, failed: 0, queued: 0 });

  expect(out.workbook).toBe(join(demo.ranIn, 'pendamping-demo.xlsx'));
  expect(readdirSync(join(demo.dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(out.sent as number);
  // Run without Chromium (cli-process's demoRun): every unit's rapor as HTML, no PDF.
  expect(readdirSync(join(demo.dir, 'rapor')).filter((f) => f.endsWith('.html'))).toHaveLength(30);
  expect(out.rapor).toHaveLength(30);

  // The saved workbook holds the same numbers as cached values of its formulas.
  const { values, col } = await rekapRows(join(demo.dir, 'pendamping-demo.xlsx'));
  for (const u of units) {
    const row = values.find((r) => r[col('Kode')] === u.kode);
    expect(row?.[col('Skor Akhir')]).toBe(u.skorAkhir);
    expect(row?.[col('Kategori')]).toBe(u.kategori);
    // Each PIC submitted; the verified units' findings went out.
    expect(row?.[col('Tahap')]).toBe(u.tahap);
  }
});

// In CI a missing LibreOffice fails the test (it runs and cannot find soffice).
(haveLibreOffice || process.env.CI === 'true' ? test : test.skip)('LibreOffice opening the demo workbook shows the same numbers', () => {
  if (!haveLibreOffice) throw new Error(`CI needs LibreOffice at ${SOFFICE}: install Debian's libreoffice-calc-nogui`);
  const out = join(tmp.dir, 'libreoffice');
  // Every sheet as CSV (the last field, -1), values as stored rather than as formatted.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--convert-to', filter, '--outdir', out, join(demo.dir, 'pendamping-demo.xlsx')], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const rows = parse(readFileSync(join(out, 'pendamping-demo-Rekap.csv'), 'utf8'), { relax_column_count: true }) as string[][];
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  expect(rows.filter((r, i) => i > 0 && r[col('Kode')] !== '')).toHaveLength(30);
  for (const u of demoUnits()) {
    const row = rows.find((r) => r[col('Kode')] === u.kode);
    expect(Number(row?.[col('Skor Mandiri')])).toBeCloseTo(u.skorMandiri as number, 2);
    expect(Number(row?.[col('Skor Akhir')])).toBeCloseTo(u.skorAkhir as number, 2);
    expect(row?.[col('Kategori')]).toBe(u.kategori);
    expect(Number(row?.[col('Jumlah Temuan')])).toBe(u.temuan);
    expect(row?.[col('Tahap')]).toBe(u.tahap);
  }
});

test('run again over its own folder without --json, the demo prints the same programme as a table: units per stage, who was left out and why, where the workbook and outbox are', async () => {
  // A copy of the first run's folder: the demo replaces its own files there.
  const dir = join(tmp.dir, 'keluaran');
  cpSync(demo.dir, dir, { recursive: true });
  rmSync(join(dir, 'run.json'));
  const run = await pendamping(tmp.dir, ['demo', '--dir', 'keluaran', '--now', NOW]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Unit\s+Skor Mandiri\s+Skor Akhir\s+Kategori\s+Temuan/);
  expect(run.stdout).toContain('DUKCAPIL — Dinas Kependudukan dan Pencatatan Sipil');
  expect(run.stdout).toContain('Unit per tahap: Temuan terkirim 26, Diajukan 4.');
  expect(run.stdout).toContain('Email: 26 terkirim, 0 dilewati, 0 gagal, 0 masih antre.');
  expect(run.stdout).toMatch(/Tidak dikirimi temuan \(4 unit\):\n {2}\S+: belum diverifikasi/);
  expect(run.stdout).toContain(`Buku kerja: ${join(dir, 'pendamping-demo.xlsx')}`);
  expect(run.stdout).toContain(join(dir, 'outbox'));

  // Same seed, same programme: the same numbers, and the outbox holds this run's messages only.
  const { values, col } = await rekapRows(join(dir, 'pendamping-demo.xlsx'));
  const rows = values.filter((r) => demoUnits().some((u) => u.kode === r[col('Kode')]));
  expect(rows.map((r) => [r[col('Kode')], r[col('Skor Mandiri')], r[col('Skor Akhir')], r[col('Kategori')], r[col('Tahap')]])).toEqual(
    demoUnits().map((u) => [u.kode, u.skorMandiri, u.skorAkhir, u.kategori, u.tahap]),
  );
  for (const u of demoUnits()) expect(run.stdout).toContain(`${u.kode} — `);
  const outbox = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
  expect(outbox).toHaveLength(26);
  // With Chromium, as the demo runs on a user's machine: 30 rapor PDFs, the HTML of the first run
  // replaced, and each message carries its unit's rapor.
  if (haveChromium()) {
    expect(run.stdout).toContain(`30 rapor PDF ditulis di ${join(dir, 'rapor')}.`);
    expect(readdirSync(join(dir, 'rapor')).map((f) => f.replace(/.*\./, '')).sort()).toEqual(Array(30).fill('pdf'));
    for (const eml of outbox) expect(readFileSync(join(dir, 'outbox', eml), 'utf8')).toMatch(/Content-Type: application\/pdf/i);
  } else expect(run.stdout).toContain(`30 rapor ditulis sebagai HTML di ${join(dir, 'rapor')}.`);
});

test('demo --dir refuses a folder holding anything the demo did not write, and leaves it as it was', async () => {
  // Another workbook's folder: its own workbook, and its default outbox with a message in it.
  const dir = join(tmp.dir, 'kantor');
  mkdirSync(join(dir, 'outbox'), { recursive: true });
  writeFileSync(join(dir, 'buku-kerja.xlsx'), 'bukan demo');
  writeFileSync(join(dir, 'outbox', '0001-temuan-dinas.eml'), 'Subject: temuan\r\n\r\nisi');
  const run = await pendamping(tmp.dir, ['demo', '--dir', 'kantor', '--now', NOW]);
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain('buku-kerja.xlsx');
  expect(run.stderr).toContain('outbox/0001-temuan-dinas.eml');
  expect(readFileSync(join(dir, 'outbox', '0001-temuan-dinas.eml'), 'utf8')).toBe('Subject: temuan\r\n\r\nisi');
  expect(readdirSync(dir).sort()).toEqual(['buku-kerja.xlsx', 'outbox']);

  // A demo's own folder with one file of someone else's in its outbox: refused as well.
  const own = join(tmp.dir, 'keluaran');
  writeFileSync(join(own, 'outbox', 'catatan.eml'), 'milik orang lain');
  const again = await pendamping(tmp.dir, ['demo', '--dir', 'keluaran', '--now', NOW, '--json']);
  expect(again.code).toBe(1);
  expect(jsonOf(again).error).toContain('outbox/catatan.eml');
  expect(existsSync(join(own, 'outbox', 'catatan.eml'))).toBe(true);
});
