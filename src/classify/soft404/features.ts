// The compact features kept of a page (judged or probed): a MinHash sketch of its main text with
// the requested name removed, its normalized title and first heading. Never the body.
import type { PageFacts } from '../../types.js';
import { type Sketch, sketch } from './minhash.js';
import { countWords, nameStripper } from './normalize-text.js';

export interface PageFeatures {
  sketch: Sketch;
  title: string;
  heading: string;
  /** Words of the main text. */
  words: number;
}

/** Features of a parsed page requested as `url` (whose name is stripped from its text). */
export function pageFeatures(facts: PageFacts, url: string): PageFeatures {
  const clean = nameStripper(url);
  const main = clean(facts.mainText);
  return {
    sketch: sketch(main),
    title: clean(facts.title),
    heading: clean(facts.headings[0] ?? ''),
    words: countWords(main),
  };
}
