// Parsing the Pengaturan tab (Kunci | Nilai | Keterangan) into Settings, with docs/WORKBOOK.md's
// defaults for empty values. Unknown keys are left alone (extra rows are the user's).
import { toLang, type Lang } from './i18n';
import { parseYesNo } from './instrument';
import { eachDuplicate, problemAt, readTable, tabWhere } from './problems';
import { DEFAULT_NAMA_KEGIATAN, DEFAULT_PROFILE_ID, PROFILE_IDS } from './profiles';
import { SETTING_KEYS, TABS, type SettingKey } from './tables';
import { cellText, formatIsoDate, hiddenCharacter, isValidEmail, normKey, splitEmails } from './text';
import type { Parsed, Problem, Settings } from './types';

export function parseSettings(rows: readonly (readonly unknown[])[], lang: Lang): Parsed<Settings> {
  const where = tabWhere(TABS.pengaturan, lang);
  const table = readTable(rows, where, ['Kunci', 'Nilai'], ['Keterangan']);
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const keyed = table.rows.map((r) => ({ row: r.row, key: normKey(r.get('Kunci')), value: r.get('Nilai') }));
  eachDuplicate(
    keyed.filter((k) => (SETTING_KEYS as readonly string[]).includes(k.key)),
    (k) => k.key,
    (k, first) => problems.push(problemAt(where, 'check.settings.duplicateKey', { key: k.key, first }, k.row, 'Kunci')),
  );
  const find = (key: SettingKey) => keyed.find((k) => k.key === key);
  const raw = (key: SettingKey): unknown => find(key)?.value ?? '';
  const at = (key: SettingKey) => find(key)?.row;
  const text = (key: SettingKey) => cellText(raw(key));
  const emailsOf = (key: SettingKey): string[] => {
    const char = hiddenCharacter(text(key));
    if (char !== null) problems.push(problemAt(where, 'check.hidden', { column: key, char }, at(key), 'Nilai'));
    const emails = splitEmails(raw(key));
    const bad = emails.filter((e) => !isValidEmail(e));
    if (bad.length > 0) problems.push(problemAt(where, 'check.email.invalid', { emails: bad.join(', ') }, at(key), 'Nilai'));
    return emails;
  };

  const profil = normKey(raw('profil')) || DEFAULT_PROFILE_ID;
  if (!PROFILE_IDS.includes(profil)) {
    problems.push(problemAt(where, 'check.settings.profile', { value: text('profil'), ids: PROFILE_IDS.join(', ') }, at('profil'), 'Nilai'));
  }
  const bahasa = normKey(raw('bahasa'));
  if (bahasa !== '' && bahasa !== 'id' && bahasa !== 'en') {
    problems.push(problemAt(where, 'check.settings.bahasa', { value: text('bahasa') }, at('bahasa'), 'Nilai'));
  }
  const batasWaktu = formatIsoDate(raw('batas_waktu'));
  if (batasWaktu === '' && text('batas_waktu') !== '') {
    problems.push(problemAt(where, 'check.settings.date', { value: text('batas_waktu') }, at('batas_waktu'), 'Nilai'));
  }
  const emailAdmin = emailsOf('email_admin');
  const replyTo = emailsOf('email_balasan');
  if (replyTo.length > 1) {
    problems.push(problemAt(where, 'check.settings.singleEmail', { count: replyTo.length }, at('email_balasan'), 'Nilai'));
  }
  const yesNo = (key: SettingKey): boolean | null => {
    const value = parseYesNo(raw(key));
    if (value === null) problems.push(problemAt(where, 'check.settings.yesNo', { key, value: text(key) }, at(key), 'Nilai'));
    return value;
  };
  const acknowledge = yesNo('kirim_tanda_terima');
  const reminders = yesNo('pengingat_otomatis');
  const attachRapor = yesNo('lampirkan_rapor');
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      namaKegiatan: text('nama_kegiatan') || DEFAULT_NAMA_KEGIATAN,
      instansiPenilai: text('instansi_penilai'),
      profil,
      putaran: text('putaran'),
      batasWaktu,
      emailAdmin,
      emailBalasan: replyTo[0] ?? emailAdmin[0] ?? '',
      bahasa: toLang(raw('bahasa')),
      kirimTandaTerima: text('kirim_tanda_terima') === '' || acknowledge !== false,
      pengingatOtomatis: reminders === true,
      penandatanganNama: text('penandatangan_nama'),
      penandatanganJabatan: text('penandatangan_jabatan'),
      lampirkanRapor: text('lampirkan_rapor') === '' || attachRapor !== false,
    },
  };
}
