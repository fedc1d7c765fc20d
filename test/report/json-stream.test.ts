// The streamed JSON report: the same bytes as renderJson's one string, in pieces of a bounded
// group of entries, produced only as they are taken.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { jsonStringify, renderJson, renderJsonChunks } from '../../src/report/index.js';
import { ENTRIES_PER_CHUNK } from '../../src/report/json.js';
import type { LinkEntry, Report } from '../../src/types.js';
import { HOSTILE_TEXT, sampleReport } from './sample.js';

const streamed = (report: Report): string[] => [...renderJsonChunks(report)];

const HOSTILE = [HOSTILE_TEXT, 'del\x7f c1\x85\x9b[2J line\u2028para\u2029', 'quote " back \\ nl \n tab \t', '\ud83d\ude00 \udc00 lone', '</script><!--', '  "links": [\n'];

function bigReport(count: number): Report {
  const links: LinkEntry[] = Array.from({ length: count }, (_, i) => {
    const text = HOSTILE[i % HOSTILE.length]!;
    const url = `https://site.test/p/${i}#${text}`;
    const entry: LinkEntry = {
      // Keys out of contract order, and optional fields present on some entries only.
      sourceCount: 1 + (i % 6), internal: i % 3 !== 0, category: i % 5 === 0 ? 'not-found' : 'ok', url,
      status: i % 7 === 0 ? null : 200, finalUrl: url, redirects: i % 4 === 0 ? [{ url, status: 301 }] : [],
      sources: Array.from({ length: 1 + (i % 6) }, (_, j) => ({ page: `https://site.test/from/${j}`, line: j + 1, element: 'a', attribute: 'href', text: `${text} ${j}` })),
    };
    if (i % 5 === 0) entry.reason = `HTTP 404 ${text}`;
    if (i % 9 === 0) entry.notes = [];
    if (i % 11 === 0) entry.soft404 = { confidence: 0.5, evidence: [text] };
    return entry;
  });
  return sampleReport({ links, roots: ['https://site.test/', HOSTILE_TEXT] });
}

describe('renderJsonChunks', () => {
  it('joins to exactly the one-string JSON for the sample report, the fixture and edge shapes', async () => {
    const sample = sampleReport();
    expect(streamed(sample).join('')).toBe(await readFile(new URL('../../fixtures/reports/basic.json', import.meta.url), 'utf8'));
    const [first] = sample.links;
    const reports: Report[] = [
      sample,
      sampleReport({ links: [] }),
      sampleReport({ links: [first!] }),
      sampleReport({ links: [{ ...first!, redirects: [], sources: [], notes: [], suggestion: undefined }] }),
      sampleReport({ stoppedBy: 'SIGINT', complete: false, limitsHit: [], roots: [] }),
      { extra: { nested: [1, { deep: HOSTILE_TEXT }] }, ...sampleReport() } as Report,
      { links: [] } as unknown as Report,
      { links: [first!] } as unknown as Report,
    ];
    for (const report of reports) expect(streamed(report).join('')).toBe(renderJson(report));
  });

  it('matches the one-string JSON on 5,000 entries with hostile text, and parses back to the same data', () => {
    const report = bigReport(5000);
    const text = streamed(report).join('');
    expect(text).toBe(renderJson(report));
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/);
    expect((JSON.parse(text) as Report).links[1]?.sources[0]?.text).toBe(`${HOSTILE[1]} 0`);
  });

  it('yields the head, one piece per ENTRIES_PER_CHUNK entries and the close, none bigger than its entries', () => {
    const report = bigReport(5000);
    const chunks = streamed(report);
    expect(chunks).toHaveLength(Math.ceil(report.links.length / ENTRIES_PER_CHUNK) + 2);
    // A piece holds its own group of entries and nothing more: each entry as JSON, every line of it
    // indented four more spaces, and a separator.
    const indented = (entry: LinkEntry): number => { const json = jsonStringify(entry, 2); return json.length + 4 * json.split('\n').length + 2; };
    chunks.slice(1, -1).forEach((chunk, g) => {
      const group = report.links.slice(g * ENTRIES_PER_CHUNK, (g + 1) * ENTRIES_PER_CHUNK);
      expect(chunk.length).toBeLessThanOrEqual(group.reduce((sum, entry) => sum + indented(entry), 0));
    });
  });

  it('serializes a group of entries only when its piece is taken', () => {
    const report = bigReport(ENTRIES_PER_CHUNK * 2);
    const late = report.links[ENTRIES_PER_CHUNK]!;
    Object.defineProperty(late, 'url', { enumerable: true, get: () => { throw new Error('read too early'); } });
    const chunks = renderJsonChunks(report);
    expect([chunks.next().value, chunks.next().value].join('')).toContain(`https://site.test/p/${ENTRIES_PER_CHUNK - 1}#`);
    expect(() => chunks.next()).toThrow('read too early');
  });
});
