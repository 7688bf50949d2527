// "Kirim temuan" as a kind of send: each unit's findings (or its acknowledgement), and in a
// later round what improved since the last one. Its ledger rows carry the round's label.
import { renderFindingsEmail } from '../domain/email';
import { followUpText, roundProgress } from '../domain/rounds';
import { normKey } from '../domain/text';
import { findingsOf, summarize } from '../domain/scoring';
import type { MailKind, UnitMailInput } from './prepare';

function compose(u: UnitMailInput) {
  const summary = summarize(u.tab.indicators, u.tab.answers, u.aspects, u.categories);
  return renderFindingsEmail({
    lang: u.lang,
    settings: u.settings,
    unit: u.unit,
    summary,
    categories: u.categories,
    findings: findingsOf(u.tab.indicators, u.tab.answers, { deadline: u.settings.batasWaktu }),
    tabUrl: u.tabUrl,
    progress: { items: roundProgress(u.tab), previousScore: u.previousScore, finalScore: summary.finalScore },
    followUps: new Map(u.tab.rows.map((r) => [normKey(r.code), followUpText(r.cells['Tindak Lanjut'], r.cells['Keterangan Tindak Lanjut'])])),
  });
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
