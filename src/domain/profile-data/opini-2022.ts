// Profile opini-2022: Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Opini Pengawasan).
// Data copied verbatim from the project's domain data (files named per constant below).

/** Instrumen of the opini-2022 profile (0-3 scale). Source: instrumen-opini-2022.csv. Rows include the header row. */
export const INSTRUMEN_OPINI_2022: string[][] = [
  ['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban', 'Boleh N/A', 'Rekomendasi', 'Dasar Hukum', 'Bukti Diminta'],
  ['IN-01', 'Input', 'Pelaksana memahami komponen standar pelayanan', '1', '0-3', 'Tidak', 'Berikan pembekalan komponen standar pelayanan kepada seluruh pelaksana.', 'UU 25/2009 Pasal 21', ''],
  ['IN-02', 'Input', 'Pelaksana memahami tugas dan kewenangan jabatannya', '1', '0-3', 'Tidak', 'Susun dan sosialisasikan uraian tugas pelaksana.', 'UU 25/2009 Pasal 21', ''],
  ['IN-03', 'Input', 'Pelaksana mengenal lembaga Ombudsman dan tugasnya', '1', '0-3', 'Tidak', 'Sosialisasikan tugas dan fungsi Ombudsman kepada pelaksana.', 'UU 25/2009 Pasal 21', ''],
  ['IN-04', 'Input', 'Pelaksana memahami bentuk-bentuk maladministrasi', '1', '0-3', 'Tidak', 'Adakan pelatihan pencegahan maladministrasi.', 'UU 25/2009 Pasal 21', ''],
  ['IN-05', 'Input', 'Pelaksana mengetahui tindak lanjut rekomendasi/saran Ombudsman', '1', '0-3', 'Tidak', 'Dokumentasikan dan sosialisasikan tindak lanjut saran Ombudsman.', 'UU 25/2009 Pasal 21', ''],
  ['IN-06', 'Input', 'Pelaksana memberi layanan ramah kelompok rentan', '1', '0-3', 'Tidak', 'Latih pelaksana melayani kelompok rentan.', 'UU 25/2009 Pasal 21', ''],
  ['IN-07', 'Input', 'Pengawasan internal dilakukan secara berkala', '1', '0-3', 'Tidak', 'Jadwalkan dan dokumentasikan pengawasan internal.', 'UU 25/2009 Pasal 21', ''],
  ['IN-08', 'Input', 'Jumlah pelaksana sesuai analisis beban kerja', '1', '0-3', 'Tidak', 'Sesuaikan jumlah pelaksana dengan analisis beban kerja.', 'UU 25/2009 Pasal 21', ''],
  ['IN-09', 'Input', 'Ada kegiatan penjaminan mutu layanan', '1', '0-3', 'Tidak', 'Tetapkan mekanisme penjaminan mutu layanan.', 'UU 25/2009 Pasal 21', ''],
  ['IN-10', 'Input', 'Jaminan keamanan dan keselamatan pelayanan tersedia', '1', '0-3', 'Tidak', 'Sediakan dan umumkan jaminan keamanan dan keselamatan pelayanan.', 'UU 25/2009 Pasal 21', ''],
  ['IN-11', 'Input', 'Instrumen evaluasi kinerja pelaksana tersedia', '1', '0-3', 'Tidak', 'Susun instrumen evaluasi kinerja pelaksana.', 'UU 25/2009 Pasal 21', ''],
  ['IN-12', 'Input', 'Standar pelayanan memiliki dasar hukum yang ditetapkan', '1', '0-3', 'Tidak', 'Tetapkan standar pelayanan dengan keputusan kepala unit.', 'UU 25/2009 Pasal 21', ''],
  ['IN-13', 'Input', 'Sarana, prasarana dan fasilitas bagi pengguna layanan memadai', '1', '0-3', 'Tidak', 'Lengkapi sarana dan prasarana ruang pelayanan.', 'UU 25/2009 Pasal 21', ''],
  ['IN-14', 'Input', 'Sarana prasarana bagi pengguna berkebutuhan khusus tersedia', '1', '0-3', 'Tidak', 'Sediakan sarana bagi pengguna berkebutuhan khusus.', 'UU 25/2009 Pasal 21', ''],
  ['IN-15', 'Input', 'Ada kegiatan penyuluhan/sosialisasi layanan kepada masyarakat', '1', '0-3', 'Tidak', 'Adakan sosialisasi layanan kepada masyarakat secara berkala.', 'UU 25/2009 Pasal 21', ''],
  ['PR-01', 'Proses', 'Persyaratan', '1', '0-3', 'Tidak', 'Publikasikan persyaratan layanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-02', 'Proses', 'Sistem, mekanisme dan prosedur', '1', '0-3', 'Tidak', 'Publikasikan alur layanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-03', 'Proses', 'Jangka waktu pelayanan', '1', '0-3', 'Tidak', 'Publikasikan jangka waktu layanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-04', 'Proses', 'Biaya/tarif', '1', '0-3', 'Tidak', 'Publikasikan biaya/tarif layanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-05', 'Proses', 'Produk pelayanan', '1', '0-3', 'Tidak', 'Publikasikan produk layanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-06', 'Proses', 'Maklumat pelayanan (publikasi dan substansi)', '1', '0-3', 'Tidak', 'Perbaiki publikasi dan isi maklumat pelayanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-07', 'Proses', 'Pelayanan khusus', '1', '0-3', 'Tidak', 'Sediakan pelayanan khusus bagi kelompok rentan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-08', 'Proses', 'Visi dan misi pelayanan', '1', '0-3', 'Tidak', 'Pajang visi dan misi pelayanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-09', 'Proses', 'Motto pelayanan', '1', '0-3', 'Tidak', 'Pajang motto pelayanan.', 'UU 25/2009 Pasal 21', ''],
  ['PR-10', 'Proses', 'Atribut petugas', '1', '0-3', 'Tidak', 'Pastikan petugas memakai atribut.', 'UU 25/2009 Pasal 21', ''],
  ['PR-11', 'Proses', 'Pelayanan terpadu', '1', '0-3', 'Ya', 'Integrasikan layanan bila relevan.', 'UU 25/2009 Pasal 21', ''],
  ['OU-01', 'Output', 'Tidak ada persepsi penundaan berlarut', '1', '0-3', 'Tidak', 'Tetapkan dan patuhi jangka waktu layanan.', 'UU 37/2008', ''],
  ['OU-02', 'Output', 'Tidak ada persepsi permintaan imbalan', '1', '0-3', 'Tidak', 'Tegaskan larangan pungutan di luar ketentuan.', 'UU 37/2008', ''],
  ['OU-03', 'Output', 'Tidak ada persepsi penyimpangan prosedur', '1', '0-3', 'Tidak', 'Awasi kepatuhan pada prosedur.', 'UU 37/2008', ''],
  ['OU-04', 'Output', 'Tidak ada persepsi pelaksana tidak kompeten', '1', '0-3', 'Tidak', 'Tingkatkan kompetensi pelaksana.', 'UU 37/2008', ''],
  ['OU-05', 'Output', 'Tidak ada persepsi perilaku tidak patut atau diskriminatif', '1', '0-3', 'Tidak', 'Tegakkan kode etik pelayanan.', 'UU 37/2008', ''],
  ['PD-01', 'Pengaduan', 'Sarana pengaduan tersedia', '1', '0-3', 'Tidak', 'Sediakan sarana pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
  ['PD-02', 'Pengaduan', 'Pengelola pengaduan ditetapkan', '1', '0-3', 'Tidak', 'Tetapkan pengelola pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
  ['PD-03', 'Pengaduan', 'Prosedur pengelolaan pengaduan ditetapkan dan dipublikasikan', '1', '0-3', 'Tidak', 'Tetapkan dan publikasikan prosedur pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
  ['PD-04', 'Pengaduan', 'Pengaduan ditindaklanjuti dalam jangka waktu yang ditetapkan', '1', '0-3', 'Tidak', 'Pantau jangka waktu tindak lanjut pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
  ['PD-05', 'Pengaduan', 'Hasil pengelolaan pengaduan dievaluasi dan dipublikasikan', '1', '0-3', 'Tidak', 'Evaluasi dan publikasikan hasil pengelolaan pengaduan.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
  ['PD-06', 'Pengaduan', 'Terhubung dengan SP4N-LAPOR!', '1', '0-3', 'Tidak', 'Hubungkan unit dengan SP4N-LAPOR!.', 'UU 25/2009 Pasal 36; Perpres 76/2013', ''],
];

/** Aspek weights of the opini-2022 profile (published dimension weights). Source: aspek-opini-2022.csv. Rows include the header row. */
export const ASPEK_OPINI_2022: string[][] = [
  ['Aspek', 'Bobot Aspek'],
  ['Input', '21.85'],
  ['Proses', '32.37'],
  ['Output', '24.24'],
  ['Pengaduan', '21.54'],
];

/** Kategori of the opini-2022 profile (C/D/E bounds are the best reading of inconsistent sources). Source: kategori-opini-2022.csv. Rows include the header row. */
export const KATEGORI_OPINI_2022: string[][] = [
  ['Kategori', 'Skor Minimum', 'Keterangan', 'Zona'],
  ['A', '88', 'Kualitas tertinggi', 'Hijau'],
  ['B', '78', 'Kualitas tinggi', 'Hijau'],
  ['C', '54', 'Kualitas sedang', 'Kuning'],
  ['D', '32', 'Kualitas rendah', 'Merah'],
  ['E', '0', 'Kualitas terendah', 'Merah'],
];
