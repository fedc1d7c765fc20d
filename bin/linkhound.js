#!/usr/bin/env node
// Thin entry: V8 tuned for a crawl, signals → abort, run the CLI, set the exit code. A second
// Ctrl-C exits at once.
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli/index.js';

// A crawl's hot code is compiled while the crawl runs, on the core the parser thread needs, and
// most of a short crawl's extra CPU over a bare crawler was that compiling. Half of V8's inlining
// budget (920 bytecodes) took 5 % less CPU at 2,000 pages and 1 % less at 10,000. It is set here,
// not in the library, because the process is the CLI's own: a program that calls crawl() keeps
// its V8 as it was.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');

const controller = new AbortController();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(signal === 'SIGINT' ? 130 : 143);
    interrupted = true;
    controller.abort(signal);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
  isTTY: process.stdout.isTTY === true,
});
