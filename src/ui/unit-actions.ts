// The one action a PIC or an assessor has in the sidebar: the PIC submits its unit's tab
// (Status Pengisian Diajukan), the assessor marks it verified (Status Verifikasi Terverifikasi).
// The server decides who may: the unit's row in Unit (Email PIC, Email Asesor) and the admins,
// whatever the sidebar showed. One status cell is written, under the document lock.
import { t, type Lang } from '../domain/i18n';
import { text } from '../domain/plan/cells';
import { FILL_VALUES, VERIFY_VALUES } from '../domain/stage';
import { TABS } from '../domain/tables';
import { normKey, splitEmails } from '../domain/text';
import type { UnitTabStatus } from '../domain/unit-tab';
import { activeSpreadsheetId, applyRequests } from '../sheets/api';
import { failure, type Failure } from '../sheets/context';
import { peekSettings, readProgramme, type Programme } from '../sheets/programme';
import { writeRequest } from '../rounds/round';
import { effectiveAdmins, LOCK_WAIT_MS, mayAdminister } from './actions';
import { roleOn } from './panel-state';
import type { UnitActionResult, UnitRole } from './panel-types';

interface StatusAction {
  /** The status cell it sets, and to what. */
  cell: keyof UnitTabStatus;
  value: string;
  /** Who may, besides the admins. */
  roles: readonly UnitRole[];
  refused: 'panel.unit.error.notPic' | 'panel.unit.error.notAssessor';
  done: 'panel.unit.submitted' | 'panel.unit.verified';
}

/** Status Pengisian may be set by the unit's PIC and its assessor (and the admins). */
const SUBMIT: StatusAction = { cell: 'filling', value: FILL_VALUES[1], roles: ['pic', 'asesor'], refused: 'panel.unit.error.notPic', done: 'panel.unit.submitted' };
/** Status Verifikasi only by its assessor (and the admins). */
const VERIFY: StatusAction = { cell: 'verification', value: VERIFY_VALUES[1], roles: ['asesor'], refused: 'panel.unit.error.notAssessor', done: 'panel.unit.verified' };

function setStatusIn(programme: Programme, spreadsheetId: string, user: string, kode: string, action: StatusAction): UnitActionResult | Failure {
  const lang: Lang = programme.lang;
  const unit = programme.units.units.find((u) => normKey(u.code) === normKey(kode));
  if (!unit) return failure(lang, 'panel.unit.error.noUnit', { kode });
  const role = roleOn(unit, user);
  const admin = mayAdminister(effectiveAdmins(splitEmails(programme.setting('email_admin'))), user);
  if (!admin && (role === null || !action.roles.includes(role))) {
    return failure(lang, action.refused, { unit: `${unit.code} — ${unit.name}`, user: user || t(lang, 'core.unknownUser') });
  }
  const tab = programme.unitTabs.find((u) => normKey(u.sheet.code) === normKey(unit.code));
  const cell = tab?.status[action.cell];
  if (!tab || !cell) return failure(lang, 'panel.unit.error.noStatus', { unit: `${unit.code} — ${unit.name}` });
  applyRequests(spreadsheetId, [[writeRequest({ sheetId: tab.sheet.sheetId, row: cell.row, column: cell.column, cells: [[text(action.value)]] })]]);
  return { ok: true, message: t(lang, action.done, { unit: `${unit.code} — ${unit.name}` }) };
}

function runStatusAction(kode: unknown, action: StatusAction): UnitActionResult | Failure {
  const spreadsheetId = activeSpreadsheetId();
  const user = Session.getActiveUser().getEmail().trim();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure(peekSettings().lang, 'core.busy');
  try {
    const programme = readProgramme(spreadsheetId, { unitTabs: 'active', requires: [TABS.pengaturan, TABS.unit] });
    return setStatusIn(programme, spreadsheetId, user, String(kode ?? ''), action);
  } finally {
    lock.releaseLock();
  }
}

/** "Ajukan": the unit's PIC (or its assessor, or an admin) sets Status Pengisian to Diajukan. */
export function submitUnit(kode: string): UnitActionResult | Failure {
  return runStatusAction(kode, SUBMIT);
}

/** "Tandai terverifikasi": the unit's assessor (or an admin) sets Status Verifikasi to Terverifikasi. */
export function verifyUnit(kode: string): UnitActionResult | Failure {
  return runStatusAction(kode, VERIFY);
}
