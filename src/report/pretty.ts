import { Chalk, type ChalkInstance } from 'chalk';
import { CATEGORIES, type Category, type LinkEntry, type Report } from '../types.js';
import { entryLines, pageNamer, type EntryLook } from './pretty-entry.js';
import { stripControl } from './sanitize.js';

export interface PrettyOptions {
  /** ANSI colours (basic 16) on or off. */
  color: boolean;
  /** Also list skipped URLs and count the ok ones. */
  verbose?: boolean;
  /** Categories that fail the run (--fail-on): those that are not broken get a section of their own. */
  failOn?: readonly Category[];
}

type Group = 'not-found' | 'gone' | 'soft-404' | 'error' | 'blocked' | 'suspected' | 'moved' | 'redirect' | 'skipped';
const BROKEN_GROUPS: readonly Group[] = ['not-found', 'gone', 'soft-404', 'error'];
const WARNING_GROUPS: readonly Group[] = ['blocked', 'suspected', 'moved'];

/**
 * The terminal report: a header, the broken links, the warnings (blocked, suspected soft-404,
 * permanent redirects on internal links), with --verbose the skipped URLs and the ok count,
 * and a closing summary line. Every entry lists where it is linked from.
 */
export function renderPretty(report: Report, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // A category named in --fail-on that is not broken (redirect, blocked, skipped) is listed in
  // full under its own heading: the run failed because of these entries.
  const failing = (opts.failOn ?? []).filter((cat): cat is 'redirect' | 'blocked' | 'skipped' =>
    cat === 'redirect' || cat === 'blocked' || cat === 'skipped');
  const groups = groupEntries(report.links, failing.includes('redirect'));
  const pageName = pageNamer(report.roots);
  const section = (title: string, names: readonly Group[], paint: (t: string) => string, marker: string): string[] => {
    const entries = names.flatMap((name) => groups.get(name) ?? []);
    if (entries.length === 0) return [];
    const lines = ['', paint(c.bold(`${title} (${entries.length})`))];
    for (const name of names) {
      for (const entry of groups.get(name) ?? []) lines.push('', ...entryLines(entry, look(entry, name, marker, paint), c, pageName));
    }
    return lines;
  };
  const out = [header(report, c)];
  const broken = section('Broken', BROKEN_GROUPS, c.red, '✗');
  out.push(...(broken.length > 0 ? broken : ['', c.green('No broken links.')]));
  out.push(...section('Failing the run (--fail-on)', failing, c.red, '✗'));
  out.push(...section('Warnings', WARNING_GROUPS.filter((g) => !(failing as readonly Group[]).includes(g)), c.yellow, '!'));
  if (opts.verbose && !failing.includes('skipped')) {
    out.push(...section('Skipped', ['skipped'], c.gray, '-'));
    out.push('', c.green(`OK: ${report.summary.ok} URLs`));
  }
  out.push('', summaryLine(report, c));
  return out.join('\n') + '\n';
}

function groupEntries(links: LinkEntry[], allRedirects: boolean): Map<Group, LinkEntry[]> {
  const groups = new Map<Group, LinkEntry[]>();
  for (const entry of links) {
    const name = allRedirects && entry.category === 'redirect' ? 'redirect' : groupOf(entry);
    if (name === undefined) continue;
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [entry]);
    else list.push(entry);
  }
  return groups;
}

function groupOf(entry: LinkEntry): Group | undefined {
  switch (entry.category) {
    case 'ok':
      return entry.soft404 !== undefined ? 'suspected' : undefined;
    case 'redirect':
      return entry.internal && isPermanent(entry.redirects[0]?.status) ? 'moved' : undefined;
    default:
      return entry.category;
  }
}

function isPermanent(status: number | undefined): boolean {
  return status === 301 || status === 308;
}

function look(entry: LinkEntry, group: Group, marker: string, paint: (t: string) => string): EntryLook {
  const status = entry.status === null ? 'no response' : String(entry.status);
  const confidence = entry.soft404 ? ` ${Math.round(entry.soft404.confidence * 100)}%` : '';
  if (group === 'suspected') return { marker, label: `suspected soft-404${confidence}`, status, paint };
  if (group === 'moved' || group === 'redirect') {
    const first = entry.redirects[0]?.status;
    return { marker, label: `${isPermanent(first) ? 'permanent' : 'temporary'} redirect`, status: String(first ?? ''), paint };
  }
  if (group === 'soft-404') return { marker, label: `soft-404${confidence}`, status, paint };
  return { marker, label: entry.category, status: group === 'skipped' ? '' : status, paint };
}

function header(report: Report, c: ChalkInstance): string {
  const roots = report.roots.map(stripControl).join(', ');
  const state = report.complete
    ? c.green('complete')
    : c.red.bold(`INCOMPLETE${report.stoppedBy ? ` (stopped by ${stripControl(report.stoppedBy)})` : ''}`);
  const { pages, urls } = report.summary;
  return `${c.bold('linkhound')} ${roots} · ${plural(pages, 'page')} · ${plural(urls, 'URL')} · ${duration(report.durationMs)} · ${state}`;
}

function summaryLine(report: Report, c: ChalkInstance): string {
  const s = report.summary;
  const parts = [plural(s.urls, 'URL')];
  for (const category of CATEGORIES) if (s[category] > 0 || category === 'ok') parts.push(`${s[category]} ${category}`);
  for (const hit of report.limitsHit) parts.push(`limit ${stripControl(hit.limit)} hit (${hit.skipped} skipped)`);
  parts.push(s.broken > 0 ? c.red.bold(`${s.broken} broken`) : c.green('0 broken'));
  return parts.join(' · ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} m ${s % 60} s`;
}
