// The shape Apps Script needs from dist/Code.js, checked on the built file itself.
import { readFileSync } from 'node:fs';
import { Script, createContext, runInContext } from 'node:vm';
import { CODE_JS, DIST, ensureBuilt } from '../helpers/build';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local') as { require: (dir: string, globals: object, opts: object) => Record<string, unknown> };

interface Spec { name: string; params: { name: string }[] }

const onlyCode = { filter: (f: string) => f.endsWith('/Code.js') };
let code = '';

beforeAll(() => {
  ensureBuilt();
  code = readFileSync(CODE_JS, 'utf8');
});

function exportsOf(ctx: Record<string, unknown>): Record<string, unknown> {
  return ctx.Pendamping as Record<string, unknown>;
}

test('Code.js parses as a classic script (no import/export)', () => {
  expect(() => new Script(code, { filename: 'Code.js' })).not.toThrow();
  expect(code).not.toMatch(/^\s*(import|export)\s/m);
});

test('the bundle loads with no Apps Script service defined (nothing runs at load time)', () => {
  const ctx = gas.require(DIST, {}, onlyCode);
  expect(typeof ctx.Pendamping).toBe('object');
});

test('every exported entry point is a plain top-level function declaration', () => {
  const ctx = gas.require(DIST, {}, onlyCode);
  const api = exportsOf(ctx);
  const names = Object.keys(api).filter((k) => typeof api[k] === 'function');
  expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar']));
  for (const name of names) {
    expect(typeof ctx[name]).toBe('function');
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  }
});

test('each custom function carries its JSDoc with @customfunction directly above it', () => {
  const ctx = gas.require(DIST, {}, onlyCode);
  const specs = exportsOf(ctx).CUSTOM_FUNCTIONS as Spec[];
  for (const spec of specs) {
    const params = spec.params.map((p) => p.name).join(', ');
    const block = new RegExp(`/\\*\\*\\n(?: \\*.*\\n)*? \\* @customfunction\\n \\*/\\nfunction ${spec.name}\\(${params}\\) \\{`);
    expect(code).toMatch(block);
    for (const p of spec.params) expect(code).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? `));
  }
});

test('onOpen in AuthMode.NONE touches only the Ui, no authorised service', () => {
  const touched: string[] = [];
  const menu = { addItem: () => menu, addSeparator: () => menu, addSubMenu: () => menu, addToUi: () => undefined };
  const ui = { createAddonMenu: () => menu, createMenu: () => menu };
  // Any property other than the Ui entry points is recorded as a forbidden touch.
  const guard = <T extends object>(name: string, allowed: T): T =>
    new Proxy(allowed, {
      get(target, prop) {
        if (prop in target) return (target as Record<string | symbol, unknown>)[prop];
        touched.push(`${name}.${String(prop)}`);
        throw new Error(`${name}.${String(prop)} is not allowed in AuthMode.NONE`);
      },
    });
  const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  const globals = {
    SpreadsheetApp: guard('SpreadsheetApp', { getUi: () => ui }),
    ScriptApp: guard('ScriptApp', { AuthMode }),
    PropertiesService: guard('PropertiesService', {}),
    MailApp: guard('MailApp', {}),
    Session: guard('Session', {}),
    Sheets: guard('Sheets', {}),
    LockService: guard('LockService', {}),
  };
  const ctx = createContext(globals);
  runInContext(code, ctx);
  runInContext('onOpen({ authMode: ScriptApp.AuthMode.NONE })', ctx);
  expect(touched).toEqual([]);
});

test('the production bundle ships no demo data: nothing google.script.run could call returns it', () => {
  const ctx = gas.require(DIST, {}, onlyCode);
  const names = Object.keys(exportsOf(ctx)).filter((k) => typeof exportsOf(ctx)[k] === 'function');
  expect(names.filter((name) => /demo/i.test(name))).toEqual([]);
  // The demo's units (cli/demo) are Muaro Jambi's OPD with PICs under .example addresses. The
  // one .example domain the add-on itself names is the practice workbook's, latihan.example
  // ("Buat buku latihan", docs/WORKBOOK.md): made-up participants, not demo data.
  expect(code).not.toMatch(/muarojambi|@(?!latihan\.example\b)[\w.-]+\.example\b/i);
});
