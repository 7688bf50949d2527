// The agencies' side of a unit tab: a column added to the table since an older tab was made goes
// in at its place (answers stay with their indicator, the user's own columns move right, intact);
// a link a PIC put in Bukti survives generation; the follow-up in words reaches the findings
// email and Rekap; and a closed round's evidence is in Arsip Jawaban and beside the new round's rows.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalRuntime } from '../../local/runtime';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { parseAnswerType, parseYesNo } from '../../src/domain/instrument';
import { answerCredit } from '../../src/domain/scoring';
import { HEADERS } from '../../src/domain/tables';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, a1, fillColumn, ok, outbox, programme, sheet, tempOutbox, unitSheet, values } from './mail-helpers';

beforeAll(() => ensureBuilt());

const PIC = 'pic.a1@pemkab.go.id';

function table(rt: LocalRuntime, code: string): { header: number; rows: Record<string, unknown>[] } {
  const v = values(unitSheet(rt.workbook, code));
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  const names = v[header].map(String);
  const rows = v.slice(header + 1).filter((r) => r[0] !== '').map((r) => Object.fromEntries(names.map((h, i) => [h, r[i] ?? ''])));
  return { header, rows };
}

/** A1 of `column` on the row of the i-th indicator of a unit's tab. */
function cellOf(rt: LocalRuntime, code: string, i: number, column: string): string {
  const v = values(unitSheet(rt.workbook, code));
  const header = v.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
  return a1(header + 1 + i, v[header].indexOf(column));
}

test('an older tab gains Keterangan Tindak Lanjut and Bukti Putaran Lalu at their place: answers stay with their indicator, the user’s column moves right', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  fillColumn(rt, 'A1', 'Bukti', (i) => `bukti-${i}`);
  fillColumn(rt, 'A1', 'Tindak Lanjut', (i) => (i === 1 ? 'Dalam proses' : ''));
  const before = table(rt, 'A1').rows;
  const title = unitSheet(rt.workbook, 'A1').title;

  // The tab as a release before these columns made it (14 columns), with a column of the user's own to its right.
  const dir = tempOutbox();
  const file = join(dir, 'lama.xlsx');
  await saveWorkbook(rt.workbook, file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  const ws = raw.getWorksheet(title) as ExcelJS.Worksheet;
  ws.spliceColumns(HEADERS.unitTable.indexOf('Bukti Putaran Lalu') + 1, 1);
  ws.spliceColumns(HEADERS.unitTable.indexOf('Keterangan Tindak Lanjut') + 1, 1);
  ws.getCell(7, 15).value = 'Catatan Sekretariat';
  ws.getCell(9, 15).value = 'cek ulang';
  await raw.xlsx.writeFile(file);
  const old = await LocalRuntime.open({ workbook: await loadWorkbook(file, { owner: ADMIN }), user: ADMIN, outbox: join(dir, 'outbox') });
  expect(table(old, 'A1').rows[0]).not.toHaveProperty('Keterangan Tindak Lanjut');

  ok(old.run('generateUnitTabs'));
  const v = values(unitSheet(old.workbook, 'A1'));
  expect(v[6]).toEqual([...HEADERS.unitTable, 'Catatan Sekretariat']);
  expect(v[8][HEADERS.unitTable.length]).toBe('cek ulang');
  const after = table(old, 'A1').rows;
  for (const column of ['Kode', 'Jawaban Mandiri', 'Bukti', 'Tindak Lanjut']) expect(after.map((r) => r[column])).toEqual(before.map((r) => r[column]));
  expect(after.every((r) => r['Keterangan Tindak Lanjut'] === '' && r['Bukti Putaran Lalu'] === '')).toBe(true);
  // The PIC writes the follow-up in words; the last round's evidence is not theirs to change.
  expect(old.edit(PIC, title, cellOf(old, 'A1', 1, 'Keterangan Tindak Lanjut'), 'Banner dipasang 12 Mei, foto di Bukti').ok).toBe(true);
  expect(old.edit(PIC, title, cellOf(old, 'A1', 1, 'Bukti Putaran Lalu'), 'x').ok).toBe(false);
});

