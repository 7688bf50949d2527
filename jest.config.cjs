// Test layers: unit (src/domain, pure), runtime (the local Apps Script runtime against
// documented Apps Script behaviour), bundle (dist/Code.js in the runtime, and the CLI as a
// real process), browser (sidebar and workbench in Chromium).
const { availableParallelism } = require('node:os');

// TypeScript is stripped by swc (the type checks are `npm run typecheck`, beside the tests): on a
// fresh clone, with no transform cache, ts-jest's transpiling cost a run about 40 s more. Class
// fields keep TypeScript's semantics for the tsconfig's ES2020 target (assigned, not defined).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022', transform: { useDefineForClassFields: false } }, module: { type: 'commonjs' } },
];
// Each layer gets the timeout its work needs on a loaded 2-core CI machine: a unit test is pure
// computation; a runtime test builds workbooks in memory; a bundle test loads dist/Code.js or
// runs the CLI as processes over .xlsx files; a browser test drives Chromium over the workbench.
// (jest ignores `testTimeout` inside `projects`, so each layer passes its own through `globals`
// to a setup file that calls jest.setTimeout.)
const project = (name, layerTimeoutMs) => ({
  displayName: name,
  globals: { layerTimeoutMs },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/layer-timeout.ts'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { '^.+\\.ts$': swc },
  // marked ships ES modules only (Node's require loads them; jest's module system does not): its UMD build.
  moduleNameMapper: { '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js' },
  testEnvironment: 'node',
});

module.exports = {
  // Two workers on two cores: while one waits on its CLI processes or Chromium, the other runs
  // (jest's default, one worker less than the cores, would run the files one by one there).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Longest files first (test/helpers/sequencer.cjs), also on a fresh clone with no record of a run.
  testSequencer: '<rootDir>/test/helpers/sequencer.cjs',
  globalSetup: '<rootDir>/test/helpers/run-dir-setup.cjs',
  globalTeardown: '<rootDir>/test/helpers/run-dir-teardown.cjs',
  projects: [
    project('unit', 60_000),
    project('runtime', 120_000),
    project('bundle', 300_000),
    project('browser', 300_000),
  ],
};
