// Pull progress counters a server cannot mean: more bytes received than the layer holds is shown
// as at most 100 % (it showed 500 %), and a layer of 1e300 bytes is refused as implausible (it was
// turned into "needs 1.1e291 GB" of disk).
import {afterEach, describe, expect, it} from 'vitest';
import {rewriteJson} from './hostileServer.js';
import {hostileLab, type HostileLab} from './hostileLab.js';

const MODEL = 'qwen2.5:32b';

let lab: HostileLab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

describe('pull counters', () => {
	it('completed past total: never over 100 %', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({
			path: '/api/pull',
			handle: rewriteJson((line) => (typeof line['completed'] === 'number' && typeof line['total'] === 'number' ? {...line, completed: line['completed'] * 5} : line)),
		});
		const result = await lab.run(['pull', MODEL]);
		expect(result.code).toBe(0);
		const percents = [...result.err.matchAll(/(\d+)%/g)].map((match) => Number(match[1]));
		expect(percents.length).toBeGreaterThan(0);
		expect(Math.max(...percents)).toBeLessThanOrEqual(100);
	});

	it('a layer of 1e300 bytes: refused as implausible, exit 1, no disk arithmetic on it', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({
			path: '/api/pull',
			handle: rewriteJson((line) => (typeof line['total'] === 'number' ? {...line, total: 1e300} : line)),
		});
		const result = await lab.run(['pull', MODEL]);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/Ollama sent an implausible size for layer [0-9a-f]{12}: 1e\+300 bytes \(a layer is at most 4 TB\)/);
		expect(result.err).not.toMatch(/e\+\d+ GB|needs/);
	});
});
