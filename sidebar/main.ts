// Sidebar entry point: reads the panel state, builds the five sections in the workbook's
// language, and updates them after every action. Text is always inserted with textContent.
import type { PanelState } from '../src/ui/panel-types';
import { el, replaceChildren } from './dom';
import { createClient, type ScriptRunner } from './rpc';
import { actionButton, describeError, expectOk, newPanel, showStatus, statusArea, type Panel, type Section } from './panel';
import { roundSection } from './sections/round';
import { sendSection } from './sections/send';
import { settingsSection } from './sections/settings';
import { summarySection } from './sections/summary';
import { unitsSection } from './sections/units';

declare const google: { script: { run: ScriptRunner } };

const call = createClient(() => google.script.run);
const app = document.getElementById('app') as HTMLElement;

let built: { panel: Panel; sections: Section[]; user: HTMLElement } | null = null;

/** Builds the panel in `panel.lang`; sections the user had open stay open (a language change rebuilds). */
function build(panel: Panel): { sections: Section[]; user: HTMLElement } {
  const open = new Set(Array.from(app.querySelectorAll('details[open]'), (d) => d.id));
  document.documentElement.lang = panel.lang;
  const user = el('p', { className: 'muted' });
  const area = statusArea();
  const reload = actionButton(panel, panel.tr('panel.reload'), area, () => panel.refresh(), 'secondary');
  const sections = [summarySection(panel), unitsSection(panel), sendSection(panel), roundSection(panel), settingsSection(panel)];
  replaceChildren(app, el('header', {}, el('h1', {}, 'Pendamping'), user, reload, area), ...sections.map((s) => s.root));
  if (open.size > 0) app.querySelectorAll('details').forEach((d) => (d.open = open.has(d.id)));
  return { sections, user };
}

async function refresh(): Promise<void> {
  const state: PanelState = expectOk(await call('getPanelState'));
  if (!built || built.panel.lang !== state.lang) {
    const panel = newPanel(call, state.lang, refresh);
    built = { panel, ...build(panel) };
  }
  built.user.textContent = built.panel.tr(state.isAdmin ? 'panel.user.admin' : 'panel.user', { email: state.user });
  for (const section of built.sections) section.update(state);
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
