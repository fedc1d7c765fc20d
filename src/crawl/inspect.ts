// What the crawl learns from a 2xx body: the page's facts, its links (when it is crawled),
// and the JSON text the soft-404 detector reads. One parser pass per body.
import type { FetchedResponse, PageFacts, PageLinks } from '../types.js';
import { isHtmlMime, parseStylesheet, type HtmlParser } from '../extract/index.js';

const JSON_TEXT_CAP = 64 * 1024;

export interface Inspection {
  facts?: PageFacts;
  links?: PageLinks;
  jsonText?: string;
  /** Why the body could not be read (its page's links and facts are unknown). */
  problem?: string;
}

export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

/** Whether a body is worth reading: HTML always, CSS when its links are followed, JSON for soft 404s. */
export function wantsBody(mime: string, status: number, crawled: boolean): boolean {
  if (status < 200 || status >= 300) return false;
  return isHtmlMime(mime) || (crawled && mime === 'text/css') || isJsonMime(mime);
}

/** Parses a response; `followLinks` when the URL is a page of the crawl. */
export async function inspect(parser: HtmlParser, response: FetchedResponse, followLinks: boolean): Promise<Inspection> {
  const body = response.body;
  if (!body) return {};
  if (isHtmlMime(response.mime)) {
    const parsed = (await parser.parse(body, response.charset, response.url, followLinks)).take();
    if ('lost' in parsed) return { problem: `page not parsed: ${parsed.lost}` };
    if (!followLinks) return { facts: parsed.facts };
    // A parser thread sends back its own copy of the page URL; the response's string is the one
    // the crawl already keeps (the frontier's parsed pages), so the results hold no second copy.
    parsed.links.page = response.url;
    return { facts: parsed.facts, links: parsed.links };
  }
  if (response.mime === 'text/css' && followLinks) {
    return { links: parseStylesheet(body.toString('utf8'), response.url) };
  }
  if (isJsonMime(response.mime)) return { jsonText: body.toString('utf8', 0, JSON_TEXT_CAP) };
  return {};
}
