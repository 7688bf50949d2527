import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { upToDate } from '../../scripts/built.cjs';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const CODE_JS = join(DIST, 'Code.js');

/** Builds dist/ and build/ unless they are newer than every source. */
export function ensureBuilt(): void {
  if (!upToDate()) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
}
