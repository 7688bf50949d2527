// The workbench in Chromium: the real dist/Sidebar.html over the bundle in the local runtime,
// the grid, the add-on's menu and the user switcher, on workbooks made by the CLI.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { FrameLocator, Page } from 'playwright-core';
import { newWorkbook } from '../../local/model/workbook';
import { loadWorkbook, saveWorkbook } from '../../local/xlsx';
import { startWorkbench, type Workbench } from '../../cli/workbench/server';
import { ensureBuilt } from '../helpers/build';
import { demoWorkbook, pendampingInProcess } from '../bundle/cli-process';
import { launch, screenshot, seriousAxeViolations, type Browser } from './browser';

const ADMIN = 'admin@example.go.id';
const XSS = '<img src=x onerror="window.__xss=1">';

let browser: Browser;
let dir = '';
let workbench: Workbench | undefined;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pendamping-workbench-'));
  browser = await launch();
}, 120_000);

afterEach(async () => {
  await workbench?.close();
  workbench = undefined;
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<void> {
  const run = await pendampingInProcess(dir, args);
  if (run.code !== 0) throw new Error(`pendamping ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

async function open(file: string): Promise<{ page: Page; sidebar: FrameLocator }> {
  workbench = await startWorkbench({ file });
  expect(workbench.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(workbench.url);
  const sidebar = page.frameLocator('iframe');
  await sidebar.getByRole('heading', { name: 'Ringkasan' }).waitFor({ timeout: 30_000 });
  return { page, sidebar };
}

const cell = (page: Page, a1: string) => page.locator(`td[data-a1="${a1}"]`);

async function selectTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('tab', { name }).first().click();
  await page.getByRole('tab', { name, selected: true }).first().waitFor();
}

/** Types `value` into the cell through the formula bar, as the selected user. */
async function editCell(page: Page, a1: string, value: string): Promise<string> {
  await cell(page, a1).focus();
  await page.getByLabel('Isi sel').fill(value);
  await page.getByLabel('Isi sel').press('Enter');
  const status = page.locator('#status');
  await status.filter({ hasText: a1 }).waitFor();
  return (await status.textContent()) ?? '';
}

/** Clicks a sidebar button and returns its section's outcome, failing with the sidebar's own words on an error. */
async function sidebarAction(sidebar: FrameLocator, name: string, timeout = 120_000): Promise<string> {
  const button = sidebar.getByRole('button', { name, exact: true });
  await button.click();
  const outcome = sidebar.locator('section', { has: button }).locator('.status.ok, .status.error');
  await outcome.waitFor({ timeout });
  const text = (await outcome.textContent()) ?? '';
  if ((await outcome.getAttribute('class'))?.includes('error')) throw new Error(`${name}: ${text}`);
  return text;
}

async function openSection(sidebar: FrameLocator, title: string): Promise<void> {
  await sidebar.getByRole('heading', { name: title, exact: true }).click();
}

test('the demo workbook opens in the workbench: tabs, grid with formulas, menu, sidebar', async () => {
  const { page, sidebar } = await open(await demoWorkbook(join(dir, 'demo.xlsx')));
  for (const tab of ['Pengaturan', 'Unit', 'Rekap']) await page.getByRole('tab', { name: tab, exact: true }).waitFor();
  expect(await page.getByRole('tab').count()).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Buka panel' }).waitFor();
  await selectTab(page, 'Rekap');
  const score = cell(page, 'E2');
  const shown = await score.textContent();
  await score.focus();
  await expect(score.textContent()).resolves.toMatch(/^=/);
  await expect(page.getByLabel('Isi sel').inputValue()).resolves.toMatch(/^=/);
  await cell(page, 'A2').focus();
  await expect(score.textContent()).resolves.toBe(shown);
  await sidebar.getByText('Unit per kategori').waitFor();
  await screenshot(page, 'workbench-demo');
  await page.close();
}, 300_000);

test('a full run through the sidebar ends with the right .eml files in the outbox; XSS stays text', async () => {
  const units = [
    'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
    'DINKES,Dinas Kesehatan,OPD,Budi,pic.dinkes@example.go.id,asesor@example.go.id',
    `XSS,"${XSS.replace(/"/g, '""')}",OPD,Ani,pic.xss@example.go.id,asesor@example.go.id`,
  ].join('\n');
  writeFileSync(join(dir, 'units.csv'), units);
  mkdirSync(join(dir, 'run'));
  const file = join(dir, 'run', 'program.xlsx');
  await cli('init', '--workbook', file, '--profile', 'ombudsman-2021', '--units', join(dir, 'units.csv'), '--user', ADMIN);
  // Findings go out only with a deadline set.
  writeFileSync(join(dir, 'run', 'edits.csv'), `sheet,cell,value\nPengaturan,${(await settingIn(file, 'batas_waktu')).a1},2025-04-30\n`);
  await cli('edit', '--workbook', file, '--from', join(dir, 'run', 'edits.csv'), '--user', ADMIN);
  const { page, sidebar } = await open(file);

  // Generate the unit tabs from the sidebar, as the admin.
  await sidebarAction(sidebar, 'Buat / perbarui tab unit');
  await page.getByRole('tab', { name: /DINKES/ }).first().waitFor();

  // The XSS unit name is text in the grid and in the sidebar.
  await selectTab(page, 'Unit');
  await page.getByRole('gridcell', { name: XSS }).first().waitFor();
  await openSection(sidebar, 'Unit');
  await sidebar.getByText(`XSS — ${XSS}`).first().waitFor();

  // As the PIC of DINKES: an answer is accepted, an indicator text is refused, a note with a payload stays text.
  await selectTab(page, /DINKES/);
  const before = await cell(page, 'C5').textContent();
  await page.locator('#user').selectOption('pic.dinkes@example.go.id');
  await sidebar.getByText('Masuk sebagai pic.dinkes@example.go.id').waitFor();
  expect(await editCell(page, 'F8', 'Ya')).toContain('disimpan');
  expect(await editCell(page, 'C8', 'diubah')).toContain('ditolak');
  expect(await editCell(page, 'G8', XSS)).toContain('disimpan');
  await expect(cell(page, 'G8').textContent()).resolves.toBe(XSS);
  await expect(cell(page, 'C5').textContent()).resolves.not.toBe(before);
  await screenshot(page, 'workbench-pic-edit');

  // Back to the admin, who answers for XSS and marks both units submitted and verified (only verified units get findings).
  await page.locator('#user').selectOption(ADMIN);
  await sidebar.getByText(`Masuk sebagai ${ADMIN} (admin)`).waitFor();
  for (const tab of [/DINKES/, /XSS/]) {
    await selectTab(page, tab);
    if (tab.source === 'XSS') expect(await editCell(page, 'F8', 'Tidak')).toContain('disimpan');
    expect(await editCell(page, 'E2', 'Diajukan')).toContain('disimpan');
    expect(await editCell(page, 'E3', 'Terverifikasi')).toContain('disimpan');
  }
  await openSection(sidebar, 'Kirim');
  await sidebar.getByRole('button', { name: 'Pratinjau' }).click();
  await sidebar.getByText('2 email untuk').waitFor({ timeout: 60_000 });
  await sidebar.getByLabel('Saya sudah memeriksa pratinjau').check();
  expect(await sidebarAction(sidebar, 'Kirim temuan')).toContain('Selesai: 2 terkirim');
  await sidebar.getByText('Log Email: 2 terkirim').waitFor();

  const outbox = join(dir, 'run', 'outbox');
  const emails = await Promise.all(readdirSync(outbox).filter((f) => f.endsWith('.eml')).map((f) => simpleParser(readFileSync(join(outbox, f)))));
  const to = (mail: (typeof emails)[number]) => (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []);
  expect(emails.map(to).sort()).toEqual([['pic.dinkes@example.go.id'], ['pic.xss@example.go.id']]);
  const xssMail = emails.find((m) => to(m).includes('pic.xss@example.go.id'));
  expect(String(xssMail?.html)).not.toContain('<img src=x');

  for (const frame of [page.mainFrame(), ...page.frames()]) {
    expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await frame.locator('img').count()).toBe(0);
  }
  const sidebarFrame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!sidebarFrame) throw new Error('no sidebar frame');
  await sidebarFrame.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await seriousAxeViolations(sidebarFrame)).toEqual([]);
  await screenshot(page, 'workbench-sent');
  await page.close();
}, 300_000);

