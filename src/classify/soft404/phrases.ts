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

/** The first (longest) phrase contained in a normalized text. */
export function findPhrase(phrases: readonly Phrase[], normalized: string): Phrase | undefined {
  if (normalized === '') return undefined;
  for (const phrase of phrases) {
    if (phrase.text.length <= normalized.length && containsPhrase(normalized, phrase.text, phrase.loose)) return phrase;
  }
  return undefined;
}
