// linkhound's public API: re-exports only.
export { crawl, check, type CrawlControl } from './crawl/index.js';
export { resolveOptions, DEFAULTS, VERSION, type CrawlOptions } from './config/options.js';
export { renderReport, renderJson, renderPretty, FORMATS, type Format } from './report/index.js';
export { exitCode, summarize } from './results/index.js';
export * from './types.js';
