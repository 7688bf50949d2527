// Whatever a workbook file holds that the runtime does not model survives load → save: notes
// (on empty cells too), column widths and row heights, number formats, fonts, fills and borders,
// merged cells, frozen panes and views, data validations, hyperlinks, rich text and images. What
// the runtime changes wins over the file's old form.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { saveWithLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { harness } from './spreadsheet-harness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-carry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small PNG of one colour. */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array.from({ length: size }, () => [200, 30, 30]).flat()])));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** A user's own workbook with one of each thing the model does not (fully) read. */
async function usersWorkbook(file: string, opts: { frozen?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data', opts.frozen ? { views: [{ state: 'frozen', xSplit: 1, ySplit: 2, zoomScale: 120 }] } : {});
  const title = ws.getCell('A1');
  title.value = 'Judul laporan';
  title.font = { name: 'Arial', size: 14, bold: true, underline: true, color: { argb: 'FF1155CC' } };
  title.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  title.border = { bottom: { style: 'thick', color: { argb: 'FF000000' } } };
  ws.mergeCells('A1:C1');
  ws.getCell('A3').value = 1234.5;
  ws.getCell('A3').numFmt = '#,##0.00';
  ws.getCell('A5').value = new Date(Date.UTC(2025, 0, 31));
  ws.getCell('A5').numFmt = 'dd/mm/yyyy';
  ws.getCell('B3').value = { text: 'bukti.pdf', hyperlink: 'https://example.org/bukti.pdf' };
  ws.getCell('C3').value = { richText: [{ text: 'tebal ', font: { bold: true } }, { text: 'merah', font: { italic: true, color: { argb: 'FFFF0000' } } }] };
  ws.getCell('D3').note = 'catatan di sel kosong';
  ws.getCell('A4').value = 'isi';
  ws.getCell('A4').note = 'catatan di sel berisi';
  ws.getColumn(2).width = 30;
  ws.getColumn(4).width = 12.3;
  ws.getRow(3).height = 40;
  ws.getCell('E3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Ya,Tidak"'] };
  ws.getCell('F3').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 10] };
  ws.getCell('G3').dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2025, 0, 1))] };
  ws.getCell('H3').dataValidation = { type: 'textLength', operator: 'lessThan', allowBlank: true, formulae: [20] };
  ws.addImage(wb.addImage({ buffer: png(8) as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 4, row: 5 }, ext: { width: 64, height: 64 } });
  const hidden = wb.addWorksheet('Arsip', { state: 'hidden', properties: { tabColor: { argb: 'FF38761D' } } });
  hidden.getCell('A1').value = 'lama';
  await wb.xlsx.writeFile(file);
}

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1000) / 1000);

/** What a spreadsheet application shows of a file, read with exceljs. */
async function features(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets
    .filter((ws) => !ws.name.startsWith('_'))
    .map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const note = typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('');
          const raw = cell.value as unknown;
          const value = raw instanceof Date ? raw.toISOString() : (raw as { richText?: { text: string; font?: Partial<ExcelJS.Font> }[] })?.richText
            ? (raw as { richText: { text: string; font?: Partial<ExcelJS.Font> }[] }).richText.map((r) => [r.text, !!r.font?.bold, !!r.font?.italic, r.font?.color?.argb])
            : raw;
          const font = cell.font ?? {};
          const look = {
            font: [font.name, font.size, !!font.bold, !!font.italic, !!font.underline, font.color?.argb],
            fill: cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined,
            border: cell.border?.bottom?.style,
            numFmt: cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined,
          };
          if (value !== null || note !== undefined || look.fill || look.border) cells[cell.address] = { value, note, ...look };
        }),
      );
      const images = ws.getImages().map((image) => {
        const media = wb.getImage(Number(image.imageId)) as unknown as { extension: string; buffer: Buffer };
        const model = (image as unknown as { model: { range: { tl: unknown; br?: unknown; ext?: unknown } } }).model;
        return { extension: media.extension, bytes: media.buffer.length, tl: model.range.tl, br: model.range.br, ext: model.range.ext };
      });
      const validations = Object.entries((ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model).map(
        ([address, v]) => [address, v.type, v.operator, (v.formulae ?? []).map((f) => (f instanceof Date ? f.toISOString() : f))],
      );
      const view = (ws.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number; zoomScale?: number } | undefined;
      return {
        name: ws.name,
        state: ws.state,
        tabColor: (ws.properties.tabColor as { argb?: string } | undefined)?.argb,
        widths: (ws.columns ?? []).map((c) => round(c.width)),
        // A row as high as the sheet's default is not a height of its own.
        heights: Array.from({ length: 6 }, (_, i) => ws.getRow(i + 1).height).map((h) => (h === (ws.properties.defaultRowHeight ?? 15) ? undefined : round(h))),
        merges: (ws.model as { merges?: string[] }).merges,
        frozen: view?.state === 'frozen' ? [view.xSplit, view.ySplit] : undefined,
        zoom: view?.zoomScale ?? 100,
        validations,
        images,
        cells,
      };
    });
}

