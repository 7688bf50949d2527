// LibreOffice (Debian's libreoffice-calc-nogui) for tests that need a file another application
// saved: without it those tests are skipped, except in CI, where they fail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';
const haveLibreOffice = existsSync(SOFFICE);
if (!haveLibreOffice && process.env.CI !== 'true') {
  console.warn(`LibreOffice tests SKIPPED: no soffice at ${SOFFICE} (install Debian's libreoffice-calc-nogui or set SOFFICE_PATH).`);
}

/** `test`, or `test.skip` when LibreOffice is missing outside CI. */
export const withLibreOffice: jest.It = haveLibreOffice || process.env.CI === 'true' ? test : test.skip;

/** Opens `file` in LibreOffice and saves it as `format` (xlsx, ods, xls …) into `outDir`; returns the new file. */
export function saveWithLibreOffice(file: string, format: string, outDir: string): string {
  if (!haveLibreOffice) throw new Error(`CI needs LibreOffice at ${SOFFICE}: install Debian's libreoffice-calc-nogui`);
  // A profile of its own: LibreOffice processes sharing one profile wait for each other or fail.
  const profile = mkdtempSync(join(tmpdir(), 'pendamping-lo-'));
  try {
    execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', format, '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: 240_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(file, extname(file))}.${format}`);
}
