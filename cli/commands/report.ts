// `pendamping report`: the rapor of each unit as a PDF file, made by the add-on's own makeRapor
// (the HTML → PDF conversion is the runtime's Blob.getAs, printed by Chromium). Without Chromium
// it says so, writes each rapor's HTML instead, and fails (exit 1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { chromiumPath, haveChromium } from '../../local/chromium';
import { msg } from '../messages';
import type { BundleResult, CommandResult } from '../result';
import { withSession, type Session } from '../session';
import { outcome, workbookPath, type Command } from './common';

interface RaporFile {
  kode: string;
  name: string;
  pdf?: string;
  html?: string;
}

type RaporAnswer = Extract<BundleResult, { ok: true }> & { files: RaporFile[]; failed: { kode: string; reason: string }[]; remaining: string[] };

/** Every unit's rapor (those `only` names), written into `dir`, call after call until none is left. */
export function writeRapor(session: Session, dir: string, only: readonly string[] | undefined, html: boolean): { answer: BundleResult; written: string[]; failed: { kode: string; reason: string }[] } {
  const written: string[] = [];
  const failed: { kode: string; reason: string }[] = [];
  let left = only;
  for (;;) {
    const answer = session.call('makeRapor', { ...(left !== undefined && { only: left }), ...(html && { html: true }) });
    if (!answer.ok) return { answer, written, failed };
    const { files, failed: notMade, remaining } = answer as RaporAnswer;
    mkdirSync(dir, { recursive: true });
    for (const file of files) {
      const path = join(dir, basename(file.name));
      writeFileSync(path, file.pdf !== undefined ? Buffer.from(file.pdf, 'base64') : (file.html ?? ''));
      written.push(path);
    }
    failed.push(...notMade);
    if (remaining.length === 0) return { answer, written, failed };
    left = remaining;
  }
}

export const report: Command = (options, io) => {
  const file = workbookPath(options, io);
  const dir = resolve(io.cwd, options.out ?? join(dirname(file), 'rapor'));
  return withSession(file, options, {}, (session): CommandResult => {
    const printable = haveChromium();
    const { answer, written, failed } = writeRapor(session, dir, options.only, !printable);
    const fields = { written, failed };
    if (!answer.ok) return outcome(session, answer, fields);
    const lines = [
      msg(session.lang, printable ? 'result.report' : 'result.reportHtml', { count: written.length, dir }),
      ...failed.map((f) => msg(session.lang, 'result.emailFailed', { kode: f.kode, reason: f.reason })),
    ];
    if (!printable) {
      const error = msg(session.lang, 'error.noChromium', { path: chromiumPath(), dir });
      return { ok: false, lang: session.lang, error, metrics: session.metrics(), fields, lines };
    }
    return outcome(session, answer, fields, lines);
  });
};
