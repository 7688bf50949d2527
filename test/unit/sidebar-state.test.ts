import { HEADERS } from '../../src/domain/tables';
import type { Settings } from '../../src/domain/types';
import { validateUnits } from '../../src/domain/units';
import { buildPanelState, buildUnitPanelState, type PanelInput, type UnitTabFacts } from '../../src/ui/panel-state';

const settings: Settings = {
  namaKegiatan: 'Pendampingan',
  instansiPenilai: 'Ombudsman',
  profil: 'ombudsman-2021',
  putaran: '2024 Pendampingan',
  batasWaktu: '2024-08-31',
  emailAdmin: ['admin@example.go.id'],
  emailBalasan: 'admin@example.go.id',
  bahasa: 'id',
  kirimTandaTerima: true,
  pengingatOtomatis: false,
};

const KATEGORI = [[...HEADERS.kategori], ['Hijau', 81, '', 'Hijau'], ['Kuning', 51, '', 'Kuning'], ['Merah', 0, '', 'Merah']];
const UNIT = [
  [...HEADERS.unit],
  ['DINKES', 'Dinas Kesehatan', 'OPD', 'Budi', 'budi@x.go.id', '', 'DINKES', 'OK'],
  ['DUKCAPIL', 'Disdukcapil', 'OPD', 'Sari', 'sari@x.go.id', '', 'DUKCAPIL', 'OK'],
  ['BAD', 'Tanpa Email', 'OPD', '', '', '', '', 'Email PIC kosong.'],
  ['BARU', 'Unit Baru', 'OPD', 'Ani', 'ani@x.go.id', '', '', ''],
];
const REKAP = [
  [...HEADERS.rekap, 'Tab'],
  ['DINKES', 'Dinas Kesehatan', 'OPD', 90, 88.5, 'Hijau', 2, 100, '', '', '', 'DINKES'],
  ['DUKCAPIL', 'Disdukcapil', 'OPD', '', '', '', 14, 40, '', '', '', 'DUKCAPIL'],
];
// 45505.4375 = 2024-08-01 10:30 wall clock.
const LOG = [
  [...HEADERS.logEmail],
  [45505.4375, '2024 Pendampingan', 'DINKES', 'budi@x.go.id', '', 'Temuan', 'TERKIRIM', 'ab', ''],
  [45504, '2024 Pendampingan', 'DUKCAPIL', 'sari@x.go.id', '', 'Temuan', 'GAGAL', 'cd', 'quota'],
  [45600, '2023 Lama', 'DINKES', 'budi@x.go.id', '', 'Temuan', 'TERKIRIM', 'ef', ''],
];
const RIWAYAT = [[...HEADERS.riwayat], ['2023 Awal', 'DINKES'], ['2023 Awal', 'DUKCAPIL'], ['2023 Lama', 'DINKES']];

const tabFacts = (sheetId: number, title: string, over: Partial<UnitTabFacts> = {}): UnitTabFacts => ({
  sheetId,
  title,
  stage: 'Diisi',
  openFindings: 3,
  submitted: false,
  verified: false,
  hasFilling: true,
  hasVerification: true,
  flags: [],
  ...over,
});
const TABS_READ = new Map([
  ['dinkes', tabFacts(11, 'DINKES', { stage: 'Terverifikasi', submitted: true, verified: true, openFindings: 2 })],
  ['dukcapil', tabFacts(12, 'DUKCAPIL')],
]);

function input(overrides: Partial<PanelInput> = {}): PanelInput {
  return {
    lang: 'id',
    user: 'admin@example.go.id',
    settings,
    profiles: [{ id: 'ombudsman-2021', name: 'Ombudsman 2021', summary: 'Instrumen kepatuhan standar pelayanan (UU 25/2009).' }],
    unitTabs: TABS_READ,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    values: { unit: UNIT, kategori: KATEGORI, rekap: REKAP, logEmail: LOG, riwayat: RIWAYAT },
    today: '2024-08-01',
    overdue: [],
    ...overrides,
  };
}

