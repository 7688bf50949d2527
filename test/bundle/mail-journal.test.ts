// The send's write-ahead journal (src/mail/journal.ts): each message's intent is made durable in
// one document property before MailApp is called, and Log Email gets the rows at the end of the
// call. A run cut short between the two loses no row: every reader sees the journal's rows, the
// next send folds them into the sheet and sends nothing twice; a journal that would outgrow one
// property value goes to the sheet first.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath } from '../../local/journal';
import type { WorkbookModel } from '../../local/model/types';
import { LocalRuntime } from '../../local/runtime';
import { PROPERTY_VALUE_LIMIT_BYTES } from '../../local/services/properties';
import { withWorkbook } from '../../local/workbook-file';
import { saveWorkbook } from '../../local/xlsx';
import { JOURNAL_PROPERTY } from '../../src/mail/journal';
import { ensureBuilt } from '../helpers/build';
import { ADMIN, ledger, manyUnits, ok, outbox, programme, runUntilDone, sheet, tempOutbox, values, type Result, type UnitSpec } from './mail-helpers';

beforeAll(() => ensureBuilt());

const statuses = (rows: Record<string, unknown>[]) => rows.map((r) => [r['Kode Unit'], r.Status]);

/**
 * Sends to every unit of `units` from a workbook file, and keeps at each call of MailApp a copy
 * of what a kill at that moment would leave on disk (the file and its runtime journal). Also
 * records the largest value the send's journal held.
 */
async function sendWithCrashCopies(units: readonly UnitSpec[]) {
  const box = tempOutbox();
  const rt = await programme(units, { outbox: box });
  const dir = mkdtempSync(join(tmpdir(), 'pendamping-journal-'));
  const file = join(dir, 'buku.xlsx');
  await saveWorkbook(rt.workbook, file);
  const crashes: string[] = [];
  let largest = 0;
  await withWorkbook(file, {}, async (workbook) => {
    const crashCopy = () => {
      largest = Math.max(largest, Buffer.byteLength(workbook.documentProperties[JOURNAL_PROPERTY] ?? ''));
      const copy = join(dir, `crash-${crashes.length + 1}.xlsx`);
      copyFileSync(file, copy);
      if (existsSync(journalPath(file))) copyFileSync(journalPath(file), journalPath(copy));
      crashes.push(copy);
      return false;
    };
    const runtime = await LocalRuntime.open({ workbook, user: ADMIN, outbox: box, interrupted: crashCopy });
    expect(runUntilDone(runtime, 'sendFindingsBatch')[0]).toMatchObject({ ok: true, sent: units.length });
  });
  return { file, crashes, largest, box };
}

test('a run killed between the journal write and the Log Email write loses no row; the next run folds them in and sends nothing twice', async () => {
  const units = manyUnits(3);
  const { crashes, box } = await sendWithCrashCopies(units);
  // Killed as MailApp sends U03: U01 and U02 sent, U03's outcome unknown, all of it in the journal alone.
  const crash = crashes[2];
  const sentBefore = (await outbox(box)).length;
  await withWorkbook(crash, {}, async (workbook: WorkbookModel) => {
    expect(values(sheet(workbook, 'Log Email'))).toHaveLength(1);
    expect(workbook.documentProperties[JOURNAL_PROPERTY]).toBeDefined();
    expect(statuses(ledger(workbook))).toEqual([
      ['U01', 'TERKIRIM'],
      ['U02', 'TERKIRIM'],
      ['U03', 'MENGIRIM'],
    ]);
    const later = await LocalRuntime.open({ workbook, user: ADMIN, outbox: box });
    const again = runUntilDone(later, 'sendFindingsBatch')[0];
    // It continues the killed run's batch: U01 and U02 are done, U03 is for a person to check.
    expect(again).toMatchObject({ ok: true, sent: 0, skipped: 0, unknown: 1 });
    expect(later.sentMail).toHaveLength(0);
    // The journal's rows are on the sheet now, in send order; the journal is gone.
    expect(workbook.documentProperties[JOURNAL_PROPERTY]).toBeUndefined();
    const [header, ...rows] = values(sheet(workbook, 'Log Email'));
    expect(rows.map((r) => [r[header.indexOf('Kode Unit')], r[header.indexOf('Status')]])).toEqual([
      ['U01', 'TERKIRIM'],
      ['U02', 'TERKIRIM'],
      ['U03', 'MENGIRIM'],
    ]);
  });
  expect(await outbox(box)).toHaveLength(sentBefore);
});

test('readers of the ledger see the journal’s rows: the preview, the sidebar’s stages and counts', async () => {
  const { crashes } = await sendWithCrashCopies(manyUnits(3));
  await withWorkbook(crashes[2], { readOnly: true }, async (workbook: WorkbookModel) => {
    expect(values(sheet(workbook, 'Log Email'))).toHaveLength(1);
    const rt = await LocalRuntime.open({ workbook, user: ADMIN, outbox: tempOutbox() });
    const preview = ok(rt.run('previewFindings', {}));
    expect(preview).toMatchObject({ messages: 0, skipped: 2, unknown: 1 });
    const panel = ok(rt.run('getPanelState')) as Result & { units: { kode: string; stage: string }[]; ledger: { sent: number } };
    expect(panel.ledger.sent).toBe(2);
    expect(panel.units.map((u) => [u.kode, u.stage])).toEqual([
      ['U01', 'Temuan terkirim'],
      ['U02', 'Temuan terkirim'],
      ['U03', 'Terverifikasi'],
    ]);
  });
});

test('a journal that would outgrow one property value goes to the sheet first; every intent is still durable before its message', async () => {
  // Long recipient lists make each row about 1 KB: the journal holds a few rows only (and the
  // recipients stay within the daily quota).
  const cc = Array.from({ length: 6 }, (_, i) => `asesor.pendamping.pelayanan.publik.perwakilan.provinsi.nomor${i + 1}@ombudsman-republik-indonesia-perwakilan.go.id`).join(', ');
  const units = manyUnits(12).map((u) => ({ ...u, assessorEmails: cc }));
  const { file, crashes, largest } = await sendWithCrashCopies(units);
  expect(largest).toBeGreaterThan(PROPERTY_VALUE_LIMIT_BYTES / 2);
  expect(largest).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT_BYTES);
  for (const [i, copy] of crashes.entries()) {
    await withWorkbook(copy, { readOnly: true }, (workbook: WorkbookModel) => {
      const rows = ledger(workbook);
      expect(statuses(rows)).toEqual([...units.slice(0, i).map((u) => [u.code, 'TERKIRIM']), [units[i].code, 'MENGIRIM']]);
    });
  }
  // Some intents found the sheet already holding the rows before them.
  let flushedEarly = 0;
  for (const copy of crashes) {
    await withWorkbook(copy, { readOnly: true }, (workbook: WorkbookModel) => {
      if (values(sheet(workbook, 'Log Email')).length > 1) flushedEarly += 1;
    });
  }
  expect(flushedEarly).toBeGreaterThan(0);
  await withWorkbook(file, { readOnly: true }, (workbook: WorkbookModel) => {
    expect(workbook.documentProperties[JOURNAL_PROPERTY]).toBeUndefined();
    expect(statuses(ledger(workbook))).toEqual(units.map((u) => [u.code, 'TERKIRIM']));
  });
});
