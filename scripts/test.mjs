// Runs the type checks and the linter alongside every test layer, and ends with one plain summary
// line ("N passed, N failed, N skipped"); it fails when a test, a type check or the linter fails.
// The checks run one after the other, beside jest, so that they use the time jest's workers wait
// on their CLI processes and browsers; their output is printed when they fail.
// Browser tests need Chromium (Debian's `chromium`, or CHROMIUM_PATH): without it they are
// skipped with a plain reason, except in CI (CI=true), where a missing browser fails the run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Runs `npm run <script>`, its output kept; resolves to whether it passed. */
function check(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      if (code !== 0) console.error(`\nnpm run ${script} FAILED:\n${output}`);
      resolve(code === 0);
    });
  });
}

const checks = (async () => {
  const failed = [];
  for (const script of ['typecheck', 'lint']) if (!(await check(script))) failed.push(script);
  return failed;
})();

mkdirSync('test-artifacts', { recursive: true });
const report = join('test-artifacts', 'jest-report.json');
const args = ['--selectProjects', ...projects, '--json', '--outputFile', report, ...process.argv.slice(2)];
// jest's workers inherit its Node flags (not the processes the tests start): a young generation
// four times Node's default, as the tests build and drop whole workbooks (measured: the 500-unit
// payload test takes 10% less CPU; see docs/internals.md, "The tests").
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const jestCode = await new Promise((resolve) => {
  spawn(process.execPath, ['--max-semi-space-size=64', jest, ...args], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } }).on('close', (code) => resolve(code ?? 1));
});
const failedChecks = await checks;
if (failedChecks.length > 0) console.error(`FAILED: npm run ${failedChecks.join(', npm run ')} (output above)`);
if (!existsSync(report)) process.exit(jestCode || 1);
const r = JSON.parse(readFileSync(report, 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
process.exit(jestCode !== 0 || failedChecks.length > 0 ? 1 : 0);
