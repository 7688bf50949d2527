// Messages of the checks made where a value enters the workbook (issue 18): weights in range,
// hidden characters, the bahasa setting, a pasted or imported unit list, and what a unit tab
// holds that cannot be scored (section of the one catalogue, see ../i18n.ts).

export const id = {
  'check.weight.range': 'Bobot "{value}" di luar rentang. Isi angka lebih dari 0 sampai {max}, mis. 2 atau 2,5.',
  'check.aspect.weightRange': 'Bobot Aspek "{value}" di luar rentang. Isi angka lebih dari 0 sampai {max}, mis. 21,85.',
  'check.hidden':
    '{column} berisi karakter tak terlihat {char} (spasi lebar-nol atau pengatur arah teks), sehingga tampak sama dengan teks lain padahal berbeda. Ketik ulang isinya tanpa karakter itu.',
  'check.settings.bahasa': 'bahasa "{value}" tidak dikenal, jadi pesan memakai bahasa Indonesia. Isi id atau en.',
  'core.units.openQuote':
    'Tanda kutip (") yang dibuka di baris {line} tidak pernah ditutup, sehingga sisa teks terbaca sebagai satu sel. Tutup kutipnya (atau hapus), lalu impor lagi. Tidak ada yang ditambahkan.',
  'core.units.tooLong':
    'Baris {line}: satu sel berisi {length} karakter, lebih dari {max} karakter per sel. Persingkat isinya, lalu impor lagi. Tidak ada yang ditambahkan.',
  'core.units.read': 'Daftar unit dibaca dengan pemisah {delimiter}.',
  'core.units.aliases': 'Judul kolom dibaca sebagai: {pairs}.',
  'core.units.ignored': 'Kolom yang tidak dikenal diabaikan: {columns}.',
  'tab.flag.answer':
    '{column} "{value}" bukan pilihan indikator {code} ({choices}), sehingga tidak dinilai. Pilih jawaban dari daftar di sel itu.',
  'tab.flag.duplicate':
    'Kode "{code}" muncul lagi (pertama di baris {first}); baris ini tidak dinilai. Pindahkan isinya ke baris {first}, lalu jalankan "Buat / perbarui tab unit" (pendamping generate): baris ganda disimpan ke Arsip dan dihapus dari tab.',
  'tab.flag.unknown':
    'Kode "{code}" tidak ada di tab Instrumen untuk unit ini; baris ini tidak dinilai. Jalankan "Buat / perbarui tab unit" (pendamping generate): isinya disimpan ke Arsip dan barisnya dihapus.',
  'tab.flag.noCode':
    'baris berisi jawaban tanpa Kode, sehingga tidak dinilai. Isi Kode indikatornya, atau jalankan "Buat / perbarui tab unit" (pendamping generate): isinya disimpan ke Arsip dan barisnya dihapus.',
  'tab.flag.deadline': 'Batas Waktu "{value}" bukan tanggal, sehingga tidak dipakai untuk pengingat. Isi tanggal, mis. 2025-03-31.',
  'tab.flag.header':
    'judul tabel ada di baris {row}, bukan baris {expected}. Jalankan "Buat / perbarui tab unit" (pendamping generate) untuk menata ulang tab ini; jawaban tetap tersimpan per Kode.',
  'tab.flag.merged':
    'sel {range} digabung (merge), sehingga hanya {cell} yang terbaca dan sel lainnya kosong. Jalankan "Buat / perbarui tab unit" (pendamping generate): penggabungan dilepas, isi {cell} tetap; lalu isi sel lain yang perlu jawaban. Atau lepaskan sendiri penggabungan sel itu.',
  'core.generate.repaired': 'Diperbaiki di tab unit ({count}):',
  'tab.unreadable':
    'Tab {tab}: baris judul tabel (dengan kolom Kode dan Jawaban Mandiri) tidak ditemukan, jadi tab ini tidak dapat dinilai; "Buat / perbarui tab unit" membiarkannya agar tidak ada jawaban yang hilang. Kembalikan judul kolom Kode dan Jawaban Mandiri persis seperti tertulis, lalu jalankan lagi.',
  'core.generate.flagged': 'Belum dapat dinilai di tab unit ({count}; selnya diberi catatan):',
};

export const en: typeof id = {
  'check.weight.range': 'Bobot "{value}" is out of range. Enter a number greater than 0 and at most {max}, e.g. 2 or 2.5.',
  'check.aspect.weightRange': 'Bobot Aspek "{value}" is out of range. Enter a number greater than 0 and at most {max}, e.g. 21.85.',
  'check.hidden':
    '{column} holds the invisible character {char} (a zero-width space or a text-direction control), so it looks the same as another text but is not. Type it again without that character.',
  'check.settings.bahasa': 'bahasa "{value}" is unknown, so messages are in Indonesian. Enter id or en.',
  'core.units.openQuote':
    'The quote (") opened on line {line} is never closed, so the rest of the text reads as one cell. Close the quote (or delete it), then import again. Nothing was added.',
  'core.units.tooLong':
    'Line {line}: a cell holds {length} characters, more than {max} per cell. Shorten it, then import again. Nothing was added.',
  'core.units.read': 'The unit list was read with the delimiter {delimiter}.',
  'core.units.aliases': 'Headers read as: {pairs}.',
  'core.units.ignored': 'Unknown columns ignored: {columns}.',
  'tab.flag.answer':
    '{column} "{value}" is not a choice of indicator {code} ({choices}), so it is not scored. Pick an answer from the cell\'s list.',
  'tab.flag.duplicate':
    'Kode "{code}" appears again (first in row {first}); this row is not scored. Move what it holds to row {first}, then run "Create / update unit tabs" (pendamping generate): the repeated row goes to Arsip and leaves the tab.',
  'tab.flag.unknown':
    'Kode "{code}" is not in the Instrumen tab for this unit; this row is not scored. Run "Create / update unit tabs" (pendamping generate): what it holds goes to Arsip and the row leaves the tab.',
  'tab.flag.noCode':
    'the row holds answers but no Kode, so it is not scored. Enter the indicator\'s Kode, or run "Create / update unit tabs" (pendamping generate): what it holds goes to Arsip and the row leaves the tab.',
  'tab.flag.deadline': 'Batas Waktu "{value}" is not a date, so reminders do not use it. Enter a date, e.g. 2025-03-31.',
  'tab.flag.header':
    'the table header is in row {row}, not row {expected}. Run "Create / update unit tabs" (pendamping generate) to lay this tab out again; answers stay under their Kode.',
  'tab.flag.merged':
    'cells {range} are merged, so only {cell} is read and the others are empty. Run "Create / update unit tabs" (pendamping generate): the cells are unmerged and {cell} keeps its value; then fill the other cells that need an answer. Or unmerge them yourself: Format > Merge cells > Unmerge.',
  'core.generate.repaired': 'Repaired on the unit tabs ({count}):',
  'tab.unreadable':
    'Tab {tab}: the table header row (with the Kode and Jawaban Mandiri columns) was not found, so this tab cannot be scored; "Create / update unit tabs" leaves it alone so that no answer is lost. Restore the Kode and Jawaban Mandiri headers exactly as written, then run again.',
  'core.generate.flagged': 'Not scorable yet on the unit tabs ({count}; the cells carry a note):',
};
