// How each tool is started and how its broken list is read back.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const BROKEN = new Set(['not-found', 'gone', 'soft-404', 'error']);

/** Each tool: argv to run from the repo root, and a reader of its broken URLs (url -> category). */
export function toolDefs(repo) {
	return {
		linkhound: {
			available: () => existsSync(join(repo, 'bin/linkhound.js')) && existsSync(join(repo, 'dist')),
			// --max-pages above the site's size: the default (100,000) would cut the 100,000-page site short.
			argv: (root, tmp, pages) => ['node', 'bin/linkhound.js', root, '--format', 'json', '--output', join(tmp, 'linkhound.json'), '--max-pages', String(pages * 2)],
			broken: (tmp) => {
				const report = JSON.parse(readFileSync(join(tmp, 'linkhound.json'), 'utf8'));
				const out = new Map();
				for (const l of report.links) if (BROKEN.has(l.category)) out.set(l.url, l.category);
				return { broken: out, pages: report.summary?.pages };
			},
		},
		floor: {
			available: () => true,
			argv: (root) => ['node', 'bench/floor-crawl.mjs', root, '--json', '--list'],
			broken: (tmp, stdout) => {
				const cut = stdout.indexOf('\nBROKEN ');
				const summary = JSON.parse(cut < 0 ? stdout : stdout.slice(0, cut));
				const out = new Map();
				for (const line of stdout.split('\n')) {
					const m = /^BROKEN (-?\d+) (\S+)/.exec(line);
					if (m) out.set(m[2], m[1] === '410' ? 'gone' : m[1] === '404' ? 'not-found' : 'error');
				}
				return { broken: out, pages: summary.pages };
			},
		},
		linkinator: {
			available: () => existsSync(join(repo, 'bench/node_modules/.bin/linkinator')),
			argv: (root) => ['node', 'bench/node_modules/linkinator/build/src/cli.js', root, '--recurse', '--format', 'json', '--verbosity', 'error'],
			broken: (tmp, stdout) => {
				const result = JSON.parse(stdout);
				const out = new Map();
				for (const l of result.links) if (l.state === 'BROKEN') out.set(l.url, l.status === 404 ? 'not-found' : l.status === 410 ? 'gone' : 'error');
				return { broken: out, pages: undefined };
			},
		},
	};
}
