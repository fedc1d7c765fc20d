import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/index.js';
import { detached } from '../../src/extract/text.js';

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

  it('copies every kind of text exactly: Latin-1, other scripts, astral characters, lone surrogates', () => {
    for (const text of ['café crème brûlée, 12 €', 'Straße · naïve ÿ', '页面未找到 ☕ 𝄞 emoji 🎉', 'lone \ud800 surrogate here', '']) {
      expect(detached(text)).toBe(text);
    }
  });
});
