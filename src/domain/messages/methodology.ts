// Messages of the methodology profiles: each profile in one line with its legal basis (for the
// sidebar's setup), the category shown with its meaning and zone, and a score shown on the
// profile's own scale (section of the one catalogue, see ../i18n.ts).

export const id = {
  'profile.summary.opini-2025':
    'Penilaian Maladministrasi Ombudsman RI sejak 2025 (Peraturan Ombudsman 61/2025): Input, Proses, Output dan Pengaduan 70 %, Kepercayaan Masyarakat 30 %, kategori A–E dengan predikat Tanpa Maladministrasi.',
  'profile.summary.pekppp-2023':
    'Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik KemenPAN-RB (PermenPAN-RB 29/2022 jo. 4/2023): enam aspek, skala 0–5, Indeks Pelayanan Publik dengan kategori A–F.',
  'profile.summary.opini-2022':
    'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Ombudsman RI 2022–2024 (opini pengawasan, UU 37/2008 dan UU 25/2009): Input, Proses, Output, Pengaduan, skala 0–3, kategori A–E.',
  'profile.summary.ombudsman-2021':
    'Lama: Penilaian Kepatuhan Standar Pelayanan Publik Ombudsman RI 2019–2021 (Peraturan Ombudsman 22/2016), zona hijau/kuning/merah; untuk membandingkan skor 2019–2021.',
  'category.described': '{name} — {description}',
  'category.inZone': '{text}, Zona {zone}',
  'category.zone.Hijau': 'Hijau',
  'category.zone.Kuning': 'Kuning',
  'category.zone.Merah': 'Merah',
  'category.qualified': '{text} — {qualifier}',
  'score.onScale': '{score} (indeks 0–{max}: {shown})',
};

export const en: typeof id = {
  'profile.summary.opini-2025':
    'Ombudsman RI maladministration assessment from 2025 (Peraturan Ombudsman 61/2025): Input, Proses, Output and Pengaduan 70 %, Kepercayaan Masyarakat (public trust) 30 %, categories A–E with the Tanpa Maladministrasi predicate.',
  'profile.summary.pekppp-2023':
    "KemenPAN-RB's public-service performance evaluation, PEKPPP (PermenPAN-RB 29/2022 as amended by 4/2023): six aspects, a 0–5 scale, the public-service index with categories A–F.",
  'profile.summary.opini-2022':
    'Ombudsman RI compliance assessment 2022–2024 (supervisory opinion, UU 37/2008 and UU 25/2009): Input, Proses, Output, Pengaduan, a 0–3 scale, categories A–E.',
  'profile.summary.ombudsman-2021':
    'Legacy: Ombudsman RI service-standard compliance assessment 2019–2021 (Peraturan Ombudsman 22/2016), green/yellow/red zones; for comparing 2019–2021 scores.',
  'category.described': '{name} — {description}',
  'category.inZone': '{text}, {zone} zone',
  'category.zone.Hijau': 'green',
  'category.zone.Kuning': 'yellow',
  'category.zone.Merah': 'red',
  'category.qualified': '{text} — {qualifier}',
  'score.onScale': '{score} (index 0–{max}: {shown})',
};
