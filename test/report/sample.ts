// A fixed report built by hand: every category, every warning kind, hostile link text, and an
// entry with more sources than the terminal report shows. No ports, no clocks.
import type { LinkEntry, LinkSource, Report } from '../../src/types.js';

const SITE = 'https://site.test/';
const src = (page: string, line: number, element = 'a', attribute = 'href', text?: string): LinkSource =>
  text === undefined ? { page: SITE + page, line, element, attribute } : { page: SITE + page, line, element, attribute, text };

const manySources = Array.from({ length: 23 }, (_, i) => src(`blog/${i + 1}`, 10 + i, 'a', 'href', `post ${i + 1}`));

export const HOSTILE_TEXT = 'click \u001b[31mred\u001b[0m \u001b]8;;https://evil.test/\u0007here\u001b]8;;\u0007 \ud800 end';

const links: LinkEntry[] = [
  {
    url: 'https://elsewhere.test/gone', category: 'gone', status: 410, finalUrl: 'https://elsewhere.test/gone', redirects: [],
    reason: 'HTTP 410 Gone', suggestion: 'archived copy may exist: https://web.archive.org/web/*/https://elsewhere.test/gone',
    internal: false, sources: [src('about/', 7, 'a', 'href', 'old partner')], sourceCount: 1,
  },
  {
    url: 'https://elsewhere.test/members', category: 'blocked', status: 403, finalUrl: 'https://elsewhere.test/members', redirects: [],
    reason: 'HTTP 403 Forbidden', notes: ['cf-mitigated: challenge'], internal: false,
    sources: [src('', 30, 'a', 'href', HOSTILE_TEXT)], sourceCount: 1,
  },
  {
    url: 'https://nowhere.test/', category: 'error', status: null, finalUrl: 'https://nowhere.test/', redirects: [],
    reason: 'DNS lookup failed (ENOTFOUND)', internal: false, sources: [src('contact', 5, 'img', 'src')], sourceCount: 1,
  },
  {
    url: 'https://site.test/', category: 'ok', status: 200, finalUrl: 'https://site.test/', redirects: [], internal: true,
    sources: [src('about/', 3, 'a', 'href', 'home'), src('blog/1', 3, 'a', 'href', 'home')], sourceCount: 41,
  },
  {
    url: 'https://site.test/Team', category: 'ok', status: 200, finalUrl: 'https://site.test/Team', redirects: [], internal: true,
    sources: [src('', 12, 'a', 'href', 'Team')], sourceCount: 1,
  },
  {
    url: 'https://site.test/blog/archive', category: 'ok', status: 200, finalUrl: 'https://site.test/blog/archive', redirects: [],
    soft404: { confidence: 0.55, evidence: ['title says "Nothing here"', 'body is short (12 words)'] }, internal: true,
    sources: [src('blog/1', 40, 'a', 'href', 'archive')], sourceCount: 1,
  },
  {
    url: 'https://site.test/missing.png', category: 'not-found', status: 404, finalUrl: 'https://site.test/missing.png', redirects: [],
    reason: 'HTTP 404 Not Found', internal: true, sources: manySources, sourceCount: manySources.length,
  },
  {
    url: 'https://site.test/old', category: 'redirect', status: 200, finalUrl: 'https://site.test/new',
    redirects: [{ url: 'https://site.test/old', status: 301 }], reason: 'HTTP 301 to /new',
    suggestion: 'update the link to https://site.test/new', internal: true,
    sources: [src('', 20, 'a', 'href', 'old page')], sourceCount: 1,
  },
  {
    url: 'https://site.test/private/', category: 'skipped', status: null, finalUrl: 'https://site.test/private/', redirects: [],
    reason: 'excluded by --exclude', internal: true, sources: [src('', 22)], sourceCount: 1,
  },
  {
    url: 'https://site.test/search?q=x', category: 'soft-404', status: 200, finalUrl: 'https://site.test/search?q=x', redirects: [],
    reason: 'looks like a "not found" page (93%)',
    soft404: { confidence: 0.93, evidence: ['heading says "Page not found"', 'same page as a random probe URL'] }, internal: true,
    sources: [src('', 25, 'link', 'href'), src('contact', 8, 'a', 'href', 'search')], sourceCount: 2,
  },
  {
    url: 'https://site.test/team', category: 'not-found', status: 404, finalUrl: 'https://site.test/team', redirects: [],
    reason: 'HTTP 404 Not Found', suggestion: 'did you mean https://site.test/Team?', internal: true,
    sources: [src('about/', 9, 'a', 'href', 'the team')], sourceCount: 1,
  },
];

/** The sample report; a fresh copy each call so tests may mutate it. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return structuredClone({
    schemaVersion: 1,
    tool: { name: 'linkhound', version: '1.0.0' },
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 4321,
    complete: true,
    roots: [SITE],
    summary: { pages: 7, urls: 11, ok: 3, redirect: 1, 'not-found': 2, gone: 1, 'soft-404': 1, blocked: 1, error: 1, skipped: 1, broken: 5 },
    limitsHit: [{ limit: 'max-pages', skipped: 1 }],
    links,
    ...overrides,
  });
}
