// The crawl: orchestrator and its frontier (scope, dedupe, bounds, robots, trap guards).
export { crawl, check, type CrawlControl } from './crawl.js';
