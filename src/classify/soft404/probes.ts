// Baseline probes, lazily and once per plan (origin, directory, kind of name): concurrent judges
// of one directory share the in-flight probe, and only the probe's features are kept. A catch-all
// directory (first probe answered 2xx) gets a second probe, whose similarity to the first sets the
// bar for "same page". Probes per origin are bounded; foreign origins get only a couple.
import type { Hop } from '../../types.js';
import { type PageFeatures, pageFeatures } from './features.js';
import { jsonError, jsonShape } from './json-error.js';
import { similarity } from './minhash.js';
import { type ProbePlan, randomName } from './probe-url.js';
import type { Probe } from './types.js';
import { parseUrl } from '../../url.js';
import { comparable, isLoginUrl } from './url-shape.js';

export type ProbeKind = 'honest' | 'catch-all' | 'redirect' | 'login' | 'unknown';

/** What a directory answers for a missing name; features only, no body. */
export interface ProbeSummary {
  kind: ProbeKind;
  /** The (first) probe URL and its final status. */
  url: string;
  status: number | null;
  /** Comparable final URL when the probe was redirected. */
  finalUrl: string;
  redirected: boolean;
  mime: string;
  features?: PageFeatures;
  /** Similarity of two probes' pages, when a second probe was made. */
  mutual?: number;
  json?: { shape: string; error: boolean };
}

export interface ProberOptions {
  probe: Probe;
  maxPerHost: number;
  maxForeignHost: number;
  isInternalOrigin: (origin: string) => boolean;
  random: () => string;
}

export class Prober {
  private readonly cache = new Map<string, Promise<ProbeSummary | undefined>>();
  private readonly spent = new Map<string, number>();
  private made = 0;

  constructor(private readonly opts: ProberOptions) {}

  probesMade(): number {
    return this.made;
  }

  /** The summary for a plan, probing at most once per plan; undefined when over budget. */
  summary(plan: ProbePlan): Promise<ProbeSummary | undefined> {
    let pending = this.cache.get(plan.key);
    if (!pending) {
      pending = this.run(plan);
      this.cache.set(plan.key, pending);
    }
    return pending;
  }

  private take(origin: string): boolean {
    const limit = this.opts.isInternalOrigin(origin) ? this.opts.maxPerHost : this.opts.maxForeignHost;
    const used = this.spent.get(origin) ?? 0;
    if (used >= limit) return false;
    this.spent.set(origin, used + 1);
    this.made++;
    return true;
  }

  private async run(plan: ProbePlan): Promise<ProbeSummary | undefined> {
    if (!this.take(plan.origin)) return undefined;
    const first = await this.once(plan.build(this.opts.random()));
    if (first.kind !== 'catch-all' || !first.features || !this.take(plan.origin)) return first;
    const second = await this.once(plan.build(this.opts.random()));
    if (second.kind === 'catch-all' && second.features) first.mutual = similarity(first.features.sketch, second.features.sketch);
    return first;
  }

  private async once(url: string): Promise<ProbeSummary> {
    let answer;
    try {
      answer = await this.opts.probe(url);
    } catch {
      answer = { status: null, finalUrl: url, redirects: [] as Hop[], mime: '' };
    }
    const final = parseUrl(answer.finalUrl);
    const redirected = answer.redirects.length > 0 && final !== undefined && comparable(final) !== comparable(parseUrl(url) ?? final);
    const summary: ProbeSummary = {
      kind: kindOf(answer.status, redirected, final),
      url,
      status: answer.status,
      finalUrl: final ? comparable(final) : answer.finalUrl,
      redirected,
      mime: answer.mime,
    };
    if (answer.facts) summary.features = pageFeatures(answer.facts, url);
    if (answer.jsonText !== undefined) summary.json = jsonSummary(answer.jsonText);
    return summary;
  }
}

function kindOf(status: number | null, redirected: boolean, final: URL | undefined): ProbeKind {
  if (status === null) return 'unknown';
  if (final && isLoginUrl(final) && (redirected || status === 401 || status === 403)) return 'login';
  if (status === 404 || status === 410) return 'honest';
  if (status >= 200 && status < 300) return redirected ? 'redirect' : 'catch-all';
  if (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429) return 'honest';
  return 'unknown';
}

function jsonSummary(text: string): { shape: string; error: boolean } {
  const error = jsonError(text);
  if (error) return { shape: error.shape, error: true };
  try {
    return { shape: jsonShape(JSON.parse(text)), error: false };
  } catch {
    return { shape: 'invalid', error: false };
  }
}
