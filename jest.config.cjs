// Test layers: unit (src/domain, pure), runtime (the local Apps Script runtime against
// documented Apps Script behaviour), bundle (dist/Code.js in the runtime, and the CLI as a
// real process), browser (sidebar and workbench in Chromium).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }];
const project = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  projects: [
    project('unit'),
    project('runtime'),
    project('bundle'),
    project('browser'),
  ],
};
