// The configs offer with the real writers and a copy of the pipeline fixture: Skip writes
// nothing, Write writes the JSON and patches src/hybrid_llm.py, Show the diff prints it first,
// and a write that fails is shown on screen with a way back to the offer.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {createRunner, type Outputs} from '../../../source/experiment/runner/index.js';
import {defaultOutputs} from '../../../source/experiment/runner/outputs.js';
import {roundOneWorld, type World} from '../../experiment/strategy/fixtures.js';
import {harness} from '../../experiment/runner/fakes.js';
import {FIXTURE_PIPELINE, pipelineCopy} from '../../output/helpers.js';
import {KEY, renderWizard, enterThrough} from './helpers.js';
import {focusRow} from '../../helpers/testUtils.js';

const world: World = {
	...roundOneWorld({trader32: 9.3}),
};

const HYBRID_LLM = 'src/hybrid_llm.py';

afterEach(() => cleanup());

async function toOffer(override: Partial<Outputs> = {}) {
	const h = harness(world);
	const pipeline = pipelineCopy();
	const outputs = {...defaultOutputs({pipelineDir: pipeline, docsDir: path.join(h.dir, 'docs')}), ...override};
	const runner = await createRunner(h.deps(), h.steps, outputs);
	const ui = renderWizard(runner);
	await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — final', 'Hybrid configs for qwen2.5:32b']);
	return {h, pipeline, runner, ui, json: path.join(h.dir, 'hybrid-configs.json')};
}

const original = readFileSync(path.join(FIXTURE_PIPELINE, HYBRID_LLM), 'utf8');

describe('the configs offer', () => {
	it('shows every config, where it goes and what the patch changes, before writing anything', async () => {
		const {ui, runner, json, pipeline} = await toOffer();
		for (const name of ['hybrid_qwen32', 'hybrid_aggressive_qwen32', 'hybrid_aggressive_qwen32_localtools']) expect(ui.frame()).toContain(`• ${name}:`);
		expect(ui.flat()).toContain(`Configs file: ${json}`);
		expect(ui.flat()).toMatch(new RegExp(`Pipeline ${pipeline}: src/hybrid_llm\\.py \\+\\d+ -\\d+`));
		expect(ui.frame()).toContain('› Write the configs file and patch');
		expect(existsSync(json)).toBe(false);
		expect(readFileSync(path.join(pipeline, HYBRID_LLM), 'utf8')).toBe(original);
		await runner.close();
	});

	it('Skip writes nothing but the report', async () => {
		const {ui, runner, json, pipeline, h} = await toOffer();
		await focusRow(ui, 'Skip: write nothing');
		expect(ui.frame()).toContain('› Skip: write nothing');
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(existsSync(json)).toBe(false);
		expect(readFileSync(path.join(pipeline, HYBRID_LLM), 'utf8')).toBe(original);
		expect(existsSync(path.join(pipeline, `${HYBRID_LLM}.trifecta.bak`))).toBe(false);
		expect(ui.flat()).toContain(`Files written: ${h.dir}/: docs/TASK_005_REPORT.md`);
		expect(ui.flat()).toMatch(/Next step: Write the configs into the pipeline \(trifecta configs --write\)/);
		await runner.close();
	});

	it('Show the diff prints it to the scrollback; Write then patches the pipeline and lists every file', async () => {
		const {ui, runner, json, pipeline} = await toOffer();
		await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('+++ b/src/hybrid_llm.py');
		expect(ui.frame()).toMatch(/^\+.*hybrid_qwen32/m);
		expect(ui.frame()).toContain('› Show the diff');
		expect(existsSync(json)).toBe(false);
		await ui.press(KEY.up);
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(readFileSync(path.join(pipeline, HYBRID_LLM), 'utf8')).toContain('"hybrid_qwen32"');
		expect(JSON.parse(readFileSync(json, 'utf8')).configs).toHaveLength(3);
		// Grouped by folder so the whole list fits; the patch's backups are counted.
		expect(ui.flat()).toContain(`${path.dirname(json)}/: ${path.basename(json)}`);
		expect(ui.flat()).toMatch(new RegExp(`${path.join(pipeline, 'src')}/: hybrid_llm\\.py, run_analysis\\.py`));
		expect(ui.flat()).toMatch(/and \d+ backups? of the patched files beside them/);
		// The next step no longer asks for what was just done.
		expect(ui.flat()).toMatch(/Next step: The configs are in the pipeline: run one full analysis with --hybrid hybrid_qwen32/);
		expect(ui.flat()).not.toContain('Write the configs into the pipeline');
		await runner.close();
	});

	it('shows a failed write on screen, keeps the pipeline as it was, and goes back to the offer on Esc', async () => {
		const real = defaultOutputs({pipelineDir: FIXTURE_PIPELINE, docsDir: '.'});
		// Root ignores file modes, so the error a read-only src/ gives is raised here, as Node raises it.
		const readOnly = (file: string) => Object.assign(new Error(`EACCES: permission denied, open '${file}'`), {code: 'EACCES', path: file});
		let pipelineDir = '';
		const {ui, runner, pipeline} = await toOffer({
			offer: real.offer,
			async configs(_results, _dir, answer) {
				if (!answer.write) return [];
				throw new Error(`Could not write the configs: ${readOnly(path.join(pipelineDir, HYBRID_LLM)).message}. Nothing was written.`);
			},
		});
		pipelineDir = pipeline;
		await ui.press(KEY.enter);
		await ui.until('The step failed');
		expect(ui.flat()).toContain('Could not write the configs: EACCES: permission denied');
		expect(ui.frame()).toContain('Esc back to the configs offer');
		await ui.press(KEY.esc);
		await ui.until('Hybrid configs for qwen2.5:32b');
		await focusRow(ui, 'Skip: write nothing');
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(readFileSync(path.join(pipeline, HYBRID_LLM), 'utf8')).toBe(original);
		await runner.close();
	});
});