test('a link a PIC put in Bukti (HYPERLINK or a rich-text link) survives "Buat / perbarui tab unit"', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const tab = unitSheet(rt.workbook, 'A1');
  const [formulaAt, linkAt] = [cellOf(rt, 'A1', 0, 'Bukti'), cellOf(rt, 'A1', 1, 'Bukti')];
  expect(rt.edit(PIC, tab.title, formulaAt, '=HYPERLINK("https://drive.example/foto-papan.jpg","foto papan")').ok).toBe(true);
  expect(rt.edit(PIC, tab.title, linkAt, 'SK pelayanan').ok).toBe(true);
  const [row, column] = [8, HEADERS.unitTable.indexOf('Bukti')];
  const link = { text: 'SK pelayanan', hyperlink: 'https://drive.example/sk.pdf' };
  (tab.rows[row][column] as { fileValue?: unknown }).fileValue = link;

  ok(rt.run('generateUnitTabs'));
  const after = unitSheet(rt.workbook, 'A1');
  expect(after.rows[7][column]?.formula).toBe('=HYPERLINK("https://drive.example/foto-papan.jpg","foto papan")');
  expect(after.rows[7][column]?.value).toBe('foto papan');
  expect(after.rows[row][column]?.fileValue).toEqual(link);
  // Its note (what evidence is asked for) and shading are still written.
  expect(after.rows[row][column]?.format?.background).toBeDefined();
});

test('the follow-up in words is in the findings email and in the note of Rekap’s open follow-ups', async () => {
  const dir = tempOutbox();
  const rt = await programme([{ code: 'A1' }], { outbox: dir });
  const title = unitSheet(rt.workbook, 'A1').title;
  // The first two indicators are findings (Tidak).
  expect(rt.edit(PIC, title, cellOf(rt, 'A1', 0, 'Tindak Lanjut'), 'Dalam proses').ok).toBe(true);
  expect(rt.edit(PIC, title, cellOf(rt, 'A1', 0, 'Keterangan Tindak Lanjut'), 'Banner dipasang 12 Mei').ok).toBe(true);
  ok(rt.run('refreshRecap'));
  const rekap = sheet(rt.workbook, 'Rekap');
  const at = values(rekap)[0].indexOf('Tindak Lanjut Terbuka');
  expect(rekap.rows[1][at]?.note).toContain('Dalam proses — Banner dipasang 12 Mei');

  ok(rt.run('sendFindingsBatch', {}));
  const [mail] = await outbox(dir);
  expect(String(mail.mail.text)).toContain('Dalam proses — Banner dipasang 12 Mei');
});

