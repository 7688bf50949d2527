// `pendamping guide --out DIR`: every guide of docs/panduan printed to PDF, with the screenshots it
// names taken by this very run from the workbench; without Chromium, the HTML alone and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUIDES, readGuide, SCREENSHOT_FOLDER, SCREENSHOTS, screenshotsNamed } from '../../cli/guide';
import { ensureBuilt, ROOT } from '../helpers/build';

let dir = '';

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pendamping-guide-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function guideCommand(out: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/pendamping.js'), 'guide', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'id_ID.UTF-8', ...env },
  });
}

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0;

test('every guide renders to PDF with its screenshots, each produced by this run', () => {
  // File times have a granularity: anything written since the start of this second is this run's.
  const start = Math.floor(Date.now() / 1000) * 1000;
  const out = join(dir, 'cetak');
  const run = guideCommand(out);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });

  const named = new Set<string>();
  for (const name of GUIDES) {
    const markdown = readGuide(name);
    const shots = screenshotsNamed(markdown);
    shots.forEach((shot) => named.add(shot));
    for (const shot of shots) {
      const file = join(out, SCREENSHOT_FOLDER, `${shot}.png`);
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(start);
      expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    const pdf = readFileSync(join(out, `${name}.pdf`));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(join(out, `${name}.pdf`)).mtimeMs).toBeGreaterThanOrEqual(start);
    expect(pages(pdf)).toBeGreaterThan(0);
    // Each screenshot the guide names is in its PDF.
    expect(images(pdf)).toBe(shots.length);
    const title = /^# (.+)$/m.exec(markdown)?.[1] ?? '';
    expect(readFileSync(join(out, `${name}.html`), 'utf8')).toContain(`>${title}</h1>`);
    expect(run.stdout).toContain(join(out, `${name}.pdf`));
  }
  // The role guides show the product, and no screenshot is taken for nothing.
  expect([...named].sort()).toEqual([...SCREENSHOTS].sort());
}, 300_000);

test('without Chromium it says so, writes the HTML and exits 1', () => {
  const out = join(dir, 'tanpa-chromium');
  const run = guideCommand(out, { CHROMIUM_PATH: join(dir, 'no-chromium-here') });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Chromium tidak ditemukan');
  expect(run.stderr).toContain(join(dir, 'no-chromium-here'));
  for (const name of GUIDES) {
    expect(readFileSync(join(out, `${name}.html`), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(existsSync(join(out, `${name}.pdf`))).toBe(false);
  }
}, 120_000);
