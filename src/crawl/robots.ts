// robots.txt per origin, fetched once, applied to crawled pages (check-only links are single
// requests a person's browser would make too). A missing or failing robots.txt allows all.
import { createRequire } from 'node:module';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose typings declare an ES default export that NodeNext
// resolution cannot call; require() gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  crawlDelayMs: number;
}

const allowed = (): boolean => true;
const ALLOW_ALL: RobotsRules = { isAllowed: allowed, crawlDelayMs: 0 };
const AGENT = 'linkhound';
// A Disallow line with a path. Without one, a robots.txt (most often "Allow: /" or an empty
// "Disallow:") allows every URL, and asking robots-parser would parse each page's URL again.
const DISALLOWS = /^\s*disallow\s*:\s*[^\s#]/im;

/** Fetches robots.txt text for an origin; undefined when there is none. */
export type RobotsSource = (robotsUrl: string) => Promise<string | undefined>;

export class RobotsCache {
  private readonly rules = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly source: RobotsSource) {}

  forOrigin(origin: string): Promise<RobotsRules> {
    let pending = this.rules.get(origin);
    if (!pending) {
      pending = this.load(origin);
      this.rules.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const url = `${origin}/robots.txt`;
    const text = await this.source(url);
    if (text === undefined) return ALLOW_ALL;
    const robot = robotsParser(url, text);
    return {
      isAllowed: DISALLOWS.test(text) ? (u) => robot.isAllowed(u, AGENT) !== false : allowed,
      crawlDelayMs: Math.min((robot.getCrawlDelay(AGENT) ?? 0) * 1000, 30_000),
    };
  }
}
