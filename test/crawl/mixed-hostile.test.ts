// Issue #4 "Done when": one site mixing every hostile behaviour (faults, traps, bombs, odd
// bodies, robots, refusals, retries, bad TLS, hostile text, soft 404, redirect loop), crawled
// through the CLI, finishes within its bounds with a complete report that gives each URL its verdict.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CATEGORIES, type Category, type LinkEntry, type Report } from '../../src/types.js';
import { ARTICLES, CALENDAR_START, HOSTILE_PATHS, HOSTILE_TEXT, startMixedSite, type MixedSite } from '../helpers/mixed-site.js';

const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
const TRAP = 'not crawled: max-pages-per-pattern guard (likely crawler trap)';
const MiB = 1024 * 1024;

describe('a site that mixes every hostile behaviour', () => {
  let mixed: MixedSite;
  let dir: string;
  let code: number;
  let report: Report;
  let json: string;
  let wallMs: number;
  let peakRss = 0;
  let baseRss = 0;
  const at = (path: string) => mixed.site.origin + path;
  const entry = (url: string) => report.links.find((l) => l.url === url);
  const hits = (path: string) => mixed.site.hits.get(path) ?? 0;

  beforeAll(async () => {
    mixed = await startMixedSite();
    dir = await mkdtemp(join(tmpdir(), 'linkhound-mixed-'));
    const output = join(dir, 'report.json');
    const argv = [mixed.site.url, '--format', 'json', '--output', output, '--timeout', '1500', '--retries', '1', '--max-pages-per-pattern', '30', '--no-soft404-probes'];
    baseRss = peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
    const started = performance.now();
    try {
      code = await main(argv, { stdout: () => undefined, stderr: () => undefined });
    } finally {
      wallMs = performance.now() - started;
      clearInterval(sampler);
    }
    json = await readFile(output, 'utf8');
    report = JSON.parse(json) as Report;
  }, 20_000);
  afterAll(async () => {
    await mixed?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 with a complete report, within bounded time and memory', () => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, report.summary[c]]));
    console.log(`mixed hostile site: ${(wallMs / 1000).toFixed(2)} s, peak RSS ${Math.round(peakRss / MiB)} MB, ${JSON.stringify(counts)}`);
    expect(code).toBe(1);
    expect(report).toMatchObject({ schemaVersion: 1, complete: true, roots: [mixed.site.url] });
    expect(report.stoppedBy).toBeUndefined();
    expect(wallMs).toBeLessThan(15_000);
    expect(report.durationMs).toBeLessThanOrEqual(wallMs);
    // Three 5 MiB bodies (the cap) are read and parsed; nothing near the 20 MB or endless ones.
    expect(peakRss - baseRss).toBeLessThan(200 * MiB);
  });

  it('gives every special link its verdict and reason', () => {
    const hostile = mixed.hostile.url.bind(mixed.hostile);
    // [URL, category, reason (undefined: none)]
    const table: [string, Category, string | undefined][] = [
      [at('/private/secret'), 'skipped', 'disallowed by robots.txt (--ignore-robots to check)'],
      [at('/rate-limited'), 'blocked', 'HTTP 429: rate limited (3 attempts)'],
      [at('/unavailable'), 'error', 'HTTP 503'],
      [at('/flaky'), 'ok', undefined],
      [at('/challenge'), 'blocked', 'HTTP 403: bot wall (challenge page)'],
      [at('/linkedin'), 'blocked', 'HTTP 999: the site refuses crawlers'],
      [at('/login'), 'blocked', 'HTTP 401: requires authentication'],
      [at('/lost'), 'soft-404', "soft 404: title 'Page not found' (en)"],
      [at('/loop-a'), 'error', 'redirect loop'],
      [at('/missing'), 'not-found', 'HTTP 404'],
      [at('/bomb'), 'ok', undefined],
      [at('/before'), 'ok', undefined],
      [at('/huge'), 'ok', undefined],
      [at('/plain'), 'ok', undefined],
      [at('/latin'), 'ok', undefined],
      [at('/caf%C3%A9'), 'ok', undefined],
      [at('/escape'), 'ok', undefined],
      [hostile('/reset-headers'), 'error', 'connection reset'],
      [hostile('/reset-body'), 'error', 'connection reset while reading the body'],
      [hostile('/short-body'), 'error', 'body shorter than Content-Length'],
      [hostile('/chunked-no-last'), 'error', 'chunked body ended before its last chunk'],
      [hostile('/empty'), 'error', 'connection closed before a response (empty reply)'],
      [hostile('/garbage'), 'error', 'invalid HTTP response'],
      [hostile('/silent'), 'error', 'no response within 1.5 s'],
      [hostile('/headers-then-silence'), 'error', 'body stalled for 0.75 s'],
      [hostile('/trickle?ms=1000'), 'error', 'body stalled for 0.75 s'],
      [hostile('/trickle?ms=100'), 'error', 'timed out after 1.5 s (total)'],
      [hostile('/gzip-bomb'), 'ok', undefined],
      [mixed.refused, 'error', 'connection refused'],
      [mixed.tls.url, 'error', 'TLS: self-signed certificate'],
    ];
    expect(table.filter(([url]) => url.startsWith(mixed.hostile.origin))).toHaveLength(HOSTILE_PATHS.length);
    expect(table.map(([url]) => [url, entry(url)?.category, entry(url)?.reason])).toEqual(table);
    expect(entry(at('/bomb'))?.notes).toEqual(['body larger than 5 MiB, read the first 5 MiB']);
    expect(entry(at('/huge'))?.notes).toEqual(['body larger than 5 MiB, read the first 5 MiB']);
    expect(entry(mixed.hostile.url('/gzip-bomb'))?.notes).toEqual(['body larger than 5 MiB, read the first 5 MiB']);
    expect(entry(at('/challenge'))?.notes).toContain('cf-mitigated: challenge');
    expect(entry(at('/loop-a'))?.redirects).toEqual([{ url: at('/loop-a'), status: 302 }, { url: at('/loop-b'), status: 302 }]);
    expect(entry(at('/escape'))?.sources[0]?.text).toBe(HOSTILE_TEXT);
  });

  it('has exactly one entry per linked URL: the root, the articles, the specials and the traps', () => {
    const urls = report.links.map((l) => l.url);
    expect(new Set(urls).size).toBe(urls.length);
    const articles = Array.from({ length: ARTICLES }, (_, i) => at(`/articles/topic-${i + 1}`));
    for (const url of [mixed.site.url, ...articles]) expect(entry(url)).toMatchObject({ category: 'ok', status: 200, internal: true });
    const calendar = report.links.filter((l) => l.url.startsWith(at('/cal/')));
    const sessions = report.links.filter((l) => l.url.startsWith(at('/page?sid=')));
    const others = report.links.filter((l) => !calendar.includes(l) && !sessions.includes(l));
    // Root + articles + the 30 specials above: nothing else was reported (no /after, /huge-tail, /from-plain).
    expect(others).toHaveLength(1 + ARTICLES + 30);
    expect(entry(at(CALENDAR_START))?.category).toBe('ok');
    expect(count(calendar, 'ok')).toBe(30);
    expect(count(calendar, 'skipped', TRAP)).toBe(2);
    expect(calendar).toHaveLength(32);
    // Every session page links to 3 new URLs: 3 + 30 × 3 found, 30 crawled.
    expect(count(sessions, 'ok')).toBe(30);
    expect(count(sessions, 'skipped', TRAP)).toBe(63);
    expect(sessions).toHaveLength(93);
    expect(report.limitsHit).toEqual([{ limit: 'max-pages-per-pattern', skipped: 65 }]);
  });

  it('never requests what it must not, and retries only what is transient', () => {
    for (const path of ['/private/secret', '/after', '/huge-tail', '/from-plain']) expect(hits(path)).toBe(0);
    expect(hits('/robots.txt')).toBe(1);
    expect(hits('/caf%C3%A9')).toBe(1);
    expect(hits('/before')).toBe(1);
    // Two attempts, then one second chance at the end of the crawl.
    expect(hits('/rate-limited')).toBe(3);
    expect(hits('/unavailable')).toBe(3);
    expect(hits('/flaky')).toBe(2);
    for (const path of ['/challenge', '/linkedin', '/login', '/missing', '/lost', '/loop-a', '/loop-b']) expect(hits(path)).toBe(1);
    for (const l of report.links.filter((e) => e.category === 'skipped')) expect(hits(new URL(l.url).pathname + new URL(l.url).search)).toBe(0);
    // Resets, timeouts, 429 and 503 are transient: each got its second chance; the other faults did not.
    const transient = ['/reset-headers', '/reset-body', '/empty', '/silent', '/headers-then-silence', '/trickle?ms=1000', '/trickle?ms=100']
      .map((p) => mixed.hostile.url(p)).concat(at('/rate-limited'), at('/unavailable'));
    const secondTries = report.links.filter((l) => l.notes?.some((n) => n.startsWith('failed again on a second try at the end of the crawl')));
    expect(secondTries.map((l) => l.url).sort()).toEqual(transient.sort());
    expect(report.stats?.secondChances).toBe(transient.length);
  });

  it('has a summary that adds up to its entries, and JSON with no raw control character', () => {
    for (const c of CATEGORIES) expect(report.summary[c], c).toBe(count(report.links, c));
    const broken = report.links.filter((l) => ['not-found', 'gone', 'soft-404', 'error'].includes(l.category)).length;
    expect(report.summary).toMatchObject({ urls: report.links.length, broken, pages: 1 + ARTICLES + 30 + 30 + 8 });
    expect(json).not.toMatch(CONTROL);
  });
});

function count(entries: LinkEntry[], category: Category, reason?: string): number {
  return entries.filter((l) => l.category === category && (reason === undefined || l.reason === reason)).length;
}
