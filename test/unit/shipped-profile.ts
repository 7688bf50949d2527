// A shipped profile as the add-on reads it from a workbook's Instrumen, Aspek and Kategori tabs.
import { parseAspects, parseCategoryTable, parseInstrument } from '../../src/domain/instrument';
import { getProfile } from '../../src/domain/profiles';

/** The shipped profile `id`, its rows and what they parse to; a profile that does not parse throws. */
export function parsedProfile(id: string) {
  const profile = getProfile(id);
  if (!profile) throw new Error(`no profile ${id}`);
  const instrument = parseInstrument(profile.instrument, 'id');
  const aspects = parseAspects(profile.aspects, 'id');
  const table = parseCategoryTable(profile.categories, 'id');
  if (!instrument.ok || !aspects.ok || !table.ok) throw new Error(`${id} does not parse`);
  return { profile, indicators: instrument.value, aspects: aspects.value, ...table.value };
}
