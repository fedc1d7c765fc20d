// The compact features kept of a page (judged or probed): a MinHash sketch of its main text with
// the requested name removed, its normalized title and first heading. Never the body.
import type { PageFacts } from '../../types.js';
import { type Sketch, sketch } from './minhash.js';
import { countWords, normalizeText, stripName } from './normalize-text.js';

export interface PageFeatures {
  sketch: Sketch;
  title: string;
  heading: string;
  /** Words of the main text. */
  words: number;
}

/** Features of a parsed page requested as `url` (whose name is stripped from its text). */
export function pageFeatures(facts: PageFacts, url: string): PageFeatures {
  const main = stripName(normalizeText(facts.mainText), url);
  return {
    sketch: sketch(main),
    title: stripName(normalizeText(facts.title), url),
    heading: stripName(normalizeText(facts.headings[0] ?? ''), url),
    words: countWords(main),
  };
}
