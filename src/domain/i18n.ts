// The message catalogue: every user-facing string, in Bahasa Indonesia and English.
// Add a key to both languages; `t` falls back to Indonesian, never to the key silently.

export type Lang = 'id' | 'en';

const id = {
  'menu.title': 'Pendamping',
  'menu.openPanel': 'Buka panel',
  'menu.help': 'Bantuan',
  'sidebar.title': 'Pendamping',
  'help.title': 'Bantuan Pendamping',
  'help.body':
    'Pendamping membantu sekretariat pendampingan: siapkan buku kerja, isi tab Unit, buat tab unit, lalu kirim temuan. Catatan: proteksi hanya mencegah perubahan, bukan membaca — setiap editor berkas dapat membaca semua tab.',
};

type Catalogue = typeof id;
export type MessageKey = keyof Catalogue;

const en: Catalogue = {
  'menu.title': 'Pendamping',
  'menu.openPanel': 'Open panel',
  'menu.help': 'Help',
  'sidebar.title': 'Pendamping',
  'help.title': 'Pendamping help',
  'help.body':
    'Pendamping helps the secretariat of an assistance programme: set up the workbook, fill the Unit tab, generate the unit tabs, then send the findings. Note: protections stop edits, not reads — every editor of the file can read every tab.',
};

const catalogues: Record<Lang, Catalogue> = { id, en };

/** Normalises a `bahasa` setting; anything unknown is Indonesian. */
export function toLang(value: unknown): Lang {
  return String(value ?? '').trim().toLowerCase() === 'en' ? 'en' : 'id';
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key] ?? catalogues.id[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
