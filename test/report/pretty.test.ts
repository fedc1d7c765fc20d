import { describe, expect, it } from 'vitest';
import { renderPretty, renderReport } from '../../src/report/index.js';
import type { LinkEntry } from '../../src/types.js';
import { sampleReport } from './sample.js';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderPretty', () => {
  it('renders the fixed report without colour as expected', async () => {
    await expect(renderPretty(sampleReport(), { color: false })).toMatchFileSnapshot('../../fixtures/reports/basic.pretty.txt');
  });

  it('adds skipped URLs and the ok count when verbose', async () => {
    await expect(renderPretty(sampleReport(), { color: false, verbose: true })).toMatchFileSnapshot('../../fixtures/reports/basic.verbose.txt');
  });

  it('orders groups: broken, then warnings', () => {
    const out = renderPretty(sampleReport(), { color: false });
    const order = ['[not-found 404]', '[gone 410]', '[soft-404 93% 200]', '[error no response]', '[blocked 403]', '[suspected soft-404 55% 200]', '[permanent redirect 301]'];
    const positions = order.map((label) => out.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).not.toContain('private/');
  });

  it('lists every redirect, temporary ones too, and blocked links under their own heading when --fail-on names them', () => {
    const report = sampleReport();
    const temporary: LinkEntry = {
      url: 'https://site.test/tmp', category: 'redirect', status: 200, finalUrl: 'https://site.test/new', redirects: [{ url: 'https://site.test/tmp', status: 302 }],
      reason: 'HTTP 302 to /new', internal: true, sources: [{ page: 'https://site.test/', line: 3, element: 'a', attribute: 'href' }], sourceCount: 1,
    };
    report.links.push(temporary);
    expect(renderPretty(report, { color: false })).not.toContain('temporary redirect');
    const out = renderPretty(report, { color: false, failOn: ['not-found', 'redirect', 'blocked'] });
    const failing = out.indexOf('Failing the run (--fail-on) (3)');
    const warnings = out.indexOf('Warnings');
    expect(failing).toBeGreaterThan(out.indexOf('Broken'));
    expect(out.indexOf('[temporary redirect 302]')).toBeGreaterThan(failing);
    expect(out.indexOf('[permanent redirect 301]')).toBeGreaterThan(failing);
    expect(out.indexOf('[blocked 403]')).toBeGreaterThan(failing);
    expect(out.indexOf('[blocked 403]')).toBeLessThan(warnings);
    expect(out.slice(warnings)).not.toMatch(/\[(?:permanent|temporary) redirect/);
  });

  it('shows 20 sources per entry and counts the rest', () => {
    const out = renderPretty(sampleReport(), { color: false });
    expect(out).toContain('↳ /blog/20:29  <a href> "post 20"');
    expect(out).not.toContain('"post 21"');
    expect(out).toContain('… and 3 more');
  });

  it('colours its own output but passes no escape sequence from crawled text', () => {
    const out = renderPretty(sampleReport(), { color: true });
    expect(out).toMatch(ANSI);
    const withoutOwn = out.replace(ANSI, '');
    expect(withoutOwn).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(withoutOwn).toContain('"click red here \ufffd end"');
    expect(withoutOwn).toBe(renderPretty(sampleReport(), { color: false }));
  });

  it('strips control characters from every crawled field', () => {
    const report = sampleReport();
    const bad = '\u001b]8;;https://evil.test/\u0007X\u001b]8;;\u0007\u009b2J';
    const entry = report.links.find((e) => e.category === 'blocked') as LinkEntry;
    Object.assign(entry, { url: entry.url + bad, reason: bad, notes: [bad], suggestion: bad, soft404: { confidence: 0.5, evidence: [bad] } });
    Object.assign(entry.sources[0]!, { page: 'https://other.test/' + bad, element: bad, attribute: bad });
    report.roots = [report.roots[0] + bad];
    report.stoppedBy = bad;
    report.complete = false;
    const out = renderPretty(report, { color: false });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('INCOMPLETE (stopped by X)');
  });

  it('says so when nothing is broken, and names the stop reason of an incomplete crawl', () => {
    const report = sampleReport({ complete: false, stoppedBy: 'max-duration', durationMs: 125_000, limitsHit: [] });
    report.links = report.links.filter((e) => e.category === 'ok');
    report.summary = { pages: 1, urls: 3, ok: 3, redirect: 0, 'not-found': 0, gone: 0, 'soft-404': 0, blocked: 0, error: 0, skipped: 0, broken: 0 };
    const out = renderPretty(report, { color: false });
    expect(out.split('\n')[0]).toBe('linkhound https://site.test/ · 1 page · 3 URLs · 2 m 5 s · INCOMPLETE (stopped by max-duration)');
    expect(out).toContain('No broken links.');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 URLs · 3 ok · 0 broken');
  });

  it('is what the registry renders for pretty', () => {
    expect(renderReport('pretty', sampleReport(), { color: false, verbose: true })).toBe(renderPretty(sampleReport(), { color: false, verbose: true }));
  });
});
