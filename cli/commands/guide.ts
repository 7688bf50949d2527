// `pendamping guide --out DIR`: every guide of docs/panduan as DIR/NAME.html and DIR/NAME.pdf,
// with its screenshots taken fresh from the workbench into DIR/gambar (cli/guide-screens.ts)
// and printed like the rapor (local/chromium.ts htmlToPdf). Without Chromium: the HTML alone,
// without screenshots, and exit 1 saying so.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath, haveChromium, htmlToPdf } from '../../local/chromium';
import { GUIDES, guideHtml, pngDataUri, readGuide, SCREENSHOT_FOLDER } from '../guide';
import { takeScreenshots } from '../guide-screens';
import { environmentLang, msg } from '../messages';
import { CliError, NO_METRICS } from '../result';
import type { Command } from './common';

export const guide: Command = async (options, io) => {
  const lang = environmentLang(process.env);
  const dir = resolve(io.cwd, options.out ?? '');
  const images = join(dir, SCREENSHOT_FOLDER);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliError('error.readFile', { file: dir, reason: (error as Error).message });
  }
  const chromium = haveChromium();
  if (chromium) {
    io.progress.update(msg(lang, 'progress.guide.screens'), 0, 0);
    await takeScreenshots(images, io);
  }
  const htmls = GUIDES.map((name) => guideHtml(readGuide(name), (image) => pngDataUri(join(images, `${image}.png`))));
  GUIDES.forEach((name, i) => writeFileSync(join(dir, `${name}.html`), htmls[i]));
  if (!chromium) {
    const error = msg(lang, 'guide.noChromium', { path: chromiumPath(), dir });
    return { ok: false, lang, error, metrics: NO_METRICS, fields: { html: GUIDES.map((n) => join(dir, `${n}.html`)) }, lines: [] };
  }
  io.progress.update(msg(lang, 'progress.guide.print'), 0, 0);
  const pdfs = await htmlToPdf(htmls);
  const written = GUIDES.map((name, i) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdfs[i]);
    return file;
  });
  const lines = GUIDES.map((name, i) => msg(lang, 'guide.written', { name, file: written[i] }));
  return { ok: true, lang, metrics: NO_METRICS, fields: { written, screenshots: join(dir, SCREENSHOT_FOLDER) }, lines };
};
