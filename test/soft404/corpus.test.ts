import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoft404Detector } from '../../src/classify/soft404/index.js';
import { fetchLikeCrawl } from './fetch-like-crawl.js';
// @ts-expect-error plain ESM fixture without types
import { startCorpusServer } from '../../fixtures/soft404/corpus.mjs';

interface Label { path: string; label: string; kind: string; expects: 'page' | 'image' }
let corpus: { url: string; close(): Promise<void>; labels: Label[] };

beforeAll(async () => {
  corpus = await startCorpusServer();
});
afterAll(() => corpus.close());

describe('soft-404 corpus (detector driven directly)', () => {
  it('meets the precision and recall floors, with no false positive on hard negatives', async () => {
    const origin = new URL(corpus.url).origin;
    const detector = createSoft404Detector({ threshold: 0.8, probe: fetchLikeCrawl, isInternalOrigin: (o) => o === origin, maxProbesPerHost: Number(process.env.SOFT404_PROBES ?? 400) });
    const wrong: string[] = [];
    let tp = 0, fp = 0, fn = 0;
    await Promise.all(corpus.labels.map(async (l) => {
      const url = new URL(l.path, corpus.url).href;
      const answer = await fetchLikeCrawl(url);
      if (answer.status === null || answer.status >= 300) throw new Error(`corpus URL ${l.path} answered ${answer.status}`);
      const j = await detector.judge({ ...answer, url, status: answer.status, expects: l.expects, internal: true });
      const flagged = j.soft404, truth = l.label === 'soft-404';
      if (flagged && truth) tp++;
      if (flagged && !truth) fp++;
      if (!flagged && truth) fn++;
      if (flagged !== truth) wrong.push(`${l.label} ${l.path} (${l.kind}): ${JSON.stringify(j.finding ?? j.notes ?? null)}`);
    }));
    const precision = tp / (tp + fp), recall = tp / (tp + fn);
    console.log(`corpus: ${corpus.labels.length} URLs, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, probes ${detector.probesMade()}\n${wrong.join('\n')}`);
    expect(corpus.labels.length).toBeGreaterThanOrEqual(150);
    expect(corpus.labels.filter((l) => l.label !== 'soft-404').length).toBeGreaterThanOrEqual(60);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
