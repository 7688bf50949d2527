import { t, toLang } from '../../src/domain/i18n';

test('messages exist in both languages and fill placeholders', () => {
  expect(t('id', 'menu.openPanel')).toBe('Buka panel');
  expect(t('en', 'menu.openPanel')).toBe('Open panel');
});

test('an unknown language setting falls back to Indonesian', () => {
  expect(toLang('EN ')).toBe('en');
  expect(toLang('fr')).toBe('id');
  expect(toLang(undefined)).toBe('id');
});
