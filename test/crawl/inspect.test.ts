import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/crawl/inspect.js';
import type { HtmlParser } from '../../src/extract/pool.js';
import { Handoff } from '../../src/handoff.js';
import type { FetchedResponse } from '../../src/types.js';

const response = (mime: string, body: string): FetchedResponse => ({ status: 200, url: 'http://site.test/a', headers: {}, mime, body: Buffer.from(body) });

describe('inspect', () => {
  it('says why a page could not be parsed when its parser thread lost it, and reports no links or facts', async () => {
    const lost: HtmlParser = { threaded: true, parse: async () => new Handoff({ lost: 'its parser thread stopped' }), close: async () => undefined };
    expect(await inspect(lost, response('text/html', '<a href="/b">b</a>'), true)).toEqual({ problem: 'page not parsed: its parser thread stopped' });
  });

  it('gives the links of a parsed page the response URL', async () => {
    const { createHtmlParser } = await import('../../src/extract/pool.js');
    const seen = await inspect(createHtmlParser(0), response('text/html', '<title>A</title><a href="/b">b</a>'), true);
    expect(seen.links?.page).toBe('http://site.test/a');
    expect(seen.links?.keys).toEqual(['http://site.test/b']);
    expect(seen.facts?.title).toBe('A');
  });
});
