// One tool's rounds on one site, summed up as one row: the median of each measured figure (a
// single run on a shared machine can be 20 % off), the worst verdict of any round (a miss or a
// false alarm in one round is a miss), and every round kept as it was for the raw figures.

const MEASURED = ['wallSeconds', 'cpuSeconds', 'userSeconds', 'systemSeconds', 'maxRssMB', 'mainThreadSeconds', 'busiestThreadSeconds', 'otherThreadsSeconds'];

/** The median, or null if any value is missing (a figure this machine could not measure). */
export function median(values) {
	if (values.some((v) => v === null || v === undefined)) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : +((sorted[mid - 1] + sorted[mid]) / 2).toFixed(3);
}

/** The row for `runs` (one per round, in round order). */
export function summarize(tool, runs) {
	const failed = runs.find((r) => r.skipped || r.error);
	if (failed) return { ...failed, rounds: runs };
	// Server figures (requests, connections) come from the round whose CPU was the median one.
	const byCpu = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds);
	const row = { ...byCpu[(byCpu.length - 1) >> 1] };
	for (const key of MEASURED) row[key] = median(runs.map((r) => r[key]));
	const worst = runs.reduce((w, r) => (r.found < w.found || r.falseAlarms.length > w.falseAlarms.length ? r : w));
	Object.assign(row, { found: worst.found, exactCategory: Math.min(...runs.map((r) => r.exactCategory)), missed: worst.missed, falseAlarms: worst.falseAlarms });
	return { ...row, tool, rounds: runs };
}

/** a / b per round (rounds paired by number), as "min–max", or '' for a single round. */
export function roundSpread(a, b, key) {
	const n = Math.min(a.rounds?.length ?? 0, b.rounds?.length ?? 0);
	if (n < 2) return '';
	const ratios = Array.from({ length: n }, (_, i) => a.rounds[i][key] / b.rounds[i][key]);
	return `, rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}
