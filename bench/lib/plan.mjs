// The site's shape, decided before any page is written: where pages live, which assets exist,
// and the special links (broken, gone, redirected, soft-404, external) with the pages that
// carry them. Everything the server and the ground truth need comes from here.
import { rng, int } from './random.mjs';

/** Paths of page i: the URL path linked to, and the file under site/. */
export function pageHref(plan, i) {
	if (i === 0) return '/';
	if (i <= plan.sections) return `/sec${i - 1}/`;
	return `/sec${i % plan.sections}/page-${i}.html`;
}

export function pageFile(plan, i) {
	const href = pageHref(plan, i);
	return href.endsWith('/') ? href + 'index.html' : href;
}

export function imageHref(plan, k, double = false) {
	return `/img/d${k % 50}/img-${k}${double ? '-2x' : ''}.jpg`;
}

// Counts scale with the site so a 100k site has proportionally as much to find.
function counts(n) {
	const at = (per, min) => Math.max(min, Math.floor(n / per));
	return {
		missingPages: at(250, 8), missingImages: at(1000, 4), missingSrcset: at(2000, 2), gone: at(1000, 4),
		soft404: at(1000, 4), deadRedirects: at(2000, 2), moved: at(500, 8), found: at(1000, 4), chains: at(2000, 2),
		externalOk: at(500, 10), externalMissing: at(2000, 4),
	};
}

/**
 * Plans a site of `pages` pages. `externalOrigin` (e.g. http://127.0.0.1:8081) is where the
 * "outside world" links point.
 */
export function makePlan({ pages, seed, externalOrigin }) {
	const plan = {
		pages, seed, externalOrigin,
		sections: Math.max(1, Math.min(50, Math.ceil(pages / 200))),
		images: Math.max(100, Math.floor(pages / 4)),
		extras: new Map(),
		routes: { redirects: {}, gone: [], soft404: [], missing: { site: [], external: [] } },
		truth: { broken: [], redirects: [], soft404: [], ignore: [] },
		externalFiles: [],
	};
	const rand = rng(seed ^ 0x5eed);
	const c = counts(pages);
	const anyPage = () => pageHref(plan, int(rand, 0, pages - 1));
	const place = (html) => {
		const times = int(rand, 1, 3);
		for (let t = 0; t < times; t++) {
			const i = int(rand, 0, pages - 1);
			const list = plan.extras.get(i);
			if (list) list.push(html);
			else plan.extras.set(i, [html]);
		}
	};
	const broken = (url, category, origin = 'site') => plan.truth.broken.push({ url, category, origin });
	const sec = () => int(rand, 0, plan.sections - 1);

	for (let j = 0; j < c.missingPages; j++) {
		const s = sec();
		const url = `/sec${s}/missing-${j}.html`;
		plan.routes.missing.site.push(url);
		broken(url, 'not-found');
		// a third are written relative to the linking page, as authors do
		place(j % 3 === 0 ? `<a href="../sec${s}/missing-${j}.html">Missing ${j}</a>` : `<a href="${url}">Missing ${j}</a>`);
	}
	for (let j = 0; j < c.missingImages; j++) {
		const url = `/img/missing/img-${j}.jpg`;
		plan.routes.missing.site.push(url);
		broken(url, 'not-found');
		place(`<figure><img src="${url}" alt="missing ${j}" width="640" height="360"></figure>`);
	}
	for (let j = 0; j < c.missingSrcset; j++) {
		const url = `/img/missing/wide-${j}.jpg`;
		plan.routes.missing.site.push(url);
		broken(url, 'not-found');
		place(`<picture><source srcset="${url} 1200w, ${imageHref(plan, j)} 640w"><img src="${imageHref(plan, j)}" alt=""></picture>`);
	}
	for (const [url, tag] of [['/js/missing-widget.js', '<script src="/js/missing-widget.js"></script>'], ['/css/missing-theme.css', '<link rel="stylesheet" href="/css/missing-theme.css">']]) {
		plan.routes.missing.site.push(url);
		broken(url, 'not-found');
		place(tag);
	}
	for (let j = 0; j < c.gone; j++) {
		const url = `/archive/gone-${j}.html`;
		plan.routes.gone.push(url);
		broken(url, 'gone');
		place(`<a href="${url}">Archived ${j}</a>`);
	}
	for (let j = 0; j < c.soft404; j++) {
		const url = `/help/topic-${j}.html`;
		plan.routes.soft404.push(url);
		plan.truth.soft404.push({ url });
		broken(url, 'soft-404');
		place(`<a href="${url}">Help topic ${j}</a>`);
	}
	for (let j = 0; j < c.deadRedirects; j++) {
		const url = `/old/dead-${j}.html`;
		const end = `/removed/dead-${j}.html`;
		plan.routes.redirects[url] = { status: 301, location: end };
		plan.routes.missing.site.push(end);
		plan.truth.redirects.push({ url, status: 301, to: end, hops: 1, category: 'not-found' });
		plan.truth.ignore.push({ url: end, origin: 'site' });
		broken(url, 'not-found');
		place(`<a href="${url}">Old page ${j}</a>`);
	}
	const redirect = (url, status, to, hops) => {
		plan.routes.redirects[url] = { status, location: to };
		plan.truth.redirects.push({ url, status, to, hops, category: 'redirect' });
		place(`<a href="${url}">Moved</a>`);
	};
	for (let j = 0; j < c.moved; j++) redirect(`/old/page-${j}.html`, 301, anyPage(), 1);
	for (let j = 0; j < c.found; j++) redirect(`/go/${j}`, 302, anyPage(), 1);
	for (let j = 0; j < c.chains; j++) redirect(`/old/chain-${j}.html`, 301, `/old/page-${j % c.moved}.html`, 2);
	for (let j = 0; j < c.externalOk; j++) {
		plan.externalFiles.push(`/ext/ok-${j}.html`);
		place(`<a href="${externalOrigin}/ext/ok-${j}.html">Partner ${j}</a>`);
	}
	for (let j = 0; j < c.externalMissing; j++) {
		const url = `/ext/missing-${j}.html`;
		plan.routes.missing.external.push(url);
		broken(url, 'not-found', 'external');
		place(`<a href="${externalOrigin}${url}">Partner article ${j}</a>`);
	}
	return plan;
}
