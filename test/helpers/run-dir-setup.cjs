// Before the first test file of a jest run: one directory for what the files of this run share
// (test/bundle/cli-process.ts builds a workbook there once; each test copies it). The workers
// start after this and inherit the variable.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
  process.env.PENDAMPING_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'pendamping-test-run-'));
};
