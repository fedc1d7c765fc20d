// The "page not found" phrase list: the data file shipped in data/ plus a user file, compiled
// once into normalized phrases so that matching a page is a few substring searches.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { containsPhrase, isUnspaced, normalizeText } from './normalize-text.js';

const DATA_FILE = new URL('../../../data/soft404-phrases.txt', import.meta.url);
const LANG_TAG = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})?):\s*/i;

export interface Phrase {
  /** Normalized text. */
  text: string;
  /** Language tag from the data file, '' when the line had none. */
  lang: string;
  /** Written in a script without spaces between words: it may match inside a run. */
  loose: boolean;
}

/** Lines of a phrase file without comments and blanks (language tags kept). */
export function parsePhraseLines(content: string): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

let builtIn: string[] | undefined;

/** The shipped phrase list (read once). Empty if the data file is missing from the install. */
export function builtInPhrases(): string[] {
  if (builtIn === undefined) {
    try {
      builtIn = parsePhraseLines(readFileSync(DATA_FILE, 'utf8'));
    } catch {
      builtIn = [];
    }
  }
  return builtIn;
}

/**
 * The shipped phrases plus those of `file` (one phrase a line, `#` comments, optional `xx:`
 * language tag). An unreadable or empty user file is a problem value naming it, never a throw.
 */
export async function loadPhrases(file?: string): Promise<string[] | { problem: string }> {
  const phrases = [...builtInPhrases()];
  if (file === undefined) return phrases;
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `soft-404 phrase file ${file}: ${code === 'ENOENT' ? 'not found' : code}` };
  }
  const extra = parsePhraseLines(content);
  if (extra.length === 0) return { problem: `soft-404 phrase file ${file}: no phrases in it` };
  return phrases.concat(extra);
}

/** Compiles phrase lines into unique normalized phrases, longest first. */
export function compilePhrases(lines: readonly string[]): Phrase[] {
  const seen = new Map<string, Phrase>();
  for (const line of lines) {
    const tag = LANG_TAG.exec(line);
    const text = normalizeText(tag ? line.slice(tag[0].length) : line);
    if (text !== '' && !seen.has(text)) seen.set(text, { text, lang: tag?.[1]?.toLowerCase() ?? '', loose: isUnspaced(text) });
  }
  return [...seen.values()].sort((a, b) => b.text.length - a.text.length);
}

/**
 * Compiled phrases indexed by one word each must contain (its longest), so a text is checked
 * against the few phrases that could be in it instead of every one: a page's title and heading
 * are checked on every page of a crawl. Phrases of scripts without spaces are checked only in
 * text holding such a script.
 */
export class PhraseSet {
  private readonly byWord = new Map<string, number[]>();
  private readonly unspaced: number[] = [];

  constructor(private readonly phrases: readonly Phrase[]) {
    phrases.forEach((phrase, i) => {
      if (phrase.loose) {
        this.unspaced.push(i);
        return;
      }
      const anchor = phrase.text.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
      const list = this.byWord.get(anchor);
      if (list) list.push(i);
      else this.byWord.set(anchor, [i]);
    });
  }

  /** The first (longest) phrase contained in a normalized text. */
  find(normalized: string): Phrase | undefined {
    if (normalized === '') return undefined;
    let best = this.phrases.length;
    for (const word of normalized.split(' ')) {
      const candidates = this.byWord.get(word);
      if (candidates === undefined) continue;
      for (const i of candidates) {
        if (i >= best) break;
        if (containsPhrase(normalized, this.phrases[i]!.text, false)) best = i;
      }
    }
    if (this.unspaced.length > 0 && isUnspaced(normalized)) {
      for (const i of this.unspaced) {
        if (i >= best) break;
        if (containsPhrase(normalized, this.phrases[i]!.text, true)) best = i;
      }
    }
    return this.phrases[best];
  }
}
