// The printed tables: one per site, then linkhound's ratios against the issue 5 targets.
import { roundSpread } from './rounds.mjs';

function row(cells, widths) {
	return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

/** Prints one site's table. */
export function printSite(site) {
	const head = ['tool', 'pages', 'wall s', 'pages/s', 'CPU s', 'CPU ms/page', 'RSS MB', 'requests', 'req/unique', 'conns', 'robots', 'unlinked', 'found', 'exact', 'false'];
	const rows = site.runs.map((r) => {
		if (r.skipped || r.error) return [r.tool, site.pages, r.skipped ?? r.error];
		const s = r.server;
		const requests = s.site.requests + s.external.requests;
		const unique = s.site.uniqueUrls + s.external.uniqueUrls;
		return [
			r.tool, site.pages, r.wallSeconds.toFixed(2), (site.pages / r.wallSeconds).toFixed(0), r.cpuSeconds.toFixed(2),
			((r.cpuSeconds * 1000) / site.pages).toFixed(2), r.maxRssMB.toFixed(0), requests, (requests / unique).toFixed(3),
			s.site.connections + s.external.connections, s.site.robots + s.external.robots, s.site.unlinked + s.external.unlinked,
			`${r.found}/${r.expected}`, `${r.exactCategory}/${r.expected}`, r.falseAlarms.length,
		];
	});
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.length > 3 ? String(r[i]).length : 0))));
	const rounds = site.runs[0]?.rounds?.length ?? 1;
	console.log(`\n${site.pages} pages${site.heavy ? ' (heavy)' : ''}, ${site.htmlMB} MB of HTML${rounds > 1 ? `; medians of ${rounds} rounds` : ''}`);
	console.log(row(head, widths));
	for (const r of rows) console.log(r.length > 3 ? row(r, widths) : r.join('  '));
	for (const r of site.runs) {
		if (r.skipped || r.error || r.mainThreadSeconds === null || r.mainThreadSeconds === undefined) continue;
		console.log(`  ${r.tool} CPU by thread: main ${r.mainThreadSeconds.toFixed(2)} s, busiest other ${r.busiestThreadSeconds.toFixed(2)} s, the rest ${r.otherThreadsSeconds.toFixed(2)} s`);
	}
}

function ratio(a, b, target, below = true) {
	if (!a || !b) return 'n/a';
	const x = a / b;
	return `${x.toFixed(2)} (target ${below ? '<=' : '>='} ${target}: ${x <= target ? 'holds' : 'MISSED'})`;
}

const WALL_TARGET_PAGES = 10_000;

const find = (site, tool) => site?.runs.find((r) => r.tool === tool && !r.skipped && !r.error);

/** Prints linkhound / floor on the main site and linkhound / linkinator on linkinator's site. */
export function printRatios(sites, pages, linkinatorPages) {
	const main = sites.find((s) => s.pages === pages);
	const lh = find(main, 'linkhound');
	const fl = find(main, 'floor');
	console.log('');
	if (lh && fl) {
		// The wall target is set for 10,000 pages and the heavy site: a small site's crawl is short
		// enough that start-up (the parser thread, module loading) weighs on its wall time.
		const wall = pages >= WALL_TARGET_PAGES || main.heavy ? ratio(lh.wallSeconds, fl.wallSeconds, 1.3) : `${(lh.wallSeconds / fl.wallSeconds).toFixed(2)} (target set at ${WALL_TARGET_PAGES} pages and on a heavy site)`;
		console.log(`linkhound / floor at ${pages} pages: wall ${wall}${roundSpread(lh, fl, 'wallSeconds')}`);
		console.log(`  CPU per page ${ratio(lh.cpuSeconds, fl.cpuSeconds, 1.5)}${roundSpread(lh, fl, 'cpuSeconds')}`);
		console.log(`  peak RSS ${ratio(lh.maxRssMB, fl.maxRssMB, 2)}${roundSpread(lh, fl, 'maxRssMB')}`);
	} else console.log('linkhound / floor: n/a (both must run)');
	const ls = sites.find((s) => s.pages === linkinatorPages && find(s, 'linkinator'));
	const lh2 = find(ls, 'linkhound');
	const li = find(ls, 'linkinator');
	if (lh2 && li) console.log(`linkhound / linkinator at ${linkinatorPages} pages: peak RSS ${ratio(lh2.maxRssMB, li.maxRssMB, 0.5)}, wall ${(lh2.wallSeconds / li.wallSeconds).toFixed(2)}`);
	else if (ls || li) console.log('linkhound / linkinator: n/a (both must run)');
}
