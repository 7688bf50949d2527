// The guides of docs/panduan, printed: each Markdown guide becomes one HTML document (marked),
// its screenshots inlined, and is printed to PDF by the same Chromium path as the rapor
// (local/chromium.ts htmlToPdf). The screenshots are taken fresh from the workbench, over a
// practice workbook a scripted bimtek exercise has filled (cli/guide-screens.ts), so they always
// show the product as it is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked, type Tokens } from 'marked';

/** Where the guides are, in the repository and in the installed package alike. */
export const GUIDE_SOURCE = join(__dirname, '..', 'docs', 'panduan');

/** Each guide: its file name (without .md) in docs/panduan. */
export const GUIDES = ['sekretariat', 'asesor', 'pic', 'pemasangan'] as const;
export type GuideName = (typeof GUIDES)[number];

/** The folder, beside the guides, that a guide's screenshots are named in (`gambar/NAME.png`). */
export const SCREENSHOT_FOLDER = 'gambar';

/** Every screenshot the guides may name, as the workbench produces them (cli/guide-screens.ts). */
export const SCREENSHOTS = ['pic-isi', 'asesor-verifikasi', 'sekretariat-unit', 'sekretariat-rekap'] as const;
export type ScreenshotName = (typeof SCREENSHOTS)[number];

const IMAGE_TARGET = new RegExp(`^${SCREENSHOT_FOLDER}/([\\w-]+)\\.png$`);
const URL_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * A heading's anchor as GitHub makes it: lower case, punctuation and symbols dropped except `-`
 * and `_`, each space a `-`. (A repeated heading gets `-1`, `-2`…: see `anchorsOf`.)
 */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The plain text of inline tokens (what a heading's anchor is made of). */
function plainText(tokens: readonly Tokens.Generic[] | undefined): string {
  return (tokens ?? []).map((t) => (t.tokens ? plainText(t.tokens) : typeof t.text === 'string' ? t.text : '')).join('');
}

/** The anchors of a Markdown document's headings, in order, repeated ones numbered as GitHub does. */
export function anchorsOf(markdown: string): string[] {
  const seen = new Map<string, number>();
  return new Marked()
    .lexer(markdown)
    .filter((t): t is Tokens.Heading => t.type === 'heading')
    .map((heading) => {
      const base = headingSlug(plainText(heading.tokens));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return n === 0 ? base : `${base}-${n}`;
    });
}

/** The screenshots a guide names (`![…](gambar/NAME.png)`), in order. */
export function screenshotsNamed(markdown: string): string[] {
  const names: string[] = [];
  new Marked().walkTokens(new Marked().lexer(markdown), (token) => {
    const match = token.type === 'image' ? IMAGE_TARGET.exec((token as Tokens.Image).href) : null;
    if (match) names.push(match[1]);
  });
  return names;
}

export function readGuide(name: GuideName): string {
  return readFileSync(join(GUIDE_SOURCE, `${name}.md`), 'utf8');
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #202124; }
h1 { font-size: 18pt; border-bottom: 2px solid #1a73e8; padding-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 1.4em; break-after: avoid; }
img { max-width: 100%; border: 1px solid #dadce0; break-inside: avoid; }
table { border-collapse: collapse; font-size: 9pt; }
th, td { border: 1px solid #dadce0; padding: 3px 5px; vertical-align: top; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; background: #f1f3f4; padding: 0 2px; }
pre { background: #f1f3f4; padding: 6px; }
a { color: #1a73e8; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * One guide as a standalone HTML document: headings carry their GitHub anchors, a link to another
 * guide points to its printed copy beside it (the same name and anchor, `.html`), a link to anything else
 * of the repository is kept as its text, and each screenshot is the data URI `image` gives
 * (absent: its alt text stays).
 */
export function guideHtml(markdown: string, image: (name: string) => string | undefined): string {
  const marked = new Marked();
  const anchors = anchorsOf(markdown);
  let heading = 0;
  marked.use({
    walkTokens(token) {
      if (token.type === 'image') {
        const match = IMAGE_TARGET.exec(token.href);
        token.href = (match && image(match[1])) ?? '';
      }
    },
    renderer: {
      heading(token) {
        return `<h${token.depth} id="${anchors[heading++]}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      link(token) {
        const inner = this.parser.parseInline(token.tokens);
        const guide = /^([\w-]+)\.md(#[\w-]*)?$/.exec(token.href);
        if (guide && (GUIDES as readonly string[]).includes(guide[1])) return `<a href="${guide[1]}.html${guide[2] ?? ''}">${inner}</a>`;
        if (token.href.startsWith('#') || URL_SCHEME.test(token.href)) return `<a href="${escapeHtml(token.href)}">${inner}</a>`;
        return inner;
      },
      image(token) {
        return token.href === '' ? `<em>${escapeHtml(token.text)}</em>` : `<img src="${token.href}" alt="${escapeHtml(token.text)}">`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  const title = new Marked().lexer(markdown).find((t): t is Tokens.Heading => t.type === 'heading')?.text ?? 'Pendamping';
  return `<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}</body>
</html>
`;
}

/** A screenshot file as a data URI, when it exists. */
export function pngDataUri(file: string): string | undefined {
  return existsSync(file) ? `data:image/png;base64,${readFileSync(file).toString('base64')}` : undefined;
}
