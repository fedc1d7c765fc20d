import { describe, expect, it } from 'vitest';
import { createSoft404Detector, loadPhrases, type ProbeResult, type Soft404Input } from '../../src/classify/soft404/index.js';
import type { PageFacts } from '../../src/types.js';

function facts(title: string, heading: string, text: string, extra: Partial<PageFacts> = {}): PageFacts {
  return { title, headings: heading ? [heading] : [], mainText: text, proseText: text, wordCount: text.split(' ').length, scriptCount: 0, appShell: false, lang: 'en', ...extra };
}
function input(url: string, f?: PageFacts, extra: Partial<Soft404Input> = {}): Soft404Input {
  return { url, finalUrl: url, redirects: [], status: 200, mime: 'text/html', facts: f, internal: true, ...extra };
}
const html = (f: PageFacts): ProbeResult => ({ status: 200, finalUrl: '', redirects: [], mime: 'text/html', facts: f });
const notFound = facts('Page not found – Acme', 'Oops! That page can’t be found.', 'It looks like nothing was found at this location. Maybe try a search?');
const article = 'HTTP status codes tell clients what happened. '.repeat(80);

describe('soft-404 signals', () => {
  it('content: title and heading phrases on a thin page', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const j = await d.judge(input('http://a.test/blog/old', notFound));
    expect(j.soft404).toBe(true);
    expect(j.finding!.evidence.join('\n')).toMatch(/title 'Page not found – Acme' \(en\)/);
  });

  it('content: phrases in other languages', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    for (const [t, h] of [['Seite nicht gefunden', 'Fehler 404'], ['ページが見つかりません', 'お探しのページは見つかりませんでした'], ['Страница не найдена', 'Ошибка 404']]) {
      expect((await d.judge(input('http://a.test/x/y', facts(t!, h!, 'Zur Startseite')))).soft404).toBe(true);
    }
  });

  it('content: separators are not words, so a thin page padded with them is still thin', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const padded = facts('Acme', '', `It looks like nothing was found at this location. ${'· | '.repeat(200)}Home`);
    expect((await d.judge(input('http://a.test/blog/gone', padded))).finding?.evidence).toContain('WordPress default not-found page');
    const wordy = facts('Acme', '', `It looks like nothing was found at this location. ${'слово '.repeat(200)}`);
    expect((await d.judge(input('http://a.test/blog/gone', wordy))).finding).toBeUndefined();
  });

  it('content: framework default page (Express)', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const j = await d.judge(input('http://a.test/api/x', facts('Error', '', 'Cannot GET /api/x', { proseText: '' })));
    expect(j.finding!.evidence[0]).toMatch(/Express/);
  });

  it('guard: a thing named after the phrase ("Page Not Found T-shirt") is not flagged, a message with more words is', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const tee = facts('Page Not Found T-shirt | Shop', 'Page Not Found T-shirt', 'Page Not Found T-shirt Organic cotton tee for developers. Sizes S–XL. €25.');
    expect((await d.judge(input('http://a.test/shop/page-not-found-tee', tee))).soft404).toBe(false);
    const message = facts('Page not found error 404 | Shop', 'Page not found, sorry', 'Page not found, sorry The page you asked for is not here.');
    expect((await d.judge(input('http://a.test/shop/old-tee', message))).soft404).toBe(true);
  });

  it('redirect shape: a link under /err/ sent to an error URL is a soft 404; a link to /404.html is not', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const page = facts('Fehler', 'Fehler', 'Ein Fehler ist aufgetreten.');
    const redirected = (url: string) => input(url, page, { finalUrl: 'http://a.test/error?code=404', redirects: [{ url, status: 302 }] });
    expect((await d.judge(redirected('http://a.test/err/a'))).finding?.evidence[0]).toBe('redirected to error page /error?code=404');
    expect((await d.judge(redirected('http://a.test/404.html'))).finding?.evidence ?? []).not.toContain('redirected to error page /error?code=404');
  });

  it('an honest directory raises the bar, but a page whose title, heading and opening all say not found stays a soft 404', async () => {
    const honest = async (url: string): Promise<ProbeResult> => ({ status: 404, finalUrl: url, redirects: [], mime: 'text/html' });
    const d = createSoft404Detector({ threshold: 0.8, probe: honest });
    const removed = facts('Page not found | Docs', 'Page not found', 'Page not found Sorry, the page you are looking for does not exist or has been moved. Back to the home page');
    expect((await d.judge(input('http://a.test/help/topic-1.html', removed))).soft404).toBe(true);
    const titleOnly = facts('Not found | Docs', 'Docs', 'Docs A short page.');
    expect((await d.judge(input('http://a.test/help/topic-2.html', titleOnly))).soft404).toBe(false);
  });

  it('probes: spent only on pages that give a reason to doubt them, or that repeat another URL', async () => {
    const probed: string[] = [];
    const honest = async (url: string): Promise<ProbeResult> => (probed.push(url), { status: 404, finalUrl: url, redirects: [], mime: 'text/html' });
    const d = createSoft404Detector({ threshold: 0.8, probe: honest });
    await d.judge(input('http://a.test/docs/guide', facts('Guide', 'Guide', article)));
    expect(probed).toEqual([]);
    await d.judge(input('http://a.test/docs/other', facts('Guide', 'Guide', article)));
    expect(probed).toHaveLength(1);
    await d.judge(input('http://a.test/blog/old', notFound));
    expect(probed).toHaveLength(2);
    expect(probed[1]).toMatch(/^http:\/\/a\.test\/blog\/[a-z0-9]{24}$/);
    await d.judge(input('http://b.test/news/old', notFound));
    expect(probed[2]).toMatch(/^http:\/\/b\.test\/news\/[a-z0-9]{24}$/);
    expect(probed[2]!.slice(-24)).not.toBe(probed[1]!.slice(-24));
  });

  it('guard: a long article titled "404 Not Found" is not flagged', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    expect((await d.judge(input('http://a.test/http/404', facts('404 Not Found', '404 Not Found', article)))).soft404).toBe(false);
  });

  it('guard: phrases inside code blocks do not count', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const f = facts('Errors', 'Errors', 'The API answers with a JSON error. Cannot GET /x page not found', { proseText: 'The API answers with a JSON error.' });
    expect((await d.judge(input('http://a.test/docs/errors', f))).finding).toBeUndefined();
  });

  it('guard: search page with no results', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    expect((await d.judge(input('http://a.test/search?q=zz', facts('Nothing found', 'Nothing found', 'Sorry, no results.')))).soft404).toBe(false);
    // A search query on any path is a search page too; the same page without one is judged.
    expect((await d.judge(input('http://a.test/catalog?query=zz', facts('Page not found', 'Page not found', 'Sorry.')))).soft404).toBe(false);
    expect((await d.judge(input('http://a.test/catalog', facts('Page not found', 'Page not found', 'Sorry.')))).soft404).toBe(true);
  });

  it('guard: SPA shell is ok with a note', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const j = await d.judge(input('http://a.test/app/x', facts('App', '', '', { appShell: true })));
    expect(j).toEqual({ soft404: false, notes: ['client-rendered; cannot verify without a browser'] });
  });

  it('redirect shape: deep URL to root or error page; login is not soft-404', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const hop = [{ url: 'http://a.test/blog/old', status: 301 }];
    expect((await d.judge(input('http://a.test/blog/old', facts('Home', 'Welcome', article), { finalUrl: 'http://a.test/', redirects: hop }))).soft404).toBe(true);
    expect((await d.judge(input('http://a.test/blog/old', facts('Acme', '', ''), { finalUrl: 'http://a.test/de-de/', redirects: hop }))).soft404).toBe(true);
    expect((await d.judge(input('http://a.test/blog/old', facts('Acme', '', ''), { finalUrl: 'http://a.test/error?code=404', redirects: hop }))).soft404).toBe(true);
    expect(await d.judge(input('http://a.test/blog/old', facts('Sign in', '', ''), { finalUrl: 'http://a.test/login?returnUrl=%2Fblog', redirects: hop }))).toEqual({ soft404: false, notes: ['requires sign-in'] });
    expect((await d.judge(input('http://a.test/', facts('Home', '', ''), { finalUrl: 'http://a.test/home', redirects: [{ url: 'http://a.test/', status: 302 }] }))).soft404).toBe(false);
  });

  it('json: error objects are soft-404, real resources are not', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    const j = (text: string) => d.judge(input('http://a.test/api/u/1', undefined, { mime: 'application/json', jsonText: text }));
    for (const t of ['{"error":"Not found"}', '{"message":"Not Found"}', '{"status":404}', '{"errors":[{"code":"not_found"}]}', '{"detail":"Not found."}', '{"code":404,"msg":"x"}']) {
      expect((await j(t)).soft404, t).toBe(true);
    }
    for (const t of ['{"error":null,"data":{"id":1}}', '[]', '{"items":[]}', '{"id":404,"title":"Not Found","price":3}']) expect((await j(t)).soft404, t).toBe(false);
  });

  it('expects: HTML answered for an image', async () => {
    const d = createSoft404Detector({ threshold: 0.8 });
    expect((await d.judge(input('http://a.test/img/a.png', facts('Shop', '', 'Welcome'), { expects: 'image' }))).soft404).toBe(true);
  });

  it('probes: catch-all similarity flags, honest directory raises the bar, probes are cached and bounded', async () => {
    const calls: string[] = [];
    const probe = async (url: string): Promise<ProbeResult> => {
      calls.push(url);
      await new Promise((r) => setTimeout(r, 5));
      if (url.includes('/honest/')) return { status: 404, finalUrl: url, redirects: [], mime: 'text/html' };
      return { ...html(facts('Acme shop', '', `Sorry we looked everywhere for ${url} but it is gone. Browse our catalog of fine goods today`)), finalUrl: url };
    };
    const d = createSoft404Detector({ threshold: 0.8, probe, isInternalOrigin: () => true, maxProbesPerHost: 3 });
    const missing = (name: string) => facts('Acme shop', '', `Sorry we looked everywhere for http://a.test/shop/${name} but it is gone. Browse our catalog of fine goods today`);
    const [a, b] = await Promise.all([d.judge(input('http://a.test/shop/gone-item', missing('gone-item'))), d.judge(input('http://a.test/shop/other', missing('other')))]);
    expect([a.soft404, b.soft404, a.finding?.evidence]).toEqual([true, true, expect.anything()]);
    expect(a.finding!.evidence[0]).toMatch(/^probe \/shop\/.* answered 200, \d+ % similar text/);
    const real = facts('Acme shop', '', 'A cast iron pan, 28 cm, seasoned and ready to cook. Ships in two days from our warehouse.');
    expect((await d.judge(input('http://a.test/shop/pan', real))).soft404).toBe(false);
    const product = facts('Not Found – Eau de parfum', 'Not Found', 'A fragrance called Not Found. 50 ml. Notes of cedar.');
    expect((await d.judge(input('http://a.test/honest/not-found-perfume', product))).soft404).toBe(false);
    expect(calls.length).toBe(3);
    await d.judge(input('http://a.test/other/x', notFound));
    expect(d.probesMade()).toBe(3);
  });

  it('loadPhrases: data file, user file, and a problem value for a bad file', async () => {
    const phrases = await loadPhrases();
    expect(Array.isArray(phrases) && phrases.length > 100).toBe(true);
    expect(await loadPhrases('/nonexistent/phrases.txt')).toEqual({ problem: expect.stringMatching(/not found/) });
  });
});

