import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/index.js';
import type { Report } from '../../src/types.js';
import { HOSTILE_TEXT, sampleReport } from './sample.js';

describe('renderJson', () => {
  it('renders the fixed report as expected', async () => {
    await expect(renderJson(sampleReport())).toMatchFileSnapshot('../../fixtures/reports/basic.json');
  });

  it('is valid JSON with no raw escape byte, and keeps hostile text as data', () => {
    const out = renderJson(sampleReport());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('\\u001b[31m');
    expect(out).toContain('\\ud800');
    const parsed = JSON.parse(out) as Report;
    expect(parsed.links.find((e) => e.category === 'blocked')?.sources[0]?.text).toBe(HOSTILE_TEXT);
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
  });

  it('puts keys in the contract order whatever order they were built in', () => {
    const report = sampleReport();
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const scrambled = { ...reversed(report), summary: reversed(report.summary), links: report.links.map(reversed) };
    expect(renderJson(scrambled)).toBe(renderJson(report));
    const parsed = JSON.parse(renderJson(scrambled)) as Report;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'startedAt', 'durationMs', 'complete', 'roots', 'summary', 'limitsHit', 'links']);
    expect(Object.keys(parsed.links[0]!)).toEqual(['url', 'category', 'status', 'finalUrl', 'redirects', 'reason', 'suggestion', 'internal', 'sources', 'sourceCount']);
  });

  it('keeps fields it does not know, after the known ones', () => {
    const report = sampleReport({ stoppedBy: 'SIGINT', complete: false });
    const out = JSON.parse(renderJson({ extra: 1, ...report } as Report)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['schemaVersion', 'tool', 'startedAt', 'durationMs', 'complete', 'stoppedBy', 'roots', 'summary', 'limitsHit', 'extra', 'links']);
  });
});
