// The records that flow through the pipeline. This module imports nothing, so every stage
// can depend on it without depending on another stage.

/** The eight verdicts a URL can get (see README: Categories). */
export type Category = 'ok' | 'redirect' | 'not-found' | 'gone' | 'soft-404' | 'blocked' | 'error' | 'skipped';

export const CATEGORIES: readonly Category[] = ['ok', 'redirect', 'not-found', 'gone', 'soft-404', 'blocked', 'error', 'skipped'];

/** Categories counted as broken, whatever `--fail-on` says. */
export const BROKEN_CATEGORIES: readonly Category[] = ['not-found', 'gone', 'soft-404', 'error'];

/** One place a URL is linked from. */
export interface LinkSource {
  /** Final URL of the referring page. */
  page: string;
  /** 1-based line of the element's start tag (or of the CSS token). */
  line: number;
  /** Element name (`a`, `img`, …; `style` for CSS in a style element, `css` for a stylesheet). */
  element: string;
  /** Attribute (`href`, `srcset`, …; `url` / `import` for CSS; `content` for meta refresh). */
  attribute: string;
  /** Link text or alt text, whitespace collapsed, at most 120 characters. */
  text?: string;
}

/** A link found on a page: the raw value and its absolute URL (fragment kept) or why it has none. */
export interface ExtractedLink {
  raw: string;
  /** Resolved against the page's base URL; undefined when the value is not a valid URL. */
  url?: string;
  source: LinkSource;
}

/**
 * The links of one page (or stylesheet) in columns: the crawl's form of `ExtractedLink[]`. A page
 * costs a few arrays instead of two objects per link, travels from a parser thread as a few
 * buffers, and its occurrences are stored as numbers until a report needs them.
 */
export interface PageLinks {
  /** Final URL of the page the links are on. */
  page: string;
  /** Per link: its absolute URL without the fragment, or its raw value when it is not a URL. */
  keys: string[];
  /** Per link: 1 when keys[i] is a URL, 0 when it is the raw value of an invalid one. */
  valid: Uint8Array<ArrayBuffer>;
  /** Per link: 1-based line. */
  lines: Uint32Array<ArrayBuffer>;
  /** Per link: index into `elements` and `attributes`. */
  kinds: Uint32Array<ArrayBuffer>;
  /** The distinct element/attribute pairs of the page. */
  elements: string[];
  attributes: string[];
  /** Per link: its text, or '' when it has none. */
  texts: string[];
}

/**
 * What the soft-404 detector needs to know about an HTML page, gathered in the same parser
 * pass that extracts links. Texts are whitespace-collapsed and capped (see extract/).
 */
export interface PageFacts {
  title: string;
  /** Texts of the first few h1/h2 headings, in document order. */
  headings: string[];
  /** Visible text outside nav/header/footer/aside (no script, style, template, noscript, svg). */
  mainText: string;
  /** mainText without code, pre, kbd, samp, table, blockquote and q: where phrases may count. */
  proseText: string;
  /** Words of visible text in the whole body, counted up to 100. */
  wordCount: number;
  /** Number of <script> elements. */
  scriptCount: number;
  /** An empty mount point (#root, #app, #__next, …) with scripts: a client-rendered shell. */
  appShell: boolean;
  /** `<html lang>`, lower-cased, or ''. */
  lang: string;
}

export interface ParsedPage {
  links: ExtractedLink[];
  facts: PageFacts;
}

/** A page as the crawl parses it: links in columns. */
export interface CrawledPage {
  links: PageLinks;
  facts: PageFacts;
}

/** One hop of a redirect chain: the URL that answered 3xx and its status. */
export interface Hop {
  url: string;
  status: number;
}

export type FailureKind =
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'refused'
  | 'reset'
  | 'protocol'
  | 'body-too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'invalid-url'
  | 'aborted'
  | 'network';

export interface Failure {
  kind: FailureKind;
  /** One line a person can act on: `connection refused`, `timeout after 10 s`, … */
  reason: string;
}

export interface FetchedResponse {
  status: number;
  /** URL of this response (the end of the redirect chain). */
  url: string;
  /** Response headers, names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** MIME type without parameters, lower-cased ('' when absent). */
  mime: string;
  /** charset parameter of Content-Type, lower-cased, when present. */
  charset?: string;
  /** Decoded (content-encoding removed) body, only when asked for and capped. */
  body?: Buffer;
  /** Set when the body was cut at the size cap (the part read is still in `body`). */
  truncated?: string;
}

export type FetchOutcome =
  | { ok: true; redirects: Hop[]; response: FetchedResponse; attempts: number }
  | { ok: false; redirects: Hop[]; failure: Failure; attempts: number; status?: number };

export interface Soft404Finding {
  /** 0..1; at or above the threshold the category is soft-404, below it a warning. */
  confidence: number;
  /** Short, reproducible lines, strongest first. */
  evidence: string[];
}

/** The decision about one URL, before sources are attached. */
export interface Verdict {
  category: Category;
  /** Status of the final response; null when there was none. */
  status: number | null;
  reason?: string;
  notes?: string[];
  soft404?: Soft404Finding;
  suggestion?: string;
}

/** One entry of the report: one unique URL. Field order is the JSON report's. */
export interface LinkEntry {
  url: string;
  category: Category;
  status: number | null;
  finalUrl: string;
  redirects: Hop[];
  reason?: string;
  notes?: string[];
  soft404?: Soft404Finding;
  suggestion?: string;
  internal: boolean;
  sources: LinkSource[];
  sourceCount: number;
}

export type Summary = { pages: number; urls: number; broken: number } & Record<Category, number>;

export interface LimitHit {
  limit: string;
  skipped: number;
}

export interface CrawlStats {
  requests: number;
  /** Requests beyond the first per URL, by cause. */
  retries: number;
  /** URLs fetched once more at the end of the crawl after a transient failure. */
  secondChances: number;
  robots: number;
  probes: number;
  confirmations: number;
  bytes: number;
  connections: number;
}

/** The JSON report (schemaVersion 1). */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  startedAt: string;
  durationMs: number;
  complete: boolean;
  /** Why the crawl was cut short, when it was. */
  stoppedBy?: string;
  roots: string[];
  summary: Summary;
  limitsHit: LimitHit[];
  stats?: CrawlStats;
  links: LinkEntry[];
}

/** What the crawl emits as it goes (library API and NDJSON). */
export type CrawlEvent =
  | { type: 'page'; url: string; depth: number; links: number }
  | { type: 'link'; entry: LinkEntry }
  | { type: 'source'; url: string; source: LinkSource }
  | { type: 'request'; url: string; method: string; attempt: number; kind: 'link' | 'robots' | 'probe' }
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'done'; report: Report };
