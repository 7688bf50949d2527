// The workbook file through the command line, each step a real process: a file that is not a
// workbook (or is damaged) is refused with one line and never written; a command that fails
// leaves the file byte-identical; a save that cannot complete (file-size limit) leaves the old
// file; a busy lock names its holder, a stale one is taken over with a notice; and what the user
// keeps in the workbook (notes, hyperlinks, rich text, formats, images …) survives every command.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main';
import type { WorkbookModel } from '../../local/model/types';
import { META_SHEET, loadWorkbook } from '../../local/xlsx';
import { ROOT, ensureBuilt } from '../helpers/build';
import { saveWithLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { ADMIN, BIN, NOW, answerCell, demoWorkbook, initWorkbook, jsonOf, pendamping, pendampingInProcess, readyWorkbook, tempDir, type Run } from './cli-process';

let tmp: ReturnType<typeof tempDir>;
/** A workbook with three units and their tabs (init + generate), ready for its findings (makeReady). */
let book: string;
/** The same right after init (no unit tabs yet). */
let fresh: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir('cli-files');
  fresh = await initWorkbook(join(tmp.dir, 'baru.xlsx'), { profile: 'ombudsman-2021' });
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  book = await readyWorkbook(join(tmp.dir, 'buku.xlsx'), { profile: 'ombudsman-2021' });
});
afterAll(() => tmp.remove());

let copies = 0;
/** A copy of `file` of its own, for one case. */
function copyOf(file: string, name = `salinan-${(copies += 1)}.xlsx`): string {
  const to = join(tmp.dir, name);
  copyFileSync(file, to);
  return to;
}

/** What is beside the workbooks that should not be: lock files, temporary files. */
const leftovers = () => readdirSync(tmp.dir).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'));

