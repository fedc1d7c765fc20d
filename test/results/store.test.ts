import { describe, expect, it } from 'vitest';
import { ResultStore, type EntryVerdict } from '../../src/results/index.js';
import type { LinkSource, PageLinks } from '../../src/types.js';

const source = (n: number): LinkSource => ({ page: `https://site.test/p${n}`, line: n, element: 'a', attribute: 'href' });
// A page holding one link (to `url`), as the parser would give it.
const onPage = (url: string, { page, line, element, attribute, text }: LinkSource): [string, PageLinks, number] => [url, {
  page, keys: [url], valid: new Uint8Array([1]), lines: new Uint32Array([line]), kinds: new Uint32Array([0]),
  elements: [element], attributes: [attribute], texts: [text ?? ''],
}, 0];
const verdict = (category: EntryVerdict['category'], extra: Partial<EntryVerdict> = {}): EntryVerdict => ({
  category, status: category === 'ok' ? 200 : 404, finalUrl: 'https://site.test/x', redirects: [], internal: true, ...extra,
});

describe('ResultStore', () => {
  it('reports a URL as new once, then pending until decided', () => {
    const store = new ResultStore();
    expect(store.addSource(...onPage('https://site.test/a', source(1)))).toBe('new');
    expect(store.addSource(...onPage('https://site.test/a', source(2)))).toBe('pending');
    expect(store.addSource(...onPage('https://site.test/b', source(3)))).toBe('new');
    expect(store.size).toBe(2);
    expect(store.has('https://site.test/a')).toBe(true);
    expect(store.has('https://site.test/c')).toBe(false);
    expect(store.get('https://site.test/a')).toBeUndefined();
    expect(store.undecided()).toEqual(['https://site.test/a', 'https://site.test/b']);
  });

  it('attaches sources in crawl order and returns the entry in the report key order', () => {
    const store = new ResultStore();
    store.addSource(...onPage('https://site.test/x', source(1)));
    store.addSource(...onPage('https://site.test/x', source(2)));
    const entry = store.decide('https://site.test/x', verdict('not-found', { reason: 'HTTP 404' }));
    expect(entry.sources).toEqual([source(1), source(2)]);
    expect(entry.sourceCount).toBe(2);
    expect(Object.keys(entry)).toEqual(['url', 'category', 'status', 'finalUrl', 'redirects', 'reason', 'internal', 'sources', 'sourceCount']);
    expect(store.get('https://site.test/x')).toBe(entry);
    expect(store.undecided()).toEqual([]);
  });

  it('returns the decided entry for later occurrences, and non-ok entries keep every source', () => {
    const store = new ResultStore({ okSourceCap: 2 });
    store.addSource(...onPage('https://site.test/x', source(1)));
    const entry = store.decide('https://site.test/x', verdict('not-found'));
    for (let i = 2; i <= 6; i++) expect(store.addSource(...onPage('https://site.test/x', source(i)))).toBe(entry);
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entry.sourceCount).toBe(6);
  });

  it('caps the sources of ok entries at decision and after, counting all', () => {
    const store = new ResultStore({ okSourceCap: 2 });
    for (let i = 1; i <= 3; i++) store.addSource(...onPage('https://site.test/ok', source(i)));
    const entry = store.decide('https://site.test/ok', verdict('ok'));
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(entry.sourceCount).toBe(3);
    expect(store.addSource(...onPage('https://site.test/ok', source(4)))).toBe(entry);
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(entry.sourceCount).toBe(4);
  });

  it('a URL decided again (a second chance) keeps its sources and their count', () => {
    const store = new ResultStore({ okSourceCap: 2 });
    for (let i = 1; i <= 3; i++) store.addSource(...onPage('https://site.test/again', source(i)));
    store.decide('https://site.test/again', verdict('ok'));
    store.addSource(...onPage('https://site.test/again', source(4)));
    const again = store.decide('https://site.test/again', verdict('not-found'));
    expect(store.get('https://site.test/again')).toBe(again);
    expect(again.category).toBe('not-found');
    expect(again.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(again.sourceCount).toBe(4);
    expect(store.addSource(...onPage('https://site.test/again', source(5)))).toBe(again);
    expect(again.sources.map((s) => s.line)).toEqual([1, 2, 5]);
    expect(store.entries()).toEqual([again]);
    expect(store.undecided()).toEqual([]);
  });

  it('defaults to five sources per ok entry', () => {
    const store = new ResultStore();
    for (let i = 1; i <= 8; i++) store.addSource(...onPage('https://site.test/ok', source(i)));
    const entry = store.decide('https://site.test/ok', verdict('ok'));
    expect(entry.sources).toHaveLength(5);
    expect(entry.sourceCount).toBe(8);
  });

  it('decides a URL that was never linked (a root) with no sources', () => {
    const store = new ResultStore();
    const entry = store.decide('https://site.test/', verdict('ok'));
    expect(entry.sources).toEqual([]);
    expect(entry.sourceCount).toBe(0);
    expect(store.size).toBe(1);
  });

  it('keeps the occurrences of many URLs at once, in order, and reuses the records of decided ones', () => {
    const store = new ResultStore();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3000; i++) store.addSource(...onPage(`https://site.test/u${round}-${i % 1000}`, source(i)));
      for (let i = 0; i < 1000; i++) {
        const entry = store.decide(`https://site.test/u${round}-${i}`, verdict('not-found'));
        expect(entry.sources.map((s) => s.line)).toEqual([i, i + 1000, i + 2000]);
        expect(entry.sources[0]).toEqual(source(i));
      }
    }
    expect(store.size).toBe(3000);
  });

  it('reads back every occurrence of a URL that turns out broken, past what stays in memory, in order', () => {
    const store = new ResultStore();
    // 200-character texts, 3 URLs x 3,000 occurrences: several MB, more than the spill file buffers.
    const text = (i: number) => `${i} ${'lien brisé → 壊れたリンク '.repeat(10)}`.slice(0, 120);
    for (let i = 0; i < 9000; i++) store.addSource(...onPage(`https://site.test/${['broken', 'fine', 'gone'][i % 3]}`, { ...source(i), text: text(i) }));
    const broken = store.decide('https://site.test/broken', verdict('not-found'));
    const fine = store.decide('https://site.test/fine', verdict('ok'));
    const gone = store.decide('https://site.test/gone', verdict('gone'));
    expect(broken.sources.map((s) => s.line)).toEqual(Array.from({ length: 3000 }, (_, k) => 3 * k));
    expect(broken.sources[2999]).toEqual({ ...source(8997), text: text(8997) });
    expect(gone.sources.map((s) => s.text)).toEqual(Array.from({ length: 3000 }, (_, k) => text(3 * k + 2)));
    expect(fine.sources.map((s) => s.line)).toEqual([1, 4, 7, 10, 13]);
    expect([broken.sourceCount, fine.sourceCount, gone.sourceCount]).toEqual([3000, 3000, 3000]);
    store.addSource(...onPage('https://site.test/broken', source(9000)));
    expect(broken.sources).toHaveLength(3001);
    store.close();
    expect(broken.sources).toHaveLength(3001);
  });

  it('keeps everything in memory when no spill file can be made', () => {
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/linkhound-test';
    try {
      const store = new ResultStore();
      for (let i = 0; i < 50; i++) store.addSource(...onPage('https://site.test/x', source(i)));
      expect(store.decide('https://site.test/x', verdict('not-found')).sources.map((s) => s.line)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });

  it('copies the names and texts it keeps with the copier it is given, and only those', () => {
    const copied: string[] = [];
    const store = new ResultStore({ okSourceCap: 1, copyText: (text) => (copied.push(text), `copy of ${text}`) });
    const [url, links] = onPage('https://site.test/x', { ...source(1), text: 'first' });
    store.addSource(url, links, 0);
    store.decide(url, verdict('ok'));
    store.addSource(url, { ...links, texts: ['second'] }, 0);
    // The text itself is read back from the store's own bytes; its copy is what remembers it.
    expect(store.get(url)?.sources).toEqual([{ ...source(1), element: 'copy of a', attribute: 'copy of href', text: 'first' }]);
    expect(copied).toEqual(['a', 'href', 'first']);
  });

  it('copies a text repeated by the links to one URL once, however many other texts come between', () => {
    const copies = new Map<string, number>();
    const store = new ResultStore({ copyText: (text) => (copies.set(text, (copies.get(text) ?? 0) + 1), (' ' + text).slice(1)) });
    for (let i = 0; i < 5; i++) {
      store.addSource(...onPage('https://site.test/x', { ...source(i), text: 'Pricing' }));
      // Enough distinct texts elsewhere to make the store forget the ones it shares across URLs.
      for (let k = 0; k < 25_000; k++) store.addSource(...onPage(`https://site.test/other${k}`, { ...source(k), text: `text ${i} ${k}` }));
    }
    expect(store.decide('https://site.test/x', verdict('not-found')).sources.map((s) => s.text)).toEqual(Array(5).fill('Pricing'));
    expect(copies.get('Pricing')).toBe(1);
  });

  it('lists decided entries by URL in code unit order', () => {
    const store = new ResultStore();
    for (const url of ['https://site.test/b', 'https://site.test/B', 'https://site.test/a', 'https://site.test/é', 'https://site.test/pending']) {
      store.addSource(...onPage(url, source(1)));
    }
    for (const url of ['https://site.test/b', 'https://site.test/B', 'https://site.test/a', 'https://site.test/é']) store.decide(url, verdict('ok'));
    expect(store.entries().map((e) => e.url)).toEqual(['https://site.test/B', 'https://site.test/a', 'https://site.test/b', 'https://site.test/é']);
  });
});
