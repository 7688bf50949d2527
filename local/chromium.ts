// Chromium for everything offline that needs a browser: printing HTML to PDF (the rapor and the
// guides) and the browser tests. Debian's chromium, driven by playwright-core (its own browser
// download cannot work offline), with a fresh user-data dir per launch and nothing that talks
// to the network on its own.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const haveChromium = (): boolean => existsSync(chromiumPath());

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pendamping-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
      pdfs.push(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}
