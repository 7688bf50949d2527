// SpreadsheetApp.getUi(): menus, alerts, prompts and the sidebar. Everything shown is recorded in
// a UiRecorder the runtime reads; alerts and prompts are answered from its queue (scripted by the
// runtime or a test). Without a UI (a CLI run, a trigger) or without a queued answer, the Ui
// throws as Apps Script does in a context with no user interface.
import { loud, notImplemented } from '../loud';

export interface MenuItem {
  caption?: string;
  functionName?: string;
  separator?: boolean;
}

export interface RecordedMenu {
  title: string;
  addon: boolean;
  items: MenuItem[];
}

export type UiEvent =
  | { kind: 'alert'; title?: string; prompt: string; buttons: string; answer: string }
  | { kind: 'prompt'; title?: string; prompt: string; buttons: string; answer: string; text: string }
  | { kind: 'sidebar'; title?: string; html: string };

/** Apps Script enums: each value is a distinct object whose toString() is its name, compared by identity. */
function makeEnum<K extends string>(keys: readonly K[]): Record<K, { toString(): string }> {
  const out = {} as Record<K, { toString(): string }>;
  for (const k of keys) out[k] = Object.freeze({ toString: () => k, toJSON: () => k });
  return Object.freeze(out);
}
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
type EnumValue = (typeof Button)[keyof typeof Button];

/** A scripted answer: the button pressed ('OK', 'YES', 'NO', 'CANCEL', 'CLOSE') and, for a prompt, the text typed. */
export interface UiAnswer {
  button: keyof typeof Button;
  text?: string;
}

/** Apps Script's error when a script asks for a UI it does not have. */
export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  readonly events: UiEvent[] = [];
  readonly answers: UiAnswer[] = [];

  /**
   * `available` = the execution has a user looking at the spreadsheet (a menu click, the
   * workbench); `addonName` = the add-on's name, which its menu under Extensions bears (a script
   * bound to the file: the script project's name, Pendamping as the README creates it).
   */
  constructor(
    public available = true,
    readonly addonName = 'Pendamping',
  ) {}

  answer(...answers: UiAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }
}

/** HtmlOutput as the runtime's HtmlService builds it: only what the Ui reads. */
interface HtmlLike {
  getContent(): string;
  getTitle(): string;
}

export interface UiHooks {
  record(method: string): void;
  error(message: string): Error;
}

class MenuBuilder {
  readonly menu: RecordedMenu;
  constructor(
    private readonly recorder: UiRecorder,
    title: string,
    addon: boolean,
  ) {
    this.menu = { title, addon, items: [] };
    return loud(this, 'Menu');
  }
  addItem(caption: string, functionName: string): this {
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.menu.items.push({ separator: true });
    return this;
  }
  addToUi(): void {
    const at = this.recorder.menus.findIndex((m) => m.title === this.menu.title && m.addon === this.menu.addon);
    if (at >= 0) this.recorder.menus.splice(at, 1, this.menu);
    else this.recorder.menus.push(this.menu);
  }
}

class PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: EnumValue,
  ) {
    return loud(this, 'PromptResponse');
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): EnumValue {
    return this.button;
  }
}

export class LocalUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly recorder: UiRecorder,
    private readonly hooks: UiHooks,
  ) {
    return loud(this, 'Ui');
  }

  /**
   * A sub-menu of the editor's Extensions menu, named after the add-on (or, for a script bound to
   * the file, the script): https://developers.google.com/apps-script/reference/base/ui#createaddonmenu
   */
  createAddonMenu(): MenuBuilder {
    return new MenuBuilder(this.recorder, this.recorder.addonName, true);
  }

  alert(...args: unknown[]): EnumValue {
    this.hooks.record('alert');
    const [title, prompt, buttons] = splitDialogArgs(args);
    const answer = this.nextAnswer();
    this.recorder.events.push({ kind: 'alert', ...(title !== undefined ? { title } : {}), prompt, buttons: String(buttons), answer: answer.button });
    return Button[answer.button];
  }

  prompt(...args: unknown[]): PromptResponse {
    this.hooks.record('prompt');
    const [title, prompt, buttons] = splitDialogArgs(args);
    const answer = this.nextAnswer();
    const text = answer.text ?? '';
    this.recorder.events.push({ kind: 'prompt', ...(title !== undefined ? { title } : {}), prompt, buttons: String(buttons), answer: answer.button, text });
    return new PromptResponse(text, Button[answer.button]);
  }

  showSidebar(html: HtmlLike): void {
    this.hooks.record('showSidebar');
    if (!this.recorder.available) throw this.hooks.error(NO_UI_MESSAGE);
    this.recorder.events.push({ kind: 'sidebar', title: html.getTitle(), html: html.getContent() });
  }

  private nextAnswer(): UiAnswer {
    const answer = this.recorder.available ? this.recorder.answers.shift() : undefined;
    if (!answer) throw this.hooks.error(NO_UI_MESSAGE);
    return answer;
  }
}

/** alert(prompt) | alert(title, prompt, buttons), the forms the add-on calls; prompt() likewise. */
function splitDialogArgs(args: unknown[]): [string | undefined, string, EnumValue] {
  if (args.length >= 3) return [String(args[0]), String(args[1]), args[2] as EnumValue];
  if (args.length === 1) return [undefined, String(args[0]), ButtonSet.OK];
  throw notImplemented(`Ui dialog with ${args.length} arguments`);
}
