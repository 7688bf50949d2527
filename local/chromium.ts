// Chromium for everything offline that needs a browser: printing HTML to PDF (the rapor and the
// guides) and the browser tests. Debian's chromium, driven by playwright-core (its own browser
// download cannot work offline), with a fresh user-data dir per launch and nothing that talks
// to the network on its own.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { syncWorker } from './services/sync-worker';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const haveChromium = (): boolean => existsSync(chromiumPath());

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The flags every launch uses: nothing that talks to the network on its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How a page is printed: A4 unless the document's @page says otherwise, backgrounds included (the rapor's bars). */
const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true } as const;

export async function launchChromium(): Promise<Chromium> {
  // Loaded on the first launch: most commands never print, and playwright-core is slow to load.
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'pendamping-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Prints each HTML document to an A4 PDF, the way Apps Script's `getAs('application/pdf')` does. */
export async function htmlToPdf(htmls: readonly string[]): Promise<Buffer[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const pdfs: Buffer[] = [];
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' });
      pdfs.push(await page.pdf(PDF_OPTIONS));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}

// Printing for code that must not wait asynchronously: the local runtime's Blob.getAs, which the
// add-on calls synchronously as Apps Script's is. A worker thread (local/services/sync-worker.ts)
// keeps one Chromium open from the first page printed until `close()`: one browser per
// execution, however many documents it prints.
const PRINTER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { chromium } = require(workerData.playwrightPath);
let open = null;

async function browser() {
  if (open) return open;
  const userDataDir = fs.mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'pendamping-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: workerData.executablePath, headless: true, args: workerData.args });
  const page = await context.newPage();
  open = { context, page, userDataDir };
  return open;
}

async function handle(job) {
  if (job.kind === 'close') {
    if (open) {
      const { context, userDataDir } = open;
      open = null;
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
    return { ok: true };
  }
  const { page } = await browser();
  await page.setContent(job.html, { waitUntil: 'load' });
  return { ok: true, pdf: await page.pdf(workerData.pdfOptions) };
}
`;

interface PrintResult {
  ok: boolean;
  error?: string;
  pdf?: Uint8Array;
}

/** Printing HTML to PDF synchronously; `close()` ends the browser the prints opened (nothing when none did). */
export interface SyncPrinter {
  print(html: string): Buffer;
  close(): void;
}

/** Launching Chromium on a loaded machine and printing a few pages stay well within this. */
const PRINT_TIMEOUT_MS = 120_000;

export function syncPrinter(): SyncPrinter {
  const worker = syncWorker<{ kind: 'print'; html: string } | { kind: 'close' }, PrintResult>(PRINTER_SOURCE, () => ({
    playwrightPath: require.resolve('playwright-core'),
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    pdfOptions: PDF_OPTIONS,
  }));
  let opened = false;
  return {
    print(html) {
      if (!haveChromium()) throw new Error(`Chromium not found at ${chromiumPath()} (install chromium or set CHROMIUM_PATH)`);
      opened = true;
      const result = worker.run({ kind: 'print', html }, PRINT_TIMEOUT_MS) as PrintResult;
      if (!result.ok || !result.pdf) throw new Error(result.error ?? 'no PDF');
      return Buffer.from(result.pdf);
    },
    close() {
      if (!opened) return;
      opened = false;
      worker.run({ kind: 'close' }, PRINT_TIMEOUT_MS);
    },
  };
}
