// Orders the test files longest first, so that the workers end together instead of one running
// the last long file alone. A file's length is the seconds below, else jest's own record of its
// last run (which a run of one file or one test also writes), else a guess from the file's size.
// The seconds are per file, from `npm test`'s report (test-artifacts/jest-report.json) of an idle
// 2-core run; a file not listed takes under 3 s. A stale entry only changes the order.
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

const SECONDS = {
  'test/browser/workbench.test.ts': 59,
  'test/bundle/mail-interrupt.test.ts': 58,
  'test/bundle/cli-files.test.ts': 41,
  'test/bundle/payload-ceiling.test.ts': 30,
  'test/bundle/cli-demo.test.ts': 25,
  'test/bundle/hostile-catalogue.test.ts': 21,
  'test/browser/sidebar.test.ts': 15,
  'test/bundle/cli-guard.test.ts': 15,
  'test/browser/rapor.test.ts': 14,
  'test/browser/guide.test.ts': 13,
  'test/bundle/mail-journal.test.ts': 13,
  'test/bundle/reminders-runtime.test.ts': 13,
  'test/bundle/recap-office.test.ts': 11,
  'test/bundle/mail-send.test.ts': 11,
  'test/bundle/cli-usage.test.ts': 10,
  'test/bundle/mail-cli.test.ts': 8,
  'test/bundle/cli-programme.test.ts': 7,
  'test/bundle/cli-latihan.test.ts': 7,
  'test/bundle/reminders-cli.test.ts': 7,
  'test/bundle/mail-atmostonce.test.ts': 7,
  'test/bundle/mail-smtp.test.ts': 6,
  'test/bundle/core-generate.test.ts': 6,
  'test/bundle/cli-concurrency.test.ts': 6,
  'test/bundle/admins.test.ts': 5,
  'test/bundle/lost-protections.test.ts': 4,
  'test/bundle/rounds-runtime.test.ts': 4,
  'test/bundle/agency-tab.test.ts': 4,
  'test/bundle/profiles-filled.test.ts': 4,
  'test/bundle/stages.test.ts': 4,
  'test/bundle/read-once.test.ts': 4,
  'test/runtime/xlsx-file.test.ts': 4,
  'test/bundle/stages-mail.test.ts': 4,
  'test/bundle/exported-workbook.test.ts': 4,
  'test/bundle/core-refresh.test.ts': 4,
  'test/bundle/renamed-tab.test.ts': 4,
  'test/unit/plan-requests.test.ts': 4,
  'test/runtime/engine.test.ts': 4,
  'test/runtime/xlsx-carry.test.ts': 4,
  'test/bundle/cli-roundtrip.test.ts': 3,
  'test/runtime/journal.test.ts': 3,
  'test/bundle/category-scale.test.ts': 3,
  'test/runtime/services.test.ts': 3,
  'test/bundle/sidebar-roles.test.ts': 3,
  'test/bundle/rounds-progress.test.ts': 3,
  'test/bundle/rounds-archive.test.ts': 3,
  'test/bundle/practice-menu.test.ts': 3,
};

class LongestFirst extends Sequencer {
  time(test) {
    const seconds = SECONDS[relative(test.context.config.rootDir, test.path)];
    return seconds === undefined ? super.time(test) : seconds * 1000;
  }

  sort(tests) {
    // A file with no record: about a second per 10 KB of test code.
    const length = (test) => test.duration ?? test.context.hasteFS.getSize(test.path) / 10;
    for (const test of tests) test.duration = this.time(test);
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || length(b) - length(a));
  }
}

module.exports = LongestFirst;
