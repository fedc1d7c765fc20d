import { describe, expect, it } from 'vitest';
import { containsPhrase, normalizeText } from '../../src/classify/soft404/normalize-text.js';
import { builtInPhrases, compilePhrases, PhraseSet, type Phrase } from '../../src/classify/soft404/phrases.js';

// What PhraseSet.find must equal: the first (longest) phrase contained, trying every phrase.
const everyPhrase = (phrases: readonly Phrase[], normalized: string): Phrase | undefined =>
  normalized === '' ? undefined : phrases.find((p) => containsPhrase(normalized, p.text, p.loose));

describe('PhraseSet', () => {
  const phrases = compilePhrases(builtInPhrases());
  const set = new PhraseSet(phrases);

  it('finds the same phrase as trying every one, on texts mixing phrase words, whole phrases and other words', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const words = [...new Set(phrases.flatMap((p) => p.text.split(' ')))];
    const noise = ['the', 'page', 'acme', 'shop', 'error', '404', 'home', 'docs', 'ページ', '页面', 'x'];
    let hits = 0;
    for (let round = 0; round < 5000; round++) {
      const parts = Array.from({ length: 1 + next(12) }, () => {
        const pick = next(10);
        if (pick === 0) return phrases[next(phrases.length)]!.text;
        return pick < 6 ? words[next(words.length)]! : noise[next(noise.length)]!;
      });
      const text = normalizeText(parts.join(next(4) === 0 ? '' : ' '));
      const expected = everyPhrase(phrases, text);
      if (expected) hits++;
      expect(set.find(text)).toBe(expected);
    }
    expect(hits).toBeGreaterThan(500);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(set.find('')).toBeUndefined();
    expect(set.find(normalizeText('Release notes for version 2'))).toBeUndefined();
    expect(set.find(normalizeText('Oops! Page not found'))?.text).toBe('page not found');
  });
});
