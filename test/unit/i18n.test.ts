import { t, toLang, type MessageKey } from '../../src/domain/i18n';
import * as core from '../../src/domain/messages/core';
import * as domain from '../../src/domain/messages/domain';
import * as mail from '../../src/domain/messages/mail';
import * as methodology from '../../src/domain/messages/methodology';
import * as rounds from '../../src/domain/messages/rounds';
import * as sidebar from '../../src/domain/messages/sidebar';
import * as ui from '../../src/domain/messages/ui';

const SECTIONS = { core, domain, mail, methodology, rounds, sidebar, ui };
const KEYS = Object.values(SECTIONS).flatMap((section) => Object.keys(section.id)) as MessageKey[];

/** The `{name}` placeholders of a message, each once, sorted. */
function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

test('messages exist in both languages and fill placeholders', () => {
  expect(KEYS.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const key of KEYS) {
    const raw = { id: t('id', key), en: t('en', key) };
    if (raw.id.trim() === '' || raw.en.trim() === '') problems.push(`${key}: empty`);
    const names = placeholdersOf(raw.id);
    if (names.join() !== placeholdersOf(raw.en).join()) problems.push(`${key}: {${names.join('}, {')}} in id, {${placeholdersOf(raw.en).join('}, {')}} in en`);
    const params = Object.fromEntries(names.map((name, i) => [name, `«${name}${i}»`]));
    for (const lang of ['id', 'en'] as const) {
      const filled = t(lang, key, params);
      const left = placeholdersOf(filled);
      if (left.length > 0) problems.push(`${key} (${lang}): {${left.join('}, {')}} left unfilled`);
      for (const [name, value] of Object.entries(params)) if (!filled.includes(value)) problems.push(`${key} (${lang}): {${name}} not filled`);
    }
  }
  expect(problems).toEqual([]);
});

test('a placeholder is filled with the text given, literally, and one not given stays visible', () => {
  expect(t('id', 'core.notAdmin', { admins: 'a@x.example', user: '$& {user} $1' })).toBe(
    'Perintah ini hanya untuk admin (a@x.example); Anda masuk sebagai $& {user} $1. Minta admin menambahkan email Anda di tab Pengaturan, kunci email_admin.',
  );
  expect(t('en', 'core.moreProblems', { count: 3 })).toBe('… and 3 more problems.');
  expect(t('en', 'core.moreProblems')).toBe('… and {count} more problems.');
});

test('an unknown language setting falls back to Indonesian', () => {
  expect(toLang('EN ')).toBe('en');
  expect(toLang('fr')).toBe('id');
  expect(toLang(undefined)).toBe('id');
});
