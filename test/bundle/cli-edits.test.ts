// The edits file of `pendamping edit`: RFC 4180 CSV read with csv-parse (cli/commands/edit.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEdits } from '../../cli/commands/edit';
import { CliError } from '../../cli/result';

const dir = mkdtempSync(join(tmpdir(), 'pendamping-edits-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `edits-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

/** The message key of the CliError `read` throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof CliError) return error.key;
    throw error;
  }
  throw new Error('no error');
}

test('rows are sheet, cell, value: header optional, quotes, doubled quotes, line breaks, a BOM, CRLF', () => {
  const text = '\uFEFFsheet,cell,value\r\n"DINKES — Dinas Kesehatan",F8,Ya\r\n\r\nPengaturan,B2,"Putaran ""2025"",\nbaris dua"\r\n';
  expect(readEdits(file(text)).edits).toEqual([
    { row: 2, sheet: 'DINKES — Dinas Kesehatan', cell: 'F8', value: 'Ya' },
    { row: 4, sheet: 'Pengaturan', cell: 'B2', value: 'Putaran "2025",\nbaris dua' },
  ]);
});

test.each([
  ['Unit,A2,"tidak ditutup\n', 'error.csvOpenQuote'],
  ['Unit,A2,"x"y\n', 'error.csv'],
  ['Unit,A2\n', 'error.editsRow'],
  ['sheet,cell,value\n\n', 'error.editsEmpty'],
])('%j is refused (%s)', (text, key) => {
  expect(refusal(() => readEdits(file(text)))).toBe(key);
});
