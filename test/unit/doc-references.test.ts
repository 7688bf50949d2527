// Every document the repository points to is in the repository: the names of markdown
// documents in the sources, scripts, tests and docs, and the relative links of the markdown
// documents. A name resolves from the directory of the file that holds it (as a markdown link
// does) or from the repository root (docs/WORKBOOK.md written in a comment under src/).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { SCREENSHOT_FOLDER, SCREENSHOTS } from '../../cli/guide';

const ROOT = join(__dirname, '..', '..');

/** The repository's files, as a clone would hold them: tracked, or new and not ignored. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0'))].filter((file) => file !== '' && existsSync(join(ROOT, file)));
}

const FILES = repositoryFiles();
/** The examples of this file and of the anchor checker beside it name missing documents on purpose. */
const SELF = relative(ROOT, __filename).split(sep).join('/');
const EXAMPLES = new Set([SELF, SELF.replace(/doc-references/, 'doc-links')]);
const SCANNED = FILES.filter((file) => /\.(ts|mjs|cjs|md)$/.test(file) && !EXAMPLES.has(file));
/** The guides' screenshots: made by `pendamping guide` (and its test) beside the guides, never committed. */
const GENERATED = SCREENSHOTS.map((name) => `docs/panduan/${SCREENSHOT_FOLDER}/${name}.png`);
const EXISTING = new Set([...FILES, ...GENERATED]);
const DIRECTORIES = new Set(FILES.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

/** A markdown document's name: a path of plain segments (optionally from ./ or ../) ending in .md. */
const DOCUMENT_NAME = /(?<![\w./:@-])(?:\.{1,2}\/)*(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.md(?![\w-])/g;
/** Inline links and images: [text](target "title"). */
const INLINE_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
/** Reference definitions: [label]: target. */
const REFERENCE_LINK = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm;
const URL_SCHEME = /^[a-z][a-z\d+.-]*:/i;

interface Reference {
  file: string;
  line: number;
  target: string;
}

/** Markdown with its code blocks and code spans blanked (same length, lines kept): links there are not links. */
function withoutCode(markdown: string): string {
  const blank = (code: string) => code.replace(/[^\n]/g, ' ');
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function matches(file: string, text: string, pattern: RegExp): Reference[] {
  return [...text.matchAll(pattern)].map((m) => ({ file, line: lineAt(text, m.index), target: m[1] ?? m[0] }));
}

/** Every document name in `file`, and in a markdown file its relative links too. */
function referencesIn(file: string, text: string): Reference[] {
  const names = matches(file, text, DOCUMENT_NAME);
  if (!file.endsWith('.md')) return names;
  const prose = withoutCode(text);
  const links = [...matches(file, prose, INLINE_LINK), ...matches(file, prose, REFERENCE_LINK)]
    .map((r) => ({ ...r, target: r.target.replace(/[#?].*$/, '') }))
    .filter((r) => r.target !== '' && !URL_SCHEME.test(r.target));
  return [...names, ...links];
}

/** Whether `target`, named in `file`, is a file or directory of the repository. */
function resolves(file: string, target: string, existing: ReadonlySet<string>, directories: ReadonlySet<string>): boolean {
  const decoded = decodeURI(target);
  const fromFile = posix.normalize(posix.join(posix.dirname(file), decoded));
  const fromRoot = posix.normalize(decoded.replace(/^\/+/, ''));
  const candidates = decoded.startsWith('/') ? [fromRoot] : decoded.startsWith('.') ? [fromFile] : [fromFile, fromRoot];
  return candidates.some((path) => {
    const inside = path.replace(/\/$/, '');
    return !inside.startsWith('..') && (existing.has(inside) || directories.has(inside));
  });
}

describe('references to documents', () => {
  test('the scan sees the documents and the code that names them', () => {
    expect(SCANNED).toEqual(expect.arrayContaining(['README.md', 'docs/WORKBOOK.md', 'docs/PLATFORM.md', 'local/latency.ts']));
    const named = SCANNED.flatMap((file) => referencesIn(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(named.filter((r) => r.file.startsWith('src/')).length).toBeGreaterThan(0);
  });

  test('every document named in code and docs, and every relative markdown link, exists in the repository', () => {
    const broken = SCANNED.flatMap((file) => referencesIn(file, readFileSync(join(ROOT, file), 'utf8')))
      .filter((r) => !resolves(r.file, r.target, EXISTING, DIRECTORIES))
      .map((r) => `${r.file}:${r.line}: ${r.target}`);
    expect(broken).toEqual([]);
  });

  test('names resolve from the naming file or the repository root, never outside it', () => {
    const existing = new Set(['docs/WORKBOOK.md', 'README.md']);
    const directories = new Set(['docs']);
    expect(resolves('docs/internals.md', 'WORKBOOK.md', existing, directories)).toBe(true);
    expect(resolves('src/domain/tables.ts', 'docs/WORKBOOK.md', existing, directories)).toBe(true);
    expect(resolves('src/domain/tables.ts', 'WORKBOOK.md', existing, directories)).toBe(false);
    expect(resolves('docs/internals.md', '../README.md', existing, directories)).toBe(true);
    expect(resolves('docs/internals.md', '../../shared/design/WORKBOOK.md', existing, directories)).toBe(false);
    expect(resolves('README.md', 'docs/', existing, directories)).toBe(true);
  });

  test('finds names in prose and code, links in markdown outside code, and skips URLs', () => {
    const markdown = [
      'See `docs/guide.md` and [the limits](../platform/limits.md#quotas).',
      '[site](https://example.org/README.md) [top](#top) [ref]: other/ref.md',
      '```',
      '[not a link](code/IN-FENCE.txt)',
      '```',
    ].join('\n');
    expect(referencesIn('docs/a.md', markdown).map((r) => `${r.line}:${r.target}`).sort()).toEqual(
      ['1:../platform/limits.md', '1:../platform/limits.md', '1:docs/guide.md', '2:other/ref.md'].sort(),
    );
    expect(referencesIn('src/x.ts', '// as shared/platform/limits.md says; see https://host/x/README.md').map((r) => r.target)).toEqual([
      'shared/platform/limits.md',
    ]);
  });
});
