// Unit: every unit with its status, its stage and a link to its tab, and adding units by pasting rows
// copied from a spreadsheet or a CSV (validated by the server exactly as the Unit tab is).
import type { PanelState } from '../../src/ui/panel-types';
import { el, field, replaceChildren } from '../dom';
import { actionButton, expectOk, sectionShell, setLocked, statusArea, tabFlags, UserError, type Panel, type Section } from '../panel';
import { raporPicker } from '../rapor';

export function unitsSection(panel: Panel): Section {
  const { root, body } = sectionShell('unit', panel.tr('panel.units.title'), false);
  const list = el('div');
  const area = statusArea();
  const paste = el('textarea', { attrs: { rows: '5', spellcheck: 'false' } });
  const add = actionButton(panel, panel.tr('panel.units.add'), area, async () => {
    if (paste.value.trim() === '') throw new UserError(panel.tr('panel.units.pasteEmpty'));
    const result = expectOk(await panel.call('addUnits', paste.value));
    paste.value = '';
    await panel.refresh();
    return result.message;
  });
  const rapor = raporPicker(panel);
  body.append(list, rapor.root, field(panel.tr('panel.units.paste'), paste, panel.tr('panel.units.pasteHint')), el('div', { className: 'actions' }, add), area);

  return {
    root,
    update(state: PanelState) {
      rapor.update(state);
      setLocked(add, !state.ready);
      setLocked(paste, !state.ready);
      if (state.units.length === 0) {
        replaceChildren(list, el('p', {}, panel.tr('panel.units.empty')));
        return;
      }
      const items = state.units.map((u) => {
        const name = `${u.kode} — ${u.nama}`;
        const status = u.status === '' ? panel.tr('panel.units.statusPending') : u.status;
        return el(
          'li',
          { className: 'unit' },
          el('span', { className: 'unit-name' }, name),
          el('span', { className: u.statusOk ? 'unit-status ok' : 'unit-status problem' }, status),
          u.stage !== '' ? el('span', { className: 'unit-stage' }, panel.tr('panel.unit.stage', { stage: u.stage })) : null,
          u.link
            ? el('a', { attrs: { href: u.link, target: '_top', 'aria-label': panel.tr('panel.units.openTabOf', { unit: name }) } }, panel.tr('panel.units.openTab'))
            : el('span', { className: 'muted' }, panel.tr('panel.units.noTab')),
          tabFlags(panel, u.flags),
        );
      });
      replaceChildren(list, el('ul', { className: 'plain units', attrs: { 'aria-label': panel.tr('panel.units.list') } }, ...items));
    },
  };
}
