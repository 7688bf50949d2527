// HtmlService: HTML outputs (what the Ui shows as a sidebar or dialog) and templates, over the
// project's HTML files (dist/*.html, as clasp pushes them).
// https://developers.google.com/apps-script/reference/html/html-service
// Templates: https://developers.google.com/apps-script/guides/html/templates
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from './context';
import { recordCall, scriptError } from './script-app';

export const X_FRAME_OPTIONS_MODES = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
export const SANDBOX_MODES = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });

export interface HtmlOptions {
  /** Directory of the project's HTML files (dist/). */
  projectDir: string;
  /** Runs code in the script's global scope (templates' scriptlets see the script's globals). */
  evaluateInScript(code: string): unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The state of one HtmlOutput, readable by the Ui recorder. */
export interface HtmlOutputState {
  content: string;
  title: string;
  width?: number;
  height?: number;
  xFrameOptionsMode: string;
  sandboxMode: string;
  metaTags: Record<string, string>;
}

function newHtmlOutput(ctx: ServiceContext, content: string) {
  const state: HtmlOutputState = { content, title: '', xFrameOptionsMode: 'DEFAULT', sandboxMode: 'IFRAME', metaTags: {} };
  const call = (method: string) => recordCall(ctx, 'HtmlOutput', method);
  const output = {
    getContent: (): string => (call('getContent'), state.content),
    setContent: (html: string) => (call('setContent'), (state.content = String(html)), output),
    append: (html: string) => (call('append'), (state.content += String(html)), output),
    appendUntrusted: (text: string) => (call('appendUntrusted'), (state.content += escapeHtml(String(text))), output),
    clear: () => (call('clear'), (state.content = ''), output),
    getTitle: (): string => (call('getTitle'), state.title),
    setTitle: (title: string) => (call('setTitle'), (state.title = String(title)), output),
    getWidth: () => (call('getWidth'), state.width ?? null),
    setWidth: (width: number) => (call('setWidth'), (state.width = Number(width)), output),
    getHeight: () => (call('getHeight'), state.height ?? null),
    setHeight: (height: number) => (call('setHeight'), (state.height = Number(height)), output),
    setXFrameOptionsMode: (mode: string) => (call('setXFrameOptionsMode'), (state.xFrameOptionsMode = mode), output),
    setSandboxMode: (mode: string) => (call('setSandboxMode'), (state.sandboxMode = mode), output),
    addMetaTag: (name: string, value: string) => (call('addMetaTag'), (state.metaTags[name] = value), output),
    toString: () => 'HtmlOutput',
  };
  return output;
}

export type HtmlOutput = ReturnType<typeof newHtmlOutput>;

/**
 * Compiles a template to a function of the script's realm: `<?= x ?>` prints x escaped,
 * `<?!= x ?>` prints it raw, `<? code ?>` runs code; template variables are in scope.
 */
function compileTemplate(source: string): string {
  const body: string[] = [];
  const tag = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = tag.exec(source); m !== null; m = tag.exec(source)) {
    if (m.index > last) body.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    if (m[1] === '=') body.push(`__out.push(__escape(String(${m[2]})));`);
    else if (m[1] === '!=') body.push(`__out.push(String(${m[2]}));`);
    else body.push(`${m[2]}\n`);
    last = m.index + m[0].length;
  }
  if (last < source.length) body.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return `(function (__vars, __escape) { var __out = []; with (__vars) {\n${body.join('\n')}\n} return __out.join(''); })`;
}

const TEMPLATE_METHODS = new Set(['evaluate', 'getRawContent', 'getCode']);

export function createHtmlService(ctx: ServiceContext, opts: HtmlOptions) {
  const call = (method: string) => recordCall(ctx, 'HtmlService', method);
  const readProjectFile = (filename: string): string => {
    const file = join(opts.projectDir, filename.endsWith('.html') ? filename : `${filename}.html`);
    if (!existsSync(file)) throw scriptError(ctx, `No HTML file named ${filename} was found.`);
    return readFileSync(file, 'utf8');
  };
  const newTemplate = (source: string) => {
    const template: Record<string, unknown> = {
      evaluate: () => {
        recordCall(ctx, 'HtmlTemplate', 'evaluate');
        const vars = new ctx.realm.Object() as Record<string, unknown>;
        for (const [key, value] of Object.entries(template)) if (!TEMPLATE_METHODS.has(key)) vars[key] = value;
        const render = opts.evaluateInScript(compileTemplate(source)) as (vars: object, escape: (s: string) => string) => string;
        return newHtmlOutput(ctx, render(vars, escapeHtml));
      },
      getRawContent: () => source,
      getCode: () => compileTemplate(source),
    };
    return template;
  };
  return {
    XFrameOptionsMode: X_FRAME_OPTIONS_MODES,
    SandboxMode: SANDBOX_MODES,
    createHtmlOutput: (html = '') => (call('createHtmlOutput'), newHtmlOutput(ctx, String(html))),
    createHtmlOutputFromFile: (filename: string) => (call('createHtmlOutputFromFile'), newHtmlOutput(ctx, readProjectFile(filename))),
    createTemplate: (html: string) => (call('createTemplate'), newTemplate(String(html))),
    createTemplateFromFile: (filename: string) => (call('createTemplateFromFile'), newTemplate(readProjectFile(filename))),
  };
}
