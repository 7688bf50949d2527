// Profile opini-2022: Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik of the Ombudsman RI,
// 2022–2024 (the "opini pengawasan" generation). Data copied from the project's domain data, draft
// 2026 (file named per constant; the sourcing notes' section in brackets; docs/METHODOLOGY.md
// sums them up).
//
// The instrument is instrumen-ombudsman-opini-2022-2024.csv, with this profile's earlier codes
// kept wherever the indicator is the same, so that a workbook answered on the earlier instrument
// keeps its answers: CSV PR-08…PR-12 are PR-07…PR-11 here, CSV PD-01/PD-02 are PD-02/PD-01.
// The indicators new to this profile take codes it never used: PR-12 (CSV PR-07, maklumat
// substance), PD-07 (CSV PD-05, training of complaint officers) and PD-08 (CSV PD-07, follow-up
// of Ombudsman products). The earlier PD-05 (evaluating and publishing complaint handling) is in
// no source and left the instrument; "Buat / perbarui tab unit" archives its answers.
import { HEADERS } from '../tables';

const SOURCED = 'Bersumber: lembar indikator penilaian Ombudsman 2022–2024 (satu sumber).';
const INFERRED_WORDING =
  'Disimpulkan: nama indikator di sumber terpotong, dilengkapi dari dimensi survei persepsi maladministrasi Ombudsman.';
const OWN_PENGADUAN = 'Rancangan sendiri: daftar indikator Pengaduan tidak ditemukan di sumber publik.';

/**
 * Instrumen of the opini-2022 profile: 39 indicators on 0-3, Bobot summing to 100 (each dimension's
 * published weight split equally). Source: instrumen-ombudsman-opini-2022-2024.csv [1b, 6]; Keterangan
 * marks each row's provenance. Rows include the header row.
 */
