// Builds the three things clasp pushes (dist/Code.js, dist/Sidebar.html, dist/appsscript.json)
// and the Node-only local runtime (build/cli.cjs, build/bench.cjs).
// Usage: node scripts/build.mjs [--if-needed]
import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import built from './built.cjs';
import { renderEntryPoints } from './entry-points.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(root, 'build');

/** The server bundle: an IIFE that exposes src/index.ts as the global `Pendamping`. */
async function buildServer() {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Pendamping',
    target: 'es2020',
    platform: 'neutral',
    minify: false,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    tsconfig: join(root, 'src/tsconfig.json'),
  });
  const bundle = result.outputFiles[0].text;
  // Read the exports without any Apps Script service: this also proves the bundle touches
  // no service at load time.
  const ctx = createContext({});
  runInContext(bundle, ctx, { filename: 'Code.js' });
  const api = runInContext('Pendamping', ctx);
  const code = `${bundle}\n${renderEntryPoints(api)}`;
  writeFileSync(join(dist, 'Code.js'), code);
}

/** The sidebar: one self-contained HTML file with its script and styles inlined. */
async function buildSidebar() {
  const result = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: false,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    tsconfig: join(root, 'sidebar/tsconfig.json'),
  });
  const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(join(root, 'sidebar/styles.css'), 'utf8').replace(/<\/(style)/gi, '<\\/$1');
  const html = readFileSync(join(root, 'sidebar/index.html'), 'utf8')
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => script);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

/** The Node-only local runtime and the benchmark. */
async function buildLocal() {
  const entries = { cli: 'cli/entry.ts', bench: 'bench/bench.ts' };
  await Promise.all(
    Object.entries(entries)
      .filter(([, file]) => existsSync(join(root, file)))
      .map(([name, file]) =>
        build({
          entryPoints: [join(root, file)],
          bundle: true,
          platform: 'node',
          format: 'cjs',
          target: 'node20',
          packages: 'external',
          sourcemap: 'linked',
          outfile: join(out, `${name}.cjs`),
          tsconfig: join(root, 'tsconfig.json'),
          logLevel: 'warning',
        }),
      ),
  );
}

if (process.argv.includes('--if-needed') && built.upToDate()) process.exit(0);
mkdirSync(dist, { recursive: true });
mkdirSync(out, { recursive: true });
await Promise.all([buildServer(), buildSidebar(), buildLocal()]);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
console.error('build: dist/Code.js, dist/Sidebar.html, dist/appsscript.json, build/*.cjs');
