import type { Report } from '../types.js';
import { renderJson } from './json.js';
import { ndjsonLink, ndjsonSummary } from './ndjson.js';
import type { Format, RenderOptions } from './formats.js';
import { renderPretty } from './pretty.js';

/**
 * The whole report in `format`, ending in a newline. For ndjson this is the complete, replayable
 * line set (one link line per entry, then the summary); the CLI may stream the lines instead.
 */
export function renderReport(format: Format, report: Report, opts: RenderOptions): string {
  switch (format) {
    case 'pretty':
      return renderPretty(report, opts);
    case 'json':
      return renderJson(report);
    case 'ndjson':
      return report.links.map(ndjsonLink).concat(ndjsonSummary(report)).join('\n') + '\n';
  }
}
