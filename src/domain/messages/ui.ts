// Messages of the menus, the sidebar and help (section of the one catalogue, see ../i18n.ts).

export const id = {
  'menu.title': 'Pendamping',
  'menu.openPanel': 'Buka panel',
  'menu.help': 'Bantuan',
  'sidebar.title': 'Pendamping',
  'help.title': 'Bantuan Pendamping',
  'help.body':
    'Pendamping membantu sekretariat pendampingan: siapkan buku kerja, isi tab Unit, buat tab unit, lalu kirim temuan. Catatan: proteksi hanya mencegah perubahan, bukan membaca — setiap editor berkas dapat membaca semua tab.',
};

export const en: typeof id = {
  'menu.title': 'Pendamping',
  'menu.openPanel': 'Open panel',
  'menu.help': 'Help',
  'sidebar.title': 'Pendamping',
  'help.title': 'Pendamping help',
  'help.body':
    'Pendamping helps the secretariat of an assistance programme: set up the workbook, fill the Unit tab, generate the unit tabs, then send the findings. Note: protections stop edits, not reads — every editor of the file can read every tab.',
};
