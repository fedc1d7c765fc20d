// One page's HTML: head with stylesheets and scripts, header nav, breadcrumb, an article of
// pool paragraphs with links, figures and lists spread through it, an aside and a footer.
// Sizes and link counts are drawn per page, so the page is the same whatever order pages are made in.
import { rngFor, int } from './random.mjs';
import { phrase } from './text.mjs';
import { pageHref, imageHref } from './plan.mjs';

const FOOTER = ['About', 'Contact', 'Privacy', 'Terms'];

function head(title, s) {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | Example Docs</title>
<meta name="description" content="${title}: documentation for the example project.">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/css/site.css">
<link rel="stylesheet" href="/css/sec${s}.css">
<script src="/js/vendor.js" defer></script>
<script src="/js/app.js" defer></script>
</head>
<body class="docs">
`;
}

function header(plan) {
	let nav = '';
	for (let s = 0; s < Math.min(plan.sections, 8); s++) nav += `<li><a class="nav-link" href="/sec${s}/">Section ${s}</a></li>`;
	return `<header class="site-header"><a class="logo" href="/"><img src="/img/logo.svg" alt="Example Docs" width="120" height="32"></a>
<nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav>
<form class="search" role="search" action="/search.html"><input type="search" name="q" placeholder="Search the docs"></form>
</header>
`;
}

function footer(plan) {
	let links = '';
	FOOTER.forEach((label, k) => {
		const i = plan.sections + 1 + k;
		if (i < plan.pages) links += `<li><a href="${pageHref(plan, i)}">${label}</a></li>`;
	});
	return `<footer class="site-footer"><ul>${links}<li><a href="${plan.externalOrigin}/ext/ok-0.html">Status</a></li></ul>
<p class="copyright">&copy; 2026 Example Project. Licensed under the MIT license.</p>
</footer>
</body>
</html>
`;
}

// Links from page i to other pages: a wide tree (so every page is reachable in few hops) and
// random pages, written in the forms authors use: root-relative, relative, with a fragment.
function pageLink(plan, from, to, rand) {
	const href = pageHref(plan, to);
	const label = phrase(rand, int(rand, 2, 4));
	const sameDir = from > plan.sections && to > plan.sections && from % plan.sections === to % plan.sections;
	const r = rand();
	if (sameDir && r < 0.5) return `<a href="page-${to}.html">${label}</a>`;
	if (r < 0.15) return `<a href="${href}#overview">${label}</a>`;
	return `<a href="${href}">${label}</a>`;
}

function figure(plan, rand) {
	const k = int(rand, 0, plan.images - 1);
	const src = imageHref(plan, k);
	if (rand() < 0.5) return `<figure><img src="${src}" alt="Figure ${k}" loading="lazy" width="640" height="360"></figure>`;
	return `<figure><img src="${src}" srcset="${src} 1x, ${imageHref(plan, k, true)} 2x" alt="Figure ${k}" width="640" height="360"><figcaption>Figure ${k}</figcaption></figure>`;
}

/** The HTML of page i. `pool` is the paragraph pool; `heavy` makes 100–200 KB pages. */
export function renderPage(plan, i, pool, heavy) {
	const rand = rngFor(plan.seed, i);
	const s = i === 0 ? 0 : i <= plan.sections ? i - 1 : i % plan.sections;
	const title = i === 0 ? 'Home' : phrase(rand, 3);
	const top = head(title, s) + header(plan) +
		`<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/sec${s}/">Section ${s}</a> &rsaquo; ${title}</nav>\n<main><article>\n<h1>${title}</h1>\n`;
	const bottom = footer(plan);
	const boilerplateLinks = 9 + Math.min(plan.sections, 8) + 5;

	const snippets = [];
	const wanted = int(rand, 20, 80) - boilerplateLinks;
	for (let c = 1; c <= 8; c++) if (8 * i + c < plan.pages) snippets.push(pageLink(plan, i, 8 * i + c, rand));
	const figures = int(rand, 1, 4);
	for (let f = 0; f < figures; f++) snippets.push(figure(plan, rand));
	while (snippets.length < Math.max(2, wanted)) snippets.push(pageLink(plan, i, int(rand, 0, plan.pages - 1), rand));
	const extras = plan.extras.get(i);
	if (extras) for (const e of extras) snippets.splice(int(rand, 0, snippets.length), 0, e);

	const aside = snippets.splice(0, Math.min(6, snippets.length >> 2));
	const target = heavy ? int(rand, 100_000, 200_000) : 3000 + Math.floor(27_000 * rand() ** 2);
	const asideHtml = `</article>\n<aside class="related"><h2>Related</h2><ul>${aside.map((a) => `<li>${a}</li>`).join('')}</ul></aside>\n</main>\n`;
	const fixed = top.length + bottom.length + asideHtml.length;
	let snippetBytes = 0;
	for (const sn of snippets) snippetBytes += sn.length + 12;
	const paragraphs = Math.max(1, Math.round((target - fixed - snippetBytes) / 700));
	const per = Math.ceil(snippets.length / paragraphs);

	let body = '';
	let next = 0;
	for (let p = 0; next < snippets.length || fixed + body.length < target; p++) {
		if (p % 4 === 3) body += `<h2 id="part-${p}">${phrase(rand, 2)}</h2>\n`;
		body += pool[int(rand, 0, pool.length - 1)];
		const chunk = snippets.slice(next, next + per);
		next += chunk.length;
		if (chunk.length > 2) body += `<ul>${chunk.map((c) => `<li>${c}</li>`).join('')}</ul>\n`;
		else if (chunk.length) body += `<p>See also ${chunk.join(' and ')}.</p>\n`;
	}
	return top + body + asideHtml + bottom;
}

/** The thin page a misconfigured server sends with 200 for a missing URL. */
export const SOFT_404_BODY = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found | Example Docs</title></head>
<body><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist or has been moved.</p>
<p><a href="/">Back to the home page</a></p></body></html>
`;
