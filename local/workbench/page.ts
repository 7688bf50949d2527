/// <reference lib="dom" />
// The workbench page: tabs as a grid (formula shown on focus, edits through the runtime as the
// selected user), the add-on's menu as onOpen recorded it, and the real sidebar in an iframe.
// The page script is `workbenchApp`, serialised with Function.prototype.toString: it must stay
// self-contained (no imports, no outer names). Text goes into the DOM as text only.

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
  rows: ({ v: string; f?: string } | null)[][];
}

interface View {
  user: string;
  users: ViewUser[];
  menus: ViewMenu[];
  sheets: ViewSheet[];
}

function workbenchApp(text: PageText): void {
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
  const columnName = (index: number): string => {
    let n = index + 1;
    let out = '';
    while (n > 0) {
      out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  };

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

  let view: View | null = null;
  let activeSheet = -1;
  let selected: { sheet: string; a1: string } | null = null;

  const renderGrid = () => {
    grid.replaceChildren();
    const sheet = view?.sheets.find((s) => s.sheetId === activeSheet) ?? view?.sheets[0];
    if (!sheet) return;
    activeSheet = sheet.sheetId;
    gridPanel.setAttribute('aria-label', sheet.title);
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    const head = make('tr');
    head.append(make('th', { scope: 'col' }));
    for (let c = 0; c < width; c++) head.append(make('th', { scope: 'col' }, columnName(c)));
    grid.append(head);
    sheet.rows.forEach((row, r) => {
      const tr = make('tr');
      tr.append(make('th', { scope: 'row' }, String(r + 1)));
      for (let c = 0; c < width; c++) {
        const cell = row[c] ?? null;
        const a1 = `${columnName(c)}${r + 1}`;
        const td = make('td', { tabindex: '0', 'data-a1': a1 }, cell?.v ?? '');
        td.addEventListener('focus', () => {
          selected = { sheet: sheet.title, a1 };
          const content = cell?.f ?? cell?.v ?? '';
          td.textContent = content;
          fx.value = content;
        });
        td.addEventListener('blur', () => (td.textContent = cell?.v ?? ''));
        td.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') fx.focus();
        });
        tr.append(td);
      }
      grid.append(tr);
    });
  };

  const renderTabs = () => {
    tabs.replaceChildren();
    for (const sheet of view?.sheets ?? []) {
      const tab = make('button', { role: 'tab', type: 'button', 'aria-selected': String(sheet.sheetId === activeSheet), 'aria-controls': 'grid-panel' }, sheet.title);
      tab.addEventListener('click', () => {
        location.hash = `gid=${sheet.sheetId}`;
      });
      tabs.append(tab);
    }
  };

  const runMenuItem = async (button: HTMLButtonElement, fn: string) => {
    button.disabled = true;
    try {
      const result = await post('/api/run', { fn, args: [] });
      const dialogs = (result.dialogs as string[] | undefined) ?? [];
      frame.contentWindow?.location.reload();
      await load();
      // Announced once the grid shows the result, so what the status says is what is on screen.
      if (result.ok) say([fill(text.ran, { fn }), ...dialogs].join(' — '));
      else say(fill(text.failed, { fn, reason: String(result.error) }), true);
    } catch (error) {
      say(fill(text.failed, { fn, reason: error instanceof Error ? error.message : String(error) }), true);
    } finally {
      button.disabled = false;
    }
  };

  const renderMenus = () => {
    nav.replaceChildren();
    for (const menu of view?.menus ?? []) {
      nav.append(make('h2', {}, menu.title));
      for (const item of menu.items) {
        if (!item.functionName) continue;
        const fn = item.functionName;
        const button = make('button', { type: 'button' }, item.caption ?? fn);
        button.addEventListener('click', () => void runMenuItem(button, fn));
        nav.append(button);
      }
    }
  };

  const renderUsers = () => {
    userSelect.replaceChildren();
    for (const u of view?.users ?? []) {
      const role = fill(u.role === 'admin' ? text.role_admin : u.role === 'asesor' ? text.role_asesor : text.role_pic, { unit: u.unit ?? '' });
      const option = make('option', { value: u.email }, `${u.email} (${role})`);
      userSelect.append(option);
    }
    if (view && !view.users.some((u) => u.email === view?.user)) userSelect.append(make('option', { value: view.user }, view.user));
    userSelect.value = view?.user ?? '';
  };

  const load = async () => {
    try {
      const response = await fetch('/api/view');
      if (!response.ok) throw new Error(await response.text());
      view = (await response.json()) as View;
      const gid = Number(/gid=(\d+)/.exec(location.hash)?.[1] ?? NaN);
      if (Number.isFinite(gid)) activeSheet = gid;
      renderUsers();
      renderMenus();
      renderTabs();
      renderGrid();
    } catch (error) {
      say(fill(text.loadFailed, { reason: error instanceof Error ? error.message : String(error) }), true);
    }
  };

  const saveSelected = async () => {
    if (!selected) return say(text.noCell, true);
    const target = selected;
    saveCell.disabled = true;
    try {
      const result = await post('/api/edit', { sheet: target.sheet, a1: target.a1, value: fx.value });
      const cell = `${target.sheet}!${target.a1}`;
      await load();
      if (result.ok) say([fill(text.saved, { cell }), String(result.warning ?? '')].join(' ').trim());
      else say(fill(text.refused, { cell, reason: String(result.reason ?? '') }), true);
    } catch (error) {
      say(fill(text.failed, { fn: target.a1, reason: error instanceof Error ? error.message : String(error) }), true);
    } finally {
      saveCell.disabled = false;
    }
  };
  saveCell.addEventListener('click', () => void saveSelected());
  fx.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void saveSelected();
  });
  userSelect.addEventListener('change', async () => {
    await post('/api/user', { user: userSelect.value });
    frame.contentWindow?.location.reload();
    await load();
  });
  window.addEventListener('hashchange', () => {
    const gid = Number(/gid=(\d+)/.exec(location.hash)?.[1] ?? NaN);
    if (Number.isFinite(gid)) activeSheet = gid;
    renderTabs();
    renderGrid();
  });
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: string; fn?: string } | null;
    if (event.origin === location.origin && data?.type === 'pendamping-run' && data.fn !== 'getPanelState') void load();
  });
  void load();
}

export function workbenchPageHtml(lang: 'id' | 'en'): string {
  const text = JSON.stringify(TEXT[lang]).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${TEXT[lang].title}</title><style>${STYLE}</style></head>
<body><script>(${workbenchApp.toString()})(${text});</script></body>
</html>`;
}
