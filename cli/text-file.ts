// Reading a text file a user made (a unit list, an edits file) the way a spreadsheet user saves
// one: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode Text"), and
// Windows-1252 (Excel's "CSV" on many Windows installations) when the bytes are not UTF-8. Which
// one was used is said; a binary file is refused, never read as text.
import { readFileSync } from 'node:fs';
import { CliError } from './result';

export type Encoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface TextFile {
  text: string;
  encoding: Encoding;
}

/** Control characters that no text file holds (tab, line feed, carriage return and form feed are text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function decode(bytes: Buffer): TextFile {
  const starts = (...mark: number[]) => mark.every((b, i) => bytes[i] === b);
  if (starts(0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 BOM' };
  if (starts(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (starts(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** The text of `file` and its encoding; a file that cannot be read, or holds control bytes (binary), is a CliError. */
export function readTextFile(file: string): TextFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError('error.readFile', { file, reason: (error as Error).message });
  }
  const decoded = decode(bytes);
  const control = CONTROL.exec(decoded.text);
  if (control) {
    const line = decoded.text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    throw new CliError('error.binaryFile', { file, line, byte: `0x${(control[0].codePointAt(0) ?? 0).toString(16).padStart(2, '0').toUpperCase()}` });
  }
  return decoded;
}
