// A unit's rapor from what the execution read (the same input as its findings email), and the
// PDF Apps Script makes of it: Utilities.newBlob(html, 'text/html', name).getAs('application/pdf'),
// a conversion on Google's servers that needs no Drive scope.
import { renderRapor, type RenderedRapor } from '../domain/rapor';
import { roundProgress } from '../domain/rounds';
import { scoresByAspect, findingsOf, summarize } from '../domain/scoring';
import { isVerified } from '../domain/stage';
import { statusOf } from '../domain/unit-tab';
import type { UnitMailInput } from '../mail/prepare';

/** What a rapor is made of: a unit's mail input without the link to its tab. */
export type RaporSource = Omit<UnitMailInput, 'tabUrl' | 'stage'>;

/** The unit's rapor: provisional while its Status Verifikasi is not Terverifikasi. */
export function raporOf(u: RaporSource): RenderedRapor {
  const { indicators, answers } = u.tab;
  const summary = summarize(indicators, answers, u.aspects, u.categories);
  return renderRapor({
    lang: u.lang,
    settings: u.settings,
    unit: u.unit,
    date: u.today,
    summary,
    categories: u.categories,
    aspects: scoresByAspect(indicators, answers, u.aspects),
    findings: findingsOf(indicators, answers, { deadline: u.settings.batasWaktu }),
    progress: { items: roundProgress(u.tab), previousScore: u.previousScore, finalScore: summary.finalScore },
    provisional: !isVerified(statusOf(u.tab.layout).verification?.value),
  });
}

/** The document as a PDF blob named '{name}.pdf'. */
export function pdfOf(document: RenderedRapor): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(document.html, 'text/html', `${document.name}.html`).getAs('application/pdf');
}