/** The Nilai of a Pengaturan key in the saved file. */
async function settingIn(file: string, key: string): Promise<{ a1: string; value: unknown }> {
  const pengaturan = (await loadWorkbook(file)).sheets.find((s) => s.title === 'Pengaturan');
  const row = pengaturan?.rows.findIndex((r) => r?.[0]?.value === key) ?? -1;
  if (!pengaturan || row < 0) throw new Error(`no Pengaturan ${key}`);
  return { a1: `B${row + 1}`, value: pengaturan.rows[row]?.[1]?.value };
}

/** Switches the workbench to `user` and waits for the sidebar to say who is signed in. */
async function actAs(page: Page, sidebar: FrameLocator, user: string): Promise<void> {
  await page.locator('#user').selectOption(user);
  await sidebar.getByText(user === ADMIN ? `Masuk sebagai ${ADMIN} (admin)` : `Masuk sebagai ${user}`, { exact: true }).waitFor();
}

/** The sidebar's frame, to read its whole HTML and run axe-core in it. */
function sidebarFrame(page: Page) {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

/** Clicks the one action of a PIC's or an assessor's sidebar and returns its outcome, failing with the sidebar's own words. */
async function unitAction(sidebar: FrameLocator, name: string): Promise<string> {
  await sidebar.getByRole('button', { name }).click();
  const outcome = sidebar.locator('.status.ok, .status.error');
  await outcome.waitFor({ timeout: 120_000 });
  const text = (await outcome.textContent()) ?? '';
  if ((await outcome.getAttribute('class'))?.includes('error')) throw new Error(`${name}: ${text}`);
  return text;
}

/** The admin's count per stage, as the sidebar's summary lists it. */
async function expectStages(sidebar: FrameLocator, counts: Record<string, number>): Promise<void> {
  for (const [stage, count] of Object.entries(counts)) await sidebar.getByText(`${stage}: ${count}`, { exact: true }).waitFor();
}

test('the sidebar per role: the PIC sees only its unit and submits, the assessor verifies, and the admin sees each stage', async () => {
  const PIC = 'pic.dinkes@example.go.id';
  const ASSESSOR = 'asesor@example.go.id';
  const units = [
    'Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor',
    `DINKES,Dinas Kesehatan,OPD,Budi,${PIC},${ASSESSOR}`,
    'DISHUB,Dinas Perhubungan,OPD,Ani,pic.dishub@example.go.id,asesor.lain@example.go.id',
  ].join('\n');
  mkdirSync(join(dir, 'roles'));
  writeFileSync(join(dir, 'roles', 'units.csv'), units);
  const file = join(dir, 'roles', 'program.xlsx');
  await cli('init', '--workbook', file, '--profile', 'ombudsman-2021', '--units', join(dir, 'roles', 'units.csv'), '--user', ADMIN);
  const edits = [['Pengaturan', (await settingIn(file, 'putaran')).a1, '2025 Pendampingan'], ['Pengaturan', (await settingIn(file, 'batas_waktu')).a1, '2025-04-30']];
  writeFileSync(join(dir, 'roles', 'edits.csv'), ['sheet,cell,value', ...edits.map((e) => e.join(','))].join('\n'));
  await cli('edit', '--workbook', file, '--from', join(dir, 'roles', 'edits.csv'), '--user', ADMIN);
  await cli('generate', '--workbook', file);
  const { page, sidebar } = await open(file);
  await expectStages(sidebar, { 'Belum mulai': 2, Diisi: 0, Diajukan: 0, Terverifikasi: 0, 'Temuan terkirim': 0 });

  // The PIC: its own unit, nothing of the other unit, no admin control.
  await actAs(page, sidebar, PIC);
  await sidebar.getByRole('heading', { name: 'DINKES — Dinas Kesehatan' }).waitFor();
  await sidebar.getByText('Batas waktu: 30 April 2025', { exact: true }).waitFor();
  const picHtml = await sidebarFrame(page).locator('#app').evaluate((app) => app.outerHTML);
  for (const absent of ['DISHUB', 'Dinas Perhubungan', 'Ringkasan', 'Pratinjau', 'Kirim temuan', 'Simpan pengaturan', 'Buat / perbarui tab unit', '--force']) expect(picHtml).not.toContain(absent);
  expect(await sidebar.getByRole('button').allTextContents()).toEqual(['Muat ulang', 'Ajukan isian']);
  expect(await seriousAxeViolations(sidebarFrame(page))).toEqual([]);
  await selectTab(page, /DINKES/);
  expect(await editCell(page, 'F8', 'Ya')).toContain('disimpan');
  await actAs(page, sidebar, ADMIN);
  await expectStages(sidebar, { 'Belum mulai': 1, Diisi: 1 });
  await actAs(page, sidebar, PIC);
  await sidebar.getByText('Tahap: Diisi', { exact: true }).waitFor();
  expect(await unitAction(sidebar, 'Ajukan isian DINKES — Dinas Kesehatan')).toContain('Status Pengisian: Diajukan');
  await sidebar.getByText('Tahap: Diajukan', { exact: true }).waitFor();
  await screenshot(page, 'workbench-pic-sidebar');

  await actAs(page, sidebar, ADMIN);
  await expectStages(sidebar, { 'Belum mulai': 1, Diisi: 0, Diajukan: 1 });

  // The assessor: the units it assesses only, and its own action.
  await actAs(page, sidebar, ASSESSOR);
  await sidebar.getByText('Anda asesor unit ini.').waitFor();
  expect(await sidebarFrame(page).locator('#app').evaluate((app) => app.outerHTML)).not.toContain('Dinas Perhubungan');
  expect(await seriousAxeViolations(sidebarFrame(page))).toEqual([]);
  expect(await unitAction(sidebar, 'Tandai terverifikasi DINKES — Dinas Kesehatan')).toContain('Status Verifikasi: Terverifikasi');
  await sidebar.getByText('Unit ini sudah terverifikasi.').waitFor();

  await actAs(page, sidebar, ADMIN);
  await expectStages(sidebar, { Diajukan: 0, Terverifikasi: 1 });
  await openSection(sidebar, 'Kirim');
  await sidebar.getByRole('button', { name: 'Pratinjau' }).click();
  await sidebar.getByText(/email untuk/).waitFor({ timeout: 60_000 });
  await sidebar.getByLabel('Saya sudah memeriksa pratinjau').check();
  expect(await sidebarAction(sidebar, 'Kirim temuan')).toContain('Selesai:');
  await expectStages(sidebar, { 'Belum mulai': 1, Terverifikasi: 0, 'Temuan terkirim': 1 });
  const adminFrame = sidebarFrame(page);
  await adminFrame.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await seriousAxeViolations(adminFrame)).toEqual([]);
  await screenshot(page, 'workbench-admin-stages');
  await page.close();
}, 300_000);

