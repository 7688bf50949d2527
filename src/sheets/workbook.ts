// Finding the tabs of the workbook in what readStructure returned: system tabs by name (case
// does not matter to Sheets), unit tabs by their `pendamping.unit` metadata, never by name.
import { METADATA_KEYS } from '../domain/plan/layout';
import type { SheetInfo } from './api';

export interface UnitSheet extends SheetInfo {
  code: string;
  inactiveMetadataId: number | null;
}

export function findTab(sheets: readonly SheetInfo[], title: string): SheetInfo | undefined {
  const key = title.toLowerCase();
  return sheets.find((s) => s.title.toLowerCase() === key);
}

/** Tabs tied to a unit, first tab first; a second tab claiming the same Kode is ignored. */
export function unitSheets(sheets: readonly SheetInfo[]): UnitSheet[] {
  const seen = new Set<string>();
  const out: UnitSheet[] = [];
  for (const sheet of sheets) {
    const code = sheet.metadata.find((m) => m.key === METADATA_KEYS.unit)?.value.trim() ?? '';
    if (code === '' || seen.has(code.toLowerCase())) continue;
    seen.add(code.toLowerCase());
    const inactive = sheet.metadata.find((m) => m.key === METADATA_KEYS.inactive);
    out.push({ ...sheet, code, inactiveMetadataId: inactive ? inactive.id : null });
  }
  return out;
}
