// The checks made where a value enters (issue 18): weights in range, invisible characters and
// Unicode forms, the bahasa setting, a pasted unit list (aliases, ignored headers, open quotes,
// long cells) and the flags of a unit tab.
import { parseAspects, parseInstrument } from '../../src/domain/instrument';
import { parseSettings } from '../../src/domain/settings';
import { HEADERS } from '../../src/domain/tables';
import { hiddenCharacter, readDelimited } from '../../src/domain/text';
import type { Indicator } from '../../src/domain/types';
import { mergeFlags, unitTabFlags } from '../../src/domain/unit-tab';
import { readPastedUnits, validateUnits } from '../../src/domain/units';

/** An Instrumen tab of ya-tidak indicators of aspect Umum: [Kode, Indikator, Bobot] each. */
const instrumen = (...rows: [string, string, unknown][]) => [[...HEADERS.instrumen], ...rows.map(([code, text, weight]) => [code, 'Umum', text, weight, 'ya-tidak'])];
const messages = (parsed: { ok: boolean; problems?: { message: string }[] }) => (parsed.ok ? [] : (parsed.problems ?? []).map((p) => p.message));

test('invisible characters are found and named by code point; ordinary text has none', () => {
  expect(hiddenCharacter('DINKES\u200B')).toBe('U+200B');
  expect(hiddenCharacter('\u202Eabc')).toBe('U+202E');
  expect(hiddenCharacter('a\u2066b')).toBe('U+2066');
  expect(hiddenCharacter('pic@x\uFEFF.id')).toBe('U+FEFF');
  expect(hiddenCharacter('Dinas Kesehatan, Café Señor — 2025\tx\ny')).toBeNull();
});

test('a weight beyond 1000 is out of range, a non-positive one not a weight: each named where it is', () => {
  const instrument = instrumen(['A-01', 'Satu', 1e308], ['A-02', 'Dua', 1000], ['A-03', 'Tiga', 1000.5], ['A-04', 'Empat', -2]);
  expect(messages(parseInstrument(instrument, 'id'))).toEqual([
    'Tab Instrumen baris 2, kolom Bobot: Bobot "1e+308" di luar rentang. Isi angka lebih dari 0 sampai 1000, mis. 2 atau 2,5.',
    'Tab Instrumen baris 4, kolom Bobot: Bobot "1000.5" di luar rentang. Isi angka lebih dari 0 sampai 1000, mis. 2 atau 2,5.',
    'Tab Instrumen baris 5, kolom Bobot: Bobot "-2" bukan angka lebih dari 0. Isi angka positif, mis. 2 atau 2,5.',
  ]);
  expect(messages(parseAspects([['Aspek', 'Bobot Aspek'], ['Umum', 5000]], 'en'))).toEqual([
    'Tab Aspek row 2, column Bobot Aspek: Bobot Aspek "5000" is out of range. Enter a number greater than 0 and at most 1000, e.g. 21.85.',
  ]);
});

test('an Instrumen Kode with an invisible character is refused; codes typed in two Unicode forms are one code', () => {
  const instrument = instrumen(['É-01', 'Satu', 1], ['E\u0301-01', 'Dua', 1], ['B\u200B-01', 'Tiga', 1]);
  expect(messages(parseInstrument(instrument, 'id'))).toEqual([
    'Tab Instrumen baris 3, kolom Kode: Kode "É-01" sudah dipakai di baris 2. Beri setiap baris Kode yang berbeda (huruf besar/kecil tidak dibedakan).',
    'Tab Instrumen baris 4, kolom Kode: Kode berisi karakter tak terlihat U+200B (spasi lebar-nol atau pengatur arah teks), sehingga tampak sama dengan teks lain padahal berbeda. Ketik ulang isinya tanpa karakter itu.',
  ]);
});

