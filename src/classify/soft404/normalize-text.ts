// Text normalisation shared by phrase matching and shingling: NFKC, case folding, one kind of
// apostrophe, punctuation and symbols as spaces, whitespace collapsed. The same function runs on
// phrases and on page text, so a phrase matches however the page typesets it.

const APOSTROPHES = /[’‘`´ʼ′]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}']+/gu;
const NOT_WORD_ASCII = /[^a-z0-9']+/g;
const ASCII = /^[\x00-\x7f]*$/;
const EDGE_APOSTROPHES = /(^|\s)'+|'+(?=\s|$)/g;

/** NFKC, lower case, apostrophes unified, everything but letters/digits/marks a single space. */
export function normalizeText(text: string): string {
  if (!ASCII.test(text)) {
    return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'").replace(NOT_WORD, ' ').replace(EDGE_APOSTROPHES, '$1').trim();
  }
  // ASCII is its own NFKC form, its only odd apostrophe is '`' and its letters and digits are
  // [a-z0-9] once lower-cased: most text takes the cheaper path, skipping passes with nothing to do.
  let out = text.toLowerCase();
  if (out.includes('`')) out = out.replaceAll('`', "'");
  out = out.replace(NOT_WORD_ASCII, ' ');
  if (out.includes("'")) out = out.replace(EDGE_APOSTROPHES, '$1');
  return out.trim();
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
 * Normalizes texts of one page with the requested name removed (its last path segment, decoded,
 * with and without its extension, separators as spaces), since many not-found pages echo it.
 * The name's variants are worked out once per page.
 */
export function nameStripper(url: string | URL): (text: string) => string {
  const variants = nameVariants(url).filter((v) => v.length >= 3);
  return (text) => {
    const normalized = normalizeText(text);
    let stripped = normalized;
    for (const v of variants) if (stripped.includes(v)) stripped = stripped.split(v).join(' ');
    return stripped === normalized ? stripped : stripped.replace(/ {2,}/g, ' ').trim();
  };
}

function nameVariants(url: string | URL): string[] {
  let path: string;
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
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
