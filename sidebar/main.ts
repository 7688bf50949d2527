// Sidebar entry point: reads the panel state and builds the view the server chose for the user,
// in the workbook's language: the admin's five sections (slots for more admin actions go into
// them), or a PIC's / an assessor's own units. It updates after every action; text is always
// inserted with textContent.
import type { PanelState, SidebarState, UnitPanelState } from '../src/ui/panel-types';
import { el, replaceChildren } from './dom';
import { createClient, type ScriptRunner } from './rpc';
import { actionButton, describeError, expectOk, newPanel, showStatus, statusArea, type Panel, type Section } from './panel';
import { ownUnitsView } from './sections/own-units';
import { roundSection } from './sections/round';
import { sendSection } from './sections/send';
import { settingsSection } from './sections/settings';
import { summarySection } from './sections/summary';
import { unitsSection } from './sections/units';

declare const google: { script: { run: ScriptRunner } };

const call = createClient(() => google.script.run);
const app = document.getElementById('app') as HTMLElement;

interface Built {
  panel: Panel;
  view: SidebarState['view'];
  user: HTMLElement;
  update(state: SidebarState): void;
}

let built: Built | null = null;

/** The header every view shares: the name, who is signed in, reload, and the status of reload. */
function header(panel: Panel): { root: HTMLElement; user: HTMLElement } {
  const user = el('p', { className: 'muted' });
  const area = statusArea();
  const reload = actionButton(panel, panel.tr('panel.reload'), area, () => panel.refresh(), 'secondary');
  return { root: el('header', {}, el('h1', {}, 'Pendamping'), user, reload, area), user };
}

/** The admin's sections in `panel.lang`; sections the user had open stay open (a language change rebuilds). */
function buildAdmin(panel: Panel): Built {
  const open = new Set(Array.from(app.querySelectorAll('details[open]'), (d) => d.id));
  const top = header(panel);
  const sections: Section[] = [summarySection(panel), unitsSection(panel), sendSection(panel), roundSection(panel), settingsSection(panel)];
  replaceChildren(app, top.root, ...sections.map((s) => s.root));
  if (open.size > 0) app.querySelectorAll('details[id]').forEach((d) => ((d as HTMLDetailsElement).open = open.has(d.id)));
  return { panel, view: 'admin', user: top.user, update: (state) => sections.forEach((s) => s.update(state as PanelState)) };
}

/** A PIC's or an assessor's view: their own units and nothing else. */
function buildOwn(panel: Panel): Built {
  const top = header(panel);
  const own = ownUnitsView(panel);
  replaceChildren(app, top.root, own.root);
  return { panel, view: 'unit', user: top.user, update: (state) => own.update(state as UnitPanelState) };
}

async function refresh(): Promise<void> {
  const state: SidebarState = expectOk(await call('getPanelState'));
  if (!built || built.panel.lang !== state.lang || built.view !== state.view) {
    const panel = newPanel(call, state.lang, refresh);
    document.documentElement.lang = panel.lang;
    built = state.view === 'admin' ? buildAdmin(panel) : buildOwn(panel);
  }
  built.user.textContent = built.panel.tr(state.view === 'admin' ? 'panel.user.admin' : 'panel.user', { email: state.user });
  built.update(state);
}

const bootPanel = newPanel(call, 'id', refresh);

async function start(): Promise<void> {
  const panel = bootPanel;
  try {
    await refresh();
  } catch (error) {
    const area = statusArea();
    const retry = actionButton(panel, panel.tr('panel.reload'), area, () => start());
    replaceChildren(app, el('h1', {}, 'Pendamping'), area, retry);
    const problem = describeError(panel, error);
    showStatus(area, 'error', problem.message, problem.details);
  }
}

replaceChildren(app, el('h1', {}, 'Pendamping'), el('p', { attrs: { role: 'status' } }, bootPanel.tr('panel.loading')));
void start();
