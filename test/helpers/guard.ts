// Fails the running test when a promise rejection or an 'error' event escapes: the crawl
// must turn every fault into a verdict, never leave one to crash the process.
import { afterEach, expect } from 'vitest';

const escaped: unknown[] = [];
process.on('unhandledRejection', (reason) => escaped.push(reason));
process.on('uncaughtException', (error) => escaped.push(error));

afterEach(() => {
  const found = escaped.splice(0);
  expect(found.map((e) => (e instanceof Error ? e.stack : String(e)))).toEqual([]);
});
