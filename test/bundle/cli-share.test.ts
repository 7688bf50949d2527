// "Bagikan akses" through the command line on a real .xlsx: who it will add first (--dry-run,
// nothing changes), then every valid PIC and assessor address becomes an editor, kept in the
// workbook; a re-run adds only who is new; an invalid address is listed with its Unit row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, grid, jsonOf, pendamping, pendampingInProcess, tempDir } from './cli-process';

let tmp: ReturnType<typeof tempDir>;
let wb: string;
const json = (...args: string[]) => [...args, '--workbook', wb, '--now', NOW, '--json'];

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-share');
  wb = join(tmp.dir, 'share.xlsx');
});
afterAll(() => tmp.remove());

const PICS = ['pic.dinkes@muarojambi.example', 'pic2.dinkes@muarojambi.example', 'pic.dinsos@muarojambi.example'];
const ASSESSOR = 'asesor1@ombudsman.example';

test('share on a fresh workbook, then again: only what is new is added, an invalid address is listed with its row', async () => {
  const units = join(tmp.dir, 'units.csv');
  writeFileSync(
    units,
    [
      'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
      `DINKES,Dinas Kesehatan,OPD,Hendra,"${PICS[0]}, ${PICS[1]}",${ASSESSOR}`,
      `DINSOS,Dinas Sosial,OPD,Lestari,${PICS[2]},"${ASSESSOR}, asesor-tanpa-domain"`,
    ].join('\n'),
  );
  expect((await pendampingInProcess(tmp.dir, json('init', '--user', ADMIN, '--units', units))).code).toBe(0);

  const preview = await pendampingInProcess(tmp.dir, json('share', '--dry-run'));
  expect(preview.code).toBe(0);
  const planned = jsonOf(preview);
  expect(planned).toMatchObject({ ok: true, command: 'share', dryRun: true, added: [PICS[0], PICS[1], ASSESSOR, PICS[2]], already: [] });
  expect(planned.invalid).toEqual([{ row: 3, kode: 'DINSOS', address: 'asesor-tanpa-domain' }]);
  expect((await loadWorkbook(wb)).editors ?? []).toEqual([]);

  const first = jsonOf(await pendampingInProcess(tmp.dir, json('share')));
  expect(first).toMatchObject({ ok: true, added: [PICS[0], PICS[1], ASSESSOR, PICS[2]], already: [] });
  expect(first.dryRun).toBeUndefined();
  expect((await loadWorkbook(wb)).editors).toEqual([PICS[0], PICS[1], ASSESSOR, PICS[2]]);

  // A new unit with a new PIC: the re-run adds that one only; the owner (the admin) counts as an editor already.
  const edits = join(tmp.dir, 'edits.csv');
  writeFileSync(edits, ['sheet,cell,value', 'Unit,A4,DISHUB', 'Unit,B4,Dinas Perhubungan', 'Unit,C4,OPD', `Unit,E4,${ADMIN}`, 'Unit,F4,PIC.Dinkes@muarojambi.example'].join('\n'));
  expect((await pendampingInProcess(tmp.dir, json('edit', '--user', ADMIN, '--from', edits))).code).toBe(0);
  const again = await pendampingInProcess(tmp.dir, json('share'));
  const second = jsonOf(again);
  expect(second).toMatchObject({ ok: true, added: [], already: [PICS[0], PICS[1], ASSESSOR, PICS[2], ADMIN] });
  expect(second.invalid).toHaveLength(1);
  expect(again.stderr + again.stdout).not.toContain('Error');
  const saved = await loadWorkbook(wb);
  expect(saved.editors).toEqual([PICS[0], PICS[1], ASSESSOR, PICS[2]]);
  expect(grid(saved, 'Unit')[3][0]).toBe('DISHUB');
});

test('the message says whom it added and that protections stop edits, not reads; a PIC may not share', async () => {
  const run = await pendamping(tmp.dir, ['share', '--workbook', wb, '--now', NOW]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('bukan pembacaan');
  expect(run.stdout).toContain('asesor-tanpa-domain');
  const refused = await pendampingInProcess(tmp.dir, json('share', '--user', PICS[0]));
  expect(refused.code).toBe(1);
  expect(jsonOf(refused)).toMatchObject({ ok: false, command: 'share' });
});
