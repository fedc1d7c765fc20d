// Which attributes of which elements hold URLs a browser loads or follows. Data, not code:
// html.ts walks this table for every start tag, so adding an element is a one-line change.

/** How an attribute's value is read. */
export type AttributeKind = 'url' | 'srcset' | 'refresh';

/** A condition on another attribute of the same element (`rel` of link, `type` of input). */
export interface AttributeCondition {
  attribute: string;
  values: ReadonlySet<string>;
  /** The attribute is a space-separated token list (`rel="shortcut icon"`): any token may match. */
  tokens?: boolean;
}

export interface LinkAttribute {
  name: string;
  kind: AttributeKind;
  when?: AttributeCondition;
}

// Only rels whose href a browser loads or a person follows. Resource hints that merely warm
// up a connection (dns-prefetch, preconnect) and POST endpoints (pingback, webmention) are
// not links to check.
const LINK_RELS: AttributeCondition = {
  attribute: 'rel',
  tokens: true,
  values: new Set([
    'stylesheet', 'icon', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon',
    'preload', 'prefetch', 'modulepreload', 'prerender', 'manifest', 'canonical', 'alternate',
    'next', 'prev', 'previous', 'author', 'license', 'help', 'search', 'amphtml',
  ]),
};

const IMAGE_INPUT: AttributeCondition = { attribute: 'type', values: new Set(['image']) };
const REFRESH: AttributeCondition = { attribute: 'http-equiv', values: new Set(['refresh']) };

const url = (name: string, when?: AttributeCondition): LinkAttribute => (when ? { name, kind: 'url', when } : { name, kind: 'url' });
const srcset = (name: string, when?: AttributeCondition): LinkAttribute => (when ? { name, kind: 'srcset', when } : { name, kind: 'srcset' });

/** Element name → its URL-bearing attributes (names lower-case, as the parser reports them). */
export const LINK_ATTRIBUTES: ReadonlyMap<string, readonly LinkAttribute[]> = new Map([
  ['a', [url('href')]],
  ['area', [url('href')]],
  ['img', [url('src'), srcset('srcset')]],
  ['source', [url('src'), srcset('srcset')]],
  ['script', [url('src')]],
  ['link', [url('href', LINK_RELS), srcset('imagesrcset', LINK_RELS)]],
  ['iframe', [url('src')]],
  ['frame', [url('src')]],
  ['video', [url('src'), url('poster')]],
  ['audio', [url('src')]],
  ['track', [url('src')]],
  ['object', [url('data')]],
  ['embed', [url('src')]],
  ['input', [url('src', IMAGE_INPUT)]],
  ['meta', [{ name: 'content', kind: 'refresh', when: REFRESH }]],
  // SVG images and sprite references are fetched by the browser too.
  ['image', [url('href'), url('xlink:href')]],
  ['use', [url('href'), url('xlink:href')]],
]);

/** True when the element's attributes satisfy the condition. */
export function meetsCondition(condition: AttributeCondition, attribs: Record<string, string>): boolean {
  const value = attribs[condition.attribute];
  if (value === undefined) return false;
  const lower = value.trim().toLowerCase();
  if (!condition.tokens) return condition.values.has(lower);
  for (const token of lower.split(/\s+/)) if (condition.values.has(token)) return true;
  return false;
}
