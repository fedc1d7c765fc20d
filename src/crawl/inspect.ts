// What the crawl learns from a 2xx body: the page's facts, its links (when it is crawled),
// and the JSON text the soft-404 detector reads. One parser pass per body.
import type { FetchedResponse, PageFacts, PageLinks } from '../types.js';
import { isHtmlMime, parseCss, toPageLinks, type HtmlParser } from '../extract/index.js';

const JSON_TEXT_CAP = 64 * 1024;

export interface Inspection {
  facts?: PageFacts;
  links?: PageLinks;
  jsonText?: string;
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
    const parsed = await parser.parse(body, response.charset, response.url, followLinks);
    return followLinks ? { facts: parsed.facts, links: parsed.links } : { facts: parsed.facts };
  }
  if (response.mime === 'text/css' && followLinks) {
    return { links: toPageLinks(response.url, parseCss(body.toString('utf8'), response.url, response.url, 'css')) };
  }
  if (isJsonMime(response.mime)) return { jsonText: body.toString('utf8', 0, JSON_TEXT_CAP) };
  return {};
}
