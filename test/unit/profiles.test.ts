import { parseAspects, parseCategories, parseInstrument, checkAspectCoverage } from '../../src/domain/instrument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettingsRows, getProfile, PROFILE_IDS } from '../../src/domain/profiles';
import { parseSettings } from '../../src/domain/settings';
import { HEADERS, SETTING_KEYS } from '../../src/domain/tables';
import { parseDelimited } from '../../src/domain/text';
import { validateUnits } from '../../src/domain/units';

describe('shipped profiles', () => {
  test.each(PROFILE_IDS.map((id) => [id]))('%s parses cleanly with its own validators', (id) => {
    const profile = getProfile(id);
    expect(profile).not.toBeNull();
    if (!profile) return;
    expect(profile.instrument[0]).toEqual(HEADERS.instrumen);
    expect(profile.categories[0]).toEqual(HEADERS.kategori);
    expect(profile.aspects[0]).toEqual(HEADERS.aspek);
    const instrument = parseInstrument(profile.instrument, 'id');
    const aspects = parseAspects(profile.aspects, 'id');
    const categories = parseCategories(profile.categories, 'id');
    expect(instrument.ok && aspects.ok && categories.ok).toBe(true);
    if (instrument.ok && aspects.ok) expect(checkAspectCoverage(instrument.value, aspects.value, 'id')).toEqual([]);
  });

  test('ombudsman-2021 has 40 indicators whose weights sum to 100, flat, zones 81/51/0', () => {
    const profile = getProfile('ombudsman-2021');
    const instrument = parseInstrument(profile?.instrument ?? [], 'id');
    if (!instrument.ok) throw new Error('instrument should parse');
    expect(instrument.value).toHaveLength(40);
    expect(instrument.value.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(100, 10);
    expect(instrument.value.filter((i) => i.allowNA).map((i) => i.code)).toEqual(['SR-05', 'PK-05', 'PT-01']);
    expect(instrument.value.filter((i) => i.answerType.kind === 'ya-sebagian-tidak')).toHaveLength(2);
    expect(profile?.aspects).toEqual([['Aspek', 'Bobot Aspek']]);
    expect(profile?.categories.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Hijau', '81', 'Hijau'],
      ['Kuning', '51', 'Kuning'],
      ['Merah', '0', 'Merah'],
    ]);
  });

  test('opini-2022 weighs the four dimensions as published and grades A to E', () => {
    const profile = getProfile('opini-2022');
    expect(profile?.aspects.slice(1)).toEqual([
      ['Input', '21.85'],
      ['Proses', '32.37'],
      ['Output', '24.24'],
      ['Pengaduan', '21.54'],
    ]);
    expect(profile?.categories.slice(1).map((r) => `${r[0]}${r[1]}`)).toEqual(['A88', 'B78', 'C54', 'D32', 'E0']);
    const instrument = parseInstrument(profile?.instrument ?? [], 'id');
    if (!instrument.ok) throw new Error('instrument should parse');
    expect(instrument.value.every((i) => i.answerTypeText === '0-3')).toBe(true);
  });

  test('a profile id is matched trimmed and case-insensitively; unknown ids give null', () => {
    expect(getProfile(' OPINI-2022 ')?.id).toBe('opini-2022');
    expect(getProfile('ombudsman-2015')).toBeNull();
    expect(getProfile('')).toBeNull();
  });

  test('getProfile hands out copies: changing them never changes the shipped data', () => {
    const a = getProfile('ombudsman-2021');
    if (!a) throw new Error('profile');
    a.instrument[1][0] = 'CHANGED';
    a.aspects.push(['X', '1']);
    expect(getProfile('ombudsman-2021')?.instrument[1][0]).toBe('SP-01');
    expect(getProfile('ombudsman-2021')?.aspects).toHaveLength(1);
  });
});

describe('default settings', () => {
  test('have every key in order, docs/WORKBOOK.md defaults and a Keterangan', () => {
    const rows = defaultSettingsRows('opini-2022', 'admin@ombudsman.example');
    expect(rows[0]).toEqual(['Kunci', 'Nilai', 'Keterangan']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...SETTING_KEYS]);
    const value = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(value).toEqual({
      nama_kegiatan: 'Pendampingan Perbaikan Pelayanan Publik',
      instansi_penilai: '',
      profil: 'opini-2022',
      putaran: '',
      batas_waktu: '',
      email_admin: 'admin@ombudsman.example',
      email_balasan: 'admin@ombudsman.example',
      bahasa: 'id',
      kirim_tanda_terima: 'Ya',
      pengingat_otomatis: 'Tidak',
    });
    expect(rows.slice(1).every((r) => r[2].length > 10)).toBe(true);
  });

  test('parse back into valid Settings; English notes when asked', () => {
    const parsed = parseSettings(defaultSettingsRows('ombudsman-2021', 'a@b.example'), 'id');
    expect(parsed).toEqual({
      ok: true,
      value: {
        namaKegiatan: 'Pendampingan Perbaikan Pelayanan Publik',
        instansiPenilai: '',
        profil: 'ombudsman-2021',
        putaran: '',
        batasWaktu: '',
        emailAdmin: ['a@b.example'],
        emailBalasan: 'a@b.example',
        bahasa: 'id',
        kirimTandaTerima: true,
        pengingatOtomatis: false,
      },
    });
    const en = defaultSettingsRows('ombudsman-2021', 'a@b.example', 'en');
    expect(en.find((r) => r[0] === 'bahasa')?.slice(1)).toEqual(['en', 'Language of menus, panel and emails: id or en.']);
  });
});

describe('demo units', () => {
  // The demo's data, as local/demo reads it (src ships none).
  const demo = (file: string) => parseDelimited(readFileSync(join(__dirname, '../../local/demo', file), 'utf8'));
  const DEMO_UNITS_30 = demo('unit-muarojambi-30-opd.csv');
  const DEMO_UNITS_TAHAP2 = demo('unit-muarojambi-tahap2.csv');

  test('30 OPD and the second stage (11 kecamatan, 22 puskesmas, 2 RSUD) all validate', () => {
    for (const [rows, count] of [
      [DEMO_UNITS_30, 30],
      [DEMO_UNITS_TAHAP2, 35],
    ] as const) {
      expect(rows[0]).toEqual(HEADERS.unit.slice(0, 6));
      const result = validateUnits(rows, 'id');
      expect(result.units).toHaveLength(count);
      expect(result.rejected).toEqual([]);
      expect(result.units.every((u) => u.picEmails[0].endsWith('.example'))).toBe(true);
    }
    const kinds = DEMO_UNITS_TAHAP2.slice(1).map((r) => r[2]);
    expect(kinds.filter((k) => k === 'Kecamatan')).toHaveLength(11);
    expect(DEMO_UNITS_30.find((r) => r[0] === 'DINSOSP3A')?.[1]).toBe('Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak');
  });
});
