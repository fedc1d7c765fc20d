import { describe, expect, it } from 'vitest';
import { ndjsonLink, ndjsonSource, ndjsonSummary, renderJson, renderReport, replayNdjson } from '../../src/report/index.js';
import type { LinkEntry, LinkSource } from '../../src/types.js';
import { sampleReport } from './sample.js';

// Streams the sample as the crawl would: each link line carries the sources known when it was
// decided (here the first one), and later occurrences follow as source lines, interleaved across
// URLs but in crawl order per URL.
function streamed(): string[] {
  const report = sampleReport();
  const lines: string[] = [];
  const late: Array<[number, string, LinkSource]> = [];
  for (const entry of report.links) {
    const [first, ...rest] = entry.sources;
    const atDecision: LinkEntry = { ...entry, sources: first ? [first] : [], sourceCount: entry.sourceCount - rest.length };
    lines.push(ndjsonLink(atDecision));
    rest.forEach((source, i) => late.push([i, entry.url, source]));
  }
  for (const [, url, source] of late.sort((a, b) => a[0] - b[0])) lines.push(ndjsonSource(url, source));
  lines.push(ndjsonSummary(report));
  return lines;
}

describe('NDJSON', () => {
  it('writes one JSON object per line, each with a type', () => {
    const lines = streamed();
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(typeof (JSON.parse(line) as { type: unknown }).type).toBe('string');
    }
    expect(JSON.parse(lines.at(-1)!)).not.toHaveProperty('links');
    expect(Object.keys(JSON.parse(ndjsonSource('u', { page: 'p', line: 1, element: 'a', attribute: 'href' })))).toEqual(['type', 'url', 'source']);
  });

  it('replays a streamed crawl into the JSON report', () => {
    expect(renderJson(replayNdjson(streamed()))).toBe(renderJson(sampleReport()));
  });

  it('replays the whole-report ndjson rendering into the JSON report', () => {
    const text = renderReport('ndjson', sampleReport(), { color: false });
    expect(text.endsWith('\n')).toBe(true);
    expect(renderJson(replayNdjson(text.split('\n')))).toBe(renderJson(sampleReport()));
  });

  it('counts late sources of ok entries but keeps only the first few', () => {
    const ok: LinkEntry = { url: 'https://site.test/', category: 'ok', status: 200, finalUrl: 'https://site.test/', redirects: [], internal: true, sources: [], sourceCount: 0 };
    const lines = [ndjsonLink(ok)];
    for (let i = 1; i <= 7; i++) lines.push(ndjsonSource(ok.url, { page: `https://site.test/${i}`, line: i, element: 'a', attribute: 'href' }));
    const [entry] = replayNdjson(lines, { okSourceCap: 3 }).links;
    expect(entry?.sources.map((s) => s.line)).toEqual([1, 2, 3]);
    expect(entry?.sourceCount).toBe(7);
  });

  it('survives a cut stream: bad lines skipped, marked incomplete, counted', () => {
    const lines = streamed().slice(0, -1);
    lines.push('{"type":"link","url":', '', 'not json', '[1,2]');
    const report = replayNdjson(lines);
    expect(report.complete).toBe(false);
    expect(report.links).toHaveLength(11);
    expect(report.summary).toMatchObject({ urls: 11, ok: 3, 'not-found': 2, broken: 5 });
  });
});
