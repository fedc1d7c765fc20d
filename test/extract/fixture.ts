import { readFileSync } from 'node:fs';

/** A page from fixtures/pages, as bytes. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url));
}

/** A page from fixtures/pages, as UTF-8 text. */
export function fixture(name: string): string {
  return fixtureBytes(name).toString('utf8');
}
