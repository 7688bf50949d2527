import { createContext, runInContext } from 'node:vm';
import { parseSettings } from '../../src/domain/settings';

const header = ['Kunci', 'Nilai', 'Keterangan'];
const rows = (entries: [string, unknown][]): unknown[][] => [header, ...entries.map(([k, v]) => [k, v, ''])];

describe('parseSettings', () => {
  test('reads every key, case-insensitively, with dates from another realm', () => {
    const deadline = runInContext('new Date(2025, 5, 30)', createContext({})) as Date;
    const parsed = parseSettings(
      rows([
        ['nama_kegiatan', 'Pendampingan 2020'],
        ['instansi_penilai', 'Ombudsman RI Perwakilan Jambi'],
        [' PROFIL ', 'Opini-2022'],
        ['putaran', 2020],
        ['batas_waktu', deadline],
        ['email_admin', 'a@x.example; b@x.example'],
        ['email_balasan', 'humas@x.example'],
        ['bahasa', 'EN'],
        ['kirim_tanda_terima', 'tidak'],
        ['pengingat_otomatis', 'Ya'],
        ['penandatangan_nama', 'Dr. Siti Aminah'],
        ['PENANDATANGAN_JABATAN', 'Kepala Perwakilan'],
        ['lampirkan_rapor', 'No'],
        ['catatan_lain', 'dibiarkan'],
      ]),
      'id',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        namaKegiatan: 'Pendampingan 2020',
        instansiPenilai: 'Ombudsman RI Perwakilan Jambi',
        profil: 'opini-2022',
        putaran: '2020',
        batasWaktu: '2025-06-30',
        emailAdmin: ['a@x.example', 'b@x.example'],
        emailBalasan: 'humas@x.example',
        bahasa: 'en',
        kirimTandaTerima: false,
        pengingatOtomatis: true,
        penandatanganNama: 'Dr. Siti Aminah',
        penandatanganJabatan: 'Kepala Perwakilan',
        lampirkanRapor: false,
      },
    });
  });

  test('empty values take the defaults: programme name, profile, first admin as reply-to, Indonesian', () => {
    const parsed = parseSettings(rows([['email_admin', 'a@x.example, b@x.example']]), 'id');
    expect(parsed.ok && parsed.value).toEqual({
      namaKegiatan: 'Pendampingan Perbaikan Pelayanan Publik',
      instansiPenilai: '',
      profil: 'opini-2025',
      putaran: '',
      batasWaktu: '',
      emailAdmin: ['a@x.example', 'b@x.example'],
      emailBalasan: 'a@x.example',
      bahasa: 'id',
      kirimTandaTerima: true,
      pengingatOtomatis: false,
      penandatanganNama: '',
      penandatanganJabatan: '',
      lampirkanRapor: true,
    });
  });

  test.each([
    ['31/12/2025', '2025-12-31'],
    ['2025-12-31', '2025-12-31'],
    [46022, '2025-12-31'],
  ])('batas_waktu %s reads as %s', (value, iso) => {
    const parsed = parseSettings(rows([['batas_waktu', value]]), 'id');
    expect(parsed.ok && parsed.value.batasWaktu).toBe(iso);
  });

  test('every bad value is reported with its row and the fix', () => {
    const parsed = parseSettings(
      rows([
        ['profil', 'ombudsman-2015'],
        ['batas_waktu', '31 Juni 2025'],
        ['email_admin', 'admin@x.example, admin-at-x.example'],
        ['email_balasan', 'a@x.example, b@x.example'],
        ['kirim_tanda_terima', 'mungkin'],
        ['PROFIL', 'opini-2022'],
      ]),
      'id',
    );
    if (parsed.ok) throw new Error('expected problems');
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Nilai'],
      [3, 'Nilai'],
      [4, 'Nilai'],
      [5, 'Nilai'],
      [6, 'Nilai'],
      [7, 'Kunci'],
    ]);
    const messages = parsed.problems.map((p) => p.message);
    expect(messages[0]).toBe('Tab Pengaturan baris 2, kolom Nilai: profil "ombudsman-2015" tidak dikenal. Pakai salah satu: opini-2025, pekppp-2023, opini-2022, ombudsman-2021.');
    expect(messages[1]).toContain('batas_waktu "31 Juni 2025" bukan tanggal');
    expect(messages[2]).toContain('alamat email tidak sah: admin-at-x.example.');
    expect(messages[3]).toContain('email_balasan hanya boleh satu alamat, bukan 2');
    expect(messages[4]).toContain('kirim_tanda_terima "mungkin" tidak dikenal');
    expect(messages[5]).toContain('kunci "profil" sudah ada di baris 2');
  });

  test('an invalid reply-to address is reported; problems come in English when asked', () => {
    const parsed = parseSettings(rows([['email_balasan', 'humas@']]), 'en');
    expect(!parsed.ok && parsed.problems[0].message).toBe(
      'Tab Pengaturan row 2, column Nilai: invalid email address: humas@. Correct the spelling (e.g. name@agency.go.id); separate several addresses with commas.',
    );
  });

  test('a Pengaturan tab without its header row is a problem that names the columns', () => {
    const parsed = parseSettings([['profil', 'ombudsman-2021']], 'id');
    expect(!parsed.ok && parsed.problems[0].message).toContain('"Kunci", "Nilai"');
  });
});
