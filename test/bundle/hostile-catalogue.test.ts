// The catalogue of hostile inputs (issue 18): what a careless user types or imports, across the
// unit-list CSV, Instrumen (with Aspek and Kategori), Pengaturan, Unit, the unit tabs, the edits
// file and the command line. For each one: the exit code, a message naming the place and the
// fix, in the workbook's language, and nothing else changed (a refused command leaves the file
// byte-identical; a refused init leaves no file). The CLI runs in-process (main), and inputs of
// one kind share one hostile workbook and one run: each case asserts its own line of that run.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../local/model/types';
import { parseA1Range } from '../../local/model/workbook';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, answerCell, grid, pendampingInProcess, settingCell, tempDir, writeUnits } from './cli-process';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together: what the user reads. */
  text: string;
}

let tmp: ReturnType<typeof tempDir>;
/** init (ombudsman-2021, three units) + generate, Indonesian. */
let base: string;
/** The same in English (bahasa en). */
let baseEn: string;
const PIC = 'pic.dinkes@muarojambi.example';

async function run(argv: readonly string[]): Promise<Run> {
  const { code, stdout, stderr } = await pendampingInProcess(tmp.dir, [...argv, '--now', NOW]);
  return { code, stdout, stderr, text: `${stdout}\n${stderr}` };
}

let files = 0;
/** A new file of the temporary folder holding `data`. */
function put(name: string, data: string | Buffer): string {
  const file = join(tmp.dir, `${(files += 1)}-${name}`);
  writeFileSync(file, data);
  return file;
}

/** Sets cell `a1` of tab `title` (undefined clears it). */
function setCell(model: WorkbookModel, title: string, a1: string, value: string | number | undefined): void {
  const sheet = model.sheets.find((s) => s.title === title);
  if (!sheet) throw new Error(`no tab ${title}`);
  const { startRow = 0, startColumn = 0 } = parseA1Range(a1);
  sheet.rowCount = Math.max(sheet.rowCount, startRow + 1);
  const rows = sheet.rows as ({ value?: unknown }[] | undefined)[];
  rows[startRow] ??= [];
  const row = rows[startRow] as { value?: unknown }[];
  row[startColumn] = value === undefined ? {} : { ...(row[startColumn] ?? {}), value };
}

