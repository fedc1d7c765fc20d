// Preloaded into every measured tool (all are Node programs): as the tool exits, writes where the
// bench asked its own resource usage (CPU of all its threads, peak RSS; used when GNU time is not
// installed) and the CPU of each of its threads. Threads are sampled every 100 ms, as a thread
// that has ended is gone from /proc: one ending between samples loses at most that much.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { statCpuSeconds } from './threads.mjs';

const file = process.env.LINKHOUND_BENCH_USAGE;
const TASKS = '/proc/self/task';
const threads = new Map();

function sample() {
	let tids;
	try {
		tids = readdirSync(TASKS);
	} catch {
		return;
	}
	for (const tid of tids) {
		try {
			const seconds = statCpuSeconds(readFileSync(`${TASKS}/${tid}/stat`, 'utf8'));
			if (seconds !== undefined) threads.set(tid, seconds);
		} catch {
			// The thread ended between the listing and the read.
		}
	}
}

// Worker threads run preloads too: only the main thread reports, once, for the whole process.
if (file && isMainThread) {
	setInterval(sample, 100).unref();
	process.on('exit', () => {
		sample();
		writeFileSync(file, JSON.stringify({ usage: process.resourceUsage(), mainTid: String(process.pid), threads: Object.fromEntries(threads) }));
	});
}
