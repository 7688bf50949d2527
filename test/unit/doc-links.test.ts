// The links of the documents under docs/ and of the README: every anchor (`#…`, `file.md#…`)
// names a heading of its document, as GitHub makes heading anchors; every external link is a
// well-formed http(s) URL (there is no network to follow it). Relative files are
// doc-references.test.ts's. And what the guides promise: the task-ordered sections of each
// role, and every permission of appsscript.json explained in the installation guide.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { anchorsOf, GUIDES, headingSlug } from '../../cli/guide';

const ROOT = join(__dirname, '..', '..');

const DOCUMENTS = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'docs', 'README.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file.endsWith('.md') && existsSync(join(ROOT, file)));

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Link {
  file: string;
  href: string;
}

/** Every link and image target of a Markdown document (code blocks and spans are not links). */
function linksOf(file: string, markdown: string): Link[] {
  const links: Link[] = [];
  new Marked().walkTokens(new Marked().lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') links.push({ file, href: (token as Tokens.Link).href });
  });
  return links;
}

const URL_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** What is wrong with a link's anchor ('' when nothing): it must name a heading of a Markdown document. */
function anchorProblem(link: Link, anchorsOfFile: (file: string) => string[] | undefined): string {
  if (URL_SCHEME.test(link.href) || !link.href.includes('#')) return '';
  const [path, anchor] = link.href.split('#', 2);
  const target = path === '' ? link.file : posix.normalize(posix.join(posix.dirname(link.file), decodeURI(path)));
  const anchors = anchorsOfFile(target);
  if (anchors === undefined) return `${link.file}: ${link.href}: ${target} has no headings to link to`;
  return anchors.includes(decodeURIComponent(anchor)) ? '' : `${link.file}: ${link.href}: no such heading`;
}

/** What is wrong with an external link's syntax ('' when nothing). */
function urlProblem(link: Link): string {
  if (!URL_SCHEME.test(link.href) || link.href.startsWith('mailto:')) return '';
  try {
    const url = new URL(link.href);
    return /^https?:$/.test(url.protocol) && /^[\w-]+(\.[\w-]+)+$/.test(url.hostname) ? '' : `${link.file}: ${link.href}: not an http(s) URL`;
  } catch {
    return `${link.file}: ${link.href}: malformed URL`;
  }
}

const markdownAnchors = (file: string) => (file.endsWith('.md') && existsSync(join(ROOT, file)) ? anchorsOf(read(file)) : undefined);

describe('links in docs/ and the README', () => {
  test('the scan sees the documents and their links', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'docs/WORKBOOK.md', ...GUIDES.map((g) => `docs/panduan/${g}.md`)]));
    expect(DOCUMENTS.flatMap((file) => linksOf(file, read(file))).filter((l) => l.href.includes('#')).length).toBeGreaterThan(10);
  });

  test('every anchor names a heading of its document', () => {
    const problems = DOCUMENTS.flatMap((file) => linksOf(file, read(file))).map((l) => anchorProblem(l, markdownAnchors)).filter((p) => p !== '');
    expect(problems).toEqual([]);
  });

  test('every external link is a well-formed http(s) URL', () => {
    const problems = DOCUMENTS.flatMap((file) => linksOf(file, read(file))).map(urlProblem).filter((p) => p !== '');
    expect(problems).toEqual([]);
  });

  test('the checks find what is broken', () => {
    const doc = '# Panduan PIC\n\n## Mengisi asesmen mandiri\n\n## Mengisi asesmen mandiri\n\n[a](#mengisi-asesmen-mandiri-1) [b](#salah) [c](other.md#x) [d](https//x) [e](https://example.org/a#b) [f](http://localhost/)';
    expect(anchorsOf(doc)).toEqual(['panduan-pic', 'mengisi-asesmen-mandiri', 'mengisi-asesmen-mandiri-1']);
    const links = linksOf('docs/a.md', doc);
    const anchors = (file: string) => (file === 'docs/a.md' ? anchorsOf(doc) : undefined);
    expect(links.map((l) => anchorProblem(l, anchors)).filter((p) => p !== '')).toEqual([
      'docs/a.md: #salah: no such heading',
      'docs/a.md: other.md#x: docs/other.md has no headings to link to',
    ]);
    expect(links.map(urlProblem).filter((p) => p !== '')).toEqual(['docs/a.md: http://localhost/: not an http(s) URL']);
    expect(headingSlug('Bimtek: buku latihan dan panduan cetak')).toBe('bimtek-buku-latihan-dan-panduan-cetak');
    expect(headingSlug('`Pengaturan` — settings, one key per row')).toBe('pengaturan--settings-one-key-per-row');
  });
});

describe('the guides', () => {
  const sections = (name: string) => new Marked().lexer(read(`docs/panduan/${name}.md`)).filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2).map((h) => h.text);

  test('each role guide walks through its tasks in order', () => {
    const inOrder = (name: string, tasks: string[]) => expect(sections(name).filter((s) => tasks.includes(s))).toEqual(tasks);
    inOrder('pic', ['Mengisi asesmen mandiri', 'Mengajukan', 'Menulis tindak lanjut']);
    inOrder('asesor', ['Memverifikasi', 'Menyelesaikan verifikasi']);
    inOrder('sekretariat', ['Menyiapkan buku kerja', 'Mendaftarkan unit', 'Membuat tab unit', 'Membagikan spreadsheet', 'Memantau rekap', 'Mengirim temuan', 'Memulai putaran baru']);
    inOrder('pemasangan', ['Memasang add-on ke spreadsheet templat', 'Membagikan templat sebagai tautan salinan', 'Layar otorisasi dan arti setiap izin']);
  });

  test('the deployment section of the README points to the installation guide and to the template copied by link', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('\n## ', readme.indexOf('## Deploying') + 1));
    expect(section).toContain('(docs/panduan/pemasangan.md)');
    expect(section).toContain('clasp create --type sheets');
    expect(section).toContain('/copy');
    expect(read('docs/panduan/pemasangan.md')).toContain('/copy');
  });

  test('every permission of appsscript.json is explained in the installation guide', () => {
    const scopes = (JSON.parse(read('appsscript.json')) as { oauthScopes: string[] }).oauthScopes;
    expect(scopes.length).toBeGreaterThan(0);
    const rows = new Marked().lexer(read('docs/panduan/pemasangan.md')).filter((t): t is Tokens.Table => t.type === 'table').flatMap((t) => t.rows);
    const explained = new Map(rows.map((cells) => [cells[0].text.replace(/`/g, ''), cells.slice(1).map((c) => c.text.trim())]));
    for (const scope of scopes) {
      expect({ scope, explained: (explained.get(scope) ?? []).every((text) => text.length > 20) && explained.has(scope) }).toEqual({ scope, explained: true });
    }
  });
});
