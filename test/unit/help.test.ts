// The help's roles and guide links (src/domain/help.ts).
import { guideLink, helpText, rolesOf } from '../../src/domain/help';
import type { Unit } from '../../src/domain/types';

const unit = (code: string, pic: string, assessor: string): Unit => ({
  row: 2,
  code,
  name: code,
  type: 'OPD',
  picName: '',
  picEmails: [pic],
  assessorEmails: [assessor],
});

test('a user has the roles the workbook gives them', () => {
  const units = [unit('A', 'pic.a@x.example', 'asesor@x.example'), unit('B', 'Asesor@X.example', 'lain@x.example')];
  expect(rolesOf('asesor@x.example', false, units)).toEqual(['asesor', 'pic']);
  expect(rolesOf('admin@x.example', true, units)).toEqual(['sekretariat']);
  expect(rolesOf('', false, units)).toEqual([]);
});

test('tautan_panduan makes a link only when it is an http(s) address; {peran} is the role', () => {
  expect(guideLink('https://git.example.org/p/docs/panduan/{peran}.md', 'asesor')).toBe('https://git.example.org/p/docs/panduan/asesor.md');
  expect(guideLink(' https://drive.example.com/folder ', 'pic')).toBe('https://drive.example.com/folder');
  for (const bad of ['', 'docs/panduan', 'javascript:alert(1)', 'https://', 'ftp://x.example/a']) expect(guideLink(bad, 'pic')).toBe('');
  expect(helpText('id', ['pic'], 'bukan tautan')).toContain('Panduan PIC unit: docs/panduan/pic.md');
});
