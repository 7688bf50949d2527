// Profile pekppp-2023: Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik of
// KemenPAN-RB (PermenPAN-RB 29/2022 as amended by 4/2023; instrument by Pedoman MenPAN-RB 5/2023),
// which regencies run over every type of unit. Data from the project's domain data, draft 2026
// (sourcing notes, sections 2 and 6; docs/METHODOLOGY.md sums them up).
// - Instrument: instrumen-pekppp-2023-2025.csv, answered on 0-5 as PEKPPP is (the CSV's 0-3 only
//   stood in for a scale the old answer types lacked), then the desa items (./desa.ts), each
//   weighing as the average item of the aspect it joins.
// - Panduan Skor: the 0–5 ladders of the evaluator form F-02 for the nine Kebijakan Pelayanan
//   indicators, condensed. The other aspects' items are worded by this project (the themes are
//   sourced, the F-02 items are not all public), so they have no ladder.
// - Kategori: the IPP bands on the 0–5 index (Skala 0-5), not officially confirmed.
import { HEADERS } from '../tables';
import { desaRows } from './desa';
import { averageWeight } from './rows';

const F02_FORM = 'Bersumber: indikator dan bobot Kebijakan Pelayanan PEKPPP 2023–2025; Panduan Skor dari formulir F-02 evaluator.';
const F02_COPY =
  'Bersumber: indikator dan bobot Kebijakan Pelayanan PEKPPP 2023–2025; Panduan Skor dari salinan publik formulir F-02 (belum dicocokkan baris demi baris dengan formulirnya).';
const SD_THEMES = 'Tema aspek bersumber; rumusan butir dan pembagian bobot dalam aspek rancangan sendiri.';
const USER_FORM = 'Bersumber: unsur penilaian pengguna layanan (formulir F-03); pembagian bobot dalam aspek rancangan sendiri.';
const ASPECT_ONLY = 'Aspek dan bobotnya bersumber; rumusan butir dan pembagian bobot dalam aspek rancangan sendiri.';

