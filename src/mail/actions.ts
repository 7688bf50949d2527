// The programmatic actions of "Kirim temuan" (sidebar, CLI) and its menu handler. Each runs as
// an admin under the document lock, so two sends started at once run one after the other and
// the second sees what the first logged.
import { t } from '../domain/i18n';
import type { Failure } from '../sheets/context';
import { withAdminLock } from '../ui/actions';
import {
  previewIn,
  sendBatchIn,
  sendTestIn,
  type PreviewOptions,
  type PreviewResult,
  type SendFailure,
  type SendOptions,
  type SendResult,
  type TestSendResult,
} from './batch';
import { FINDINGS } from './findings';
import { MAIL_READ } from './prepare';

/** Plain options from google.script.run or the CLI: unknown fields and wrong types are ignored. */
export function cleanOptions(opts: unknown): SendOptions {
  const o = (opts !== null && typeof opts === 'object' ? opts : {}) as Record<string, unknown>;
  const codes = (value: unknown) => (Array.isArray(value) ? value.map((k) => String(k)) : typeof value === 'string' ? value.split(',') : undefined);
  const only = codes(o.only);
  const resend = codes(o.resend);
  return {
    ...(only !== undefined && { only }),
    ...(resend !== undefined && { resend }),
    ...(o.force === true && { force: true }),
    ...(o.dryRun === true && { dryRun: true }),
    ...(o.includeUnverified === true && { includeUnverified: true }),
    ...(typeof o.maxMessages === 'number' && { maxMessages: o.maxMessages }),
  };
}

/** The preview: number of messages and recipients, today's remaining quota, one rendered sample. */
export function previewFindings(opts?: PreviewOptions): PreviewResult | Failure {
  const clean = cleanOptions(opts);
  return withAdminLock((ctx, programme) => previewIn(ctx, programme, FINDINGS, clean), MAIL_READ);
}

/**
 * One batch of "Kirim temuan": call again while `done` is false. With `dryRun` nothing is sent
 * or logged and the result carries the preview.
 */
export function sendFindingsBatch(opts?: SendOptions): SendResult | SendFailure | Failure {
  const startedAt = Date.now();
  const clean = cleanOptions(opts);
  // withAdminLock types failures as Failure; a stopped send keeps its counts (SendFailure).
  return withAdminLock<SendResult>((ctx, programme) => sendBatchIn(ctx, programme, FINDINGS, clean, startedAt), MAIL_READ) as SendResult | SendFailure | Failure;
}

/** Sends one sample message to the acting user only. */
export function sendTestFindings(): TestSendResult | Failure {
  return withAdminLock((ctx, programme) => sendTestIn(ctx, programme, FINDINGS), MAIL_READ);
}

function failureText(result: Failure): string {
  return [result.error, ...(result.problems ?? []).map((p) => `• ${p.message}`)].join('\n');
}

/** The menu's "Kirim temuan…": the preview as a question, then one batch and its report. */
export function menuSendFindings(): void {
  const ui = SpreadsheetApp.getUi();
  const preview = previewFindings();
  if (!preview.ok) {
    ui.alert(failureText(preview));
    return;
  }
  const { lang } = preview;
  const title = t(lang, 'mail.confirm.title');
  const notReady = preview.notReady.length > 0 ? ['', t(lang, 'mail.confirm.notReady'), ...preview.notReady.map((u) => `• ${u.kode}: ${u.reason}`)].join('\n') : '';
  // What the admin must know besides the counts: the units to check, and those left out and why.
  const notes = (preview.unknown > 0 ? ` ${t(lang, 'mail.report.unknown', { unknown: preview.unknown })}` : '') + notReady;
  if (preview.messages === 0 && preview.failed === 0) {
    ui.alert(title, t(lang, 'mail.confirm.nothing') + notes, ui.ButtonSet.OK);
    return;
  }
  const question = t(lang, 'mail.confirm.body', { messages: preview.messages, recipients: preview.recipients, quota: preview.remainingQuota }) + notes;
  if (ui.alert(title, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const result = sendFindingsBatch();
  ui.alert(title, result.ok ? result.message : failureText(result), ui.ButtonSet.OK);
}
