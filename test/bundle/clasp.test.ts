// `clasp push` uploads exactly the built files: .clasp.json's rootDir is dist.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from '../helpers/build';

test('clasp tracks exactly dist/appsscript.json, dist/Code.js and dist/Sidebar.html', () => {
  ensureBuilt();
  const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/@google/clasp/build/src/index.js'), 'status', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const status = JSON.parse(out) as { filesToPush: string[] };
  expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
}, 60_000);