test('Unit rows: invisible characters rejected naming the column, duplicates compared in NFC, codes and addresses stored in NFC', () => {
  const result = validateUnits(
    [
      [...HEADERS.unit],
      ['CAFÉ', 'Kafe', '', '', 'a@x.example', ''],
      ['CAFE\u0301', 'Kafe Dua', '', '', 'b@x.example', ''],
      ['BIDI', 'Dinas \u202Eabc', '', '', 'c@x.example', ''],
      ['ZW', 'Dinas ZW', '', '', 'd@x\u200B.example', ''],
    ],
    'en',
  );
  expect(result.units.map((u) => u.code)).toEqual(['CAFÉ']);
  expect(result.rejected.map((r) => [r.row, r.kode, r.reason])).toEqual([
    [3, 'CAFÉ', expect.stringMatching(/^Kode "CAFÉ" is already used by the unit in row 2\./)],
    [4, 'BIDI', expect.stringMatching(/^Nama Unit holds the invisible character U\+202E/)],
    [5, 'ZW', expect.stringMatching(/^Email PIC holds the invisible character U\+200B/)],
  ]);
});

test('bahasa other than id or en is a problem naming its row; an invisible character in email_admin too', () => {
  const parsed = parseSettings(
    [
      ['Kunci', 'Nilai'],
      ['bahasa', 'xx'],
      ['email_admin', 'admin\u200B@x.example'],
    ],
    'id',
  );
  expect(messages(parsed)).toEqual([
    'Tab Pengaturan baris 2, kolom Nilai: bahasa "xx" tidak dikenal, jadi pesan memakai bahasa Indonesia. Isi id atau en.',
    expect.stringMatching(/^Tab Pengaturan baris 3, kolom Nilai: email_admin berisi karakter tak terlihat U\+200B/),
    expect.stringMatching(/^Tab Pengaturan baris 3, kolom Nilai: alamat email tidak sah/),
  ]);
});

test('a quote left open names the line it opened on, with any line ends', () => {
  expect(readDelimited('a,b\r\nc,"d\r\ne,f').openQuoteLine).toBe(2);
  expect(readDelimited('a;b\n"c;d\n\ne;f\n').openQuoteLine).toBe(2);
  expect(readDelimited('a,"b\nc",d\n').openQuoteLine).toBeNull();
  expect(readDelimited('a\tb\n').delimiter).toBe('\t');
});

test('a pasted unit list: aliases and ignored headers said, an open quote or a cell too long refuses the list', () => {
  const read = readPastedUnits('Code;Name;Telepon;E-mail;Status\nA1;Dinas A1;0741;a@x.example;OK', 'en');
  expect(read).toEqual({
    ok: true,
    rows: [{ Kode: 'A1', 'Nama Unit': 'Dinas A1', Jenis: '', 'Nama PIC': '', 'Email PIC': 'a@x.example', 'Email Asesor': '' }],
    notes: [
      'The unit list was read with the delimiter ";".',
      'Headers read as: "Code" → "Kode", "Name" → "Nama Unit", "E-mail" → "Email PIC".',
      'Unknown columns ignored: "Telepon", "Status".',
    ],
  });
  expect(readPastedUnits('A1,Dinas A1,OPD,Budi,a@x.example', 'id')).toMatchObject({ ok: true, rows: [{ Kode: 'A1', 'Email PIC': 'a@x.example' }] });
  expect(readPastedUnits('Kode,Nama Unit\nA1,"Dinas\nA2,Dinas', 'id')).toEqual({
    ok: false,
    error: 'Tanda kutip (") yang dibuka di baris 2 tidak pernah ditutup, sehingga sisa teks terbaca sebagai satu sel. Tutup kutipnya (atau hapus), lalu impor lagi. Tidak ada yang ditambahkan.',
  });
  expect(readPastedUnits(`Kode,Nama Unit\nA1,${'x'.repeat(50_001)}`, 'en')).toEqual({
    ok: false,
    error: 'Line 2: a cell holds 50001 characters, more than 50000 per cell. Shorten it, then import again. Nothing was added.',
  });
});