/** Exactly one line on stderr, naming `file`, matching `what`, no stack trace; exit 1. */
function expectOneLine(run: Run, file: string, what: RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(what);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** The workbook's own bytes with its meta sheet's first cell changed by `change`. */
async function withMeta(file: string, change: (json: string) => string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const meta = wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet;
  meta.getCell('A1').value = change(String(meta.getCell('A1').value));
  const to = join(tmp.dir, `meta-${(copies += 1)}.xlsx`);
  await wb.xlsx.writeFile(to);
  return to;
}

test('a file that is not an .xlsx workbook, or a damaged one, gets one line naming it and what is wrong, and is never written', async () => {
  const bytes = readFileSync(book);
  const put = (name: string, data: Buffer | string) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, data);
    return file;
  };
  const folder = join(tmp.dir, 'folder.xlsx');
  mkdirSync(folder);
  const cases: [string, RegExp][] = [
    [put('acak.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), /isinya tidak dikenali/],
    [put('nol.xlsx', ''), /kosong \(0 bita\)/],
    [put('terpotong.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))), /rusak atau terpotong/],
    [put('daftar.xlsx', 'Kode,Nama Unit\nDINKES,Dinas Kesehatan\n'), /berisi teks \(CSV\?\)/],
    [put('palsu-ole.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000, 7)])), /Excel lama \(\.xls\)/],
    // A zip without a workbook part, as a .docx is: the workbook part's name is changed in place.
    [put('dokumen.docx', Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'wd/document.xml'), 'latin1')), /arsip zip tetapi bukan buku kerja/],
    [folder, /adalah folder/],
    [await withMeta(book, () => '{"version":1,"workbook":'), /_pendamping_meta .*rusak/],
    [await withMeta(book, (json) => json.replace('{"version":1,', '{"version":99,')), /versi 99.*versi 1/],
  ];
  // The command's own handling, in this process; the two runs after the loop are real processes.
  for (const [file, what] of cases) {
    const before = statSync(file).isDirectory() ? undefined : readFileSync(file);
    const run = await pendampingInProcess(tmp.dir, ['recap', '--workbook', file]);
    expectOneLine(run, file, what);
    if (before) expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  }
  // Before a workbook is read, the message is in the user's own language.
  const english = await pendamping(tmp.dir, ['generate', '--workbook', folder], { LANG: 'en_US.UTF-8' });
  expectOneLine(english, folder, /is a folder, not a workbook file/);
  // The workbench reads the file before it serves anything.
  const [text] = cases[3];
  expectOneLine(await pendamping(tmp.dir, ['workbench', '--workbook', text]), text, /berisi teks \(CSV\?\)/);
});

withLibreOffice('an .ods or a real .xls given as --workbook is refused and left byte-identical', async () => {
  const csv = join(tmp.dir, 'lembar.csv');
  writeFileSync(csv, 'Kode,Nama\nA,Satu\n');
  const edits = join(tmp.dir, 'suntingan.csv');
  writeFileSync(edits, 'Unit,A2,X\n');
  const ods = saveWithLibreOffice(csv, 'ods', tmp.dir);
  const xls = saveWithLibreOffice(csv, 'xls', tmp.dir);
  for (const [file, what] of [
    [ods, /arsip zip tetapi bukan buku kerja/],
    [xls, /Excel lama \(\.xls\)/],
  ] as const) {
    const before = readFileSync(file);
    const run = await pendamping(tmp.dir, ['edit', '--workbook', file, '--user', ADMIN, '--from', edits]);
    expectOneLine(run, file, what);
    expect(readFileSync(file).equals(before)).toBe(true);
  }
});

test('init into a folder that does not exist: one line, exit 1, nothing created', async () => {
  const file = join(tmp.dir, 'tidak-ada', 'buku.xlsx');
  const run = await pendamping(tmp.dir, ['init', '--workbook', file, '--user', ADMIN]);
  expectOneLine(run, file, /Folder .*tidak-ada tidak ada/);
  expect(existsSync(join(tmp.dir, 'tidak-ada'))).toBe(false);
});

test('init --force replaces only a workbook: a file of another kind stays as it was', async () => {
  const notes = join(tmp.dir, 'catatan.xlsx');
  writeFileSync(notes, 'bukan buku kerja\n');
  const run = await pendamping(tmp.dir, ['init', '--workbook', notes, '--user', ADMIN, '--force']);
  expectOneLine(run, notes, /berisi teks/);
  expect(readFileSync(notes, 'utf8')).toBe('bukan buku kerja\n');
});

describe('a command that ends with ok: false leaves the workbook byte-identical', () => {
  test('an admin action by a non-admin', async () => {
    const file = copyOf(book);
    const before = readFileSync(file);
    const run = await pendamping(tmp.dir, ['recap', '--workbook', file, '--user', 'pic.dinkes@muarojambi.example', '--json']);
    expect(run.code).toBe(1);
    expect(jsonOf(run)).toMatchObject({ ok: false, command: 'recap' });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('generate refused by a broken Instrumen', async () => {
    const file = copyOf(book);
    const model = await loadWorkbook(file);
    const instrumen = model.sheets.find((s) => s.title === 'Instrumen') as WorkbookModel['sheets'][number];
    const header = instrumen.rows.findIndex((r) => r?.some((c) => c?.value === 'Bobot'));
    const column = (instrumen.rows[header] ?? []).findIndex((c) => c?.value === 'Bobot');
    const edits = join(tmp.dir, 'rusak-bobot.csv');
    writeFileSync(edits, `Instrumen,${String.fromCharCode(65 + column)}${header + 2},banyak\n`);
    expect((await pendamping(tmp.dir, ['edit', '--workbook', file, '--user', ADMIN, '--from', edits])).code).toBe(0);
    const before = readFileSync(file);
    const run = await pendamping(tmp.dir, ['generate', '--workbook', file, '--json']);
    expect(run.code).toBe(1);
    expect(jsonOf(run)).toMatchObject({ ok: false, command: 'generate' });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('edits that are all refused', async () => {
    const file = copyOf(book);
    const foreign = answerCell(await loadWorkbook(file), 'DUKCAPIL', 'SP-01', 'Jawaban Mandiri');
    const edits = join(tmp.dir, 'ditolak.csv');
    writeFileSync(edits, `"${foreign.tab}",${foreign.a1},Ya\n`);
    const before = readFileSync(file);
    const run = await pendamping(tmp.dir, ['edit', '--workbook', file, '--user', 'pic.dinkes@muarojambi.example', '--from', edits, '--json']);
    expect(jsonOf(run)).toMatchObject({ ok: false, applied: 0 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

test('a save past the file-size limit (ulimit -f): exit 1, one line naming the file, the old file byte-identical', async () => {
  const file = copyOf(fresh);
  const before = readFileSync(file);
  // Room for the workbook as it is, not for it with its unit tabs. SIGXFSZ is ignored, so the write gets EFBIG.
  const limitKb = Math.ceil(before.length / 1024) + 4;
  const run = await new Promise<Run>((resolve) => {
    const child = spawn('bash', ['-c', `trap '' XFSZ; ulimit -f ${limitKb}; exec "$0" "$@"`, process.execPath, BIN, 'generate', '--workbook', file], {
      cwd: tmp.dir,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  expectOneLine(run, file, /tidak tersimpan \(disk penuh atau batas ukuran berkas tercapai.*berkas yang lama tetap utuh/);
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(leftovers()).toEqual([]);
});

describe('the lock file', () => {
  test('a workbook busy past the wait names the lock file, the holder\'s host and PID and how long it has held it', async () => {
    const file = copyOf(book);
    const lock = `${file}.lock`;
    // Held by a live process (this test's parent) since five minutes ago.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date(Date.now() - 5 * 60_000).toISOString(), token: 'dipegang' }));
    let stderr = '';
    const sink = (write: (text: string) => void) => Object.assign(new Writable({ write: (chunk, _e, done) => (write(String(chunk)), done()) }), { isTTY: false });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const io = { stdout: sink(() => undefined), stderr: sink((t) => (stderr += t)) as unknown as NodeJS.WriteStream, env: { LANG: 'id_ID.UTF-8' }, cwd: ROOT, stopped: new Promise<void>(() => undefined), interrupted: () => false };
      const code = main(['recap', '--workbook', file], io);
      await jest.advanceTimersByTimeAsync(121_000);
      expect(await code).toBe(1);
    } finally {
      jest.useRealTimers();
    }
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`proses ${process.ppid} di ${hostname()} sejak 7 menit lalu (berkas kunci ${lock})`);
    expect(lines[0]).toContain(`hapus ${lock}`);
    expect(existsSync(lock)).toBe(true);
  });

  test('a lock left by a process that is gone is taken over, with a notice naming it', async () => {
    const file = copyOf(book);
    const lock = `${file}.lock`;
    const gone = 2 ** 22 + 17; // above Linux's largest PID: no such process
    writeFileSync(lock, JSON.stringify({ pid: gone, host: hostname(), since: new Date(Date.now() - 3 * 3600_000).toISOString(), token: 'yatim' }));
    const run = await pendamping(tmp.dir, ['recap', '--workbook', file]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(`Berkas kunci ${lock} milik proses ${gone} di ${hostname()} (sejak 3 jam lalu) sudah tidak berlaku: proses itu tidak berjalan lagi. Kunci diambil alih.`);
    expect(existsSync(lock)).toBe(false);
  });
});

/** Every note of a workbook: "Tab!A1 note". */
function notesOf(model: WorkbookModel): string[] {
  return model.sheets.flatMap((s) => s.rows.flatMap((row, r) => (row ?? []).flatMap((c, k) => (c?.note === undefined ? [] : [`${s.title}!${k},${r} ${c.note}`]))));
}

test('the demo workbook\'s notes (also on empty cells) survive recap, generate, email and round', async () => {
  const file = await demoWorkbook(join(tmp.dir, 'demo.xlsx'));
  const notes = notesOf(await loadWorkbook(file));
  const bukti = notes.filter((n) => n.includes('Bukti diminta'));
  expect(bukti.length).toBeGreaterThan(100);
  for (const args of [['recap'], ['generate'], ['email'], ['round', '--name', '2026 Putaran 2', '--deadline', '2026-06-30']]) {
    const run = await pendampingInProcess(tmp.dir, [...args, '--workbook', file, '--now', NOW]);
    expect(run.code).toBe(0);
    expect(notesOf(await loadWorkbook(file))).toEqual(notes);
  }
});

/** A cell of the user's right of everything Rekap writes (its columns, the count block, the Jenis × Kategori and trend tables). */
const REKAP_USER_CELL = 'AZ2';

/** What the user added in the test below, as a spreadsheet application shows it. */
async function usersAdditions(file: string, bukti: { tab: string; a1: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
  const own = sheet('Catatan Rapat');
  const title = own.getCell('A1');
  const note = (cell: ExcelJS.Cell) => (typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join(''));
  const media = own.getImages().map((i) => (wb.getImage(Number(i.imageId)) as unknown as { extension: string }).extension);
  return {
    bukti: sheet(bukti.tab).getCell(bukti.a1).value,
    rekap: sheet('Rekap').getCell(REKAP_USER_CELL).value,
    unitNote: note(sheet('Unit').getCell('Z3')),
    title: [title.value, title.font?.name, title.font?.size, title.font?.bold, title.fill?.type === 'pattern' ? title.fill.fgColor?.argb : undefined, title.border?.bottom?.style],
    amount: [own.getCell('A3').value, own.getCell('A3').numFmt],
    layout: [own.getColumn(2).width, own.getRow(3).height, (own.model as { merges?: string[] }).merges],
    validation: (own.getCell('C3').dataValidation as { type?: string } | undefined)?.type,
    media,
  };
}

withLibreOffice('a workbook kept in LibreOffice: what the user added survives recap, email and generate', async () => {
  const file = copyOf(book, 'di-libreoffice.xlsx');
  const bukti = answerCell(await loadWorkbook(file), 'DINKES', 'SP-01', 'Bukti');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  (wb.getWorksheet(bukti.tab) as ExcelJS.Worksheet).getCell(bukti.a1).value = { text: 'Foto papan', hyperlink: 'https://example.org/foto-papan.jpg' };
  (wb.getWorksheet('Rekap') as ExcelJS.Worksheet).getCell(REKAP_USER_CELL).value = { richText: [{ text: 'Catatan ', font: { bold: true } }, { text: 'kepala', font: { italic: true } }] };
  (wb.getWorksheet('Unit') as ExcelJS.Worksheet).getCell('Z3').note = 'ditelepon 3 Feb';
  const own = wb.addWorksheet('Catatan Rapat');
  own.getCell('A1').value = 'Rapat koordinasi';
  own.getCell('A1').font = { name: 'Arial', size: 14, bold: true };
  own.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  own.getCell('A1').border = { bottom: { style: 'thick' } };
  own.mergeCells('A1:C1');
  own.getCell('A3').value = 1500000;
  own.getCell('A3').numFmt = '#,##0';
  own.getColumn(2).width = 30;
  own.getRow(3).height = 40;
  own.getCell('C3').dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2025, 0, 1))] };
  const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
  own.addImage(wb.addImage({ buffer: pixel as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 3, row: 4 }, ext: { width: 32, height: 32 } });
  await wb.xlsx.writeFile(file);
  const kept = saveWithLibreOffice(file, 'xlsx', join(tmp.dir, 'libreoffice'));
  const before = await usersAdditions(kept, bukti);
  expect(before).toMatchObject({ bukti: { text: 'Foto papan', hyperlink: 'https://example.org/foto-papan.jpg' }, unitNote: 'ditelepon 3 Feb', validation: 'date', media: ['png'] });
  for (const command of ['recap', 'email']) {
    const run = await pendampingInProcess(tmp.dir, [command, '--workbook', kept, '--now', NOW]);
    expect(run.code).toBe(0);
    expect(await usersAdditions(kept, bukti)).toEqual(before);
  }
  // generate does not write an answer cell whose value is unchanged (a value write would erase the
  // cell's rich-text runs and so its link, as in Sheets): the Bukti link stays.
  expect((await pendampingInProcess(tmp.dir, ['generate', '--workbook', kept, '--now', NOW])).code).toBe(0);
  expect(await usersAdditions(kept, bukti)).toEqual(before);
});
