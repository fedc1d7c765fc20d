// What the linking element expects to load: an HTML page answered for an image URL is a
// soft-404 signal.
import type { Expects } from '../classify/index.js';

const BY_ELEMENT: Record<string, Expects> = {
  a: 'page',
  area: 'page',
  iframe: 'page',
  frame: 'page',
  img: 'image',
  image: 'image',
  picture: 'image',
  script: 'script',
  video: 'media',
  audio: 'media',
  track: 'media',
};

/** What a link from `element`'s `attribute` expects. */
export function expectsOf(element: string, attribute: string): Expects {
  if (element === 'link' && attribute === 'imagesrcset') return 'image';
  if (element === 'source') return attribute === 'srcset' ? 'image' : 'media';
  return BY_ELEMENT[element] ?? 'other';
}
