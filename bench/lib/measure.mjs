// Runs one tool and measures it: wall time here; user + system CPU (all threads) and peak RSS
// from GNU time (/usr/bin/time -f, the child's rusage from wait4()) when it is installed, else
// from the tool's own process.resourceUsage(), reported at exit by a preloaded module (every
// tool here is a Node program, so both give the same figures). The same module reports the CPU
// of each thread, which splits the total (./threads.mjs).
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitByThread } from './threads.mjs';

export const TIME = '/usr/bin/time';
export const hasTime = () => process.env.LINKHOUND_BENCH_NO_GNU_TIME !== "1" && existsSync(TIME);
const USAGE_PRELOAD = new URL('./usage-at-exit.mjs', import.meta.url).href;

/**
 * Runs argv in cwd; resolves { wallSeconds, cpuSeconds, userSeconds, systemSeconds, maxRssMB,
 * mainThreadSeconds, busiestThreadSeconds, otherThreadsSeconds, exitCode, stdout, stderr } (the
 * thread figures null where /proc is not there).
 */
export function measure(argv, { cwd, tmp, name, timeoutMs }) {
	const outFile = join(tmp, `${name}.stdout`);
	const errFile = join(tmp, `${name}.stderr`);
	const usageFile = join(tmp, `${name}.usage`);
	const timeFile = join(tmp, `${name}.time`);
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	const gnu = hasTime();
	const [cmd, ...rest] = argv;
	const tool = cmd === 'node' ? [process.execPath, '--import', USAGE_PRELOAD, ...rest] : argv;
	const command = gnu ? [TIME, ['-f', '%U %S %M %x', '-o', timeFile, ...tool]] : [tool[0], tool.slice(1)];
	const t0 = performance.now();
	const child = spawn(command[0], command[1], { cwd, stdio: ['ignore', out, err], env: { ...process.env, LINKHOUND_BENCH_USAGE: usageFile } });
	const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
	return new Promise((resolve) => {
		child.on('exit', (code) => {
			clearTimeout(timer);
			const wallSeconds = (performance.now() - t0) / 1000;
			closeSync(out);
			closeSync(err);
			const reported = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined;
			const usage = gnu ? gnuUsage(timeFile) : nodeUsage(reported?.usage, code);
			const cpuSeconds = +(usage.userSeconds + usage.systemSeconds).toFixed(2);
			const threads = reported?.threads ? splitByThread(cpuSeconds, reported.mainTid, new Map(Object.entries(reported.threads))) : undefined;
			resolve({
				wallSeconds: +wallSeconds.toFixed(3), ...usage, cpuSeconds,
				...(threads ?? { mainThreadSeconds: null, busiestThreadSeconds: null, otherThreadsSeconds: null }),
				stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8').slice(-2000),
			});
		});
	});
}

function gnuUsage(file) {
	const [user, sys, rssKB, exit] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
	return { userSeconds: user, systemSeconds: sys, maxRssMB: +(rssKB / 1024).toFixed(1), exitCode: Number.isFinite(exit) ? exit : null };
}

function nodeUsage(reported, code) {
	const u = reported ?? { userCPUTime: 0, systemCPUTime: 0, maxRSS: 0 };
	return { userSeconds: +(u.userCPUTime / 1e6).toFixed(2), systemSeconds: +(u.systemCPUTime / 1e6).toFixed(2), maxRssMB: +(u.maxRSS / 1024).toFixed(1), exitCode: code };
}