export const INSTRUMEN_OPINI_2022: string[][] = [
  [...HEADERS.instrumen],
  ['IN-01', 'Input', 'Pengetahuan pelaksana tentang 14 komponen standar pelayanan', '1.46', '0-3', 'Tidak', 'Bekali seluruh pelaksana tentang 14 komponen standar pelayanan (UU 25/2009 Pasal 21) dan uji pemahamannya.', 'UU 25/2009 Pasal 21', 'Wawancara pejabat/pelaksana (pimpinan unit, kabid/kasi layanan, pengelola pengaduan, frontliner)', '', '', SOURCED],
  ['IN-02', 'Input', 'Pengetahuan pelaksana tentang tugas dan kewenangan jabatannya', '1.46', '0-3', 'Tidak', 'Susun dan sosialisasikan uraian tugas setiap pelaksana layanan.', 'UU 25/2009 Pasal 21 huruf h', 'Wawancara pelaksana; dokumen uraian tugas/SK pembagian tugas', '', '', SOURCED],
  ['IN-03', 'Input', 'Pengetahuan pelaksana tentang lembaga Ombudsman RI dan tugasnya', '1.46', '0-3', 'Tidak', 'Sosialisasikan tugas dan kewenangan Ombudsman RI kepada pelaksana.', 'UU 37/2008', 'Wawancara pelaksana', '', '', SOURCED],
  ['IN-04', 'Input', 'Pengetahuan pelaksana tentang bentuk-bentuk maladministrasi', '1.46', '0-3', 'Tidak', 'Adakan pembekalan pencegahan maladministrasi (penundaan berlarut, permintaan imbalan, penyimpangan prosedur, dll.).', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara pelaksana; daftar hadir/materi pembekalan', '', '', SOURCED],
  ['IN-05', 'Input', 'Pengetahuan pelaksana tentang rekomendasi/produk Ombudsman dan tindak lanjutnya', '1.46', '0-3', 'Tidak', 'Dokumentasikan dan sosialisasikan tindak lanjut saran/rekomendasi Ombudsman.', 'UU 37/2008', 'Wawancara pelaksana; dokumen tindak lanjut LAHP/LHA/rekomendasi (bila ada)', '', '', SOURCED],
  ['IN-06', 'Input', 'Pengetahuan pelaksana tentang layanan ramah kelompok marginal/rentan', '1.46', '0-3', 'Tidak', 'Latih pelaksana melayani penyandang disabilitas, lansia, ibu hamil dan anak.', 'UU 25/2009 Pasal 29', 'Wawancara pelaksana; materi/daftar hadir pelatihan', '', '', SOURCED],
  ['IN-07', 'Input', 'Frekuensi pengawasan internal (atasan langsung dan pengawas fungsional)', '1.46', '0-3', 'Tidak', 'Jadwalkan dan dokumentasikan pengawasan internal secara berkala.', 'UU 25/2009 Pasal 21 huruf i', 'Laporan/notulen pengawasan internal; wawancara pimpinan', '', '', SOURCED],
  ['IN-08', 'Input', 'Ketersediaan jumlah petugas sesuai Analisis Beban Kerja (ABK)', '1.46', '0-3', 'Tidak', 'Sesuaikan jumlah pelaksana dengan hasil ABK.', 'UU 25/2009 Pasal 21 huruf k', 'Dokumen ABK; daftar petugas layanan', '', '', SOURCED],
  ['IN-09', 'Input', 'Ketersediaan kegiatan penjaminan mutu layanan (versi lain instrumen: ketersediaan kompensasi bila layanan tidak sesuai standar)', '1.46', '0-3', 'Tidak', 'Tetapkan mekanisme penjaminan mutu dan kompensasi bila layanan tidak sesuai standar.', 'UU 25/2009 Pasal 21 huruf l', 'SK/SOP penjaminan mutu atau kompensasi; bukti pelaksanaan', '', '', SOURCED],
  ['IN-10', 'Input', 'Ketersediaan jaminan keamanan dan keselamatan pelayanan', '1.46', '0-3', 'Tidak', 'Tetapkan dan umumkan jaminan keamanan dan keselamatan pelayanan.', 'UU 25/2009 Pasal 21 huruf m', 'Dokumen/papan jaminan keamanan & keselamatan; foto APAR/jalur evakuasi', '', '', SOURCED],
  ['IN-11', 'Input', 'Ketersediaan instrumen evaluasi kinerja pelaksana', '1.46', '0-3', 'Tidak', 'Susun dan terapkan instrumen evaluasi kinerja pelaksana.', 'UU 25/2009 Pasal 21 huruf n', 'Instrumen/format evaluasi kinerja pelaksana dan hasilnya', '', '', SOURCED],
  ['IN-12', 'Input', 'Ketersediaan dasar hukum atas standar pelayanan yang diterapkan (SP ditetapkan)', '1.46', '0-3', 'Tidak', 'Tetapkan standar pelayanan dengan keputusan pimpinan unit.', 'UU 25/2009 Pasal 20-21; PermenPAN-RB 15/2014', 'SK penetapan standar pelayanan', '', '', SOURCED],
  ['IN-13', 'Input', 'Ketersediaan sarana, prasarana dan fasilitas bagi pengguna layanan', '1.46', '0-3', 'Tidak', 'Lengkapi ruang tunggu, loket, toilet, sistem antrean dan fasilitas pendukung.', 'UU 25/2009 Pasal 21 huruf g', 'Observasi lokasi; foto ruang tunggu, loket, toilet, antrean', '', '', SOURCED],
  ['IN-14', 'Input', 'Ketersediaan sarana prasarana bagi pengguna berkebutuhan khusus', '1.46', '0-3', 'Tidak', 'Sediakan ram, kursi roda, toilet disabilitas, ruang laktasi, loket prioritas.', 'UU 25/2009 Pasal 29', 'Observasi lokasi; foto ram, kursi roda, toilet disabilitas, ruang laktasi', '', '', SOURCED],
  ['IN-15', 'Input', 'Ketersediaan kegiatan penyuluhan/sosialisasi layanan kepada masyarakat', '1.41', '0-3', 'Tidak', 'Adakan sosialisasi layanan kepada masyarakat secara berkala.', 'UU 25/2009 Pasal 23', 'Dokumentasi kegiatan penyuluhan (foto, undangan, daftar hadir)', '', '', SOURCED],
  ['PR-01', 'Proses', 'Persyaratan pelayanan tersedia/dipublikasikan (media elektronik dan non-elektronik)', '2.70', '0-3', 'Tidak', 'Publikasikan persyaratan setiap produk layanan di ruang layanan dan secara daring.', 'UU 25/2009 Pasal 21 huruf b; PermenPAN-RB 15/2014', 'Foto papan informasi; tautan publikasi daring', '', '', SOURCED],
  ['PR-02', 'Proses', 'Sistem, mekanisme dan prosedur (alur) tersedia/dipublikasikan', '2.70', '0-3', 'Tidak', 'Publikasikan alur layanan di ruang layanan dan secara daring.', 'UU 25/2009 Pasal 21 huruf c; PermenPAN-RB 15/2014', 'Foto papan alur; tautan publikasi daring', '', '', SOURCED],
  ['PR-03', 'Proses', 'Jangka waktu penyelesaian tersedia/dipublikasikan', '2.70', '0-3', 'Tidak', 'Publikasikan jangka waktu penyelesaian setiap layanan.', 'UU 25/2009 Pasal 21 huruf d; PermenPAN-RB 15/2014', 'Foto papan informasi; tautan publikasi daring', '', '', SOURCED],
  ['PR-04', 'Proses', 'Biaya/tarif (termasuk keterangan gratis) tersedia/dipublikasikan', '2.70', '0-3', 'Tidak', 'Publikasikan biaya/tarif beserta dasar hukumnya atau keterangan gratis.', 'UU 25/2009 Pasal 21 huruf e; PermenPAN-RB 15/2014', 'Foto papan informasi; tautan publikasi daring', '', '', SOURCED],
  ['PR-05', 'Proses', 'Produk pelayanan tersedia/dipublikasikan', '2.70', '0-3', 'Tidak', 'Publikasikan produk layanan yang dihasilkan.', 'UU 25/2009 Pasal 21 huruf f; PermenPAN-RB 15/2014', 'Foto papan informasi; tautan publikasi daring', '', '', SOURCED],
  ['PR-06', 'Proses', 'Maklumat pelayanan: publikasi', '2.70', '0-3', 'Tidak', 'Pajang maklumat pelayanan di ruang layanan dan publikasikan daring.', 'UU 25/2009 Pasal 22', 'Foto maklumat terpajang; tautan publikasi', '', '', SOURCED],
  ['PR-12', 'Proses', 'Maklumat pelayanan: substansi/kualitas isi', '2.70', '0-3', 'Tidak', 'Pastikan maklumat memuat janji sesuai standar dan kesanggupan menerima sanksi, ditandatangani pimpinan.', 'UU 25/2009 Pasal 22; PermenPAN-RB 15/2014', 'Salinan maklumat yang ditandatangani', '', '', SOURCED],
  ['PR-07', 'Proses', 'Pelayanan khusus bagi pengguna berkebutuhan khusus/rentan', '2.70', '0-3', 'Tidak', 'Sediakan layanan prioritas dan pendampingan bagi kelompok rentan.', 'UU 25/2009 Pasal 29', 'Observasi; foto loket/antrean prioritas; SOP pelayanan khusus', '', '', SOURCED],
  ['PR-08', 'Proses', 'Visi dan misi pelayanan tersedia', '2.70', '0-3', 'Tidak', 'Tetapkan dan pajang visi dan misi pelayanan.', 'Peraturan Ombudsman 22/2016 (praktik penilaian)', 'Foto', '', '', SOURCED],
  ['PR-09', 'Proses', 'Moto pelayanan tersedia', '2.70', '0-3', 'Tidak', 'Tetapkan dan pajang moto pelayanan.', 'Peraturan Ombudsman 22/2016 (praktik penilaian)', 'Foto', '', '', SOURCED],
  ['PR-10', 'Proses', 'Atribut petugas (identitas/seragam) tersedia', '2.70', '0-3', 'Tidak', 'Wajibkan petugas memakai tanda pengenal/atribut saat melayani.', 'Peraturan Ombudsman 22/2016 (praktik penilaian)', 'Foto petugas', '', '', SOURCED],
  ['PR-11', 'Proses', 'Pelayanan terpadu (bila relevan)', '2.67', '0-3', 'Ya', 'Integrasikan layanan ke PTSP/MPP bila relevan.', 'UU 25/2009 Pasal 9', 'Bukti integrasi layanan', '', '', SOURCED],
  ['OU-01', 'Output', 'Persepsi pengguna: tidak terjadi penundaan berlarut', '4.85', '0-3', 'Tidak', 'Tetapkan dan patuhi jangka waktu layanan; pantau keterlambatan.', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara/kuesioner pengguna (instrumen 2023: 30 pengguna per Pemda)', '', '', SOURCED],
  ['OU-02', 'Output', 'Persepsi pengguna: tidak ada permintaan imbalan uang/barang/jasa', '4.85', '0-3', 'Tidak', 'Tegaskan larangan pungutan di luar ketentuan; sediakan kanal pengaduan pungli.', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara/kuesioner pengguna', '', '', SOURCED],
  ['OU-03', 'Output', 'Persepsi pengguna: tidak ada penyimpangan prosedur', '4.85', '0-3', 'Tidak', 'Awasi kepatuhan petugas pada SOP/standar pelayanan.', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara/kuesioner pengguna', '', '', SOURCED],
  ['OU-04', 'Output', 'Persepsi pengguna: petugas kompeten', '4.85', '0-3', 'Tidak', 'Tingkatkan kompetensi pelaksana.', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara/kuesioner pengguna', '', '', INFERRED_WORDING],
  ['OU-05', 'Output', 'Persepsi pengguna: tidak ada perilaku tidak patut/diskriminatif', '4.84', '0-3', 'Tidak', 'Tegakkan kode etik dan perilaku pelayanan.', 'UU 37/2008 Pasal 1 angka 3', 'Wawancara/kuesioner pengguna', '', '', INFERRED_WORDING],
  ['PD-01', 'Pengaduan', 'Sarana pengaduan tersedia dan aktif (milik instansi, bukan nomor pribadi)', '3.08', '0-3', 'Tidak', 'Sediakan kanal pengaduan resmi (kotak, telepon/WA dinas, surel, SP4N-LAPOR!) dan uji keaktifannya.', 'UU 25/2009 Pasal 36; Perpres 76/2013', 'Foto/tautan sarana pengaduan; uji kontak', '', '', `${OWN_PENGADUAN} Ombudsman menyebut nomor pengaduan yang aktif dan resmi sebagai titik lemah.`],
  ['PD-02', 'Pengaduan', 'Pengelola pengaduan (unit/petugas) ditetapkan dengan SK', '3.08', '0-3', 'Tidak', 'Tetapkan pengelola pengaduan dengan SK pimpinan.', 'UU 25/2009 Pasal 36-37; Perpres 76/2013', 'SK pengelola pengaduan; wawancara pengelola pengaduan', '', '', OWN_PENGADUAN],
  ['PD-03', 'Pengaduan', 'Prosedur/SOP pengelolaan pengaduan ditetapkan dan dipublikasikan', '3.08', '0-3', 'Tidak', 'Tetapkan SOP pengaduan dan publikasikan alurnya.', 'Perpres 76/2013; PermenPAN-RB 24/2014', 'SOP pengaduan; foto/tautan publikasi', '', '', OWN_PENGADUAN],
  ['PD-04', 'Pengaduan', 'Pengaduan dicatat dan ditindaklanjuti dalam jangka waktu yang ditetapkan', '3.08', '0-3', 'Tidak', 'Kelola register pengaduan dan pantau waktu penyelesaian.', 'UU 25/2009 Pasal 36; Perpres 76/2013', 'Register/rekap pengaduan dengan tanggal terima dan selesai', '', '', `${OWN_PENGADUAN} Ombudsman menyebut lama penyelesaian pengaduan sebagai titik lemah.`],
  ['PD-06', 'Pengaduan', 'Unit terhubung dengan SP4N-LAPOR! dan menindaklanjuti laporan', '3.08', '0-3', 'Tidak', 'Daftarkan admin/penghubung SP4N-LAPOR! dan tindak lanjuti laporan.', 'Perpres 76/2013; PermenPAN-RB 24/2014', 'Tangkapan layar akun dan rekap tindak lanjut SP4N-LAPOR!', '', '', OWN_PENGADUAN],
  ['PD-07', 'Pengaduan', 'Pembinaan/peningkatan kapasitas pengelola pengaduan', '3.08', '0-3', 'Tidak', 'Ikutkan pengelola pengaduan dalam pelatihan/pembinaan.', 'Perpres 76/2013', 'Sertifikat/daftar hadir pelatihan', '', '', `${OWN_PENGADUAN} Ombudsman menyebut pembinaan pengelola pengaduan sebagai titik lemah.`],
  ['PD-08', 'Pengaduan', 'Tindak lanjut produk pengawasan Ombudsman (LAHP/tindakan korektif, LHA/saran perbaikan, rekomendasi)', '3.06', '0-3', 'Ya', 'Tuntaskan dan laporkan tindak lanjut setiap produk Ombudsman.', 'UU 37/2008 Pasal 38', 'Surat/berita acara tindak lanjut ke Ombudsman', '', '', `${OWN_PENGADUAN} Sejak 2023 penilaian dikaitkan dengan tindak lanjut produk Ombudsman.`],
];

/** Aspek weights of the opini-2022 profile (published dimension weights). Source: aspek-opini-2022.csv [1b]. Rows include the header row. */
export const ASPEK_OPINI_2022: string[][] = [
  [...HEADERS.aspek],
  ['Input', '21.85'],
  ['Proses', '32.37'],
  ['Output', '24.24'],
  ['Pengaduan', '21.54'],
];

/**
 * The A–E categories of the Ombudsman's opinions 2022–2025: no official table was found; published
 * results bracket every bound (A 88 stated; B 78 confirmed by a 2025 Ombudsman letter; C 54 and D 32
 * lie within a quarter point of published scores). Source: kategori-opini-2022.csv [1c]. Header row included.
 */
export const KATEGORI_OPINI: string[][] = [
  [...HEADERS.kategori],
  ['A', '88', 'Kualitas Tertinggi', 'Hijau', '0-100', 'Ambang dinyatakan Ombudsman dan sesuai hasil terbitan 2022–2025.'],
  ['B', '78', 'Kualitas Tinggi', 'Hijau', '0-100', 'Ambang dikonfirmasi surat Ombudsman 2025 dan hasil terbitan.'],
  ['C', '54', 'Kualitas Sedang', 'Kuning', '0-100', 'Disimpulkan dari hasil terbitan (antara 53,38 dan 55,65); tabel resmi tidak ditemukan.'],
  ['D', '32', 'Kualitas Rendah', 'Merah', '0-100', 'Disimpulkan dari hasil terbitan (antara 31,98 dan 32,23); tabel resmi tidak ditemukan.'],
  ['E', '0', 'Kualitas Terendah', 'Merah', '0-100', ''],
];
