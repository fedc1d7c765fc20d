// The report stage: pure functions from a Report to text. Imports only ../types.js,
// ../config/options.js, ../url.js and (in pretty) chalk.
export { FORMATS, isFormat, type Format, type RenderOptions } from './formats.js';
export { renderReport } from './registry.js';
export { renderJson, renderJsonChunks } from './json.js';
export { ndjsonLink, ndjsonSource, ndjsonSummary, replayNdjson } from './ndjson.js';
export { renderPretty, type PrettyOptions } from './pretty.js';
export { stripControl, safeText, csvCell, htmlEscape, xmlEscape, jsonStringify } from './sanitize.js';
