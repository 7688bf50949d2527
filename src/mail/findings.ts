// "Kirim temuan" as a kind of send: each unit's findings (or its acknowledgement), and in a
// later round what improved since the last one, with the unit's rapor attached when Pengaturan
// lampirkan_rapor says so. Its ledger rows carry the round's label.
// Only verified units get it; asked for, submitted ones too, marked provisional. A unit nobody
// has answered gets nothing (it has no result to send).
import { renderFindingsEmail, type RenderedEmail } from '../domain/email';
import { followUpText, roundProgress } from '../domain/rounds';
import { findingsOf, isAssessed, summarize } from '../domain/scoring';
import { VERIFIED_STAGES } from '../domain/stage';
import { normKey } from '../domain/text';
import { raporOf } from '../report/rapor';
import type { MailKind, UnitMailInput } from './prepare';

function compose(u: UnitMailInput): RenderedEmail | null {
  if (!isAssessed(u.tab.indicators, u.tab.answers)) return null;
  const summary = summarize(u.tab.indicators, u.tab.answers, u.aspects, u.categories);
  const attachRapor = u.settings.lampirkanRapor !== false;
  const email = renderFindingsEmail({
    lang: u.lang,
    settings: u.settings,
    unit: u.unit,
    summary,
    categories: u.categories,
    qualifier: u.tab.qualifier,
    findings: findingsOf(u.tab.indicators, u.tab.answers, { deadline: u.settings.batasWaktu }),
    tabUrl: u.tabUrl,
    progress: { items: roundProgress(u.tab), previousScore: u.previousScore, finalScore: summary.finalScore },
    provisional: !VERIFIED_STAGES.includes(u.stage),
    followUps: new Map(u.tab.rows.map((r) => [normKey(r.code), followUpText(r.cells['Tindak Lanjut'], r.cells['Keterangan Tindak Lanjut'])])),
    raporAttached: attachRapor,
  });
  // The rapor goes as HTML: it becomes a PDF only when the message is sent (src/mail/batch.ts).
  return attachRapor ? { ...email, attachment: raporOf(u) } : email;
}

export const FINDINGS: MailKind = {
  id: 'findings',
  ledgerRound: (settings) => settings.putaran,
  compose,
  stages: ({ includeUnverified }) => (includeUnverified ? [...VERIFIED_STAGES, 'Diajukan'] : VERIFIED_STAGES),
  requiredSettings: ['putaran', 'batas_waktu'],
  failsUnreadable: true,
  sendAcknowledgement: (settings) => settings.kirimTandaTerima,
  reportKey: 'mail.report',
  moreKey: 'mail.report.more',
};
