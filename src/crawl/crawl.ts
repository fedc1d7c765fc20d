// The orchestrator: wires frontier → fetch → extract → classify → results and emits events.
// Each stage is its own module; this file only decides what happens to each URL and when.
import type { CrawlEvent, FetchOutcome, PageLinks, Report, Soft404Finding, Verdict } from '../types.js';
import { resolveOptions, type CrawlOptions } from '../config/options.js';
import { createFetcher, isTransient, type RequestKind } from '../fetch/index.js';
import { classify, createSoft404Detector, loadPhrases, type Expects } from '../classify/index.js';
import { ResultStore } from '../results/index.js';
import { createHtmlParser, detached } from '../extract/index.js';
import { Channel } from './channel.js';
import { Fifo } from './fifo.js';
import { Frontier, type Plan, type Task } from './frontier.js';
import { inspect, wantsBody } from './inspect.js';
import { expectsOf } from './expects.js';
import { makeProbe } from './probe.js';
import { buildReport } from './report.js';
import { StopControl } from './stop.js';
import { createHeapGovernor } from './memory.js';
import { normalizeUrl } from './normalize.js';

/**
 * The heap a crawl's thread may reach before a full collection, and the least growth allowed
 * between two (see memory.ts). Bench (live heap 20-30 MB at 10,000 pages, 64 MB at the end of
 * 100,000): peak RSS at 100,000 pages was 287-291 MB, against 334-339 MB for a fixed 96 MB of
 * growth between collections and 285-318 MB for 48 MB, which also cost 3 % more CPU at 10,000.
 */
const HEAP_PEAK = 96 * 1024 * 1024;
const HEAP_LEAST_GROWTH = 32 * 1024 * 1024;

export interface CrawlControl {
  /** Aborting stops new requests; in-flight ones get a moment, then the partial report is made. */
  signal?: AbortSignal;
  /**
   * The chatty events, on by default: `request`/`retry` (one per HTTP request) and `source` (one
   * per occurrence found after its URL's verdict). A consumer that does not read them turns them
   * off, which saves an event per link on a large crawl.
   */
  events?: { requests?: boolean; sources?: boolean };
}

/** Crawls from the roots and yields events; the last one is `done` with the report. */
export function crawl(partial: Partial<CrawlOptions> & { roots: string[] }, control: CrawlControl = {}): AsyncIterable<CrawlEvent> {
  const channel = new Channel<CrawlEvent>();
  run(resolveOptions(partial), control, (e) => channel.push(e)).then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  );
  return channel;
}

/** Runs a crawl to its end and returns the report. */
export async function check(partial: Partial<CrawlOptions> & { roots: string[] }, control: CrawlControl = {}): Promise<Report> {
  for await (const event of crawl(partial, control)) if (event.type === 'done') return event.report;
  throw new Error('crawl ended without a report');
}

