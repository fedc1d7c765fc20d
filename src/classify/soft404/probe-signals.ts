// What a baseline probe says about one page: for or against a soft 404, and how strongly the
// content evidence should be discounted (an honest directory raises the bar).
import { pageFeatures } from './features.js';
import { similarity } from './minhash.js';
import type { ProbeSummary } from './probes.js';
import type { Signal, Soft404Input } from './types.js';
import { parseUrl } from '../../url.js';
import { comparable } from './url-shape.js';

export interface ProbeVerdict {
  signals: Signal[];
  /** Multiplier for content evidence. */
  contentFactor: number;
  /** Multiplier for JSON error evidence. */
  jsonFactor: number;
}

const NEUTRAL: ProbeVerdict = { signals: [], contentFactor: 1, jsonFactor: 1 };

export function probeVerdict(input: Soft404Input, probe: ProbeSummary | undefined, jsonShape: string | undefined): ProbeVerdict {
  if (!probe) return NEUTRAL;
  const name = shortName(probe.url);
  switch (probe.kind) {
    case 'honest':
      return { signals: [], contentFactor: 0.85, jsonFactor: 0.6 };
    case 'login':
      return { signals: [], contentFactor: 0.5, jsonFactor: 1 };
    case 'redirect': {
      const final = parseUrl(input.finalUrl);
      if (input.redirects.length > 0 && final && comparable(final) === probe.finalUrl) {
        return { signals: [{ weight: 0.95, evidence: `probe ${name} redirected to the same URL` }], contentFactor: 1, jsonFactor: 1 };
      }
      return { signals: [], contentFactor: 0.5, jsonFactor: 1 };
    }
    case 'catch-all':
      if (jsonShape !== undefined && probe.json) {
        return probe.json.error && probe.json.shape === jsonShape
          ? { signals: [{ weight: 0.95, evidence: `probe ${name} answered ${probe.status} with the same error shape` }], contentFactor: 1, jsonFactor: 1 }
          : NEUTRAL;
      }
      return input.facts && probe.features ? compare(input, probe, name) : { signals: [], contentFactor: 0.7, jsonFactor: 1 };
    default:
      return NEUTRAL;
  }
}

function compare(input: Soft404Input, probe: ProbeSummary, name: string): ProbeVerdict {
  const page = pageFeatures(input.facts!, input.url);
  const other = probe.features!;
  const sim = similarity(page.sketch, other.sketch);
  const reliable = probe.mutual === undefined || probe.mutual >= 0.5;
  const threshold = probe.mutual === undefined ? 0.85 : Math.max(0.5, Math.min(0.92, probe.mutual - 0.08));
  const sameTitle = page.title === other.title && (page.heading === other.heading || page.heading === '' || other.heading === '');
  const percent = `${Math.round(sim * 100)} % similar text`;
  const line = `probe ${name} answered ${probe.status}, ${percent}`;
  if (reliable && sim >= threshold) {
    return { signals: [{ weight: sameTitle ? 0.97 : 0.82, evidence: sameTitle ? `${line}, same title` : line }], contentFactor: 1, jsonFactor: 1 };
  }
  if (sameTitle && page.title !== '' && sim >= threshold - 0.25) {
    return { signals: [{ weight: 0.6, evidence: `${line}, same title` }], contentFactor: 1, jsonFactor: 1 };
  }
  if (!reliable) return NEUTRAL;
  return { signals: [], contentFactor: sim < threshold - 0.2 ? 0.35 : 0.7, jsonFactor: 1 };
}

function shortName(url: string): string {
  const parsed = parseUrl(url);
  const path = parsed ? parsed.pathname + parsed.search : url;
  return path.length > 24 ? `${path.slice(0, 20)}…` : path;
}
