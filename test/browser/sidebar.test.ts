// The sidebar on its own: the real dist/Sidebar.html with the workbench's google.script.run
// shim, whose calls are answered here from fixtures (no runtime).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { withScriptRunShim } from '../../cli/workbench/shim';
import { DIST, ensureBuilt } from '../helpers/build';
import { launch, screenshot, seriousAxeViolations, type Browser } from './browser';
import type { UnitPanelState } from '../../src/ui/panel-types';
import { ownState, panelState, XSS } from './fixtures/panel-state';

const ORIGIN = 'http://sidebar.test';
type Answer = (args: unknown[]) => unknown;

let browser: Browser;
let html = '';

beforeAll(async () => {
  ensureBuilt();
  html = withScriptRunShim(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'), '/rpc');
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the sidebar at 300 px wide; `answers` play the server, `calls` records what was called. */
async function openSidebar(answers: Record<string, Answer>): Promise<{ page: Page; calls: { fn: string; args: unknown[] }[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 300, height: 900 });
  const calls: { fn: string; args: unknown[] }[] = [];
  await page.route(`${ORIGIN}/**`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'GET') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    const { fn, args } = request.postDataJSON() as { fn: string; args: unknown[] };
    calls.push({ fn, args });
    const answer = answers[fn];
    if (!answer) return route.fulfill({ status: 200, json: { ok: false, error: `no fixture for ${fn}` } });
    try {
      return await route.fulfill({ status: 200, json: { ok: true, value: await answer(args) } });
    } catch {
      return route.abort('connectionfailed');
    }
  });
  await page.goto(`${ORIGIN}/`);
  await page.locator('header').waitFor({ state: 'attached' });
  return { page, calls };
}

async function expandAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/**
 * Clicks `name` while the server's answer is held back: the button is disabled meanwhile and a
 * double click sends nothing more; then the answer comes (`release`) and `done` text shows.
 */
async function clickOnceWhileBusy(page: Page, name: string, release: () => void, done: string): Promise<void> {
  const button = page.getByRole('button', { name });
  await button.click();
  await expect(button.isDisabled()).resolves.toBe(true);
  await button.dblclick({ force: true });
  release();
  await page.getByText(done).waitFor();
  await expect(button.isEnabled()).resolves.toBe(true);
}

test('renders the panel with data as text: an XSS payload in a unit name and a status stays text', async () => {
  const { page } = await openSidebar({ getPanelState: () => panelState() });
  await page.getByRole('heading', { name: 'Ringkasan' }).waitFor();
  await expandAll(page);
  await expect(page.getByText(`XSS — ${XSS}`).first().isVisible()).resolves.toBe(true);
  await expect(page.getByText(`Email PIC kosong ${XSS}`).isVisible()).resolves.toBe(true);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.getByRole('link', { name: 'Buka tab DINKES — Dinas Kesehatan' }).getAttribute('href')).toBe('#gid=11');
  await screenshot(page, 'sidebar-fixture-id');
  await page.close();
}, 60_000);

test("each unit's tab flags are shown as text with the fix, to the admin and to the unit's PIC", async () => {
  const flag = panelState().units[1].flags[0];
  for (const state of [panelState(), ownState()]) {
    const { page } = await openSidebar({ getPanelState: () => state });
    await page.getByText(state.view === 'admin' ? 'Ringkasan' : 'Masuk sebagai pic@example.go.id').first().waitFor();
    if (state.view === 'admin') await expandAll(page);
    const note = page.getByRole('note').filter({ hasText: 'Perlu diperbaiki di tabnya (1):' });
    await expect(note.count()).resolves.toBe(1);
    await expect(note.getByRole('listitem').allTextContents()).resolves.toEqual([flag]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }
}, 60_000);

test('a button is disabled while its call runs, so a double click submits once', async () => {
  let release: () => void = () => undefined;
  const pending = new Promise<void>((resolve) => (release = resolve));
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    generateUnitTabs: async () => {
      await pending;
      return { ok: true, created: ['A', 'B'], updated: ['C'], rejected: [], message: '2 tab dibuat, 1 diperbarui.' };
    },
  });
  await clickOnceWhileBusy(page, 'Buat / perbarui tab unit', release, '2 tab dibuat, 1 diperbarui.');
  expect(calls.filter((c) => c.fn === 'generateUnitTabs')).toHaveLength(1);
  await page.close();
}, 60_000);