async function run(options: CrawlOptions, control: CrawlControl, emit: (e: CrawlEvent) => void): Promise<void> {
  const startedAt = new Date();
  const phrases = await loadPhrases(options.soft404PhrasesFile);
  if (!Array.isArray(phrases)) throw new Error(phrases.problem);
  const stop = new StopControl(control.signal, options.maxDurationMs);
  const fetcher = createFetcher(options, {
    ...(control.events?.requests === false
      ? {}
      : {
          onRequest: (url: string, method: string, attempt: number, kind: RequestKind) => emit({ type: 'request', url, method, attempt, kind }),
          onRetry: (url: string, attempt: number, delayMs: number, reason: string) => emit({ type: 'retry', url, attempt, delayMs, reason }),
        }),
  });
  const sourceEvents = control.events?.sources !== false;
  const store = new ResultStore({ copyText: detached });
  const heap = createHeapGovernor(HEAP_PEAK, HEAP_LEAST_GROWTH);
  const frontier = new Frontier(options, fetcher, stop.fetchSignal);
  const parser = createHtmlParser(options.parseThreads);
  const probe = makeProbe(fetcher, stop.fetchSignal, parser);
  const detector = createSoft404Detector({
    threshold: options.soft404Threshold,
    extraPhrases: phrases,
    isInternalOrigin: (origin) => frontier.scope.sameOrigin(`${origin}/`),
    ...(options.soft404Probes ? { probe: probe.run } : {}),
  });
  const roots = new Set<string>();
  let pages = 0;
  let inFlight = 0;
  let secondChances = 0;
  // Transient failures wait here for one more try once the rest of the crawl is done.
  let deferred: Task[] = [];
  let idle!: () => void;
  const allDone = new Promise<void>((resolve) => (idle = resolve));

  const decide = (url: string, verdict: Verdict & { finalUrl?: string; redirects?: Report['links'][number]['redirects'] }, internal: boolean): void => {
    const { finalUrl = url, redirects = [], ...rest } = verdict;
    const entry = store.decide(url, { ...rest, finalUrl, redirects, internal });
    // The stored entry gains the occurrences found later; with source events on, those come as
    // events of their own, so the link event holds a copy of what is known now.
    emit({ type: 'link', entry: sourceEvents ? { ...entry } : entry });
  };

  // The frontier's queue holds plain tasks; only `concurrency` of them at a time become running
  // promises, so 100,000 URLs waiting their turn cost a small record each, not a closure chain.
  // inFlight counts queued and running tasks, so the running ones are inFlight - waiting.size.
  const waiting = new Fifo<Task>();
  const schedule = (task: Task): void => {
    inFlight++;
    waiting.push(task);
    pump();
  };

  const pump = (): void => {
    while (inFlight - waiting.size < options.concurrency && waiting.size > 0) {
      const task = waiting.shift() as Task;
      visit(task)
        .catch((error: unknown) => decide(task.url, { category: 'error', status: null, reason: `internal error: ${String(error)}` }, false))
        .finally(() => {
          if (--inFlight === 0) whenIdle();
          else pump();
        });
    }
  };

  const whenIdle = (): void => {
    const again = deferred;
    deferred = [];
    if (again.length === 0) return idle();
    for (const task of again) schedule(task);
  };

  // Extracted URLs are WHATWG-serialized already: their keys (fragment dropped) need no normalizing.
  const found = (links: PageLinks, index: number, depth: number): void => {
    const key = links.keys[index]!;
    const state = store.addSource(key, links, index);
    if (state === 'new' && roots.has(key)) return;
    if (state === 'new') {
      if (links.valid[index] === 0) decide(key, { category: 'error', status: null, reason: 'invalid URL' }, false);
      else schedule({ url: key, depth, expects: expectsOf(links.elements[links.kinds[index]!]!, links.attributes[links.kinds[index]!]!) });
    } else if (state !== 'pending' && sourceEvents) emit({ type: 'source', url: key, source: store.sourceOf(links, index) });
  };

  const visit = async (task: Task): Promise<void> => {
    if (stop.stopped && !task.retry) return;
    // A second chance is planned anew: the first try's page slots were given back with it.
    const plan = await frontier.plan(task);
    try {
      await settle(task, plan);
    } finally {
      frontier.release(plan);
    }
  };

  const settle = async (task: Task, plan: Plan): Promise<void> => {
    if (plan.skip) return decide(task.url, { category: 'skipped', status: null, reason: plan.skip }, plan.internal);
    const outcome = await attempt(task, plan);
    if (!outcome.ok && outcome.failure.kind === 'aborted') return;
    if (!task.retry && options.retries > 0 && isTransient(outcome) && !stop.stopped) {
      deferred.push({ ...task, retry: { first: outcome } });
      return;
    }
    if (task.root && outcome.ok) frontier.scope.set(task.url, outcome.response.url);
    const verdict: Verdict = classify(outcome, options.accept);
    const notes: string[] = task.retry && outcome !== task.retry.first ? [secondChanceNote(task.retry.first, verdict)] : [];
    // A 2xx answer, whose verdict is ok or redirect: its body is read, and it may be a soft 404.
    // The test reads the response, not the verdict, whose shape differs from category to category
    // (each new shape met late in a crawl threw away this function's optimized code).
    if (outcome.ok && outcome.response.status >= 200 && outcome.response.status < 300) {
      const response = outcome.response;
      const isPage = plan.crawl && frontier.takePage(plan, response.url, response.mime);
      const seen = await inspect(parser, response, isPage || (plan.crawl && response.mime === 'text/css'));
      if (response.truncated) notes.push(response.truncated);
      if (seen.problem) notes.push(seen.problem);
      if (isPage) {
        pages++;
        heap.tick();
        emit({ type: 'page', url: response.url, depth: task.depth, links: seen.links?.keys.length ?? 0 });
      }
      const links = seen.links;
      if (links) for (let i = 0; i < links.keys.length; i++) found(links, i, task.depth + 1);
      if (options.soft404) {
        const judgement = await detector.judge({
          url: task.url, finalUrl: response.url, redirects: outcome.redirects, status: response.status, mime: response.mime,
          internal: plan.internal, expects: task.expects ?? ('page' as Expects), facts: seen.facts, jsonText: seen.jsonText,
        });
        if (judgement.notes) notes.push(...judgement.notes);
        if (judgement.finding) judged(verdict, judgement.soft404, judgement.finding);
      }
    }
    if (notes.length > 0) verdict.notes = [...(verdict.notes ?? []), ...notes];
    decide(task.url, { ...verdict, finalUrl: outcome.ok ? outcome.response.url : task.url, redirects: outcome.redirects }, plan.internal);
  };

  /** Fetches a task; a second chance is one attempt, and after a stop it keeps its first outcome. */
  const attempt = async (task: Task, plan: Plan): Promise<FetchOutcome> => {
    if (task.retry && stop.stopped) return task.retry.first;
    if (task.retry) secondChances++;
    const outcome = await fetcher.fetch({
      url: task.url,
      method: options.method === 'head' && !plan.crawl ? 'HEAD' : 'GET',
      readBody: (mime, status) => wantsBody(mime, status, plan.crawl),
      signal: stop.fetchSignal,
      ...(task.retry ? { retries: 0 } : {}),
    });
    if (!task.retry) return outcome;
    if (!outcome.ok && outcome.failure.kind === 'aborted') return task.retry.first;
    return { ...outcome, attempts: outcome.attempts + task.retry.first.attempts };
  };

  try {
    for (const root of options.roots) {
      const url = normalizeUrl(root) ?? root;
      if (!roots.has(url)) {
        roots.add(url);
        schedule({ url, depth: 0, root: true });
      }
    }
    if (inFlight === 0) whenIdle();
    await Promise.race([allDone, stop.requested]);
    await allDone;
  } finally {
    stop.dispose();
    heap.release();
    await Promise.all([fetcher.close(), parser.close()]);
  }
  let report: Report;
  try {
    report = buildReport({
      options, startedAt, store, pages, limitsHit: frontier.limitsHit(), stoppedBy: stop.reason,
      stats: { ...fetcher.stats(), secondChances, robots: frontier.robotsRequests, probes: probe.count() },
    });
  } finally {
    store.close();
  }
  emit({ type: 'done', report });
}

// Apart from settle, which runs for every URL: a finding is rare, and the first one met would
// otherwise throw away settle's optimized code.
function judged(verdict: Verdict, soft404: boolean, finding: Soft404Finding): void {
  verdict.soft404 = finding;
  if (!soft404) return;
  verdict.category = 'soft-404';
  verdict.reason = `soft 404: ${finding.evidence[0] ?? 'looks like a not-found page'}`;
}

function secondChanceNote(first: FetchOutcome, now: Verdict): string {
  const was = first.ok ? `HTTP ${first.response.status}` : first.failure.reason;
  return now.category === 'ok' || now.category === 'redirect'
    ? `first try failed (${was}); a second try at the end of the crawl succeeded`
    : `failed again on a second try at the end of the crawl (first: ${was})`;
}
