// Ringkasan: the workbook-wide actions (set up, create/update unit tabs, refresh recap) first, so
// they stay in view in a short sidebar; then units per category and per stage, completion per
// unit (the least complete first, the rest folded), overdue units and what to do next.
import { formatLongDate } from '../../src/domain/email';
import type { PanelState, PanelUnit } from '../../src/ui/panel-types';
import { el, replaceChildren, uniqueId } from '../dom';
import { actionButton, expectOk, sectionShell, statusArea, type Panel, type Section } from '../panel';

const ZONE_CLASS: Record<string, string> = { hijau: 'zone-green', kuning: 'zone-yellow', merah: 'zone-red' };

export function summarySection(panel: Panel): Section {
  const { root, body } = sectionShell('ringkasan', panel.tr('panel.summary.title'), true);
  const area = statusArea();
  const content = el('div');
  const choice = profileChoice(panel);
  const setup = actionButton(panel, panel.tr('panel.summary.setup'), area, async () => {
    const result = expectOk(await panel.call('setupWorkbook', { profile: choice.selected() }));
    await panel.refresh();
    return result.message;
  });
  const generate = actionButton(panel, panel.tr('panel.summary.generate'), area, async () => {
    const result = expectOk(await panel.call('generateUnitTabs'));
    await panel.refresh();
    return result.message;
  });
  const recap = actionButton(panel, panel.tr('panel.summary.recap'), area, async () => {
    const result = expectOk(await panel.call('refreshRecap'));
    await panel.refresh();
    return result.message;
  });
  const actions = el('div', { className: 'actions' });
  body.append(actions, area, content);

  return {
    root,
    update(state: PanelState) {
      replaceChildren(actions, state.ready ? null : setup, state.ready ? generate : null, state.ready ? recap : null);
      if (!state.ready) {
        choice.update(state);
        replaceChildren(content, el('p', {}, panel.tr('panel.summary.notReady')), choice.root, nextSteps(panel, state));
        return;
      }
      replaceChildren(content, categories(panel, state), stages(panel, state), completion(panel, state), overdue(panel, state), nextSteps(panel, state));
    },
  };
}

/** The profile a new workbook is set up from: one radio per profile, with its one-line summary and legal basis. */
function profileChoice(panel: Panel): { root: HTMLElement; update(state: PanelState): void; selected(): string } {
  const name = uniqueId('profil');
  const options = el('div');
  const root = el('fieldset', { className: 'profiles' }, el('legend', {}, panel.tr('panel.settings.profile')), options);
  let chosen = '';
  return {
    root,
    update(state: PanelState) {
      chosen = state.profiles.some((p) => p.id === chosen) ? chosen : state.settings.profil;
      const items = state.profiles.map((p) => {
        const radio = el('input', { attrs: { type: 'radio', name, value: p.id, id: uniqueId('profil') }, on: { change: () => (chosen = p.id) } });
        radio.checked = p.id === chosen;
        const hintId = uniqueId('hint');
        radio.setAttribute('aria-describedby', hintId);
        return el('div', { className: 'field' }, radio, el('label', { attrs: { for: radio.id } }, `${p.name} (${p.id})`), el('p', { className: 'hint', attrs: { id: hintId } }, p.summary));
      });
      replaceChildren(options, ...items);
    },
    selected: () => chosen,
  };
}

function categories(panel: Panel, state: PanelState): HTMLElement {
  const items = state.categories.map((c) =>
    el(
      'li',
      {},
      el('span', { className: `swatch ${ZONE_CLASS[c.zone.toLowerCase()] ?? ''}`, attrs: { 'aria-hidden': 'true' } }),
      panel.tr('panel.summary.categoryCount', { name: c.label, count: c.count }),
    ),
  );
  if (state.unscored > 0) {
    items.push(el('li', {}, el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      panel.tr('panel.summary.categoryCount', { name: panel.tr('panel.summary.noScore'), count: state.unscored })));
  }
  return el('div', {}, el('h3', {}, panel.tr('panel.summary.categories')), el('ul', { className: 'plain' }, ...items));
}

function stages(panel: Panel, state: PanelState): HTMLElement {
  const items = state.stages.map((s) => el('li', {}, panel.tr('panel.summary.categoryCount', { name: s.stage, count: s.count })));
  return el('div', {}, el('h3', {}, panel.tr('panel.summary.stages')), el('ul', { className: 'plain' }, ...items));
}

/** Incomplete units shown before the list folds: enough to act on, few enough to keep the sidebar short. */
const COMPLETION_SHOWN = 5;

function completionRow(panel: Panel, u: PanelUnit): HTMLElement {
  const label = `${u.kode} — ${u.nama}`;
  const meter = el('progress', { attrs: { max: '100', 'aria-label': panel.tr('panel.summary.completionOf', { unit: label }) } });
  if (u.completion !== null) meter.value = u.completion;
  const percent = u.completion === null ? panel.tr('panel.summary.completionNone') : `${Math.round(u.completion)}%`;
  return el('li', { className: 'completion' }, el('span', { className: 'unit-name' }, label), meter, el('span', { className: 'percent' }, percent));
}

/** Completion per unit: the least complete first; only the first few incomplete ones are open, the rest fold. */
function completion(panel: Panel, state: PanelState): HTMLElement | null {
  const units = state.units.filter((u) => u.tab !== '');
  if (units.length === 0) return null;
  const sorted = [...units].sort((a, b) => (a.completion ?? -1) - (b.completion ?? -1));
  const shown = sorted.slice(0, COMPLETION_SHOWN).filter((u) => (u.completion ?? 0) < 100);
  const folded = sorted.slice(shown.length);
  return el(
    'div',
    {},
    el('h3', {}, panel.tr('panel.summary.completion')),
    shown.length > 0 ? el('ul', { className: 'plain' }, ...shown.map((u) => completionRow(panel, u))) : null,
    folded.length > 0
      ? el(
          'details',
          { className: 'fold' },
          el('summary', {}, panel.tr('panel.summary.completionMore', { count: folded.length })),
          el('ul', { className: 'plain' }, ...folded.map((u) => completionRow(panel, u))),
        )
      : null,
  );
}

function overdue(panel: Panel, state: PanelState): HTMLElement | null {
  if (state.overdue.length === 0) return null;
  return el(
    'div',
    { className: 'overdue' },
    el('h3', {}, panel.tr('panel.summary.overdue', { date: formatLongDate(state.lang, state.settings.batasWaktu) })),
    el('ul', {}, ...state.overdue.map((o) => el('li', {}, panel.tr('panel.summary.overdueItem', { unit: `${o.kode} — ${o.nama}`, count: o.findings })))),
  );
}

function nextSteps(panel: Panel, state: PanelState): HTMLElement | null {
  if (state.nextSteps.length === 0) return null;
  return el('div', {}, el('h3', {}, panel.tr('panel.summary.next')), el('ul', {}, ...state.nextSteps.map((s) => el('li', {}, s))));
}
