// The extract stage: HTML and CSS to links (with page, line, element, attribute, text) and
// PageFacts. Only this folder imports htmlparser2; it imports nothing from sibling stages.
export { detached } from './text.js';
export { createHtmlParser, type HtmlParser } from './pool.js';
export { withoutFragment } from './resolve.js';
export { parseStylesheet } from './css.js';
export { parseSrcset } from './srcset.js';
export { decodeHtml, isHtmlMime } from './decode.js';