describe('unitTabFlags', () => {
  const indicator = (code: string, answerType: Indicator['answerType'], allowNA = false): Indicator => ({
    code,
    aspect: 'Umum',
    text: code,
    weight: 1,
    answerType,
    answerTypeText: '',
    allowNA,
    recommendation: '',
    legalBasis: '',
    evidence: '',
  });
  const indicators = [indicator('A-01', { kind: 'ya-tidak' }), indicator('A-02', { kind: 'scale', max: 3 }, true), indicator('A-03', { kind: 'ya-sebagian-tidak' })];
  const row = (cells: Partial<Record<(typeof HEADERS.unitTable)[number], unknown>>) => HEADERS.unitTable.map((h) => cells[h] ?? '');
  const top = [['A1 — Dinas'], ['Putaran', 'R1'], ['Batas Waktu', ''], [], ['Hasil'], []];
  const values = (rows: unknown[][], above = top) => [...above, [...HEADERS.unitTable], ...rows];
  const flags = (rows: unknown[][], above = top) =>
    unitTabFlags({ code: 'A1', sheetId: 1, title: 'A1 Dinas', values: values(rows, above) }, indicators, 'id').map((f) => [f.row, f.column ?? '', f.repairable, f.message.replace(/^Tab A1 Dinas baris \d+(, kolom [^:]+)?: /, '').slice(0, 40)]);

  test('answers every spelling of a choice are scored and not flagged; anything else is, with its choices', () => {
    expect(
      flags([
        row({ Kode: 'A-01', 'Jawaban Mandiri': ' ya ', 'Jawaban Verifikasi': 'TIDAK' }),
        row({ Kode: 'A-02', 'Jawaban Mandiri': 3, 'Jawaban Verifikasi': 'n/a' }),
        row({ Kode: 'A-03', 'Jawaban Mandiri': 'Sebagian' }),
      ]),
    ).toEqual([]);
    expect(
      flags([
        row({ Kode: 'A-01', 'Jawaban Mandiri': 'Yaa' }),
        row({ Kode: 'A-02', 'Jawaban Mandiri': 4, 'Jawaban Verifikasi': '1,5' }),
        row({ Kode: 'A-03', 'Batas Waktu': 'besok', 'Jawaban Mandiri': 'N/A' }),
      ]),
    ).toEqual([
      [8, 'Jawaban Mandiri', false, 'Jawaban Mandiri "Yaa" bukan pilihan indi'],
      [9, 'Jawaban Mandiri', false, 'Jawaban Mandiri "4" bukan pilihan indika'],
      [9, 'Jawaban Verifikasi', false, 'Jawaban Verifikasi "1,5" bukan pilihan i'],
      [10, 'Jawaban Mandiri', false, 'Jawaban Mandiri "N/A" bukan pilihan indi'],
      [10, 'Batas Waktu', false, 'Batas Waktu "besok" bukan tanggal, sehin'],
    ]);
  });

  test('a repeated or unknown Kode, answers without a Kode and a moved header are flagged as repairable', () => {
    const above = [[], ...top];
    expect(
      flags(
        [
          row({ Kode: 'A-01', 'Jawaban Mandiri': 'Ya' }),
          row({ Kode: 'a-01', 'Jawaban Mandiri': 'Tidak' }),
          row({ Kode: 'ZZ-9' }),
          row({ 'Jawaban Mandiri': 'Ya' }),
          row({}),
        ],
        above,
      ),
    ).toEqual([
      [8, '', true, 'judul tabel ada di baris 8, bukan baris '],
      [10, 'Kode', true, 'Kode "a-01" muncul lagi (pertama di bari'],
      [11, 'Kode', true, 'Kode "ZZ-9" tidak ada di tab Instrumen u'],
      [12, '', true, 'baris berisi jawaban tanpa Kode, sehingg'],
    ]);
  });

  test('merges reaching into the table are flagged (top-left cell named), repairable; merges above it or right of it are not', () => {
    const tab = { code: 'A1', sheetId: 1, title: 'A1 Dinas', values: values([row({ Kode: 'A-01' }), row({ Kode: 'A-02' })]) };
    const width = HEADERS.unitTable.length;
    const merge = (top: number, bottom: number, left: number, right: number) => ({ startRowIndex: top, endRowIndex: bottom, startColumnIndex: left, endColumnIndex: right });
    const jm = HEADERS.unitTable.indexOf('Jawaban Mandiri');
    const found = mergeFlags(tab, [merge(0, 1, 0, 3), merge(7, 9, jm, jm + 1), merge(5, 7, 0, 2), merge(7, 9, width, width + 2)], 'id');
    expect(found.map((f) => [f.row, f.column ?? '', f.repairable, f.message.replace(/^Tab A1 Dinas baris \d+(, kolom [^:]+)?: /, '').slice(0, 32)])).toEqual([
      [8, 'Jawaban Mandiri', true, `sel ${String.fromCharCode(65 + jm)}8:${String.fromCharCode(65 + jm)}9 digabung (merge), sehi`],
      [6, '', true, 'sel A6:B7 digabung (merge), sehi'],
    ]);
  });
});
