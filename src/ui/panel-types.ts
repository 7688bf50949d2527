// What the sidebar's server endpoints take and return (src/ui/sidebar.ts), shared with the
// sidebar's client. Everything is plain JSON: dates travel as 'yyyy-mm-dd' text.
import type { Lang } from '../domain/i18n';
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

export interface PanelState {
  ok: true;
  lang: Lang;
  user: string;
  isAdmin: boolean;
  /** The system tabs exist (the workbook was set up). */
  ready: boolean;
  settings: Settings;
  /** Each profile with its one-line summary and legal basis (profileSummaries), for the setup and Pengaturan. */
  profiles: PanelProfile[];
  categories: PanelCategory[];
  /** Units with no score yet. */
  unscored: number;
  units: PanelUnit[];
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

/** The Pengaturan keys the panel may change, with the text the user entered. */
export const EDITABLE_SETTINGS = ['bahasa', 'email_admin', 'batas_waktu', 'profil', 'nama_kegiatan', 'instansi_penilai', 'email_balasan'] as const;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
export type SettingsPatch = Partial<Record<EditableSetting, string>>;
