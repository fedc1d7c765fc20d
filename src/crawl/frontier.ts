// The frontier decides, per URL, crawl (fetch and parse) vs check only vs skip with a reason,
// and enforces the page bounds and trap guards (design.md "Words").
import type { CrawlOptions } from '../config/options.js';
import type { Expects } from '../classify/index.js';
import type { Fetcher } from '../fetch/index.js';
import type { FetchOutcome, LimitHit } from '../types.js';
import { isHtmlMime } from '../extract/index.js';
import { schemeSkipReason } from './normalize.js';
import { Scope, originOf } from './scope.js';
import { RobotsCache } from './robots.js';
import { TrapGuard, type TrapAdmission, type TrapLimit } from './traps.js';

export interface Task {
  url: string;
  depth: number;
  expects?: Expects;
  root?: boolean;
  /** Set on the second chance of a transient failure: what the first try gave. */
  retry?: { first: FetchOutcome };
}

export interface Plan {
  /** Fetch and, when it is HTML in scope, parse for links. */
  crawl: boolean;
  internal: boolean;
  skip?: string;
  /** Its page slots (--max-pages and the trap guards), held until it proves to be a page or not. */
  slot?: TrapAdmission;
}

export class Frontier {
  readonly scope: Scope;
  robotsRequests = 0;
  private readonly robots: RobotsCache;
  private readonly traps: TrapGuard;
  private readonly limits = new Map<string, number>();
  private readonly parsed = new Set<string>();
  private readonly delayed = new Set<string>();
  private settled: (() => void)[] = [];

  constructor(private readonly options: CrawlOptions, private readonly fetcher: Fetcher, signal: AbortSignal) {
    this.scope = new Scope(options.roots);
    this.traps = new TrapGuard(options.maxPagesPerPattern, options.maxPagesPerHost, options.maxPages);
    this.robots = new RobotsCache(async (url) => {
      this.robotsRequests++;
      const outcome = await fetcher.fetch({ url, readBody: (_mime, status) => status === 200, signal, kind: 'robots' });
      return outcome.ok && outcome.response.status === 200 ? outcome.response.body?.toString('utf8') : undefined;
    });
  }

  async plan(task: Task): Promise<Plan> {
    const { url } = task;
    const skipped = (skip: string, internal = false): Plan => ({ crawl: false, internal, skip });
    const scheme = schemeSkipReason(url);
    if (scheme) return skipped(scheme);
    if (this.options.exclude.some((re) => re.test(url))) return skipped('excluded by --exclude');
    const included = this.options.include.length === 0 || this.options.include.some((re) => re.test(url));
    const internal = included && this.scope.contains(url);
    if (!this.options.external && !this.scope.sameOrigin(url)) return skipped('external link not checked (--no-external)');
    if (!internal || task.depth > this.options.maxDepth) return { crawl: false, internal };
    if (this.options.robots && !(await this.allowedByRobots(url))) return skipped('disallowed by robots.txt (--ignore-robots to check)', true);
    // An image, script or media file is checked, never parsed: page bounds and trap guards are not for it.
    if (!mayBePage(task.expects)) return { crawl: true, internal };
    // Slots held by URLs not yet fetched may turn out not to be pages (an image, a 404): wait
    // for them to settle rather than skip a page that fits within the bounds.
    let slot = this.traps.admit(url);
    while ('limit' in slot && slot.mayFree) {
      await this.slotSettled();
      slot = this.traps.admit(url);
    }
    if ('limit' in slot) return skipped(this.hit(slot.limit, skipReason(slot.limit, this.options.maxPages)), true);
    return { crawl: true, internal, slot };
  }

  /**
   * Whether a crawled response is a new page to parse (HTML, final URL in scope, not parsed yet);
   * if so, the plan's slot is kept for good.
   */
  takePage(plan: Plan, finalUrl: string, mime: string): boolean {
    if (!plan.slot || !isHtmlMime(mime) || !this.scope.contains(finalUrl) || this.parsed.has(finalUrl)) return false;
    this.parsed.add(finalUrl);
    this.traps.confirm(plan.slot);
    delete plan.slot;
    this.notifySettled();
    return true;
  }

  /** Gives back the page slot of a URL that turned out not to be a page (no-op once settled). */
  release(plan: Plan): void {
    if (!plan.slot) return;
    this.traps.release(plan.slot);
    delete plan.slot;
    this.notifySettled();
  }

  private slotSettled(): Promise<void> {
    return new Promise((resolve) => this.settled.push(resolve));
  }

  private notifySettled(): void {
    const waiting = this.settled;
    this.settled = [];
    for (const wake of waiting) wake();
  }

  limitsHit(): LimitHit[] {
    return [...this.limits].map(([limit, skipped]) => ({ limit, skipped }));
  }

  private hit(limit: string, reason: string): string {
    this.limits.set(limit, (this.limits.get(limit) ?? 0) + 1);
    return reason;
  }

  private async allowedByRobots(url: string): Promise<boolean> {
    const origin = originOf(url);
    const rules = await this.robots.forOrigin(origin);
    if (rules.crawlDelayMs > 0 && !this.delayed.has(origin)) {
      this.delayed.add(origin);
      this.fetcher.setOriginDelay(origin, rules.crawlDelayMs);
    }
    return rules.isAllowed(url);
  }
}

function mayBePage(expects: Expects | undefined): boolean {
  return expects === undefined || expects === 'page' || expects === 'other' || expects === 'style';
}

function skipReason(limit: TrapLimit, maxPages: number): string {
  return limit === 'max-pages' ? `not crawled: --max-pages ${maxPages} reached` : `not crawled: ${limit} guard (likely crawler trap)`;
}
