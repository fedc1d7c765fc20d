#!/usr/bin/env node
// Writes a deterministic synthetic site for the benchmark:
//   <out>/site/        the pages and assets (served by server.mjs on the site port)
//   <out>/external/    the "outside world" (served on the second port)
//   <out>/routes.json  what the server answers without a file: 410s, redirects, soft 404s
//   <out>/ground-truth.json  what a correct checker reports (URLs relative to their origin)
// Pages are written one at a time, so memory stays flat at 100,000 pages.
//
//   node bench/generate.mjs --out DIR [--pages 10000] [--heavy] [--external-origin http://127.0.0.1:PORT] [--seed 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rng, int } from './lib/random.mjs';
import { paragraphPool } from './lib/text.mjs';
import { makePlan, pageFile, imageHref } from './lib/plan.mjs';
import { renderPage, SOFT_404_BODY } from './lib/page.mjs';

function writer(root) {
	const made = new Set();
	return (path, content) => {
		const file = join(root, path);
		const dir = dirname(file);
		if (!made.has(dir)) {
			mkdirSync(dir, { recursive: true });
			made.add(dir);
		}
		writeFileSync(file, content);
	};
}

function writeAssets(plan, write) {
	const rand = rng(plan.seed ^ 0xa55e7);
	for (let k = 0; k < plan.images; k++) {
		write(imageHref(plan, k), Buffer.alloc(int(rand, 500, 4000), k & 0xff));
		write(imageHref(plan, k, true), Buffer.alloc(int(rand, 1000, 8000), k & 0xff));
	}
	write('/img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><text y="24">Example</text></svg>\n');
	write('/img/ui/bg.png', Buffer.alloc(300, 1));
	write('/favicon.ico', Buffer.alloc(200, 2));
	write('/css/site.css', 'body{font:16px/1.5 sans-serif;background:url(/img/ui/bg.png)}\n.site-header{display:flex}\n'.repeat(20));
	for (let s = 0; s < plan.sections; s++) write(`/css/sec${s}.css`, `.docs h1{color:#${(s * 4099).toString(16).padStart(6, '0').slice(0, 6)}}\n`);
	write('/js/vendor.js', '/* vendor bundle */\n' + 'var v=function(){return 1};\n'.repeat(400));
	write('/js/app.js', '/* app */\ndocument.documentElement.classList.add("js");\n');
	write('/robots.txt', 'User-agent: *\nAllow: /\n');
}

/**
 * Generates the site into `out`. Returns { pages, htmlBytes, groundTruth } (ground truth also
 * written to out/ground-truth.json).
 */
export function generateSite({ out, pages = 10_000, heavy = false, externalOrigin = 'http://127.0.0.1:8081', seed = 1 }) {
	if (!(pages >= 10)) throw new Error('--pages must be at least 10');
	const plan = makePlan({ pages, seed, externalOrigin });
	const write = writer(join(out, 'site'));
	const writeExternal = writer(join(out, 'external'));
	const pool = paragraphPool(seed);
	let htmlBytes = 0;
	for (let i = 0; i < pages; i++) {
		const html = renderPage(plan, i, pool, heavy);
		htmlBytes += html.length;
		write(pageFile(plan, i), html);
	}
	writeAssets(plan, write);
	for (const path of plan.externalFiles) writeExternal(path, `<!DOCTYPE html><html><head><title>Partner</title></head><body><p>${path}</p></body></html>\n`);
	writeExternal('/robots.txt', 'User-agent: *\nAllow: /\n');

	writeFileSync(join(out, 'routes.json'), JSON.stringify({ ...plan.routes, soft404Body: SOFT_404_BODY }));
	const groundTruth = { pages, heavy, seed, htmlPages: pages + plan.routes.soft404.length, ...plan.truth };
	writeFileSync(join(out, 'ground-truth.json'), JSON.stringify(groundTruth, null, 1));
	return { pages, htmlBytes, groundTruth };
}

function parseArgs(argv) {
	const o = { out: '', pages: 10_000, heavy: false, externalOrigin: 'http://127.0.0.1:8081', seed: 1 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') o.out = argv[++i];
		else if (a === '--pages') o.pages = Number(argv[++i]);
		else if (a === '--heavy') o.heavy = true;
		else if (a === '--external-origin') o.externalOrigin = argv[++i].replace(/\/$/, '');
		else if (a === '--seed') o.seed = Number(argv[++i]);
		else throw new Error(`unknown argument: ${a}`);
	}
	if (!o.out) throw new Error('usage: node bench/generate.mjs --out DIR [--pages N] [--heavy] [--external-origin URL] [--seed N]');
	return o;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const t0 = Date.now();
		const r = generateSite(parseArgs(process.argv.slice(2)));
		console.log(`${r.pages} pages, ${(r.htmlBytes / 1e6).toFixed(1)} MB of HTML, ${r.groundTruth.broken.length} broken links in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	} catch (err) {
		console.error(err.message);
		process.exit(2);
	}
}
