// What the sidebar's server endpoints take and return (src/ui/sidebar.ts), shared with the
// sidebar's client. Everything is plain JSON: dates travel as 'yyyy-mm-dd' text.
import type { Lang } from '../domain/i18n';
import type { Stage } from '../domain/stage';
import type { Settings } from '../domain/types';

export interface PanelUnit {
  kode: string;
  nama: string;
  /** The Unit tab's Status: 'OK', a problem message, or '' before the first generation. */
  status: string;
  statusOk: boolean;
  /** The unit's tab name, '' when it has none yet. */
  tab: string;
  /** A link to the unit's tab (`…#gid=N`), '' when it has none. */
  link: string;
  /** Kelengkapan in percent, null when unknown. */
  completion: number | null;
  /** Skor Akhir, null when not scored. */
  score: number | null;
  category: string;
  findings: number | null;
  /** Where the unit stands (src/domain/stage.ts); '' when it has no readable tab. */
  stage: Stage | '';
  /** What its tab holds that cannot be scored (an answer outside the choices, merged cells…), each with its cell and the fix. */
  flags: string[];
}

/** How many units stand at a stage. */
export interface PanelStageCount {
  stage: Stage;
  count: number;
}

export interface PanelCategory {
  name: string;
  /** The category with its meaning and zone, as everywhere ("B — Kualitas Tinggi, Zona Hijau"). */
  label: string;
  zone: string;
  count: number;
}

export interface PanelLedger {
  sent: number;
  failed: number;
  skipped: number;
  /** The Waktu of the latest row as 'yyyy-mm-dd HH:mm', '' when the ledger is empty. */
  last: string;
}

export interface PanelOverdue {
  kode: string;
  nama: string;
  findings: number;
}

export interface PanelProfile {
  id: string;
  name: string;
  summary: string;
}

/** The admin's panel: the whole programme. Only an admin (or anyone, before the workbook is set up) is sent it. */
export interface PanelState {
  ok: true;
  view: 'admin';
  lang: Lang;
  user: string;
  /** The system tabs exist (the workbook was set up). */
  ready: boolean;
  settings: Settings;
  /** Each profile with its one-line summary and legal basis (profileSummaries), for the setup and Pengaturan. */
  profiles: PanelProfile[];
  categories: PanelCategory[];
  /** Units with no score yet. */
  unscored: number;
  units: PanelUnit[];
  /** Units per stage, every stage in order (tabs that cannot be read are not counted). */
  stages: PanelStageCount[];
  /** What to do next, in the workbook's language. */
  nextSteps: string[];
  ledger: PanelLedger;
  /** Names of closed rounds (Riwayat), oldest first. */
  closedRounds: string[];
  /** Units with findings once the active round's deadline has passed; empty otherwise. */
  overdue: PanelOverdue[];
  /** The day the panel was read, 'yyyy-mm-dd' in the spreadsheet's time zone. */
  today: string;
}

/** What a person may do on a unit: its PIC submits the tab, its assessor marks it verified. */
export type UnitRole = 'pic' | 'asesor';

/** One unit of a PIC or an assessor, as their sidebar shows it. */
export interface OwnUnit {
  kode: string;
  nama: string;
  /** The user's role on this unit; an assessor who is also its PIC acts as its assessor. */
  role: UnitRole;
  /** A link to the unit's tab, '' when it has none yet. */
  link: string;
  /** Where the unit stands; '' when it has no readable tab. */
  stage: Stage | '';
  /** Kelengkapan in percent, null when unknown. */
  completion: number | null;
  /** Findings whose Tindak Lanjut is not Selesai; null when the tab cannot be read. */
  openFindings: number | null;
  /** The role's action is already done (submitted for a PIC, verified for an assessor). */
  done: boolean;
  /** The tab has the status cell the role's action sets. */
  actionable: boolean;
  /** What its tab holds that cannot be scored, each with its cell and the fix. */
  flags: string[];
}

/**
 * The sidebar of a PIC or an assessor: their own units only, nothing of the others and nothing
 * of the admins (no settings, no addresses).
 */
export interface UnitPanelState {
  ok: true;
  view: 'unit';
  lang: Lang;
  user: string;
  /** The active round's label ('' when none). */
  round: string;
  /** The round's deadline as the emails write it ("30 April 2025"), '' when none. */
  deadline: string;
  units: OwnUnit[];
}

/** What getPanelState answers: the admin's panel or a PIC's / an assessor's own units. */
export type SidebarState = PanelState | UnitPanelState;

/** What submitUnit and verifyUnit answer. */
export interface UnitActionResult {
  ok: true;
  message: string;
}

/** The Pengaturan keys the panel may change, with the text the user entered. */
export const EDITABLE_SETTINGS = ['bahasa', 'email_admin', 'batas_waktu', 'profil', 'nama_kegiatan', 'instansi_penilai', 'email_balasan'] as const;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
export type SettingsPatch = Partial<Record<EditableSetting, string>>;
