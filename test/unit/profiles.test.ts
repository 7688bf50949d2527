import { t } from '../../src/domain/i18n';
import { parseAspects, parseCategories, parseCategoryTable, parseInstrument, checkAspectCoverage } from '../../src/domain/instrument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSetup } from '../../src/domain/plan/setup';
import { parsedProfile } from './shipped-profile';
import { DEFAULT_PROFILE_ID, defaultSettingsRows, getProfile, PROFILE_IDS, profileSummaries } from '../../src/domain/profiles';
import { roundHalfUp } from '../../src/domain/scale';
import { findingsOf, summarize } from '../../src/domain/scoring';
import { parseSettings } from '../../src/domain/settings';
import { HEADERS, SETTING_KEYS } from '../../src/domain/tables';
import { parseDelimited } from '../../src/domain/text';
import { validateUnits } from '../../src/domain/units';

/**
 * The codes of the instrument opini-2022 shipped before the 2022–2024 instrument replaced it,
 * each with a word of its indicator: a workbook answered on it holds answers under these codes.
 */
const EARLIER_OPINI_2022: readonly (readonly [string, string])[] = [
  ['IN-01', 'komponen standar pelayanan'],
  ['IN-02', 'tugas dan kewenangan'],
  ['IN-03', 'ombudsman'],
  ['IN-04', 'maladministrasi'],
  ['IN-05', 'rekomendasi'],
  ['IN-06', 'rentan'],
  ['IN-07', 'pengawasan internal'],
  ['IN-08', 'beban kerja'],
  ['IN-09', 'penjaminan mutu'],
  ['IN-10', 'keamanan dan keselamatan'],
  ['IN-11', 'evaluasi kinerja'],
  ['IN-12', 'dasar hukum'],
  ['IN-13', 'sarana, prasarana dan fasilitas'],
  ['IN-14', 'berkebutuhan khusus'],
  ['IN-15', 'penyuluhan/sosialisasi'],
  ['PR-01', 'persyaratan'],
  ['PR-02', 'sistem, mekanisme dan prosedur'],
  ['PR-03', 'jangka waktu'],
  ['PR-04', 'biaya/tarif'],
  ['PR-05', 'produk pelayanan'],
  ['PR-06', 'maklumat pelayanan'],
  ['PR-07', 'pelayanan khusus'],
  ['PR-08', 'visi dan misi'],
  ['PR-09', 'mot'],
  ['PR-10', 'atribut petugas'],
  ['PR-11', 'pelayanan terpadu'],
  ['OU-01', 'penundaan berlarut'],
  ['OU-02', 'imbalan'],
  ['OU-03', 'penyimpangan prosedur'],
  ['OU-04', 'kompeten'],
  ['OU-05', 'diskriminatif'],
  ['PD-01', 'sarana pengaduan'],
  ['PD-02', 'pengelola pengaduan'],
  ['PD-03', 'pengelolaan pengaduan ditetapkan dan dipublikasikan'],
  ['PD-04', 'ditindaklanjuti dalam jangka waktu'],
  ['PD-05', 'dievaluasi dan dipublikasikan'],
  ['PD-06', 'sp4n-lapor!'],
];

