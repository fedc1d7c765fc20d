import type { ChalkInstance } from 'chalk';
import type { LinkEntry, LinkSource } from '../types.js';
import { safeText, stripControl } from './sanitize.js';
import { parseUrl } from '../url.js';

/** Sources listed per entry in the terminal report; the rest are counted. */
export const SOURCES_SHOWN = 20;
const TEXT_SHOWN = 80;

/** How an entry is presented: its marker, label and status column, and the colour of both. */
export interface EntryLook {
  marker: string;
  label: string;
  status: string;
  paint: (text: string) => string;
}

/**
 * The lines of one entry: the URL with its label and status, then reason, strongest soft-404
 * evidence, notes and suggestion, then where it is linked from. All crawled text is stripped
 * of control characters and escape sequences.
 */
export function entryLines(entry: LinkEntry, look: EntryLook, c: ChalkInstance, pageName: (page: string) => string): string[] {
  const lines = [`${look.paint(look.marker)} ${c.bold(stripControl(entry.url))}  ${look.paint(`[${look.label}${look.status ? ` ${look.status}` : ''}]`)}`];
  if (entry.reason) lines.push(`  ${stripControl(entry.reason)}`);
  const evidence = entry.soft404?.evidence[0];
  if (evidence !== undefined) lines.push(`  ${c.dim('evidence:')} ${stripControl(evidence)}`);
  for (const note of entry.notes ?? []) lines.push(`  ${c.dim('note:')} ${stripControl(note)}`);
  if (entry.suggestion) lines.push(`  ${c.cyan('fix:')} ${stripControl(entry.suggestion)}`);
  const shown = entry.sources.slice(0, SOURCES_SHOWN);
  for (const source of shown) lines.push(sourceLine(source, c, pageName));
  const more = Math.max(entry.sourceCount, entry.sources.length) - shown.length;
  if (more > 0) lines.push(c.dim(`  … and ${more} more`));
  return lines;
}

function sourceLine(source: LinkSource, c: ChalkInstance, pageName: (page: string) => string): string {
  const where = `${stripControl(pageName(source.page))}:${source.line}`;
  const tag = `<${stripControl(source.element)} ${stripControl(source.attribute)}>`;
  const text = source.text ? ` "${safeText(source.text, TEXT_SHOWN)}"` : '';
  return c.dim(`  ↳ ${where}  ${tag}${text}`);
}

/**
 * Names a referring page: path and query when it is on a root's origin, else the full URL.
 * Pages repeat across entries, so names are cached for one report.
 */
export function pageNamer(roots: readonly string[]): (page: string) => string {
  const origins = new Set<string>();
  for (const root of roots) {
    const url = parseUrl(root);
    if (url !== undefined) origins.add(url.origin);
  }
  const cache = new Map<string, string>();
  return (page) => {
    let name = cache.get(page);
    if (name === undefined) {
      const url = parseUrl(page);
      name = url !== undefined && origins.has(url.origin) ? url.pathname + url.search : page;
      cache.set(page, name);
    }
    return name;
  };
}
