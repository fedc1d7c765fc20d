// Scope (design.md "Words"): each root's origin under the directory of its path, taken after
// the root's own redirects.
import { parseUrl } from '../url.js';
import { normalizeUrl } from './normalize.js';

export class Scope {
  // Per root: its scope's prefix, and that prefix's origin, kept with it since sameOrigin is
  // asked of every page the crawl judges.
  private readonly roots = new Map<string, { prefix: string; origin: string }>();

  constructor(roots: readonly string[]) {
    for (const root of roots) this.set(root, root);
  }

  /**
   * Sets the scope contributed by `root` from the URL it finally answered at. Roots are keyed
   * as the crawl keys them, so the redirect's scope replaces the one of the root as typed.
   */
  set(root: string, finalUrl: string): void {
    const url = new URL(finalUrl);
    url.search = '';
    url.hash = '';
    this.roots.set(normalizeUrl(root) ?? root, { prefix: new URL('.', url).href, origin: url.origin });
  }

  contains(url: string): boolean {
    for (const { prefix } of this.roots.values()) if (url.startsWith(prefix)) return true;
    return false;
  }

  /** True when `url` shares an origin with a root's scope. */
  sameOrigin(url: string): boolean {
    const origin = originOf(url);
    for (const root of this.roots.values()) if (root.origin === origin) return true;
    return false;
  }
}

export function originOf(url: string): string {
  return parseUrl(url)?.origin ?? '';
}
