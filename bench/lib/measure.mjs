// Runs one tool under GNU time (/usr/bin/time -f), which reports the child's own rusage from
// wait4(): user + system CPU (all threads) and peak RSS (ru_maxrss). Wall time is taken here.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const TIME = '/usr/bin/time';
export const hasTime = () => existsSync(TIME);

/** Runs argv in cwd; resolves { wallSeconds, cpuSeconds, userSeconds, systemSeconds, maxRssMB, exitCode, stdout, stderr }. */
export function measure(argv, { cwd, tmp, name, timeoutMs }) {
	const outFile = join(tmp, `${name}.stdout`);
	const errFile = join(tmp, `${name}.stderr`);
	const timeFile = join(tmp, `${name}.time`);
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	const t0 = performance.now();
	const child = spawn(TIME, ['-f', '%U %S %M %x', '-o', timeFile, ...argv], { cwd, stdio: ['ignore', out, err] });
	const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
	return new Promise((resolve) => {
		child.on('exit', () => {
			clearTimeout(timer);
			const wallSeconds = (performance.now() - t0) / 1000;
			closeSync(out);
			closeSync(err);
			const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ');
			const [user, sys, rssKB, exit] = last.map(Number);
			resolve({
				wallSeconds: +wallSeconds.toFixed(3), userSeconds: user, systemSeconds: sys, cpuSeconds: +(user + sys).toFixed(2),
				maxRssMB: +(rssKB / 1024).toFixed(1), exitCode: Number.isFinite(exit) ? exit : null,
				stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8').slice(-2000),
			});
		});
	});
}
