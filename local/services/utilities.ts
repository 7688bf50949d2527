// Utilities: dates formatted in real time zones with Java SimpleDateFormat patterns, digests
// as Java's signed bytes, base64, and blobs whose HTML becomes a PDF (printed by Chromium, as
// Apps Script converts it on Google's servers): what the add-on calls.
// https://developers.google.com/apps-script/reference/utilities/utilities
import { createHash } from 'node:crypto';
import { zoneOffsetMs } from '../model/dates';
import type { ServiceContext } from './context';
import type { SyncPrinter } from '../chromium';
import { loud, notImplemented } from './loud';
import { recordCall, scriptError } from './script-app';

export const DIGEST_ALGORITHMS = Object.freeze({ MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' });
export const CHARSETS = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
type CharsetName = keyof typeof CHARSETS;

/** SimpleDateFormat's pattern letters; the ones formatDate below does not render are refused as not implemented. */
const JAVA_LETTERS = /[GyYMLwWDdFEuaHkKhmsSzZX]/;
/** A pattern's tokens: a run of one letter (its field) or other text. */
const PATTERN_TOKENS = /([A-Za-z])\1*|[^A-Za-z]+/g;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The fields of the letters the add-on's patterns use (yyyy-MM-dd HH:mm), from a wall-clock date read in UTC. */
const FIELDS: Record<string, (wall: Date, count: number) => string> = {
  y: (wall, count) => (count === 2 ? pad(wall.getUTCFullYear() % 100, 2) : pad(wall.getUTCFullYear(), count)),
  M: (wall, count) => pad(wall.getUTCMonth() + 1, count),
  d: (wall, count) => pad(wall.getUTCDate(), count),
  H: (wall, count) => pad(wall.getUTCHours(), count),
  m: (wall, count) => pad(wall.getUTCMinutes(), count),
  s: (wall, count) => pad(wall.getUTCSeconds(), count),
};

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats `date` in `timeZone` with a java.text.SimpleDateFormat pattern, as
 * Utilities.formatDate does (an unknown zone falls back to GMT, as Java's TimeZone does).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const instant = date.getTime();
  const wall = new Date(instant + zoneOffsetMs(instant, isValidZone(timeZone) ? timeZone : 'GMT'));
  let out = '';
  for (const [token, letter] of pattern.matchAll(PATTERN_TOKENS)) {
    if (token.includes("'")) throw notImplemented('Utilities.formatDate quoted text');
    const field = letter === undefined ? undefined : FIELDS[letter];
    // MMM and longer are month names.
    if (field && !(letter === 'M' && token.length > 2)) out += field(wall, token.length);
    else if (letter === undefined) out += token;
    else if (JAVA_LETTERS.test(letter)) throw notImplemented(`Utilities.formatDate pattern letter '${letter}'`);
    else throw new Error(`Illegal pattern character '${letter}'`);
  }
  return out;
}

/** A string (in `charset`) or a byte array (signed or not) as raw bytes. */
function toBuffer(data: string | ArrayLike<number>, charset: CharsetName = 'UTF_8'): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

const PDF = 'application/pdf';
const HTML = 'text/html';

/** Apps Script's getAs: the name's extension (after its last dot) replaced by the new type's, or added. */
function renamedFor(name: string | null, extension: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

/** What the add-on calls of a Blob. */
export interface LocalBlob {
  getBytes(): number[];
  getContentType(): string | null;
  getName(): string | null;
  getDataAsString(): string;
  getBlob(): LocalBlob;
  getAs(contentType: string): LocalBlob;
}

/**
 * A Blob: its bytes, content type and name, and `getAs('application/pdf')` of an HTML blob (what
 * the add-on converts); any other conversion is refused as not implemented.
 */
function createBlob(ctx: ServiceContext, printer: SyncPrinter | undefined, bytes: Buffer, contentType: string | null, name: string | null): LocalBlob {
  const blob: LocalBlob = {
    getBytes: (): number[] => ctx.realm.Array.from(bytes, (b) => (b > 127 ? b - 256 : b)),
    getContentType: () => contentType,
    getName: () => name,
    getDataAsString: () => bytes.toString('utf8'),
    /** A Blob is its own BlobSource (MailApp's attachments take either). */
    getBlob: () => proxy,
    getAs(type) {
      recordCall(ctx, 'Blob', 'getAs');
      if (type !== PDF || contentType !== HTML || printer === undefined) throw notImplemented(`Blob.getAs('${type}') of ${contentType ?? 'a blob without content type'}`);
      let pdf: Buffer;
      try {
        pdf = printer.print(bytes.toString('utf8'));
      } catch (error) {
        throw scriptError(ctx, `Conversion from text/html to application/pdf failed: ${(error as Error).message}`);
      }
      return createBlob(ctx, printer, pdf, PDF, renamedFor(name, 'pdf'));
    },
  };
  const proxy = loud(blob, 'Blob');
  return proxy;
}

/** `printer` prints an HTML blob's PDF (Blob.getAs); without one, the conversion is not available. */
export function createUtilities(ctx: ServiceContext, printer?: SyncPrinter) {
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  return loud(
    {
      DigestAlgorithm: DIGEST_ALGORITHMS,
      Charset: CHARSETS,
      formatDate(date: Date, timeZone: string, format: string): string {
        recordCall(ctx, 'Utilities', 'formatDate');
        if (!isDate(date)) throw scriptError(ctx, 'Invalid argument: date');
        try {
          return formatDate(date, String(timeZone), String(format));
        } catch (error) {
          throw scriptError(ctx, (error as Error).message);
        }
      },
      /** The digest as Apps Script hands bytes to scripts: Java's signed bytes, -128…127. */
      computeDigest(algorithm: string, value: string | number[], charset?: CharsetName): number[] {
        recordCall(ctx, 'Utilities', 'computeDigest');
        const name = Object.values(DIGEST_ALGORITHMS).find((a) => a === algorithm);
        if (name === undefined) throw scriptError(ctx, `Invalid argument: algorithm (${algorithm})`);
        const digest = createHash(name).update(toBuffer(value, charset)).digest();
        return ctx.realm.Array.from(digest, (b) => (b > 127 ? b - 256 : b));
      },
      newBlob(data: string | number[], contentType?: string, name?: string): LocalBlob {
        recordCall(ctx, 'Utilities', 'newBlob');
        return createBlob(ctx, printer, toBuffer(data), contentType ?? null, name ?? null);
      },
      base64Encode(data: string | number[], charset?: CharsetName): string {
        recordCall(ctx, 'Utilities', 'base64Encode');
        return toBuffer(data, charset).toString('base64');
      },
    },
    'Utilities',
  );
}
