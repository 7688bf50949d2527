// The guides' screenshots, taken from the workbench: a practice workbook (cli/latihan.ts) in a
// folder of its own, the first participant's unit worked through as a bimtek exercise (the PIC
// fills and submits, the assessor verifies, the PIC writes a follow-up), every step a person's
// cell edit through the runtime with protections honoured; then each screenshot of SCREENSHOTS
// is the workbench page as that role sees it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CommandIo } from './commands/common';
import { withSession } from './session';
import { launchChromium } from '../local/chromium';
import { addressOf, cellOf, findTable, refuseNothing, setStatus } from './demo/tables';
import { SCREENSHOTS, type ScreenshotName } from './guide';
import { PRACTICE_ADMIN, PRACTICE_WORKBOOK, runPractice, type PracticeUnit } from './latihan';
import { NO_METRICS } from './result';
import { startWorkbench } from './workbench/server';

const PARTICIPANTS = 3;

/** The best and the worst answer of an indicator's `Jenis Jawaban` (docs/WORKBOOK.md). */
function answersOf(type: string): { best: string; worst: string } {
  const scale = /^0-(\d+)$/.exec(type.trim());
  return scale ? { best: scale[1], worst: '0' } : { best: 'Ya', worst: 'Tidak' };
}

/** The exercise on the first participant's unit: fill and submit, verify, follow up. */
async function playExercise(file: string, kode: string, pic: string, assessor: string): Promise<string> {
  let tab = '';
  await withSession(file, { user: PRACTICE_ADMIN }, {}, (session) => {
    const units = findTable(session.workbook, 'Unit', ['Kode', 'Tab']);
    const unit = units?.rows.find((r) => cellOf(units, r, 'Kode') === kode);
    tab = units && unit ? String(cellOf(units, unit, 'Tab') ?? '') : '';
    const table = findTable(session.workbook, tab, ['Kode', 'Jenis Jawaban', 'Jawaban Mandiri', 'Jawaban Verifikasi']);
    if (table === undefined) throw new Error(`guide: no answer table in tab ${tab}`);
    const edit = (user: string, row: number, header: string, value: string) =>
      refuseNothing(session.runtime.edit(user, tab, addressOf(table, row, header), value));
    const status = (user: string, label: string, value: string) => setStatus(session.runtime, user, tab, label, value);
    const rows = table.rows.map((row, i) => ({ row: row.row, ...answersOf(String(cellOf(table, row, 'Jenis Jawaban') ?? '')), weak: i % 4 === 3 }));
    for (const r of rows) {
      edit(pic, r.row, 'Jawaban Mandiri', r.weak ? r.worst : r.best);
      if (!r.weak) edit(pic, r.row, 'Bukti', 'SK Kepala No. 12/2025, tautan Drive');
    }
    status(pic, 'Status Pengisian', 'Diajukan');
    edit(assessor, rows[0].row, 'Jawaban Verifikasi', rows[0].worst);
    edit(assessor, rows[0].row, 'Catatan Asesor', 'SK belum ditandatangani; lampirkan SK yang berlaku.');
    status(assessor, 'Status Verifikasi', 'Terverifikasi');
    for (const r of [rows[0], ...rows.filter((x) => x.weak)]) edit(pic, r.row, 'Tindak Lanjut', 'Dalam proses');
    return { ok: true, lang: session.lang, metrics: NO_METRICS, fields: {}, lines: [] };
  });
  return tab;
}

/** What each screenshot shows: who, which tab, which cell has the focus (by its header, on the first indicator row). */
function scenes(tab: string, pic: string, assessor: string): Record<ScreenshotName, { user: string; tab: string; focus?: string }> {
  return {
    'pic-isi': { user: pic, tab, focus: 'Jawaban Mandiri' },
    'asesor-verifikasi': { user: assessor, tab, focus: 'Jawaban Verifikasi' },
    'sekretariat-unit': { user: PRACTICE_ADMIN, tab: 'Unit' },
    'sekretariat-rekap': { user: PRACTICE_ADMIN, tab: 'Rekap' },
  };
}

async function showScene(page: Page, scene: { user: string; tab: string; focus?: string }): Promise<void> {
  const user = page.locator('#user');
  if ((await user.inputValue()) !== scene.user) await user.selectOption(scene.user);
  await page.frameLocator('iframe').getByText(scene.user).first().waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: scene.tab, exact: true }).click();
  await page.getByRole('tab', { name: scene.tab, exact: true, selected: true }).waitFor();
  if (scene.focus === undefined) return;
  const header = page.locator('td', { hasText: new RegExp(`^${scene.focus}$`) }).first();
  const a1 = (await header.getAttribute('data-a1')) ?? '';
  const column = /^[A-Z]+/.exec(a1)?.[0] ?? 'A';
  const row = Number(/\d+$/.exec(a1)?.[0] ?? '0') + 1;
  await page.locator(`td[data-a1="${column}${row}"]`).focus();
}

/** Takes every screenshot of SCREENSHOTS into `dir` (NAME.png). */
export async function takeScreenshots(dir: string, io: CommandIo): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pendamping-panduan-'));
  try {
    const made = await runPractice({ dir: work, peserta: PARTICIPANTS }, { ...io, announce: () => undefined });
    if (!made.ok) throw new Error(`guide: practice workbook: ${made.error ?? ''}`);
    const file = join(work, PRACTICE_WORKBOOK);
    const [first] = made.fields.units as PracticeUnit[];
    const assessor = String(made.fields.assessor);
    const tab = await playExercise(file, first.kode, first.email, assessor);
    const workbench = await startWorkbench({ file, user: PRACTICE_ADMIN });
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1440, height: 800 });
      await page.goto(workbench.url);
      await page.locator('#user option').first().waitFor({ state: 'attached' });
      const all = scenes(tab, first.email, assessor);
      const files: string[] = [];
      for (const name of SCREENSHOTS) {
        await showScene(page, all[name]);
        const path = join(dir, `${name}.png`);
        await page.screenshot({ path });
        files.push(path);
      }
      return files;
    } finally {
      await browser.close();
      await workbench.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