const GENERAL: string[][] = [
  ['KP-01', 'Kebijakan Pelayanan', 'Tersedia Standar Pelayanan (SP) sesuai ketentuan (14 komponen, melibatkan masyarakat, ditetapkan, dimonev)', '4.08', '0-5', 'Tidak', 'Susun SP 14 komponen bersama masyarakat, tetapkan dan monev.', 'UU 25/2009 Pasal 20-21; PermenPAN-RB 15/2014', 'Daftar jenis pelayanan; dokumen SP yang ditetapkan; berita acara', '', '0 = tidak ada SP; 1 = ada SP, belum memenuhi 14 komponen; 2 = SP memenuhi 14 komponen; 3 = SP 14 komponen dan ditetapkan; 4 = SP 14 komponen, disusun bersama masyarakat dan ditetapkan; 5 = seperti 4, dan dimonitor serta dievaluasi', F02_FORM],
  ['KP-02', 'Kebijakan Pelayanan', 'Proses penyusunan dan perubahan SP melibatkan unsur masyarakat', '3.36', '0-5', 'Tidak', 'Libatkan pengguna, akademisi, OMS, media dalam penyusunan SP.', 'UU 25/2009 Pasal 20 ayat (2); PermenPAN-RB 15/2014', 'Undangan, daftar hadir, berita acara pembahasan SP', '', '0 = SP disusun tanpa unsur masyarakat dan pemangku kepentingan; 1 = melibatkan minimal 1 unsur masyarakat; 2 = minimal 2 unsur; 3 = minimal 3 unsur; 4 = minimal 4 unsur; 5 = lebih dari 4 unsur', F02_COPY],
  ['KP-03', 'Kebijakan Pelayanan', 'Jumlah media publikasi untuk 6 komponen service delivery', '1.68', '0-5', 'Tidak', 'Publikasikan komponen service delivery di media cetak, elektronik, medsos, situs, aplikasi.', 'PermenPAN-RB 15/2014', 'Foto media cetak; tautan situs/medsos/aplikasi', '', '0 = SP tidak dipublikasikan; 1 = hanya sebagian komponen service delivery dipublikasikan (cetak atau elektronik); 2 = seluruh komponen di 2 media atau lebih, belum di SIPP Nasional; 3 = seluruh komponen di 2 media dan di SIPP Nasional; 4 = di 3 media dan di SIPP Nasional; 5 = di 4 media atau lebih dan di SIPP Nasional', F02_COPY],
  ['KP-04', 'Kebijakan Pelayanan', 'Peninjauan ulang SP secara berkala dan hasilnya ditindaklanjuti', '3.36', '0-5', 'Tidak', 'Tinjau ulang SP berkala dan tindak lanjuti hasilnya.', 'PermenPAN-RB 15/2014', 'Laporan/berita acara peninjauan ulang SP', '', '0 = SP tidak ditinjau ulang berkala; 1 = ditinjau ulang 3 tahun sekali atau lebih jarang; 2 = 2 tahun sekali, sebagian jenis layanan; 3 = 2 tahun sekali, seluruh jenis layanan; 4 = setahun sekali atau lebih sering, sebagian jenis layanan; 5 = setahun sekali atau lebih sering, seluruh jenis layanan', F02_COPY],
  ['KP-05', 'Kebijakan Pelayanan', 'Pemenuhan siklus maklumat pelayanan (ketersediaan, penetapan, publikasi)', '2.40', '0-5', 'Tidak', 'Tetapkan dan publikasikan maklumat pelayanan.', 'UU 25/2009 Pasal 22; PermenPAN-RB 15/2014', 'Maklumat bertanda tangan; foto pajangan; tautan', '', '0 = tidak ada maklumat pelayanan; 1 = ada, belum ditetapkan; 2 = ditetapkan, isinya belum sesuai ketentuan; 3 = ditetapkan dan isinya sesuai ketentuan; 4 = seperti 3, dan dipublikasikan di media non-elektronik; 5 = seperti 3, dan dipublikasikan di media non-elektronik dan elektronik', F02_COPY],
  ['KP-06', 'Kebijakan Pelayanan', 'SKM dilaksanakan sesuai Peraturan Menteri PANRB', '4.08', '0-5', 'Tidak', 'Laksanakan SKM sesuai PermenPAN-RB 14/2017.', 'PermenPAN-RB 14/2017', 'Laporan SKM', '', '0 = SKM belum dilaksanakan; 1 = dilaksanakan, belum sesuai PermenPAN-RB yang berlaku; 2 = sesuai PermenPAN-RB; 3 = sesuai dan dipublikasikan di media non-elektronik; 4 = sesuai dan dipublikasikan di media non-elektronik dan elektronik; 5 = seperti 4, dan hasilnya ditindaklanjuti', F02_COPY],
  ['KP-07', 'Kebijakan Pelayanan', 'Jumlah media publikasi hasil SKM', '1.68', '0-5', 'Tidak', 'Publikasikan hasil SKM di beberapa media.', 'PermenPAN-RB 14/2017', 'Foto/tautan publikasi hasil SKM', '', '0 = hasil SKM tidak dipublikasikan; 1 = di 1 media publikasi; 2 = di 2 media; 3 = di 3 media; 4 = di 4 media; 5 = di lebih dari 4 media', F02_COPY],
  ['KP-08', 'Kebijakan Pelayanan', 'Persentase hasil SKM yang ditindaklanjuti', '1.68', '0-5', 'Tidak', 'Susun dan laksanakan rencana tindak lanjut SKM.', 'PermenPAN-RB 14/2017', 'Rencana & laporan tindak lanjut SKM', '', '0 = tidak ada rencana tindak lanjut SKM; 1 = ada rencana, belum dilaksanakan; 2 = dilaksanakan kurang dari 30 %; 3 = 30–80 %; 4 = lebih dari 80 %; 5 = 100 % (setiap tingkat dibuktikan dengan laporan pelaksanaan)', F02_COPY],
  ['KP-09', 'Kebijakan Pelayanan', 'Kecepatan tindak lanjut hasil SKM seluruh jenis pelayanan', '1.68', '0-5', 'Tidak', 'Tindak lanjuti hasil SKM dengan cepat.', 'PermenPAN-RB 14/2017', 'Dokumen tindak lanjut bertanggal', '', '0 = rekomendasi hasil SKM tidak ditindaklanjuti; 1 = seluruhnya ditindaklanjuti dalam 1 tahun setelah laporan SKM terbit; 2 = dalam 9 bulan; 3 = dalam 6 bulan; 4 = dalam 3 bulan; 5 = dalam 1 bulan', F02_COPY],
  ['SD-01', 'Profesionalisme SDM', 'Waktu/jam pelayanan (termasuk layanan informasi, konsultasi, pengaduan) sesuai yang ditetapkan dan dipublikasikan', '8.33', '0-5', 'Tidak', 'Tetapkan dan patuhi jam layanan tanpa jeda istirahat.', 'UU 25/2009', 'Foto papan jam layanan; observasi', '', '', SD_THEMES],
  ['SD-02', 'Profesionalisme SDM', 'Kode etik dan kode perilaku pelaksana ditetapkan dan diterapkan', '8.33', '0-5', 'Tidak', 'Tetapkan dan internalisasikan kode etik/perilaku.', 'UU 25/2009 Pasal 34', 'SK kode etik; bukti sosialisasi', '', '', SD_THEMES],
  ['SD-03', 'Profesionalisme SDM', 'Mekanisme motivasi kerja dan penghargaan bagi pelaksana', '8.34', '0-5', 'Tidak', 'Tetapkan kriteria penghargaan dan mekanisme motivasi.', 'UU 25/2009', 'SK/kriteria penghargaan; bukti pemberian', '', '', SD_THEMES],
  ['SP-01', 'Sarana Prasarana', 'Tempat parkir memadai', '6.00', '0-5', 'Tidak', 'Sediakan parkir yang aman dan memadai.', 'UU 25/2009 Pasal 21 huruf g', 'Foto', '', '', USER_FORM],
  ['SP-02', 'Sarana Prasarana', 'Ruang tunggu nyaman dan toilet pengguna bersih', '6.00', '0-5', 'Tidak', 'Lengkapi ruang tunggu dan jaga kebersihan toilet.', 'UU 25/2009 Pasal 21 huruf g', 'Foto', '', '', USER_FORM],
  ['SP-03', 'Sarana Prasarana', 'Sarana bagi kelompok rentan dan penunjang lain (ruang laktasi, area bermain anak, dsb.)', '6.00', '0-5', 'Tidak', 'Sediakan sarana kelompok rentan.', 'UU 25/2009 Pasal 29', 'Foto', '', '', USER_FORM],
  ['SI-01', 'Sistem Informasi Pelayanan Publik', 'Sistem informasi pelayanan publik (elektronik/non-elektronik) tersedia dan mutakhir', '11.00', '0-5', 'Tidak', 'Sediakan SIPP yang memuat informasi layanan dan mutakhirkan.', 'UU 25/2009 Pasal 23', 'Tautan SIPP; tangkapan layar', '', '', ASPECT_ONLY],
  ['KD-01', 'Konsultasi dan Pengaduan', 'Sarana konsultasi dan pengaduan tersedia', '5.00', '0-5', 'Tidak', 'Sediakan kanal konsultasi dan pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', 'Foto/tautan kanal', '', '', ASPECT_ONLY],
  ['KD-02', 'Konsultasi dan Pengaduan', 'Pengaduan dikelola dan ditindaklanjuti (termasuk SP4N-LAPOR!)', '5.00', '0-5', 'Tidak', 'Kelola pengaduan sesuai SOP dan tindak lanjuti.', 'Perpres 76/2013', 'Register/rekap; tangkapan layar SP4N-LAPOR!', '', '', ASPECT_ONLY],
  ['IV-01', 'Inovasi', 'Inovasi pelayanan dikembangkan', '6.00', '0-5', 'Tidak', 'Kembangkan inovasi pelayanan.', 'UU 25/2009', 'Dokumen/profil inovasi', '', '', ASPECT_ONLY],
  ['IV-02', 'Inovasi', 'Inovasi diterapkan berkelanjutan dan direplikasi', '6.00', '0-5', 'Tidak', 'Jaga keberlanjutan inovasi.', 'UU 25/2009', 'Bukti penerapan/replikasi', '', '', ASPECT_ONLY],
];

