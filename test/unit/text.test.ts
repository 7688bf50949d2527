import { createContext, runInContext } from 'node:vm';
import { asText, cellText, formatIsoDate, isValidEmail, parseDelimited, parseNumber, splitEmails } from '../../src/domain/text';

describe('parseDelimited', () => {
  test('reads tab-separated text pasted from a spreadsheet, with quoted multi-line cells', () => {
    const text = 'Kode\tNama Unit\tCatatan\nDINKES\tDinas Kesehatan\t"baris satu\nbaris ""dua"""\n';
    expect(parseDelimited(text)).toEqual([
      ['Kode', 'Nama Unit', 'Catatan'],
      ['DINKES', 'Dinas Kesehatan', 'baris satu\nbaris "dua"'],
    ]);
  });

  test('reads RFC 4180 CSV with a BOM, CRLF, quoted commas and trailing empty lines', () => {
    const text = '\uFEFFKode,Nama Unit\r\nDINSOS,"Dinas Sosial, P3A"\r\n,\r\n\r\n\r\n';
    expect(parseDelimited(text)).toEqual([
      ['Kode', 'Nama Unit'],
      ['DINSOS', 'Dinas Sosial, P3A'],
    ]);
  });

  test('reads semicolon CSV as Indonesian-locale Excel writes it, and lone CR line ends', () => {
    expect(parseDelimited('Aspek;Bobot Aspek\rInput;21,85\r')).toEqual([
      ['Aspek', 'Bobot Aspek'],
      ['Input', '21,85'],
    ]);
  });

  test('keeps empty cells and a last line without a newline; empty input gives no rows', () => {
    expect(parseDelimited('a,,c\n,b,')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
    expect(parseDelimited('')).toEqual([]);
    expect(parseDelimited('\n\n')).toEqual([]);
  });

  test('a delimiter inside quotes in the first line does not decide the format', () => {
    expect(parseDelimited('"a;b;c",d\n1,2')).toEqual([
      ['a;b;c', 'd'],
      ['1', '2'],
    ]);
  });

  test('a quote in the middle of an unquoted cell is kept as text', () => {
    expect(parseDelimited('5" layar,x')).toEqual([['5" layar', 'x']]);
  });
});

describe('emails', () => {
  test('splitEmails accepts commas, semicolons and new lines, trims, drops empties and repeats', () => {
    expect(splitEmails(' a@x.example ; b@y.example,\nA@x.example,, ')).toEqual(['a@x.example', 'b@y.example']);
    expect(splitEmails('')).toEqual([]);
    expect(splitEmails(undefined)).toEqual([]);
  });

  test.each(['pic.dinkes@muarojambi.example', 'a+b@sub.domain.go.id', "o'neil@x.co"])('%s is valid', (s) => {
    expect(isValidEmail(s)).toBe(true);
  });

  test.each(['', 'plain', 'a@b', 'a @b.id', 'a@b..id', '.a@b.id', 'a.@b.id', 'a@-b.id', 'Budi <b@x.id>', `${'a'.repeat(65)}@x.id`])(
    '%s is not valid',
    (s) => expect(isValidEmail(s)).toBe(false),
  );
});

describe('formatIsoDate', () => {
  test('reads yyyy-mm-dd and dd/mm/yyyy strings, rejecting impossible dates', () => {
    expect(formatIsoDate('2025-03-31')).toBe('2025-03-31');
    expect(formatIsoDate(' 2025/3/1 ')).toBe('2025-03-01');
    expect(formatIsoDate('31/03/2025')).toBe('2025-03-31');
    expect(formatIsoDate('1-3-2025')).toBe('2025-03-01');
    expect(formatIsoDate('29/02/2024')).toBe('2024-02-29');
    expect(formatIsoDate('29/02/2025')).toBe('');
    expect(formatIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(formatIsoDate('1900-02-29')).toBe('');
    expect(formatIsoDate('31/04/2025')).toBe('');
    expect(formatIsoDate('2025-13-01')).toBe('');
    expect(formatIsoDate('besok')).toBe('');
    expect(formatIsoDate('')).toBe('');
    expect(formatIsoDate(null)).toBe('');
    expect(formatIsoDate(true)).toBe('');
  });

  test('reads a Date from another realm by its nearest local midnight', () => {
    const other = runInContext('[new Date(2025, 2, 31), new Date(2025, 2, 30, 23, 0), new Date(2025, 2, 31, 1, 0)]', createContext({})) as Date[];
    expect(other[0] instanceof Date).toBe(false);
    expect(other.map((d) => formatIsoDate(d))).toEqual(['2025-03-31', '2025-03-31', '2025-03-31']);
    expect(formatIsoDate(new Date(2024, 11, 31, 23, 30))).toBe('2025-01-01');
    expect(formatIsoDate(new Date(Number.NaN))).toBe('');
  });

  test('reads a Sheets serial number as a date', () => {
    expect(formatIsoDate(45747)).toBe('2025-03-31');
    expect(formatIsoDate(45747.75)).toBe('2025-03-31');
    expect(formatIsoDate(1)).toBe('1899-12-31');
    expect(formatIsoDate(0)).toBe('');
    expect(formatIsoDate(-5)).toBe('');
    expect(formatIsoDate(1e9)).toBe('');
  });
});

describe('cellText and parseNumber', () => {
  test('cellText trims and renders every kind of cell value', () => {
    expect(cellText('  x ')).toBe('x');
    expect(cellText(2.5)).toBe('2.5');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(new Date(2025, 0, 2))).toBe('2025-01-02');
    expect(cellText(undefined)).toBe('');
  });

  test('parseNumber accepts numbers, decimal points and Indonesian decimal commas only', () => {
    expect(parseNumber(3)).toBe(3);
    expect(parseNumber(' 2,5 ')).toBe(2.5);
    expect(parseNumber('21.85')).toBe(21.85);
    expect(parseNumber('-1')).toBe(-1);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', 'dua', '1.000,5', '1,000.5', '2 5', '1e3', Number.NaN, Infinity, true, null, new Date()]) {
      expect(parseNumber(bad)).toBeNull();
    }
  });
});

describe('asText', () => {
  test.each([
    '=HYPERLINK("x")',
    '+62 812 3456',
    '-',
    '@dinkes',
    "'kutipan",
    '12',
    '007',
    '2,5',
    '1.000',
    'Rp 5.000',
    '50%',
    '(3)',
    '1e5',
    '2025-03-31',
    '31/03/2025',
    '1-2',
    '10:30',
    '5 Mei 2025',
    'Jan 5',
    'TRUE',
    'salah',
    '#N/A',
    ' 42 ',
  ])('%s gets a leading apostrophe so it stays text', (s) => {
    expect(asText(s)).toBe(`'${s}`);
  });

  test.each(['Dinas Kesehatan', 'SP-01', 'DINKES', 'Pasal 21', 'UU 25/2009 Pasal 21', 'a@b.example', 'Ya', 'N/A', 'Kantor Camat Kumpeh', ''])(
    '%s is left as it is',
    (s) => expect(asText(s)).toBe(s),
  );
});
