// The soft-404 detector: redirect shape, content, JSON error bodies and the element's
// expectation, weighed against what a baseline probe of the same directory answered.
import type { PageFacts, Soft404Finding } from '../../types.js';
import { contentSignals } from './content.js';
import { jsonError } from './json-error.js';
import { textHash } from './minhash.js';
import { builtInPhrases, compilePhrases, PhraseSet } from './phrases.js';
import { probePlans, randomName } from './probe-url.js';
import { probeVerdict } from './probe-signals.js';
import { Prober, type ProbeSummary } from './probes.js';
import { redirectShape } from './redirect-shape.js';
import type { Signal, Soft404Input, Soft404Judgement, Soft404Options } from './types.js';
import { parseUrl } from '../../url.js';
import { isHomeAlias, isLocaleRoot, isSearchUrl } from './url-shape.js';

const CLIENT_RENDERED = 'client-rendered; cannot verify without a browser';
const HTML = new Set(['text/html', 'application/xhtml+xml']);

/** Creates a crawl-scoped detector; probes (when a probe function is given) are cached inside. */
export function createSoft404Detector(opts: Soft404Options): { judge(input: Soft404Input): Promise<Soft404Judgement>; probesMade(): number } {
  const phrases = new PhraseSet(compilePhrases([...builtInPhrases(), ...(opts.extraPhrases ?? [])]));
  const prober = opts.probe
    ? new Prober({
        probe: opts.probe,
        maxPerHost: opts.maxProbesPerHost ?? 50,
        maxForeignHost: opts.maxProbesForeignHost ?? 2,
        isInternalOrigin: opts.isInternalOrigin ?? (() => false),
        random: opts.random ?? randomName,
      })
    : undefined;

  const repeats = new RepeatedPages();

  async function baseline(url: string): Promise<ProbeSummary | undefined> {
    if (!prober) return undefined;
    const plans = probePlans(url).reverse();
    for (const plan of plans) {
      const summary = await prober.summary(plan);
      if (summary && summary.kind !== 'unknown') return summary;
    }
    return undefined;
  }

  async function judge(input: Soft404Input): Promise<Soft404Judgement> {
    const requested = parseUrl(input.url);
    if (!requested) return judgement(false);
    const shape = redirectShape(input.url, input.finalUrl, input.redirects);
    if (shape?.kind === 'login') return judgement(false, undefined, ['requires sign-in']);
    const positives: Signal[] = [];
    if (shape) positives.push({ weight: shape.kind === 'error-url' ? 0.95 : 0.9, evidence: shape.evidence });
    const html = HTML.has(input.mime);
    if (html && input.expects && input.expects !== 'page' && input.expects !== 'other') {
      positives.push({ weight: 0.88, evidence: `HTML page answered where ${article(input.expects)} was expected` });
    }
    if (input.facts?.appShell && positives.length === 0) return judgement(false, undefined, [CLIENT_RENDERED]);
    const final = input.finalUrl === input.url ? requested : parseUrl(input.finalUrl);
    if (isSearchUrl(requested) || (final !== undefined && final !== requested && isSearchUrl(final))) return decide(positives, [], opts.threshold);

    const json = input.jsonText !== undefined ? jsonError(input.jsonText) : undefined;
    const content = input.facts ? contentSignals(input.facts, requested, phrases) : undefined;
    if (content?.searchPage) return decide(positives, [], opts.threshold);
    // A home page matches a catch-all that serves the home page for every name: never probe it.
    const home = isHomeAlias(requested) || isLocaleRoot(requested);
    const duplicate = input.facts !== undefined && repeats.seen(requested.origin, input.facts);
    // Probes are spent where a page gives a reason to doubt it, so the per-host budget lasts.
    const doubtful = content !== undefined && input.expects !== 'image' && (content.signals.length > 0 || content.thin || duplicate);
    const wantProbe = !home && (json !== undefined || doubtful);
    const verdict = probeVerdict(input, wantProbe ? await baseline(input.url) : undefined, json?.shape);
    positives.push(...verdict.signals);
    if (json) positives.push({ weight: (json.kind === 'not-found' ? 0.9 : 0.6) * verdict.jsonFactor, evidence: json.evidence });
    const scaled = content ? scale(content.signals, content.damping * verdict.contentFactor) : [];
    return decide(positives, scaled, opts.threshold);
  }

  return { judge, probesMade: () => prober?.probesMade() ?? 0 };
}

/**
 * Remembers a hash of each page's title and opening text per origin: the same page answered at
 * a second URL is what a catch-all serving one page for every name looks like.
 */
class RepeatedPages {
  private static readonly CAP = 200_000;
  private readonly hashes = new Set<number>();

  seen(origin: string, facts: PageFacts): boolean {
    const hash = textHash(`${origin}\n${facts.title}\n${facts.mainText.slice(0, 500)}`);
    if (this.hashes.has(hash)) return true;
    if (this.hashes.size < RepeatedPages.CAP) this.hashes.add(hash);
    return false;
  }
}

/** Content evidence is combined first, then discounted as one group. */
function scale(signals: Signal[], factor: number): Signal[] {
  if (signals.length === 0 || factor <= 0) return [];
  const combined = 1 - signals.reduce((p, s) => p * (1 - s.weight), 1);
  const top = Math.max(...signals.map((s) => s.weight));
  return signals.map((s) => ({ weight: (s.weight === top ? combined : s.weight) * factor, evidence: s.evidence }));
}

function decide(positives: Signal[], content: Signal[], threshold: number): Soft404Judgement {
  const all = [...positives];
  const contentTop = content.reduce((m, s) => Math.max(m, s.weight), 0);
  const confidence = round(1 - positives.reduce((p, s) => p * (1 - s.weight), 1) * (1 - contentTop));
  all.push(...content);
  if (confidence < 0.5 || all.length === 0) return judgement(false);
  const finding: Soft404Finding = { confidence, evidence: all.sort((a, b) => b.weight - a.weight).map((s) => s.evidence) };
  return judgement(confidence >= threshold, finding);
}

// Every judgement has one shape, absent parts undefined: the crawl reads each of them, and a
// shape it meets for the first time late in a crawl throws away its optimized code.
function judgement(soft404: boolean, finding?: Soft404Finding, notes?: string[]): Soft404Judgement {
  return { soft404, finding, notes };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

function article(expects: string): string {
  return expects === 'image' ? 'an image' : expects === 'media' ? 'media' : expects === 'style' ? 'a stylesheet' : 'a script';
}
