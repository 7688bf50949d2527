// Synthetic units for the benchmark: N distinct agencies under the reserved .example domain,
// in the Unit columns of docs/WORKBOOK.md, as the CSV `pendamping init --units` imports.

export function syntheticUnitsCsv(count: number): string {
  const lines = ['Kode,Nama Unit,Jenis,Nama PIC,Email PIC,Email Asesor'];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    const jenis = ['OPD', 'Kecamatan', 'Puskesmas', 'RSUD'][i % 4];
    lines.push(`U${n},Unit Layanan Sintetis ${n},${jenis},PIC ${n},pic.u${n}@bench.example,asesor${(i % 10) + 1}@bench.example`);
  }
  return `${lines.join('\n')}\n`;
}
