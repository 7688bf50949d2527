// Messages of the menus, the sidebar and help (section of the one catalogue, see ../i18n.ts).

export const id = {
  'menu.openPanel': 'Buka panel',
  'menu.help': 'Bantuan',
  'sidebar.title': 'Pendamping',
  'help.title': 'Bantuan Pendamping',
  'help.body':
    'Pendamping membantu sekretariat pendampingan: siapkan buku kerja, isi tab Unit, buat tab unit, lalu kirim temuan; setelah batas waktu, kirim pengingat dan mulai putaran baru untuk penilaian ulang. Buku kerja yang diunggah kembali dari berkas .xlsx kehilangan proteksinya: jalankan "Buat / perbarui tab unit" untuk memulihkannya. Catatan: proteksi hanya mencegah perubahan, bukan membaca — setiap editor berkas dapat membaca semua tab.',
};

export const en: typeof id = {
  'menu.openPanel': 'Open panel',
  'menu.help': 'Help',
  'sidebar.title': 'Pendamping',
  'help.title': 'Pendamping help',
  'help.body':
    'Pendamping helps the secretariat of an assistance programme: set up the workbook, fill the Unit tab, generate the unit tabs, then send the findings; after the deadline, send reminders and start a new round for the re-assessment. A workbook uploaded again from an .xlsx file has lost its protections: run "Create / update unit tabs" to restore them. Note: protections stop edits, not reads — every editor of the file can read every tab.',
};
