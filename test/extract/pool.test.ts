// The parser threads run compiled code: this test uses dist/ (npm test builds it first).
import { describe, expect, it } from 'vitest';
import { decodeHtml, parsePage } from '../../src/extract/index.js';

const DIST_POOL: string = '../../dist/extract/pool.js';
// Typed from the sources, so type-checking does not need a build.
const { createHtmlParser } = (await import(DIST_POOL)) as typeof import('../../src/extract/pool.js');

const big = Buffer.from(
  `<title>Big</title><h1>Big page</h1>${Array.from({ length: 2000 }, (_, i) => `<p>paragraph ${i} <a href="/p/${i}">link ${i}</a></p>`).join('\n')}`,
);
const small = Buffer.from('<title>Small</title><a href="/x">x</a>');
const url = 'http://a.test/dir/page';

describe('HTML parser threads', () => {
  it('parse pages big and small on a thread with the same result as inline', async () => {
    const parser = createHtmlParser(1);
    try {
      expect(parser.threaded).toBe(true);
      const [bigPage, smallPage] = await Promise.all([parser.parse(big, undefined, url, true), parser.parse(small, undefined, url, true)]);
      expect(bigPage).toEqual(parsePage(decodeHtml(big), url, { links: true }));
      expect(bigPage.links.keys).toHaveLength(2000);
      expect(bigPage.links.keys[1999]).toBe('http://a.test/p/1999');
      expect(bigPage.links.lines[1999]).toBe(2000);
      expect(bigPage.links.texts[1999]).toBe('link 1999');
      expect(smallPage).toEqual(parsePage(decodeHtml(small), url, { links: true }));
    } finally {
      await parser.close();
    }
  });

  it('a page in flight when its thread goes away is parsed inline, never lost', async () => {
    const parser = createHtmlParser(1);
    const pages = [parser.parse(big, undefined, url, true), parser.parse(big, undefined, url, false)];
    await parser.close();
    const [withLinks, factsOnly] = await Promise.all(pages);
    expect(withLinks?.links.keys).toHaveLength(2000);
    expect(factsOnly?.links.keys).toEqual([]);
    expect(factsOnly?.facts.title).toBe('Big');
    expect(await parser.parse(big, undefined, url, true)).toEqual(withLinks);
  });

  it('0 threads parse everything inline', async () => {
    const parser = createHtmlParser(0);
    expect(parser.threaded).toBe(false);
    expect((await parser.parse(big, undefined, url, true)).links.keys).toHaveLength(2000);
  });
});
