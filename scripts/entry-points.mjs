// Renders the plain top-level function declarations Apps Script needs: one per export of
// src/index.ts. Custom functions get their JSDoc from the one table that describes them
// (CUSTOM_FUNCTIONS in src/functions.ts), so the formula helper text is written once.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Escapes text for a JSDoc block: no comment terminator, one line per entry. */
function docText(text) {
  return String(text).replace(/\*\//g, '* /').replace(/\s*\n\s*/g, ' ');
}

function renderCustomFunction(fn) {
  const params = fn.params.map((p) => p.name);
  const lines = ['/**', ` * ${docText(fn.description)}`];
  for (const p of fn.params) {
    const name = p.optional ? `[${p.name}]` : p.name;
    lines.push(` * @param {${docText(p.example)}} ${name} ${docText(p.description)}`);
  }
  lines.push(` * @return ${docText(fn.returns)}`, ' * @customfunction', ' */');
  lines.push(`function ${fn.name}(${params.join(', ')}) {`);
  lines.push(`  return Pendamping.${fn.name}(${params.join(', ')});`, '}');
  return lines.join('\n');
}

function renderEntryPoint(name) {
  return [`function ${name}() {`, `  return Pendamping.${name}.apply(null, arguments);`, '}'].join('\n');
}

/**
 * @param {Record<string, unknown>} api the exports of src/index.ts, read from the bundle
 * @returns {string} the declarations, appended after the bundle in dist/Code.js
 */
export function renderEntryPoints(api) {
  const table = Array.isArray(api.CUSTOM_FUNCTIONS) ? api.CUSTOM_FUNCTIONS : [];
  const custom = new Set(table.map((fn) => fn.name));
  const blocks = [];
  for (const fn of table) {
    if (typeof api[fn.name] !== 'function') throw new Error(`custom function ${fn.name} is described but not exported`);
    for (const p of fn.params) if (!IDENTIFIER.test(p.name)) throw new Error(`bad parameter name ${p.name} in ${fn.name}`);
    blocks.push(renderCustomFunction(fn));
  }
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || custom.has(name)) continue;
    if (!IDENTIFIER.test(name)) throw new Error(`export ${name} is not a valid Apps Script function name`);
    blocks.push(renderEntryPoint(name));
  }
  return `// Apps Script entry points (generated from the exports of src/index.ts).\n${blocks.join('\n\n')}\n`;
}
