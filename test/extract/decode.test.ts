import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/html.js';
import { decodeHtml, isHtmlMime } from '../../src/extract/index.js';
import { fixtureBytes } from './fixture.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeHtml', () => {
  it('follows a BOM over any label', () => {
    expect(decodeHtml(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('café')]), 'windows-1252')).toBe('café');
    expect(decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]))).toBe('héllo');
    const be = Buffer.from('hé', 'utf16le').swap16();
    expect(decodeHtml(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('hé');
  });

  it('uses the header charset, then a <meta> prescan', () => {
    expect(decodeHtml(latin1('<p>caf\xe9 \x80</p>'), 'iso-8859-1')).toBe('<p>café €</p>');
    expect(decodeHtml(latin1('<meta charset="windows-1252"><p>\x80</p>'))).toBe('<meta charset="windows-1252"><p>€</p>');
    const koi8 = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'), Buffer.from([0xf0, 0xd2])]);
    expect(decodeHtml(koi8).endsWith('Пр')).toBe(true);
  });

  it('reads bytes that are not UTF-8 as windows-1252, labelled utf-8 or not', () => {
    expect(decodeHtml(latin1('caf\xe9'), 'utf-8')).toBe('café');
    expect(decodeHtml(latin1('caf\xe9'))).toBe('café');
    expect(decodeHtml(latin1('caf\xe9'), 'no-such-charset')).toBe('café');
    expect(decodeHtml(Buffer.from('café ✓'))).toBe('café ✓');
  });

  it('gives the right URL for a mislabelled Latin-1 page', () => {
    const html = decodeHtml(fixtureBytes('latin1.html'), 'utf-8');
    const [link] = parseHtml(html, 'http://site.test/').links;
    expect(link?.url).toBe('http://site.test/caf%C3%A9.html');
    expect(link?.source.text).toBe('Café');
  });

  it('does not call a body cut inside a character mislabelled', () => {
    const cut = Buffer.from('né plus ✓').subarray(0, -1);
    expect(decodeHtml(cut, 'utf-8')).toBe('né plus ');
  });
});

describe('isHtmlMime', () => {
  it('accepts HTML and XHTML only', () => {
    expect(isHtmlMime('text/html')).toBe(true);
    expect(isHtmlMime('application/xhtml+xml')).toBe(true);
    expect(isHtmlMime('Text/HTML; charset=utf-8')).toBe(true);
    expect(isHtmlMime('text/plain')).toBe(false);
    expect(isHtmlMime('text/css')).toBe(false);
    expect(isHtmlMime('')).toBe(false);
  });
});
