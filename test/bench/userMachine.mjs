// Loaded with `node --import` into the CLI the orchestration bench runs: the machine this tool is
// for (an M3 Max with 128 GB, the demo's simulated system: 72 % of it free) instead of the bench
// host, whose RAM decides which installed models may be measured beside a download (2x-RAM rule).
import os from 'node:os';

const total = 128 * 1024 ** 3;
os.totalmem = () => total;
os.freemem = () => Math.round(total * 0.72);
