// Document properties that hold one small JSON value each. Always the document's: script and
// user properties are shared by every install of an add-on.

/** The value of `key`, when it parses and `valid` accepts it; else null. */
export function readJsonProperty<T>(key: string, valid: (value: unknown) => value is T): T | null {
  return parseJsonProperty(PropertiesService.getDocumentProperties().getProperty(key), valid);
}

/** A property's text (null: not set) as a value that `valid` accepts; else null. */
export function parseJsonProperty<T>(raw: string | null, valid: (value: unknown) => value is T): T | null {
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Sets `key` to `value` as JSON, or deletes it (null). */
export function writeJsonProperty(key: string, value: unknown): void {
  const props = PropertiesService.getDocumentProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, JSON.stringify(value));
}