test('refusals and problems from the server, and network failures, are shown in plain words', async () => {
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    addUnits: () => ({ ok: false, error: 'Tidak ada unit yang ditambahkan.', problems: [{ message: `Unit baris 3: Nama Unit kosong ${XSS}` }] }),
    refreshRecap: () => {
      throw new Error('network down');
    },
  });
  await expandAll(page);
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  await page.getByText('Tempel minimal satu baris terlebih dahulu.').waitFor();
  expect(calls.some((c) => c.fn === 'addUnits')).toBe(false);
  await page.getByLabel('Tempel baris dari spreadsheet atau CSV').fill('X1\tUnit X\tOPD\tBudi\tbudi@example.go.id');
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  await page.getByText('Tidak ada unit yang ditambahkan.').waitFor();
  await page.getByText(`Unit baris 3: Nama Unit kosong ${XSS}`).waitFor();
  expect(calls.find((c) => c.fn === 'addUnits')?.args).toEqual(['X1\tUnit X\tOPD\tBudi\tbudi@example.go.id']);
  await page.getByRole('button', { name: 'Perbarui rekap' }).click();
  await page.getByText('Tidak dapat menghubungi server. Periksa koneksi internet, lalu coba lagi.').waitFor();
  expect(await page.locator('img').count()).toBe(0);
  await page.close();
}, 60_000);

