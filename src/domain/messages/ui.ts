// Messages of the menus, the sidebar and help (section of the one catalogue, see ../i18n.ts).

export const id = {
  'menu.openPanel': 'Buka panel',
  'menu.help': 'Bantuan',
  'sidebar.title': 'Pendamping',
  'help.title': 'Bantuan Pendamping',
  'practice.menu': 'Buat buku latihan',
  'practice.prompt': 'Jumlah peserta bimtek (1–{max}; kosong: {count}). Setiap peserta mendapat satu unit latihan dengan alamat PIC peserta01@latihan.example dan seterusnya.',
  'practice.count': 'Jumlah peserta harus bilangan bulat 1 sampai {max}, bukan {count}.',
  'practice.notEmpty':
    'Buku latihan hanya dibuat di spreadsheet kosong, dan spreadsheet ini sudah berisi program (tab Pengaturan atau Unit): tidak ada yang diubah. Buat salinan templat Pendamping (File → Buat salinan), lalu jalankan "Buat buku latihan" di salinan itu.',
  'practice.done':
    'Buku latihan siap: {count} unit, satu per peserta ({first} … {last}), asesor {assessor}. Alamat latihan.example tidak pernah menerima email: periksa email temuan dengan Pratinjau di panel.',
  'practice.programme': 'Latihan Bimtek Pendamping',
  'practice.office': 'Sekretariat (latihan)',
  'practice.round': 'Latihan',
  'help.role.sekretariat': 'sekretariat',
  'help.role.asesor': 'asesor',
  'help.role.pic': 'PIC unit',
  'help.guide': 'Panduan {role}: {where}',
  'help.guide.file': '{file} di repositori Pendamping, atau salinan cetaknya (pendamping guide) dari sekretariat',
  'help.noRole': 'Alamat Anda tidak tercatat sebagai admin, asesor atau PIC di buku kerja ini. Panduan setiap peran:',
  'help.body':
    'Pendamping membantu sekretariat pendampingan: siapkan buku kerja, isi tab Unit, buat tab unit, lalu kirim temuan; setelah batas waktu, kirim pengingat dan mulai putaran baru untuk penilaian ulang. Buku kerja yang diunggah kembali dari berkas .xlsx kehilangan proteksinya: jalankan "Buat / perbarui tab unit" untuk memulihkannya. Catatan: proteksi hanya mencegah perubahan, bukan membaca — setiap editor berkas dapat membaca semua tab.',
};

export const en: typeof id = {
  'menu.openPanel': 'Open panel',
  'menu.help': 'Help',
  'sidebar.title': 'Pendamping',
  'help.title': 'Pendamping help',
  'practice.menu': 'Create practice workbook',
  'practice.prompt': 'Number of bimtek participants (1–{max}; empty: {count}). Each participant gets one practice unit with the PIC address peserta01@latihan.example and so on.',
  'practice.count': 'The number of participants must be a whole number from 1 to {max}, not {count}.',
  'practice.notEmpty':
    'A practice workbook is only made in an empty spreadsheet, and this one already holds a programme (a Pengaturan or Unit tab): nothing was changed. Make a copy of the Pendamping template (File → Make a copy), then run "Create practice workbook" in that copy.',
  'practice.done':
    'Practice workbook ready: {count} units, one per participant ({first} … {last}), assessor {assessor}. latihan.example addresses never receive email: look at the findings emails with Preview in the panel.',
  'practice.programme': 'Pendamping bimtek practice',
  'practice.office': 'Secretariat (practice)',
  'practice.round': 'Practice',
  'help.role.sekretariat': 'secretariat',
  'help.role.asesor': 'assessor',
  'help.role.pic': 'unit PIC',
  'help.guide': 'Guide for the {role} (in Bahasa Indonesia): {where}',
  'help.guide.file': '{file} in the Pendamping repository, or its printed copy (pendamping guide) from the secretariat',
  'help.noRole': 'Your address is not listed as an admin, assessor or PIC in this workbook. The guide of each role:',
  'help.body':
    'Pendamping helps the secretariat of an assistance programme: set up the workbook, fill the Unit tab, generate the unit tabs, then send the findings; after the deadline, send reminders and start a new round for the re-assessment. A workbook uploaded again from an .xlsx file has lost its protections: run "Create / update unit tabs" to restore them. Note: protections stop edits, not reads — every editor of the file can read every tab.',
};
