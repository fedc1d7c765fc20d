// Compact text sketches: 3-word shingles hashed with FNV-1a, then MinHash with K permutations
// derived from two hashes (h1 + i·h2). A sketch is K 32-bit numbers, so a cached probe costs
// a few hundred bytes whatever the size of its page.

export const SKETCH_SIZE = 96;

/** A MinHash sketch plus the number of shingles it summarises (0 = empty text). */
export interface Sketch {
  mins: Uint32Array;
  shingles: number;
}

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit hash of a text (FNV-1a). */
export function textHash(text: string): number {
  return fnv1a(text, 0);
}

/** Shingle hashes of a normalized text: every run of 3 words (or the whole text when shorter). */
function shingleHashes(normalized: string): Set<number> {
  const words = normalized === '' ? [] : normalized.split(' ');
  const out = new Set<number>();
  if (words.length > 0 && words.length < 3) out.add(fnv1a(words.join(' '), 0));
  for (let i = 0; i + 3 <= words.length; i++) out.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`, 0));
  return out;
}

/** MinHash sketch of a normalized text. */
export function sketch(normalized: string): Sketch {
  const mins = new Uint32Array(SKETCH_SIZE).fill(0xffffffff);
  const hashes = shingleHashes(normalized);
  for (const h1 of hashes) {
    // Second independent hash by remixing the first (murmur3 finalizer).
    let h2 = h1 ^ (h1 >>> 16);
    h2 = Math.imul(h2, 0x85ebca6b);
    h2 ^= h2 >>> 13;
    h2 = Math.imul(h2, 0xc2b2ae35);
    h2 = (h2 ^ (h2 >>> 16)) | 1;
    for (let i = 0; i < SKETCH_SIZE; i++) {
      const v = (h1 + Math.imul(i, h2)) >>> 0;
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return { mins, shingles: hashes.size };
}

/** Estimated Jaccard similarity of the shingle sets; two empty texts are identical. */
export function similarity(a: Sketch, b: Sketch): number {
  if (a.shingles === 0 || b.shingles === 0) return a.shingles === b.shingles ? 1 : 0;
  let same = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) if (a.mins[i] === b.mins[i]) same++;
  return same / SKETCH_SIZE;
}
