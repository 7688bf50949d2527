// What an admin action runs with, and how it reports a user error: as a value in the
// workbook's language (docs/internals.md), never as a thrown exception.
import { t, type Lang, type MessageKey } from '../domain/i18n';
import type { Problem } from '../domain/types';

export interface ActionContext {
  spreadsheetId: string;
  /** The acting user's email ('' when Apps Script does not reveal it). */
  user: string;
  lang: Lang;
  /** Who counts as admin: Pengaturan email_admin, else the installer, else the acting user. */
  admins: string[];
}

export interface Failure {
  ok: false;
  error: string;
  problems?: Problem[];
}

export function failure(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}, problems?: Problem[]): Failure {
  return problems && problems.length > 0 ? { ok: false, error: t(lang, key, params), problems } : { ok: false, error: t(lang, key, params) };
}

/** The text of an error a service threw (Apps Script errors carry it in `message`). */
export function errorText(error: unknown): string {
  return error instanceof Object && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}
