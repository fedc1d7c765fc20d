// What the linking element expects to load: an HTML page answered for an image URL is a
// soft-404 signal.
import type { Expects } from '../classify/index.js';
import type { LinkSource } from '../types.js';

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

export function expectsOf(source: LinkSource): Expects {
  if (source.element === 'link' && source.attribute === 'imagesrcset') return 'image';
  if (source.element === 'source') return source.attribute === 'srcset' ? 'image' : 'media';
  return BY_ELEMENT[source.element] ?? 'other';
}
