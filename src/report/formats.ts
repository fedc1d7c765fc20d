import type { PrettyOptions } from './pretty.js';

/** Report formats the CLI offers (`--format`). */
export const FORMATS = ['pretty', 'json', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** Options every format accepts; only pretty uses them today. */
export type RenderOptions = PrettyOptions;

/** Whether `name` is one of FORMATS. */
export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}
