// The sidebar never shows a command-line flag: none of its own texts, and none of the reasons the
// mail and round actions give it (it shows them as they come), names one. The choice is a checkbox.
import * as mail from '../../src/domain/messages/mail';
import * as rounds from '../../src/domain/messages/rounds';
import * as sidebar from '../../src/domain/messages/sidebar';

const FLAG = /(^|[\s(])--[a-z]/;

test.each([
  ['sidebar', sidebar],
  ['mail', mail],
  ['rounds', rounds],
])('no %s message the sidebar may show names a command-line flag', (_name, section) => {
  for (const catalogue of [section.id, section.en]) {
    const flagged = Object.entries(catalogue as Record<string, string>).filter(([, text]) => FLAG.test(text));
    expect(flagged).toEqual([]);
  }
});
