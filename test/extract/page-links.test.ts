import { describe, expect, it } from 'vitest';
import { columnBuffers, PageLinksBuilder } from '../../src/extract/page-links.js';

describe('PageLinksBuilder', () => {
  it('keeps every link of a long page in its columns, and they move to another thread whole', () => {
    const builder = new PageLinksBuilder('http://a.test/');
    for (let i = 0; i < 200; i++) builder.add(i % 7 === 0 ? undefined : `http://a.test/p/${i}#top`, `p/${i}`, i + 1, i % 2 ? 'a' : 'img', i % 2 ? 'href' : 'src', `t${i}`);
    const links = builder.build();
    expect(links.keys).toHaveLength(200);
    expect(links.keys[1]).toBe('http://a.test/p/1');
    expect(links.keys[7]).toBe('p/7');
    expect([...links.lines]).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect([...links.valid]).toEqual(Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0 : 1)));
    expect(links.elements[links.kinds[199]!]).toBe('a');
    expect(links.attributes[links.kinds[198]!]).toBe('src');

    // Each buffer listed once: a transfer list naming one twice throws a DataCloneError.
    const moved = structuredClone(links, { transfer: columnBuffers(links) });
    expect(links.lines.length).toBe(0);
    expect(links.kinds.length).toBe(0);
    expect(links.valid.length).toBe(0);
    expect([...moved.lines]).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(moved.attributes[moved.kinds[198]!]).toBe('src');
  });
});
