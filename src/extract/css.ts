// CSS references: `url(...)` (quoted or not) and `@import "x"` / `@import url(x)`, found by one
// character scan that skips comments and strings, so `content: "url(x)"` is not a link.
import type { PageLinks } from '../types.js';
import { offsetsToLines } from './lines.js';
import { PageLinksBuilder } from './page-links.js';
import { baseResolver } from './resolve.js';

/** A reference found in CSS text: its raw value, kind and offset in the text. */
export interface CssRef {
  raw: string;
  attribute: 'url' | 'import';
  offset: number;
}

const SLASH = 0x2f, STAR = 0x2a, DQUOTE = 0x22, SQUOTE = 0x27, AT = 0x40, BACKSLASH = 0x5c, CLOSE = 0x29;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isNameChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2d || c === 0x5f || c > 0x7f;

/** Scans CSS text for references; fragment-only and data: URLs are left out. */
export function scanCss(css: string): CssRef[] {
  const refs: CssRef[] = [];
  const n = css.length;
  let i = 0;
  while (i < n) {
    const c = css.charCodeAt(i);
    if (c === SLASH && css.charCodeAt(i + 1) === STAR) {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === DQUOTE || c === SQUOTE) {
      i = readString(css, i).end;
    } else if ((c | 0x20) === 0x75 && isUrlOpen(css, i)) {
      const token = readUrl(css, i + 4);
      push(refs, token.value, 'url', i);
      i = token.end;
    } else if (c === AT && css.slice(i + 1, i + 7).toLowerCase() === 'import' && !isNameChar(css.charCodeAt(i + 7))) {
      i = readImport(css, i, refs);
    } else {
      i++;
    }
  }
  return refs;
}

/** Links of the stylesheet at `url`, resolved against it, as the columns a page's links travel in. */
export function parseStylesheet(css: string, url: string): PageLinks {
  const refs = scanCss(css);
  const lines = offsetsToLines(css, refs.map((ref) => ref.offset));
  const resolve = baseResolver(url);
  const links = new PageLinksBuilder(url);
  refs.forEach((ref, index) => links.add(resolve(ref.raw), ref.raw, lines[index]!, 'css', ref.attribute, undefined));
  return links.build();
}

function push(refs: CssRef[], value: string, attribute: CssRef['attribute'], offset: number): void {
  const raw = value.trim();
  if (raw === '' || raw.startsWith('#') || /^data:/i.test(raw)) return;
  refs.push({ raw, attribute, offset });
}

function isUrlOpen(css: string, i: number): boolean {
  return css.charCodeAt(i + 3) === 0x28 && css.slice(i, i + 3).toLowerCase() === 'url' && !isNameChar(css.charCodeAt(i - 1));
}

function readImport(css: string, at: number, refs: CssRef[]): number {
  let i = at + 7;
  while (i < css.length && isSpace(css.charCodeAt(i))) i++;
  const c = css.charCodeAt(i);
  if (c === DQUOTE || c === SQUOTE) {
    const token = readString(css, i);
    push(refs, token.value, 'import', at);
    return token.end;
  }
  if ((c | 0x20) === 0x75 && isUrlOpen(css, i)) {
    const token = readUrl(css, i + 4);
    push(refs, token.value, 'import', at);
    return token.end;
  }
  return i;
}

interface Token {
  value: string;
  end: number;
}

// `from` is just after `url(`.
function readUrl(css: string, from: number): Token {
  let i = from;
  while (i < css.length && isSpace(css.charCodeAt(i))) i++;
  const c = css.charCodeAt(i);
  if (c === DQUOTE || c === SQUOTE) {
    const token = readString(css, i);
    const close = css.indexOf(')', token.end);
    return { value: token.value, end: close < 0 ? css.length : close + 1 };
  }
  const start = i;
  while (i < css.length && css.charCodeAt(i) !== CLOSE) i += css.charCodeAt(i) === BACKSLASH ? 2 : 1;
  return { value: unescape(css.slice(start, Math.min(i, css.length))), end: i + 1 };
}

// `from` is at the opening quote; a string ends at the same quote or, unterminated, at a newline.
function readString(css: string, from: number): Token {
  const quote = css.charCodeAt(from);
  let i = from + 1;
  while (i < css.length) {
    const c = css.charCodeAt(i);
    if (c === quote || c === 0x0a) break;
    i += c === BACKSLASH ? 2 : 1;
  }
  return { value: unescape(css.slice(from + 1, Math.min(i, css.length))), end: i + 1 };
}

const ESCAPE = /\\(?:([0-9a-fA-F]{1,6})\s?|\n|(.))/gs;

function unescape(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(ESCAPE, (_, hex: string | undefined, char: string | undefined) => {
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return char ?? '';
  });
}
