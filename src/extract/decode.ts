// Bytes to text the way browsers pick an encoding: BOM, then the Content-Type charset, then a
// <meta> prescan; a page that is not valid UTF-8 where UTF-8 was assumed (or claimed) is read
// as windows-1252, so a mislabelled Latin-1 page still yields the right non-ASCII URLs.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from './windows1252.js';

const PRESCAN_BYTES = 1024;
const NON_ASCII = /[^\x00-\x7f]/;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Decodes an HTML body to a string; never throws. */
export function decodeHtml(body: Buffer, headerCharset?: string): string {
  const bom = bomEncoding(body);
  if (bom !== undefined) return new TextDecoder(bom).decode(body);
  if (headerCharset?.trim()) return decodeAs(body, headerCharset.trim());
  const declared = metaCharset(body);
  // A page cannot declare itself UTF-16 in ASCII bytes; the HTML spec reads such pages as UTF-8.
  return decodeAs(body, declared && /^utf-?16/i.test(declared) ? 'utf-8' : declared);
}

/** True for the MIME types parsed as HTML: text/html and application/xhtml+xml. */
export function isHtmlMime(mime: string): boolean {
  const type = mime.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

function bomEncoding(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function metaCharset(body: Buffer): string | undefined {
  return META_CHARSET.exec(body.toString('latin1', 0, Math.min(body.length, PRESCAN_BYTES)))?.[1];
}

function decodeAs(body: Buffer, label: string | undefined): string {
  const decoder = label === undefined ? undefined : decoderFor(label);
  if (decoder?.encoding === 'windows-1252') return decodeWindows1252(body);
  if (decoder !== undefined && decoder.encoding !== 'utf-8') return decoder.decode(body);
  return decodeUtf8OrWindows1252(body);
}

function decodeUtf8OrWindows1252(body: Buffer): string {
  // Nearly every page is whole, valid UTF-8: a validation pass and a plain decode take a quarter
  // of the time of a fatal TextDecoder (bench: 16 → 4 µs per 13 KB page).
  if (isUtf8(body)) return body.toString('utf8');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    text = utf8.decode(body, { stream: true });
  } catch {
    return decodeWindows1252(body);
  }
  try {
    utf8.decode();
    return text;
  } catch {
    // The body ends inside a multi-byte character: a cut at the size cap when the rest holds
    // UTF-8 characters, a Latin-1 page ending in a high byte when it is plain ASCII.
    return NON_ASCII.test(text) ? text : decodeWindows1252(body);
  }
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}
