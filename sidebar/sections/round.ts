// Putaran: the active round, closing it and starting the next (with a deliberate confirmation),
// and undoing the last round.
import type { PanelState } from '../../src/ui/panel-types';
import { el, field, replaceChildren } from '../dom';
import { actionButton, expectOk, sectionShell, setLocked, statusArea, UserError, type Panel, type Section } from '../panel';

export function roundSection(panel: Panel): Section {
  const { root, body } = sectionShell('putaran', panel.tr('panel.round.title'), false);
  const info = el('div');
  const area = statusArea();
  const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
  const deadline = el('input', { attrs: { type: 'date' } });
  const confirm = el('input', { attrs: { type: 'checkbox' } });
  const start = actionButton(panel, panel.tr('panel.round.start'), area, async () => {
    const label = name.value.trim();
    if (label === '') throw new UserError(panel.tr('panel.round.nameEmpty'));
    const result = expectOk(await panel.call('startNewRound', { name: label, deadline: deadline.value }));
    name.value = '';
    confirm.checked = false;
    await panel.refresh();
    return result.message;
  });
  const undo = actionButton(panel, panel.tr('panel.round.undo'), area, async () => {
    const result = expectOk(await panel.call('undoRound'));
    await panel.refresh();
    return result.message;
  }, 'secondary');
  let admin = false;
  confirm.addEventListener('change', () => setLocked(start, !admin || !confirm.checked));
  const confirmLabel = el('label', { className: 'check' }, confirm, panel.tr('panel.round.confirm'));
  body.append(
    info,
    field(panel.tr('panel.round.name'), name),
    field(panel.tr('panel.round.nextDeadline'), deadline),
    confirmLabel,
    el('div', { className: 'actions' }, start, undo),
    area,
  );

  return {
    root,
    update(state: PanelState) {
      admin = state.isAdmin && state.ready;
      for (const control of [name, deadline, confirm, undo]) setLocked(control, !admin);
      setLocked(start, !admin || !confirm.checked);
      undo.hidden = state.closedRounds.length === 0;
      const s = state.settings;
      replaceChildren(
        info,
        el('p', {}, s.putaran ? panel.tr('panel.round.current', { name: s.putaran }) : panel.tr('panel.round.none')),
        s.batasWaktu ? el('p', {}, panel.tr('panel.round.deadline', { date: s.batasWaktu })) : null,
        state.closedRounds.length > 0 ? el('p', {}, panel.tr('panel.round.closed', { names: state.closedRounds.join(', ') })) : null,
      );
    },
  };
}
