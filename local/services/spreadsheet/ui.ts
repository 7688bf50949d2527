// SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. Everything shown is
// recorded in a UiRecorder the runtime reads; alerts and prompts are answered from its queue
// (scripted by the runtime or a test). Without a UI (a CLI run, a trigger) or without a queued
// answer, the Ui throws as Apps Script does in a context with no user interface.
import { Button, ButtonSet, type EnumValue } from './enums';
import { loud } from './loud';

export interface MenuItem {
  caption?: string;
  functionName?: string;
  separator?: boolean;
  subMenu?: RecordedMenu;
}

export interface RecordedMenu {
  title: string;
  addon: boolean;
  items: MenuItem[];
}

export type UiEvent =
  | { kind: 'alert'; title?: string; prompt: string; buttons: string; answer: string }
  | { kind: 'prompt'; title?: string; prompt: string; buttons: string; answer: string; text: string }
  | { kind: 'sidebar' | 'modal' | 'modeless'; title?: string; html: string }
  | { kind: 'toast'; message: string; title?: string; timeoutSeconds?: number };

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

  /** `available` = the execution has a user looking at the spreadsheet (a menu click, the workbench). */
  constructor(public available = true) {}

  answer(...answers: UiAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }
}

/** HtmlOutput as the runtime's HtmlService builds it: only what the Ui reads. */
interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
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
  }
  addItem(caption: string, functionName: string): this {
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.menu.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuBuilder): this {
    this.menu.items.push({ caption: menu.menu.title, subMenu: menu.menu });
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
  ) {}
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

  createMenu(caption: string): MenuBuilder {
    return new MenuBuilder(this.recorder, caption, false);
  }

  /** The add-on's menu under Extensions, named after the add-on. */
  createAddonMenu(): MenuBuilder {
    return new MenuBuilder(this.recorder, 'Add-on', true);
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
    this.show('sidebar', html);
  }

  showModalDialog(html: HtmlLike, title: string): void {
    this.show('modal', html, title);
  }

  showModelessDialog(html: HtmlLike, title: string): void {
    this.show('modeless', html, title);
  }

  private show(kind: 'sidebar' | 'modal' | 'modeless', html: HtmlLike, title?: string): void {
    this.hooks.record(kind === 'sidebar' ? 'showSidebar' : kind === 'modal' ? 'showModalDialog' : 'showModelessDialog');
    if (!this.recorder.available) throw this.hooks.error(NO_UI_MESSAGE);
    const shownTitle = title ?? html.getTitle?.();
    this.recorder.events.push({ kind, ...(shownTitle !== undefined ? { title: shownTitle } : {}), html: html.getContent() });
  }

  private nextAnswer(): UiAnswer {
    const answer = this.recorder.available ? this.recorder.answers.shift() : undefined;
    if (!answer) throw this.hooks.error(NO_UI_MESSAGE);
    return answer;
  }
}

/** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); prompt() likewise. */
function splitDialogArgs(args: unknown[]): [string | undefined, string, EnumValue] {
  if (args.length >= 3) return [String(args[0]), String(args[1]), args[2] as EnumValue];
  if (args.length === 2) {
    if (typeof args[1] === 'string') return [String(args[0]), args[1], ButtonSet.OK];
    return [undefined, String(args[0]), args[1] as EnumValue];
  }
  return [undefined, String(args[0]), ButtonSet.OK];
}
