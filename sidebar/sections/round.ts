// Putaran: the active round, closing it and starting the next (with a deliberate confirmation,
// and a second one for a round that holds no answer), undoing the last round, reminders to the units with overdue findings (now, in batches, and
// the hourly switch).
import { formatLongDate } from '../../src/domain/email';
import type { PanelState } from '../../src/ui/panel-types';
import { runBatches } from '../batches';
import { el, field, replaceChildren, uniqueId } from '../dom';
import { actionButton, expectOk, runAction, sectionShell, setLocked, statusArea, UserError, type Panel, type Section } from '../panel';

/** Reminders per sendRemindersBatch call (as Kirim's batches). */
const REMINDER_BATCH = 5;

export function roundSection(panel: Panel): Section {
  const { root, body } = sectionShell('putaran', panel.tr('panel.round.title'), false);
  const info = el('div');
  const area = statusArea();
  const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
  const deadline = el('input', { attrs: { type: 'date' } });
  const confirm = el('input', { attrs: { type: 'checkbox' } });
  // Shown only once the server said the round holds no answer: closing it anyway is a second, deliberate choice.
  const confirmEmpty = el('input', { attrs: { type: 'checkbox' } });
  const confirmEmptyLabel = el('label', { className: 'check' }, confirmEmpty, panel.tr('panel.round.confirmEmpty'));
  confirmEmptyLabel.hidden = true;
  const start = actionButton(panel, panel.tr('panel.round.start'), area, async () => {
    const label = name.value.trim();
    if (label === '') throw new UserError(panel.tr('panel.round.nameEmpty'));
    const answer = await panel.call('startNewRound', { name: label, deadline: deadline.value, force: confirmEmpty.checked });
    if (!answer.ok && 'emptyRound' in answer) confirmEmptyLabel.hidden = false;
    const result = expectOk(answer);
    name.value = '';
    confirm.checked = false;
    confirmEmpty.checked = false;
    confirmEmptyLabel.hidden = true;
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

  const reminderArea = statusArea();
  const overdueInfo = el('p');
  const remindProgress = el('p', { className: 'muted' });
  remindProgress.hidden = true;
  const remind = actionButton(panel, panel.tr('panel.round.remind'), reminderArea, async () => {
    remindProgress.hidden = false;
    remindProgress.textContent = '';
    const totals = await runBatches(
      async () => expectOk(await panel.call('sendRemindersBatch', { maxMessages: REMINDER_BATCH })),
      (done) => (remindProgress.textContent = panel.tr('panel.round.remindProgress', { done, total: overdueCount })),
    );
    remindProgress.hidden = true;
    await panel.refresh();
    const finished = panel.tr('round.reminder.sent', { ...totals });
    return totals.queued > 0 ? `${finished} ${panel.tr('panel.send.queued', { queued: totals.queued })}` : finished;
  });
  const autoHintId = uniqueId('hint');
  const auto = el('input', { attrs: { type: 'checkbox', 'aria-describedby': autoHintId } });
  auto.addEventListener('change', () => {
    const wanted = auto.checked;
    void runAction(panel, auto, reminderArea, async () => {
      try {
        const result = expectOk(await panel.call('setReminderTrigger', wanted));
        await panel.refresh();
        return result.message;
      } catch (error) {
        auto.checked = !wanted;
        throw error;
      }
    });
  });
  let overdueCount = 0;

  body.append(
    info,
    field(panel.tr('panel.round.name'), name),
    field(panel.tr('panel.round.nextDeadline'), deadline),
    confirmLabel,
    confirmEmptyLabel,
    el('div', { className: 'actions' }, start, undo),
    area,
    overdueInfo,
    el('div', { className: 'actions' }, remind),
    remindProgress,
    el('label', { className: 'check' }, auto, panel.tr('panel.round.auto')),
    el('p', { className: 'hint', attrs: { id: autoHintId } }, panel.tr('panel.round.autoHint')),
    reminderArea,
  );

  return {
    root,
    update(state: PanelState) {
      admin = state.ready;
      for (const control of [name, deadline, confirm, confirmEmpty, undo]) setLocked(control, !admin);
      setLocked(start, !admin || !confirm.checked);
      undo.hidden = state.closedRounds.length === 0;
      overdueCount = state.overdue.length;
      overdueInfo.textContent = overdueCount > 0 ? panel.tr('panel.round.overdue', { count: overdueCount }) : panel.tr('panel.round.overdueNone');
      setLocked(remind, !admin || overdueCount === 0);
      setLocked(auto, !admin);
      auto.checked = state.settings.pengingatOtomatis;
      const s = state.settings;
      replaceChildren(
        info,
        el('p', {}, s.putaran ? panel.tr('panel.round.current', { name: s.putaran }) : panel.tr('panel.round.none')),
        s.batasWaktu ? el('p', {}, panel.tr('panel.round.deadline', { date: formatLongDate(state.lang, s.batasWaktu) })) : null,
        state.closedRounds.length > 0 ? el('p', {}, panel.tr('panel.round.closed', { names: state.closedRounds.join(', ') })) : null,
      );
    },
  };
}
