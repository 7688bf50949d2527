import { decideSettingsPatch, MAX_TEXT_SETTING } from '../../src/ui/settings-patch';

const ADMIN = 'admin@example.go.id';

function cellsOf(patch: Record<string, unknown>, user = ADMIN) {
  const decision = decideSettingsPatch(patch, user, [user], 'id');
  if (!decision.ok) throw new Error(decision.problems.map((p) => p.message).join('; '));
  return Object.fromEntries(decision.cells.map((c) => [c.key, c.cell.value]));
}

function problemsOf(patch: Record<string, unknown>, user = ADMIN, lang: 'id' | 'en' = 'id', admins = [user]): string[] {
  const decision = decideSettingsPatch(patch, user, admins, lang);
  return decision.ok ? [] : decision.problems.map((p) => p.message);
}

test('valid changes become text cells, and the deadline a date serial', () => {
  expect(
    cellsOf({ bahasa: 'en', email_admin: ` ${ADMIN}; kedua@example.go.id `, batas_waktu: '2024-08-31', profil: 'OPINI-2022' }),
  ).toEqual({
    bahasa: { kind: 'text', text: 'en' },
    email_admin: { kind: 'text', text: `${ADMIN}, kedua@example.go.id` },
    batas_waktu: { kind: 'number', value: 45535 },
    profil: { kind: 'text', text: 'opini-2022' },
  });
});

test('a programme name starting with = is kept as text, never a formula', () => {
  expect(cellsOf({ nama_kegiatan: '=IMPORTXML("http://x")' })).toEqual({ nama_kegiatan: { kind: 'text', text: '=IMPORTXML("http://x")' } });
});

test('an emptied deadline or reply-to clears the cell', () => {
  expect(cellsOf({ batas_waktu: '', email_balasan: ' ' })).toEqual({ batas_waktu: { kind: 'empty' }, email_balasan: { kind: 'empty' } });
});

test('bad values are refused with a message saying what to fix, and nothing is written', () => {
  const problems = problemsOf({ bahasa: 'fr', email_admin: `${ADMIN}, bukan-email`, batas_waktu: '31/02/2024', profil: 'x', email_balasan: 'a@b.go.id, c@d.go.id' });
  expect(problems).toEqual([
    'bahasa harus id atau en.',
    'Tab Pengaturan: alamat email tidak sah: bukan-email. Perbaiki penulisannya (mis. nama@instansi.go.id); pisahkan beberapa alamat dengan koma.',
    'Tab Pengaturan: batas_waktu "31/02/2024" bukan tanggal. Isi tanggal, mis. 2025-03-31 atau 31/03/2025.',
    expect.stringContaining('Tab Pengaturan: profil "x" tidak dikenal.'),
    'Tab Pengaturan: email_balasan hanya boleh satu alamat, bukan 2. Sisakan satu alamat.',
  ]);
});

test('the last admin cannot remove themselves, nor leave email_admin empty', () => {
  expect(problemsOf({ email_admin: 'lain@example.go.id' })).toEqual([
    `Anda (${ADMIN}) admin terakhir, jadi alamat Anda tidak boleh dihapus dari email_admin: tidak ada lagi yang dapat menjalankan perintah admin. Tambahkan dulu admin pengganti, simpan, lalu admin itu atau Anda dapat menghapus alamat Anda.`,
  ]);
  expect(problemsOf({ email_admin: ' , ' }, ADMIN, 'en')).toEqual(['email_admin cannot be empty: enter at least one address.']);
});

test('one admin of several may leave email_admin to the others', () => {
  expect(problemsOf({ email_admin: 'lain@example.go.id' }, ADMIN, 'id', [ADMIN, 'lain@example.go.id'])).toEqual([]);
});

test('keys the panel does not edit, non-text values and over-long names are refused', () => {
  expect(problemsOf({ putaran: 'x', bahasa: 1, instansi_penilai: 'x'.repeat(MAX_TEXT_SETTING + 1) })).toEqual([
    'Kunci "putaran" tidak dapat diubah dari panel.',
    'Kunci "bahasa" tidak dapat diubah dari panel.',
    `instansi_penilai terlalu panjang: paling banyak ${MAX_TEXT_SETTING} karakter.`,
  ]);
});