test('follows the language setting: English when bahasa is en', async () => {
  const state = panelState({ lang: 'en' });
  state.settings.bahasa = 'en';
  const { page } = await openSidebar({ getPanelState: () => state });
  await page.getByRole('heading', { name: 'Summary' }).waitFor();
  for (const title of ['Units', 'Send', 'Round', 'Settings']) await page.getByRole('heading', { name: title, exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expandAll(page);
  await screenshot(page, 'sidebar-fixture-en');
  await page.close();
}, 60_000);

/** The names of the admin's controls and sections: none may appear in a PIC's or an assessor's page. */
const ADMIN_CONTROLS = ['Siapkan buku kerja', 'Buat / perbarui tab unit', 'Perbarui rekap', 'Tambah unit', 'Pratinjau', 'Kirim temuan', 'Kirim pengingat', 'Simpan pengaturan', 'Tutup putaran dan mulai berikutnya'];
const ADMIN_SECTIONS = ['Ringkasan', 'Kirim', 'Putaran', 'Pengaturan'];

async function expectNoAdminControl(page: Page): Promise<void> {
  const html = await page.content();
  for (const name of [...ADMIN_CONTROLS, ...ADMIN_SECTIONS]) expect(html).not.toContain(`>${name}<`);
  expect(await page.locator('input, select, textarea').count()).toBe(0);
}

test("a PIC sees their own unit only: stage, completion, open findings, the deadline as the emails write it, and one action, which calls submitUnit", async () => {
  let submitted = false;
  const { page, calls } = await openSidebar({
    getPanelState: () => ownState({ units: [{ ...ownState().units[0], done: submitted, stage: submitted ? 'Diajukan' : 'Diisi' }] }),
    submitUnit: ([kode]) => {
      if (kode !== 'XSS') return { ok: false, error: 'wrong unit' };
      submitted = true;
      return { ok: true, message: `Isian XSS — ${XSS} diajukan (Status Pengisian: Diajukan).` };
    },
  });
  await page.getByText('Masuk sebagai pic@example.go.id').waitFor();
  await page.getByRole('heading', { name: `XSS — ${XSS}` }).waitFor();
  for (const text of ['Anda PIC unit ini.', 'Tahap: Diisi', 'Temuan terbuka: 9', 'Batas waktu: 31 Agustus 2024', 'Putaran: 2024 Pendampingan', '40%']) await page.getByText(text, { exact: true }).waitFor();
  await expectNoAdminControl(page);
  expect(await page.getByRole('button').allTextContents()).toEqual(['Muat ulang', 'Ajukan isian']);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'sidebar-fixture-pic');
  await page.getByRole('button', { name: `Ajukan isian XSS — ${XSS}` }).click();
  await page.getByText('Isian sudah diajukan.').waitFor();
  expect(calls.filter((c) => c.fn === 'submitUnit').map((c) => c.args)).toEqual([['XSS']]);
  await page.getByText('Tahap: Diajukan').waitFor();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.close();
}, 60_000);

test("the server's refusal of a unit action is shown in the user's words", async () => {
  const refusal = 'Anda (pic@example.go.id) bukan asesor XSS, jadi tidak dapat menandainya terverifikasi.';
  const { page } = await openSidebar({
    getPanelState: () => ownState({ units: [{ ...ownState().units[0], role: 'asesor' }] }),
    verifyUnit: () => ({ ok: false, error: refusal }),
  });
  await page.getByText('Anda asesor unit ini.').waitFor();
  await page.getByRole('button', { name: 'Tandai terverifikasi' }).click();
  await page.getByText(refusal).waitFor();
  await page.close();
}, 60_000);

test('someone who is neither admin nor listed in Unit is told so, and sees nothing else', async () => {
  const { page } = await openSidebar({ getPanelState: () => ownState({ user: 'orang@example.go.id', units: [] }) });
  await page.getByText('Email Anda (orang@example.go.id) tidak tercatat sebagai PIC atau asesor unit mana pun di tab Unit. Minta admin menambahkannya.').waitFor();
  await expectNoAdminControl(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.close();
}, 60_000);

/** `n` units, the first `toDo` still to verify, the rest verified. */
function assessorUnits(n: number, toDo: number): UnitPanelState['units'] {
  return Array.from({ length: n }, (_, i) => ({
    kode: `U${String(i + 1).padStart(2, '0')}`,
    nama: `Dinas Nomor ${i + 1} Kabupaten Contoh`,
    role: 'asesor' as const,
    link: `#gid=${i + 100}`,
    stage: i < toDo ? ('Diajukan' as const) : ('Terverifikasi' as const),
    completion: 100,
    openFindings: 4,
    done: i >= toDo,
    actionable: true,
    flags: [],
  }));
}

test('at 300 × 700, an assessor of 30 units has the first action in view; the units with nothing to do are folded', async () => {
  const { page } = await openSidebar({ getPanelState: () => ownState({ user: 'asesor@example.go.id', units: assessorUnits(30, 6) }) });
  await page.setViewportSize({ width: 300, height: 700 });
  await page.getByText('Unit lain (24): tidak ada yang perlu dilakukan').waitFor();
  const first = page.getByRole('button', { name: 'Tandai terverifikasi U01 — Dinas Nomor 1 Kabupaten Contoh' });
  const box = await first.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(700);
  await expect(page.getByText('U30 — Dinas Nomor 30 Kabupaten Contoh').isVisible()).resolves.toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'sidebar-fixture-assessor');
  await page.close();
}, 60_000);

test('at 300 × 700, the admin has the actions in view with 30 units: completion lists the least complete first and folds the rest', async () => {
  const units = Array.from({ length: 30 }, (_, i) => ({
    ...panelState().units[0],
    kode: `U${String(i + 1).padStart(2, '0')}`,
    nama: `Dinas ${i + 1}`,
    tab: `U${i + 1}`,
    completion: i % 3 === 0 ? 100 - i : 100,
  }));
  const { page } = await openSidebar({ getPanelState: () => panelState({ units }) });
  await page.setViewportSize({ width: 300, height: 700 });
  for (const name of ['Buat / perbarui tab unit', 'Perbarui rekap']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(700);
  }
  const shown = await page.locator('#ringkasan .section-body > div > div > ul li.completion .unit-name').allTextContents();
  expect(shown).toEqual(['U28 — Dinas 28', 'U25 — Dinas 25', 'U22 — Dinas 22', 'U19 — Dinas 19', 'U16 — Dinas 16']);
  await page.getByText('Unit lain (25)').waitFor();
  await expect(page.getByText('U30 — Dinas 30').first().isVisible()).resolves.toBe(false);
  await page.close();
}, 60_000);

test('the admin panel shows each unit\'s stage and the count per stage, and its dates as the emails write them', async () => {
  const { page } = await openSidebar({ getPanelState: () => panelState() });
  await page.getByText('Unit per tahap').waitFor();
  for (const line of ['Belum mulai: 0', 'Diisi: 1', 'Diajukan: 0', 'Terverifikasi: 1', 'Temuan terkirim: 0']) await page.getByText(line, { exact: true }).waitFor();
  await expandAll(page);
  await page.locator('li.unit', { hasText: 'DINKES — Dinas Kesehatan' }).getByText('Tahap: Terverifikasi').waitFor();
  await page.getByText('Batas waktu: 31 Agustus 2024', { exact: true }).waitFor();
  await page.getByText('Terakhir: 1 Agustus 2024 10:15.', { exact: true }).waitFor();
  await page.close();
}, 60_000);

/** previewFindings' answer: two messages to three recipients, one unit skipped, none left out, unless `over` says otherwise. */
function preview(over: Record<string, unknown>): Record<string, unknown> {
  return { ok: true, lang: 'id', messages: 2, recipients: 3, remainingQuota: 97, queued: 0, skipped: 1, failed: 0, unknown: 0, notReady: [], ...over };
}

test('the units left out are listed with their reason; the choice to include unverified units goes with the preview and the send', async () => {
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    previewFindings: (args: unknown) =>
      preview({
        messages: 1,
        recipients: 2,
        sample: null,
        results: [{ kode: 'DINKES', status: 'TERKIRIM' }],
        notReady: (args as [{ includeUnverified?: boolean }])[0].includeUnverified === true ? [] : [{ kode: 'XSS', reason: `belum diverifikasi ${XSS}` }],
      }),
    sendFindingsBatch: () => ({ ok: true, sent: 1, skipped: 0, failed: 0, queued: 0, unknown: 0, done: true, dryRun: false, remainingQuota: 96, results: [], notReady: [], message: '' }),
  });
  await expandAll(page);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText('1 unit tidak dikirimi karena belum siap:').waitFor();
  await page.getByText(`XSS — ${XSS}: belum diverifikasi ${XSS}`).waitFor();
  const include = page.getByLabel(/Sertakan unit yang sudah diajukan tetapi belum diverifikasi/);
  await include.check();
  // The choice changes what goes out: the preview is asked again before anything is sent.
  const send = page.getByRole('button', { name: 'Kirim temuan' });
  await page.getByLabel('Saya sudah memeriksa pratinjau').check();
  await expect(send.isDisabled()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText('1 email untuk 2 penerima akan dikirim.').waitFor();
  await expect(send.isDisabled()).resolves.toBe(false);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await send.click();
  await page.getByText('Selesai: 1 terkirim, 0 dilewati, 0 gagal.').waitFor();
  expect(calls.filter((c) => c.fn === 'previewFindings').map((c) => c.args)).toEqual([[{}], [{ includeUnverified: true }]]);
  expect(calls.filter((c) => c.fn === 'sendFindingsBatch').map((c) => c.args)).toEqual([[{ maxMessages: 5, includeUnverified: true }]]);
  await page.close();
}, 60_000);

