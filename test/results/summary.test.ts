import { describe, expect, it } from 'vitest';
import { exitCode, summarize } from '../../src/results/index.js';
import { BROKEN_CATEGORIES, type Category, type LinkEntry, type Report } from '../../src/types.js';

const entry = (category: Category, n = 0): LinkEntry => ({
  url: `https://site.test/${category}/${n}`, category, status: null, finalUrl: `https://site.test/${category}/${n}`,
  redirects: [], internal: true, sources: [], sourceCount: 0,
});

const report = (links: LinkEntry[], extra: Partial<Report> = {}): Report => ({
  schemaVersion: 1, tool: { name: 'linkhound', version: '1.0.0' }, startedAt: '', durationMs: 0, complete: true,
  roots: [], summary: summarize(links, 1), limitsHit: [], links, ...extra,
});

describe('summarize', () => {
  it('counts every category in report order and the fixed broken set', () => {
    const links = [entry('ok'), entry('ok', 1), entry('redirect'), entry('not-found'), entry('gone'), entry('soft-404'), entry('blocked'), entry('error'), entry('skipped')];
    const summary = summarize(links, 4);
    expect(summary).toEqual({ pages: 4, urls: 9, ok: 2, redirect: 1, 'not-found': 1, gone: 1, 'soft-404': 1, blocked: 1, error: 1, skipped: 1, broken: 4 });
    expect(Object.keys(summary)).toEqual(['pages', 'urls', 'ok', 'redirect', 'not-found', 'gone', 'soft-404', 'blocked', 'error', 'skipped', 'broken']);
  });

  it('counts nothing for an empty crawl', () => {
    expect(summarize([], 0)).toMatchObject({ urls: 0, ok: 0, broken: 0 });
  });
});

describe('exitCode', () => {
  it.each(BROKEN_CATEGORIES)('fails on %s with the default fail-on set', (category) => {
    expect(exitCode(report([entry('ok'), entry(category)]), BROKEN_CATEGORIES)).toBe(1);
  });

  it.each(['ok', 'redirect', 'blocked', 'skipped'] as const)('passes on %s with the default fail-on set', (category) => {
    expect(exitCode(report([entry(category)]), BROKEN_CATEGORIES)).toBe(0);
  });

  it('fails on any category named, and only on those', () => {
    const links = [entry('ok'), entry('redirect'), entry('blocked')];
    expect(exitCode(report(links), ['redirect'])).toBe(1);
    expect(exitCode(report(links), ['blocked'])).toBe(1);
    expect(exitCode(report(links), ['not-found', 'gone'])).toBe(0);
    expect(exitCode(report([entry('not-found')]), [])).toBe(0);
  });

  it('fails when --max-duration cut the crawl short, even with nothing broken', () => {
    expect(exitCode(report([entry('ok')], { complete: false, stoppedBy: 'max-duration' }), BROKEN_CATEGORIES)).toBe(1);
  });

  it('judges a crawl stopped by a signal by its entries', () => {
    expect(exitCode(report([entry('ok')], { complete: false, stoppedBy: 'SIGINT' }), BROKEN_CATEGORIES)).toBe(0);
    expect(exitCode(report([entry('gone')], { complete: false, stoppedBy: 'SIGTERM' }), BROKEN_CATEGORIES)).toBe(1);
  });
});
