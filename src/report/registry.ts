import type { Report } from '../types.js';
import { renderJson } from './json.js';
import { ndjsonLink, ndjsonSummary } from './ndjson.js';
import { renderPretty, type PrettyOptions } from './pretty.js';

/** Report formats the CLI offers (`--format`). */
export const FORMATS = ['pretty', 'json', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** Options every format accepts; only pretty uses them today. */
export type RenderOptions = PrettyOptions;

/** Whether `name` is one of FORMATS. */
export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

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
