// Making a generated workbook ready for its findings, as its people would, for the benchmark's
// email commands (and the tests that send): the `edit` rows that answer, submit and verify
// every unit tab and set the round's deadline.
import type { WorkbookModel } from '../local/model/types';
import { formatA1 } from '../local/model/workbook';

/** The displayed values of a tab as a dense grid (the model's rows are sparse). */
export function grid(model: WorkbookModel, title: string): unknown[][] {
  const sheet = model.sheets.find((s) => s.title === title);
  return Array.from(sheet?.rows ?? [], (row) => Array.from(row ?? [], (cell) => cell?.value));
}

/** The Nilai cell of a Pengaturan key. */
export function settingCell(model: WorkbookModel, key: string): string {
  const rows = grid(model, 'Pengaturan');
  return `B${rows.findIndex((r) => r[0] === key) + 1}`;
}

/** The A1 address of the cell right of the first cell reading `label` on a tab (a status of a unit tab's top block). */
export function labelledCell(model: WorkbookModel, tab: string, label: string): string {
  const values = grid(model, tab);
  const row = values.findIndex((r) => r.includes(label));
  if (row < 0) throw new Error(`no ${label} on ${tab}`);
  return formatA1(row, values[row].indexOf(label) + 1);
}

/**
 * The `edit` rows (sheet,cell,value) that make every unit of a generated workbook ready for its
 * findings, as its people would: the round's deadline in Pengaturan, the PIC's lowest answer
 * ("Tidak", or 0 on a 0-N scale) on the first indicator (the others left empty: every indicator is a finding), Status Pengisian
 * Diajukan and Status Verifikasi Terverifikasi. Run them with `edit --user` an admin.
 */
export function readyEdits(model: WorkbookModel, deadline = '2025-04-30'): string {
  const unit = grid(model, 'Unit');
  const tabs = unit.slice(1).map((r) => String(r[unit[0].indexOf('Tab')] ?? '')).filter((tab) => tab !== '');
  const quoted = (tab: string) => `"${tab.replace(/"/g, '""')}"`;
  const rows = [`Pengaturan,${settingCell(model, 'batas_waktu')},${deadline}`];
  for (const tab of tabs) {
    const values = grid(model, tab);
    const header = values.findIndex((r) => r.includes('Kode') && r.includes('Jawaban Mandiri'));
    // The lowest answer of its Jenis Jawaban: Tidak, or 0 on a 0-N scale.
    const lowest = /^0-\d+$/.test(String(values[header + 1][values[header].indexOf('Jenis Jawaban')])) ? '0' : 'Tidak';
    rows.push(
      `${quoted(tab)},${formatA1(header + 1, values[header].indexOf('Jawaban Mandiri'))},${lowest}`,
      `${quoted(tab)},${labelledCell(model, tab, 'Status Pengisian')},Diajukan`,
      `${quoted(tab)},${labelledCell(model, tab, 'Status Verifikasi')},Terverifikasi`,
    );
  }
  return ['sheet,cell,value', ...rows].join('\n');
}

