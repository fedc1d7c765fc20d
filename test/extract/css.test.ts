import { describe, expect, it } from 'vitest';
import { parseCss } from '../../src/extract/index.js';

const SHEET = 'http://site.test/css/site.css';

describe('parseCss', () => {
  it('finds url() and @import with lines offset by firstLine', () => {
    const css = '@import url("base.css");\n@IMPORT \'theme.css\' screen;\n\n.a { background: url(../img/a.png) }\n.b{src:url( "/fonts/b.woff2" ) format("woff2")}';
    expect(parseCss(css, SHEET, SHEET, 'css', 10)).toEqual([
      { raw: 'base.css', url: 'http://site.test/css/base.css', source: { page: SHEET, line: 10, element: 'css', attribute: 'import' } },
      { raw: 'theme.css', url: 'http://site.test/css/theme.css', source: { page: SHEET, line: 11, element: 'css', attribute: 'import' } },
      { raw: '../img/a.png', url: 'http://site.test/img/a.png', source: { page: SHEET, line: 13, element: 'css', attribute: 'url' } },
      { raw: '/fonts/b.woff2', url: 'http://site.test/fonts/b.woff2', source: { page: SHEET, line: 14, element: 'css', attribute: 'url' } },
    ]);
  });

  it('skips comments, strings, fragments, data: URLs and look-alike functions', () => {
    const css = '/* url(a.png) */ .x{content:"url(b.png)"; filter:url(#f); background:url(data:image/png;base64,AA);} .y{background:myurl(c.png)}';
    expect(parseCss(css, SHEET, SHEET, 'css')).toEqual([]);
  });

  it('unescapes CSS escapes and reports invalid URLs as values', () => {
    const links = parseCss('.a{background:url(a\\(1\\).png)} .b{background:url("http://[bad")}', SHEET, SHEET, 'css');
    expect(links.map((l) => [l.raw, l.url])).toEqual([
      ['a(1).png', 'http://site.test/css/a(1).png'],
      ['http://[bad', undefined],
    ]);
  });

  it('survives unterminated input', () => {
    expect(parseCss('.a{background:url(x.png', SHEET, SHEET, 'css').map((l) => l.raw)).toEqual(['x.png']);
    expect(parseCss('@import "y.css', SHEET, SHEET, 'css').map((l) => l.raw)).toEqual(['y.css']);
    expect(parseCss('/* open comment url(z.png)', SHEET, SHEET, 'css')).toEqual([]);
  });
});
