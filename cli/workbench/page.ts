/// <reference lib="dom" />
// The workbench page: tabs as a grid (formula shown on focus, edits through the runtime as the
// selected user), the add-on's menu as onOpen recorded it, and the real sidebar in an iframe.
// The page script is `workbenchApp` and the functions it calls (PAGE_SCRIPT), serialised with
// Function.prototype.toString: each must stay self-contained (no imports, no outer names but
// one another's). Text goes into the DOM as text only.

const TEXT = {
  id: {
    title: 'Pendamping — Workbench',
    user: 'Bertindak sebagai',
    role_admin: 'admin',
    role_asesor: 'asesor {unit}',
    role_pic: 'PIC {unit}',
    menu: 'Menu add-on',
    tabs: 'Tab buku kerja',
    cell: 'Isi sel',
    save: 'Simpan sel',
    saved: 'Sel {cell} disimpan.',
    refused: 'Perubahan {cell} ditolak: {reason}',
    ran: '{fn} selesai.',
    failed: '{fn} gagal: {reason}',
    panel: 'Panel Pendamping',
    noCell: 'Pilih sel terlebih dahulu.',
    loadFailed: 'Buku kerja tidak dapat dibaca: {reason}',
  },
  en: {
    title: 'Pendamping — Workbench',
    user: 'Acting as',
    role_admin: 'admin',
    role_asesor: 'assessor {unit}',
    role_pic: 'PIC {unit}',
    menu: 'Add-on menu',
    tabs: 'Workbook tabs',
    cell: 'Cell content',
    save: 'Save cell',
    saved: 'Cell {cell} saved.',
    refused: 'Change to {cell} refused: {reason}',
    ran: '{fn} finished.',
    failed: '{fn} failed: {reason}',
    panel: 'Pendamping panel',
    noCell: 'Select a cell first.',
    loadFailed: 'The workbook cannot be read: {reason}',
  },
};

type PageText = (typeof TEXT)['id'];

const STYLE = `
body { font-family: Arial, sans-serif; font-size: 13px; margin: 0; color: #202124; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #dadce0; }
h1 { font-size: 16px; margin: 0; }
#status { flex: 1 1 100%; min-height: 1.2em; }
#status.error { color: #b3261e; }
nav { padding: 4px 12px; border-bottom: 1px solid #dadce0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
nav h2 { font-size: 13px; margin: 0 6px 0 0; }
.layout { display: flex; height: calc(100vh - 110px); }
main { flex: 1; overflow: auto; padding: 8px 12px; min-width: 0; }
aside { width: 300px; border-left: 1px solid #dadce0; }
aside iframe { width: 300px; height: 100%; border: 0; }
[role=tablist] { display: flex; flex-wrap: wrap; gap: 2px; margin-bottom: 6px; }
[role=tab] { border: 1px solid #dadce0; background: #f1f3f4; padding: 3px 8px; cursor: pointer; }
[role=tab][aria-selected=true] { background: #fff; border-bottom-color: #fff; font-weight: bold; }
.formula { display: flex; gap: 6px; align-items: center; margin-bottom: 6px; }
.formula input { flex: 1; font: inherit; }
table { border-collapse: collapse; }
th, td { border: 1px solid #dadce0; padding: 2px 4px; max-width: 240px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
th { background: #f1f3f4; font-weight: normal; color: #5f6368; }
td:focus { outline: 2px solid #1a73e8; white-space: normal; }
button { font: inherit; }
`;

interface ViewUser {
  email: string;
  role: 'admin' | 'asesor' | 'pic';
  unit?: string;
}

interface ViewMenu {
  title: string;
  items: { caption?: string; functionName?: string; separator?: boolean }[];
}

interface ViewSheet {
  sheetId: number;
  title: string;
  /** The letter of each column, as the server names them. */
  columns: string[];
  rows: ({ v: string; f?: string } | null)[][];
}

interface View {
  user: string;
  users: ViewUser[];
  menus: ViewMenu[];
  sheets: ViewSheet[];
}

// Every function below is serialised into the page: each uses only its parameters and the DOM.

/** The page script's DOM and fetch helpers. */
function pageKit() {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, content = ''): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (content) node.textContent = content;
    return node;
  };
  const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const post = (path: string, body: unknown) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) return r.text().then((t) => Promise.reject(new Error(t)));
      return r.json() as Promise<Record<string, unknown>>;
    });
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return { make, fill, post, reason };
}

