#!/usr/bin/env node
// The benchmark: generates a site, serves it from server.mjs, runs each tool on it in turn,
// measures it, checks it against the ground truth, prints a table and writes raw JSON.
//
//   node bench/run.mjs [--pages 10000] [--heavy] [--tools linkhound,floor,linkinator] [--repeat 3]
//                      [--linkinator-pages 2000] [--out bench/results/<date>.json] [--keep] [--timeout 1800]
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { generateSite } from './generate.mjs';
import { toolDefs } from './lib/tools.mjs';
import { measure, hasTime } from './lib/measure.mjs';
import { printSite, printRatios } from './lib/table.mjs';
import { summarize } from './lib/rounds.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const opt = { pages: 10_000, heavy: false, tools: ['linkhound', 'floor', 'linkinator'], repeat: 3, linkinatorPages: 2000, out: '', keep: false, timeout: 1800 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	const a = argv[i];
	if (a === '--pages') opt.pages = Number(argv[++i]);
	else if (a === '--heavy') opt.heavy = true;
	else if (a === '--tools') opt.tools = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
	else if (a === '--repeat') opt.repeat = Number(argv[++i]);
	else if (a === '--linkinator-pages') opt.linkinatorPages = Number(argv[++i]);
	else if (a === '--out') opt.out = argv[++i];
	else if (a === '--keep') opt.keep = true;
	else if (a === '--timeout') opt.timeout = Number(argv[++i]);
	else {
		console.error(`unknown argument: ${a}`);
		process.exit(2);
	}
}
if (!(Number.isInteger(opt.repeat) && opt.repeat >= 1)) {
	console.error(`--repeat wants a whole number from 1: ${opt.repeat}`);
	process.exit(2);
}
const defs = toolDefs(repo);
for (const t of opt.tools) if (!defs[t]) {
	console.error(`unknown tool: ${t} (known: ${Object.keys(defs).join(', ')})`);
	process.exit(2);
}
if (!hasTime()) console.error('GNU time is not at /usr/bin/time: CPU and peak RSS come from each tool\'s own process.resourceUsage()');
opt.out ||= join(repo, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);

// linkinator gets its own smaller site; linkhound and floor run there too, for the ratios.
const sites = [];
const main = opt.tools.filter((t) => t !== 'linkinator');
if (opt.tools.includes('linkinator')) {
	if (opt.linkinatorPages === opt.pages) main.push('linkinator');
	else sites.push({ pages: opt.linkinatorPages, tools: opt.tools });
}
if (main.length) sites.unshift({ pages: opt.pages, tools: main });

async function startServer(root) {
	const child = spawn(process.execPath, [join(repo, 'bench/server.mjs'), '--root', root], { stdio: ['ignore', 'pipe', 'inherit'] });
	const lines = createInterface({ input: child.stdout });
	const first = await new Promise((ok) => lines.once('line', ok));
	const ports = JSON.parse(first);
	const stopped = new Promise((ok) => lines.on('line', (l) => ok(l)));
	return { ...ports, stop: async () => (child.kill('SIGTERM'), JSON.parse(await stopped)) };
}

const control = async (port, path) => (await fetch(`http://127.0.0.1:${port}${path}`)).json();

function judge(truth, broken, origins) {
	const abs = (e) => origins[e.origin ?? 'site'] + e.url;
	const expected = new Map(truth.broken.map((e) => [abs(e), e.category]));
	const ignore = new Set(truth.ignore.map(abs));
	let found = 0;
	let exact = 0;
	const missed = [];
	for (const [url, cat] of expected) {
		if (broken.has(url)) {
			found++;
			if (broken.get(url) === cat) exact++;
		} else missed.push(url);
	}
	const falseAlarms = [...broken.keys()].filter((u) => !expected.has(u) && !ignore.has(u));
	return { expected: expected.size, found, exactCategory: exact, missed, falseAlarms };
}

async function runTool(name, site, dir, origins, server, gen, round) {
	const def = defs[name];
	if (!def.available()) {
		if (round === 0) console.error(`  ${name}: not available (skipped)`);
		return { tool: name, skipped: 'not available (build it / npm ci --prefix bench)' };
	}
	await control(server.port, '/__reset');
	console.error(`  ${name}: running…${opt.repeat > 1 ? ` (round ${round + 1} of ${opt.repeat})` : ''}`);
	const m = await measure(def.argv(origins.site + '/', dir, site.pages), { cwd: repo, tmp: dir, name, timeoutMs: opt.timeout * 1000 });
	const stats = await control(server.port, '/__stats');
	let verdict;
	try {
		const r = def.broken(dir, m.stdout);
		verdict = { toolPages: r.pages, ...judge(gen.groundTruth, r.broken, origins) };
	} catch (err) {
		verdict = { error: `could not read the report: ${err.message}`, stderr: m.stderr };
	}
	const { stdout, ...measured } = m;
	return { tool: name, pages: site.pages, ...measured, server: stats, ...verdict };
}

const results = { startedAt: new Date().toISOString(), options: opt, node: process.version, sites: [] };
for (const site of sites) {
	const dir = mkdtempSync(join(tmpdir(), 'linkhound-bench-'));
	const server = await startServer(dir);
	const origins = { site: `http://127.0.0.1:${server.port}`, external: `http://127.0.0.1:${server.externalPort}` };
	const t0 = Date.now();
	const gen = generateSite({ out: dir, pages: site.pages, heavy: opt.heavy, externalOrigin: origins.external });
	console.error(`site: ${site.pages} pages${opt.heavy ? ' (heavy)' : ''}, ${(gen.htmlBytes / 1e6).toFixed(0)} MB of HTML, generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	// Rounds alternate the tools' order, so a machine that speeds up or slows down during the run
	// (seen here: the same tool 20 % apart from one minute to the next) weighs on every tool alike.
	const rounds = new Map(site.tools.map((name) => [name, []]));
	for (let round = 0; round < opt.repeat; round++) {
		const order = round % 2 === 0 ? site.tools : [...site.tools].reverse();
		for (const name of order) rounds.get(name).push(await runTool(name, site, dir, origins, server, gen, round));
	}
	const runs = site.tools.map((name) => summarize(name, rounds.get(name)));
	await server.stop();
	if (!opt.keep) rmSync(dir, { recursive: true, force: true });
	else console.error(`  kept ${dir}`);
	const entry = { pages: site.pages, heavy: opt.heavy, htmlMB: +(gen.htmlBytes / 1e6).toFixed(1), runs };
	results.sites.push(entry);
	printSite(entry);
}
printRatios(results.sites, opt.pages, opt.linkinatorPages);
mkdirSync(dirname(opt.out), { recursive: true });
writeFileSync(opt.out, JSON.stringify(results, null, 1));
console.log(`raw figures: ${opt.out}`);
