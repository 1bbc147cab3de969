// Loaded with `node --import` into the CLI the orchestration bench runs: the RAM of the machine
// this tool is for instead of the bench host's, whose RAM decides which installed models may be
// measured beside a download (2x-RAM rule). The figures come from orchestration.ts (USER_MACHINE).
import os from 'node:os';

const total = Number(process.env['TRIFECTA_BENCH_TOTAL_RAM']);
const free = Number(process.env['TRIFECTA_BENCH_FREE_RAM']);
if (total > 0 && free > 0) {
	os.totalmem = () => total;
	os.freemem = () => free;
}
