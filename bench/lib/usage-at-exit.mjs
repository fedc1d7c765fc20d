// Preloaded into a measured tool when GNU time is not installed: writes the process's own
// resource usage (CPU of all its threads, peak RSS) where the bench asked, as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.LINKHOUND_BENCH_USAGE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
