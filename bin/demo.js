#!/usr/bin/env node
// The bundled demo: serves fixtures/demo-site/ (plus scripted answers for the broken cases) and
// a second origin standing in for the outside world, runs linkhound against them, and checks
// that the report shows every category. Finding broken links is the point, so linkhound's exit
// code 1 is the expected result; this script exits 0 when the report looks as it should.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/index.js';

const SITE = fileURLToPath(new URL('../fixtures/demo-site/', import.meta.url));
const TIMEOUT_MS = 2000;
const SLOW_MS = TIMEOUT_MS + 1500;
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.txt': 'text/plain' };

/** Which URL path (on the site, or `external` for the other origin) must end in which category. */
export const EXPECTED = [
  ['ok', 'site', '/about.html'],
  ['ok', 'site', '/images/hound.png'],
  ['ok', 'site', '/images/paws.png'],
  ['redirect', 'site', '/old-about'],
  ['not-found', 'site', '/team.html'],
  ['not-found', 'site', '/images/team-photo.jpg'],
  ['gone', 'site', '/retired-page'],
  ['soft-404', 'site', '/old-offer'],
  ['soft-404', 'site', '/offers/spring-sale'],
  ['blocked', 'site', '/members'],
  ['error', 'site', '/slow'],
  ['skipped', 'mailto', 'mailto:woof@hound.example'],
  ['ok', 'external', '/'],
  ['not-found', 'external', '/members/hound-and-co'],
];

const timers = new Set();

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

function page(title, text) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

function siteHandler(externalHost) {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    if (path === '/old-about') return send(res, 301, '', { location: '/about.html' });
    if (path === '/retired-page') return send(res, 410, page('Gone', 'This price list was retired.'));
    if (path === '/members') {
      return send(res, 403, page('Just a moment...', 'Checking your browser.'), { 'cf-mitigated': 'challenge' });
    }
    if (path === '/slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, 200, page('Availability', 'All walkers are free tomorrow.'));
      }, SLOW_MS);
      timers.add(timer);
      res.on('close', () => { clearTimeout(timer); timers.delete(timer); });
      return undefined;
    }
    const file = normalize(join(SITE, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(SITE) || path.includes('/_')) return send(res, 404, page('Not found', 'No such page.'));
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      return send(res, 200, type.startsWith('text/html') ? body.toString('utf8').replaceAll('EXTERNAL', externalHost) : body, { 'content-type': type });
    } catch {
      // Like many CMSs: files 404 honestly, but every unknown "pretty" URL (/old-offer,
      // /offers/spring-sale, …) gets a thin "Page not found" page with status 200.
      if (extname(path) !== '') return send(res, 404, page('Not found', 'No such page.'));
      return send(res, 200, await readFile(join(SITE, '_templates/not-found.html')));
    }
  };
}

function externalHandler(req, res) {
  const path = new URL(req.url ?? '/', 'http://external').pathname;
  if (path === '/') return send(res, 200, page('Springfield Pet Guild', 'Welcome to the guild of Springfield pet businesses. Our members care for pets all over town, and the guild checks their insurance and training every year.'));
  return send(res, 404, page('Not found', 'No such page.'));
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${server.address().port}`));
  });
}

function close(server) {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Expected entries the report lacks or has in another category, as lines. */
function problems(report, siteOrigin, externalOrigin) {
  const byUrl = new Map(report.links.map((entry) => [entry.url, entry]));
  const out = [];
  for (const [category, where, path] of EXPECTED) {
    const url = where === 'mailto' ? path : `${where === 'site' ? siteOrigin : externalOrigin}${path}`;
    const entry = byUrl.get(url);
    if (!entry) out.push(`missing from the report: ${url} (expected ${category})`);
    else if (entry.category !== category) out.push(`${url}: expected ${category}, got ${entry.category}`);
  }
  return out;
}

const args = process.argv.slice(2);
const json = args.includes('--format') && args[args.indexOf('--format') + 1] === 'json' && !args.includes('--output');
const external = createServer(externalHandler);
const externalHost = await listen(external);
const site = createServer(siteHandler(externalHost));
const siteHost = await listen(site);
const siteOrigin = `http://${siteHost}`;

let reportText = '';
const demoArgs = ['--timeout', String(TIMEOUT_MS), '--retries', '0'];
// The demo checks a JSON report; for any other format a quiet JSON run goes alongside.
const [code, checked] = await Promise.all([
  main([`${siteOrigin}/`, ...demoArgs, ...args], {
    stdout: (text) => { reportText += text; process.stdout.write(text); },
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  }),
  json ? undefined : jsonReport(siteOrigin),
]);
const report = checked ?? JSON.parse(reportText);
await Promise.all([close(site), close(external)]);

const found = problems(report, siteOrigin, `http://${externalHost}`);
if (found.length > 0 || code !== 1) {
  for (const line of found) process.stderr.write(`demo: ${line}\n`);
  process.stderr.write(`demo: something is off; linkhound exit code ${code} (expected 1)\n`);
  process.exitCode = 1;
} else {
  process.stderr.write('demo: every category shown; linkhound exit code 1 (broken links found), as expected\n');
}

async function jsonReport(root) {
  let text = '';
  await main([`${root}/`, ...demoArgs, '--format', 'json', '--quiet'], { stdout: (t) => { text += t; }, stderr: () => undefined });
  return JSON.parse(text);
}
