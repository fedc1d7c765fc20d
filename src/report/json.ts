import type { Report } from '../types.js';
import { orderReport } from './order.js';
import { jsonStringify } from './sanitize.js';

/**
 * The JSON report (schemaVersion 1), keys in the contract's order, indented by two spaces,
 * ending in a newline. Crawled text is kept as data, with every control character escaped.
 */
export function renderJson(report: Report): string {
  return jsonStringify(orderReport(report), 2) + '\n';
}
