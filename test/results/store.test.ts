import { describe, expect, it } from 'vitest';
import { ResultStore, type EntryVerdict } from '../../src/results/index.js';
import type { LinkSource } from '../../src/types.js';

const source = (n: number): LinkSource => ({ page: `https://site.test/p${n}`, line: n, element: 'a', attribute: 'href' });
const verdict = (category: EntryVerdict['category'], extra: Partial<EntryVerdict> = {}): EntryVerdict => ({
  category, status: category === 'ok' ? 200 : 404, finalUrl: 'https://site.test/x', redirects: [], internal: true, ...extra,
});

describe('ResultStore', () => {
  it('reports a URL as new once, then pending until decided', () => {
    const store = new ResultStore();
    expect(store.addSource('https://site.test/a', source(1))).toBe('new');
    expect(store.addSource('https://site.test/a', source(2))).toBe('pending');
    expect(store.addSource('https://site.test/b', source(3))).toBe('new');
    expect(store.size).toBe(2);
    expect(store.has('https://site.test/a')).toBe(true);
    expect(store.has('https://site.test/c')).toBe(false);
    expect(store.get('https://site.test/a')).toBeUndefined();
    expect(store.undecided()).toEqual(['https://site.test/a', 'https://site.test/b']);
  });

  it('attaches sources in crawl order and returns the entry in the report key order', () => {
    const store = new ResultStore();
    store.addSource('https://site.test/x', source(1));
    store.addSource('https://site.test/x', source(2));
    const entry = store.decide('https://site.test/x', verdict('not-found', { reason: 'HTTP 404' }));
    expect(entry.sources).toEqual([source(1), source(2)]);
    expect(entry.sourceCount).toBe(2);
    expect(Object.keys(entry)).toEqual(['url', 'category', 'status', 'finalUrl', 'redirects', 'reason', 'internal', 'sources', 'sourceCount']);
    expect(store.get('https://site.test/x')).toBe(entry);
    expect(store.undecided()).toEqual([]);
  });

  it('returns the decided entry for later occurrences, and non-ok entries keep every source', () => {
    const store = new ResultStore({ okSourceCap: 2 });
    store.addSource('https://site.test/x', source(1));
    const entry = store.decide('https://site.test/x', verdict('not-found'));
    for (let i = 2; i <= 6; i++) expect(store.addSource('https://site.test/x', source(i))).toBe(entry);
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entry.sourceCount).toBe(6);
  });

  it('caps the sources of ok entries at decision and after, counting all', () => {
    const store = new ResultStore({ okSourceCap: 2 });
    for (let i = 1; i <= 3; i++) store.addSource('https://site.test/ok', source(i));
    const entry = store.decide('https://site.test/ok', verdict('ok'));
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(entry.sourceCount).toBe(3);
    expect(store.addSource('https://site.test/ok', source(4))).toBe(entry);
    expect(entry.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(entry.sourceCount).toBe(4);
  });

  it('defaults to five sources per ok entry', () => {
    const store = new ResultStore();
    for (let i = 1; i <= 8; i++) store.addSource('https://site.test/ok', source(i));
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

  it('lists decided entries by URL in code unit order', () => {
    const store = new ResultStore();
    for (const url of ['https://site.test/b', 'https://site.test/B', 'https://site.test/a', 'https://site.test/é', 'https://site.test/pending']) {
      store.addSource(url, source(1));
    }
    for (const url of ['https://site.test/b', 'https://site.test/B', 'https://site.test/a', 'https://site.test/é']) store.decide(url, verdict('ok'));
    expect(store.entries().map((e) => e.url)).toEqual(['https://site.test/B', 'https://site.test/a', 'https://site.test/b', 'https://site.test/é']);
  });
});
