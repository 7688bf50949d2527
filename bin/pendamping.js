#!/usr/bin/env node
// The `pendamping` command: builds the add-on and the local runtime when they are missing or
// older than their sources, then runs the CLI of the local runtime.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!require(join(root, 'scripts/built.cjs')).upToDate()) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require(join(root, 'build/cli.cjs'));
