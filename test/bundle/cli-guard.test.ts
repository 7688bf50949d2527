// The faults of a careless or unlucky user, through the command line (a round as real processes): a new
// admin typed into Pengaturan, a round closed twice, an .xlsx downloaded from Sheets edited by a
// PIC. Each ends in one clear line and exit 1, or in success; never a stack trace, never a
// message sent twice, never a PIC writing what only admins may.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { META_SHEET, loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, answerCell, grid, jsonOf, pendamping, pendampingInProcess, readyWorkbook, settingCell, tempDir } from './cli-process';

const NEW_ADMIN = 'admin.baru@ombudsman.example';
const PIC = 'pic.dinkes@muarojambi.example';

let tmp: ReturnType<typeof tempDir>;
let wb: string;
const json = (...args: string[]) => [...args, '--workbook', wb, '--now', NOW, '--json'];

/** Applies `sheet,cell,value` rows as `user` (exit code and JSON result). */
async function edit(user: string, rows: string[], file = wb) {
  const edits = join(tmp.dir, `edits-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(edits, `${rows.join('\n')}\n`);
  const run = await pendampingInProcess(tmp.dir, ['edit', '--workbook', file, '--user', user, '--from', edits, '--now', NOW, '--json']);
  return { code: run.code, out: jsonOf(run), stderr: run.stderr };
}

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir('cli-guard');
  // Answered, submitted and verified, with the round's deadline: findings can go out.
  wb = await readyWorkbook(join(tmp.dir, 'program.xlsx'), { profile: 'ombudsman-2021' });
});
afterAll(() => tmp.remove());

test('a new admin typed into Pengaturan: email refused in one line with nothing sent, until an admin already in runs any admin command', async () => {
  const cell = settingCell(await loadWorkbook(wb), 'email_admin');
  expect((await edit(ADMIN, [`Pengaturan,${cell},"${ADMIN}, ${NEW_ADMIN}"`])).code).toBe(0);
  const outbox = join(tmp.dir, 'outbox');
  for (let attempt = 0; attempt < 2; attempt++) {
    const run = await pendampingInProcess(tmp.dir, json('email', '--user', NEW_ADMIN));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(ADMIN);
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  }
  expect((await pendampingInProcess(tmp.dir, json('recap'))).code).toBe(0);
  const sent = await pendampingInProcess(tmp.dir, json('email', '--user', NEW_ADMIN));
  expect(sent.code).toBe(0);
  expect(jsonOf(sent)).toMatchObject({ ok: true, sent: 3, failed: 0 });
  expect((await pendampingInProcess(tmp.dir, json('generate', '--user', NEW_ADMIN))).code).toBe(0);
});

test('round twice: the empty second round is refused without --force; with it nothing is lost; round --undo takes it back', async () => {
  const model = await loadWorkbook(wb);
  const answer = answerCell(model, 'DINKES', 'SP-01', 'Jawaban Mandiri');
  const evidence = answerCell(model, 'DINKES', 'SP-01', 'Bukti');
  expect((await edit(ADMIN, [`Pengaturan,${settingCell(model, 'putaran')},R1`, `"${answer.tab}",${answer.a1},Ya`, `"${evidence.tab}",${evidence.a1},foto-papan.jpg`])).code).toBe(0);
  expect((await pendamping(tmp.dir, json('round', '--name', 'R2'))).code).toBe(0);

  const refused = await pendamping(tmp.dir, json('round', '--name', 'R3'));
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  expect(jsonOf(refused)).toMatchObject({ ok: false, command: 'round' });
  const plain = await pendamping(tmp.dir, ['round', '--workbook', wb, '--name', 'R3', '--now', NOW]);
  expect(plain.stdout).toContain('--force');

  expect((await pendamping(tmp.dir, json('round', '--name', 'R3', '--force'))).code).toBe(0);
  const archive = grid(await loadWorkbook(wb), 'Arsip Jawaban');
  expect(archive[0]).toEqual(['Putaran', 'Kode Unit', 'Kode', 'Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi', 'Catatan Asesor', 'Tindak Lanjut', 'Keterangan Tindak Lanjut']);
  expect(archive.find((r) => r[0] === 'R1' && r[1] === 'DINKES' && r[2] === 'SP-01')?.slice(3, 5)).toEqual(['Ya', 'foto-papan.jpg']);
  const rounds = (rows: unknown[][]) => new Set(rows.slice(1).map((r) => r[0]));
  expect(rounds(archive)).toEqual(new Set(['R1', 'R2']));

  const undo = await pendamping(tmp.dir, json('round', '--undo'));
  expect(undo.code).toBe(0);
  expect(jsonOf(undo)).toMatchObject({ ok: true, command: 'round', undone: 'R3', name: 'R2' });
  expect(rounds(grid(await loadWorkbook(wb), 'Arsip Jawaban'))).toEqual(new Set(['R1']));
  expect((await pendamping(tmp.dir, ['round', '--workbook', wb, '--undo', '--name', 'R9'])).code).toBe(2);
});

test('a workbook downloaded from Sheets: a PIC cannot make itself admin; after generate the protections hold', async () => {
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(wb);
  raw.removeWorksheet((raw.getWorksheet(META_SHEET) as ExcelJS.Worksheet).id);
  const download = join(tmp.dir, 'dari-drive.xlsx');
  await raw.xlsx.writeFile(download);
  const bytes = readFileSync(download);

  const leak = ['Pengaturan,B7,pic.dinkes@muarojambi.example', 'Unit,E3,pic.dinkes@muarojambi.example'];
  const refused = await edit(PIC, leak, download);
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  expect(refused.stderr).toContain('pendamping generate');
  expect(refused.out).toMatchObject({ ok: false, applied: 0 });
  expect(readFileSync(download).equals(bytes)).toBe(true);

  expect((await pendampingInProcess(tmp.dir, ['generate', '--workbook', download, '--user', ADMIN, '--now', NOW])).code).toBe(0);
  const after = await edit(PIC, leak, download);
  expect(after.out).toMatchObject({ ok: false, applied: 0 });
  expect((after.out.refused as unknown[]).length).toBe(2);
  const own = answerCell(await loadWorkbook(download), 'DINKES', 'SP-02', 'Jawaban Mandiri');
  expect((await edit(PIC, [`"${own.tab}",${own.a1},Ya`], download)).code).toBe(0);
});
