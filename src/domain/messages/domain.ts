// Messages of the pure domain: validation problems of the system tabs, unit-row statuses,
// the Keterangan of the default settings, and the custom functions' errors (section of the one
// catalogue, see ../i18n.ts). A problem reads "{where}: {what}"; each "what" says what is wrong
// and how to fix it.

export const id = {
  'problem.tabLabel': 'Tab {tab}',
  'problem.at.tab': '{where}: {what}',
  'problem.at.row': '{where} baris {row}: {what}',
  'problem.at.cell': '{where} baris {row}, kolom {column}: {what}',
  'check.missingColumns':
    'kolom {columns} tidak ditemukan di baris judul (baris pertama). Tambahkan judul kolom itu persis seperti tertulis.',
  'check.code.empty': 'Kode kosong. Isi Kode yang unik, mis. SP-01.',
  'check.code.duplicate':
    'Kode "{code}" sudah dipakai di baris {first}. Beri setiap baris Kode yang berbeda (huruf besar/kecil tidak dibedakan).',
  'check.indicator.emptyText': 'Indikator kosong. Tulis bunyi indikatornya.',
  'check.weight.invalid': 'Bobot "{value}" bukan angka lebih dari 0. Isi angka positif, mis. 2 atau 2,5.',
  'check.answerType.invalid':
    'Jenis Jawaban "{value}" tidak dikenal. Pakai ya-tidak, ya-sebagian-tidak, atau 0-N dengan N bilangan bulat 1 sampai 10 (mis. 0-3).',
  'check.allowNA.invalid': 'Boleh N/A "{value}" tidak dikenal. Isi Ya atau Tidak (kosong berarti Tidak).',
  'check.instrument.none':
    'belum ada indikator. Isi minimal satu baris indikator di bawah baris judul, atau siapkan ulang buku kerja dari profil.',
  'check.aspect.emptyName':
    'nama Aspek kosong padahal Bobot Aspek diisi. Tulis nama aspek persis seperti di tab Instrumen, atau kosongkan barisnya.',
  'check.aspect.weight': 'Bobot Aspek "{value}" bukan angka lebih dari 0. Isi angka positif, mis. 21,85.',
  'check.aspect.duplicate': 'Aspek "{name}" sudah ada di baris {first}. Satukan menjadi satu baris.',
  'check.aspect.unlisted':
    'aspek "{name}" dipakai di tab Instrumen tetapi tidak ada di sini, sehingga indikatornya tidak ikut dinilai. Tambahkan aspek itu beserta bobotnya, atau kosongkan tab Aspek untuk penilaian tanpa bobot aspek.',
  'check.category.emptyName': 'nama Kategori kosong. Isi nama kategori, mis. Hijau, atau kosongkan barisnya.',
  'check.category.min': 'Skor Minimum "{value}" bukan angka dari 0 sampai {max}. Isi angka, mis. 81 (pada Skala 0-100).',
  'check.category.scale':
    'Skala "{value}" tidak dikenal. Isi 0-N dengan N bilangan bulat 1 sampai 100: 0-100 bila Skor Minimum memakai skor 0–100, mis. 0-5 untuk indeks PEKPPP; kosong berarti 0-100.',
  'check.category.scaleMixed':
    'Skala "{value}" berbeda dari "{first}" di baris {firstRow}. Satu tabel Kategori memakai satu skala: samakan isinya atau kosongkan selnya.',
  'check.category.duplicateName': 'Kategori "{name}" sudah ada di baris {first}. Beri setiap kategori nama yang berbeda.',
  'check.category.duplicateMin':
    'Skor Minimum {value} sudah dipakai kategori di baris {first}. Beri setiap kategori Skor Minimum yang berbeda.',
  'check.category.zone': 'Zona "{value}" tidak dikenal. Isi Hijau, Kuning, atau Merah.',
  'check.category.noZero':
    'tidak ada kategori dengan Skor Minimum 0, sehingga skor rendah tidak mendapat kategori. Tambahkan kategori dengan Skor Minimum 0.',
  'check.settings.duplicateKey': 'kunci "{key}" sudah ada di baris {first}. Hapus salah satu baris.',
  'check.settings.profile': 'profil "{value}" tidak dikenal. Pakai salah satu: {ids}.',
  'check.settings.date': 'batas_waktu "{value}" bukan tanggal. Isi tanggal, mis. 2025-03-31 atau 31/03/2025.',
  'check.settings.yesNo': '{key} "{value}" tidak dikenal. Isi Ya atau Tidak.',
  'check.settings.singleEmail': 'email_balasan hanya boleh satu alamat, bukan {count}. Sisakan satu alamat.',
  'check.email.invalid':
    'alamat email tidak sah: {emails}. Perbaiki penulisannya (mis. nama@instansi.go.id); pisahkan beberapa alamat dengan koma.',
  'check.unit.codeEmpty': 'Kode kosong. Isi Kode unit yang unik, mis. DINKES.',
  'check.unit.codeDuplicate': 'Kode "{code}" sudah dipakai unit di baris {first}. Beri unit ini Kode yang berbeda.',
  'check.unit.nameEmpty': 'Nama Unit kosong. Isi nama lengkap unit.',
  'setting.default.putaran': 'Putaran 1 {year}',
  'check.unit.noEmail':
    '{ok} — Email PIC kosong: tab unit dibuat, tetapi unit ini tidak akan dikirimi email (temuan, pengingat) karena tidak ada alamat tujuan. Isi Email PIC bila unit ini perlu dikirimi.',
  'check.unit.picInvalid': 'Email PIC tidak sah: {emails}. Perbaiki penulisannya; pisahkan beberapa alamat dengan koma.',
  'check.unit.assessorInvalid':
    'Email Asesor tidak sah: {emails}. Perbaiki penulisannya; pisahkan beberapa alamat dengan koma, atau kosongkan.',
  'setting.note.nama_kegiatan': 'Nama kegiatan, tampil di email temuan.',
  'setting.note.instansi_penilai': 'Instansi penilai yang menandatangani email temuan.',
  'setting.note.profil':
    'Profil metodologi: opini-2025 (Penilaian Maladministrasi Ombudsman sejak 2025, bawaan), pekppp-2023 (PEKPPP KemenPAN-RB), opini-2022 (Ombudsman 2022–2024) atau ombudsman-2021 (lama, untuk membandingkan skor 2019–2021).',
  'setting.note.putaran': 'Nama putaran yang berjalan, mis. 2020 Pendampingan.',
  'setting.note.batas_waktu': 'Batas waktu perbaikan putaran ini (tanggal, mis. 2025-03-31).',
  'setting.note.email_admin': 'Email sekretariat yang boleh menjalankan tindakan admin, pisahkan dengan koma.',
  'setting.note.email_balasan': 'Alamat balasan (reply-to) email temuan.',
  'setting.note.bahasa': 'Bahasa menu, panel dan email: id atau en.',
  'fn.error': '#GALAT: {what}',
  'fn.more': '{what} (dan {count} masalah lain)',
  'fn.lengthMismatch':
    '{param} berisi {count} sel, padahal jawaban berisi {expected} sel. Pilih rentang dengan jumlah baris yang sama, mis. F8:F47 dan D8:D47.',
  'fn.scoreNotNumber': 'skor "{value}" bukan angka. Rujuk sel skor, mis. C5.',
};

