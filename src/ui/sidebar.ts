// The sidebar's server endpoints (called through google.script.run): the panel state in two
// round trips (structure, then every system tab's values in one batchGet), and saving settings
// in one batchUpdate under the document lock.
import { toLang } from '../domain/i18n';
import { DEFAULT_PROFILE_ID, PROFILE_IDS, defaultSettingsRows, getProfile } from '../domain/profiles';
import { parseSettings } from '../domain/settings';
import { TABS } from '../domain/tables';
import { normKey, splitEmails } from '../domain/text';
import { plannedValue } from '../domain/plan/cells';
import type { Settings } from '../domain/types';
import { applyRequests, readStructure, readValues, wholeTab, type SheetInfo } from '../sheets/api';
import { readOverdue } from '../rounds/overdue';
import { settingWrites, writeRequest } from '../rounds/round';
import { failure, type ActionContext, type Failure } from '../sheets/context';
import { syncAdmins } from '../sheets/protections';
import { findTab, unitSheets } from '../sheets/workbook';
import { effectiveAdmins, fileOwner, mayAdminister, withAdminLock } from './actions';
import { buildPanelState, rawSetting, unpreparedPanelState } from './panel-state';
import type { PanelOverdue, PanelState, SettingsPatch } from './panel-types';
import { decideSettingsPatch } from './settings-patch';

function actingUser(): string {
  return Session.getActiveUser().getEmail();
}

function profileChoices(): { id: string; name: string }[] {
  return PROFILE_IDS.map((id) => ({ id, name: getProfile(id)?.label ?? id }));
}

function defaultSettings(user: string): Settings {
  const parsed = parseSettings(defaultSettingsRows(DEFAULT_PROFILE_ID, user), 'id');
  if (!parsed.ok) throw new Error(`default settings do not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}

export function getPanelState(): PanelState | Failure {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const user = actingUser();
  const { timeZone, sheets } = readStructure(id);
  const today = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
  const profiles = profileChoices();
  const pengaturan = findTab(sheets, TABS.pengaturan);
  const unit = findTab(sheets, TABS.unit);
  const kategori = findTab(sheets, TABS.kategori);
  if (!pengaturan || !unit || !kategori) return unpreparedPanelState({ user, settings: defaultSettings(user), profiles, today });

  const optional = [TABS.rekap, TABS.logEmail, TABS.riwayat].map((title) => findTab(sheets, title));
  const present = [pengaturan, unit, kategori, ...optional].filter((s): s is SheetInfo => s !== undefined);
  const read = readValues(id, present.map((s) => wholeTab(s)));
  const valuesOf = (sheet: SheetInfo | undefined) => (sheet ? read[present.indexOf(sheet)] : []);
  const settingsRows = valuesOf(pengaturan);
  const firstLang = toLang(rawSetting(settingsRows, 'bahasa'));
  const settings = parseSettings(settingsRows, firstLang);
  if (!settings.ok) return failure(firstLang, 'panel.error.settings', {}, settings.problems);
  const [rekap, logEmail, riwayat] = optional;
  const unitTabs = new Map(
    unitSheets(sheets)
      .filter((s) => s.inactiveMetadataId === null)
      .map((s) => [normKey(s.code), { sheetId: s.sheetId, title: s.title }] as const),
  );
  return buildPanelState({
    lang: settings.value.bahasa,
    user,
    isAdmin: mayAdminister(effectiveAdmins(settings.value.emailAdmin), user),
    settings: settings.value,
    profiles,
    unitTabs,
    spreadsheetUrl: ss.getUrl(),
    values: { unit: valuesOf(unit), kategori: valuesOf(kategori), rekap: valuesOf(rekap), logEmail: valuesOf(logEmail), riwayat: valuesOf(riwayat) },
    today,
    overdue: overdueOf({ spreadsheetId: id, user, lang: settings.value.bahasa, admins: settings.value.emailAdmin }, settings.value, unitTabs.size),
  });
}

/** Once a round is under way (it has a name) and units have tabs: units with findings past their deadline. */
function overdueOf(ctx: ActionContext, settings: Settings, unitTabs: number): PanelOverdue[] {
  if (settings.putaran === '' || unitTabs === 0) return [];
  const read = readOverdue(ctx, new Date());
  if (!read.ok) return [];
  return read.units.map((u) => ({ kode: u.unit.code, nama: u.unit.name, findings: u.findings.length }));
}

/** Saves the settings the Pengaturan section changed. Admins only; every value is validated first. */
export function saveSettings(patch: SettingsPatch): { ok: true } | Failure {
  return withAdminLock((ctx, reading) => {
    const { sheets } = reading.structure;
    const pengaturan = findTab(sheets, TABS.pengaturan);
    if (!pengaturan) return failure(ctx.lang, 'panel.error.notReady');
    const decision = decideSettingsPatch(patch && typeof patch === 'object' ? patch : {}, ctx.user, ctx.admins, ctx.lang);
    if (!decision.ok) return failure(ctx.lang, 'panel.settings.error.refused', {}, decision.problems);
    const [rows] = readValues(ctx.spreadsheetId, [wholeTab(pengaturan)]);
    if (decision.cells.length > 0) {
      // Values (and a date's number format) only: the Nilai cells keep their dropdowns and notes.
      const values = decision.cells.map(({ key, cell }) => ({ key, cell, withFormat: cell.style?.format !== undefined }));
      const { requests, writes } = settingWrites(pengaturan, rows, values);
      // A new admin list holds from this same batch on: the protections follow it.
      const admins = decision.cells.find((c) => c.key === 'email_admin');
      const sync = admins ? syncAdmins(sheets, splitEmails(plannedValue(admins.cell)), fileOwner).requests : [];
      applyRequests(ctx.spreadsheetId, [[...requests, ...writes.map(writeRequest), ...sync]]);
    }
    return { ok: true };
  });
}
