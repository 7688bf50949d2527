// Reading a unit tab's values (src/domain/unit-tab.ts): the table found by its header, the
// label/value pairs of the block above it, the rows carried over by Kode, the answers.
import { HEADERS } from '../../src/domain/tables';
import { locateUnitTable, readUnitAnswers, readUnitRows, statusOf } from '../../src/domain/unit-tab';

const row = (cells: unknown[]) => [...cells, ...Array<unknown>(HEADERS.unitTable.length - cells.length).fill('')];

/** A unit tab as generation writes it, with status cells in the header block at `status` (row, column of the label). */
function tab(status?: { row: number; column: number }): unknown[][] {
  const values: unknown[][] = [
    row(['DINKES — Dinas Kesehatan']),
    row(['Putaran', 'R1']),
    row(['Batas Waktu', 45747]),
    row(['', 'Skor Mandiri', 'Skor Akhir', 'Kategori', 'Jumlah Temuan', 'Kelengkapan']),
    row(['Hasil', 50, 40, 'Merah', 1, 100]),
    row([]),
    [...HEADERS.unitTable],
    HEADERS.unitTable.map((h) => ({ Kode: 'A1', Aspek: 'Umum', Bobot: 1, 'Jenis Jawaban': 'ya-tidak', 'Jawaban Mandiri': 'Tidak' })[h as string] ?? ''),
  ];
  if (status) {
    values[status.row][status.column] = 'Status Pengisian';
    values[status.row][status.column + 1] = 'Diisi';
    values[status.row + 1][status.column] = 'Status Verifikasi';
    values[status.row + 1][status.column + 1] = 'Belum';
  }
  return values;
}

test('readUnitRows finds the table by its header wherever it is', () => {
  const values = [['x'], [], ['Kode', 'Jawaban Mandiri', 'Bukti'], ['a1', 'Ya', 'foto'], ['', '', ''], ['A2', '', 'link']];
  const table = readUnitRows(values);
  expect([...(table?.kept.keys() ?? [])]).toEqual(['a1', 'a2']);
  expect(table?.kept.get('a2')?.[1]).toBe('link');
  expect(readUnitRows([['Kode', 'Nama']])).toBeNull();
});

test('the header block is read as label/value pairs, wherever a label sits above the table', () => {
  const layout = locateUnitTable(tab({ row: 1, column: 3 }));
  expect(layout?.headerRow).toBe(6);
  expect(layout?.roundCell).toEqual({ row: 1, column: 1, value: 'R1' });
  expect(layout?.deadlineCell).toEqual({ row: 2, column: 1, value: 45747 });
  expect(layout?.labels.get('hasil')).toEqual({ row: 4, column: 1, value: 50 });
  // A label of the table's own header row is not part of the block above it.
  expect(layout?.labels.has('jawaban mandiri')).toBe(false);
});

test.each([
  [{ row: 1, column: 3 }, 'beside the round'],
  [{ row: 0, column: 8 }, 'right of the title'],
])('the status cells are found by their labels (%j, %s)', (at) => {
  const layout = locateUnitTable(tab(at));
  expect(layout && statusOf(layout)).toEqual({
    filling: { row: at.row, column: at.column + 1, value: 'Diisi' },
    verification: { row: at.row + 1, column: at.column + 1, value: 'Belum' },
  });
});

test('a tab without status cells reads none, and its answers read as before', () => {
  const values = tab();
  const layout = locateUnitTable(values);
  expect(layout && statusOf(layout)).toEqual({ filling: null, verification: null });
  const read = readUnitAnswers({ code: 'DINKES', sheetId: 5, title: 'DINKES', values }, 'id');
  expect(read.ok && read.value.answers.map((a) => [a.code, a.self])).toEqual([['A1', 'Tidak']]);
});
