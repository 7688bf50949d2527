// Two `pendamping` processes on one workbook at the same time are serialised by the workbook's
// lock file: each loads what the other saved, so neither edit is lost.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, answerCell, grid, jsonOf, pendamping, tempDir, writeUnits } from './cli-process';


let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-concurrency');
});
afterAll(() => tmp.remove());

test('two processes editing one workbook at once both land', async () => {
  const wb = join(tmp.dir, 'bersama.xlsx');
  expect((await pendamping(tmp.dir, ['init', '--workbook', wb, '--profile', 'ombudsman-2021', '--user', ADMIN, '--units', writeUnits(tmp.dir), '--now', NOW])).code).toBe(0);
  expect((await pendamping(tmp.dir, ['generate', '--workbook', wb, '--now', NOW])).code).toBe(0);

  const model = await loadWorkbook(wb);
  const dinkes = answerCell(model, 'DINKES', 'SP-01', 'Bukti');
  const dukcapil = answerCell(model, 'DUKCAPIL', 'SP-01', 'Bukti');
  writeFileSync(join(tmp.dir, 'a.csv'), `"${dinkes.tab}",${dinkes.a1},Foto papan A\n`);
  writeFileSync(join(tmp.dir, 'b.csv'), `"${dukcapil.tab}",${dukcapil.a1},Foto papan B\n`);

  const [a, b] = await Promise.all([
    pendamping(tmp.dir, ['edit', '--workbook', wb, '--user', 'pic.dinkes@muarojambi.example', '--from', 'a.csv', '--json']),
    pendamping(tmp.dir, ['edit', '--workbook', wb, '--user', 'pic.dukcapil@muarojambi.example', '--from', 'b.csv', '--json']),
  ]);
  expect([a.code, b.code]).toEqual([0, 0]);
  expect(jsonOf(a)).toMatchObject({ ok: true, applied: 1 });
  expect(jsonOf(b)).toMatchObject({ ok: true, applied: 1 });

  const after = await loadWorkbook(wb);
  const valueAt = (p: { tab: string; a1: string }) => grid(after, p.tab)[Number(p.a1.slice(1)) - 1]?.[p.a1.charCodeAt(0) - 65];
  expect(valueAt(dinkes)).toBe('Foto papan A');
  expect(valueAt(dukcapil)).toBe('Foto papan B');
  // No lock file and no temporary file is left behind.
  expect(existsSync(`${wb}.lock`)).toBe(false);
  expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
