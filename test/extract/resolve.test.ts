import { describe, expect, it } from 'vitest';
import { baseResolver, resolveUrl } from '../../src/extract/resolve.js';

// A small deterministic PRNG, so a failure names an input that fails every time.
function* randomHrefs(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const alphabet = ['/', '/', '.', '..', '%', '%2e', '%2E', '2', 'e', ':', '?', '#', 'a', 'b', 'Z', '9', '\\', ' ', '\t', "'", '@', '~', 'é', '//', '&', '=', '"', '`', '{', 'http:', '^'];
  for (let i = 0; i < count; i++) {
    let href = '';
    for (let n = next() % 9; n > 0; n--) href += alphabet[next() % alphabet.length];
    yield href;
  }
}

describe('resolving the hrefs of a page', () => {
  const bases = ['http://site.test/dir/page.html?q=1#top', 'https://user:pw@site.test:8443/a/b/', 'http://site.test/', 'http://[::1]:8080/x', undefined, 'mailto:someone@site.test', 'http://site.test/a%2e/b;c'];

  it('gives what the WHATWG parser gives, for every href the fast path takes and every other', () => {
    for (const base of bases) {
      const resolve = baseResolver(base);
      for (const href of randomHrefs(20_000)) expect([base, href, resolve(href)]).toEqual([base, href, resolveUrl(href, base)]);
    }
  });

  it('joins plain paths to the origin or directory of the base', () => {
    const resolve = baseResolver('http://site.test/docs/intro.html?x#y');
    expect(resolve('/sec1/page-2.html')).toBe('http://site.test/sec1/page-2.html');
    expect(resolve('page-3.html#part')).toBe('http://site.test/docs/page-3.html#part');
    expect(resolve('../up.html')).toBe('http://site.test/up.html');
    expect(resolve('a/%2e%2e/b')).toBe('http://site.test/docs/b');
    expect(resolve('//other.test/x')).toBe('http://other.test/x');
    expect(resolve('http://[bad')).toBeUndefined();
  });
});