const column = (rows: readonly (readonly string[])[], name: (typeof HEADERS.instrumen)[number]) =>
  rows.slice(1).map((row) => row[HEADERS.instrumen.indexOf(name)]);

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

  test.each(PROFILE_IDS.map((id) => [id]))('%s initialises a new workbook whose methodology tabs read back valid', (id) => {
    const profile = getProfile(id);
    if (!profile) throw new Error(`no profile ${id}`);
    const plan = planSetup({ lang: 'id', profile, admin: 'a@x.example', tabs: [], firstFreeSheetId: 1 });
    const values = (title: string) => {
      const tab = plan.create.find((t) => t.title === title);
      if (!tab) throw new Error(`no tab ${title}`);
      expect(tab.rows.every((row) => row.length <= tab.columnCount)).toBe(true);
      return tab.rows.map((row) => row.map((cell) => (cell.value.kind === 'text' ? cell.value.text : cell.value.kind === 'number' ? cell.value.value : '')));
    };
    const instrument = parseInstrument(values('Instrumen'), 'id');
    const aspects = parseAspects(values('Aspek'), 'id');
    const table = parseCategoryTable(values('Kategori'), 'id');
    const settings = parseSettings(values('Pengaturan'), 'id');
    expect([instrument.ok, aspects.ok, table.ok]).toEqual([true, true, true]);
    expect(settings.ok && settings.value.profil).toBe(id);
    if (instrument.ok) expect(instrument.value).toEqual(parsedProfile(id).indicators);
  });

  test('every shipped indicator says where it comes from; our own design says so', () => {
    for (const id of PROFILE_IDS) {
      const profile = getProfile(id);
      const notes = column(profile?.instrument ?? [], 'Keterangan');
      expect(notes.filter((note) => !/^(Bersumber|Disimpulkan|Rancangan sendiri|Konsep|Sejak|Tema|Aspek)/.test(note))).toEqual([]);
    }
    expect(column(getProfile('ombudsman-2021')?.instrument ?? [], 'Keterangan').every((note) => note.startsWith('Rancangan sendiri'))).toBe(true);
    const opini = getProfile('opini-2022')?.instrument ?? [];
    const ownDesign = opini.slice(1).filter((row) => row[HEADERS.instrumen.indexOf('Keterangan')].startsWith('Rancangan sendiri'));
    expect(ownDesign.map((row) => row[0])).toEqual(['PD-01', 'PD-02', 'PD-03', 'PD-04', 'PD-06', 'PD-07', 'PD-08']);
  });

  test('ombudsman-2021 stays, as the legacy profile: 40 indicators whose weights sum to 100, flat, zones 81/51/0', () => {
    const { profile, indicators, categories, scale } = parsedProfile('ombudsman-2021');
    expect(profile.label).toContain('(lama)');
    expect(t('id', profile.summaryKey)).toContain('untuk membandingkan skor 2019–2021');
    expect(indicators).toHaveLength(40);
    expect(indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(100, 10);
    expect(indicators.filter((i) => i.allowNA).map((i) => i.code)).toEqual(['SR-05', 'PK-05', 'PT-01']);
    expect(indicators.filter((i) => i.answerType.kind === 'ya-sebagian-tidak')).toHaveLength(2);
    expect(profile.aspects).toEqual([['Aspek', 'Bobot Aspek']]);
    expect(categories.map((c) => [c.name, c.min, c.zone])).toEqual([
      ['Hijau', 81, 'Hijau'],
      ['Kuning', 51, 'Kuning'],
      ['Merah', 0, 'Merah'],
    ]);
    expect(scale).toEqual({ max: 100 });
  });

  test('opini-2022 covers 2022–2024: the published dimension weights, the 2022–2024 instrument on 0-3, A to E', () => {
    const { profile, indicators, categories } = parsedProfile('opini-2022');
    expect(profile.label).toContain('2022–2024');
    expect(t('id', 'setting.note.profil')).toContain('opini-2022 (Ombudsman 2022–2024)');
    expect(profile.aspects.slice(1)).toEqual([
      ['Input', '21.85'],
      ['Proses', '32.37'],
      ['Output', '24.24'],
      ['Pengaduan', '21.54'],
    ]);
    expect(categories.map((c) => `${c.name}${c.min}`)).toEqual(['A88', 'B78', 'C54', 'D32', 'E0']);
    expect(indicators).toHaveLength(39);
    expect(indicators.every((i) => i.answerTypeText === '0-3')).toBe(true);
    expect(new Set([...column(profile.instrument, 'Berlaku Untuk'), ...column(profile.instrument, 'Panduan Skor')])).toEqual(new Set(['']));
    expect(indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(100, 10);
    expect(indicators.find((i) => i.code === 'PR-12')?.text).toBe('Maklumat pelayanan: substansi/kualitas isi');
    expect(indicators.find((i) => i.code === 'PD-08')?.allowNA).toBe(true);
  });

  test('an opini-2022 workbook answered on the earlier instrument keeps every answer whose indicator stayed', () => {
    const { indicators, aspects, categories, scale } = parsedProfile('opini-2022');
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const lost = EARLIER_OPINI_2022.filter(([code, word]) => !byCode.get(code)?.text.toLowerCase().includes(word));
    expect(lost.map(([code]) => code)).toEqual(['PD-05']);
    expect(byCode.has('PD-05')).toBe(false);
    const answers = EARLIER_OPINI_2022.map(([code]) => ({ code, self: 3, verified: '' }));
    expect(findingsOf(indicators, answers, { deadline: '' }).map((f) => f.code)).toEqual(['PR-12', 'PD-07', 'PD-08']);
    expect(summarize(indicators, answers, aspects, { categories, scale }).completeness).toBe(roundHalfUp((100 * 36) / 39));
  });

  test('opini-2025 is the default: four dimensions 70 % and Kepercayaan Masyarakat 30 %, A to E with meanings and zones, Tanpa Maladministrasi', () => {
    expect(DEFAULT_PROFILE_ID).toBe('opini-2025');
    expect(PROFILE_IDS[0]).toBe('opini-2025');
    const { profile, indicators, aspects, categories, scale } = parsedProfile('opini-2025');
    expect(aspects).toEqual([
      { aspect: 'Input', weight: 17.5 },
      { aspect: 'Proses', weight: 17.5 },
      { aspect: 'Output', weight: 17.5 },
      { aspect: 'Pengaduan', weight: 17.5 },
      { aspect: 'Kepercayaan Masyarakat', weight: 30 },
    ]);
    expect(categories.map((c) => [c.name, c.min, c.description, c.zone])).toEqual([
      ['A', 88, 'Kualitas Tertinggi', 'Hijau'],
      ['B', 78, 'Kualitas Tinggi', 'Hijau'],
      ['C', 54, 'Kualitas Sedang', 'Kuning'],
      ['D', 32, 'Kualitas Rendah', 'Merah'],
      ['E', 0, 'Kualitas Terendah', 'Merah'],
    ]);
    expect(scale).toEqual({ max: 100 });
    expect(profile.qualifier).toBe('Tanpa Maladministrasi');
    const earlier = parsedProfile('opini-2022').indicators.map((i) => i.code);
    const codes = indicators.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(earlier));
    expect(codes.filter((c) => !earlier.includes(c))).toEqual([
      'MI-02', 'MI-04', 'MO-01', 'MO-02', 'MK-01', 'MK-02', 'MK-03', 'MK-04', 'MK-05',
      'DS-01', 'DS-02', 'DS-03', 'DS-04', 'DS-05', 'DS-06', 'DS-07', 'DS-08', 'DS-09',
    ]);
    expect(indicators.filter((i) => i.aspect === 'Kepercayaan Masyarakat').map((i) => i.code)).toEqual(['MK-01', 'MK-02', 'MK-03', 'MK-04', 'MK-05']);
    expect(new Set(indicators.map((i) => i.weight))).toEqual(new Set([1]));
    const appliesTo = column(profile.instrument, 'Berlaku Untuk');
    expect(codes.map((code, i) => [code, appliesTo[i]]).filter(([, jenis]) => jenis !== '')).toEqual(
      ['DS-01', 'DS-02', 'DS-03', 'DS-04', 'DS-05', 'DS-06', 'DS-07', 'DS-08', 'DS-09'].map((code) => [code, 'Desa, Kelurahan']),
    );
    expect(new Set(column(profile.instrument, 'Panduan Skor'))).toEqual(new Set(['']));
    expect(getProfile('opini-2022')?.qualifier).toBeNull();
  });

  test('pekppp-2023: six aspects 24/25/18/11/10/12, answers on 0-5, the F-02 ladders, the IPP categories on 0–5 marked unconfirmed', () => {
    const { profile, indicators, aspects, categories, scale } = parsedProfile('pekppp-2023');
    expect(aspects.map((a) => a.weight)).toEqual([24, 25, 18, 11, 10, 12]);
    expect(aspects.map((a) => a.aspect)).toEqual([
      'Kebijakan Pelayanan',
      'Profesionalisme SDM',
      'Sarana Prasarana',
      'Sistem Informasi Pelayanan Publik',
      'Konsultasi dan Pengaduan',
      'Inovasi',
    ]);
    const appliesTo = column(profile.instrument, 'Berlaku Untuk');
    const general = indicators.filter((_, i) => appliesTo[i] === '');
    expect(general).toHaveLength(20);
    expect(general.every((i) => i.answerTypeText === '0-5')).toBe(true);
    expect(general.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(100, 10);
    const rubrics = column(profile.instrument, 'Panduan Skor');
    expect(indicators.filter((_, i) => rubrics[i] !== '').map((i) => i.code)).toEqual(['KP-01', 'KP-02', 'KP-03', 'KP-04', 'KP-05', 'KP-06', 'KP-07', 'KP-08', 'KP-09']);
    expect(rubrics[0]).toMatch(/^0 = tidak ada SP; 1 = .*; 5 = /);
    expect(rubrics.filter((r) => r !== '').every((r) => /^0 = [^;]+(; [1-5] = [^;]+){5}$/.test(r))).toBe(true);
    expect(scale).toEqual({ max: 5 });
    expect(categories.map((c) => `${c.name} ${c.min} ${c.zone}`)).toEqual([
      'A 4.51 Hijau',
      'A- 4.01 Hijau',
      'B 3.51 Hijau',
      'B- 3.01 Kuning',
      'C 2.51 Kuning',
      'C- 2.01 Kuning',
      'D 1.51 Merah',
      'E 1.01 Merah',
      'F 0 Merah',
    ]);
    const notes = profile.categories.slice(1).map((row) => row[HEADERS.kategori.indexOf('Catatan')]);
    expect(notes.every((note) => note.startsWith('Belum dikonfirmasi resmi'))).toBe(true);
    const desa = indicators.filter((i) => i.code.startsWith('DS-'));
    expect(desa.map((i) => [i.code, i.aspect, i.weight])).toEqual([
      ['DS-01', 'Konsultasi dan Pengaduan', 5],
      ['DS-02', 'Konsultasi dan Pengaduan', 5],
      ['DS-03', 'Konsultasi dan Pengaduan', 5],
      ['DS-04', 'Kebijakan Pelayanan', 2.67],
      ['DS-05', 'Kebijakan Pelayanan', 2.67],
      ['DS-06', 'Sistem Informasi Pelayanan Publik', 11],
      ['DS-07', 'Sistem Informasi Pelayanan Publik', 11],
      ['DS-08', 'Kebijakan Pelayanan', 2.67],
      ['DS-09', 'Kebijakan Pelayanan', 2.67],
    ]);
  });

  test('each profile has a one-line explanation with its legal basis, in both languages, for the sidebar', () => {
    const basis: Record<string, string> = {
      'opini-2025': 'Peraturan Ombudsman 61/2025',
      'pekppp-2023': 'PermenPAN-RB 29/2022',
      'opini-2022': 'UU 37/2008',
      'ombudsman-2021': 'Peraturan Ombudsman 22/2016',
    };
    for (const lang of ['id', 'en'] as const) {
      const summaries = profileSummaries(lang);
      expect(summaries.map((s) => s.id)).toEqual([...PROFILE_IDS]);
      for (const s of summaries) {
        expect(s.summary).toContain(basis[s.id]);
        expect(s.summary).not.toContain('\n');
        expect(s.label).toBe(getProfile(s.id)?.label);
      }
    }
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
    const rows = defaultSettingsRows('opini-2022', 'admin@ombudsman.example', 'id', 2026);
    expect(rows[0]).toEqual(['Kunci', 'Nilai', 'Keterangan']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...SETTING_KEYS]);
    const value = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(value).toEqual({
      nama_kegiatan: 'Pendampingan Perbaikan Pelayanan Publik',
      instansi_penilai: '',
      profil: 'opini-2022',
      putaran: 'Putaran 1 2026',
      batas_waktu: '',
      email_admin: 'admin@ombudsman.example',
      email_balasan: 'admin@ombudsman.example',
      bahasa: 'id',
      kirim_tanda_terima: 'Ya',
      pengingat_otomatis: 'Tidak',
      penandatangan_nama: '',
      penandatangan_jabatan: '',
      lampirkan_rapor: 'Ya',
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
        putaran: 'Putaran 1',
        batasWaktu: '',
        emailAdmin: ['a@b.example'],
        emailBalasan: 'a@b.example',
        bahasa: 'id',
        kirimTandaTerima: true,
        pengingatOtomatis: false,
        penandatanganNama: '',
        penandatanganJabatan: '',
        lampirkanRapor: true,
      },
    });
    const en = defaultSettingsRows('ombudsman-2021', 'a@b.example', 'en');
    expect(en.find((r) => r[0] === 'bahasa')?.slice(1)).toEqual(['en', 'Language of menus, panel and emails: id or en.']);
    // A new workbook's round has a label, never an empty one.
    expect(defaultSettingsRows('ombudsman-2021', 'a@b.example', 'en', 2026).find((r) => r[0] === 'putaran')?.[1]).toBe('Round 1 2026');
  });
});

describe('demo units', () => {
  // The demo's data, as cli/demo reads it (src ships none).
  const demo = (file: string) => parseDelimited(readFileSync(join(__dirname, '../../cli/demo', file), 'utf8'));
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
