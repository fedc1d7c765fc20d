import { describe, expect, it } from 'vitest';
import { collapseCapped, TextBuffer } from '../../src/extract/text.js';

const reference = (text: string): string => text.replace(/\s+/g, ' ').trim();

// Already-collapsed text skips the regex; every other shape must still collapse like /\s+/.
const samples = [
  'Home',
  'About us',
  'a b c',
  ' leading',
  'trailing ',
  'two  spaces',
  'tab\there',
  'new\nline',
  'cr\rlf',
  'nbsp\u00a0here',
  'ideographic\u3000space',
  'en\u2002space',
  'line\u2028sep',
  'bom\ufeffhere',
  'ogham\u1680mark',
  'zero\u200bwidth',
  'hair\u200aspace',
  'para\u2029sep',
  'narrow\u202fnbsp',
  'math\u205fspace',
  'next\u0085line',
  'mongolian\u180evowel',
  'vt\u000bff\u000c',
  'control\u0001char',
  'café crème',
  ' ',
  '',
];

describe('text collapsing', () => {
  it.each(samples)('collapses %j like /\\s+/ and trim', (text) => {
    expect(collapseCapped(text, 100)).toBe(reference(text));
    const buffer = new TextBuffer(100);
    buffer.add(text);
    expect(buffer.value()).toBe(reference(text));
  });

  // Chunks as a parser gives them: whitespace at their edges and inside, block boundaries
  // between some, and text past a small cap, so compaction and a full buffer are exercised too.
  // Most text has nothing to collapse but single spaces, which takes another path: the second
  // alphabet and shorter texts make most of it such text, with a double space only at a seam.
  it.each([
    ['any whitespace', 40, ['a', 'b', 'é', '语', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0001', '.']],
    ['mostly tidy', 8, ['a', 'b', 'é', '语', 'word', '.', 'x y', 'w ', ' z', '\u205f', '\u0085']],
  ] as const)('collapses text given in chunks like /\\s+/ over the joined text, for any chunking and cap (%s)', (_, chunks, alphabet) => {
    // mulberry32: 32-bit integer steps (a float LCG loses its low bits past 2^53 and repeats).
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const blank = (chunk: string): boolean => [...chunk].every((c) => c <= ' ' || c === '\u00a0' || c === '\u3000' || (c >= '\u2000' && c <= '\u200b'));
    for (let round = 0; round < 400; round++) {
      const cap = [5, 12, 40, 1000][round % 4]!;
      const buffer = new TextBuffer(cap);
      let model = '';
      for (let n = random(chunks); n > 0; n--) {
        if (random(6) === 0) {
          buffer.separate();
          model += ' ';
          continue;
        }
        let chunk = '';
        for (let k = 1 + random(6); k > 0; k--) chunk += alphabet[random(alphabet.length)];
        buffer.add(chunk);
        model += blank(chunk) ? ' ' : chunk;
      }
      const expected = reference(model).slice(0, cap).trimEnd();
      expect(buffer.value(), JSON.stringify(model)).toBe(expected);
      expect(buffer.fork(Math.max(1, cap - 3)).value(), JSON.stringify(model)).toBe(reference(model).slice(0, Math.max(1, cap - 3)).trimEnd());
    }
  });

  // null stands for a block boundary. Each chunk is tidy on its own; the space is doubled at a seam.
  it.each([
    [['a ', null, 'b']],
    [['a ', ' b']],
    [['a', null, ' b']],
    [['a ', 'b ', ' c']],
    [[' a', null, 'b ']],
  ])('collapses a space doubled where chunks meet: %j', (chunks) => {
    const buffer = new TextBuffer(100);
    for (const chunk of chunks) {
      if (chunk === null) buffer.separate();
      else buffer.add(chunk);
    }
    expect(buffer.value()).toBe(reference(chunks.map((c) => c ?? ' ').join('')));
  });

  it('keeps an already-collapsed text as it is, cut to the cap', () => {
    expect(collapseCapped('Read the docs', 8)).toBe('Read the');
  });
});
