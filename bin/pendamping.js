#!/usr/bin/env node
// The `pendamping` command: builds the add-on and the local runtime when they are missing or
// older than their sources, then runs the CLI of the local runtime.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-needed'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
require(join(root, 'build/cli.cjs'));
