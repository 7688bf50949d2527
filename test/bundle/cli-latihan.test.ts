// `pendamping demo --latihan`: the practice workbook of a bimtek day (the CLI run in-process). It holds
// one unit per participant with their own PIC address and one assessor, each participant acts as
// their role (the workbench lists them; protections let each edit only their own unit), and its
// findings emails land in its own outbox, never touching the real programme's workbook.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startWorkbench } from '../../cli/workbench/server';
import { loadWorkbook } from '../../local/xlsx';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, NOW, answerCell, grid, jsonOf, pendampingInProcess, tempDir, writeUnits } from './cli-process';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('cli-latihan');
});
afterAll(() => tmp.remove());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const emails = (n: number) => Array.from({ length: n }, (_, i) => `peserta${String(i + 1).padStart(2, '0')}@latihan.example`);

test('one unit per participant with its own PIC and the assessor; each acts as their role; its outbox is its own', async () => {
  // The real programme, beside it: its workbook must come out of the practice byte-identical.
  mkdirSync(join(tmp.dir, 'program'));
  const real = join(tmp.dir, 'program', 'program.xlsx');
  expect((await pendampingInProcess(tmp.dir, ['init', '--workbook', real, '--units', writeUnits(tmp.dir), '--user', ADMIN])).code).toBe(0);
  expect((await pendampingInProcess(tmp.dir, ['generate', '--workbook', real])).code).toBe(0);
  const realBefore = sha(real);

  const run = await pendampingInProcess(tmp.dir, ['demo', '--latihan', '--peserta', '4', '--dir', 'bimtek', '--now', NOW, '--json']);
  expect(run.code).toBe(0);
  const out = jsonOf(run);
  const dir = join(tmp.dir, 'bimtek');
  const file = join(dir, 'pendamping-latihan.xlsx');
  expect(out).toMatchObject({
    ok: true,
    command: 'demo',
    workbook: file,
    outbox: join(dir, 'outbox'),
    admin: 'sekretariat@latihan.example',
    assessor: 'asesor@latihan.example',
    participants: emails(4),
  });

  // The right units, each with its tab, its PIC and the assessor.
  const model = await loadWorkbook(file);
  const unit = grid(model, 'Unit');
  const col = (name: string) => unit[0].indexOf(name);
  expect(unit.slice(1).map((r) => [r[col('Kode')], r[col('Email PIC')], r[col('Email Asesor')], r[col('Status')]])).toEqual(
    emails(4).map((email, i) => [`P0${i + 1}`, email, 'asesor@latihan.example', 'OK']),
  );
  const tabs = unit.slice(1).map((r) => String(r[col('Tab')]));
  for (const tab of tabs) expect(model.sheets.some((s) => s.title === tab)).toBe(true);
  const settings = new Map(grid(model, 'Pengaturan').map((r) => [r[0], r[1]]));
  expect(settings.get('email_admin')).toBe('sekretariat@latihan.example');
  expect(settings.get('putaran')).toBe('Latihan');

  // The workbench offers every participant as the PIC of their unit, the assessor and the admin.
  const workbench = await startWorkbench({ file });
  try {
    const view = (await (await fetch(`${workbench.url}api/view`)).json()) as { users: { email: string; role: string; unit?: string }[] };
    expect(view.users).toEqual([
      { email: 'sekretariat@latihan.example', role: 'admin' },
      { email: 'asesor@latihan.example', role: 'asesor', unit: 'P01' },
      ...emails(4).map((email, i) => ({ email, role: 'pic', unit: `P0${i + 1}` })),
    ]);
  } finally {
    await workbench.close();
  }

  // The exercise: the first participant fills and submits, and may not touch the second's unit;
  // the assessor verifies.
  const own = answerCell(model, 'P01', 'IN-01', 'Jawaban Mandiri');
  const other = answerCell(model, 'P02', 'IN-01', 'Jawaban Mandiri');
  const edits = (name: string, rows: string[][]) => {
    const csv = join(tmp.dir, name);
    writeFileSync(csv, rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n'));
    return csv;
  };
  const pic = await pendampingInProcess(tmp.dir, ['edit', '--workbook', file, '--user', emails(4)[0], '--json', '--from', edits('pic.csv', [[own.tab, own.a1, '1'], [other.tab, other.a1, '1']])]);
  expect(jsonOf(pic)).toMatchObject({ applied: 1, refused: [expect.objectContaining({ sheet: other.tab })] });
  const status = (label: string) => {
    const rows = grid(model, own.tab);
    const r = rows.findIndex((row) => row.includes(label));
    return `${String.fromCharCode(65 + rows[r].indexOf(label) + 1)}${r + 1}`;
  };
  const verify = [[own.tab, status('Status Pengisian'), 'Diajukan'], [own.tab, status('Status Verifikasi'), 'Terverifikasi']];
  expect((await pendampingInProcess(tmp.dir, ['edit', '--workbook', file, '--user', 'asesor@latihan.example', '--from', edits('asesor.csv', verify)])).code).toBe(0);

  // The findings go into the practice's own outbox, to practice addresses only.
  const sent = await pendampingInProcess(tmp.dir, ['email', '--workbook', file, '--now', NOW, '--json']);
  expect(jsonOf(sent)).toMatchObject({ ok: true, failed: 0 });
  const eml = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
  expect(eml.length).toBeGreaterThan(0);
  for (const name of eml) {
    const mail = await simpleParser(readFileSync(join(dir, 'outbox', name)));
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
    for (const address of to) expect(address).toMatch(/@latihan\.example$/);
  }
  expect(existsSync(join(tmp.dir, 'program', 'outbox'))).toBe(false);
  expect(sha(real)).toBe(realBefore);
});

test('it never takes a folder holding anything else, and --peserta needs --latihan and 1 to 200', async () => {
  const dir = join(tmp.dir, 'lain');
  mkdirSync(dir);
  const other = join(dir, 'program.xlsx');
  writeFileSync(other, 'the real programme');
  const refused = await pendampingInProcess(tmp.dir, ['demo', '--latihan', '--dir', dir]);
  expect(refused.code).toBe(1);
  expect(readFileSync(other, 'utf8')).toBe('the real programme');
  expect(readdirSync(dir)).toEqual(['program.xlsx']);

  const alone = await pendampingInProcess(tmp.dir, ['demo', '--peserta', '3', '--dir', join(tmp.dir, 'x')]);
  expect(alone.code).toBe(1);
  expect(alone.stderr).toContain('--latihan');
  const none = await pendampingInProcess(tmp.dir, ['demo', '--latihan', '--peserta', '0', '--dir', join(tmp.dir, 'y')]);
  expect(none.code).toBe(1);
  expect(none.stderr).toContain('Jumlah peserta harus bilangan bulat 1 sampai 200');
  expect(existsSync(join(tmp.dir, 'x'))).toBe(false);
});
