// Offline HTML → PDF (the local stand-in for Apps Script's `getAs('application/pdf')`): one A4
// PDF per document, in order.
import { htmlToPdf } from '../../local/chromium';

test('each HTML document is printed to its own A4 PDF, in order', async () => {
  const long = `<p>${'Baris panjang. '.repeat(40)}</p>`.repeat(60);
  const [short, multi] = await htmlToPdf(['<h1>Rapor</h1>', `<h1>Dua halaman</h1>${long}`]);
  for (const pdf of [short, multi]) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages(short)).toBe(1);
  expect(pages(multi)).toBeGreaterThan(1);
  // A4 is 595 × 842 points.
  expect(short.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841\.\d+|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/);
});
