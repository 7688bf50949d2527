// Orders the test files longest first, so that the workers end together instead of one running
// the last long file alone. A file's length is jest's own record of its last run where jest has
// one (not on a fresh clone), else the seconds below, else a guess from the file's size.
// The seconds are per file, from `npm test`'s report (test-artifacts/jest-report.json) of an idle
// 2-core run; a file not listed takes under 3 s. A stale entry only changes the order.
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

const SECONDS = {
  'test/bundle/mail-interrupt.test.ts': 76,
  'test/browser/workbench.test.ts': 47,
  'test/bundle/cli-files.test.ts': 39,
  'test/bundle/payload-ceiling.test.ts': 39,
  'test/bundle/reminders-runtime.test.ts': 25,
  'test/bundle/mail-send.test.ts': 24,
  'test/bundle/cli-demo.test.ts': 21,
  'test/bundle/hostile-catalogue.test.ts': 20,
  'test/bundle/cli-guard.test.ts': 17,
  'test/bundle/mail-journal.test.ts': 16,
  'test/browser/sidebar.test.ts': 15,
  'test/browser/rapor.test.ts': 11,
  'test/browser/guide.test.ts': 11,
  'test/bundle/recap-office.test.ts': 11,
  'test/bundle/cli-usage.test.ts': 9,
  'test/bundle/mail-atmostonce.test.ts': 9,
  'test/bundle/cli-programme.test.ts': 9,
  'test/bundle/mail-smtp.test.ts': 7,
  'test/bundle/mail-cli.test.ts': 7,
  'test/bundle/cli-latihan.test.ts': 7,
  'test/bundle/core-generate.test.ts': 7,
  'test/bundle/stages-mail.test.ts': 7,
  'test/bundle/reminders-cli.test.ts': 6,
  'test/bundle/admins.test.ts': 6,
  'test/bundle/agency-tab.test.ts': 6,
  'test/bundle/lost-protections.test.ts': 6,
  'test/unit/plan-requests.test.ts': 5,
  'test/runtime/journal.test.ts': 5,
  'test/bundle/cli-concurrency.test.ts': 5,
  'test/bundle/read-once.test.ts': 5,
  'test/bundle/profiles-filled.test.ts': 5,
  'test/bundle/rounds-runtime.test.ts': 5,
  'test/bundle/core-refresh.test.ts': 5,
  'test/runtime/services.test.ts': 4,
  'test/runtime/engine.test.ts': 4,
  'test/runtime/xlsx-file.test.ts': 4,
  'test/bundle/stages.test.ts': 4,
  'test/bundle/exported-workbook.test.ts': 4,
  'test/bundle/rounds-progress.test.ts': 4,
  'test/bundle/rounds-archive.test.ts': 4,
  'test/bundle/renamed-tab.test.ts': 4,
  'test/runtime/sheets-api.test.ts': 3,
  'test/runtime/xlsx-carry.test.ts': 3,
  'test/runtime/workbook-save.test.ts': 3,
  'test/bundle/cli-roundtrip.test.ts': 3,
  'test/bundle/sidebar-roles.test.ts': 3,
  'test/bundle/practice-menu.test.ts': 3,
  'test/bundle/sidebar-settings.test.ts': 3,
};

class LongestFirst extends Sequencer {
  time(test) {
    const seconds = SECONDS[relative(test.context.config.rootDir, test.path)];
    return super.time(test) ?? (seconds === undefined ? undefined : seconds * 1000);
  }

  sort(tests) {
    // A file with no record: about a second per 10 KB of test code.
    const length = (test) => test.duration ?? test.context.hasteFS.getSize(test.path) / 10;
    for (const test of tests) test.duration = this.time(test);
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || length(b) - length(a));
  }
}

module.exports = LongestFirst;
