import {describe, expect, it} from 'vitest';
import {createPullLines} from '../../../source/app/lines/pullLines.js';
import type {PullEvent} from '../../../source/experiment/events.js';

const DIGEST = `sha256:2049f5674b1e${'0'.repeat(52)}`;

function progress(completed: number, total: number, at: number, status = 'pulling 2049f5674b1e'): PullEvent {
	return {type: 'pull:progress', model: 'qwen2.5:14b', update: {status, layers: [{digest: DIGEST, total, completed}], total, completed, at}};
}

describe('pull lines', () => {
	it('prints one line per layer per 10 % however many updates arrive', () => {
		const format = createPullLines();
		const printed: string[] = [];
		const emit = (event: PullEvent) => {
			const line = format(event);
			if (line !== null) printed.push(...line.split('\n'));
		};
		emit({type: 'pull:start', model: 'qwen2.5:14b', expectedBytes: 9e9});
		emit({type: 'pull:progress', model: 'qwen2.5:14b', update: {status: 'pulling manifest', layers: [], total: 0, completed: 0, at: 0}});
		for (let i = 0; i <= 1000; i++) emit(progress(i * 9e6, 9e9, i * 60));
		const layerLines = printed.filter((line) => line.includes('2049f5674b1e'));
		expect(layerLines).toHaveLength(11);
		expect(layerLines[5]).toMatch(/2049f5674b1e\s+50%\s+4\.5 GB \/ 9\.0 GB\s+150\.0 MB\/s/);
		expect(layerLines[10]).toMatch(/100%\s+9\.0 GB \/ 9\.0 GB$/);
		// A size known before the pull is an expectation: the pulled size may differ.
		expect(printed[0]).toBe('pulling qwen2.5:14b (expected 9.0 GB)');
		expect(printed.filter((line) => line.includes('pulling manifest'))).toHaveLength(1);
	});

	it('reports skip, success, failure and cancel in one line each', () => {
		const format = createPullLines();
		expect(format({type: 'pull:done', model: 'a:1b', result: {status: 'present', bytes: 1, seconds: 0, at: ''}})).toBe('a:1b is already installed — pull skipped.');
		expect(format({type: 'pull:done', model: 'a:1b', result: {status: 'pulled', bytes: 2e9, seconds: 12.34, at: ''}})).toBe('pulled a:1b: 2.0 GB in 12.3 s');
		expect(format({type: 'pull:done', model: 'a:1b', result: {status: 'canceled', bytes: 1, seconds: 1, error: 'run again to resume', at: ''}})).toBe('run again to resume');
		expect(format({type: 'warning', message: 'disk'})).toBe('warning: disk');
	});
});
