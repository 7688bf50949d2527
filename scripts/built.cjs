// Whether the build (scripts/build.mjs) is newer than every source it is made from. CommonJS, so
// that bin/pendamping.js checks it in its own process and starts a build only when one is due.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const inputs = ['src', 'sidebar', 'local', 'cli', 'bench', 'scripts', 'appsscript.json', 'package-lock.json'];
const outputs = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json', 'build/cli.cjs', 'build/bench.cjs'].map((f) => join(root, f));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

function upToDate() {
  if (!outputs.every((f) => existsSync(f))) return false;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return inputs.every((p) => newestMtime(join(root, p)) <= oldestOutput);
}

module.exports = { upToDate };
