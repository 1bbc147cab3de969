// A pull whose connection drops: one clear line saying the pull resumes, the failure recorded in a
// valid results file, and the next pull continuing from the bytes already received (unless Ollama
// restarted in between, which drops partial downloads, as the real server does).
import {afterEach, describe, expect, it} from 'vitest';
import {profileFor} from '../../source/simulator/index.js';
import {faultLab, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const MODEL = 'qwen2.5:32b';

/** Percent shown on the first progress line of the model's largest (first) layer. */
function firstLayerPercent(stderr: string): number {
	const digest = profileFor(MODEL).layers[0]!.digest.replace(/^sha256:/, '').slice(0, 12);
	const line = stderr.split('\n').find((candidate) => candidate.includes(digest));
	const match = line === undefined ? null : /(\d+)%/.exec(line);
	if (!match) throw new Error(`no progress line for ${digest} in:\n${stderr}`);
	return Number(match[1]);
}

describe('connection dropped mid-pull', () => {
	it('says what happened and that re-running resumes; the next pull continues from the partial bytes', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 4}, {model: MODEL, route: '/api/pull'});

		const broken = await lab.cli(['pull', MODEL]);

		expect(broken.code).toBe(1);
		expect(broken.stderr.trim().split('\n').filter((line) => line.startsWith('Pull of'))).toEqual([
			`Pull of ${MODEL} failed: The connection to Ollama at ${lab.sim.url} broke off mid-response — run \`trifecta pull ${MODEL}\` again to resume the download from the bytes already received (they are lost if Ollama restarts meanwhile)`,
		]);
		expect(lab.sim.installed()).not.toContain(MODEL);
		expect(lab.results().models.find((model) => model.name === MODEL)?.pull?.status).toBe('failed');

		const resumed = await lab.cli(['pull', MODEL]);

		expect(resumed.code).toBe(0);
		expect(firstLayerPercent(resumed.stderr)).toBeGreaterThan(0);
		expect(lab.sim.installed()).toContain(MODEL);
		const pull = lab.results().models.find((model) => model.name === MODEL)?.pull;
		expect(pull?.status).toBe('pulled');
		expect(pull?.error).toBeUndefined();
	});

	it('after an Ollama restart the partial download is gone and the pull starts again from zero', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 4}, {model: MODEL, route: '/api/pull'});
		expect((await lab.cli(['pull', MODEL])).code).toBe(1);
		await lab.sim.restart();

		const again = await lab.cli(['pull', MODEL]);

		expect(again.code).toBe(0);
		expect(firstLayerPercent(again.stderr)).toBe(0);
		expect(lab.results().models.find((model) => model.name === MODEL)?.pull?.status).toBe('pulled');
	});
});