withLibreOffice('a workbook saved by LibreOffice keeps every note, width, height, format, font, fill, border, merge, validation, hyperlink, rich text and image through load → save', async () => {
  const source = join(dir, 'milik-pengguna.xlsx');
  await usersWorkbook(source);
  const saved = saveWithLibreOffice(source, 'xlsx', join(dir, 'libreoffice'));
  const ours = join(dir, 'disimpan.xlsx');
  await saveWorkbook(await loadWorkbook(saved), ours);
  const before = await features(saved);
  // The file LibreOffice wrote holds each of them (so the comparison below means something).
  const data = before[0];
  expect(data.cells.D3).toMatchObject({ note: 'catatan di sel kosong', value: null });
  expect(data.cells.B3).toMatchObject({ value: { text: 'bukti.pdf', hyperlink: 'https://example.org/bukti.pdf' } });
  expect(data.cells.A1).toMatchObject({ font: ['Arial', 14, true, false, true, 'FF1155CC'], fill: 'FFFFFF00', border: 'thick' });
  expect(data.merges).toEqual(['A1:C1']);
  expect(data.heights[2]).toBeGreaterThan(30);
  expect(data.validations).toHaveLength(4);
  expect(data.images).toHaveLength(1);
  expect(await features(ours)).toEqual(before);
});

test('frozen panes and the view (zoom) of a file survive load → save', async () => {
  // LibreOffice's headless converter drops view settings, so this file comes from another writer.
  const source = join(dir, 'beku.xlsx');
  await usersWorkbook(source, { frozen: true });
  const ours = join(dir, 'disimpan.xlsx');
  await saveWorkbook(await loadWorkbook(source), ours);
  const before = await features(source);
  expect(before[0]).toMatchObject({ frozen: [1, 2], zoom: 120 });
  expect(await features(ours)).toEqual(before);
});

test('what the runtime changes wins: new content drops the hyperlink, a new colour keeps the rest of the font and the border', async () => {
  const source = join(dir, 'milik-pengguna.xlsx');
  await usersWorkbook(source);
  const workbook = await loadWorkbook(source);
  // As the add-on changes cells: a value write, then one batchUpdate of formats.
  const h = harness({ workbook });
  const { sheetId, title } = workbook.sheets[0];
  h.app.getActiveSpreadsheet().getSheetByName(title)?.getRange('B3').setValue('tautan baru');
  const cell = (row: number, column: number) => ({ sheetId, startRowIndex: row, endRowIndex: row + 1, startColumnIndex: column, endColumnIndex: column + 1 });
  h.Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { updateCells: { range: cell(0, 0), rows: [{ values: [{ userEnteredFormat: { backgroundColor: { red: 0xd9 / 255, green: 0xea / 255, blue: 0xd3 / 255 } } }] }], fields: 'userEnteredFormat.backgroundColor' } },
        { updateCells: { range: cell(2, 0), rows: [{ values: [{ userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.0' } } }] }], fields: 'userEnteredFormat.numberFormat' } },
      ],
    },
    workbook.spreadsheetId,
  );
  const ours = join(dir, 'disimpan.xlsx');
  await saveWorkbook(workbook, ours);
  const [data] = await features(ours);
  expect(data.cells.B3).toMatchObject({ value: 'tautan baru' });
  expect(data.cells.A1).toMatchObject({ value: 'Judul laporan', font: ['Arial', 14, true, false, true, 'FF1155CC'], fill: 'FFD9EAD3', border: 'thick' });
  expect(data.cells.A3).toMatchObject({ value: 1234.5, numFmt: '0.0' });
  expect(data.cells.C3).toMatchObject({ value: [['tebal ', true, false, undefined], ['merah', false, true, 'FFFF0000']] });
  expect(data.cells.D3).toMatchObject({ note: 'catatan di sel kosong' });
});

test('a second load → save keeps it all too, though the tabs are then known from the meta sheet', async () => {
  const source = join(dir, 'milik-pengguna.xlsx');
  await usersWorkbook(source, { frozen: true });
  const once = join(dir, 'sekali.xlsx');
  await saveWorkbook(await loadWorkbook(source), once);
  const twice = join(dir, 'dua-kali.xlsx');
  await saveWorkbook(await loadWorkbook(once), twice);
  expect(await features(twice)).toEqual(await features(source));
  // The note on an empty cell is read although the file has no element for that cell.
  expect((await loadWorkbook(twice)).sheets[0].rows[2]?.[3]).toEqual({ note: 'catatan di sel kosong' });
});
