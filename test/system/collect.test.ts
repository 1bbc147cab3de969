import {describe, expect, it} from 'vitest';
import {collectSystemInfo, isLoopbackHost, type Probes} from '../../source/system/collect.js';
import {chipBandwidth} from '../../source/system/chips.js';

function macProbes(brand: string, cpus: string): Probes {
	const values: Record<string, string> = {
		'machdep.cpu.brand_string': brand,
		'hw.ncpu': cpus,
		'hw.memsize': String(128 * 1024 ** 3),
	};
	return {
		platform: 'darwin',
		sysctl: async (name) => values[name] ?? null,
		totalmem: () => 1,
		freemem: () => 64 * 1024 ** 3,
		statfs: async (dir) => ({path: dir, freeBytes: 500e9, totalBytes: 1000e9}),
		env: {},
		homedir: '/Users/quant',
	};
}

describe('chip bandwidth', () => {
	it('knows the M3 Max at 400 GB/s and its 14-core CPU / 30-core GPU part at 300 GB/s', () => {
		expect(chipBandwidth('Apple M3 Max', 16)).toEqual({bandwidthGBs: 400, gpuCores: 40});
		expect(chipBandwidth('Apple M3 Max', 14)).toEqual({bandwidthGBs: 300, gpuCores: 30});
		expect(chipBandwidth('Apple M2 Ultra', 24)?.bandwidthGBs).toBe(800);
		expect(chipBandwidth('Intel(R) Core(TM) i9', 8)).toBeNull();
	});
});

describe('collectSystemInfo', () => {
	it('reads a Mac: chip, RAM from hw.memsize, bandwidth from the table, models disk', async () => {
		const info = await collectSystemInfo({host: 'http://127.0.0.1:11434', resultsDir: '/tmp/r', bandwidthGBs: null}, macProbes('Apple M3 Max', '16'));
		expect(info.chip).toBe('Apple M3 Max');
		expect(info.bandwidthGBs).toBe(400);
		expect(info.bandwidthSource).toBe('chip-table');
		expect(info.totalRamBytes).toBe(128 * 1024 ** 3);
		expect(info.modelsDisk?.path).toBe('/Users/quant/.ollama/models');
		expect(info.ollamaIsLocal).toBe(true);
	});

	it('lets --bandwidth win and skips the models disk for a remote Ollama', async () => {
		const info = await collectSystemInfo({host: 'http://gpu-box:11434', resultsDir: '/tmp/r', bandwidthGBs: 300}, macProbes('Apple M3 Max', '16'));
		expect(info.bandwidthGBs).toBe(300);
		expect(info.bandwidthSource).toBe('flag');
		expect(info.modelsDisk).toBeNull();
		expect(info.ollamaIsLocal).toBe(false);
	});

	it('says unknown elsewhere unless --bandwidth is given', async () => {
		const linux: Probes = {...macProbes('', ''), platform: 'linux', sysctl: async () => null, totalmem: () => 24e9, env: {OLLAMA_MODELS: '/data/models'}};
		const info = await collectSystemInfo({host: 'http://localhost:11434', resultsDir: '/tmp/r', bandwidthGBs: null}, linux);
		expect(info.chip).toBeNull();
		expect(info.bandwidthGBs).toBeNull();
		expect(info.bandwidthSource).toBe('unknown');
		expect(info.totalRamBytes).toBe(24e9);
		expect(info.modelsDisk?.path).toBe('/data/models');
	});

	it('recognises loopback hosts', () => {
		expect(isLoopbackHost('http://127.0.0.1:11434')).toBe(true);
		expect(isLoopbackHost('http://localhost:1')).toBe(true);
		expect(isLoopbackHost('http://[::1]:11434')).toBe(true);
		expect(isLoopbackHost('http://192.168.1.20:11434')).toBe(false);
	});
});
