// The parser threads run compiled code: this test uses dist/ (npm test builds it first).
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/html.js';
import { decodeHtml } from '../../src/extract/index.js';

const DIST_POOL: string = '../../dist/extract/pool.js';
// Typed from the sources, so type-checking does not need a build.
const { createHtmlParser } = (await import(DIST_POOL)) as typeof import('../../src/extract/pool.js');

const big = Buffer.from(
  `<title>Big</title><h1>Big page</h1>${Array.from({ length: 2000 }, (_, i) => `<p>paragraph ${i} <a href="/p/${i}">link ${i}</a></p>`).join('\n')}`,
);
const small = Buffer.from('<title>Small</title><a href="/x">x</a>');
const url = 'http://a.test/dir/page';

// The page out of its box: the promise keeps only the box.
const taken = async <T>(box: Promise<{ take(): T }>): Promise<T> => (await box).take();

// A body of its own (not a slice of Node's buffer pool), as the fetcher hands over.
const owned = (bytes: Buffer): Buffer => {
  const copy = Buffer.from(new ArrayBuffer(bytes.length));
  bytes.copy(copy);
  return copy;
};

describe('HTML parser threads', () => {
  it('parse pages big and small on a thread with the same result as inline', async () => {
    const parser = createHtmlParser(1);
    try {
      expect(parser.threaded).toBe(true);
      const [bigPage, smallPage] = await Promise.all([taken(parser.parse(owned(big), undefined, url, true)), taken(parser.parse(small, undefined, url, true))]);
      if ('lost' in bigPage || 'lost' in smallPage) throw new Error('lost');
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

  it('brings back prose text whether or not it is the start of the main text', async () => {
    const parser = createHtmlParser(1);
    const pages = [
      '<title>Plain</title><p>Only prose here, so the prose is the main text.</p>',
      '<title>Code</title><p>Before the code.</p><pre>page not found</pre><p>After it.</p>',
      '<title>Long</title>' + '<p>word and words again</p>'.repeat(400),
      '<title>Empty</title>',
    ].map((html) => Buffer.from(html));
    try {
      for (const html of pages) {
        const page = await taken(parser.parse(owned(html), undefined, url, true));
        if ('lost' in page) throw new Error(page.lost);
        const inline = parsePage(decodeHtml(html), url, { links: true });
        expect(page.facts).toEqual(inline.facts);
      }
      expect((await taken(parser.parse(owned(pages[1]!), undefined, url, true)) as { facts: { proseText: string } }).facts.proseText).toBe('Before the code. After it.');
    } finally {
      await parser.close();
    }
  });

  it('moves a body that owns its memory to the thread instead of copying it, and copies a pooled one', async () => {
    const parser = createHtmlParser(1);
    try {
      const body = owned(big);
      const pooled = Buffer.from('<title>Pooled</title>');
      expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
      const pages = [taken(parser.parse(body, undefined, url, false)), taken(parser.parse(pooled, undefined, url, false))];
      expect(body.length).toBe(0);
      expect(pooled.toString()).toBe('<title>Pooled</title>');
      const [moved, copied] = await Promise.all(pages);
      expect(moved).toMatchObject({ facts: { title: 'Big' } });
      expect(copied).toMatchObject({ facts: { title: 'Pooled' } });
    } finally {
      await parser.close();
    }
  });

  it('a page in flight when its thread goes away is lost with the reason if its body was moved, else parsed inline', async () => {
    const parser = createHtmlParser(1);
    const pages = [taken(parser.parse(owned(big), undefined, url, true)), taken(parser.parse(Buffer.from(small), undefined, url, true))];
    await parser.close();
    const [moved, copied] = await Promise.all(pages);
    expect(moved).toEqual({ lost: 'its parser thread stopped' });
    expect(copied).toEqual(parsePage(decodeHtml(small), url, { links: true }));
    // Later pages are parsed inline.
    expect(await taken(parser.parse(owned(big), undefined, url, true))).toEqual(parsePage(decodeHtml(big), url, { links: true }));
  });

  it('0 threads parse everything inline', async () => {
    const parser = createHtmlParser(0);
    expect(parser.threaded).toBe(false);
    const page = await taken(parser.parse(big, undefined, url, true));
    if ('lost' in page) throw new Error(page.lost);
    expect(page.links.keys).toHaveLength(2000);
  });

  it('never rejects: a body the parser cannot read comes back lost, with the reason', async () => {
    const unreadable = new Proxy(Buffer.from(small), {
      get() {
        throw new Error('unreadable body');
      },
    });
    await expect(taken(createHtmlParser(0).parse(unreadable, undefined, url, true))).resolves.toEqual({ lost: 'its parser failed (unreadable body)' });
  });
});

describe('the box a page comes in', () => {
  it('gives its page once and keeps nothing after, so a promise that outlives it holds no page', async () => {
    const box = await createHtmlParser(0).parse(small, undefined, url, true);
    expect(box.take()).toEqual(parsePage(decodeHtml(small), url, { links: true }));
    expect(() => box.take()).toThrow('handoff taken twice');
  });
});
