// Shared test options: short timeouts, no retries unless a test asks.
import { resolveOptions, type CrawlOptions } from '../../src/config/options.js';

export function testOptions(overrides: Partial<CrawlOptions> = {}): CrawlOptions {
  return resolveOptions({ roots: ['http://127.0.0.1/'], timeoutMs: 800, retries: 0, ...overrides });
}

export const html = (mime: string) => mime === 'text/html';
export const always = () => true;
export const never = () => false;
