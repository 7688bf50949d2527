// The sidebar's server endpoints (called through google.script.run): the panel state from one
// reading of the programme (structure, then every tab it shows and the active unit tabs in one
// batchGet), and saving settings in one batchUpdate under the document lock.
import type { Lang } from '../domain/i18n';
import { DEFAULT_PROFILE_ID, defaultSettingsRows, profileSummaries } from '../domain/profiles';
import { openFollowUps } from '../domain/rounds';
import { parseSettings } from '../domain/settings';
import { isSubmitted, isVerified, unitStage } from '../domain/stage';
import { TABS } from '../domain/tables';
import { normKey, splitEmails } from '../domain/text';
import { plannedValue } from '../domain/plan/cells';
import type { Settings } from '../domain/types';
import { applyRequests } from '../sheets/api';
import { overdueIn } from '../rounds/overdue';
import { settingWrites, writeRequest } from '../rounds/round';
import { failure, type Failure } from '../sheets/context';
import { readProgramme, tabFlagsOf, type Programme, type ReadSpec } from '../sheets/programme';
import { ledgerOf, ledgerRowsOf } from '../mail/journal';
import { syncAdmins } from '../sheets/protections';
import { effectiveAdmins, fileOwner, mayAdminister, withAdminLock } from './actions';
import { buildPanelState, buildUnitPanelState, unpreparedPanelState, type UnitTabFacts } from './panel-state';
import type { PanelOverdue, PanelProfile, SettingsPatch, SidebarState } from './panel-types';
import { decideSettingsPatch } from './settings-patch';

/** The tabs without which the panel only offers "Siapkan buku kerja". */
const PANEL_REQUIRES = [TABS.pengaturan, TABS.unit, TABS.kategori];
/** What the panel shows besides the programme: Rekap, Log Email, Riwayat, and the active unit tabs (for the overdue units). */
const PANEL_READ: ReadSpec = { tabs: [TABS.rekap, TABS.logEmail, TABS.riwayat], unitTabs: 'active', requires: PANEL_REQUIRES };

function actingUser(): string {
  return Session.getActiveUser().getEmail();
}

function profileChoices(lang: Lang): PanelProfile[] {
  return profileSummaries(lang).map((p) => ({ id: p.id, name: p.label, summary: p.summary }));
}

function defaultSettings(user: string): Settings {
  const parsed = parseSettings(defaultSettingsRows(DEFAULT_PROFILE_ID, user), 'id');
  if (!parsed.ok) throw new Error(`default settings do not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}

/** What the panel shows of each active unit tab, by unit Kode (normKey): its stage, open findings, statuses and flags. */
function unitTabFacts(programme: Programme, round: string): Map<string, UnitTabFacts> {
  const ledger = ledgerOf(programme);
  return new Map(
    programme.unitTabs.map((tab) => {
      const { sheet: s, reading, status } = tab;
      const facts: UnitTabFacts = {
        sheetId: s.sheetId,
        title: s.title,
        stage: reading.ok ? unitStage({ code: s.code, round, status, answers: reading.value.answers, ledger }) : '',
        openFindings: reading.ok ? openFollowUps(reading.value) : null,
        submitted: isSubmitted(status.filling?.value),
        verified: isVerified(status.verification?.value),
        hasFilling: status.filling !== null,
        hasVerification: status.verification !== null,
        flags: tabFlagsOf(programme, tab).map((f) => f.message),
      };
      return [normKey(s.code), facts] as const;
    }),
  );
}

/**
 * The sidebar's state, decided on the server by who asks: an admin gets the whole panel; a PIC or
 * an assessor gets their own units only (buildUnitPanelState), nothing of the other units or the
 * settings.
 */
export function getPanelState(): SidebarState | Failure {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const user = actingUser();
  const programme = readProgramme(ss.getId(), PANEL_READ);
  const { lang, settings } = programme;
  const today = Utilities.formatDate(new Date(), programme.timeZone, 'yyyy-MM-dd');
  if (!PANEL_REQUIRES.every((title) => programme.tab(title))) {
    return unpreparedPanelState({ user, settings: defaultSettings(user), profiles: profileChoices(lang), today });
  }
  if (!settings.ok) return failure(lang, 'panel.error.settings', {}, settings.problems);
  const unitTabs = unitTabFacts(programme, settings.value.putaran);
  if (!mayAdminister(effectiveAdmins(settings.value.emailAdmin), user)) {
    return buildUnitPanelState({
      lang: settings.value.bahasa,
      user,
      settings: settings.value,
      units: programme.units.units,
      unitTabs,
      spreadsheetUrl: ss.getUrl(),
      rekap: programme.rows(TABS.rekap),
    });
  }
  return buildPanelState({
    lang: settings.value.bahasa,
    user,
    settings: settings.value,
    profiles: profileChoices(lang),
    unitTabs,
    spreadsheetUrl: ss.getUrl(),
    values: {
      unit: programme.rows(TABS.unit),
      kategori: programme.rows(TABS.kategori),
      rekap: programme.rows(TABS.rekap),
      logEmail: ledgerRowsOf(programme),
      riwayat: programme.rows(TABS.riwayat),
    },
    today,
    overdue: overdueOf(programme, settings.value, today),
  });
}

/** Once a round is under way (it has a name): units with findings past their deadline. */
function overdueOf(programme: Programme, settings: Settings, today: string): PanelOverdue[] {
  if (settings.putaran === '') return [];
  return overdueIn(programme, settings, today).map((u) => ({ kode: u.unit.code, nama: u.unit.name, findings: u.findings.length }));
}

/** Saves the settings the Pengaturan section changed. Admins only; every value is validated first. */
export function saveSettings(patch: SettingsPatch): { ok: true } | Failure {
  return withAdminLock((ctx, programme) => {
    const pengaturan = programme.tab(TABS.pengaturan);
    if (!pengaturan) return failure(ctx.lang, 'panel.error.notReady');
    const decision = decideSettingsPatch(patch && typeof patch === 'object' ? patch : {}, ctx.user, ctx.admins, ctx.lang);
    if (!decision.ok) return failure(ctx.lang, 'panel.settings.error.refused', {}, decision.problems);
    if (decision.cells.length > 0) {
      // Values (and a date's number format) only: the Nilai cells keep their dropdowns and notes.
      const values = decision.cells.map(({ key, cell }) => ({ key, cell, withFormat: cell.style?.format !== undefined }));
      const { requests, writes } = settingWrites(pengaturan.sheet, pengaturan.rows, values);
      // A new admin list holds from this same batch on: the protections follow it.
      const admins = decision.cells.find((c) => c.key === 'email_admin');
      const sync = admins ? syncAdmins(programme.sheets, splitEmails(plannedValue(admins.cell)), fileOwner).requests : [];
      applyRequests(ctx.spreadsheetId, [[...requests, ...writes.map(writeRequest), ...sync]]);
    }
    return { ok: true };
  });
}