/** Instrumen of the pekppp-2023 profile (Bobot of the general items summing to 100), then the desa items. Rows include the header row. */
export const INSTRUMEN_PEKPPP_2023: string[][] = [
  [...HEADERS.instrumen],
  ...GENERAL,
  ...desaRows(
    {
      Pengaduan: 'Konsultasi dan Pengaduan',
      'Survei Kepuasan Masyarakat': 'Kebijakan Pelayanan',
      'Keterbukaan Informasi': 'Sistem Informasi Pelayanan Publik',
      'Informasi APBDes': 'Sistem Informasi Pelayanan Publik',
      'Maklumat Pelayanan': 'Kebijakan Pelayanan',
    },
    (aspect) => averageWeight(GENERAL, aspect),
  ),
];

/** Aspek weights of PEKPPP 2023–2025 (verified, they sum to 100). Rows include the header row. */
export const ASPEK_PEKPPP_2023: string[][] = [
  [...HEADERS.aspek],
  ['Kebijakan Pelayanan', '24'],
  ['Profesionalisme SDM', '25'],
  ['Sarana Prasarana', '18'],
  ['Sistem Informasi Pelayanan Publik', '11'],
  ['Konsultasi dan Pengaduan', '10'],
  ['Inovasi', '12'],
];

const UNCONFIRMED = 'Belum dikonfirmasi resmi: pita hanya ditemukan di beberapa kode publik; warna zona rancangan sendiri.';

/** The IPP categories on the 0–5 index (Skala 0-5). Source: kategori-pekppp-ipp.csv [2, 6]. Rows include the header row. */
export const KATEGORI_PEKPPP_2023: string[][] = [
  [...HEADERS.kategori],
  ['A', '4.51', 'Pelayanan Prima', 'Hijau', '0-5', `${UNCONFIRMED} Satu data cocok: Kota Madiun, indeks 4,74 = A.`],
  ['A-', '4.01', 'Sangat Baik', 'Hijau', '0-5', UNCONFIRMED],
  ['B', '3.51', 'Baik', 'Hijau', '0-5', UNCONFIRMED],
  ['B-', '3.01', 'Baik (Dengan Catatan)', 'Kuning', '0-5', UNCONFIRMED],
  ['C', '2.51', 'Cukup', 'Kuning', '0-5', UNCONFIRMED],
  ['C-', '2.01', 'Cukup (Dengan Catatan)', 'Kuning', '0-5', UNCONFIRMED],
  ['D', '1.51', 'Buruk', 'Merah', '0-5', UNCONFIRMED],
  ['E', '1.01', 'Sangat Buruk', 'Merah', '0-5', UNCONFIRMED],
  ['F', '0', 'Gagal', 'Merah', '0-5', UNCONFIRMED],
];
