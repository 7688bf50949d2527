// Every Sheets API call the add-on makes stays within the 2 MB payload Google recommends
// (developers.google.com/workspace/sheets/api/limits), at 30, 150 and 500 units through the local
// runtime, which records each call's body (metrics.requestBytes). Generation's requests at 500
// units are also checked where they are built (test/unit/plan-requests.test.ts).
import { syntheticUnitsCsv } from '../../bench/units';
import { MAX_BODY_BYTES } from '../../src/sheets/api';
import { parseDelimited } from '../../src/domain/text';
import { ADMIN, built, demoWorkbook, grid, ok, run, sheet } from './core-fixture';

beforeAll(built);

test.each([30, 150, 500])('generate, recap and a new round for %i units send no call over 2 MB', async (size) => {
  const { rt, workbook } = await demoWorkbook(parseDelimited(syntheticUnitsCsv(size)));
  const putaran = grid(sheet(workbook, 'Pengaturan')).findIndex((row) => row[0] === 'putaran');
  expect(rt.edit(ADMIN, 'Pengaturan', `B${putaran + 1}`, '2025 Pendampingan').ok).toBe(true);
  const before = rt.snapshot().requestBytes.length;
  ok(run(rt, 'generateUnitTabs'));
  const generated = rt.snapshot().requestBytes.slice(before);
  ok(run(rt, 'refreshRecap'));
  ok(run(rt, 'startNewRound', { name: '2025 Penilaian Ulang', deadline: '2025-09-30', force: true }));
  const sent = rt.snapshot().requestBytes.slice(before);
  expect(sent.length).toBeGreaterThan(generated.length);
  expect(sent.filter((bytes) => bytes > MAX_BODY_BYTES)).toEqual([]);
  // New tabs with the same indicators are duplicated from the first (src/sheets/generate.ts newTabsRequests): 150 fit in one call.
  if (size === 150) expect(generated.length).toBe(1);
});