test('sending calls sendFindingsBatch until done, with a progress bar, after a checked preview', async () => {
  let batches = 0;
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    previewFindings: () =>
      preview({
        sample: { kode: 'XSS', to: ['pic@xss.go.id'], cc: ['asesor@x.go.id'], subject: `Temuan ${XSS}`, html: XSS, text: `Yth. ${XSS}` },
        results: [
          { kode: 'DINKES', status: 'TERKIRIM' },
          { kode: 'XSS', status: 'TERKIRIM' },
          { kode: 'BAD', status: 'DILEWATI', reason: 'Isi sama dengan email terakhir.' },
        ],
      }),
    sendFindingsBatch: () => {
      batches += 1;
      return { ok: true, sent: 1, skipped: batches === 1 ? 1 : 0, failed: 0, queued: 0, done: batches === 2, dryRun: false, remainingQuota: 96, results: [], message: '' };
    },
  });
  await expandAll(page);
  const send = page.getByRole('button', { name: 'Kirim temuan' });
  await expect(send.isDisabled()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText('2 email untuk 3 penerima akan dikirim.').waitFor();
  await page.getByText('Sisa kuota email hari ini: 97 penerima.').waitFor();
  await page.getByText('BAD — Dinas Tanpa Email: Isi sama dengan email terakhir.').waitFor();
  await page.getByText(`Contoh email: XSS — ${XSS}`).waitFor();
  await page.getByText(`Subjek: Temuan ${XSS}`).waitFor();
  await expect(send.isDisabled()).resolves.toBe(true);
  await page.getByLabel('Saya sudah memeriksa pratinjau').check();
  await send.click();
  await page.getByText('Selesai: 2 terkirim, 1 dilewati, 0 gagal.').waitFor();
  expect(calls.filter((c) => c.fn === 'sendFindingsBatch').map((c) => c.args)).toEqual([[{ maxMessages: 5 }], [{ maxMessages: 5 }]]);
  expect(await page.locator('progress.send').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([2, 2]);
  expect(await page.locator('img').count()).toBe(0);
  await screenshot(page, 'sidebar-fixture-send');
  await page.close();
}, 60_000);

