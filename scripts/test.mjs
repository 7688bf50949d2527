// Runs every test layer and ends with one plain summary line ("N passed, N failed, N skipped").
// Browser tests need Chromium (Debian's `chromium`, or CHROMIUM_PATH): without it they are
// skipped with a plain reason, except in CI (CI=true), where a missing browser fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveBrowser = existsSync(chromium);
const inCi = process.env.CI === 'true';
const projects = ['unit', 'runtime', 'bundle'];
if (haveBrowser) projects.push('browser');
else if (inCi) {
  console.error(`Browser tests need Chromium at ${chromium}, and CI must run them: install Debian's chromium.`);
  process.exit(1);
} else {
  console.error(`Browser tests SKIPPED: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).`);
}

mkdirSync('test-artifacts', { recursive: true });
const report = join('test-artifacts', 'jest-report.json');
const args = ['jest', '--selectProjects', ...projects, '--json', '--outputFile', report, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
if (!existsSync(report)) process.exit(run.status ?? 1);
const r = JSON.parse(readFileSync(report, 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
process.exit(run.status ?? 1);
