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

  it('keeps an already-collapsed text as it is, cut to the cap', () => {
    expect(collapseCapped('Read the docs', 8)).toBe('Read the');
  });
});
