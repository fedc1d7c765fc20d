// One streaming htmlparser2 pass (no DOM) gives a page's links and its PageFacts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Htmlparser2 from 'htmlparser2';
import type { CrawledPage, ExtractedLink, PageFacts, ParsedPage } from '../types.js';
import { Context, isInline, tagKind } from './context.js';
import { FactsCollector } from './facts.js';
import { offsetsToLines } from './lines.js';
import { LinkCollector, type RawLink } from './links.js';
import { PageLinksBuilder } from './page-links.js';
import { baseResolver, resolveUrl, withoutFragment } from './resolve.js';
import { detached } from './text.js';

// htmlparser2's index also loads its DOM handler, DOM utilities and serializer: 25 ms of CPU at
// the start of every parser thread, for nothing we use. Its exports map offers only the index, so
// the Parser module is loaded from beside it.
const load = createRequire(import.meta.url);
const { Parser } = load(join(dirname(load.resolve('htmlparser2')), 'Parser.js')) as typeof Htmlparser2;

/** Takes each kept link with its resolved URL (fragment kept; undefined when invalid) and line. */
type LinkSink = (link: RawLink, url: string | undefined, line: number) => void;

/**
 * Parses an HTML page: every URL a browser would load or follow (resolved against the first
 * `<base href>`, fragment kept; url undefined when invalid), and the page's facts.
 * Same-page references (`href=""`, `href="#x"`) and links in comments or `<template>` are left
 * out. `opts.links: false` gathers only the facts. Never throws.
 */
export function parseHtml(html: string, pageUrl: string, opts: { links?: boolean } = {}): ParsedPage {
  const links: ExtractedLink[] = [];
  const { page, facts } = collect(html, pageUrl, opts.links !== false);
  page.links((link, url, line) => links.push(toExtracted(link, url, page.url, line)));
  return { links, facts };
}

/** parseHtml for the crawl: the same links, in columns (texts are not copied out of the page). */
export function parsePage(html: string, pageUrl: string, opts: { links?: boolean } = {}): CrawledPage {
  const { page, facts } = collect(html, pageUrl, opts.links !== false);
  const builder = new PageLinksBuilder(page.url);
  page.links((link, url, line) => builder.add(url, link.raw, line, link.element, link.attribute, link.text));
  return { links: builder.build(), facts };
}

/** One parser pass: the facts, and the page's URL with a walk over its kept links. */
function collect(html: string, pageUrl: string, wantLinks: boolean): { page: { url: string; links(sink: LinkSink): void }; facts: PageFacts } {
  const context = new Context();
  const facts = new FactsCollector(context);
  const collector = new LinkCollector(context);
  // htmlparser2 reports an open tag's name, then its attributes, then the whole tag.
  let opening = 0;
  const parser: Htmlparser2.Parser = new Parser({
    onopentagname(name) {
      opening = tagKind(name);
      context.enter(name, opening);
    },
    onopentag(name, attribs) {
      if (!isInline(opening)) {
        facts.separate();
        collector.separate();
      }
      facts.open(name, attribs);
      if (wantLinks) collector.open(name, attribs, parser.startIndex, parser.endIndex);
    },
    onclosetag(name) {
      const kind = tagKind(name);
      if (!isInline(kind)) {
        facts.separate();
        collector.separate();
      }
      facts.close(name);
      if (wantLinks) collector.close(name);
      context.leave(name, kind);
    },
    ontext(data) {
      facts.text(data);
      if (wantLinks) collector.text(data, context.visible);
    },
  });
  parser.end(html);
  const page = resolveUrl(pageUrl, undefined);
  const links = (sink: LinkSink): void => {
    if (wantLinks) resolveLinks(html, page, collector, sink);
  };
  return { page: { url: page ?? pageUrl, links }, facts: facts.result() };
}

function resolveLinks(html: string, page: string | undefined, collector: LinkCollector, sink: LinkSink): void {
  const base = documentBase(collector.base, page);
  const samePage = base === undefined || page === undefined || withoutFragment(base) === withoutFragment(page);
  const kept = collector.links.filter((link) => !(samePage && isSameDocument(link.raw)));
  const lines = offsetsToLines(html, kept.map((link) => link.offset));
  const resolve = baseResolver(base);
  for (let i = 0; i < kept.length; i++) sink(kept[i]!, resolve(kept[i]!.raw), lines[i]!);
}

// A <base> that does not parse, or points at data:/javascript:, is ignored as browsers do.
function documentBase(href: string | undefined, page: string | undefined): string | undefined {
  if (href === undefined) return page;
  const base = resolveUrl(href.trim(), page);
  if (base === undefined || base.startsWith('data:') || base.startsWith('javascript:')) return page;
  return base;
}

function isSameDocument(raw: string): boolean {
  return raw === '' || raw.startsWith('#');
}

function toExtracted(link: RawLink, url: string | undefined, page: string, line: number): ExtractedLink {
  const source = { page, line, element: link.element, attribute: link.attribute, ...(link.text ? { text: detached(link.text) } : {}) };
  return url === undefined ? { raw: link.raw, source } : { raw: link.raw, url, source };
}
