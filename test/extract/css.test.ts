import { describe, expect, it } from 'vitest';
import { parseStylesheet } from '../../src/extract/index.js';

const SHEET = 'http://site.test/css/site.css';

/** A stylesheet's links as rows: key (URL, or the raw value when invalid), valid, line, element, attribute. */
function rows(css: string): [string, boolean, number, string, string][] {
  const links = parseStylesheet(css, SHEET);
  expect(links.page).toBe(SHEET);
  return links.keys.map((key, i) => [key, links.valid[i] === 1, links.lines[i]!, links.elements[links.kinds[i]!]!, links.attributes[links.kinds[i]!]!]);
}

describe('parseStylesheet', () => {
  it('finds url() and @import with their lines', () => {
    const css = '@import url("base.css");\n@IMPORT \'theme.css\' screen;\n\n.a { background: url(../img/a.png) }\n.b{src:url( "/fonts/b.woff2#x" ) format("woff2")}';
    expect(rows(css)).toEqual([
      ['http://site.test/css/base.css', true, 1, 'css', 'import'],
      ['http://site.test/css/theme.css', true, 2, 'css', 'import'],
      ['http://site.test/img/a.png', true, 4, 'css', 'url'],
      ['http://site.test/fonts/b.woff2', true, 5, 'css', 'url'],
    ]);
  });

  it('skips comments, strings, fragments, data: URLs and look-alike functions', () => {
    const css = '/* url(a.png) */ .x{content:"url(b.png)"; filter:url(#f); background:url(data:image/png;base64,AA);} .y{background:myurl(c.png)}';
    expect(rows(css)).toEqual([]);
  });

  it('unescapes CSS escapes and keeps invalid URLs as written', () => {
    const found = rows('.a{background:url(a\\(1\\).png)} .b{background:url("http://[bad")}');
    expect(found.map(([key, valid]) => [key, valid])).toEqual([
      ['http://site.test/css/a(1).png', true],
      ['http://[bad', false],
    ]);
  });

  it('survives unterminated input', () => {
    expect(rows('.a{background:url(x.png').map(([key]) => key)).toEqual(['http://site.test/css/x.png']);
    expect(rows('@import "y.css').map(([key]) => key)).toEqual(['http://site.test/css/y.css']);
    expect(rows('/* open comment url(z.png)')).toEqual([]);
  });
});
