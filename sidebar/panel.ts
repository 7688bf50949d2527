// What every section of the sidebar shares: the typed server client, the language, the latest
// panel state, and one way to run a button's action (disabled while it runs, errors in words).
import { t, type Lang, type MessageKey } from '../src/domain/i18n';
import type { PanelState } from '../src/ui/panel-types';
import { el, replaceChildren } from './dom';
import type { Call } from './rpc';

export interface Panel {
  call: Call;
  lang: Lang;
  tr(key: MessageKey, params?: Record<string, string | number>): string;
  /** Reads the panel state again and updates every section. */
  refresh(): Promise<void>;
}

export interface Section {
  root: HTMLElement;
  update(state: PanelState): void;
}

/** A message for the user, with the problems that explain it (already in the user's language). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

interface Failure {
  ok: false;
  error: string;
  problems?: { message: string }[];
}

/** The successful result, or a UserError carrying the server's own words. */
export function expectOk<T extends { ok: boolean }>(result: T): Exclude<T, Failure> {
  if (result.ok) return result as Exclude<T, Failure>;
  const failure = result as unknown as Failure;
  throw new UserError(failure.error, (failure.problems ?? []).map((p) => p.message));
}

/** Plain words for a failed call: the server's message, a network problem, or anything else. */
export function describeError(panel: Pick<Panel, 'tr'>, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/network|failed to fetch|timed? ?out|connection/i.test(detail)) return new UserError(panel.tr('panel.error.network'));
  return new UserError(panel.tr('panel.error.server', { detail: detail.replace(/^(Exception|Error):\s*/, '') }));
}

/** A live region under a section's controls for results and errors. */
export function statusArea(): HTMLElement {
  return el('div', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
}

export function showStatus(area: HTMLElement, kind: 'ok' | 'error' | 'info', text: string, details: string[] = []): void {
  area.className = `status ${kind}`;
  replaceChildren(
    area,
    el('p', {}, text),
    details.length > 0 ? el('ul', {}, ...details.map((d) => el('li', {}, d))) : null,
  );
}

export function clearStatus(area: HTMLElement): void {
  area.className = 'status';
  replaceChildren(area);
}

/**
 * Runs `work` for `button`: the button is disabled (and marked busy) until the call ends, so a
 * double click cannot submit twice; the outcome is written to `area`.
 */
export async function runAction(
  panel: Pick<Panel, 'tr'>,
  button: HTMLButtonElement | HTMLInputElement,
  area: HTMLElement,
  work: () => Promise<string | void>,
): Promise<void> {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  showStatus(area, 'info', panel.tr('panel.busy'));
  try {
    const message = await work();
    if (message) showStatus(area, 'ok', message);
    else clearStatus(area);
  } catch (error) {
    const problem = describeError(panel, error);
    showStatus(area, 'error', problem.message, problem.details);
  } finally {
    button.disabled = button.dataset.locked === 'true';
    button.removeAttribute('aria-busy');
  }
}

/** Locks a control that the user may not use (e.g. an admin action for a non-admin), or unlocks it. */
export function setLocked(control: HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, locked: boolean): void {
  control.dataset.locked = String(locked);
  if (control.getAttribute('aria-busy') !== 'true') control.disabled = locked;
}

/** A button that runs `work` through runAction. */
export function actionButton(
  panel: Pick<Panel, 'tr'>,
  label: string,
  area: HTMLElement,
  work: () => Promise<string | void>,
  className = '',
): HTMLButtonElement {
  const button = el('button', { className, attrs: { type: 'button' } }, label);
  button.addEventListener('click', () => void runAction(panel, button, area, work));
  return button;
}

export function newPanel(call: Call, lang: Lang, refresh: () => Promise<void>): Panel {
  return { call, lang, refresh, tr: (key, params) => t(lang, key, params) };
}

/** A collapsible section with a heading; the body is filled by the section. */
export function sectionShell(id: string, title: string, open: boolean): { root: HTMLElement; body: HTMLElement } {
  const body = el('div', { className: 'section-body' });
  const details = el('details', { attrs: { id } }, el('summary', {}, el('h2', {}, title)), body);
  details.open = open;
  return { root: el('section', { attrs: { 'aria-label': title } }, details), body };
}

/** What a unit's tab holds that cannot be scored, each line naming its cell and the fix (text only); null when nothing. */
export function tabFlags(panel: Pick<Panel, 'tr'>, flags: readonly string[]): HTMLElement | null {
  if (flags.length === 0) return null;
  return el('div', { className: 'tab-flags', attrs: { role: 'note' } }, el('p', {}, panel.tr('panel.units.flags', { count: flags.length })), el('ul', {}, ...flags.map((f) => el('li', {}, f))));
}
