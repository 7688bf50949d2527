// The message catalogue: every user-facing string, in Bahasa Indonesia and English. Each area
// keeps its section in ./messages/; this file joins them into one catalogue per language.
// A section's English object is typed from its Indonesian one, so a missing key fails the build.
import * as core from './messages/core';
import * as domain from './messages/domain';
import * as input from './messages/input';
import * as mail from './messages/mail';
import * as methodology from './messages/methodology';
import * as report from './messages/report';
import * as rounds from './messages/rounds';
import * as sidebar from './messages/sidebar';
import * as ui from './messages/ui';

export type Lang = 'id' | 'en';

const id = { ...core.id, ...domain.id, ...ui.id, ...sidebar.id, ...mail.id, ...rounds.id, ...methodology.id, ...input.id, ...report.id };
type Catalogue = typeof id;
export type MessageKey = keyof Catalogue;
const en: Catalogue = { ...core.en, ...domain.en, ...ui.en, ...sidebar.en, ...mail.en, ...rounds.en, ...methodology.en, ...input.en, ...report.en };

const catalogues: Record<Lang, Catalogue> = { id, en };

/** Normalises a `bahasa` setting; anything unknown is Indonesian. */
export function toLang(value: unknown): Lang {
  return String(value ?? '').trim().toLowerCase() === 'en' ? 'en' : 'id';
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
