import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/html.js';
import { fixture } from './fixture.js';

const PAGE = 'http://site.test/docs/page.html';
const linksOf = (html: string, page = PAGE) => parseHtml(html, page).links;
const rows = (html: string, page = PAGE) =>
  linksOf(html, page).map((l) => [l.source.element, l.source.attribute, l.url ?? l.raw, l.source.line]);

describe('parseHtml links', () => {
  it('finds every element and attribute of the table, with exact lines', () => {
    expect(rows(fixture('elements.html'))).toEqual([
      ['link', 'href', 'http://site.test/css/site.css', 5],
      ['link', 'href', 'http://site.test/favicon.ico', 6],
      ['link', 'href', 'http://site.test/shortcut.ico', 7],
      ['link', 'href', 'http://site.test/touch.png', 8],
      ['link', 'href', 'http://site.test/font.woff2', 9],
      ['link', 'href', 'http://site.test/next-page.html', 10],
      ['link', 'href', 'http://site.test/mod.js', 11],
      ['link', 'href', 'http://site.test/site.webmanifest', 12],
      ['link', 'href', 'https://example.test/elements', 13],
      ['link', 'href', 'http://site.test/de/elements', 14],
      ['link', 'href', 'http://site.test/page/2', 15],
      ['link', 'href', 'http://site.test/page/0', 16],
      ['meta', 'content', 'http://site.test/moved', 21],
      ['script', 'src', 'http://site.test/app.js', 23],
      ['a', 'href', 'http://site.test/about', 26],
      ['area', 'href', 'http://site.test/area', 28],
      ['img', 'src', 'http://site.test/img.png', 29],
      ['img', 'srcset', 'http://site.test/img-2x.png', 29],
      ['source', 'srcset', 'http://site.test/wide.webp', 30],
      ['source', 'srcset', 'http://site.test/narrow.webp', 30],
      ['img', 'src', 'http://site.test/fallback.jpg', 30],
      ['iframe', 'src', 'http://site.test/frame.html', 31],
      ['frame', 'src', 'http://site.test/old-frame.html', 32],
      ['video', 'src', 'http://site.test/movie.mp4', 33],
      ['video', 'poster', 'http://site.test/poster.jpg', 33],
      ['source', 'src', 'http://site.test/movie.webm', 33],
      ['track', 'src', 'http://site.test/subs.vtt', 33],
      ['audio', 'src', 'http://site.test/sound.mp3', 34],
      ['object', 'data', 'http://site.test/doc.pdf', 35],
      ['embed', 'src', 'http://site.test/flash.swf', 36],
      ['input', 'src', 'http://site.test/submit.png', 37],
    ]);
  });

  it('gives anchor text, alt and title as link text', () => {
    const text = Object.fromEntries(linksOf(fixture('elements.html')).map((l) => [l.raw, l.source.text]));
    expect(text['/about']).toBe('About us');
    expect(text['/area']).toBe('An area');
    expect(text['/img.png']).toBe('A picture');
    expect(text['/frame.html']).toBe('Embedded');
    expect(text['/app.js']).toBeUndefined();
    const [anchor] = linksOf('<a href="/x"><img src="/logo.png" alt=" Our\n logo "></a><a href="/y" title="Go on"></a>');
    expect(anchor?.source.text).toBe('Our logo');
    expect(linksOf('<a href="/y" title="Go on"></a>')[0]?.source.text).toBe('Go on');
    const long = linksOf(`<a href="/long">${'word '.repeat(100)}</a>`)[0]?.source.text ?? '';
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.startsWith('word word')).toBe(true);
    expect(linksOf('<a href="/b">Bold <b>in</b>side<div>block</div></a>')[0]?.source.text).toBe('Bold inside block');
  });

  it('applies the first <base href> to links before and after it', () => {
    const links = linksOf(fixture('base.html'), 'http://site.test/docs/page.html');
    expect(links.map((l) => l.url)).toEqual([
      'http://site.test/assets/v2/before.css',
      'http://site.test/assets/v2/after.html',
      'http://site.test/assets/v2/#section',
      'http://site.test/rooted',
    ]);
  });

  it('leaves out comments, templates and same-page anchors but keeps other schemes', () => {
    const links = linksOf(fixture('hidden.html'));
    expect(links.map((l) => l.raw)).toEqual([
      '/visible',
      'javascript:void(0)',
      'mailto:team@example.test',
      'tel:+15550100',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'http://[bad',
    ]);
    expect(links[2]?.url).toBe('mailto:team@example.test');
  });

  it('makes an invalid URL a value without url', () => {
    const bad = linksOf(fixture('hidden.html')).find((l) => l.raw === 'http://[bad');
    expect(bad).toEqual({ raw: 'http://[bad', source: { page: PAGE, line: 15, element: 'a', attribute: 'href', text: 'Broken' } });
  });

  it('finds CSS references in <style> and style=', () => {
    expect(rows(fixture('styles.html'))).toEqual([
      ['style', 'import', 'http://site.test/docs/imported.css', 5],
      ['style', 'import', 'http://site.test/docs/print.css', 6],
      ['style', 'url', 'http://site.test/bg.png', 9],
      ['style', 'url', 'http://site.test/docs/logo.svg', 12],
      ['div', 'style', 'http://site.test/hero.jpg', 18],
    ]);
  });

  it('ignores resource hints, POST endpoints and links without a followed rel', () => {
    const urls = linksOf(fixture('elements.html')).map((l) => l.raw);
    for (const raw of ['//cdn.example.test', 'https://fonts.example.test', '/xmlrpc.php', '/no-rel.css', '/not-a-link', '/not-image.png', '/not-followed', '/not-followed-either']) {
      expect(urls).not.toContain(raw);
    }
    expect(linksOf('<link rel="preconnect dns-prefetch" href="https://a.test"><link rel="alternate stylesheet" href="/alt.css">').map((l) => l.raw)).toEqual(['/alt.css']);
  });

  it('reads meta refresh declarations', () => {
    const refresh = (content: string) => linksOf(`<meta http-equiv="Refresh" content="${content}">`).map((l) => l.raw);
    expect(refresh('0; url=/a')).toEqual(['/a']);
    expect(refresh("5;URL='/b c'")).toEqual(['/b c']);
    expect(refresh('3, http://other.test/')).toEqual(['http://other.test/']);
    expect(refresh('10')).toEqual([]);
  });

  it('keeps lines exact on a multi-line page with CRLF and long tags', () => {
    const html = '<p>\r\n<a\r\n  href="/one">one</a>\r\n\r\n<img\nsrc="/two.png">\n<style>\n\n  .a{background:url(/three.png)}</style>';
    expect(rows(html).map((r) => r[3])).toEqual([2, 5, 9]);
  });

  it('gathers only facts when links are not wanted', () => {
    const page = parseHtml('<title>T</title><a href="/x">x</a>', PAGE, { links: false });
    expect(page.links).toEqual([]);
    expect(page.facts.title).toBe('T');
  });

  it('never throws on broken markup or a bad page URL', () => {
    expect(() => parseHtml('<a href="/x" <div <<< </p></b><style>url(', 'not a url')).not.toThrow();
    expect(parseHtml('<a href="/rel">r</a><a href="http://abs.test/">a</a>', 'not a url').links.map((l) => l.url)).toEqual([undefined, 'http://abs.test/']);
  });
});