test('a round closed with evidence: every Bukti is in Arsip Jawaban and beside its row in the new round; undo takes it back', async () => {
  const rt = await programme([{ code: 'A1' }, { code: 'B2' }], { outbox: tempOutbox() });
  for (const code of ['A1', 'B2']) fillColumn(rt, code, 'Bukti', (i) => `https://drive.example/${code}/bukti-${i}.pdf`);
  fillColumn(rt, 'A1', 'Keterangan Tindak Lanjut', (i) => (i === 0 ? 'SOP sedang disusun' : ''));
  const evidence = ['A1', 'B2'].flatMap((code) => table(rt, code).rows.map((r) => `${code}|${String(r.Kode)}|${String(r.Bukti)}`));

  ok(rt.run('startNewRound', { name: 'R2', deadline: '' }));
  const [header, ...archived] = values(sheet(rt.workbook, 'Arsip Jawaban'));
  const col = (name: string) => header.indexOf(name);
  const found = archived.map((r) => `${String(r[col('Kode Unit')])}|${String(r[col('Kode')])}|${String(r[col('Bukti')])}`);
  for (const e of evidence) expect(found).toContain(e);
  expect(archived.find((r) => r[col('Kode Unit')] === 'A1')?.[col('Keterangan Tindak Lanjut')]).toBe('SOP sedang disusun');

  for (const code of ['A1', 'B2']) {
    const rows = table(rt, code).rows;
    expect(rows.every((r) => r.Bukti === '')).toBe(true);
    expect(rows.map((r) => `${code}|${String(r.Kode)}|${String(r['Bukti Putaran Lalu'])}`)).toEqual(evidence.filter((e) => e.startsWith(`${code}|`)));
  }
  // The PIC re-uses last round's evidence by copying it into Bukti.
  const title = unitSheet(rt.workbook, 'A1').title;
  expect(rt.edit(PIC, title, cellOf(rt, 'A1', 0, 'Bukti'), String(table(rt, 'A1').rows[0]['Bukti Putaran Lalu'])).ok).toBe(true);
  expect(rt.edit(ADMIN, title, cellOf(rt, 'A1', 0, 'Bukti'), '').ok).toBe(true);

  ok(rt.run('undoRound'));
  expect(table(rt, 'A1').rows.map((r) => `A1|${String(r.Kode)}|${String(r.Bukti)}`)).toEqual(evidence.filter((e) => e.startsWith('A1|')));
  expect(table(rt, 'A1').rows.every((r) => r['Bukti Putaran Lalu'] === '')).toBe(true);
});

test('each row’s Nilai is the credit its effective answer earns, as the score counts it', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const rows = table(rt, 'A1').rows;
  // Per row an answer of every kind: its own vocabulary, the other spelling, N/A, a wrong word, none, and the assessor's over the PIC's.
  const typed = (i: number, jenis: string): [unknown, unknown] => {
    const scale = /^0-(\d+)$/.exec(jenis);
    const choices: [unknown, unknown][] = scale
      ? [['1', ''], [Number(scale[1]), ''], ['N/A', ''], ['9', ''], ['', ''], ['0', String(scale[1])]]
      : [['Ya', ''], ['sebagian', ''], ['N/A', ''], ['mungkin', ''], ['', ''], ['Ya', 'Tidak'], ['no', ''], ['Partial', 'Yes']];
    return choices[i % choices.length];
  };
  rows.forEach((r, i) => {
    const [self, verified] = typed(i, String(r['Jenis Jawaban']));
    for (const [column, value] of [['Jawaban Mandiri', self], ['Jawaban Verifikasi', verified]] as const) {
      const cell = cellOf(rt, 'A1', i, column);
      const row = unitSheet(rt.workbook, 'A1').rows[Number(cell.slice(1)) - 1];
      // Typed as the sheet holds it (a dropdown would refuse a wrong word, the sheet can still hold one).
      row[HEADERS.unitTable.indexOf(column)] = value === '' ? undefined : { value: value as string | number };
    }
  });
  ok(rt.run('refreshRecap'));
  const again = await LocalRuntime.open({ workbook: rt.workbook, user: ADMIN });
  const after = table(again, 'A1').rows;
  after.forEach((r) => {
    const type = parseAnswerType(r['Jenis Jawaban']);
    const ind = { answerType: type?.type ?? { kind: 'ya-tidak' as const }, allowNA: parseYesNo(r['Boleh N/A']) === true };
    const answer = String(r['Jawaban Verifikasi']).trim() !== '' ? r['Jawaban Verifikasi'] : r['Jawaban Mandiri'];
    const credit = answerCredit(answer === '' ? '' : answer, ind);
    const expected = credit.kind === 'empty' ? '' : credit.kind === 'na' ? 'N/A' : credit.kind === 'invalid' ? 0 : credit.credit;
    expect([r.Kode, r['Jawaban Mandiri'], r['Jawaban Verifikasi'], r.Nilai]).toEqual([r.Kode, r['Jawaban Mandiri'], r['Jawaban Verifikasi'], expected]);
  });
  expect(after.map((r) => r.Nilai)).toEqual(expect.arrayContaining([1, 0.5, 0, 'N/A', '']));
});
