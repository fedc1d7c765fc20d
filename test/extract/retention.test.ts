import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseHtml, parsePage } from '../../src/extract/html.js';
import { detached } from '../../src/extract/index.js';
import { ResultStore } from '../../src/results/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('extracted sources', () => {
  it('do not keep their page alive: 300 kept link texts of 400 KB pages hold kilobytes, not 120 MB', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 300; i++) {
      const html = `<a href="/x${i}">a link text long enough to be a slice ${i}</a>${'<p>filler text here</p>'.repeat(10_000)}`;
      kept.push(parseHtml(html, 'http://a.test/').links[0]!.source.text!);
    }
    gc();
    expect(kept[299]).toBe('a link text long enough to be a slice 299');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('kept by the crawl\'s store, do not keep their page alive either: 300 pending links of 400 KB pages', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const store = new ResultStore({ copyText: detached });
    for (let i = 0; i < 300; i++) {
      const html = `<a href="/x${i}">a link text long enough to be a slice ${i}</a><p style="background:url(/i${i}.png)">p</p>${'<p>filler text here</p>'.repeat(10_000)}`;
      const { links } = parsePage(html, 'http://a.test/');
      for (let k = 0; k < links.keys.length; k++) store.addSource(links.keys[k]!, links, k);
    }
    gc();
    expect(store.decide('http://a.test/x299', { category: 'not-found', status: 404, finalUrl: 'http://a.test/x299', redirects: [], internal: true }).sources)
      .toEqual([{ page: 'http://a.test/', line: 1, element: 'a', attribute: 'href', text: 'a link text long enough to be a slice 299' }]);
    expect(store.decide('http://a.test/i299.png', { category: 'not-found', status: 404, finalUrl: 'http://a.test/i299.png', redirects: [], internal: true }).sources)
      .toEqual([{ page: 'http://a.test/', line: 1, element: 'p', attribute: 'style' }]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('copies every kind of text exactly: Latin-1, other scripts, astral characters, lone surrogates', () => {
    for (const text of ['café crème brûlée, 12 €', 'Straße · naïve ÿ', '页面未找到 ☕ 𝄞 emoji 🎉', 'lone \ud800 surrogate here', '']) {
      expect(detached(text)).toBe(text);
    }
  });
});
