// "Buat buku latihan" in the add-on's menu: an empty spreadsheet (a fresh copy of the template)
// becomes the practice programme; a spreadsheet that holds a programme is refused, untouched.
import { newWorkbook } from '../../local/model/workbook';
import { ADMIN, built, demoWorkbook, grid, runtimeFor, sheet } from './core-fixture';

beforeAll(built);

test('the menu item sets an empty spreadsheet up with one unit per participant and the assessor', async () => {
  const workbook = newWorkbook({ owner: ADMIN });
  const rt = await runtimeFor(workbook, ADMIN);
  rt.run('onOpen');
  const items = rt.ui.menus[rt.ui.menus.length - 1].items;
  expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ caption: 'Buat buku latihan', functionName: 'menuPractice' })]));

  rt.ui.answers.push({ button: 'OK', text: '5' }, { button: 'OK' });
  rt.run('menuPractice');
  const alert = rt.ui.events[rt.ui.events.length - 1];
  expect(alert).toMatchObject({ kind: 'alert', title: 'Buat buku latihan', prompt: expect.stringContaining('Buku latihan siap: 5 unit') });

  const unit = grid(sheet(workbook, 'Unit'));
  const col = (name: string) => unit[0].indexOf(name);
  expect(unit.slice(1).filter((r) => r[col('Kode')] !== '').map((r) => [r[col('Kode')], r[col('Email PIC')], r[col('Email Asesor')], r[col('Status')]])).toEqual(
    [1, 2, 3, 4, 5].map((n) => [`P0${n}`, `peserta0${n}@latihan.example`, 'asesor@latihan.example', 'OK']),
  );
  const tabs = unit.slice(1).map((r) => String(r[col('Tab')] ?? '')).filter((t) => t !== '');
  expect(tabs).toHaveLength(5);
  for (const tab of tabs) sheet(workbook, tab);
  const settings = new Map(grid(sheet(workbook, 'Pengaturan')).map((r) => [r[0], r[1]]));
  expect(settings.get('putaran')).toBe('Latihan');
  expect(settings.get('email_admin')).toBe(ADMIN);
});

test('a spreadsheet holding a programme is refused and left as it was; a bad count is refused', async () => {
  const { workbook, rt } = await demoWorkbook();
  const before = JSON.stringify(workbook.sheets.map((s) => [s.title, grid(s)]));
  rt.ui.answers.push({ button: 'OK', text: '3' }, { button: 'OK' });
  rt.run('menuPractice');
  expect(rt.ui.events[rt.ui.events.length - 1]).toMatchObject({ kind: 'alert', prompt: expect.stringContaining('File → Buat salinan') });
  expect(JSON.stringify(workbook.sheets.map((s) => [s.title, grid(s)]))).toBe(before);

  const empty = await runtimeFor(newWorkbook({ owner: ADMIN }), ADMIN);
  for (const participants of [0, 201, 2.5]) {
    expect(empty.run('setupPractice', { participants })).toMatchObject({ ok: false, error: expect.stringContaining('1 sampai 200') });
  }
});
