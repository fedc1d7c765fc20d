// Content signals: phrases in headline slots (title, first heading) or the opening of a thin
// page's prose, framework default pages, and the long-text guard that counts against them.
import type { PageFacts } from '../../types.js';
import { findMarker, isWeakHeadline, titleParts } from './markers.js';
import { countWords, nameStripper, openingWords } from './normalize-text.js';
import type { Phrase, PhraseSet } from './phrases.js';
import type { Signal } from './types.js';

const THIN_WORDS = 120;
const OPENING_CHARS = 4000;
/** Enough text to show a page is not thin, in any script, at a fraction of the opening's cost. */
const PREFIX_CHARS = 1500;
/** The stripped echo of the requested name may remove a few words from the prefix. */
const NAME_WORDS_MARGIN = 20;
const SEARCH_HEADLINE = /\b(?:search results?|results for|no results|suchergebnisse|résultats de recherche|resultados de (?:la )?búsqueda|risultati della ricerca|zoekresultaten)\b|検索結果|搜索结果/;

export interface ContentResult {
  signals: Signal[];
  /** Multiplier in [0,1] for content evidence: long unique text counts against. */
  damping: number;
  /** Few words in the opening: a page that says little may be a not-found page saying so. */
  thin: boolean;
  searchPage: boolean;
}

/** Content evidence of a parsed page requested as `url`. */
export function contentSignals(facts: PageFacts, url: URL, phrases: PhraseSet): ContentResult {
  const clean = nameStripper(url);
  const title = clean(facts.title);
  const heading = clean(facts.headings[0] ?? '');
  const searchPage = SEARCH_HEADLINE.test(title) || SEARCH_HEADLINE.test(heading);
  const signals: Signal[] = [];
  const headlineMarker = findMarker(title) ?? findMarker(heading);
  const titleHit = headline(facts.title, clean, phrases);
  const headingHit = headline(facts.headings[0] ?? '', clean, phrases);
  // Most pages have nothing in their headline slots and a long opening: they are settled by a
  // short prefix of their text, which keeps the detector cheap on every page of a large crawl.
  if (!headlineMarker && !titleHit && !headingHit) {
    if (hasMoreWords(facts.mainText, PREFIX_CHARS, THIN_WORDS + NAME_WORDS_MARGIN)) return { signals, damping: 0, thin: false, searchPage };
  }
  // Only the opening matters: it decides thinness (thresholds stay far below the cap) and holds
  // the message, so long pages cost no more than short ones.
  const main = clean(facts.mainText.slice(0, OPENING_CHARS));
  const words = countWords(main);
  const prose = clean(facts.proseText.slice(0, OPENING_CHARS));
  const thin = words <= THIN_WORDS;

  const marked = headlineMarker ?? [thin ? openingWords(prose, 60) : '', thin && countWords(prose) < 15 ? openingWords(main, 40) : '']
    .map((text) => findMarker(text)).find((m) => m !== undefined);
  if (marked) signals.push({ weight: 0.9, evidence: `${marked.name} default not-found page` });
  if (titleHit) signals.push({ weight: titleHit.weight * 0.7, evidence: `title '${clip(facts.title)}'${titleHit.lang}` });
  if (headingHit) signals.push({ weight: headingHit.weight * 0.65, evidence: `heading '${clip(facts.headings[0] ?? '')}'${headingHit.lang}` });
  if (thin) {
    // The first heading is weighed on its own above: the opening is the text after it.
    const opening = heading !== '' && prose.startsWith(heading) ? prose.slice(heading.length).trimStart() : prose;
    const phrase = phrases.find(openingWords(opening, 40));
    if (phrase) signals.push({ weight: 0.5, evidence: `opening text says '${phrase.text}'${lang(phrase)}` });
  }
  if (signals.length > 0 && thin) signals.push({ weight: 0.35, evidence: `thin page (${words} words)` });
  const damping = words > 400 ? 0.25 : words > 200 ? 0.6 : 1;
  return { signals, damping: searchPage ? 0 : damping, thin, searchPage };
}

/**
 * Whether the first `chars` of collapsed text hold more than `enough` normalized words, without
 * normalizing it: it counts space-separated tokens holding a letter or digit (normalizing only
 * splits tokens further), and stops once it has enough. Non-ASCII characters count as letters
 * unless they are punctuation or symbols.
 */
function hasMoreWords(text: string, chars: number, enough: number): boolean {
  const end = Math.min(text.length, chars);
  let words = 0;
  // Token by token: most start with a letter or digit, so most cost one look, not a scan.
  for (let start = 0; start < end; ) {
    let stop = text.indexOf(' ', start);
    if (stop < 0 || stop > end) stop = end;
    if (hasWordChar(text, start, stop) && ++words > enough) return true;
    start = stop + 1;
  }
  return false;
}

function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordChar(text.charCodeAt(i), text, i)) return true;
  return false;
}

const NOT_LETTER = /[\p{P}\p{S}\p{Z}\p{C}]/u;
function isWordChar(c: number, text: string, at: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !NOT_LETTER.test(text[at]!);
}

/** A phrase in a headline: full weight when it is most of its part, less inside a longer line. */
function headline(raw: string, clean: (text: string) => string, phrases: PhraseSet): { weight: number; lang: string } | undefined {
  let best: { weight: number; lang: string } | undefined;
  for (const part of titleParts(raw)) {
    const text = clean(part);
    if (text === '') continue;
    const phrase = phrases.find(text);
    let hit: { weight: number; lang: string } | undefined;
    if (phrase) hit = { weight: phrase.text.length / text.length >= 0.5 && !namesSomething(part, text, phrase.text) ? 1 : 0.5, lang: lang(phrase) };
    else if (isWeakHeadline(text)) hit = { weight: 0.5, lang: '' };
    if (hit && (!best || hit.weight > best.weight)) best = hit;
  }
  return best;
}

// Words that may follow a not-found phrase in a message ("Page not found error 404").
const ERROR_WORDS = new Set([
  'error', 'errors', 'fehler', 'erreur', 'errore', 'erro', 'fout', 'fel', 'feil', 'virhe', 'błąd', 'chyba', 'hiba', 'eroare',
  'hata', 'ошибка', 'помилка', 'грешка', 'σφάλμα', 'خطأ', 'שגיאה', 'त्रुटि', 'lỗi', 'kesalahan', 'ralat', 'http', 'code',
]);
const SENTENCE_MARK = /[.!?,;:…¡¿。！？，：]/;

/**
 * A phrase followed, in the same headline part and with no sentence mark, by words other than
 * error words or numbers names a thing ("Page Not Found T-shirt", "Not Found Records"), while a
 * message ends at the phrase or goes on as a sentence.
 */
function namesSomething(raw: string, normalized: string, phrase: string): boolean {
  if (SENTENCE_MARK.test(raw)) return false;
  const at = normalized.indexOf(phrase);
  if (at < 0) return false;
  const trailing = normalized.slice(at + phrase.length).trim();
  if (trailing === '') return false;
  return trailing.split(' ').some((word) => !ERROR_WORDS.has(word) && !/^\d+$/.test(word));
}

function lang(phrase: Phrase): string {
  return phrase.lang ? ` (${phrase.lang})` : '';
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