describe('soft-404 home guard', () => {
  it('a home alias is not compared with a catch-all that serves the home page', async () => {
    const home = facts('Acme', 'Welcome', 'Welcome to Acme, makers of fine tools since 1901.');
    const d = createSoft404Detector({ threshold: 0.8, probe: async (url) => ({ ...html(home), finalUrl: url }), isInternalOrigin: () => true });
    expect((await d.judge(input('http://a.test/index.html', home))).soft404).toBe(false);
    expect(d.probesMade()).toBe(0);
  });
});

describe('text normalisation', () => {
  it('treats ASCII text as the full Unicode path does', async () => {
    const { normalizeText } = await import('../../src/classify/soft404/normalize-text.js');
    const full = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[’‘`´ʼ′]/g, "'").replace(/[^\p{L}\p{N}\p{M}']+/gu, ' ').replace(/(^|\s)'+|'+(?=\s|$)/g, '$1').trim();
    for (const text of ["404 - Page Not Found!", "it`s ``here``", "'''", "rock 'n' roll'", "Don't `panic`: it's\tgone\n", "  'quoted'  words__here ", "A\u0001B\u007fC", 'x_y-z.w', ''])
      expect(normalizeText(text)).toBe(full(text));
    expect(normalizeText('Ｐａｇｅ introuvable — ÉTÉ')).toBe(full('Ｐａｇｅ introuvable — ÉTÉ'));
  });
});