type Kit = ReturnType<typeof pageKit>;

/** The page's elements: the header (user, status), the menu bar, the tabs, the cell editor, the grid and the sidebar's frame. */
function pageLayout(kit: Kit, text: PageText) {
  const { make } = kit;
  document.title = text.title;
  const status = make('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (message: string, error = false) => {
    status.textContent = message;
    status.className = error ? 'error' : '';
  };
  const userSelect = make('select', { id: 'user' });
  const header = make('header');
  header.append(make('h1', {}, text.title), make('label', { for: 'user' }, text.user), userSelect, status);
  const nav = make('nav', { 'aria-label': text.menu });
  const tabs = make('div', { role: 'tablist', 'aria-label': text.tabs });
  const fx = make('input', { id: 'fx', type: 'text', autocomplete: 'off' });
  const saveCell = make('button', { type: 'button' }, text.save);
  const formula = make('div', { class: 'formula' });
  formula.append(make('label', { for: 'fx' }, text.cell), fx, saveCell);
  const grid = make('table', { role: 'grid' });
  const gridPanel = make('div', { role: 'tabpanel', id: 'grid-panel' });
  gridPanel.append(grid);
  const main = make('main');
  main.append(tabs, formula, gridPanel);
  const frame = make('iframe', { title: text.panel, src: '/sidebar' });
  const aside = make('aside');
  aside.append(frame);
  const layout = make('div', { class: 'layout' });
  layout.append(main, aside);
  document.body.append(header, nav, layout);
  return { say, userSelect, nav, tabs, fx, saveCell, grid, gridPanel, frame };
}

type Layout = ReturnType<typeof pageLayout>;

/** One tab as a grid: a focused cell shows its formula (also in the editor) and becomes the selected cell. */
function renderGrid(kit: Kit, ui: Layout, sheet: ViewSheet, select: (a1: string) => void): void {
  const { make } = kit;
  ui.grid.replaceChildren();
  ui.gridPanel.setAttribute('aria-label', sheet.title);
  const head = make('tr');
  head.append(make('th', { scope: 'col' }));
  for (const letter of sheet.columns) head.append(make('th', { scope: 'col' }, letter));
  ui.grid.append(head);
  sheet.rows.forEach((row, r) => {
    const tr = make('tr');
    tr.append(make('th', { scope: 'row' }, String(r + 1)));
    sheet.columns.forEach((letter, c) => {
      const cell = row[c] ?? null;
      const a1 = `${letter}${r + 1}`;
      const td = make('td', { tabindex: '0', 'data-a1': a1 }, cell?.v ?? '');
      td.addEventListener('focus', () => {
        select(a1);
        const content = cell?.f ?? cell?.v ?? '';
        td.textContent = content;
        ui.fx.value = content;
      });
      td.addEventListener('blur', () => (td.textContent = cell?.v ?? ''));
      td.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') ui.fx.focus();
      });
      tr.append(td);
    });
    ui.grid.append(tr);
  });
}

/** The tab buttons: choosing one sets the page's #gid, as Sheets' own links do. */
function renderTabs(kit: Kit, ui: Layout, sheets: readonly ViewSheet[], active: number): void {
  ui.tabs.replaceChildren();
  for (const sheet of sheets) {
    const attrs = { role: 'tab', type: 'button', 'aria-selected': String(sheet.sheetId === active), 'aria-controls': 'grid-panel' };
    const tab = kit.make('button', attrs, sheet.title);
    tab.addEventListener('click', () => {
      location.hash = `gid=${sheet.sheetId}`;
    });
    ui.tabs.append(tab);
  }
}

/** The add-on's menus as onOpen recorded them, one button per item. */
function renderMenus(kit: Kit, ui: Layout, menus: readonly ViewMenu[], run: (button: HTMLButtonElement, fn: string) => void): void {
  ui.nav.replaceChildren();
  for (const menu of menus) {
    ui.nav.append(kit.make('h2', {}, menu.title));
    for (const item of menu.items) {
      if (!item.functionName) continue;
      const fn = item.functionName;
      const button = kit.make('button', { type: 'button' }, item.caption ?? fn);
      button.addEventListener('click', () => run(button, fn));
      ui.nav.append(button);
    }
  }
}

