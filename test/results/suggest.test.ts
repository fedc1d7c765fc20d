import { describe, expect, it } from 'vitest';
import { addSuggestions } from '../../src/results/index.js';
import type { Category, Hop, LinkEntry } from '../../src/types.js';

const entry = (url: string, category: Category, extra: Partial<LinkEntry> = {}): LinkEntry => ({
  url, category, status: category === 'ok' ? 200 : 404, finalUrl: url, redirects: [], internal: true, sources: [], sourceCount: 1, ...extra,
});
const hops = (...statuses: number[]): Hop[] => statuses.map((status, i) => ({ url: `https://site.test/hop${i}`, status }));

describe('addSuggestions', () => {
  it('tells to update internal links whose first hop is permanent', () => {
    const moved = entry('https://site.test/old', 'redirect', { finalUrl: 'https://site.test/new', redirects: hops(301) });
    const moved308 = entry('https://site.test/old2', 'redirect', { finalUrl: 'https://site.test/new2', redirects: hops(308, 302) });
    const temporary = entry('https://site.test/tmp', 'redirect', { finalUrl: 'https://site.test/x', redirects: hops(302, 301) });
    const external = entry('https://other.test/old', 'redirect', { finalUrl: 'https://other.test/new', redirects: hops(301), internal: false });
    addSuggestions([moved, moved308, temporary, external]);
    expect(moved.suggestion).toBe('update the link to https://site.test/new');
    expect(moved308.suggestion).toBe('update the link to https://site.test/new2');
    expect(temporary.suggestion).toBeUndefined();
    expect(external.suggestion).toBeUndefined();
  });

  it('offers a working URL that differs only by case or a trailing slash', () => {
    const links = [
      entry('https://site.test/About', 'ok'),
      entry('https://site.test/about', 'not-found'),
      entry('https://site.test/docs/', 'redirect', { redirects: hops(302) }),
      entry('https://site.test/docs', 'not-found'),
      entry('https://site.test/Guide/', 'ok'),
      entry('https://site.test/guide', 'not-found'),
      entry('https://site.test/list?page=2', 'ok'),
      entry('https://site.test/list/?page=2', 'not-found'),
    ];
    addSuggestions(links);
    expect(links.map((e) => e.suggestion)).toEqual([
      undefined, 'did you mean https://site.test/About?',
      undefined, 'did you mean https://site.test/docs/?',
      undefined, 'did you mean https://site.test/Guide/?',
      undefined, 'did you mean https://site.test/list?page=2?',
    ]);
  });

  it('offers the first working twin in entry order when there are several', () => {
    const links = [entry('https://site.test/Docs', 'ok'), entry('https://site.test/DOCS', 'ok'), entry('https://site.test/docs', 'not-found')];
    addSuggestions(links);
    expect(links[2]!.suggestion).toBe('did you mean https://site.test/Docs?');
  });

  it('does not guess from broken twins, other paths or other queries', () => {
    const links = [
      entry('https://site.test/a', 'not-found'),
      entry('https://site.test/A', 'gone'),
      entry('https://site.test/ab', 'ok'),
      entry('https://site.test/b', 'not-found'),
      entry('https://site.test/b/c', 'ok'),
      entry('https://site.test/q?x=1', 'not-found'),
      entry('https://site.test/q?x=2', 'ok'),
      entry('https://site.test/skipped', 'not-found'),
      entry('https://site.test/Skipped', 'skipped'),
    ];
    addSuggestions(links);
    expect(links.filter((e) => e.suggestion !== undefined)).toEqual([]);
  });

  it('points external dead links to an archive search, without fetching it', () => {
    const dead = entry('https://other.test/page', 'not-found', { internal: false });
    const gone = entry('https://other.test/gone', 'gone', { internal: false, status: 410 });
    const internal = entry('https://site.test/lost', 'not-found');
    const failing = entry('https://other.test/err', 'error', { internal: false, status: null });
    addSuggestions([dead, gone, internal, failing]);
    expect(dead.suggestion).toBe('archived copy may exist: https://web.archive.org/web/*/https://other.test/page');
    expect(gone.suggestion).toBe('archived copy may exist: https://web.archive.org/web/*/https://other.test/gone');
    expect(internal.suggestion).toBeUndefined();
    expect(failing.suggestion).toBeUndefined();
  });

  it('keeps a suggestion that is already there', () => {
    const moved = entry('https://site.test/old', 'redirect', { redirects: hops(301), suggestion: 'from the classifier' });
    addSuggestions([moved]);
    expect(moved.suggestion).toBe('from the classifier');
  });
});
