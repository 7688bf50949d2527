// The desa items: component 3 of the KPK "Desa Antikorupsi" programme (Penguatan kualitas
// pelayanan publik), the one published per-type list for village offices. Source:
// instrumen-desa-pelayanan-publik.csv of the project's domain data, draft 2026 (sourcing notes,
// sections 2 and 6; docs/METHODOLOGY.md). Shipped in opini-2025 and pekppp-2023 for units whose
// Jenis is Desa or Kelurahan. Not copied: the CSV's Bobot (its author's synthesis: the KPK weights
// are not public) and DS-10/DS-11 (synthesis repeating items every unit already gets).
/** The CSV's themes (its Aspek column); each profile places a theme in one of its own aspects. */
export type DesaTheme = 'Pengaduan' | 'Survei Kepuasan Masyarakat' | 'Keterbukaan Informasi' | 'Informasi APBDes' | 'Maklumat Pelayanan';

/** Kode, theme, Indikator, Jenis Jawaban, Boleh N/A, Rekomendasi, Dasar Hukum, Bukti Diminta. */
const DESA_ITEMS: readonly (readonly [string, DesaTheme, string, string, string, string, string, string])[] = [
  ['DS-01', 'Pengaduan', 'Prosedur baku penerimaan, penanganan dan tindak lanjut pengaduan ditetapkan', 'ya-tidak', 'Tidak', 'Tetapkan prosedur baku pengaduan dengan keputusan kepala desa.', 'Perpres 76/2013; UU 25/2009 Pasal 36', 'Dokumen prosedur/keputusan kepala desa'],
  ['DS-02', 'Pengaduan', 'Saluran pengaduan digital (surel/situs/medsos) dan konvensional tersedia', 'ya-sebagian-tidak', 'Tidak', 'Sediakan saluran pengaduan digital dan konvensional.', 'Perpres 76/2013', 'Foto kotak/loket pengaduan; tangkapan layar kanal digital'],
  ['DS-03', 'Pengaduan', 'Prosedur dan saluran pengaduan dipublikasikan; aduan direkap dan ditindaklanjuti', 'ya-sebagian-tidak', 'Tidak', 'Publikasikan prosedur/saluran dan rekap aduan beserta tindak lanjutnya.', 'Perpres 76/2013', 'Foto banner/tautan; rekap aduan'],
  ['DS-04', 'Survei Kepuasan Masyarakat', 'SKM atas layanan pemerintah desa dilaksanakan sesuai PermenPAN-RB 14/2017', 'ya-tidak', 'Tidak', 'Laksanakan SKM sesuai pedoman.', 'PermenPAN-RB 14/2017', 'Kuesioner dan laporan SKM'],
  ['DS-05', 'Survei Kepuasan Masyarakat', 'Hasil SKM dan tindak lanjutnya disosialisasikan/dipublikasikan', 'ya-sebagian-tidak', 'Tidak', 'Publikasikan hasil SKM dan rencana tindak lanjutnya.', 'PermenPAN-RB 14/2017', 'Foto/tautan publikasi hasil SKM; dokumen tindak lanjut'],
  ['DS-06', 'Keterbukaan Informasi', 'Informasi layanan desa (SPM Desa, pembangunan, kependudukan, keuangan) tersedia di media informasi (poster, banner, medsos, situs)', 'ya-sebagian-tidak', 'Tidak', 'Sediakan informasi SPM Desa dan layanan lain di media informasi.', 'Permendagri 2/2017 (SPM Desa)', 'Keputusan kepala desa tentang SPM Desa; foto/tautan media informasi'],
  ['DS-07', 'Informasi APBDes', 'Baliho/poster APBDes (sumber pendapatan, prioritas Dana Desa, alokasi belanja per bidang, kontak aduan) di kantor desa, dusun, situs dan medsos', 'ya-sebagian-tidak', 'Tidak', 'Pasang baliho/poster APBDes di lokasi yang mudah diakses.', 'UU 6/2014 tentang Desa (keterbukaan APBDes)', 'Foto baliho di kantor desa dan dusun; tautan situs/medsos'],
  ['DS-08', 'Maklumat Pelayanan', 'Maklumat pelayanan memuat komitmen aparat desa dan konsekuensi hukum, ditandatangani kepala desa', 'ya-tidak', 'Tidak', 'Tetapkan maklumat sesuai PermenPAN-RB yang berlaku.', 'UU 25/2009 Pasal 22; PermenPAN-RB 15/2014', 'Salinan maklumat bertanda tangan'],
  ['DS-09', 'Maklumat Pelayanan', 'Maklumat dicetak minimal ukuran poster, dipasang di kantor desa dan dusun, dan diunggah ke situs/medsos', 'ya-sebagian-tidak', 'Tidak', 'Pasang maklumat di tempat layanan dan unggah daring.', 'UU 25/2009 Pasal 22', 'Foto maklumat terpasang; tautan unggahan'],
];

/** The Jenis the desa items apply to (Instrumen "Berlaku Untuk"). */
export const DESA_JENIS = 'Desa, Kelurahan';

/**
 * The desa items as Instrumen rows of a profile: each theme in the profile's aspect `aspectOf`
 * names, weighing `weightOf` that aspect, for Desa and Kelurahan, no Panduan Skor (the source
 * gives no ladder), the source and the original theme in Keterangan.
 */
export function desaRows(aspectOf: Record<DesaTheme, string>, weightOf: (aspect: string) => string): string[][] {
  return DESA_ITEMS.map(([code, theme, text, type, allowNA, recommendation, legalBasis, evidence]) => [
    code,
    aspectOf[theme],
    text,
    weightOf(aspectOf[theme]),
    type,
    allowNA,
    recommendation,
    legalBasis,
    evidence,
    DESA_JENIS,
    '',
    `Bersumber: KPK Desa Antikorupsi, komponen 3 "Penguatan kualitas pelayanan publik" (tema ${theme}).`,
  ]);
}
