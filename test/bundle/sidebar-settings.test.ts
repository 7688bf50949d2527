// The sidebar's Pengaturan section saves through saveSettings in the built bundle: values land in
// the Nilai cells of their keys, dates as dates, and the cells keep their dropdowns.
import { ensureBuilt } from '../helpers/build';
import { LocalRuntime } from '../../local/runtime';
import { programme, sheet, tempOutbox, values, type Result } from './mail-helpers';

beforeAll(() => ensureBuilt());

/** The row index (0-based) of a Pengaturan key. */
function rowOf(rows: unknown[][], key: string): number {
  const at = rows.findIndex((r) => r[0] === key);
  if (at < 0) throw new Error(`no setting ${key}`);
  return at;
}

test('saveSettings writes the values, keeps the Nilai dropdowns, and refuses a non-admin or a bad value with nothing changed', async () => {
  const rt = await programme([{ code: 'A1' }], { outbox: tempOutbox() });
  const saved = rt.run('saveSettings', { bahasa: 'en', batas_waktu: '2025-06-30', instansi_penilai: '=HYPERLINK("x")' }) as Result;
  expect(saved).toEqual({ ok: true });

  const pengaturan = sheet(rt.workbook, 'Pengaturan');
  const rows = values(pengaturan);
  const bahasa = rowOf(rows, 'bahasa');
  expect(rows[bahasa][1]).toBe('en');
  expect(rows[rowOf(rows, 'instansi_penilai')][1]).toBe('=HYPERLINK("x")'); // agency text stays text
  const deadline = pengaturan.rows[rowOf(rows, 'batas_waktu')]?.[1];
  expect(typeof deadline?.value).toBe('number'); // a date serial
  expect(deadline?.format?.numberFormat).toMatch(/yyyy/i);
  const covers = (row: number) =>
    pengaturan.dataValidations.some(
      (v) => (v.range.startRowIndex ?? 0) <= row && row < (v.range.endRowIndex ?? Infinity) && (v.range.startColumnIndex ?? 0) <= 1 && 1 < (v.range.endColumnIndex ?? Infinity),
    );
  expect(covers(bahasa)).toBe(true);
  expect(covers(rowOf(rows, 'profil'))).toBe(true);

  const before = JSON.stringify(values(pengaturan));
  const bad = rt.run('saveSettings', { bahasa: 'fr' }) as Result;
  expect(bad.ok).toBe(false);
  const stranger = await LocalRuntime.open({ workbook: rt.workbook, user: 'pic@dinas.example', outbox: tempOutbox() });
  expect((stranger.run('saveSettings', { bahasa: 'id' }) as Result).ok).toBe(false);
  expect(JSON.stringify(values(sheet(rt.workbook, 'Pengaturan')))).toBe(before);
});