test('a unit whose last send has an unknown outcome is listed for a check, and sent again only when "Kirim ulang" is ticked', async () => {
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    previewFindings: () =>
      preview({
        messages: 0,
        recipients: 0,
        unknown: 1,
        sample: null,
        results: [
          { kode: 'DINKES', status: 'DILEWATI', reason: 'Isi sama dengan email terakhir.' },
          { kode: 'XSS', status: 'PERIKSA', reason: `hasil pengiriman 2025-03-03 09:00 tidak diketahui ${XSS}` },
        ],
      }),
    sendFindingsBatch: () => ({ ok: true, sent: 1, skipped: 1, failed: 0, queued: 0, unknown: 0, done: true, dryRun: false, remainingQuota: 96, results: [], message: '' }),
  });
  await expandAll(page);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText('1 unit perlu diperiksa').waitFor();
  await page.getByText(`hasil pengiriman 2025-03-03 09:00 tidak diketahui ${XSS}`).waitFor();
  await page.getByLabel('Saya sudah memeriksa pratinjau').check();
  const send = page.getByRole('button', { name: 'Kirim temuan' });
  // Nothing to send unless the admin chooses to send the unknown one again.
  await expect(send.isDisabled()).resolves.toBe(true);
  await page.getByLabel(`Kirim ulang XSS — ${XSS}`).check();
  await expect(send.isDisabled()).resolves.toBe(false);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await send.click();
  await page.getByText('Selesai: 1 terkirim, 1 dilewati, 0 gagal.').waitFor();
  expect(calls.filter((c) => c.fn === 'sendFindingsBatch').map((c) => c.args)).toEqual([[{ maxMessages: 5, resend: ['XSS'] }]]);
  expect(await page.locator('img').count()).toBe(0);
  await page.close();
}, 60_000);

test('sending again what is unchanged is a checkbox (no command-line flag anywhere): it asks for a new preview and goes with the preview and the send', async () => {
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    previewFindings: ([opts]) =>
      (opts as { force?: boolean }).force
        ? preview({ messages: 1, recipients: 1, sample: null, results: [{ kode: 'DINKES', status: 'TERKIRIM' }] })
        : preview({ messages: 0, recipients: 0, sample: null, results: [{ kode: 'DINKES', status: 'DILEWATI', reason: 'isi sama dengan kiriman terakhir di putaran ini; untuk mengirimnya lagi, pilih "kirim lagi walau isinya sama".' }] }),
    sendFindingsBatch: () => ({ ok: true, sent: 1, skipped: 0, failed: 0, queued: 0, done: true, dryRun: false, remainingQuota: 96, results: [], message: '' }),
  });
  await expandAll(page);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText(/pilih "kirim lagi walau isinya sama"/).waitFor();
  const again = page.getByLabel('Kirim lagi walau isinya sama: juga ke unit yang sudah menerima email yang sama di putaran ini');
  await again.check();
  await expect(page.getByText(/pilih "kirim lagi walau isinya sama"/).count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await page.getByText('1 email untuk 1 penerima akan dikirim.').waitFor();
  await page.getByLabel('Saya sudah memeriksa pratinjau').check();
  await page.getByRole('button', { name: 'Kirim temuan' }).click();
  await page.getByText('Selesai: 1 terkirim, 0 dilewati, 0 gagal.').waitFor();
  expect(calls.filter((c) => c.fn === 'previewFindings').map((c) => c.args)).toEqual([[{}], [{ force: true }]]);
  expect(calls.filter((c) => c.fn === 'sendFindingsBatch').map((c) => c.args)).toEqual([[{ maxMessages: 5, force: true }]]);
  await expect(again.isChecked()).resolves.toBe(false);
  expect(await page.locator('#app').evaluate((app) => app.textContent)).not.toMatch(/--[a-z]/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.close();
}, 60_000);

