// "Kirim temuan" as a kind of send: each unit's findings (or its acknowledgement), and in a
// later round what improved since the last one, with the unit's rapor attached when Pengaturan
// lampirkan_rapor says so. Its ledger rows carry the round's label.
import { renderFindingsEmail, type RenderedEmail } from '../domain/email';
import { roundProgress } from '../domain/rounds';
import { findingsOf, summarize } from '../domain/scoring';
import { raporOf } from '../report/rapor';
import type { MailKind, UnitMailInput } from './prepare';

function compose(u: UnitMailInput): RenderedEmail {
  const summary = summarize(u.tab.indicators, u.tab.answers, u.aspects, u.categories);
  const attachRapor = u.settings.lampirkanRapor !== false;
  const email = renderFindingsEmail({
    lang: u.lang,
    settings: u.settings,
    unit: u.unit,
    summary,
    categories: u.categories,
    findings: findingsOf(u.tab.indicators, u.tab.answers, { deadline: u.settings.batasWaktu }),
    tabUrl: u.tabUrl,
    progress: { items: roundProgress(u.tab), previousScore: u.previousScore, finalScore: summary.finalScore },
    raporAttached: attachRapor,
  });
  // The rapor goes as HTML: it becomes a PDF only when the message is sent (src/mail/batch.ts).
  return attachRapor ? { ...email, attachment: raporOf(u) } : email;
}

export const FINDINGS: MailKind = {
  id: 'findings',
  ledgerRound: (settings) => settings.putaran,
  compose,
  failsUnreadable: true,
  sendAcknowledgement: (settings) => settings.kirimTandaTerima,
  reportKey: 'mail.report',
  moreKey: 'mail.report.more',
};
