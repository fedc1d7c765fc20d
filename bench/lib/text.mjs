// Article text: a fixed pool of paragraphs made once from the seed. Pages draw from it, so
// generating 100,000 pages costs string concatenation, not word-by-word randomness.
import { rng, int } from './random.mjs';

const WORDS = (
	'link crawler server request response header status page section guide install configure ' +
	'option value default network timeout retry redirect cache index document anchor element ' +
	'attribute parser stream buffer memory worker thread queue frontier scope origin host port ' +
	'the a of to and in is for on with as by that this it be are from at or an can when which ' +
	'each every more most some other into over under after before while where how what why ' +
	'report result summary category broken found gone moved permanent temporary archive release ' +
	'version feature example tutorial reference chapter article author reader update change ' +
	'build deploy test check verify measure profile benchmark budget limit bound capacity'
).split(' ');
const INLINE = ['em', 'strong', 'code'];

function sentence(rand) {
	const n = int(rand, 6, 18);
	const words = [];
	for (let i = 0; i < n; i++) {
		let w = WORDS[int(rand, 0, WORDS.length - 1)];
		if (rand() < 0.05) {
			const tag = INLINE[int(rand, 0, INLINE.length - 1)];
			w = `<${tag}>${w}</${tag}>`;
		} else if (rand() < 0.01) w += ' &amp;';
		words.push(w);
	}
	const s = words.join(' ');
	return s[0].toUpperCase() + s.slice(1) + '.';
}

/** Makes `count` paragraphs (`<p>…</p>\n`) of 200–1,200 characters. */
export function paragraphPool(seed, count = 600) {
	const rand = rng(seed);
	const pool = [];
	for (let i = 0; i < count; i++) {
		const target = int(rand, 200, 1200);
		let p = '';
		while (p.length < target) p += (p ? ' ' : '') + sentence(rand);
		pool.push(`<p>${p}</p>\n`);
	}
	return pool;
}

/** A short title-like phrase. */
export function phrase(rand, words = 3) {
	const out = [];
	for (let i = 0; i < words; i++) out.push(WORDS[int(rand, 0, WORDS.length - 1)]);
	const s = out.join(' ');
	return s[0].toUpperCase() + s.slice(1);
}
