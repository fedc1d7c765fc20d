import type { Report } from '../types.js';
import { orderReport } from './order.js';

/**
 * The JSON report (schemaVersion 1), keys in the contract's order, indented by two spaces,
 * ending in a newline. Crawled text is kept as data: JSON.stringify escapes every control
 * character and lone surrogate, so the output is valid JSON with no raw escape byte.
 */
export function renderJson(report: Report): string {
  return JSON.stringify(orderReport(report), null, 2) + '\n';
}
