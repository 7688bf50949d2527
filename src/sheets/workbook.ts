// Finding the tabs of the workbook in what readStructure returned: system tabs by name (case
// does not matter to Sheets), unit tabs by their `pendamping.unit` metadata, never by name.
import { METADATA_KEYS, PROTECTION_TAGS } from '../domain/plan/layout';
import { systemProtection } from '../domain/plan/unit-tabs';
import { SNAPSHOT_TAB } from '../domain/rounds';
import { SYSTEM_TAB_NAMES } from '../domain/tables';
import type { SheetInfo } from './api';
import { addProtection, setProtectionEditors, type Request } from './requests';

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

/**
 * Every system tab of `sheets` (and the round's undo snapshot) protected as a whole for the
 * admins: a PIC or an assessor edits only the answer columns of unit tabs. Adds the
 * protection where missing, else brings its editors up to date with Pengaturan.
 */
export function protectSystemTabs(sheets: readonly Pick<SheetInfo, 'sheetId' | 'title' | 'protections'>[], admins: readonly string[]): Request[] {
  const system = new Set([...SYSTEM_TAB_NAMES, SNAPSHOT_TAB].map((n) => n.toLowerCase()));
  const protection = systemProtection(admins);
  return sheets
    .filter((s) => system.has(s.title.toLowerCase()))
    .map((s) => {
      const existing = s.protections.find((p) => p.description === PROTECTION_TAGS.system);
      return existing ? setProtectionEditors(existing.id, protection.editors) : addProtection(s.sheetId, protection);
    });
}
