import fc from 'fast-check';
import { TABS } from '../../src/domain/tables';
import { unitTabName } from '../../src/domain/tabname';

const FORBIDDEN = /[:\\/?*[\]]/;

function assertValid(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(31);
  expect(name).not.toMatch(FORBIDDEN);
  expect(name).not.toMatch(/^'|'$/);
  expect(name).toBe(name.trim());
}

describe('unitTabName', () => {
  test('is the code and the name, readable', () => {
    expect(unitTabName('DINKES', 'Dinas Kesehatan', new Set())).toBe('DINKES Dinas Kesehatan');
  });

  test('long names are cut to 31 characters with an ellipsis', () => {
    const name = unitTabName('DINSOSP3A', 'Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak', new Set());
    expect(name).toBe('DINSOSP3A Dinas Sosial, Pember…');
    expect(name).toHaveLength(31);
  });

  test('characters .xlsx forbids become spaces; apostrophes at the ends go', () => {
    expect(unitTabName("'KEC/01", "Kantor: Camat [Sekernan]?'", new Set())).toBe('KEC 01 Kantor Camat Sekernan');
    expect(unitTabName('***', '', new Set())).toBe('Tab Unit');
  });

  test('a taken name, compared case-insensitively, gets a numbered suffix within the limit', () => {
    const taken = new Set(['dinkes dinas kesehatan', 'DINKES Dinas Kesehatan (2)']);
    expect(unitTabName('DINKES', 'Dinas Kesehatan', taken)).toBe('DINKES Dinas Kesehatan (3)');
    const long = unitTabName('DINSOSP3A', 'Dinas Sosial, Pemberdayaan Perempuan', new Set());
    const second = unitTabName('DINSOSP3A', 'Dinas Sosial, Pemberdayaan Perempuan', new Set([long]));
    expect(second).toBe('DINSOSP3A Dinas Sosial, Pem (2)');
  });

  test('never takes a system tab name', () => {
    expect(unitTabName('REKAP', '', new Set())).toBe('REKAP (2)');
    expect(unitTabName('Log', 'Email', new Set())).toBe('Log Email (2)');
    expect(unitTabName('history', '', new Set())).toBe('history (2)');
  });

  test('does not split a character made of two UTF-16 units when cutting', () => {
    const name = unitTabName('X', `${'a'.repeat(28)}😀😀`, new Set());
    assertValid(name);
    expect(name).toBe(`X ${'a'.repeat(28)}…`);
  });

  test('property: any codes and names give valid, unique names that avoid system tabs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 60 })), { maxLength: 30 }), (units) => {
        const taken = new Set<string>(Object.values(TABS));
        const seen = new Set([...taken].map((n) => n.toLowerCase()));
        for (const [code, name] of units) {
          const tab = unitTabName(code, name, taken);
          assertValid(tab);
          expect(seen.has(tab.toLowerCase())).toBe(false);
          seen.add(tab.toLowerCase());
          taken.add(tab);
        }
      }),
    );
  });

  test('property: many units with one long name still get distinct names', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const tab = unitTabName('PUSKESMAS', 'Puskesmas Kecamatan Jambi Luar Kota', taken);
      assertValid(tab);
      expect(taken.has(tab)).toBe(false);
      taken.add(tab);
    }
  });
});
