// Kirim: preview the findings emails (counts, today's quota, one sample), optionally sending
// again what is unchanged since the last send (a checkbox), a test email to oneself, and sending in batches (each batch is one short server execution) with a progress
// bar, then the ledger summary. The Log Email ledger makes a repeated batch harmless. Units
// whose last send has an unknown outcome are listed apart, each with a "Kirim ulang" box: only
// the admin decides to send them again.
import { formatLongDate } from '../../src/domain/email';
import type { Lang } from '../../src/domain/i18n';
import type { PanelState } from '../../src/ui/panel-types';
import { runBatches } from '../batches';
import { el, replaceChildren, uniqueId } from '../dom';
import { actionButton, expectOk, sectionShell, setLocked, statusArea, type Panel, type Section } from '../panel';

/** A 'yyyy-mm-dd HH:mm' time with its date as the emails write it ("1 Agustus 2024 10:15"). */
function dateTime(lang: Lang, at: string): string {
  const [day, time = ''] = at.split(' ');
  return `${formatLongDate(lang, day)} ${time}`.trim();
}

/** Messages per sendFindingsBatch call: small enough for the bar to move, large enough to be quick. */
export const SEND_BATCH = 5;

export function sendSection(panel: Panel): Section {
  const { root, body } = sectionShell('kirim', panel.tr('panel.send.title'), false);
  const area = statusArea();
  const preview = el('div');
  const ledger = el('div');
  const progressLabelId = uniqueId('progress');
  const progress = el('progress', { className: 'send', attrs: { max: '1', 'aria-labelledby': progressLabelId } });
  progress.value = 0;
  const progressText = el('span', { attrs: { id: progressLabelId } }, panel.tr('panel.send.progress'));
  const progressBox = el('div', {}, progressText, progress);
  progressBox.hidden = true;
  const confirm = el('input', { attrs: { type: 'checkbox' } });
  /** The explicit choice to also send to submitted units not verified yet (marked provisional). */
  const includeUnverified = el('input', { attrs: { type: 'checkbox' } });
  // Send again the units whose message is the same as their last one this round (the preview shows them as skipped).
  const force = el('input', { attrs: { type: 'checkbox' } });
  const choice = () => ({ ...(includeUnverified.checked && { includeUnverified: true }), ...(force.checked && { force: true }) });
  let admin = false;
  /** Messages the last preview said can go out today; 0 = nothing to send, or no preview yet. */
  let sendable = 0;
  let names = new Map<string, string>();
  /** The "Kirim ulang" boxes of the last preview, by Kode. */
  let resendBoxes: { kode: string; box: HTMLInputElement }[] = [];
  const resend = () => resendBoxes.filter((r) => r.box.checked).map((r) => r.kode);
  const lockSend = (): void => setLocked(send, !admin || (sendable === 0 && resend().length === 0) || !confirm.checked);
  const unitLabel = (kode: string) => (names.has(kode) ? `${kode} — ${names.get(kode)}` : kode);

  const showPreview = actionButton(panel, panel.tr('panel.send.preview'), area, async () => {
    const result = expectOk(await panel.call('previewFindings', choice()));
    sendable = result.messages - result.queued;
    const notes = result.results.filter((r) => r.reason !== undefined && r.status !== 'PERIKSA').map((r) => el('li', {}, `${unitLabel(r.kode)}: ${r.reason}`));
    const unknown = result.results.filter((r) => r.status === 'PERIKSA');
    resendBoxes = unknown.map((r) => ({ kode: r.kode, box: el('input', { attrs: { type: 'checkbox' }, on: { change: lockSend } }) }));
    const sample = result.sample;
    replaceChildren(
      preview,
      el('p', {}, result.messages > 0 ? panel.tr('panel.send.previewCount', { messages: result.messages, recipients: result.recipients }) : panel.tr('panel.send.previewEmpty')),
      el('p', {}, panel.tr('panel.send.quota', { count: result.remainingQuota })),
      result.queued > 0 ? el('p', {}, panel.tr('panel.send.previewQueued', { queued: result.queued })) : null,
      notes.length > 0 ? el('ul', {}, ...notes) : null,
      result.notReady.length > 0
        ? el('div', {}, el('p', {}, panel.tr('panel.send.notReady', { count: result.notReady.length })), el('ul', {}, ...result.notReady.map((r) => el('li', {}, `${unitLabel(r.kode)}: ${r.reason}`))))
        : null,
      unknown.length > 0
        ? el(
            'fieldset',
            { className: 'unknown' },
            el('legend', {}, panel.tr('panel.send.unknownTitle', { count: unknown.length })),
            el('p', { className: 'muted' }, panel.tr('panel.send.unknownHelp')),
            ...unknown.map((r, i) =>
              el(
                'div',
                {},
                el('label', { className: 'check' }, resendBoxes[i].box, panel.tr('panel.send.resend', { unit: unitLabel(r.kode) })),
                el('p', { className: 'muted' }, r.reason ?? ''),
              ),
            ),
          )
        : null,
      sample
        ? el(
            'div',
            { className: 'sample' },
            el('h3', {}, panel.tr('panel.send.sample', { unit: unitLabel(sample.kode) })),
            el('p', {}, panel.tr('panel.send.sampleTo', { to: [...sample.to, ...sample.cc].join(', ') })),
            el('p', {}, panel.tr('panel.send.sampleSubject', { subject: sample.subject })),
            el('pre', { attrs: { tabindex: '0', 'aria-label': panel.tr('panel.send.sampleBody') } }, sample.text),
          )
        : null,
    );
    lockSend();
  }, 'secondary');

  const test = actionButton(panel, panel.tr('panel.send.test'), area, async () => expectOk(await panel.call('sendTestFindings')).message, 'secondary');

  const send = actionButton(panel, panel.tr('panel.send.send'), area, async () => {
    progressBox.hidden = false;
    progress.max = Math.max(1, sendable);
    progress.value = 0;
    const chosen = resend();
    const totals = await runBatches(
      async () => expectOk(await panel.call('sendFindingsBatch', { maxMessages: SEND_BATCH, ...choice(), ...(chosen.length > 0 && { resend: chosen }) })),
      (done) => {
        progress.max = Math.max(progress.max, done);
        progress.value = done;
        progressText.textContent = panel.tr('panel.send.progressText', { done, total: progress.max });
      },
    );
    confirm.checked = false;
    force.checked = false;
    sendable = 0;
    resendBoxes = [];
    replaceChildren(preview);
    await panel.refresh();
    const lines = [panel.tr('panel.send.finished', { ...totals })];
    if (totals.queued > 0) lines.push(panel.tr('panel.send.queued', { queued: totals.queued }));
    if (totals.unknown > 0) lines.push(panel.tr('panel.send.unknownLeft', { unknown: totals.unknown }));
    return lines.join(' ');
  });
  confirm.addEventListener('change', lockSend);
  // What goes out changes with either choice: the preview must be seen again before sending.
  const previewAgain = () => {
    sendable = 0;
    resendBoxes = [];
    replaceChildren(preview);
    lockSend();
  };
  includeUnverified.addEventListener('change', previewAgain);
  force.addEventListener('change', previewAgain);
  body.append(
    el('label', { className: 'check' }, includeUnverified, panel.tr('panel.send.includeUnverified')),
    el('label', { className: 'check' }, force, panel.tr('panel.send.force')),
    el('div', { className: 'actions' }, showPreview, test),
    preview,
    el('label', { className: 'check' }, confirm, panel.tr('panel.send.confirm')),
    el('div', { className: 'actions' }, send),
    progressBox,
    area,
    ledger,
  );

  return {
    root,
    update(state: PanelState) {
      admin = state.ready;
      names = new Map(state.units.map((u) => [u.kode, u.nama]));
      for (const control of [showPreview, test, confirm, includeUnverified, force]) setLocked(control, !admin);
      lockSend();
      const l = state.ledger;
      replaceChildren(
        ledger,
        el('h3', {}, panel.tr('panel.send.ledger', { sent: l.sent, failed: l.failed, skipped: l.skipped })),
        el('p', { className: 'muted' }, l.last ? panel.tr('panel.send.ledgerLast', { time: dateTime(state.lang, l.last) }) : panel.tr('panel.send.ledgerEmpty')),
      );
    },
  };
}
