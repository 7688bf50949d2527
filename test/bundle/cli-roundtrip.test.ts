// A save/load round trip through the CLI: a command that changes nothing (an edit writing the
// value a cell already holds) loads the workbook, runs the runtime over it and saves it again;
// every value, formula, number format, validation, conditional format, protection, developer
// metadata entry, document property and the mail quota window come back as they were.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, pendampingInProcess, readyWorkbook, tempDir } from './cli-process';


let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-roundtrip');
});
afterAll(() => tmp.remove());

test('a no-op command reproduces the workbook exactly', async () => {
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  const wb = await readyWorkbook(join(tmp.dir, 'bolakbalik.xlsx'));
  const run = (...args: string[]) => pendampingInProcess(tmp.dir, [...args, '--workbook', wb, '--now', NOW]);
  expect((await run('email')).code).toBe(0);

  const before = await loadWorkbook(wb);
  const settings = before.sheets.find((s) => s.title === 'Pengaturan');
  const row = (settings?.rows ?? []).findIndex((r) => r?.[0]?.value === 'nama_kegiatan');
  const same = String(settings?.rows[row]?.[1]?.value);
  writeFileSync(join(tmp.dir, 'same.csv'), `Pengaturan,B${row + 1},"${same}"\n`);
  expect((await run('edit', '--user', ADMIN, '--from', 'same.csv')).code).toBe(0);

  const after = await loadWorkbook(wb);
  expect(after.sheets.map((s) => s.title)).toEqual(before.sheets.map((s) => s.title));
  for (const [i, sheet] of before.sheets.entries()) {
    const again = after.sheets[i];
    expect({ title: again.title, rows: again.rows }).toEqual({ title: sheet.title, rows: sheet.rows });
    expect(again.dataValidations).toEqual(sheet.dataValidations);
    expect(again.conditionalFormats).toEqual(sheet.conditionalFormats);
    expect(again.protectedRanges).toEqual(sheet.protectedRanges);
    expect(again.developerMetadata).toEqual(sheet.developerMetadata);
    expect(again).toEqual(sheet);
  }
  expect(after.documentProperties).toEqual(before.documentProperties);
  expect(after.mailQuota).toEqual(before.mailQuota);
  expect(after).toEqual(before);
  // The workbook really holds what the round trip must keep.
  expect(before.sheets.some((s) => s.protectedRanges.length > 0)).toBe(true);
  expect(before.sheets.some((s) => s.developerMetadata.length > 0)).toBe(true);
  expect(before.sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.formula !== undefined)))).toBe(true);
  expect(before.mailQuota.length).toBeGreaterThan(0);
});