test('each unit carries its status, tab link and Rekap figures; units without a tab have none', () => {
  const state = buildPanelState(input());
  expect(state.units.map((u) => [u.kode, u.statusOk, u.link, u.completion, u.score, u.category])).toEqual([
    ['DINKES', true, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=11', 100, 88.5, 'Hijau'],
    ['DUKCAPIL', true, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=12', 40, null, ''],
    ['BAD', false, '', null, null, ''],
    ['BARU', false, '', null, null, ''],
  ]);
  expect(state.units[3].status).toBe('');
});

test('units are counted per category, and units with a tab but no score as unscored', () => {
  const state = buildPanelState(input());
  expect(state.categories).toEqual([
    { name: 'Hijau', label: 'Hijau', zone: 'Hijau', count: 1 },
    { name: 'Kuning', label: 'Kuning', zone: 'Kuning', count: 0 },
    { name: 'Merah', label: 'Merah', zone: 'Merah', count: 0 },
  ]);
  expect(state.unscored).toBe(1);
});

test('each category shows with its meaning and zone, in the workbook’s language', () => {
  const kategori = [[...HEADERS.kategori], ['A', 91, 'Kualitas Tertinggi', 'Hijau'], ['B', 81, 'Kualitas Tinggi', 'Hijau'], ['E', 0, 'Kualitas Terendah', 'Merah']];
  const rekap = [REKAP[0], ['DINKES', 'Dinas Kesehatan', 'OPD', 90, 88.5, 'B', 2, 100, '', '', '', 'DINKES']];
  const labels = (lang: 'id' | 'en') => buildPanelState(input({ lang, values: { ...input().values, kategori, rekap } })).categories.map((c) => [c.label, c.count]);
  expect(labels('id')).toEqual([
    ['A — Kualitas Tertinggi, Zona Hijau', 0],
    ['B — Kualitas Tinggi, Zona Hijau', 1],
    ['E — Kualitas Terendah, Zona Merah', 0],
  ]);
  expect(labels('en')[1][0]).toBe('B — Kualitas Tinggi, green zone');
});

test('the ledger summary counts the active round only and shows its latest time', () => {
  expect(buildPanelState(input()).ledger).toEqual({ sent: 1, failed: 1, skipped: 0, last: '2024-08-01 10:30' });
});

test('closed rounds are listed once each, in Riwayat order', () => {
  expect(buildPanelState(input()).closedRounds).toEqual(['2023 Awal', '2023 Lama']);
});

test('next steps name what is left to do, most urgent first', () => {
  expect(buildPanelState(input()).nextSteps).toEqual([
    '1 baris Unit bermasalah: perbaiki sesuai kolom Status, lalu buat ulang tab unit.',
    '1 unit belum punya tab: jalankan "Buat / perbarui tab unit".',
    '1 unit belum lengkap mengisi Jawaban Mandiri.',
  ]);
  const fresh = buildPanelState(input({ settings: { ...settings, batasWaktu: '' }, values: { ...input().values, logEmail: [] } }));
  expect(fresh.nextSteps.slice(-2)).toEqual([
    'Isi batas waktu perbaikan di bagian Pengaturan agar email temuan menyebutkannya.',
    'Pratinjau lalu kirim temuan di bagian Kirim.',
  ]);
  expect(buildPanelState(input({ values: { ...input().values, unit: [UNIT[0]] } })).nextSteps).toEqual([
    'Isi tab Unit, atau tempel daftar unit di bagian Unit.',
  ]);
});

test('after the deadline, or with overdue units, the next step is the new round', () => {
  const round = 'This round is past its deadline: close it and start the re-assessment in the Round section.';
  expect(buildPanelState(input({ lang: 'en' })).nextSteps).not.toContain(round);
  expect(buildPanelState(input({ today: '2024-09-01', lang: 'en' })).nextSteps).toContain(round);
  const overdue = [{ kode: 'DINKES', nama: 'Dinas Kesehatan', findings: 2 }];
  const late = buildPanelState(input({ lang: 'en', overdue }));
  expect(late.overdue).toEqual(overdue);
  expect(late.nextSteps).toContain(round);
});

test('the admin panel carries each unit\'s stage and the count of units per stage, every stage listed', () => {
  const state = buildPanelState(input());
  expect(state.units.map((u) => [u.kode, u.stage])).toEqual([
    ['DINKES', 'Terverifikasi'],
    ['DUKCAPIL', 'Diisi'],
    ['BAD', ''],
    ['BARU', ''],
  ]);
  expect(state.stages).toEqual([
    { stage: 'Belum mulai', count: 0 },
    { stage: 'Diisi', count: 1 },
    { stage: 'Diajukan', count: 0 },
    { stage: 'Terverifikasi', count: 1 },
    { stage: 'Temuan terkirim', count: 0 },
  ]);
});

describe('a PIC\'s or an assessor\'s own panel', () => {
  const UNITS = [
    [...HEADERS.unit],
    ['DINKES', 'Dinas Kesehatan', 'OPD', 'Budi', 'budi@x.go.id', 'asesor@x.go.id', 'DINKES', 'OK'],
    ['DUKCAPIL', 'Disdukcapil', 'OPD', 'Sari', 'sari@x.go.id', 'asesor@x.go.id', 'DUKCAPIL', 'OK'],
    ['DISHUB', 'Dinas Perhubungan', 'OPD', 'Budi', 'BUDI@x.go.id', 'lain@x.go.id', '', 'OK'],
  ];
  const own = (user: string) =>
    buildUnitPanelState({
      lang: 'id',
      user,
      settings,
      units: validateUnits(UNITS, 'id').units,
      unitTabs: TABS_READ,
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
      rekap: REKAP,
    });

  test('a PIC gets their units only, with nothing of the others or of the settings', () => {
    const state = own('Budi@X.go.id');
    expect(state.units.map((u) => [u.kode, u.role, u.stage, u.completion, u.openFindings, u.done, u.actionable])).toEqual([
      ['DINKES', 'pic', 'Terverifikasi', 100, 2, true, true],
      ['DISHUB', 'pic', '', null, null, false, false],
    ]);
    const payload = JSON.stringify(state);
    for (const other of ['DUKCAPIL', 'Disdukcapil', 'sari@x.go.id', 'asesor@x.go.id', 'admin@example.go.id', 'emailAdmin']) expect(payload).not.toContain(other);
    expect(state.deadline).toBe('31 Agustus 2024');
    expect(state.round).toBe('2024 Pendampingan');
  });

  test('an assessor gets the units they assess, those still to verify first', () => {
    expect(own('asesor@x.go.id').units.map((u) => [u.kode, u.role, u.done])).toEqual([
      ['DUKCAPIL', 'asesor', false],
      ['DINKES', 'asesor', true],
    ]);
  });

  test('someone listed nowhere gets no unit', () => {
    expect(own('orang@x.go.id').units).toEqual([]);
    expect(own('').units).toEqual([]);
  });
});
