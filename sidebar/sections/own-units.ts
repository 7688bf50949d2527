// The sidebar of a PIC or an assessor: their own units only, each with its stage, completion,
// open findings and the one action of their role (PIC: submit; assessor: mark verified). Units
// with that action still to do come first; the others fold, so the first action stays in view.
import type { OwnUnit, UnitPanelState } from '../../src/ui/panel-types';
import { el, replaceChildren, uniqueId } from '../dom';
import { actionButton, expectOk, statusArea, tabFlags, type Panel } from '../panel';

export interface OwnUnitsView {
  root: HTMLElement;
  update(state: UnitPanelState): void;
}

/** A unit's card; its action reports in `area`, which outlives the card (a refresh rebuilds the cards). */
function unitCard(panel: Panel, u: OwnUnit, area: HTMLElement): HTMLElement {
  const label = `${u.kode} — ${u.nama}`;
  const meter = el('progress', { attrs: { max: '100', 'aria-label': panel.tr('panel.unit.completionOf', { unit: label }) } });
  if (u.completion !== null) meter.value = u.completion;
  const percent = u.completion === null ? panel.tr('panel.summary.completionNone') : `${Math.round(u.completion)}%`;
  const pic = u.role === 'pic';
  let action: HTMLElement;
  if (!u.actionable) action = el('p', { className: 'muted' }, panel.tr('panel.unit.noStatusCell'));
  else if (u.done) action = el('p', { className: 'unit-status ok' }, panel.tr(pic ? 'panel.unit.doneSubmitted' : 'panel.unit.doneVerified'));
  else {
    const hintId = uniqueId('hint');
    const button = actionButton(panel, panel.tr(pic ? 'panel.unit.submit' : 'panel.unit.verify'), area, async () => {
      const result = expectOk(await panel.call(pic ? 'submitUnit' : 'verifyUnit', u.kode));
      await panel.refresh();
      return result.message;
    });
    button.setAttribute('aria-label', panel.tr(pic ? 'panel.unit.submitOf' : 'panel.unit.verifyOf', { unit: label }));
    button.setAttribute('aria-describedby', hintId);
    action = el('div', {}, el('div', { className: 'actions' }, button), el('p', { className: 'hint', attrs: { id: hintId } }, panel.tr(pic ? 'panel.unit.submitHint' : 'panel.unit.verifyHint')));
  }
  return el(
    'li',
    { className: 'own-unit' },
    el('h3', {}, label),
    el('p', { className: 'muted' }, panel.tr(pic ? 'panel.unit.role.pic' : 'panel.unit.role.asesor')),
    el('p', {}, u.stage !== '' ? panel.tr('panel.unit.stage', { stage: u.stage }) : panel.tr('panel.unit.stageNone')),
    el('div', { className: 'completion' }, el('span', {}, panel.tr('panel.unit.completion')), meter, el('span', { className: 'percent' }, percent)),
    u.openFindings !== null ? el('p', {}, panel.tr('panel.unit.findings', { count: u.openFindings })) : null,
    tabFlags(panel, u.flags),
    action,
    u.link ? el('a', { attrs: { href: u.link, target: '_top', 'aria-label': panel.tr('panel.units.openTabOf', { unit: label }) } }, panel.tr('panel.units.openTab')) : null,
  );
}

export function ownUnitsView(panel: Panel): OwnUnitsView {
  const root = el('section', { attrs: { 'aria-label': panel.tr('panel.unit.title') } });
  const heading = el('div');
  const area = statusArea();
  const list = el('div');
  root.append(heading, area, list);
  return {
    root,
    update(state: UnitPanelState) {
      const toDo = state.units.filter((u) => u.actionable && !u.done);
      const rest = state.units.filter((u) => !(u.actionable && !u.done));
      // When nothing is left to do, every unit is shown: there is no action to keep in view.
      const open = toDo.length > 0 ? toDo : rest;
      const folded = toDo.length > 0 ? rest : [];
      replaceChildren(
        heading,
        el('h2', {}, panel.tr('panel.unit.title')),
        state.round ? el('p', {}, panel.tr('panel.unit.round', { name: state.round })) : null,
        state.deadline ? el('p', {}, panel.tr('panel.round.deadline', { date: state.deadline })) : null,
      );
      replaceChildren(
        list,
        state.units.length === 0 ? el('p', {}, panel.tr('panel.unit.none', { email: state.user || panel.tr('core.unknownUser') })) : null,
        open.length > 0 ? el('ul', { className: 'plain' }, ...open.map((u) => unitCard(panel, u, area))) : null,
        folded.length > 0
          ? el(
              'details',
              { className: 'fold' },
              el('summary', {}, panel.tr('panel.unit.more', { count: folded.length })),
              el('ul', { className: 'plain' }, ...folded.map((u) => unitCard(panel, u, area))),
            )
          : null,
      );
    },
  };
}
