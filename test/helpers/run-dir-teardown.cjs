// After the last test file of a jest run: removes the run's shared directory (run-dir-setup.cjs).
const { rmSync } = require('node:fs');

module.exports = () => {
  if (process.env.PENDAMPING_TEST_RUN_DIR) rmSync(process.env.PENDAMPING_TEST_RUN_DIR, { recursive: true, force: true });
};
