// Messages of the core programme: setup, unit tabs, Rekap, the admin check and the lock
// (section of the one catalogue, see ../i18n.ts).

export const id = {
  'core.menu.setup': 'Siapkan buku kerja',
  'core.menu.generate': 'Buat / perbarui tab unit',
  'core.menu.recap': 'Perbarui rekap',
  'core.notAdmin':
    'Perintah ini hanya untuk admin ({admins}); Anda masuk sebagai {user}. Minta admin menambahkan email Anda di tab Pengaturan, kunci email_admin.',
  'core.adminNotActive':
    'Email Anda ({user}) sudah ada di email_admin, tetapi proteksi tab belum memuat Anda, dan Google Sheets hanya mengizinkan admin yang sudah tercantum atau pemilik berkas mengubahnya. Minta {others} atau pemilik berkas menjalankan satu perintah admin (mis. Perbarui rekap), lalu coba lagi: sejak itu semua perintah admin terbuka untuk Anda. Tidak ada yang diubah.',
  'core.adminNotActive.owner':
    'Email Anda ({user}) sudah ada di email_admin, tetapi proteksi tab belum memuat Anda, dan Google Sheets hanya mengizinkan admin yang sudah tercantum atau pemilik berkas mengubahnya. Minta pemilik berkas menjalankan satu perintah admin (mis. Perbarui rekap), lalu coba lagi. Tidak ada yang diubah.',
  'core.unknownUser': '(email tidak diketahui)',
  'core.protection.systemTab': 'Tab {tab} tidak terlindungi.',
  'core.protection.untied': 'Tab "{tab}" berisi tabel unit yang tidak terikat ke unitnya.',
  'core.protection.missing': 'Tab "{tab}": sebagian proteksinya hilang.',
  'core.protection.moved': 'Tab "{tab}": kolom atau baris tabelnya bergeser dari proteksinya.',
  'core.busy': 'Perintah lain sedang berjalan di buku kerja ini. Tunggu sebentar, lalu coba lagi.',
  'core.needSetup': 'Tab {tabs} belum ada. Jalankan dulu menu Ekstensi › Pendamping › Siapkan buku kerja.',
  'core.fixFirst': 'Tidak ada yang diubah. Perbaiki masalah berikut, lalu jalankan lagi:',
  'core.moreProblems': '… dan {count} masalah lain.',
  'core.setup.unknownProfile': 'Profil "{profile}" tidak dikenal. Pakai salah satu: {ids}.',
  'core.setup.done':
    'Buku kerja siap: {created} tab dibuat, {repaired} bagian yang hilang dilengkapi. Tab yang sudah berisi data tidak ditimpa.',
  'core.setup.nothing': 'Buku kerja sudah lengkap; tidak ada yang diubah.',
  'core.units.none': 'Tidak ada baris unit di teks yang ditempel.',
  'core.units.added': '{count} baris ditambahkan ke tab Unit: {ok} siap, {bad} perlu diperbaiki (lihat Status setelah membuat tab unit).',
  'core.generate.done':
    '{created} tab unit dibuat, {updated} diperbarui, {rejected} baris Unit ditolak (lihat kolom Status), {inactive} tab ditandai nonaktif, {archived} baris disimpan ke tab Arsip.',
  'core.recap.done': 'Rekap diperbarui: {units} unit.',
  'core.generate.orphans':
    'Perhatian: tab {tabs} berisi tabel unit tetapi tidak terhubung ke unit mana pun, jadi jawabannya tidak dihitung di Rekap dan tidak dikirim. Bila tab itu milik sebuah unit, tulis nama tabnya di kolom Tab unit itu di tab Unit (atau kembalikan judul sel A1 ke "Kode — Nama Unit" unit itu), lalu jalankan lagi.',
  'core.status.tableUnreadable':
    'Tab "{tab}" tidak diperbarui: baris judul tabelnya (Kode, Jawaban Mandiri, …) berubah. Kembalikan judul kolomnya, lalu jalankan lagi.',
  'core.archive.indicatorRemoved': 'Indikator tidak ada lagi di Instrumen',
  'core.archive.indicatorNotApplicable': 'Indikator tidak berlaku untuk Jenis unit ini (Instrumen: Berlaku Untuk)',
  'core.archive.unitRemoved': 'Unit tidak ada lagi di tab Unit',
  'core.inactiveTitle': 'NONAKTIF — {title}',
  'core.chartTitle': 'Sebaran Kategori',
  'core.status.fill.note':
    'PIC unit memilih Diajukan setelah asesmen mandiri selesai diisi (asesor dan admin juga boleh mengubahnya). Selama Draf, jawaban masih dikerjakan.',
  'core.status.verify.note':
    'Hanya asesor unit dan admin: pilih Terverifikasi setelah memeriksa setiap indikator. Jawaban Verifikasi yang kosong berarti asesor setuju dengan jawaban PIC. Kategori di Rekap hanya tampil untuk unit yang terverifikasi.',
  'core.recap.stage.note':
    'Belum mulai → Diisi → Diajukan → Terverifikasi → Temuan terkirim. Mengikuti langsung Status Pengisian dan Status Verifikasi di tab unit serta Log Email (Temuan terkirim: unit terverifikasi dan email temuan putaran ini sudah TERKIRIM). Kategori hanya tampil untuk unit yang terverifikasi.',
};