/** The A1 of `column` on the row of `tab` whose first column is `key` (a Kode, a Kunci). */
function cellOf(model: WorkbookModel, tab: string, key: string, column: string): string {
  const rows = grid(model, tab);
  const row = rows.findIndex((r) => r[0] === key);
  const col = rows[0].indexOf(column);
  if (row < 0 || col < 0) throw new Error(`no ${key}/${column} in ${tab}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

/** A copy of `from` changed by `change`, saved as a new workbook. */
async function variant(from: string, name: string, change: (model: WorkbookModel) => void): Promise<string> {
  const model = await loadWorkbook(from);
  change(model);
  const file = join(tmp.dir, `${name}.xlsx`);
  await saveWorkbook(model, file);
  return file;
}

/** A command run on a copy of `file`, with whether the copy is byte-identical afterwards. */
async function runOn(file: string, argv: (copy: string) => string[]): Promise<Run & { unchanged: boolean; file: string }> {
  const copy = join(tmp.dir, `run-${(files += 1)}.xlsx`);
  copyFileSync(file, copy);
  const before = readFileSync(copy);
  const result = await run(argv(copy));
  return { ...result, unchanged: readFileSync(copy).equals(before), file: copy };
}

/** Memoised: each shared run happens once, for every case that reads it. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir('hostile');
  base = join(tmp.dir, 'dasar.xlsx');
  expect((await run(['init', '--workbook', base, '--user', ADMIN, '--profile', 'ombudsman-2021', '--units', writeUnits(tmp.dir)])).code).toBe(0);
  expect((await run(['generate', '--workbook', base])).code).toBe(0);
  const model = await loadWorkbook(base);
  baseEn = await variant(base, 'dasar-en', (m) => setCell(m, 'Pengaturan', settingCell(model, 'bahasa'), 'en'));
});
afterAll(() => tmp.remove());

type Lang = 'id' | 'en';
const LANG_MARKS: Record<Lang, RegExp> = {
  id: /\b(baris|yang|atau|bukan|dari|Isi|Pilih|Ketik|Berkas|tidak|dibaca|kolom|harus|sudah|sel|belum|dipakai|hanya|untuk|Minta|Pakai)\b/,
  en: /\b(row|the|is|not|Enter|Pick|File|Type|cannot|was|has)\b/,
};

interface Case {
  name: string;
  /** The run the case reads (shared by its kind). */
  run: () => Promise<Run & { unchanged?: boolean; file?: string }>;
  code: number;
  /** The line of the output that names the place; it must name the fix too. */
  place: RegExp;
  fix: RegExp;
  /** The language of the line ('none': JSON, in no language); default Indonesian. */
  lang?: Lang | 'none';
  /** A refused command leaves the file byte-identical (default: when code is not 0). */
  unchanged?: boolean;
  /** Anything more the case checks (what was accepted, what was kept). */
  also?: (r: Run & { file?: string }) => Promise<void> | void;
}

const cases: [string, Case][] = [];
const add = (kind: string, list: Case[]) => cases.push(...list.map((c): [string, Case] => [`${kind}: ${c.name}`, c]));

// ---------------------------------------------------------------- the unit list (init --units)

/** init of a new workbook with this unit list; the workbook must not exist afterwards when refused. */
function importing(name: string, data: string | Buffer): () => Promise<Run & { unchanged: boolean; file: string }> {
  return once(async () => {
    const units = put(name, data);
    const file = join(tmp.dir, `import-${(files += 1)}.xlsx`);
    const result = await run(['init', '--workbook', file, '--user', ADMIN, '--units', units]);
    return { ...result, unchanged: !existsSync(file), file };
  });
}
const HEADER = 'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor';
const row = (code: string, name = `Dinas ${code}`, email = `pic.${code.toLowerCase().replace(/[^a-z]/g, '')}@pemkab.go.id`) => `${code},${name},OPD,Budi,${email},`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
/** The Unit Status of the row of `code` in the imported workbook, once generate has run (init writes no status). */
async function unitStatus(file: string, code: string): Promise<string> {
  await run(['generate', '--workbook', file]);
  const rows = grid(await loadWorkbook(file), 'Unit');
  return String(rows.find((r) => r[0] === code)?.[7] ?? '');
}
const refusedImport = (name: string, data: string | Buffer, place: RegExp, fix: RegExp): Case => ({ name, run: importing(name, data), code: 1, place, fix });
const binary = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
add('CSV', [
  refusedImport('random binary bytes', binary, /bukan berkas teks/, /Simpan daftarnya sebagai CSV/),
  refusedImport('a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), binary]), /bukan berkas teks/, /Simpan daftarnya sebagai CSV/),
  refusedImport('a zip archive (an .xlsx) given as the list', Buffer.concat([Buffer.from('PK\u0003\u0004'), binary]), /bukan berkas teks/, /CSV/),
  refusedImport('a NUL byte inside the text', `${HEADER}\nDINKES,Dinas\u0000 Kesehatan,OPD,,a@b.go.id,\n`, /baris 2/, /Simpan daftarnya sebagai CSV/),
  refusedImport('an unbalanced quote on line 3', csv(row('A1'), '"A2,Dinas A2,OPD,Budi,a2@pemkab.go.id,', row('A3')), /baris 3/, /Tutup kutipnya/),
  refusedImport('an unbalanced quote in the header', `"Kode,Nama Unit,Email PIC\nA1,Dinas,a@b.go.id`, /baris 1/, /Tutup kutipnya/),
  refusedImport('a cell of 60,000 characters', csv(row('A1', 'x'.repeat(60_000))), /Baris 2/, /Persingkat/),
  refusedImport('an empty file', '', /Tidak ada baris unit/, /unit/),
  refusedImport('a header row only', HEADER, /Tidak ada baris unit/, /unit/),
  { name: 'a file that does not exist', run: once(async () => ({ ...(await run(['init', '--workbook', join(tmp.dir, 'x.xlsx'), '--units', join(tmp.dir, 'tidak-ada.csv')])), unchanged: !existsSync(join(tmp.dir, 'x.xlsx')) })), code: 1, place: /tidak-ada\.csv/, fix: /tidak dapat dibaca/ },
  {
    name: 'a folder given as the list',
    run: once(async () => {
      mkdirSync(join(tmp.dir, 'folder.csv'));
      return { ...(await run(['init', '--workbook', join(tmp.dir, 'y.xlsx'), '--units', join(tmp.dir, 'folder.csv')])), unchanged: !existsSync(join(tmp.dir, 'y.xlsx')) };
    }),
    code: 1,
    place: /folder\.csv/,
    fix: /tidak dapat dibaca/,
  },
  {
    name: 'Windows-1252 (Excel on Windows) is read as such and said',
    run: importing('latin1.csv', Buffer.from(csv(row('CAFE', 'Kantor Café Señor')), 'latin1')),
    code: 0,
    place: /dibaca sebagai Windows-1252/,
    fix: /Windows-1252/,
    also: async (r) => expect(grid(await loadWorkbook(r.file as string), 'Unit')[1][1]).toBe('Kantor Café Señor'),
  },
  { name: 'UTF-8 with a BOM is read and said', run: importing('bom.csv', `\uFEFF${csv(row('BOM'))}`), code: 0, place: /dibaca sebagai UTF-8 BOM/, fix: /UTF-8/ },
  {
    name: 'UTF-16 with a BOM (Excel "Unicode Text") is read and said',
    run: importing('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER.replace(/,/g, '\t')}\nU16\tDinas Ünicode\tOPD\tBudi\tu16@pemkab.go.id\t`, 'utf16le')])),
    code: 0,
    place: /dibaca sebagai UTF-16LE/,
    fix: /UTF-16LE/,
    also: async (r) => expect(grid(await loadWorkbook(r.file as string), 'Unit')[1][1]).toBe('Dinas Ünicode'),
  },
  {
    name: 'a header "Email" is read as Email PIC, and said',
    run: importing('email.csv', 'Kode,Nama Unit,Email\nA1,Dinas A1,a1@pemkab.go.id'),
    code: 0,
    place: /"Email" → "Email PIC"/,
    fix: /Judul kolom dibaca sebagai/,
    also: async (r) => expect(grid(await loadWorkbook(r.file as string), 'Unit')[1][4]).toBe('a1@pemkab.go.id'),
  },
  { name: 'a header "Nama" is read as Nama Unit, and said', run: importing('nama.csv', 'Kode,Nama,Email PIC\nA1,Dinas A1,a1@pemkab.go.id'), code: 0, place: /"Nama" → "Nama Unit"/, fix: /dibaca sebagai/ },
  {
    name: 'English headers are read, and said',
    run: importing('english.csv', 'Code,Name,Type,PIC,Email,Assessor Email\nA1,Agency A1,OPD,Budi,a1@pemkab.go.id,as@ombudsman.go.id'),
    code: 0,
    place: /"Code" → "Kode".*"Assessor Email" → "Email Asesor"/,
    fix: /dibaca sebagai/,
    also: async (r) => expect(grid(await loadWorkbook(r.file as string), 'Unit')[1].slice(0, 6)).toEqual(['A1', 'Agency A1', 'OPD', 'Budi', 'a1@pemkab.go.id', 'as@ombudsman.go.id']),
  },
  { name: 'an unknown header is listed as ignored', run: importing('telepon.csv', 'Kode,Nama Unit,Telepon,Email PIC\nA1,Dinas A1,0741-123,a1@pemkab.go.id'), code: 0, place: /diabaikan: "Telepon"/, fix: /tidak dikenal/ },
  { name: 'a ";" list (Indonesian Excel) is read, and the delimiter said', run: importing('titikkoma.csv', 'Kode;Nama Unit;Email PIC\nA1;Dinas A1, Bagian 2;a1@pemkab.go.id'), code: 0, place: /pemisah ";"/, fix: /dibaca/ },
  { name: 'a tab-separated list is read, and the delimiter said', run: importing('tab.tsv', 'Kode\tNama Unit\tEmail PIC\nA1\tDinas A1\ta1@pemkab.go.id'), code: 0, place: /pemisah tab/, fix: /dibaca/ },
  {
    name: 'a zero-width space in a Kode: the row is rejected naming U+200B',
    run: importing('zwsp.csv', csv(row('DINKES'), row('DINKES\u200B', 'Dinas Kembar', 'kembar@pemkab.go.id'))),
    code: 0,
    place: /1 perlu diperbaiki/,
    fix: /lihat Status/,
    also: async (r) => expect(await unitStatus(r.file as string, 'DINKES\u200B')).toMatch(/Kode berisi karakter tak terlihat U\+200B.*Ketik ulang/),
  },
  {
    name: 'a U+202E bidi override in Nama Unit: rejected naming it',
    run: importing('bidi.csv', csv(row('BIDI', 'Dinas \u202ElanoigeR'))),
    code: 0,
    place: /1 perlu diperbaiki/,
    fix: /lihat Status/,
    also: async (r) => expect(await unitStatus(r.file as string, 'BIDI')).toMatch(/Nama Unit berisi karakter tak terlihat U\+202E/),
  },
  {
    name: 'a zero-width joiner inside Email PIC: rejected naming it',
    run: importing('zwj.csv', csv(row('ZWJ', 'Dinas ZWJ', 'pic@pem\u200Dkab.go.id'))),
    code: 0,
    place: /1 perlu diperbaiki/,
    fix: /lihat Status/,
    also: async (r) => expect(await unitStatus(r.file as string, 'ZWJ')).toMatch(/Email PIC berisi karakter tak terlihat U\+200D/),
  },
  {
    name: 'a Kode typed decomposed (NFD) duplicates the same Kode typed composed (NFC)',
    run: importing('nfd.csv', csv(row('CAFÉ', 'Dinas Satu', 'satu@pemkab.go.id'), row('CAFE\u0301', 'Dinas Dua', 'dua@pemkab.go.id'))),
    code: 0,
    place: /1 perlu diperbaiki/,
    fix: /lihat Status/,
    also: async (r) => expect(await unitStatus(r.file as string, 'CAFÉ')).toBe('OK'),
  },
]);

// ---------------------------------------------------------------- Instrumen, Aspek, Kategori

const instrumen = once(async () => {
  const file = await variant(base, 'instrumen', (m) => {
    const at = (code: string, column: string) => cellOf(m, 'Instrumen', code, column);
    setCell(m, 'Instrumen', at('SP-01', 'Bobot'), 1e308);
    setCell(m, 'Instrumen', at('SP-02', 'Bobot'), 1e308);
    setCell(m, 'Instrumen', at('SP-03', 'Bobot'), -1);
    setCell(m, 'Instrumen', at('SP-04', 'Bobot'), 0);
    setCell(m, 'Instrumen', at('SP-05', 'Bobot'), 'berat');
    setCell(m, 'Instrumen', at('SP-06', 'Bobot'), '1e5');
    setCell(m, 'Instrumen', at('SP-07', 'Bobot'), 1001);
    setCell(m, 'Instrumen', at('SP-08', 'Bobot'), undefined);
    setCell(m, 'Instrumen', at('SP-09', 'Jenis Jawaban'), 'ya/tidak');
    setCell(m, 'Instrumen', at('SP-10', 'Jenis Jawaban'), '0-11');
    setCell(m, 'Instrumen', at('SP-11', 'Boleh N/A'), 'mungkin');
    setCell(m, 'Instrumen', at('SP-12', 'Indikator'), undefined);
    setCell(m, 'Instrumen', at('MK-01', 'Kode'), 'MK-02');
    setCell(m, 'Instrumen', at('SI-01', 'Kode'), 'si-02');
    setCell(m, 'Instrumen', at('SR-01', 'Kode'), 'SR-\u200B01');
    setCell(m, 'Instrumen', at('SR-02', 'Kode'), '\u202ESR-02');
    setCell(m, 'Instrumen', at('SR-03', 'Kode'), undefined);
  });
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
const instrumenCase = (name: string, place: RegExp, fix: RegExp): Case => ({ name, run: instrumen, code: 1, place, fix });
add('Instrumen', [
  instrumenCase('Bobot 1e308 (every unit would read 100)', /Tab Instrumen baris 2, kolom Bobot: Bobot "1e\+308" di luar rentang/, /lebih dari 0 sampai 1000/),
  instrumenCase('a second Bobot 1e308 (the sum would be Infinity, the score NaN)', /Tab Instrumen baris 3, kolom Bobot: Bobot "1e\+308" di luar rentang/, /sampai 1000/),
  instrumenCase('Bobot -1', /Tab Instrumen baris 4, kolom Bobot: Bobot "-1" bukan angka lebih dari 0/, /Isi angka positif/),
  instrumenCase('Bobot 0', /Tab Instrumen baris 5, kolom Bobot: Bobot "0"/, /Isi angka positif/),
  instrumenCase('Bobot as a word', /Tab Instrumen baris 6, kolom Bobot: Bobot "berat"/, /Isi angka positif/),
  instrumenCase('Bobot "1e5" as text', /Tab Instrumen baris 7, kolom Bobot: Bobot "1e5"/, /Isi angka positif/),
  instrumenCase('Bobot 1001', /Tab Instrumen baris 8, kolom Bobot: Bobot "1001" di luar rentang/, /sampai 1000/),
  instrumenCase('Bobot empty', /Tab Instrumen baris 9, kolom Bobot: Bobot ""/, /Isi angka positif/),
  instrumenCase('Jenis Jawaban "ya/tidak"', /Tab Instrumen baris 10, kolom Jenis Jawaban: Jenis Jawaban "ya\/tidak" tidak dikenal/, /Pakai ya-tidak/),
  instrumenCase('Jenis Jawaban "0-11"', /Tab Instrumen baris 11, kolom Jenis Jawaban: Jenis Jawaban "0-11"/, /1 sampai 10/),
  instrumenCase('Boleh N/A "mungkin"', /Tab Instrumen baris 12, kolom Boleh N\/A: Boleh N\/A "mungkin"/, /Isi Ya atau Tidak/),
  instrumenCase('Indikator empty', /Tab Instrumen baris 13, kolom Indikator: Indikator kosong/, /Tulis bunyi/),
  instrumenCase('a Kode repeated', /Tab Instrumen baris 15, kolom Kode: Kode "MK-02" sudah dipakai di baris 14/, /Beri setiap baris Kode yang berbeda/),
  instrumenCase('a Kode repeated in another case', /Tab Instrumen baris 17, kolom Kode: Kode "SI-02" sudah dipakai di baris 16/, /huruf besar\/kecil tidak dibedakan/),
  instrumenCase('a zero-width space inside a Kode', /Tab Instrumen baris 18, kolom Kode: Kode berisi karakter tak terlihat U\+200B/, /Ketik ulang/),
  instrumenCase('a bidi override before a Kode', /Tab Instrumen baris 19, kolom Kode: Kode berisi karakter tak terlihat U\+202E/, /Ketik ulang/),
  instrumenCase('Kode empty', /Tab Instrumen baris 20, kolom Kode: Kode kosong/, /Isi Kode yang unik/),
]);

const weights = once(async () => {
  const file = await variant(base, 'aspek-kategori', (m) => {
    setCell(m, 'Aspek', 'A1', 'Aspek');
    setCell(m, 'Aspek', 'B1', 'Bobot Aspek');
    setCell(m, 'Aspek', 'A2', 'Standar Pelayanan');
    setCell(m, 'Aspek', 'B2', 1e308);
    setCell(m, 'Aspek', 'A3', 'Maklumat Pelayanan');
    setCell(m, 'Aspek', 'B3', -5);
    setCell(m, 'Aspek', 'A4', 'standar pelayanan');
    setCell(m, 'Aspek', 'B4', 2);
    setCell(m, 'Aspek', 'A5', '');
    setCell(m, 'Aspek', 'B5', 3);
    const at = (name: string, column: string) => cellOf(m, 'Kategori', name, column);
    const names = grid(m, 'Kategori').slice(1).map((r) => String(r[0]));
    setCell(m, 'Kategori', at(names[0], 'Skor Minimum'), 150);
    setCell(m, 'Kategori', at(names[1], 'Zona'), 'Biru');
  });
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
const weightCase = (name: string, place: RegExp, fix: RegExp): Case => ({ name, run: weights, code: 1, place, fix });
add('Instrumen (Aspek, Kategori)', [
  weightCase('Bobot Aspek 1e308', /Tab Aspek baris 2, kolom Bobot Aspek: Bobot Aspek "1e\+308" di luar rentang/, /sampai 1000/),
  weightCase('Bobot Aspek -5', /Tab Aspek baris 3, kolom Bobot Aspek: Bobot Aspek "-5"/, /Isi angka positif/),
  weightCase('an aspect listed twice', /Tab Aspek baris 4, kolom Aspek: Aspek "standar pelayanan" sudah ada di baris 2/, /Satukan/),
  weightCase('a weight without an aspect name', /Tab Aspek baris 5, kolom Aspek: nama Aspek kosong/, /Tulis nama aspek/),
  weightCase('Skor Minimum 150 on 0-100', /Tab Kategori baris 2, kolom Skor Minimum: Skor Minimum "150"/, /Isi angka/),
  weightCase('Zona "Biru"', /Tab Kategori baris 3, kolom Zona: Zona "Biru" tidak dikenal/, /Isi Hijau, Kuning, atau Merah/),
]);

const instrumenHeader = once(async () => {
  const file = await variant(base, 'instrumen-judul', (m) => setCell(m, 'Instrumen', cellOf(m, 'Instrumen', 'Kode', 'Bobot'), 'Weight'));
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
add('Instrumen (headers)', [{ name: 'the Bobot header renamed', run: instrumenHeader, code: 1, place: /Tab Instrumen: kolom "Bobot" tidak ditemukan/, fix: /Tambahkan judul kolom itu/ }]);

// ---------------------------------------------------------------- Pengaturan

/** A workbook whose Pengaturan holds every bad value at once, run without --user (the admin is unknown) and with it. */
const settingsBook = once(() =>
  variant(base, 'pengaturan', (m) => {
    const at = (key: string) => settingCell(m, key);
    setCell(m, 'Pengaturan', at('bahasa'), 'xx');
    setCell(m, 'Pengaturan', at('batas_waktu'), 'besok');
    setCell(m, 'Pengaturan', at('email_balasan'), 'a@pemkab.go.id, b@pemkab.go.id');
    setCell(m, 'Pengaturan', at('profil'), 'opini-2099');
    setCell(m, 'Pengaturan', at('kirim_tanda_terima'), 'mungkin');
    setCell(m, 'Pengaturan', at('pengingat_otomatis'), 'kadang');
  }),
);
const settingsNoUser = once(async () => runOn(await settingsBook(), (copy) => ['generate', '--workbook', copy]));
const settingsUser = once(async () => runOn(await settingsBook(), (copy) => ['generate', '--workbook', copy, '--user', ADMIN]));
const settingsCases = (how: string, runIt: Case['run']): Case[] => {
  const at = (what: RegExp) => new RegExp(`Tab Pengaturan baris \\d+, kolom Nilai: ${what.source}`);
  return [
    { name: `bahasa "xx" ${how}`, run: runIt, code: 1, place: at(/bahasa "xx" tidak dikenal/), fix: /Isi id atau en/ },
    { name: `batas_waktu "besok" ${how}`, run: runIt, code: 1, place: at(/batas_waktu "besok" bukan tanggal/), fix: /Isi tanggal/ },
    { name: `two reply-to addresses ${how}`, run: runIt, code: 1, place: at(/email_balasan hanya boleh satu alamat/), fix: /Sisakan satu alamat/ },
    { name: `profil "opini-2099" ${how}`, run: runIt, code: 1, place: at(/profil "opini-2099" tidak dikenal/), fix: /Pakai salah satu/ },
    { name: `kirim_tanda_terima "mungkin" ${how}`, run: runIt, code: 1, place: at(/kirim_tanda_terima "mungkin" tidak dikenal/), fix: /Isi Ya atau Tidak/ },
    { name: `pengingat_otomatis "kadang" ${how}`, run: runIt, code: 1, place: at(/pengingat_otomatis "kadang" tidak dikenal/), fix: /Isi Ya atau Tidak/ },
    { name: `no "email_admin kosong" ${how}`, run: runIt, code: 1, place: /Tab Pengaturan/, fix: /./, also: (r) => expect(r.text).not.toMatch(/email_admin kosong/) },
  ];
};
add('Pengaturan', settingsCases('(no --user)', settingsNoUser));
add('Pengaturan', settingsCases('(--user)', settingsUser));

const adminBook = once(async () => {
  const file = await variant(base, 'admin', (m) => setCell(m, 'Pengaturan', settingCell(m, 'email_admin'), `${ADMIN.replace('@', '\u200B@')}, salah@`));
  return runOn(file, (copy) => ['recap', '--workbook', copy]);
});
add('Pengaturan', [
  { name: 'a zero-width space in email_admin', run: adminBook, code: 1, place: /Tab Pengaturan baris \d+, kolom Nilai: email_admin berisi karakter tak terlihat U\+200B/, fix: /Ketik ulang/ },
  { name: 'an invalid address in email_admin', run: adminBook, code: 1, place: /alamat email tidak sah: .*salah@/, fix: /Perbaiki penulisannya/ },
]);

const keyTwice = once(async () => {
  const file = await variant(base, 'kunci-ganda', (m) => {
    const rows = grid(m, 'Pengaturan');
    setCell(m, 'Pengaturan', `A${rows.length + 1}`, 'Bahasa');
    setCell(m, 'Pengaturan', `B${rows.length + 1}`, 'en');
  });
  return runOn(file, (copy) => ['recap', '--workbook', copy]);
});
add('Pengaturan', [{ name: 'a key listed twice', run: keyTwice, code: 1, place: /Tab Pengaturan baris \d+, kolom Kunci: kunci "bahasa" sudah ada di baris \d+/, fix: /Hapus salah satu baris/ }]);

// ---------------------------------------------------------------- rounds and the command line

const roundPast = once(() => runOn(base, (copy) => ['round', '--workbook', copy, '--name', '2025 Ulang', '--deadline', '2024-12-31', '--force']));
const roundPic = once(() => runOn(base, (copy) => ['round', '--workbook', copy, '--name', '2025 Ulang', '--force', '--user', PIC]));
const roundLong = once(() => runOn(base, (copy) => ['round', '--workbook', copy, '--name', 'P'.repeat(300), '--force']));
const notStarted = (r: Run) => expect(r.text).not.toMatch(/dimulai/);
add('Pengaturan (round)', [
  { name: 'a deadline in the past', run: roundPast, code: 1, place: /Batas waktu 2024-12-31 sudah lewat \(hari ini 2025-02-03\)/, fix: /Beri --deadline hari ini atau sesudahnya/, also: notStarted },
  { name: 'a round started by a PIC', run: roundPic, code: 1, place: new RegExp(PIC.replace(/\./g, '\\.')), fix: /admin/, also: notStarted },
  { name: 'a round name of 300 characters', run: roundLong, code: 1, place: /Nama putaran terlalu panjang \(300 karakter\)/, fix: /Pakai paling banyak 100 karakter/, also: notStarted },
]);

const missingTab = once(() => variant(base, 'tanpa-rekap', (m) => (m.sheets = m.sheets.filter((s) => s.title !== 'Rekap'))));
const generateNoRekap = once(async () => runOn(await missingTab(), (copy) => ['generate', '--workbook', copy]));
const repairNoRekap = once(async () => runOn(await missingTab(), (copy) => ['init', '--repair', '--workbook', copy]));
const outboxFile = once(() => runOn(base, (copy) => ['email', '--workbook', copy, '--outbox', put('bukan-folder.txt', 'x')]));
// A round and its deadline filled (sending is refused without them); nobody has answered yet, so the three units are not ready.
const dryRun = once(async () => {
  const model = await loadWorkbook(base);
  const ready = await variant(base, 'dry-run', (m) => {
    setCell(m, 'Pengaturan', settingCell(model, 'putaran'), 'Putaran 1');
    setCell(m, 'Pengaturan', settingCell(model, 'batas_waktu'), '2025-04-30');
  });
  return runOn(ready, (copy) => ['email', '--workbook', copy, '--dry-run', '--json']);
});
add('command line', [
  { name: 'a deleted system tab names init --repair', run: generateNoRekap, code: 1, place: /Tab Rekap belum ada/, fix: /pendamping init --repair/ },
  {
    name: 'init --repair restores the tab and keeps the units',
    run: repairNoRekap,
    code: 0,
    place: /dibuat|tab/,
    fix: /./,
    also: async (r) => {
      const model = await loadWorkbook(r.file as string);
      expect(model.sheets.map((s) => s.title)).toContain('Rekap');
      expect(grid(model, 'Unit').slice(1).map((u) => u[0])).toEqual(['DINKES', 'DUKCAPIL', 'DINSOS']);
    },
  },
  { name: 'init --repair with --force', run: once(() => runOn(base, (copy) => ['init', '--repair', '--force', '--workbook', copy])), code: 2, place: /--repair, --force/, fix: /tidak dapat dipakai bersama/ },
  { name: '--outbox naming a file', run: outboxFile, code: 2, place: /bukan-folder\.txt/, fix: /harus folder/, also: (r) => expect(r.text).not.toMatch(/GAGAL/) },
  {
    name: 'a dry run says dryRun and names the planned counts',
    run: dryRun,
    code: 0,
    place: /"dryRun":true/,
    fix: /"wouldSend":0/,
    lang: 'none',
    also: (r) => {
      const out = JSON.parse(r.stdout) as { notReady: unknown[] };
      expect(out).toMatchObject({ ok: true, dryRun: true, wouldSend: 0, wouldSkip: 0, wouldFail: 0, sent: 0 });
      expect(out.notReady).toHaveLength(3);
    },
  },
  { name: 'a date that does not exist', run: once(() => runOn(base, (copy) => ['round', '--workbook', copy, '--name', 'X', '--deadline', '2025-02-30'])), code: 2, place: /--deadline/, fix: /harus tanggal YYYY-MM-DD/ },
]);

// ---------------------------------------------------------------- Unit

const unitBook = once(async () => {
  const file = await variant(base, 'unit', (m) => {
    const rows = grid(m, 'Unit');
    const next = rows.length + 1;
    const unit = (i: number, cells: string[]) => cells.forEach((v, c) => setCell(m, 'Unit', `${String.fromCharCode(65 + c)}${next + i}`, v));
    const bad: string[][] = [
      ['DINKES\u200B', 'Dinas Kesehatan Kembar', 'OPD', '', 'a@pemkab.go.id', ''],
      ['BIDI', 'Dinas \u202ElaisoS', 'OPD', '', 'b@pemkab.go.id', ''],
      ['ZWJ', 'Dinas ZWJ', 'OPD', '', 'c@pem\u200Dkab.go.id', ''],
      ['ISO', 'Dinas Isolasi', 'OPD', '', 'd@pemkab.go.id', 'e@ombudsman\u2066.go.id'],
      ['dinkes', 'Dinas Kesehatan Lagi', 'OPD', '', 'f@pemkab.go.id', ''],
      ['CAFÉ', 'Kafe Satu', 'OPD', '', 'g@pemkab.go.id', ''],
      ['CAFE\u0301', 'Kafe Dua', 'OPD', '', 'h@pemkab.go.id', ''],
      ['TANPA', 'Dinas Tanpa Email', 'OPD', '', '', ''],
      ['SALAH', 'Dinas Salah Email', 'OPD', '', 'bukan-email', ''],
      ['NAMA', 'Dinas Nama', 'OPD', '', 'Budi <budi@pemkab.go.id>', ''],
      ['', 'Dinas Tanpa Kode', 'OPD', '', 'i@pemkab.go.id', ''],
      ['KOSONG', '', 'OPD', '', 'j@pemkab.go.id', ''],
      ['TLD', 'Dinas Tanpa Domain', 'OPD', '', 'k@pemkab.go.id', 'asesor@ombudsman'],
    ];
    bad.forEach((cells, i) => unit(i, cells));
  });
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
const unitCase = (name: string, offset: number, kode: string, reason: RegExp, fix: RegExp): Case => ({
  name,
  run: unitBook,
  code: 0,
  place: new RegExp(`baris ${5 + offset} \\(${kode}\\): ${reason.source}`),
  fix,
  also: async (r) => {
    // The good units keep their tabs and their OK.
    const unit = grid(await loadWorkbook(r.file as string), 'Unit');
    expect(unit.slice(1, 4).map((u) => u[7])).toEqual(['OK', 'OK', 'OK']);
  },
});
add('Unit', [
  unitCase('a zero-width space makes DINKES look like DINKES', 0, 'DINKES\u200B', /Kode berisi karakter tak terlihat U\+200B/, /Ketik ulang/),
  unitCase('a bidi override reverses a name', 1, 'BIDI', /Nama Unit berisi karakter tak terlihat U\+202E/, /Ketik ulang/),
  unitCase('a zero-width joiner hides in an address', 2, 'ZWJ', /Email PIC berisi karakter tak terlihat U\+200D/, /Ketik ulang/),
  unitCase('a bidi isolate in Email Asesor', 3, 'ISO', /Email Asesor berisi karakter tak terlihat U\+2066/, /Ketik ulang/),
  unitCase('a Kode repeated in lower case', 4, 'dinkes', /Kode "dinkes" sudah dipakai unit di baris 2/, /Beri unit ini Kode yang berbeda/),
  unitCase('a Kode repeated in another Unicode form (NFD)', 6, 'CAFÉ', /Kode "CAFÉ" sudah dipakai unit di baris 10/, /Kode yang berbeda/),
  {
    // Accepted since a desa may have no address: the unit gets its tab, its Status says why it is never emailed.
    name: 'Email PIC empty: the unit gets its tab, its Status says it will not be emailed',
    run: unitBook,
    code: 0,
    place: /tab unit dibuat/,
    fix: /ditolak \(lihat kolom Status\)/,
    also: async (r) => {
      const unit = grid(await loadWorkbook(r.file as string), 'Unit');
      const row = unit.find((u) => u[0] === 'TANPA');
      expect(row?.[6]).not.toBe('');
      expect(row?.[7]).toMatch(/^OK — Email PIC kosong/);
    },
  },
  unitCase('Email PIC not an address', 8, 'SALAH', /Email PIC tidak sah: bukan-email/, /Perbaiki penulisannya/),
  unitCase('Email PIC with a display name', 9, 'NAMA', /Email PIC tidak sah: Budi <budi@pemkab\.go\.id>/, /Perbaiki penulisannya/),
  unitCase('Kode empty', 10, '', /Kode kosong/, /Isi Kode unit yang unik/),
  unitCase('Nama Unit empty', 11, 'KOSONG', /Nama Unit kosong/, /Isi nama lengkap unit/),
  unitCase('an assessor address without a domain', 12, 'TLD', /Email Asesor tidak sah: asesor@ombudsman/, /Perbaiki penulisannya/),
]);

const unitHeader = once(async () => {
  const file = await variant(base, 'unit-judul', (m) => setCell(m, 'Unit', 'E1', 'Email'));
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
add('Unit (headers)', [{ name: 'the Email PIC header renamed "Email" in the tab', run: unitHeader, code: 1, place: /Tab Unit: kolom "Email PIC" tidak ditemukan/, fix: /Tambahkan judul kolom itu/ }]);

// ---------------------------------------------------------------- the unit tabs

/** Unit tabs as people leave them in Excel: answers outside the dropdown, text deadlines, rows copied or inserted. */
const tabsBook = once(async () => {
  const model = await loadWorkbook(base);
  const at = (kode: string, ind: string, column: string) => answerCell(model, kode, ind, column);
  const file = await variant(base, 'tab-unit', (m) => {
    const set = (kode: string, ind: string, column: string, value: string | number) => {
      const c = at(kode, ind, column);
      setCell(m, c.tab, c.a1, value);
    };
    set('DINKES', 'SP-01', 'Jawaban Mandiri', 'Yaa');
    set('DINKES', 'SP-02', 'Jawaban Verifikasi', 'Mungkin');
    set('DINKES', 'SP-03', 'Jawaban Mandiri', 5);
    set('DINKES', 'SP-04', 'Jawaban Mandiri', 'N/A');
    set('DINKES', 'SR-02', 'Jawaban Mandiri', 'Setengah');
    set('DINKES', 'SP-05', 'Batas Waktu', 'minggu depan');
    set('DINKES', 'SP-06', 'Jawaban Mandiri', 'ya');
    set('DINKES', 'SP-07', 'Jawaban Mandiri', ' Tidak ');
    set('DINKES', 'SR-02', 'Jawaban Verifikasi', 'sebagian');
    // DUKCAPIL: a row copied under the table (its Kode repeated), an unknown Kode, answers without a Kode.
    const dukcapil = grid(m, at('DUKCAPIL', 'SP-01', 'Kode').tab);
    const tab = at('DUKCAPIL', 'SP-01', 'Kode').tab;
    const last = dukcapil.length;
    const header = dukcapil.findIndex((r) => r.includes('Jawaban Mandiri'));
    const jm = dukcapil[header].indexOf('Jawaban Mandiri');
    const letter = String.fromCharCode(65 + jm);
    setCell(m, tab, `A${last + 1}`, 'SP-01');
    setCell(m, tab, `${letter}${last + 1}`, 'Ya');
    setCell(m, tab, `A${last + 2}`, 'ZZ-99');
    setCell(m, tab, `${letter}${last + 2}`, 'Tidak');
    setCell(m, tab, `${letter}${last + 3}`, 'Ya');
    // DINSOS: a row inserted above the table header moves it down.
    const dinsos = m.sheets.find((s) => s.title === at('DINSOS', 'SP-01', 'Kode').tab);
    if (!dinsos) throw new Error('no DINSOS tab');
    (dinsos.rows as unknown[]).splice(1, 0, []);
    dinsos.rowCount += 1;
  });
  return runOn(file, (copy) => ['generate', '--workbook', copy, '--json']);
});
/** The tab problems and repairs of the shared generate, as "message" lines. */
const tabText = (r: Run) => {
  const json = JSON.parse(r.stdout) as { tabProblems: { message: string }[]; tabRepairs: { message: string }[] };
  return [...json.tabProblems, ...json.tabRepairs].map((p) => p.message).join('\n');
};
const tabCase = (name: string, place: RegExp, fix: RegExp, also?: Case['also']): Case => ({
  name,
  run: async () => {
    const r = await tabsBook();
    return { ...r, text: tabText(r) };
  },
  code: 0,
  place,
  fix,
  ...(also && { also }),
});
add('unit tabs', [
  tabCase('an answer typed outside the dropdown ("Yaa")', /Tab DINKES Dinas Kesehatan baris 8, kolom Jawaban Mandiri: Jawaban Mandiri "Yaa" bukan pilihan indikator SP-01 \(Ya, Tidak\)/, /Pilih jawaban dari daftar/),
  tabCase('a verification outside the dropdown', /baris 9, kolom Jawaban Verifikasi: Jawaban Verifikasi "Mungkin" bukan pilihan indikator SP-02/, /Pilih jawaban/),
  tabCase('a number on a Ya/Tidak indicator', /baris 10, kolom Jawaban Mandiri: Jawaban Mandiri "5" bukan pilihan indikator SP-03/, /Pilih jawaban/),
  tabCase('N/A where the indicator allows none', /baris 11, kolom Jawaban Mandiri: Jawaban Mandiri "N\/A" bukan pilihan indikator SP-04 \(Ya, Tidak\)/, /Pilih jawaban/),
  tabCase('a word close to a choice ("Setengah")', /kolom Jawaban Mandiri: Jawaban Mandiri "Setengah" bukan pilihan indikator SR-02 \(Ya, Sebagian, Tidak\)/, /Pilih jawaban/),
  tabCase('a text Batas Waktu', /baris 12, kolom Batas Waktu: Batas Waktu "minggu depan" bukan tanggal/, /Isi tanggal/),
  tabCase('a row copied under the table (its Kode repeated): repaired', /Tab DUKCAPIL .* kolom Kode: Kode "SP-01" muncul lagi \(pertama di baris 8\)/, /disimpan ke Arsip/, async (r) => {
    const model = await loadWorkbook((r as { file: string }).file);
    const tab = grid(model, 'Unit')[2][6] as string;
    const codes = grid(model, tab).map((row) => row[0]).filter((c) => c === 'SP-01' || c === 'ZZ-99');
    expect(codes).toEqual(['SP-01']);
    expect(grid(model, 'Arsip').map((row) => row[1])).toEqual(expect.arrayContaining(['DUKCAPIL']));
  }),
  tabCase('an unknown Kode: repaired', /Tab DUKCAPIL .* kolom Kode: Kode "ZZ-99" tidak ada di tab Instrumen/, /disimpan ke Arsip/),
  tabCase('answers on a row without a Kode', /Tab DUKCAPIL .* baris \d+: baris berisi jawaban tanpa Kode/, /Isi Kode indikatornya/),
  tabCase('a row inserted above the table header: repaired', /Tab DINSOS .* baris 8: judul tabel ada di baris 8, bukan baris 7/, /jawaban tetap tersimpan per Kode/, async (r) => {
    const model = await loadWorkbook((r as { file: string }).file);
    const tab = grid(model, 'Unit')[3][6] as string;
    expect(grid(model, tab)[6].slice(0, 2)).toEqual(['Kode', 'Aspek']);
  }),
  tabCase('a flagged answer keeps its value and gets the flag as its note', /Jawaban Mandiri "Yaa"/, /Pilih jawaban/, async (r) => {
    const model = await loadWorkbook((r as { file: string }).file);
    const c = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Mandiri');
    const sheet = model.sheets.find((s) => s.title === c.tab);
    const { startRow = 0, startColumn = 0 } = parseA1Range(c.a1);
    const cell = sheet?.rows[startRow]?.[startColumn];
    expect(cell?.value).toBe('Yaa');
    expect(cell?.note).toMatch(/kolom Jawaban Mandiri: Jawaban Mandiri "Yaa" bukan pilihan/);
  }),
  tabCase('"ya", " Tidak " and "sebagian" (any case, spaces) are accepted, not flagged', /./, /./, (r) => {
    const text = tabText(r as Run);
    expect(text).not.toMatch(/"ya"|" Tidak "|"sebagian"|"Tidak"/);
  }),
]);

/**
 * Cells merged as a user merges them in Excel (Merge & Center keeps the top-left value only):
 * on DINKES the Jawaban Mandiri of SP-02 and SP-03 (SP-02 answered Ya, SP-03 Tidak, SP-01 Tidak
 * beside them), on DUKCAPIL the Jawaban Mandiri and Bukti of SP-01; and DINKES's title row, above
 * the table, merged as a heading.
 */
const mergedBook = once(async () => {
  const model = await loadWorkbook(base);
  const at = (kode: string, ind: string, column: string) => answerCell(model, kode, ind, column);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(base);
  const cell = (c: { tab: string; a1: string }) => (book.getWorksheet(c.tab) as ExcelJS.Worksheet).getCell(c.a1);
  cell(at('DINKES', 'SP-01', 'Jawaban Mandiri')).value = 'Tidak';
  cell(at('DINKES', 'SP-02', 'Jawaban Mandiri')).value = 'Ya';
  cell(at('DINKES', 'SP-03', 'Jawaban Mandiri')).value = 'Tidak';
  cell(at('DUKCAPIL', 'SP-01', 'Jawaban Mandiri')).value = 'Ya';
  const dinkes = book.getWorksheet(at('DINKES', 'SP-02', 'Kode').tab) as ExcelJS.Worksheet;
  dinkes.mergeCells(`${at('DINKES', 'SP-02', 'Jawaban Mandiri').a1}:${at('DINKES', 'SP-03', 'Jawaban Mandiri').a1}`);
  dinkes.mergeCells('A1:C1');
  (book.getWorksheet(at('DUKCAPIL', 'SP-01', 'Kode').tab) as ExcelJS.Worksheet).mergeCells(`${at('DUKCAPIL', 'SP-01', 'Jawaban Mandiri').a1}:${at('DUKCAPIL', 'SP-01', 'Bukti').a1}`);
  const file = join(tmp.dir, 'merged.xlsx');
  await book.xlsx.writeFile(file);
  return file;
});
const mergedGenerate = once(async () => {
  const r = await runOn(await mergedBook(), (copy) => ['generate', '--workbook', copy, '--json']);
  return { ...r, text: tabText(r) };
});
/** The merges of a tab of a saved workbook, as Excel lists them. */
async function mergesOf(file: string, tab: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return [...((book.getWorksheet(tab)?.model as { merges?: string[] } | undefined)?.merges ?? [])].sort();
}
const mergedCase = (name: string, place: RegExp, also?: Case['also']): Case => ({ name, run: mergedGenerate, code: 0, place, fix: /penggabungan dilepas, isi [A-Z]+\d+ tetap/, ...(also && { also }) });
add('unit tabs (merged cells)', [
  mergedCase('answer cells merged down two rows: repaired, the top-left answer kept', /Tab DINKES .* baris 9, kolom Jawaban Mandiri: sel F9:F10 digabung/, async (r) => {
    const model = await loadWorkbook(r.file as string);
    const tab = answerCell(model, 'DINKES', 'SP-02', 'Kode').tab;
    expect(await mergesOf(r.file as string, tab)).toEqual(['A1:C1']);
    const answers = ['SP-01', 'SP-02', 'SP-03'].map((ind) => {
      const c = answerCell(model, 'DINKES', ind, 'Jawaban Mandiri');
      const { startRow = 0, startColumn = 0 } = parseA1Range(c.a1);
      return model.sheets.find((s) => s.title === c.tab)?.rows[startRow]?.[startColumn]?.value;
    });
    expect(answers).toEqual(['Tidak', 'Ya', undefined]);
  }),
  mergedCase('an answer merged with its Bukti across: repaired', /Tab DUKCAPIL .* baris 8, kolom Jawaban Mandiri: sel F8:G8 digabung/, async (r) => {
    const model = await loadWorkbook(r.file as string);
    expect(await mergesOf(r.file as string, answerCell(model, 'DUKCAPIL', 'SP-01', 'Kode').tab)).toEqual([]);
    expect(grid(model, 'Rekap').find((row) => row[0] === 'DUKCAPIL')).toBeDefined();
  }),
  {
    name: 'a title merged above the table is the user\'s layout: kept, never flagged',
    run: mergedGenerate,
    code: 0,
    place: /Tab DINKES/,
    fix: /digabung/,
    also: (r) => expect(r.text).not.toMatch(/A1:C1/),
  },
  {
    name: 'a second generate finds nothing merged left',
    run: once(async () => {
      const first = await mergedGenerate();
      const r = await runOn(first.file, (copy) => ['generate', '--workbook', copy, '--json']);
      return { ...r, text: `${tabText(r)}\n${r.stdout}` };
    }),
    code: 0,
    place: /"tabRepairs":\[\]/,
    fix: /tabRepairs/,
    lang: 'none',
    also: (r) => expect(r.text).not.toMatch(/digabung/),
  },
  {
    name: 'a command that does not repair (recap) keeps the merges the user made',
    run: once(async () => runOn(await mergedBook(), (copy) => ['recap', '--workbook', copy])),
    code: 0,
    place: /Rekap diperbarui/,
    fix: /unit/,
    // The command's own success line; what the case checks is the file.
    lang: 'none',
    unchanged: false,
    also: async (r) => {
      const model = await loadWorkbook(r.file as string);
      const jm = (ind: string) => answerCell(model, 'DINKES', ind, 'Jawaban Mandiri').a1;
      expect(await mergesOf(r.file as string, answerCell(model, 'DINKES', 'SP-02', 'Kode').tab)).toEqual(['A1:C1', `${jm('SP-02')}:${jm('SP-03')}`].sort());
    },
  },
]);

/**
 * Rows inserted as Excel inserts them (Insert Row, the style of the row above copied): on DINKES
 * an empty row inside the table, on DUKCAPIL a row inside the table with an answer typed and no
 * Kode, on DINSOS an empty row below the last indicator. Then generate, twice.
 */
const insertedRows = once(async () => {
  const model = await loadWorkbook(base);
  const at = (kode: string, ind: string, column: string) => answerCell(model, kode, ind, column);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(base);
  const sheetOf = (kode: string) => book.getWorksheet(at(kode, 'SP-01', 'Kode').tab) as ExcelJS.Worksheet;
  const rowOf = (kode: string, ind: string) => Number(/\d+/.exec(at(kode, ind, 'Kode').a1)?.[0]);
  sheetOf('DINKES').getCell(at('DINKES', 'SP-02', 'Jawaban Mandiri').a1).value = 'Ya';
  sheetOf('DINKES').insertRow(rowOf('DINKES', 'SP-02') + 1, [], 'i');
  const typed = sheetOf('DUKCAPIL').insertRow(rowOf('DUKCAPIL', 'SP-02') + 1, [], 'i');
  typed.getCell(Number(/[A-Z]+/.exec(at('DUKCAPIL', 'SP-02', 'Jawaban Mandiri').a1)?.[0].charCodeAt(0)) - 64).value = 'Tidak';
  const dinsos = sheetOf('DINSOS');
  dinsos.insertRow(grid(model, at('DINSOS', 'SP-01', 'Kode').tab).length + 1, [], 'i');
  const file = join(tmp.dir, 'inserted.xlsx');
  await book.xlsx.writeFile(file);
  const first = await runOn(file, (copy) => ['generate', '--workbook', copy, '--json']);
  const second = await runOn(first.file, (copy) => ['generate', '--workbook', copy, '--json']);
  return { ...second, text: `${tabText(first)}\n${second.stdout}` };
});
/** Each Kode of the unit's tab after the two generations, how many times it appears. */
async function repeatedCodes(file: string, kode: string): Promise<string[]> {
  const model = await loadWorkbook(file);
  const values = grid(model, answerCell(model, kode, 'SP-01', 'Kode').tab);
  const header = values.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const codes = values.slice(header + 1).map((r) => String(r[0] ?? '')).filter((c) => c !== '');
  return codes.filter((c, i) => codes.indexOf(c) !== i);
}
const insertedCase = (name: string, kode: string, place: RegExp, fix: RegExp, lang?: Lang | 'none'): Case => ({
  name,
  run: insertedRows,
  code: 0,
  place,
  fix,
  ...(lang && { lang }),
  also: async (r) => {
    expect(await repeatedCodes(r.file as string, kode)).toEqual([]);
    expect(r.text).not.toMatch(new RegExp(`Tab ${kode} .*muncul lagi`));
  },
});
add('unit tabs (inserted rows)', [
  insertedCase('an empty row inserted inside the table: no phantom row after two generations', 'DINKES', /"tabRepairs":\[\]/, /"tabProblems":\[\]/, 'none'),
  insertedCase('a row inserted inside the table with an answer and no Kode: repaired once, no phantom row', 'DUKCAPIL', /Tab DUKCAPIL .* baris \d+: baris berisi jawaban tanpa Kode/, /disimpan ke Arsip/),
  insertedCase('an empty row inserted below the last indicator: no phantom row after two generations', 'DINSOS', /"tabRepairs":\[\]/, /"tabProblems":\[\]/, 'none'),
  {
    name: 'answers around an inserted row keep their indicator',
    run: insertedRows,
    code: 0,
    place: /"ok":true/,
    fix: /"command":"generate"/,
    lang: 'none',
    also: async (r) => {
      const model = await loadWorkbook(r.file as string);
      const c = answerCell(model, 'DINKES', 'SP-02', 'Jawaban Mandiri');
      const { startRow = 0, startColumn = 0 } = parseA1Range(c.a1);
      expect(model.sheets.find((s) => s.title === c.tab)?.rows[startRow]?.[startColumn]?.value).toBe('Ya');
    },
  },
]);

const renamedTabHeader = once(async () => {
  const model = await loadWorkbook(base);
  const c = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Mandiri');
  const file = await variant(base, 'judul-tab', (m) => setCell(m, c.tab, `${c.a1.replace(/\d+/, '')}7`, 'Jawaban'));
  return runOn(file, (copy) => ['generate', '--workbook', copy]);
});
add('unit tabs (headers)', [
  { name: 'a renamed table header: generate says so and how to restore it', run: renamedTabHeader, code: 0, place: /Tab "DINKES Dinas Kesehatan" tidak diperbarui: baris judul tabelnya/, fix: /Kembalikan judul kolomnya/ },
]);

// ---------------------------------------------------------------- the edits file

/** Edits typed by the DINKES PIC: every refusal of one run. */
const editsRun = (workbook: () => string, lang: Lang) =>
  once(async () => {
    const from = workbook();
    const model = await loadWorkbook(from);
    const own = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Mandiri');
    const other = answerCell(model, 'DUKCAPIL', 'SP-01', 'Jawaban Mandiri');
    const verify = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Verifikasi');
    const status = grid(model, own.tab).findIndex((r) => r.includes('Status Verifikasi')) + 1;
    const lines = [
      'sheet,cell,value',
      `"${own.tab}",ZZZZ99999999,Ya`,
      'Tidak Ada,A1,x',
      `"${own.tab}",A0,Ya`,
      `"${own.tab}",1A,Ya`,
      'Instrumen,D2,100',
      `"${other.tab}",${other.a1},Ya`,
      `"${own.tab}",${own.a1},Mungkin`,
      `"${own.tab}",E${status},Terverifikasi`,
      `"${own.tab}",${verify.a1},Ya`,
      `"${own.tab}",${answerCell(model, 'DINKES', 'SP-01', 'Bukti').a1},${'b'.repeat(60_000)}`,
      `"${own.tab}",${answerCell(model, 'DINKES', 'SP-02', 'Bukti').a1},${'b'.repeat(40_000)}`,
      `Pengaturan,B8,${lang === 'id' ? 'en' : 'id'}`,
    ];
    return runOn(from, (copy) => ['edit', '--workbook', copy, '--user', PIC, '--from', put('suntingan.csv', lines.join('\n'))]);
  });
const editRuns: Record<Lang, Case['run']> = { id: editsRun(() => base, 'id'), en: editsRun(() => baseEn, 'en') };
const edits = (lang: Lang) => editRuns[lang];
const editCase = (lang: Lang, name: string, place: RegExp, fix: RegExp): Case => ({ name, run: edits(lang), code: 1, place, fix, lang });
add('edits file', [
  editCase('id', 'ZZZZ99999999 (outside the tab, not "protected")', /DINKES Dinas Kesehatan!ZZZZ99999999: sel ZZZZ99999999 di luar tab DINKES Dinas Kesehatan, yang berakhir di/, /Periksa alamat selnya/),
  editCase('id', 'a sheet that does not exist (not "Unable to parse range")', /Tidak Ada!A1: tab "Tidak Ada" tidak ada di buku kerja/, /Periksa nama tabnya/),
  editCase('id', 'row 0 (A0)', /!A0: "A0" bukan alamat sel/, /Perbaiki kolom cell/),
  editCase('id', 'a reversed address (1A)', /!1A: "1A" bukan alamat sel/, /Perbaiki kolom cell/),
  editCase('id', 'a PIC editing Instrumen', new RegExp(`Instrumen!D2: sel Instrumen!D2 dilindungi untuk ${PIC.replace(/\./g, '\\.')}; yang boleh menyuntingnya: .*${ADMIN.replace(/\./g, '\\.')}`), /Minta salah satu dari mereka/),
  editCase('id', "a PIC editing another unit's answer", /DUKCAPIL .*dilindungi untuk pic\.dinkes@muarojambi\.example; yang boleh menyuntingnya: .*pic\.dukcapil@muarojambi\.example/, /Minta salah satu/),
  editCase('id', 'a value outside the dropdown', /nilai "Mungkin" tidak ada di daftar pilihan sel DINKES Dinas Kesehatan!F8: Ya, Tidak/, /Pilih salah satunya/),
  editCase('id', 'a PIC setting Status Verifikasi', /!E3: sel DINKES Dinas Kesehatan!E3 dilindungi .*asesor1@ombudsman\.example/, /Minta salah satu/),
  editCase('id', 'a PIC typing the verification', /!H8: sel DINKES Dinas Kesehatan!H8 dilindungi .*asesor1@ombudsman\.example/, /Minta salah satu/),
  editCase('id', 'a 60,000-character value (Sheets keeps 50,000)', /!G8: nilai untuk sel DINKES Dinas Kesehatan!G8 berisi 60000 karakter, lebih dari 50000 karakter per sel \(batas Google Sheets\)/, /Persingkat isinya/),
  editCase('id', 'a 40,000-character value (.xlsx keeps 32,767)', /!G9: nilai untuk sel DINKES Dinas Kesehatan!G9 berisi 40000 karakter, lebih dari 32767 karakter per sel \(batas berkas \.xlsx/, /Persingkat isinya/),
  editCase('id', 'a PIC editing Pengaturan', /Pengaturan!B8: sel Pengaturan!B8 dilindungi/, /Minta salah satu/),
  editCase('en', 'ZZZZ99999999 in an English workbook', /!ZZZZ99999999: cell ZZZZ99999999 is outside tab DINKES Dinas Kesehatan, which ends at/, /Check the cell address/),
  editCase('en', 'a sheet that does not exist, in English', /Tidak Ada!A1: tab "Tidak Ada" does not exist in the workbook/, /Check the tab name/),
  editCase('en', 'a protected cell, in English', /Instrumen!D2: cell Instrumen!D2 is protected against pic\.dinkes@muarojambi\.example; who may edit it:/, /Ask one of them/),
  editCase('en', 'a value outside the dropdown, in English', /value "Mungkin" is not in the list of cell DINKES Dinas Kesehatan!F8: Ya, Tidak/, /Pick one of them/),
  editCase('en', 'a 60,000-character value, in English', /has 60000 characters, more than 50000 per cell \(Google Sheets' limit\)/, /Shorten it/),
  editCase('en', 'a 40,000-character value, in English', /has 40000 characters, more than 32767 per cell \(the \.xlsx limit/, /Shorten it/),
]);

/** An edits file refused before the workbook is opened: the file is untouched. */
const editsFile = (name: string, data: string | Buffer) => once(() => runOn(base, (copy) => ['edit', '--workbook', copy, '--user', ADMIN, '--from', put(name, data)]));
add('edits file', [
  { name: 'an unbalanced quote', run: editsFile('kutip.csv', 'sheet,cell,value\nPengaturan,B2,"tidak ditutup\nPengaturan,B3,x\n'), code: 1, place: /kutip\.csv baris 2: tanda kutip/, fix: /Tutup kutipnya atau hapus/ },
  { name: 'a row of two cells', run: editsFile('dua.csv', 'Pengaturan,B2\n'), code: 1, place: /dua\.csv baris 1/, fix: /harus berisi 3 kolom sheet,cell,value/ },
  { name: 'a header only', run: editsFile('kosong.csv', 'sheet,cell,value\n'), code: 1, place: /kosong\.csv/, fix: /tidak berisi baris sheet,cell,value/ },
  { name: 'a binary file', run: editsFile('biner.csv', binary), code: 1, place: /biner\.csv/, fix: /bukan berkas teks/ },
  {
    name: 'a ";" edits file is read, and the delimiter said',
    run: once(async () => {
      const model = await loadWorkbook(base);
      const own = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Mandiri');
      return runOn(base, (copy) => ['edit', '--workbook', copy, '--user', PIC, '--from', put('titikkoma.csv', `sheet;cell;value\n${own.tab};${own.a1};Ya\n`)]);
    }),
    code: 0,
    place: /dibaca dengan pemisah ";"/,
    fix: /dibaca/,
    unchanged: false,
    also: (r) => expect(r.text).toMatch(/Suntingan: 1 diterapkan, 0 ditolak/),
  },
  {
    name: 'a Windows-1252 edits file is read as such',
    run: once(async () => {
      const model = await loadWorkbook(base);
      const own = answerCell(model, 'DINKES', 'SP-01', 'Bukti');
      return runOn(base, (copy) => ['edit', '--workbook', copy, '--user', PIC, '--from', put('latin1.csv', Buffer.from(`"${own.tab}",${own.a1},Foto café\n`, 'latin1'))]);
    }),
    code: 0,
    place: /dibaca sebagai Windows-1252/,
    fix: /Windows-1252/,
    unchanged: false,
    also: async (r) => {
      expect(r.text).toMatch(/Suntingan: 1 diterapkan, 0 ditolak/);
      const model = await loadWorkbook(r.file as string);
      const own = answerCell(model, 'DINKES', 'SP-01', 'Bukti');
      const { startRow = 0, startColumn = 0 } = parseA1Range(own.a1);
      expect(model.sheets.find((s) => s.title === own.tab)?.rows[startRow]?.[startColumn]?.value).toBe('Foto café');
    },
  },
]);

test('the catalogue holds at least 100 hostile inputs across every kind', () => {
  const kinds = new Map<string, number>();
  for (const [name] of cases) {
    const kind = name.slice(0, name.indexOf(':')).replace(/ \(.*\)$/, '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`hostile catalogue: ${cases.length} cases, ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  expect(cases.length).toBeGreaterThanOrEqual(100);
  expect([...kinds.keys()].sort()).toEqual(['CSV', 'Instrumen', 'Pengaturan', 'Unit', 'command line', 'edits file', 'unit tabs']);
});

test.each(cases)('%s', async (_name, c) => {
  const r = await c.run();
  expect({ code: r.code, output: r.text }).toEqual({ code: c.code, output: expect.any(String) });
  const line = r.text.split('\n').find((l) => c.place.test(l));
  if (line === undefined) throw new Error(`no line names the place ${c.place}:\n${r.text.slice(0, 4000)}`);
  expect(line).toMatch(c.fix);
  const lang = c.lang ?? 'id';
  if (lang !== 'none') expect(line).toMatch(LANG_MARKS[lang]);
  expect(r.text).not.toMatch(/^\s+at /m);
  if (c.unchanged ?? c.code !== 0) expect(r.unchanged).toBe(true);
  await c.also?.(r);
});
