// The command line as a function: (argv, io) → exit code. It parses flags, runs the crawl and
// hands the report to a reporter; all behaviour lives in the library.
import { constants, createWriteStream } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { crawl } from '../crawl/index.js';
import { exitCode } from '../results/index.js';
// The report's modules one by one, not its index: the index loads the pretty renderer and chalk,
// 18 ms of CPU that a crawl reporting JSON or streaming NDJSON never uses.
import { renderJsonChunks } from '../report/json.js';
import { ndjsonLink, ndjsonSource, ndjsonSummary } from '../report/ndjson.js';
import { stripControl } from '../report/sanitize.js';
import type { CrawlEvent, Report } from '../types.js';
import { buildCommand, parseArgs, type CliSettings } from './args.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted by the caller on SIGINT/SIGTERM; its reason names the signal. */
  signal?: AbortSignal;
  /** Whether stdout is a colour terminal. */
  isTTY?: boolean;
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if ('code' in parsed) {
    io.stdout(parsed.code === 'commander.version' ? `${parsed.message}\n` : buildCommand().helpInformation());
    return 0;
  }
  if ('problem' in parsed) {
    io.stderr(`linkhound: ${parsed.problem}\nTry 'linkhound --help'.\n`);
    return 2;
  }
  const unwritable = parsed.output ? await outputProblem(parsed.output) : undefined;
  if (unwritable) {
    io.stderr(`linkhound: ${unwritable}\n`);
    return 2;
  }
  let report: Report;
  try {
    report = await run(parsed, io);
  } catch (error) {
    io.stderr(`linkhound: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (report.stoppedBy && SIGNAL_EXIT[report.stoppedBy]) return SIGNAL_EXIT[report.stoppedBy] as number;
  return exitCode(report, parsed.options.failOn);
}

/** Checked before the crawl, so a typo in the path does not throw away a long crawl's report. */
async function outputProblem(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return `cannot write --output ${path}: it is a directory`;
  const target = info ? path : dirname(path);
  try {
    await access(target, constants.W_OK);
    return undefined;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return `cannot write --output ${path}: ${missing ? `directory ${target} does not exist` : 'permission denied'}`;
  }
}

async function run(settings: CliSettings, io: CliIo): Promise<Report> {
  const streaming = settings.format === 'ndjson' && !settings.output;
  const log = (line: string): void => {
    if (settings.verbose) io.stderr(`${stripControl(line)}\n`);
  };
  let report: Report | undefined;
  const events = { requests: settings.verbose, sources: streaming };
  for await (const event of crawl(settings.options, io.signal ? { signal: io.signal, events } : { events })) {
    if (streaming) streamEvent(event, io);
    logEvent(event, log);
    if (event.type === 'done') report = event.report;
  }
  if (!report) throw new Error('the crawl ended without a report');
  if (settings.format === 'json') await writeJson(report, settings.output, io);
  else if (!streaming) {
    const color = settings.color ?? (io.isTTY === true && !settings.output);
    const { renderReport } = await import('../report/registry.js');
    const text = renderReport(settings.format, report, { color, verbose: settings.verbose, failOn: settings.options.failOn });
    if (settings.output) await writeFile(settings.output, text);
    else io.stdout(text);
  }
  if (settings.stats && !settings.quiet) io.stderr(`${statsLine(report)}\n`);
  if (!report.complete && !settings.quiet) io.stderr(`linkhound: crawl stopped early (${report.stoppedBy}); the report is partial\n`);
  return report;
}

// About 64 KB per write: one write per piece of the report would cost a system call per piece.
const WRITE_BATCH = 64 * 1024;

/** The JSON report written piece by piece, so a big crawl's report never exists as one string. */
async function writeJson(report: Report, output: string | undefined, io: CliIo): Promise<void> {
  const batches = batched(renderJsonChunks(report), WRITE_BATCH);
  // pipeline waits for 'drain' whenever the file stream is full, and rejects (closing the file)
  // on any write error, which main turns into its one-line error and exit code 2.
  if (output) await pipeline(batches, createWriteStream(output));
  else for (const batch of batches) io.stdout(batch);
}

function* batched(chunks: Iterable<string>, size: number): Generator<string, void, undefined> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

function streamEvent(event: CrawlEvent, io: CliIo): void {
  if (event.type === 'link') io.stdout(`${ndjsonLink(event.entry)}\n`);
  else if (event.type === 'source') io.stdout(`${ndjsonSource(event.url, event.source)}\n`);
  else if (event.type === 'done') io.stdout(`${ndjsonSummary(event.report)}\n`);
}

function logEvent(event: CrawlEvent, log: (line: string) => void): void {
  if (event.type === 'request') log(`${event.kind === 'link' ? 'request' : event.kind} ${event.method} ${event.url}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`);
  else if (event.type === 'retry') log(`retry ${event.url} in ${event.delayMs} ms: ${event.reason}`);
  else if (event.type === 'link') log(`${event.entry.category} ${event.entry.url}${event.entry.reason ? `: ${event.entry.reason}` : ''}`);
}

/** One line of figures: pages, URLs, requests, bytes, time, requests per second. */
export function statsLine(report: Report): string {
  const s = report.stats;
  const seconds = report.durationMs / 1000;
  const requests = s?.requests ?? 0;
  return [
    `pages ${report.summary.pages}`, `urls ${report.summary.urls}`,
    `requests ${requests} (retries ${s?.retries ?? 0}, second chances ${s?.secondChances ?? 0}, robots ${s?.robots ?? 0}, probes ${s?.probes ?? 0}, confirmations ${s?.confirmations ?? 0})`,
    `connections ${s?.connections ?? 0}`, `bytes ${s?.bytes ?? 0}`, `time ${seconds.toFixed(2)} s`,
    `${seconds > 0 ? Math.round(requests / seconds) : requests} req/s`,
  ].join(', ');
}
