// Deterministic randomness: the same seed gives the same site on every machine, so figures
// from two runs (or two clones) describe the same work.

/** A mulberry32 generator: returns floats in [0, 1). */
export function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [min, max]. */
export function int(rand, min, max) {
	return min + Math.floor(rand() * (max - min + 1));
}

/** A per-item generator, independent of the order items are made in. */
export function rngFor(seed, index) {
	return rng(Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(index + 1, 40503));
}
