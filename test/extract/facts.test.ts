import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/html.js';
import { fixture } from './fixture.js';

const facts = (html: string) => parseHtml(html, 'http://site.test/').facts;

describe('parseHtml facts', () => {
  it('reads title, headings, lang and counts scripts', () => {
    const f = facts(fixture('article.html'));
    expect(f.title).toBe('Release notes');
    expect(f.headings).toEqual(['Version 2.0', 'Upgrading', 'Thanks']);
    expect(f.lang).toBe('en-gb');
    expect(f.scriptCount).toBe(2);
  });

  it('keeps mainText to visible content outside boilerplate', () => {
    const f = facts(fixture('article.html'));
    expect(f.mainText).toBe(
      'Version 2.0 This release adds faster crawling. Upgrading Run the installer. npm install linkhound Cell text Quoted words Thanks A fourth heading',
    );
    for (const hidden of ['Site header', 'Navigation', 'Sidebar', 'footer', 'script words', 'JavaScript', 'svg text', 'Icon title', 'Release']) {
      expect(f.mainText).not.toContain(hidden);
    }
  });

  it('gives the same proseText as the page without its code, wherever the code starts and however long the text', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const cut = (text: string) => (text.length > 4000 ? text.slice(0, 4000).trimEnd() : text);
    for (let round = 0; round < 200; round++) {
      const parts: string[] = [];
      const plain: string[] = [];
      const target = next(12_000);
      for (let length = 0; length < target; ) {
        const words = Array.from({ length: 1 + next(40) }, () => 'word'.slice(0, 1 + next(4)) + next(100)).join(next(5) === 0 ? '\n  ' : ' ');
        length += words.length;
        if (next(round % 2 === 0 ? 8 : 80) === 0) parts.push(`${next(2) ? ' ' : ''}<code>${words}</code>${next(2) ? ' ' : ''}`);
        else {
          const block = next(3) === 0 ? `<p>${words}</p>` : `${words} `;
          parts.push(block);
          plain.push(block);
        }
      }
      const page = `<main>${parts.join('')}</main>`;
      expect(facts(page).proseText).toBe(cut(facts(`<main>${plain.join('')}</main>`).mainText));
    }
  });

  it('keeps proseText free of code, pre, tables and quotes', () => {
    expect(facts(fixture('article.html')).proseText).toBe(
      'Version 2.0 This release adds faster crawling. Upgrading Run the installer. Thanks A fourth heading',
    );
    expect(facts('<p>Say <q>hi</q> and <kbd>Ctrl</kbd> <samp>out</samp> done</p>').proseText).toBe('Say and done');
  });

  it('counts every visible body word, boilerplate included', () => {
    // header 3, nav 3, main 22, aside 2, footer 2
    expect(facts(fixture('article.html')).wordCount).toBe(32);
    expect(facts('<p>one</p><p>two</p>Th<b>re</b>e').wordCount).toBe(3);
  });

  it('caps mainText, and counts words only up to 100', () => {
    const f = facts(`<p>${'abcd '.repeat(10_000)}</p>`);
    expect(f.mainText.length).toBeLessThanOrEqual(8_000);
    expect(f.wordCount).toBe(100);
    expect(facts(`<p>${'abcd '.repeat(99)}</p>`).wordCount).toBe(99);
  });

  it('marks an empty mount point with scripts as an app shell', () => {
    const f = facts(fixture('app-shell.html'));
    expect(f.appShell).toBe(true);
    expect(f.title).toBe('My App');
    expect(f.wordCount).toBe(0);
  });

  it('does not mark a normal or server-rendered page as an app shell', () => {
    expect(facts(fixture('article.html')).appShell).toBe(false);
    expect(facts('<div id="root"><h1>Rendered on the server</h1></div><script src="/a.js"></script>').appShell).toBe(false);
    expect(facts('<div id="app"></div>').appShell).toBe(false);
    expect(facts('<div data-reactroot></div><script src="/a.js"></script>').appShell).toBe(true);
  });

  it('treats content after an unclosed head as body text', () => {
    const f = facts('<html><head><title>T</title><p>Hello world</p>');
    expect(f.title).toBe('T');
    expect(f.mainText).toBe('Hello world');
  });
});
