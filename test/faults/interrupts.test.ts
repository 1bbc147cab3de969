// Ctrl+C on the headless CLI (SIGINT, as a terminal sends it) while a stream is in flight: the
// simulator's 'stall' fault holds the stream open, so the signal always lands mid-step. Exit 130,
// everything finished before it kept in a valid results file, and the message says how to go on.
import {afterEach, describe, expect, it} from 'vitest';
import {profileFor} from '../../source/simulator/index.js';
import {faultLab, modelOf, requestSeen, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const FIRST = 'qwen2.5:14b';
const SECOND = 'mistral-small:22b';

describe('Ctrl+C', () => {
	it('during a pull: exit 130, the pull recorded as canceled, and re-running resumes it', async () => {
		lab = await faultLab();
		const [layer] = profileFor('qwen2.5:32b').layers;
		lab.sim.injectOllamaFault({kind: 'stall', afterChunks: 4}, {model: 'qwen2.5:32b', route: '/api/pull'});
		const running = lab.start(['pull', 'qwen2.5:32b']);
		await requestSeen(lab.sim, (request) => request.path === '/api/pull');
		running.child.kill('SIGINT');
		const result = await running.done;

		expect(result.code).toBe(130);
		expect(result.stderr).toContain(
			'Pull of qwen2.5:32b canceled — run `trifecta pull qwen2.5:32b` again to resume the download',
		);
		expect(lab.sim.installed()).not.toContain('qwen2.5:32b');
		expect(lab.sim.requests.find((request) => request.path === '/api/pull')?.aborted).toBe(true);
		expect(lab.results().models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('canceled');

		const again = await lab.cli(['pull', 'qwen2.5:32b']);
		expect(again.code).toBe(0);
		expect(lab.sim.installed()).toContain('qwen2.5:32b');
		// The first layer's first progress line already has the bytes received before Ctrl+C.
		const digest = layer!.digest.replace(/^sha256:/, '').slice(0, 12);
		const firstLine = again.stderr.split('\n').find((line) => line.includes(digest));
		expect(firstLine).toBeDefined();
		expect(firstLine).not.toMatch(/\s0%/);
		expect(lab.results().models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('pulled');
	});

	it('during a benchmark: exit 130, the model finished before it kept, the message says how to continue', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'stall', afterChunks: 1}, {model: SECOND, route: '/api/generate'});
		const running = lab.start(['bench', FIRST, SECOND, '--json']);
		await requestSeen(lab.sim, (request) => request.path === '/api/generate' && modelOf(request.body) === SECOND);
		running.child.kill('SIGINT');
		const result = await running.done;

		expect(result.code).toBe(130);
		expect((JSON.parse(result.stdout) as {models: {name: string}[]}).models.map((model) => model.name)).toEqual([FIRST]);
		expect(result.stderr).toContain(`Interrupted. Results for ${FIRST} are kept in ${lab.resultsPath}.`);
		const results = lab.results();
		expect(results.models.find((model) => model.name === FIRST)?.speed?.evalRate.samples).toHaveLength(1);
		expect(results.models.find((model) => model.name === SECOND)?.speed).toBeUndefined();
		// What to do next: the user must learn that running bench again measures what is missing.
		expect(result.stderr).toMatch(new RegExp(`run .*trifecta bench[^\\n]*${SECOND.replace('.', '\\.')}|run the same command again`));
	});

	it('during the comparison: exit 130, finished cells kept, the message says re-running continues', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'stall', afterChunks: 5}, {model: SECOND, route: '/api/chat'});
		const running = lab.start(['compare', FIRST, SECOND, '--no-claude', '--json']);
		await requestSeen(lab.sim, (request) => request.path === '/api/chat' && modelOf(request.body) === SECOND);
		running.child.kill('SIGINT');
		const result = await running.done;

		expect(result.code).toBe(130);
		expect(result.stderr).toContain('Interrupted. Finished cells are kept; run the same command again to redo the rest.');
		const results = lab.results();
		const first = results.models.find((model) => model.name === FIRST)?.reasoning;
		for (const role of ['bull', 'bear', 'trader'] as const) expect(first?.[role]?.status).toBe('ok');
		// The cell in flight is not recorded as a measurement.
		const second = results.models.find((model) => model.name === SECOND)?.reasoning;
		expect(Object.values(second ?? {}).filter((cell) => cell.status === 'ok')).toHaveLength(0);
		const printed = JSON.parse(result.stdout) as {models: {name: string}[]};
		expect(printed.models.map((model) => model.name)).toContain(FIRST);
	});
});
