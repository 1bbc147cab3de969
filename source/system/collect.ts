// Preflight facts about this machine: chip and bandwidth, RAM, free disk where results and models
// live. Every probe is injectable so tests can play a Mac on Linux.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {statfs} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {chipBandwidth} from './chips.js';
import type {DiskInfo, SystemInfo} from './types.js';

export type Probes = {
	platform: string;
	sysctl(name: string): Promise<string | null>;
	totalmem(): number;
	freemem(): number;
	statfs(dir: string): Promise<DiskInfo | null>;
	env: NodeJS.ProcessEnv;
	homedir: string;
};

const execFileAsync = promisify(execFile);

export const realProbes: Probes = {
	platform: process.platform,
	async sysctl(name) {
		try {
			const {stdout} = await execFileAsync('sysctl', ['-n', name], {timeout: 2000});
			return stdout.trim() || null;
		} catch {
			return null;
		}
	},
	totalmem: () => os.totalmem(),
	freemem: () => os.freemem(),
	async statfs(dir) {
		try {
			const stats = await statfs(existingAncestor(dir));
			return {path: dir, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize};
		} catch {
			return null;
		}
	},
	env: process.env,
	homedir: os.homedir(),
};

/** statfs needs a path that exists; results and models folders may not exist yet. */
function existingAncestor(dir: string): string {
	let current = path.resolve(dir);
	while (!existsSync(current)) {
		const parent = path.dirname(current);
		if (parent === current) break;
		current = parent;
	}
	return current;
}

export function isLoopbackHost(host: string): boolean {
	try {
		const {hostname} = new URL(host);
		return hostname === 'localhost' || hostname === '[::1]' || hostname === '0.0.0.0' || /^127\./.test(hostname);
	} catch {
		return false;
	}
}

export function ollamaModelsDir(env: NodeJS.ProcessEnv, homedir: string): string {
	return env['OLLAMA_MODELS'] || path.join(homedir, '.ollama', 'models');
}

export async function collectSystemInfo(
	options: {host: string; resultsDir: string; bandwidthGBs: number | null},
	probes: Probes = realProbes,
): Promise<SystemInfo> {
	const ollamaIsLocal = isLoopbackHost(options.host);
	let chip: string | null = null;
	let gpuCores: number | null = null;
	let tableBandwidth: number | null = null;
	let totalRamBytes = probes.totalmem();
	if (probes.platform === 'darwin') {
		const [brand, cpus, memsize] = await Promise.all([
			probes.sysctl('machdep.cpu.brand_string'),
			probes.sysctl('hw.ncpu'),
			probes.sysctl('hw.memsize'),
		]);
		chip = brand;
		if (memsize && Number(memsize) > 0) totalRamBytes = Number(memsize);
		const lookup = brand ? chipBandwidth(brand, cpus ? Number(cpus) : null) : null;
		if (lookup) {
			tableBandwidth = lookup.bandwidthGBs;
			gpuCores = lookup.gpuCores;
		}
	}
	const [resultsDisk, modelsDisk] = await Promise.all([
		probes.statfs(options.resultsDir),
		ollamaIsLocal ? probes.statfs(ollamaModelsDir(probes.env, probes.homedir)) : Promise.resolve(null),
	]);
	const bandwidthSource = options.bandwidthGBs !== null ? 'flag' : tableBandwidth !== null ? 'chip-table' : 'unknown';
	return {
		platform: probes.platform,
		chip,
		gpuCores,
		bandwidthGBs: options.bandwidthGBs ?? tableBandwidth,
		bandwidthSource,
		totalRamBytes,
		freeRamBytes: probes.freemem(),
		resultsDisk,
		modelsDisk,
		ollamaIsLocal,
	};
}

/** What --demo pretends to run on: the users' machine, an M3 Max with 128 GB. */
export function simulatedSystemInfo(resultsDisk: DiskInfo | null): SystemInfo {
	const total = 128 * 1024 ** 3;
	return {
		platform: 'darwin',
		chip: 'Apple M3 Max (SIMULATED)',
		gpuCores: 40,
		bandwidthGBs: 400,
		bandwidthSource: 'simulated',
		totalRamBytes: total,
		freeRamBytes: Math.round(total * 0.72),
		resultsDisk,
		modelsDisk: {path: '~/.ollama/models (SIMULATED)', freeBytes: 800e9, totalBytes: 1000e9},
		ollamaIsLocal: true,
	};
}
