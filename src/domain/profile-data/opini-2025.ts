// Profile opini-2025: Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik of the
// Ombudsman RI under Peraturan Ombudsman 61/2025, whose result is an "Opini Ombudsman RI".
// Data from the project's domain data, draft 2026 (sourcing notes, sections 1e and 6;
// docs/METHODOLOGY.md sums them up):
// - the four dimensions Input, Proses, Output and Pengaduan hold the 2022–2024 indicators (the
//   opini-2022 rows, same codes, so answers carry over between the two profiles) plus the 2025
//   concepts of instrumen-ombudsman-maladministrasi-2025-kerangka.csv that the 2022–2024 list
//   lacks; the framework's other concepts restate indicators already there (MI-01 ≈ IN-01/03/04,
//   MI-03 = IN-07, MP-01 ≈ OU-04, MP-02 = PR-01…PR-05, MP-03 = OU-01…OU-05, MG-01 = PD-01…PD-03,
//   MG-02 = PD-04) and are not repeated;
// - Kepercayaan Masyarakat, the new aspect, holds the framework's MK items;
// - the framework's MX-01 (every Ombudsman product followed up) is the per-unit qualifier
//   Tanpa Maladministrasi, recorded on the unit tab, not an indicator: it is not scored;
// - the desa items for Desa and Kelurahan (./desa.ts).
// Every indicator weighs the same inside its aspect (Bobot 1): no indicator weights are public.
import { HEADERS } from '../tables';
import { desaRows } from './desa';
import { INSTRUMEN_OPINI_2022 } from './opini-2022';
import { inAspect, withWeight } from './rows';

const EQUAL = '1';

const LAMPUNG = 'Konsep penilaian 2025 menurut Ombudsman Perwakilan Lampung (satu sumber); rumusan butir rancangan sendiri.';
const SECONDARY_DATA =
  'Konsep penilaian 2025: Output dari data sekunder BPS, KemenPAN-RB, Kemendagri dan Bappenas (satu sumber); rumusan butir rancangan sendiri.';
const SKM_OUTPUT = 'Sejak 2023 dimensi Output memuat IKM/SKM (bersumber); rumusan butir rancangan sendiri.';
const PUBLIC_TRUST =
  'Aspek Kepercayaan Masyarakat dan bobot 30 % bersumber (dua media, satu pernyataan Ombudsman); butir survei dan rumusannya rancangan sendiri.';

const SURVEY = [
  'Ukur melalui survei pengguna dan tindak lanjuti.',
  'UU 25/2009; PermenPAN-RB 14/2017',
  'Rekap survei pengguna (Ombudsman memakai survei publik di pmkm.ombudsman.go.id)',
];

/** The 2025 concepts the 2022–2024 instrument lacks. Source: instrumen-ombudsman-maladministrasi-2025-kerangka.csv [1e, 6]. */
const CONCEPTS_2025: string[][] = [
  ['MI-02', 'Input', 'Masyarakat dilibatkan dalam perencanaan kebijakan/standar pelayanan (musyawarah/forum konsultasi publik)', EQUAL, '0-3', 'Tidak', 'Libatkan masyarakat sejak perencanaan dan dokumentasikan.', 'UU 25/2009 Pasal 20 ayat (2); PermenPAN-RB 15/2014', 'Undangan, daftar hadir, notulen/berita acara forum konsultasi publik', '', '', LAMPUNG],
  ['MI-04', 'Input', 'Tersedia kompensasi bila layanan tidak sesuai waktu, prosedur, biaya, produk atau persyaratan', EQUAL, '0-3', 'Tidak', 'Tetapkan mekanisme kompensasi dan umumkan.', 'UU 25/2009', 'SK/SOP kompensasi; publikasi', '', '', LAMPUNG],
  ['MO-01', 'Output', 'Kinerja layanan menurut data sekunder (mis. SKM, IPP/PEKPPP, data BPS/Kemendagri/Bappenas)', EQUAL, '0-3', 'Tidak', 'Siapkan data kinerja layanan resmi dan tindak lanjutnya.', 'PermenPAN-RB 14/2017; PermenPAN-RB 29/2022', 'Laporan SKM; hasil IPP/PEKPPP', '', '', SECONDARY_DATA],
  ['MO-02', 'Output', 'Persepsi masyarakat bahwa kualitas layanan memuaskan', EQUAL, '0-3', 'Tidak', 'Perbaiki unsur layanan dengan nilai terendah.', 'UU 25/2009 Pasal 38; PermenPAN-RB 14/2017', 'Laporan SKM dan rencana tindak lanjut', '', '', SKM_OUTPUT],
  ...[
    ['MK-01', 'Pengguna menilai waktu layanan cepat/sesuai standar'],
    ['MK-02', 'Pengguna menilai prosedur mudah'],
    ['MK-03', 'Pengguna menilai persyaratan mudah dipenuhi'],
    ['MK-04', 'Pengguna menilai biaya sesuai ketentuan (tanpa pungutan liar)'],
    ['MK-05', 'Pengguna menerima produk layanan sesuai yang dimohonkan'],
  ].map(([code, text]) => [code, 'Kepercayaan Masyarakat', text, EQUAL, '0-3', 'Tidak', ...SURVEY, '', '', PUBLIC_TRUST]),
];

const ASPECTS = ['Input', 'Proses', 'Output', 'Pengaduan', 'Kepercayaan Masyarakat'];
const GENERAL = [...INSTRUMEN_OPINI_2022.slice(1).map((row) => withWeight(row, EQUAL)), ...CONCEPTS_2025];

/** Instrumen of the opini-2025 profile, aspect by aspect, then the desa items. Rows include the header row. */
export const INSTRUMEN_OPINI_2025: string[][] = [
  [...HEADERS.instrumen],
  ...ASPECTS.flatMap((aspect) => inAspect(GENERAL, aspect)),
  ...desaRows(
    {
      Pengaduan: 'Pengaduan',
      'Survei Kepuasan Masyarakat': 'Output',
      'Keterbukaan Informasi': 'Proses',
      'Informasi APBDes': 'Proses',
      'Maklumat Pelayanan': 'Proses',
    },
    () => EQUAL,
  ),
];

/**
 * Aspek weights of opini-2025: the four dimensions 70 % together, Kepercayaan Masyarakat 30 %
 * (one statement, reported by two outlets); the 70 % split equally (not published). Rows include the header row.
 */
export const ASPEK_OPINI_2025: string[][] = [
  [...HEADERS.aspek],
  ['Input', '17.5'],
  ['Proses', '17.5'],
  ['Output', '17.5'],
  ['Pengaduan', '17.5'],
  ['Kepercayaan Masyarakat', '30'],
];
