// CPU by thread, from Linux's /proc/<pid>/task/<tid>/stat: which thread of a tool spends the CPU
// that rusage reports as one total. linkhound's crawl thread, its parser thread and V8's helper
// threads (optimizing compiles, parallel GC) each have their own budget to cut; the floor's
// figure is almost all its main thread.

// /proc reports utime and stime in clock ticks of USER_HZ, which Linux fixes at 100 for user space.
const TICKS_PER_SECOND = 100;

/** The CPU seconds (user + system) of one `/proc/.../stat` line, or undefined if it is not one. */
export function statCpuSeconds(line) {
	// The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
	const close = line.lastIndexOf(')');
	if (close < 0) return undefined;
	const fields = line.slice(close + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : undefined;
}

/**
 * The split of `totalSeconds` (the process's rusage) given each thread's last sampled CPU:
 * the main thread, the busiest other thread, and the rest (what rusage counts beyond those two,
 * so threads that ended between samples are in it too). Undefined without the main thread.
 */
export function splitByThread(totalSeconds, mainTid, seconds) {
	const main = seconds.get(mainTid);
	if (main === undefined) return undefined;
	const busiest = Math.max(0, ...[...seconds].filter(([tid]) => tid !== mainTid).map(([, s]) => s));
	const round = (x) => +x.toFixed(2);
	return { mainThreadSeconds: round(main), busiestThreadSeconds: round(busiest), otherThreadsSeconds: round(Math.max(0, totalSeconds - main - busiest)) };
}