export const en: typeof id = {
  'problem.tabLabel': 'Tab {tab}',
  'problem.at.tab': '{where}: {what}',
  'problem.at.row': '{where} row {row}: {what}',
  'problem.at.cell': '{where} row {row}, column {column}: {what}',
  'check.missingColumns':
    'column(s) {columns} not found in the header row (the first row). Add those headers exactly as written.',
  'check.code.empty': 'Kode is empty. Enter a unique code, e.g. SP-01.',
  'check.code.duplicate':
    'Kode "{code}" is already used in row {first}. Give every row a different code (case is ignored).',
  'check.indicator.emptyText': 'Indikator is empty. Write the indicator text.',
  'check.weight.invalid': 'Bobot "{value}" is not a number greater than 0. Enter a positive number, e.g. 2 or 2.5.',
  'check.answerType.invalid':
    'Jenis Jawaban "{value}" is unknown. Use ya-tidak, ya-sebagian-tidak, or 0-N with N a whole number from 1 to 10 (e.g. 0-3).',
  'check.allowNA.invalid': 'Boleh N/A "{value}" is unknown. Enter Ya or Tidak (empty means Tidak).',
  'check.instrument.none':
    'there are no indicators. Fill at least one indicator row below the header row, or set the workbook up again from a profile.',
  'check.aspect.emptyName':
    'the Aspek name is empty although Bobot Aspek is filled. Write the aspect name exactly as in the Instrumen tab, or clear the row.',
  'check.aspect.weight': 'Bobot Aspek "{value}" is not a number greater than 0. Enter a positive number, e.g. 21.85.',
  'check.aspect.duplicate': 'Aspek "{name}" already appears in row {first}. Merge them into one row.',
  'check.aspect.unlisted':
    'aspect "{name}" is used in the Instrumen tab but missing here, so its indicators are not scored. Add that aspect with its weight, or clear the Aspek tab to score without aspect weights.',
  'check.category.emptyName': 'the Kategori name is empty. Enter a category name, e.g. Hijau, or clear the row.',
  'check.category.min': 'Skor Minimum "{value}" is not a number from 0 to {max}. Enter a number, e.g. 81 (on Skala 0-100).',
  'check.category.scale':
    'Skala "{value}" is unknown. Enter 0-N with N a whole number from 1 to 100: 0-100 when Skor Minimum uses the 0–100 score, e.g. 0-5 for the PEKPPP index; empty means 0-100.',
  'check.category.scaleMixed':
    'Skala "{value}" differs from "{first}" in row {firstRow}. One Kategori table uses one scale: make them the same or clear the cell.',
  'check.category.duplicateName': 'Kategori "{name}" already appears in row {first}. Give every category a different name.',
  'check.category.duplicateMin':
    'Skor Minimum {value} is already used by the category in row {first}. Give every category a different minimum.',
  'check.category.zone': 'Zona "{value}" is unknown. Enter Hijau, Kuning or Merah.',
  'check.category.noZero':
    'no category has Skor Minimum 0, so low scores get no category. Add a category with Skor Minimum 0.',
  'check.settings.duplicateKey': 'key "{key}" already appears in row {first}. Delete one of the rows.',
  'check.settings.profile': 'profile "{value}" is unknown. Use one of: {ids}.',
  'check.settings.date': 'batas_waktu "{value}" is not a date. Enter a date, e.g. 2025-03-31 or 31/03/2025.',
  'check.settings.yesNo': '{key} "{value}" is unknown. Enter Ya or Tidak.',
  'check.settings.singleEmail': 'email_balasan takes one address, not {count}. Keep one address.',
  'check.email.invalid':
    'invalid email address: {emails}. Correct the spelling (e.g. name@agency.go.id); separate several addresses with commas.',
  'check.unit.codeEmpty': 'Kode is empty. Enter a unique unit code, e.g. DINKES.',
  'check.unit.codeDuplicate': 'Kode "{code}" is already used by the unit in row {first}. Give this unit a different code.',
  'check.unit.nameEmpty': 'Nama Unit is empty. Enter the full name of the unit.',
  'setting.default.putaran': 'Round 1 {year}',
  'check.unit.noEmail':
    '{ok} — Email PIC is empty: the unit tab is made, but this unit will not be emailed (findings, reminders) as there is no address to send to. Fill in Email PIC if it should be.',
  'check.unit.picInvalid': 'invalid Email PIC: {emails}. Correct the spelling; separate several addresses with commas.',
  'check.unit.assessorInvalid':
    'invalid Email Asesor: {emails}. Correct the spelling; separate several addresses with commas, or leave it empty.',
  'setting.note.nama_kegiatan': 'Name of the programme, shown in findings emails.',
  'setting.note.instansi_penilai': 'The assessing office that signs the findings emails.',
  'setting.note.profil':
    "Methodology profile: opini-2025 (the Ombudsman's maladministration assessment from 2025, the default), pekppp-2023 (KemenPAN-RB's PEKPPP), opini-2022 (Ombudsman 2022–2024) or ombudsman-2021 (legacy, for comparing 2019–2021 scores).",
  'setting.note.putaran': 'Label of the active round, e.g. 2020 Pendampingan.',
  'setting.note.batas_waktu': 'Deadline for fixes in this round (a date, e.g. 2025-03-31).',
  'setting.note.email_admin': 'Secretariat emails allowed to run admin actions, comma separated.',
  'setting.note.email_balasan': 'Reply-to address of findings emails.',
  'setting.note.bahasa': 'Language of menus, panel and emails: id or en.',
  'fn.error': '#ERROR: {what}',
  'fn.more': '{what} (and {count} more problems)',
  'fn.lengthMismatch':
    '{param} has {count} cells but jawaban has {expected}. Select ranges with the same number of rows, e.g. F8:F47 and D8:D47.',
  'fn.scoreNotNumber': 'score "{value}" is not a number. Refer to the score cell, e.g. C5.',
};
