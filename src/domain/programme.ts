// The programme's system tabs read together, as generation and the findings email both need
// them: Pengaturan (whose bahasa sets the language of every message), Instrumen, Aspek,
// Kategori and Unit, with every problem of every tab in one list.
import type { Lang } from './i18n';
import { checkAspectCoverage, parseAspects, parseCategories, parseInstrument } from './instrument';
import { parseSettings } from './settings';
import type { AspectWeight, Category, Indicator, Problem, Settings } from './types';
import { validateUnits, type UnitValidation } from './units';

type Rows = readonly (readonly unknown[])[];

export interface ProgrammeRows {
  settings: Rows;
  instrument: Rows;
  aspects: Rows;
  categories: Rows;
  units: Rows;
}

export interface Programme {
  settings: Settings;
  indicators: Indicator[];
  aspects: AspectWeight[];
  categories: Category[];
  /** The Unit rows: the valid units, and each row's status. A bad row is not a problem of the programme. */
  units: UnitValidation;
}

/** The language of the messages is Pengaturan's bahasa when it can be read, else `lang`. */
export type ProgrammeRead = { ok: true; lang: Lang; value: Programme } | { ok: false; lang: Lang; problems: Problem[] };

/** Reads the system tabs; `more` adds the caller's own checks, in the programme's language. */
export function readProgramme(rows: ProgrammeRows, lang: Lang, more: (lang: Lang) => Problem[] = () => []): ProgrammeRead {
  const settings = parseSettings(rows.settings, lang);
  const language = settings.ok ? settings.value.bahasa : lang;
  const indicators = parseInstrument(rows.instrument, language);
  const aspects = parseAspects(rows.aspects, language);
  const categories = parseCategories(rows.categories, language);
  const units = validateUnits(rows.units, language);
  const problems: Problem[] = [
    ...(settings.ok ? [] : settings.problems),
    ...(indicators.ok ? [] : indicators.problems),
    ...(aspects.ok ? [] : aspects.problems),
    ...(indicators.ok && aspects.ok ? checkAspectCoverage(indicators.value, aspects.value, language) : []),
    ...(categories.ok ? [] : categories.problems),
    ...units.problems,
    ...more(language),
  ];
  if (!settings.ok || !indicators.ok || !aspects.ok || !categories.ok || problems.length > 0) return { ok: false, lang: language, problems };
  return {
    ok: true,
    lang: language,
    value: { settings: settings.value, indicators: indicators.value, aspects: aspects.value, categories: categories.value, units },
  };
}
