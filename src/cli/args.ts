// Command-line flags → CrawlOptions, with one-line problems for bad input (exit 2).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CATEGORIES, type Category } from '../types.js';
import { DEFAULTS, VERSION, resolveOptions, type CrawlOptions } from '../config/options.js';
import { FORMATS, isFormat, type Format } from '../report/formats.js';
import { invalidMatchers } from '../classify/index.js';

export interface CliSettings {
  options: CrawlOptions;
  format: Format;
  output?: string;
  verbose: boolean;
  quiet: boolean;
  stats: boolean;
  color: boolean | undefined;
}

const int = (name: string, min: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

export function buildCommand(): Command {
  return new Command('linkhound')
    .description('Find broken links: crawl a site, check every link once, classify, report.')
    .version(VERSION)
    .argument('<url...>', 'root URLs to crawl (http or https)')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--concurrency <n>', 'requests in flight in total', int('--concurrency', 1), DEFAULTS.concurrency)
    .option('--per-host <n>', 'connections to one host at most', int('--per-host', 1), DEFAULTS.perHostConnections)
    .option('--max-pages <n>', 'pages to parse at most', int('--max-pages', 0), DEFAULTS.maxPages)
    .option('--max-depth <n>', 'link depth to parse (roots are 0; default: no limit)', int('--max-depth', 0))
    .option('--max-pages-per-pattern <n>', 'trap guard: pages per URL shape', int('--max-pages-per-pattern', 1), DEFAULTS.maxPagesPerPattern)
    .option('--max-pages-per-host <n>', 'trap guard: pages per host (default: --max-pages)', int('--max-pages-per-host', 1))
    .option('--parse-threads <n>', 'threads parsing HTML beside the crawl (0: none)', int('--parse-threads', 0), DEFAULTS.parseThreads)
    .option('--max-duration <s>', 'stop and report after s seconds ("complete": false)', int('--max-duration', 1))
    .option('--include <regex>', 'only crawl URLs matching (repeatable)', collect)
    .option('--exclude <regex>', 'skip URLs matching (repeatable)', collect)
    .option('--no-external', 'do not check links to other origins')
    .option('--accept <codes>', 'statuses counted as ok, e.g. 403,429 or 2xx', list, [])
    .option('--timeout <ms>', 'total deadline per request, body included', int('--timeout', 1), DEFAULTS.timeoutMs)
    .option('--retries <n>', 'retries for transient failures (Retry-After honoured up to 60 s)', int('--retries', 0), DEFAULTS.retries)
    .option('--method <method>', 'get, or head for check-only links (non-2xx/3xx confirmed with GET)', 'get')
    .option('--insecure', 'accept invalid TLS certificates', false)
    .option('--header <header>', "extra request header 'Name: value', sent only to the roots' origins (repeatable)", collect)
    .option('--user-agent <string>', 'User-Agent header', DEFAULTS.userAgent)
    .option('--ignore-robots', 'crawl pages robots.txt disallows', false)
    .option('--no-soft404', 'do not look for soft 404s')
    .option('--no-soft404-probes', 'do not request random URLs to learn how a site answers missing pages')
    .option('--soft404-threshold <x>', 'confidence from which a 200 is a soft 404 (0..1)', String(DEFAULTS.soft404Threshold))
    .option('--soft404-phrases <file>', 'extra "page not found" phrases, one per line')
    .option('--fail-on <categories>', 'categories that make the exit code 1', list, [...DEFAULTS.failOn])
    .option('--stats', 'print crawl statistics on stderr', false)
    .option('--color', 'force colour').option('--no-color', 'no colour')
    .option('--verbose', 'log every request, retry and verdict on stderr', false)
    .option('--quiet', 'print nothing on stderr', false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
}

/** Parsed settings, or a one-line problem. `--help`/`--version` come back as CommanderError. */
export function parseArgs(argv: string[]): CliSettings | { problem: string } | CommanderError {
  const command = buildCommand();
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return error;
    return { problem: error instanceof Error ? error.message.replace(/^error: /, '') : String(error) };
  }
  return toSettings(command.processedArgs[0] as string[], command.opts());
}

function toSettings(urls: string[], o: Record<string, unknown>): CliSettings | { problem: string } {
  for (const url of urls) if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return { problem: `not an http(s) URL: ${url}` };
  const regexes = (name: string): RegExp[] | string => {
    const out: RegExp[] = [];
    for (const source of (o[name] as string[] | undefined) ?? []) {
      try { out.push(new RegExp(source)); } catch { return `invalid --${name} regular expression: ${source}`; }
    }
    return out;
  };
  const include = regexes('include');
  const exclude = regexes('exclude');
  if (typeof include === 'string') return { problem: include };
  if (typeof exclude === 'string') return { problem: exclude };
  const accept = o['accept'] as string[];
  const badAccept = invalidMatchers(accept);
  if (badAccept.length > 0) return { problem: `invalid --accept status: ${badAccept.join(', ')} (use codes like 403 or classes like 2xx)` };
  const failOn = o['failOn'] as string[];
  const badCategory = failOn.filter((c) => !CATEGORIES.includes(c as Category));
  if (badCategory.length > 0) return { problem: `unknown --fail-on category: ${badCategory.join(', ')} (one of ${CATEGORIES.join(', ')})` };
  const headers: Record<string, string> = {};
  for (const h of (o['header'] as string[] | undefined) ?? []) {
    const at = h.indexOf(':');
    if (at < 1) return { problem: `invalid --header "${h}" (use "Name: value")` };
    headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
  }
  const method = String(o['method']).toLowerCase();
  if (method !== 'get' && method !== 'head') return { problem: `--method must be get or head, not ${method}` };
  const threshold = Number(o['soft404Threshold']);
  if (!(threshold > 0 && threshold <= 1)) return { problem: '--soft404-threshold must be a number in (0, 1]' };
  const format = String(o['format']);
  if (!isFormat(format)) return { problem: `unknown --format ${format}` };
  const options = resolveOptions({
    roots: urls, concurrency: o['concurrency'] as number, perHostConnections: o['perHost'] as number,
    maxPages: o['maxPages'] as number, maxDepth: (o['maxDepth'] as number | undefined) ?? DEFAULTS.maxDepth,
    maxPagesPerPattern: o['maxPagesPerPattern'] as number, maxPagesPerHost: o['maxPagesPerHost'] as number | undefined,
    parseThreads: o['parseThreads'] as number,
    maxDurationMs: ((o['maxDuration'] as number | undefined) ?? 0) * 1000, include, exclude,
    external: o['external'] as boolean, accept, timeoutMs: o['timeout'] as number, retries: o['retries'] as number,
    insecure: o['insecure'] as boolean, headers, userAgent: o['userAgent'] as string, method,
    robots: !(o['ignoreRobots'] as boolean), soft404: o['soft404'] as boolean, soft404Probes: o['soft404Probes'] as boolean,
    soft404Threshold: threshold, soft404PhrasesFile: o['soft404Phrases'] as string | undefined, failOn: failOn as Category[],
  });
  return {
    options, format, verbose: o['verbose'] as boolean, quiet: o['quiet'] as boolean, stats: o['stats'] as boolean,
    color: o['color'] as boolean | undefined,
    ...(o['output'] ? { output: o['output'] as string } : {}),
  };
}
