// Scope (design.md "Words"): each root's origin under the directory of its path, taken after
// the root's own redirects.
import { normalizeUrl } from './normalize.js';

export class Scope {
  private readonly prefixes = new Map<string, string>();

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
    this.prefixes.set(normalizeUrl(root) ?? root, new URL('.', url).href);
  }

  contains(url: string): boolean {
    for (const prefix of this.prefixes.values()) if (url.startsWith(prefix)) return true;
    return false;
  }

  /** True when `url` shares an origin with a root's scope. */
  sameOrigin(url: string): boolean {
    const origin = originOf(url);
    for (const prefix of this.prefixes.values()) if (originOf(prefix) === origin) return true;
    return false;
  }
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
