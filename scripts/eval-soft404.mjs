// Crawls the labelled soft-404 corpus with the built library and prints precision, recall and F1
// for soft-404 and the confusion table (label × category). Run after `npm run build`.
import { check } from '../dist/index.js';
import { startCorpusServer } from '../fixtures/soft404/corpus.mjs';

const corpus = await startCorpusServer();
try {
  const report = await check({ roots: [corpus.url], concurrency: 16 });
  const byUrl = new Map(report.links.map((entry) => [entry.url, entry]));
  const table = new Map();
  let tp = 0, fp = 0, fn = 0;
  const misses = [];
  for (const { path, label, kind } of corpus.labels) {
    const entry = byUrl.get(new URL(path, corpus.url).href);
    const category = entry?.category ?? 'missing';
    const row = table.get(label) ?? new Map();
    row.set(category, (row.get(category) ?? 0) + 1);
    table.set(label, row);
    const flagged = category === 'soft-404', truth = label === 'soft-404';
    if (flagged && truth) tp++;
    else if (flagged) fp++;
    else if (truth) fn++;
    if (flagged !== truth) misses.push(`  ${label.padEnd(9)} → ${category.padEnd(9)} ${path} (${kind})${entry?.soft404 ? ` ${entry.soft404.confidence}: ${entry.soft404.evidence[0]}` : ''}`);
  }
  const precision = tp / (tp + fp || 1), recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const categories = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort();
  console.log(`soft-404 corpus: ${corpus.labels.length} URLs, probes ${report.stats?.probes ?? '?'}`);
  console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}\n`);
  console.log(['label \\ category'.padEnd(18), ...categories.map((c) => c.padStart(10))].join(''));
  for (const [label, row] of table) console.log([label.padEnd(18), ...categories.map((c) => String(row.get(c) ?? 0).padStart(10))].join(''));
  if (misses.length > 0) console.log(`\nmisclassified:\n${misses.join('\n')}`);
} finally {
  await corpus.close();
}