/** Who one may act as, with their role; the acting user is selected (listed even when the workbook does not name them). */
function renderUsers(kit: Kit, ui: Layout, text: PageText, view: View): void {
  const { userSelect } = ui;
  userSelect.replaceChildren();
  for (const u of view.users) {
    const role = kit.fill(u.role === 'admin' ? text.role_admin : u.role === 'asesor' ? text.role_asesor : text.role_pic, { unit: u.unit ?? '' });
    userSelect.append(kit.make('option', { value: u.email }, `${u.email} (${role})`));
  }
  if (!view.users.some((u) => u.email === view.user)) userSelect.append(kit.make('option', { value: view.user }, view.user));
  userSelect.value = view.user;
}

function workbenchApp(text: PageText): void {
  const kit = pageKit();
  const { fill, post, reason } = kit;
  const ui = pageLayout(kit, text);
  let view: View | null = null;
  let activeSheet = -1;
  let selected: { sheet: string; a1: string } | null = null;

  const followHash = () => {
    const gid = Number(/gid=(\d+)/.exec(location.hash)?.[1] ?? NaN);
    if (Number.isFinite(gid)) activeSheet = gid;
  };
  const showSheet = () => {
    const sheet = view?.sheets.find((s) => s.sheetId === activeSheet) ?? view?.sheets[0];
    if (sheet) activeSheet = sheet.sheetId;
    renderTabs(kit, ui, view?.sheets ?? [], activeSheet);
    if (!sheet) return ui.grid.replaceChildren();
    renderGrid(kit, ui, sheet, (a1) => (selected = { sheet: sheet.title, a1 }));
  };

  const load = async () => {
    try {
      const response = await fetch('/api/view');
      if (!response.ok) throw new Error(await response.text());
      view = (await response.json()) as View;
      followHash();
      renderUsers(kit, ui, text, view);
      renderMenus(kit, ui, view.menus, (button, fn) => void runMenuItem(button, fn));
      showSheet();
    } catch (error) {
      ui.say(fill(text.loadFailed, { reason: reason(error) }), true);
    }
  };

  const runMenuItem = async (button: HTMLButtonElement, fn: string) => {
    button.disabled = true;
    try {
      const result = await post('/api/run', { fn, args: [] });
      const dialogs = (result.dialogs as string[] | undefined) ?? [];
      ui.frame.contentWindow?.location.reload();
      await load();
      // Announced once the grid shows the result, so what the status says is what is on screen.
      if (result.ok) ui.say([fill(text.ran, { fn }), ...dialogs].join(' — '));
      else ui.say(fill(text.failed, { fn, reason: String(result.error) }), true);
    } catch (error) {
      ui.say(fill(text.failed, { fn, reason: reason(error) }), true);
    } finally {
      button.disabled = false;
    }
  };

  const saveSelected = async () => {
    if (!selected) return ui.say(text.noCell, true);
    const target = selected;
    ui.saveCell.disabled = true;
    try {
      const result = await post('/api/edit', { sheet: target.sheet, a1: target.a1, value: ui.fx.value });
      const cell = `${target.sheet}!${target.a1}`;
      await load();
      if (result.ok) ui.say([fill(text.saved, { cell }), String(result.warning ?? '')].join(' ').trim());
      else ui.say(fill(text.refused, { cell, reason: String(result.reason ?? '') }), true);
    } catch (error) {
      ui.say(fill(text.failed, { fn: target.a1, reason: reason(error) }), true);
    } finally {
      ui.saveCell.disabled = false;
    }
  };

  ui.saveCell.addEventListener('click', () => void saveSelected());
  ui.fx.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void saveSelected();
  });
  ui.userSelect.addEventListener('change', async () => {
    await post('/api/user', { user: ui.userSelect.value });
    ui.frame.contentWindow?.location.reload();
    await load();
  });
  window.addEventListener('hashchange', () => {
    followHash();
    showSheet();
  });
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: string; fn?: string } | null;
    if (event.origin === location.origin && data?.type === 'pendamping-run' && data.fn !== 'getPanelState') void load();
  });
  void load();
}

/** The functions of the page script, in the order they are declared there. */
const PAGE_SCRIPT = [pageKit, pageLayout, renderGrid, renderTabs, renderMenus, renderUsers, workbenchApp];

export function workbenchPageHtml(lang: 'id' | 'en'): string {
  const text = JSON.stringify(TEXT[lang]).replace(/</g, '\\u003c');
  const script = [...PAGE_SCRIPT.map((fn) => fn.toString()), `${workbenchApp.name}(${text});`].join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${TEXT[lang].title}</title><style>${STYLE}</style></head>
<body><script>${script}</script></body>
</html>`;
}
