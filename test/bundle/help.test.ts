// "Bantuan": the help in the workbook's language (Pengaturan bahasa), with the guide of the
// acting user's role: a link made from Pengaturan tautan_panduan, else where the guide is.
import { built, demoWorkbook, grid, runtimeFor, sheet, ADMIN } from './core-fixture';
import { newWorkbook } from '../../local/model/workbook';
import type { LocalRuntime } from '../../local/runtime';

beforeAll(built);

const PIC = 'pic.disdikbud@muarojambi.example';
const ASSESSOR = 'asesor1@ombudsman.example';

function help(rt: LocalRuntime): { title?: string; prompt: string } {
  rt.ui.answers.push({ button: 'OK' });
  rt.run('showHelp');
  const event = rt.ui.events[rt.ui.events.length - 1];
  if (event.kind !== 'alert') throw new Error(`expected an alert, got ${event.kind}`);
  return event;
}

test('Bantuan names the guide of each role of the acting user, in the workbook language, linked by tautan_panduan', async () => {
  const { workbook, rt } = await demoWorkbook();
  const admin = help(rt);
  expect(admin.title).toBe('Bantuan Pendamping');
  expect(admin.prompt).toContain('Panduan sekretariat: docs/panduan/sekretariat.md di repositori Pendamping');
  expect(admin.prompt).not.toContain('Panduan PIC unit');

  const pic = help(await runtimeFor(workbook, PIC));
  expect(pic.prompt).toContain('Panduan PIC unit: docs/panduan/pic.md');
  expect(pic.prompt).not.toMatch(/Panduan (sekretariat|asesor)/);
  expect(help(await runtimeFor(workbook, ASSESSOR)).prompt).toContain('Panduan asesor: docs/panduan/asesor.md');

  // English, and the office's published guides.
  const rows = grid(sheet(workbook, 'Pengaturan'));
  const bahasa = rows.findIndex((r) => r[0] === 'bahasa') + 1;
  expect(rt.edit(ADMIN, 'Pengaturan', `B${bahasa}`, 'en').ok).toBe(true);
  expect(rt.edit(ADMIN, 'Pengaturan', `A${rows.length + 1}`, 'tautan_panduan').ok).toBe(true);
  expect(rt.edit(ADMIN, 'Pengaturan', `B${rows.length + 1}`, 'https://git.example.org/kantor/pendamping/blob/main/docs/panduan/{peran}.md').ok).toBe(true);
  const english = help(await runtimeFor(workbook, PIC));
  expect(english.title).toBe('Pendamping help');
  expect(english.prompt).toContain('Guide for the unit PIC (in Bahasa Indonesia): https://git.example.org/kantor/pendamping/blob/main/docs/panduan/pic.md');

  // Someone the workbook does not list gets every role's guide.
  const stranger = help(await runtimeFor(workbook, 'tamu@example.org'));
  expect(stranger.prompt).toContain('not listed as an admin, assessor or PIC');
  for (const role of ['sekretariat', 'asesor', 'pic']) expect(stranger.prompt).toContain(`docs/panduan/${role}.md`);
});

test('Bantuan works before the workbook is set up: the owner is its secretariat', async () => {
  const shown = help(await runtimeFor(newWorkbook({ owner: ADMIN }), ADMIN));
  expect(shown.title).toBe('Bantuan Pendamping');
  expect(shown.prompt).toContain('docs/panduan/sekretariat.md');
});
