#!/usr/bin/env node
// Static server for the benchmark site, in its own process so its CPU is not the tools'.
// Serves <root>/site on one port and <root>/external on a second ("the outside world"),
// both on 127.0.0.1 with keep-alive. Answers 410s, redirects and soft 404s from
// <root>/routes.json (reloaded on /__reset, so the runner can start the server before it
// generates the site that links to the external port).
//
//   node bench/server.mjs --root DIR [--port 0] [--external-port 0] [--stats-file FILE]
//
// Prints {"port":…,"externalPort":…} as one line on stdout when listening. On the site port,
// GET /__stats returns the counters as JSON and GET /__reset zeroes them (neither is counted).
// On SIGTERM it prints the counters as one JSON line (and writes --stats-file) and exits.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
	'.jpg': 'image/jpeg', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8', '.json': 'application/json',
};
const NOT_FOUND = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n';

const args = process.argv.slice(2);
const opt = { root: '', port: 0, externalPort: 0, statsFile: '' };
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--root') opt.root = args[++i];
	else if (args[i] === '--port') opt.port = Number(args[++i]);
	else if (args[i] === '--external-port') opt.externalPort = Number(args[++i]);
	else if (args[i] === '--stats-file') opt.statsFile = args[++i];
	else {
		console.error(`unknown argument: ${args[i]}`);
		process.exit(2);
	}
}
if (!opt.root) {
	console.error('usage: node bench/server.mjs --root DIR [--port N] [--external-port N] [--stats-file FILE]');
	process.exit(2);
}

let routes;
function loadRoutes() {
	const file = join(opt.root, 'routes.json');
	const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	routes = {
		redirects: new Map(Object.entries(r.redirects ?? {})),
		gone: new Set(r.gone ?? []),
		soft404: new Set(r.soft404 ?? []),
		missing: { site: new Set(r.missing?.site ?? []), external: new Set(r.missing?.external ?? []) },
		soft404Body: Buffer.from(r.soft404Body ?? '<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>'),
	};
}

function freshCounters() {
	return { requests: 0, get: 0, head: 0, other: 0, robots: 0, unlinked: 0, connections: 0, openNow: 0, maxOpen: 0, bytes: 0, byStatus: {}, seen: new Set() };
}
let counters;
let cpuAtReset;
let resetAt;
function reset() {
	const open = counters ? { site: counters.site.openNow, external: counters.external.openNow } : { site: 0, external: 0 };
	counters = { site: freshCounters(), external: freshCounters() };
	counters.site.openNow = open.site;
	counters.external.openNow = open.external;
	cpuAtReset = process.cpuUsage();
	resetAt = Date.now();
}

function snapshot() {
	const cpu = process.cpuUsage(cpuAtReset);
	const out = { sinceMs: Date.now() - resetAt, serverCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(3) };
	for (const [name, c] of Object.entries(counters)) {
		const { seen, openNow, ...rest } = c;
		out[name] = { ...rest, uniqueUrls: seen.size, repeats: c.requests - seen.size };
	}
	return out;
}

function send(req, res, c, status, headers, body) {
	c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
	if (body) headers['content-length'] = body.length;
	res.writeHead(status, headers);
	if (req.method === 'HEAD' || !body) res.end();
	else {
		c.bytes += body.length;
		res.end(body);
	}
}

function serveFile(req, res, c, dir, path, known) {
	const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
	const type = TYPES[extname(file)] ?? 'application/octet-stream';
	const notFound = () => {
		if (!known) c.unlinked++;
		send(req, res, c, 404, { 'content-type': TYPES['.html'] }, Buffer.from(NOT_FOUND));
	};
	if (req.method === 'HEAD') {
		stat(file, (err, st) => {
			if (err || !st.isFile()) return notFound();
			c.byStatus[200] = (c.byStatus[200] ?? 0) + 1;
			res.writeHead(200, { 'content-type': type, 'content-length': st.size });
			res.end();
		});
		return;
	}
	readFile(file, (err, body) => (err ? notFound() : send(req, res, c, 200, { 'content-type': type }, body)));
}

function handler(origin, dir) {
	return (req, res) => {
		const q = req.url.indexOf('?');
		let path = q < 0 ? req.url : req.url.slice(0, q);
		if (origin === 'site' && path.startsWith('/__')) {
			if (path === '/__reset') {
				loadRoutes();
				reset();
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			return res.end(JSON.stringify(snapshot()));
		}
		const c = counters[origin];
		c.requests++;
		c.seen.add(req.url);
		if (req.method === 'GET') c.get++;
		else if (req.method === 'HEAD') c.head++;
		else c.other++;
		if (path === '/robots.txt') c.robots++;
		try {
			path = decodeURIComponent(path);
		} catch {
			return send(req, res, c, 400, {}, null);
		}
		if (path.includes('..') || path.includes('\0')) return send(req, res, c, 400, {}, null);
		if (origin === 'site') {
			const r = routes.redirects.get(path);
			if (r) return send(req, res, c, r.status, { location: r.location }, null);
			if (routes.gone.has(path)) return send(req, res, c, 410, { 'content-type': TYPES['.html'] }, Buffer.from(NOT_FOUND.replace(/Not Found/g, 'Gone')));
			if (routes.soft404.has(path)) return send(req, res, c, 200, { 'content-type': TYPES['.html'] }, routes.soft404Body);
		}
		serveFile(req, res, c, dir, path, routes.missing[origin].has(path) || path === '/favicon.ico');
	};
}

function listen(origin, port) {
	const server = createServer({ keepAliveTimeout: 60_000, headersTimeout: 65_000, requestTimeout: 0 }, handler(origin, join(opt.root, origin)));
	server.maxRequestsPerSocket = 0;
	server.on('connection', (socket) => {
		const c = counters[origin];
		c.connections++;
		c.openNow++;
		if (c.openNow > c.maxOpen) c.maxOpen = c.openNow;
		socket.on('close', () => counters[origin].openNow--);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server.address().port));
	});
}

loadRoutes();
reset();
const ports = { port: await listen('site', opt.port), externalPort: await listen('external', opt.externalPort) };
console.log(JSON.stringify(ports));

process.on('SIGTERM', () => {
	const line = JSON.stringify(snapshot());
	if (opt.statsFile) writeFileSync(opt.statsFile, line + '\n');
	process.stdout.write(line + '\n', () => process.exit(0));
});
