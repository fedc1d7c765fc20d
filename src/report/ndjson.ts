import { BROKEN_CATEGORIES, CATEGORIES, type LinkEntry, type LinkSource, type Report, type Summary } from '../types.js';
import { OK_SOURCE_CAP, VERSION } from '../config/options.js';
import { orderEntry, orderHead } from './order.js';
import { jsonStringify } from './sanitize.js';

/** `{"type":"link", …entry}`: a URL's verdict with the sources known when it was decided. */
export function ndjsonLink(entry: LinkEntry): string {
  return jsonStringify({ type: 'link', ...orderEntry(entry) });
}

/** `{"type":"source","url":…,"source":{…}}`: an occurrence found after the verdict. */
export function ndjsonSource(url: string, source: LinkSource): string {
  return jsonStringify({ type: 'source', url, source });
}

/** `{"type":"summary", …}`: every top-level field of the JSON report but `links`. */
export function ndjsonSummary(report: Report): string {
  return jsonStringify({ type: 'summary', ...orderHead(report) });
}

/**
 * Rebuilds the JSON report from NDJSON lines. Blank or unparsable lines are skipped; late
 * sources of `ok` entries are counted but kept only up to `okSourceCap`, as the store does.
 * Without a summary line (a cut stream) the report is marked incomplete and counted here.
 */
export function replayNdjson(lines: string[], opts: { okSourceCap?: number } = {}): Report {
  const cap = opts.okSourceCap ?? OK_SOURCE_CAP;
  const entries = new Map<string, LinkEntry>();
  let head: Omit<Report, 'links'> | undefined;
  for (const line of lines) {
    const record = parseLine(line);
    if (record === undefined) continue;
    const { type, ...rest } = record;
    if (type === 'link') {
      const entry = rest as unknown as LinkEntry;
      entries.set(entry.url, entry);
    } else if (type === 'source') {
      addLateSource(entries.get(rest.url as string), rest.source as LinkSource, cap);
    } else if (type === 'summary') {
      head = rest as unknown as Omit<Report, 'links'>;
    }
  }
  const links = [...entries.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { ...(head ?? cutHead(links)), links };
}

function parseLine(line: string): Record<string, unknown> | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function addLateSource(entry: LinkEntry | undefined, source: LinkSource, cap: number): void {
  if (entry === undefined) return;
  entry.sourceCount++;
  if (entry.category !== 'ok' || entry.sources.length < cap) entry.sources.push(source);
}

function cutHead(links: LinkEntry[]): Omit<Report, 'links'> {
  const summary = { pages: 0, urls: links.length } as Summary;
  for (const category of CATEGORIES) summary[category] = 0;
  for (const entry of links) summary[entry.category]++;
  summary.broken = BROKEN_CATEGORIES.reduce((sum, category) => sum + summary[category], 0);
  return {
    schemaVersion: 1,
    tool: { name: 'linkhound', version: VERSION },
    startedAt: '',
    durationMs: 0,
    complete: false,
    stoppedBy: 'stream ended without a summary',
    roots: [],
    summary,
    limitsHit: [],
  };
}
