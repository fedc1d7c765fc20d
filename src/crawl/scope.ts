// Scope (design.md "Words"): each root's origin under the directory of its path, taken after
// the root's own redirects.
import { normalizeUrl } from './normalize.js';

export class Scope {
  private readonly prefixes = new Map<string, string>();
  // The prefixes' origins, kept with them: sameOrigin is asked of every page the crawl judges.
  private readonly origins = new Map<string, string>();

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
    const key = normalizeUrl(root) ?? root;
    this.prefixes.set(key, new URL('.', url).href);
    this.origins.set(key, url.origin);
  }

  contains(url: string): boolean {
    for (const prefix of this.prefixes.values()) if (url.startsWith(prefix)) return true;
    return false;
  }

  /** True when `url` shares an origin with a root's scope. */
  sameOrigin(url: string): boolean {
    const origin = originOf(url);
    for (const rootOrigin of this.origins.values()) if (rootOrigin === origin) return true;
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