export const en: typeof id = {
  'core.menu.setup': 'Set up the workbook',
  'core.menu.generate': 'Create / update unit tabs',
  'core.menu.recap': 'Update the recap',
  'core.notAdmin':
    'Only admins ({admins}) may run this command; you are signed in as {user}. Ask an admin to add your email to the Pengaturan tab, key email_admin.',
  'core.adminNotActive':
    'Your email ({user}) is in email_admin, but the tab protections do not list you yet, and Google Sheets lets only the admins they list or the file owner change them. Ask {others} or the file owner to run one admin command (e.g. Update the recap), then try again: from then on every admin command is open to you. Nothing was changed.',
  'core.adminNotActive.owner':
    'Your email ({user}) is in email_admin, but the tab protections do not list you yet, and Google Sheets lets only the admins they list or the file owner change them. Ask the file owner to run one admin command (e.g. Update the recap), then try again. Nothing was changed.',
  'core.unknownUser': '(unknown email)',
  'core.protection.systemTab': 'Tab {tab} is not protected.',
  'core.protection.untied': 'Tab "{tab}" holds a unit table that is not tied to its unit.',
  'core.protection.missing': 'Tab "{tab}": some of its protections are gone.',
  'core.protection.moved': 'Tab "{tab}": its table\'s columns or rows moved away from its protections.',
  'core.busy': 'Another command is running on this workbook. Wait a moment, then try again.',
  'core.needSetup': 'Tab {tabs} does not exist yet. First run Extensions › Pendamping › Set up the workbook.',
  'core.fixFirst': 'Nothing was changed. Fix the following problems, then run again:',
  'core.moreProblems': '… and {count} more problems.',
  'core.setup.unknownProfile': 'Profile "{profile}" is unknown. Use one of: {ids}.',
  'core.setup.done':
    'The workbook is ready: {created} tabs created, {repaired} missing parts restored. Tabs that hold data were not overwritten.',
  'core.setup.nothing': 'The workbook is complete; nothing was changed.',
  'core.units.none': 'The pasted text holds no unit rows.',
  'core.units.added': '{count} rows added to the Unit tab: {ok} ready, {bad} need fixing (see Status after creating the unit tabs).',
  'core.generate.done':
    '{created} unit tabs created, {updated} updated, {rejected} Unit rows rejected (see the Status column), {inactive} tabs marked inactive, {archived} rows kept in the Arsip tab.',
  'core.recap.done': 'Recap updated: {units} units.',
  'core.generate.orphans':
    'Note: tab {tabs} holds a unit table but is tied to no unit, so its answers are not counted in Rekap and not emailed. If it belongs to a unit, write its name in that unit\'s Tab column in the Unit tab (or restore its cell A1 to that unit\'s "Kode — Nama Unit"), then run again.',
  'core.status.tableUnreadable':
    'Tab "{tab}" was not updated: its table header row (Kode, Jawaban Mandiri, …) was changed. Restore the column headers, then run again.',
  'core.archive.indicatorRemoved': 'Indicator no longer in Instrumen',
  'core.archive.indicatorNotApplicable': 'Indicator does not apply to this unit\'s Jenis (Instrumen: Berlaku Untuk)',
  'core.archive.unitRemoved': 'Unit no longer in the Unit tab',
  'core.inactiveTitle': 'INACTIVE — {title}',
  'core.chartTitle': 'Category distribution',
  'core.status.fill.note':
    "The unit's PIC picks Diajukan (submitted) once the self-assessment is filled in (its assessor and the admins may change it too). While Draf, the answers are still being worked on.",
  'core.status.verify.note':
    "Only the unit's assessor and the admins: pick Terverifikasi (verified) after checking every indicator. An empty Jawaban Verifikasi means the assessor agrees with the PIC's answer. Rekap shows a category only for verified units.",
  'core.recap.stage.note':
    "Belum mulai (not started) → Diisi (filling in) → Diajukan (submitted) → Terverifikasi (verified) → Temuan terkirim (findings sent). Follows the unit tab's Status Pengisian and Status Verifikasi and Log Email live (Temuan terkirim: the unit is verified and this round's findings email was TERKIRIM). Categories show for verified units only.",
};