test('the setup offers each profile with its legal basis, and sets the workbook up with the one chosen', async () => {
  const file = join(dir, 'blank.xlsx');
  await saveWorkbook(newWorkbook({ owner: ADMIN }), file);
  const { page, sidebar } = await open(file);
  await sidebar.getByText('Buku kerja belum disiapkan.').waitFor();
  const choice = sidebar.getByRole('radio', { name: 'KemenPAN-RB — PEKPPP (Indeks Pelayanan Publik 0–5) (pekppp-2023)' });
  await expect(choice.isChecked()).resolves.toBe(false);
  await sidebar.getByText(/PermenPAN-RB 29\/2022/).waitFor();
  await sidebar.getByText(/Peraturan Ombudsman 61\/2025/).waitFor();
  expect(await seriousAxeViolations(sidebarFrame(page))).toEqual([]);
  await choice.check();
  // The setup button gives way to the actions of a set-up workbook: its outcome shows in the section.
  await sidebar.getByRole('button', { name: 'Siapkan buku kerja' }).click();
  await sidebar.locator('#ringkasan .status.ok').waitFor({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'Pengaturan', exact: true }).waitFor();
  await sidebar.getByText('Unit per tahap').waitFor();
  expect((await settingIn(file, 'profil')).value).toBe('pekppp-2023');
  const kategori = (await loadWorkbook(file)).sheets.find((s) => s.title === 'Kategori');
  expect(kategori?.rows.slice(1).map((r) => r?.[0]?.value).filter((v) => v)).toContain('F');
  await page.close();
}, 300_000);

/** A raw HTTP exchange, so that Host and Origin can be what an attacker's page would send. */
function raw(url: string, method: string, headers: Record<string, string>, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the server answers only its own page: 127.0.0.1, its own Host and Origin, JSON posts', async () => {
  const file = join(dir, 'guard.xlsx');
  await cli('init', '--workbook', file, '--user', ADMIN);
  workbench = await startWorkbench({ file, port: 0 });
  const { host } = new URL(workbench.url);
  const run = JSON.stringify({ fn: 'getPanelState', args: [] });
  const json = { 'content-type': 'application/json' };
  expect(await raw(`${workbench.url}api/view`, 'GET', { host })).toBe(200);
  expect(await raw(`${workbench.url}api/view`, 'GET', { host: 'attacker.example' })).toBe(421);
  expect(await raw(`${workbench.url}api/run`, 'POST', { host, ...json }, run)).toBe(200);
  expect(await raw(`${workbench.url}api/run`, 'POST', { host, ...json, origin: 'http://attacker.example' }, run)).toBe(403);
  expect(await raw(`${workbench.url}api/run`, 'POST', { host, 'content-type': 'text/plain' }, run)).toBe(415);
}, 120_000);