test('fits 300 px and axe-core finds no serious or critical violation', async () => {
  const { page } = await openSidebar({ getPanelState: () => panelState() });
  await page.getByRole('heading', { name: 'Ringkasan' }).waitFor();
  await expandAll(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.close();
}, 60_000);

test('Putaran: reminders sent batch after batch with the button disabled meanwhile; the hourly switch says what failed in plain words', async () => {
  let release: () => void = () => undefined;
  const pending = new Promise<void>((resolve) => (release = resolve));
  let batches = 0;
  let switched = 0;
  const state = panelState({ overdue: [{ kode: 'DINKES', nama: 'Dinas Kesehatan', findings: 2 }, { kode: 'XSS', nama: XSS, findings: 1 }] });
  const { page, calls } = await openSidebar({
    getPanelState: () => state,
    sendRemindersBatch: async () => {
      batches += 1;
      if (batches === 1) await pending;
      return { ok: true, sent: 1, skipped: 0, failed: batches === 2 ? 1 : 0, queued: 0, done: batches === 2, dryRun: false, remainingQuota: 90, results: [], message: '' };
    },
    setReminderTrigger: ([on]) => {
      switched += 1;
      if (switched === 1) return { ok: false, error: `Pemicu pengingat otomatis tidak dapat diubah: ${XSS}` };
      state.settings.pengingatOtomatis = on === true;
      return { ok: true, on, runsAs: 'admin@example.go.id', message: 'Pengingat otomatis dinyalakan.' };
    },
  });
  await expandAll(page);
  await page.getByText('2 unit punya temuan yang lewat batas waktu dan belum Selesai.').waitFor();
  await clickOnceWhileBusy(page, 'Kirim pengingat', release, 'Pengingat: 2 terkirim, 0 dilewati (isi sama dengan yang sudah terkirim), 1 gagal, 0 menunggu kuota.');
  expect(calls.filter((c) => c.fn === 'sendRemindersBatch').map((c) => c.args)).toEqual([[{ maxMessages: 5 }], [{ maxMessages: 5 }]]);

  // A click, not check(): the refused switch flips back as soon as the server answers, which
  // check() would take for a click that changed nothing.
  const auto = page.getByLabel('Kirim pengingat otomatis setiap jam');
  await auto.click();
  await page.getByText(`Pemicu pengingat otomatis tidak dapat diubah: ${XSS}`).waitFor();
  await expect(auto.isChecked()).resolves.toBe(false);
  await auto.click();
  await page.getByText('Pengingat otomatis dinyalakan.').waitFor();
  await expect(auto.isChecked()).resolves.toBe(true);
  expect(calls.filter((c) => c.fn === 'setReminderTrigger').map((c) => c.args)).toEqual([[true], [true]]);
  expect(await page.locator('img').count()).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.close();
}, 60_000);

test('Putaran: with nothing overdue, the reminder button is locked', async () => {
  const { page } = await openSidebar({ getPanelState: () => panelState() });
  await expandAll(page);
  await page.getByText('Tidak ada temuan yang lewat batas waktu.').waitFor();
  await expect(page.getByRole('button', { name: 'Kirim pengingat' }).isDisabled()).resolves.toBe(true);
  await expect(page.getByLabel('Kirim pengingat otomatis setiap jam').isDisabled()).resolves.toBe(false);
  await page.close();
}, 60_000);

test('Putaran: closing a round nobody answered needs a second, explicit confirmation', async () => {
  const refusal = 'Putaran "2024 Pendampingan" belum berisi satu jawaban pun.';
  const { page, calls } = await openSidebar({
    getPanelState: () => panelState(),
    startNewRound: ([input]) =>
      (input as { force: boolean }).force
        ? { ok: true, closed: '2024 Pendampingan', name: 'R2', deadline: '', units: 2, message: 'Putaran "R2" dimulai.' }
        : { ok: false, emptyRound: true, error: refusal },
  });
  await expandAll(page);
  const confirmEmpty = page.getByLabel('Tutup tanpa jawaban: putaran ini memang ditutup walau belum ada jawaban.');
  await expect(confirmEmpty.isVisible()).resolves.toBe(false);
  await page.getByLabel('Nama putaran berikutnya').fill('R2');
  await page.getByLabel('Saya mengerti: jawaban putaran ini disimpan di Riwayat dan Arsip Jawaban, lalu dikosongkan.').check();
  const start = page.getByRole('button', { name: 'Tutup putaran dan mulai berikutnya' });
  await start.click();
  await page.getByText(refusal).waitFor();
  await confirmEmpty.check();
  await start.click();
  await page.getByText('Putaran "R2" dimulai.').waitFor();
  expect(calls.filter((c) => c.fn === 'startNewRound').map((c) => c.args)).toEqual([
    [{ name: 'R2', deadline: '', force: false }],
    [{ name: 'R2', deadline: '', force: true }],
  ]);
  await expect(confirmEmpty.isVisible()).resolves.toBe(false);
  await page.close();
}, 60_000);
