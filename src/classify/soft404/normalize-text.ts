// Text normalisation shared by phrase matching and shingling: NFKC, case folding, one kind of
// apostrophe, punctuation and symbols as spaces, whitespace collapsed. The same function runs on
// phrases and on page text, so a phrase matches however the page typesets it.

const APOSTROPHES = /[’‘`´ʼ′]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}']+/gu;
const EDGE_APOSTROPHES = /(^|\s)'+|'+(?=\s|$)/g;

/** NFKC, lower case, apostrophes unified, everything but letters/digits/marks a single space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(NOT_WORD, ' ')
    .replace(EDGE_APOSTROPHES, '$1')
    .trim();
}

// Scripts written without spaces between words: a phrase in them may sit anywhere in a run.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether a text holds a character of a script written without spaces between words. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/**
 * Whether normalized `text` contains normalized `phrase` as whole words (for spaced scripts) or
 * anywhere (`loose`, for scripts without spaces; computed when not given).
 */
export function containsPhrase(text: string, phrase: string, loose = isUnspaced(phrase)): boolean {
  if (phrase === '') return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    const end = at + phrase.length;
    if (loose || ((at === 0 || text[at - 1] === ' ') && (end === text.length || text[end] === ' '))) return true;
    from = at + 1;
  }
}

/** Words of a normalized text (space separated; an unspaced script run counts as one word per 2 chars). */
export function countWords(normalized: string): number {
  if (normalized === '') return 0;
  if (!UNSPACED.test(normalized)) return normalized.split(' ').length;
  let words = 0;
  for (const token of normalized.split(' ')) words += UNSPACED.test(token) ? Math.ceil(token.length / 2) : 1;
  return words;
}

/** The first `n` words of a normalized text. */
export function openingWords(normalized: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = normalized.indexOf(' ', at + 1);
    if (at < 0) return normalized;
  }
  return normalized.slice(0, at);
}

/**
 * Removes the requested name (the last path segment, decoded, with its extension and with
 * separators as spaces) from a text, since many not-found pages echo it.
 */
export function stripName(normalized: string, url: string): string {
  const variants = nameVariantsOf(url);
  let text = normalized;
  for (const v of variants) {
    if (v.length >= 3) text = text.split(v).join(' ');
  }
  return text === normalized ? text : text.replace(/ {2,}/g, ' ').trim();
}

// A page's texts are stripped one after another with the same URL: keep its variants for the next call.
let lastUrl = '';
let lastVariants: string[] = [];
function nameVariantsOf(url: string): string[] {
  if (url !== lastUrl) {
    lastVariants = nameVariants(url);
    lastUrl = url;
  }
  return lastVariants;
}

function nameVariants(url: string): string[] {
  let path: string;
  try {
    const parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname) + ' ' + decodeURIComponent(parsed.search.slice(1));
  } catch {
    return [];
  }
  const segments = path.split(/[/ ]/).filter((s) => s !== '');
  const last = segments.at(-1) ?? '';
  const out = new Set<string>();
  // A short one-word name ("seite", "news") may be a word of the page itself: only longer or
  // compound names are taken for echoes.
  for (const raw of [path, last, last.replace(/\.[a-z0-9]{1,5}$/i, '')]) {
    const n = normalizeText(raw);
    if (n !== '' && (raw === path || n.length >= 8 || n.includes(' '))) out.add(n);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
