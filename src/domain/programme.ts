// The programme's system tabs parsed together: Pengaturan (whose bahasa sets the language of
// every message), Instrumen, Aspek, Kategori and Unit. Each is parsed once per execution (by
// src/sheets/programme.ts); an action that needs them all asks checkProgramme for every
// problem of every tab in one list.
import type { Lang } from './i18n';
import { checkAspectCoverage, parseAspects, parseCategoryTable, parseInstrument } from './instrument';
import { parseSettings } from './settings';
import type { AspectWeight, CategoryTable, Indicator, Parsed, Problem, Settings } from './types';
import { validateUnits, type UnitValidation } from './units';

type Rows = readonly (readonly unknown[])[];

export interface ProgrammeRows {
  settings: Rows;
  instrument: Rows;
  aspects: Rows;
  categories: Rows;
  units: Rows;
}

/** Each system tab parsed on its own: an action uses the parts it needs. */
export interface ProgrammeParts {
  settings: Parsed<Settings>;
  instrument: Parsed<Indicator[]>;
  aspects: Parsed<AspectWeight[]>;
  /** Kategori: the categories and the scale of their minimums. */
  categories: Parsed<CategoryTable>;
  /** The Unit rows: the valid units, and each row's status. A bad row is not a problem of the programme. */
  units: UnitValidation;
}

export interface ValidProgramme {
  settings: Settings;
  indicators: Indicator[];
  aspects: AspectWeight[];
  categories: CategoryTable;
  units: UnitValidation;
}

/** Parses the system tabs, every message in `lang` (Pengaturan's bahasa). */
export function parseProgramme(rows: ProgrammeRows, lang: Lang): ProgrammeParts {
  return {
    settings: parseSettings(rows.settings, lang),
    instrument: parseInstrument(rows.instrument, lang),
    aspects: parseAspects(rows.aspects, lang),
    categories: parseCategoryTable(rows.categories, lang),
    units: validateUnits(rows.units, lang),
  };
}

/** The whole programme when every tab parses and Aspek covers Instrumen; `more` adds the caller's own problems. */
export function checkProgramme(parts: ProgrammeParts, lang: Lang, more: readonly Problem[] = []): Parsed<ValidProgramme> {
  const { settings, instrument, aspects, categories, units } = parts;
  const problems: Problem[] = [
    ...(settings.ok ? [] : settings.problems),
    ...(instrument.ok ? [] : instrument.problems),
    ...(aspects.ok ? [] : aspects.problems),
    ...(instrument.ok && aspects.ok ? checkAspectCoverage(instrument.value, aspects.value, lang) : []),
    ...(categories.ok ? [] : categories.problems),
    ...units.problems,
    ...more,
  ];
  if (!settings.ok || !instrument.ok || !aspects.ok || !categories.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { settings: settings.value, indicators: instrument.value, aspects: aspects.value, categories: categories.value, units },
  };
}
