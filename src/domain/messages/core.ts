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
  'core.needSetup':
    'Tab {tabs} belum ada. Jalankan dulu menu Ekstensi › Pendamping › Siapkan buku kerja (baris perintah: pendamping init --repair --workbook BERKAS), yang hanya menambah yang hilang tanpa menghapus isi.',
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
  'recap.trendChartTitle': 'Rata-rata Skor Akhir per Putaran',
  'recap.aspect.note': 'Skor Akhir aspek ini (skor datar indikatornya, jawaban efektif), dihitung saat Rekap diperbarui (Buat / perbarui tab unit, Perbarui rekap).',
  'recap.rank.note':
    'Peringkat unit terverifikasi (Tahap Terverifikasi atau Temuan terkirim) menurut Skor Akhir, tertinggi = 1; skor sama, peringkat sama. Unit lain tanpa peringkat.',
  'core.status.fill.note':
    'PIC unit memilih Diajukan setelah asesmen mandiri selesai diisi (asesor dan admin juga boleh mengubahnya). Selama Draf, jawaban masih dikerjakan.',
  'core.qualifier.note':
    'Hanya asesor unit dan admin: pilih Ya bila setiap produk Ombudsman untuk unit ini (tindakan korektif, saran perbaikan, rekomendasi) sudah ditindaklanjuti. Ditulis setelah kategori; tidak memengaruhi skor.',
  'core.status.verify.note':
    'Hanya asesor unit dan admin: pilih Terverifikasi setelah memeriksa setiap indikator. Jawaban Verifikasi yang kosong berarti asesor setuju dengan jawaban PIC. Kategori di Rekap hanya tampil untuk unit yang terverifikasi.',
  'core.menu.share': 'Bagikan akses',
  'core.share.willAdd': 'Akan ditambahkan sebagai editor ({count}): {addresses}. Sudah editor: {already}.',
  'core.share.added': 'Ditambahkan sebagai editor ({count}): {addresses}. Sudah editor: {already}.',
  'core.share.nobody': 'Tidak ada alamat baru: semua PIC dan asesor yang valid sudah editor ({already}).',
  'core.share.invalid': 'Tidak dibagikan: "{address}" (Unit baris {row}, {kode}) bukan alamat email yang valid. Perbaiki di tab Unit, lalu jalankan Bagikan akses lagi.',
  'core.share.readNote':
    'Ingat: proteksi hanya mencegah penyuntingan, bukan pembacaan. Setiap orang yang diberi akses dapat membaca semua tab, termasuk jawaban unit lain dan catatan asesor.',
  'core.share.failed': 'Berkas tidak dapat dibagikan: {reason}. Tidak ada yang diubah; coba lagi.',
  'core.share.confirm': 'Lanjutkan?',
  'core.legend.pic': 'Diisi PIC unit (sel biru)',
  'core.legend.assessor': 'Diisi asesor (sel merah muda)',
  'core.guide':
    'PIC mengisi sel biru di tiap baris: Jawaban Mandiri, Bukti (tautan atau nama berkas), Tindak Lanjut dan Keterangan Tindak Lanjut; setelah semua terisi, pilih Diajukan di Status Pengisian ({fill}). Asesor mengisi sel merah muda dan memilih Terverifikasi di Status Verifikasi ({verify}). Batas waktu perbaikan ada di {deadline}. Arahkan kursor ke judul kolom untuk penjelasannya.',
  'core.answers.note': 'Jawaban: {answers}',
  'core.answers.scale': '0 sampai {max}',
  'core.answers.na': 'N/A (tidak berlaku)',
  'core.column.code': 'Kode indikator dari tab Instrumen; mengikat jawaban ke indikatornya. Jangan diubah.',
  'core.column.aspect': 'Aspek penilaian indikator ini (dari Instrumen).',
  'core.column.indicator': 'Yang dinilai. Catatan sel menyebut dasar hukumnya.',
  'core.column.weight': 'Bobot indikator dalam skor (dari Instrumen).',
  'core.column.answerType': 'Jenis jawaban yang dipakai skor. Jawaban yang boleh dipilih tertulis di catatan sel Jawaban Mandiri dan di daftar pilihannya.',
  'core.column.self': 'Diisi PIC: jawaban asesmen mandiri, dipilih dari daftar. Catatan sel menyebut jawaban yang boleh dan artinya.',
  'core.column.evidence': 'Diisi PIC: bukti pendukung, mis. tautan foto atau dokumen. Catatan sel menyebut bukti yang diminta.',
  'core.column.verified': 'Diisi asesor: jawaban hasil verifikasi. Kosong berarti asesor setuju dengan Jawaban Mandiri.',
  'core.column.note': 'Diisi asesor: catatan temuan untuk unit.',
  'core.column.recommendation': 'Diisi asesor: rekomendasi perbaikan (kosong: rekomendasi dari Instrumen).',
  'core.column.deadline': 'Diisi asesor: batas waktu perbaikan indikator ini (kosong: batas waktu putaran).',
  'core.column.followUp': 'Diisi PIC: keadaan tindak lanjut temuan, Belum, Dalam proses atau Selesai.',
  'core.column.followUpNote': 'Diisi PIC: tindak lanjut dengan kata-kata sendiri, mis. "Banner dipasang 12 Mei, foto di Bukti".',
  'core.column.previous': 'Jawaban akhir indikator ini di putaran lalu (diisi otomatis saat putaran baru dimulai).',
  'core.column.previousEvidence': 'Bukti indikator ini di putaran lalu (diisi otomatis saat putaran baru dimulai). Salin ke Bukti bila masih berlaku.',
  'core.column.allowNA': 'Ya: indikator ini boleh dijawab N/A (tidak berlaku) dan tidak dihitung dalam skor.',
  'core.column.credit':
    'Nilai yang diperoleh baris ini dari jawabannya (Jawaban Verifikasi bila diisi, selain itu Jawaban Mandiri): 1 penuh, 0,5 sebagian, 0 tidak atau jawaban tidak sah; N/A tidak dihitung; kosong sebelum dijawab. Dihitung otomatis.',
  'core.recap.stage.note':
    'Belum mulai → Diisi → Diajukan → Terverifikasi → Temuan terkirim. Mengikuti langsung Status Pengisian dan Status Verifikasi di tab unit serta Log Email (Temuan terkirim: unit terverifikasi dan email temuan putaran ini sudah TERKIRIM). Kategori hanya tampil untuk unit yang terverifikasi.',
  'core.summary.index.note':
    'Skor pada skala 0–{max} yang dinyatakan Skala di tab Kategori: Skor × {max} / 100, dibulatkan 2 desimal. Kategori dicari pada angka ini. Dihitung.',
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
  'core.needSetup':
    'Tab {tabs} does not exist yet. First run Extensions › Pendamping › Set up the workbook (command line: pendamping init --repair --workbook FILE), which only adds what is missing and deletes nothing.',
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
  'recap.trendChartTitle': 'Average Skor Akhir per round',
  'recap.aspect.note': "This aspect's Skor Akhir (the flat score of its indicators on the effective answers), computed when Rekap is rebuilt (Buat / perbarui tab unit, Perbarui rekap).",
  'recap.rank.note':
    'Rank of the verified units (Tahap Terverifikasi or Temuan terkirim) by Skor Akhir, highest = 1; equal scores share a rank. Other units have none.',
  'core.status.fill.note':
    "The unit's PIC picks Diajukan (submitted) once the self-assessment is filled in (its assessor and the admins may change it too). While Draf, the answers are still being worked on.",
  'core.qualifier.note':
    "Only the unit's assessor and the admins: pick Ya (yes) when every Ombudsman product for this unit (corrective action, improvement advice, recommendation) has been followed up. Shown after the category; not part of the score.",
  'core.status.verify.note':
    "Only the unit's assessor and the admins: pick Terverifikasi (verified) after checking every indicator. An empty Jawaban Verifikasi means the assessor agrees with the PIC's answer. Rekap shows a category only for verified units.",
  'core.menu.share': 'Share access',
  'core.share.willAdd': 'Will be added as editors ({count}): {addresses}. Already editors: {already}.',
  'core.share.added': 'Added as editors ({count}): {addresses}. Already editors: {already}.',
  'core.share.nobody': 'No new address: every valid PIC and assessor is already an editor ({already}).',
  'core.share.invalid': 'Not shared: "{address}" (Unit row {row}, {kode}) is not a valid email address. Fix it in the Unit tab, then run Share access again.',
  'core.share.readNote':
    "Remember: protections stop edits, not reads. Everyone the file is shared with can read every tab, other units' answers and the assessors' notes included.",
  'core.share.failed': 'The file could not be shared: {reason}. Nothing changed; try again.',
  'core.share.confirm': 'Go ahead?',
  'core.legend.pic': "Filled in by the unit's PIC (blue cells)",
  'core.legend.assessor': 'Filled in by the assessor (pink cells)',
  'core.guide':
    'The PIC fills the blue cells of each row: Jawaban Mandiri (self-assessment), Bukti (evidence: a link or file name), Tindak Lanjut (follow-up) and Keterangan Tindak Lanjut (the follow-up in words); when all are filled in, pick Diajukan in Status Pengisian ({fill}). The assessor fills the pink cells and picks Terverifikasi in Status Verifikasi ({verify}). The deadline for fixes is in {deadline}. Hover over a column header for what it means.',
  'core.answers.note': 'Answers: {answers}',
  'core.answers.scale': '0 to {max}',
  'core.answers.na': 'N/A (not applicable)',
  'core.column.code': 'The indicator code from the Instrumen tab; it ties the answers to their indicator. Do not change it.',
  'core.column.aspect': 'The aspect this indicator belongs to (from Instrumen).',
  'core.column.indicator': "What is assessed. The cell's note gives its legal basis.",
  'core.column.weight': "The indicator's weight in the score (from Instrumen).",
  'core.column.answerType': "The answer type the score uses. The answers you may pick are in the note of the Jawaban Mandiri cell and in its list.",
  'core.column.self': "Filled in by the PIC: the self-assessment answer, picked from the list. The cell's note gives the allowed answers and what they mean.",
  'core.column.evidence': "Filled in by the PIC: the supporting evidence, e.g. a link to a photo or document. The cell's note says what evidence is asked for.",
  'core.column.verified': "Filled in by the assessor: the verified answer. Empty means the assessor agrees with Jawaban Mandiri.",
  'core.column.note': "Filled in by the assessor: the finding's note for the unit.",
  'core.column.recommendation': "Filled in by the assessor: the recommended fix (empty: the instrument's recommendation).",
  'core.column.deadline': "Filled in by the assessor: this indicator's deadline for the fix (empty: the round's deadline).",
  'core.column.followUp': 'Filled in by the PIC: where the follow-up stands, Belum (not yet), Dalam proses (in progress) or Selesai (done).',
  'core.column.followUpNote': 'Filled in by the PIC: the follow-up in your own words, e.g. "Banner put up on 12 May, photo in Bukti".',
  'core.column.previous': "This indicator's final answer in the last round (filled in when a new round starts).",
  'core.column.previousEvidence': "This indicator's evidence in the last round (filled in when a new round starts). Copy it into Bukti if it still holds.",
  'core.column.allowNA': 'Ya: this indicator may be answered N/A (not applicable) and then does not count in the score.',
  'core.column.credit':
    "The credit this row earns from its answer (Jawaban Verifikasi where filled in, else Jawaban Mandiri): 1 full, 0.5 partial, 0 none or an invalid answer; N/A does not count; empty before an answer. Computed.",
  'core.recap.stage.note':
    "Belum mulai (not started) → Diisi (filling in) → Diajukan (submitted) → Terverifikasi (verified) → Temuan terkirim (findings sent). Follows the unit tab's Status Pengisian and Status Verifikasi and Log Email live (Temuan terkirim: the unit is verified and this round's findings email was TERKIRIM). Categories show for verified units only.",
  'core.summary.index.note':
    'The score on the 0–{max} scale that Skala declares in the Kategori tab: Skor × {max} / 100, rounded to 2 decimals. The category is looked up on this figure. Computed.',
};
