#!/usr/bin/env node
// Thin entry: signals → abort, run the CLI, set the exit code. A second Ctrl-C exits at once.
import { main } from '../dist/cli/index.js';

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
