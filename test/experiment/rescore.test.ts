import {afterEach, describe, expect, it} from 'vitest';
import {RUBRIC_VERSION} from '../../source/analysis/rubric.js';
import {rescoreStale, scenariosFrom} from '../../source/experiment/rescore.js';
import {runCompare} from '../../source/experiment/steps/compare/compare.js';
import {formatComparisonTable} from '../../source/output/comparisonTable.js';
import type {ResultsFile} from '../../source/domain/schema.js';
import type {StepHarness} from '../helpers/stepHarness.js';
import {compareHarness} from './steps/compareHarness.js';
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {defaultOutputs} from '../../source/experiment/runner/outputs.js';
import {bundledPromptsDir} from '../../source/prompts/load.js';
import {tempDir} from '../output/helpers.js';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

/** What an older rubric would have left behind: another version and other numbers. */
function ageScores(results: ResultsFile): void {
	for (const response of [...Object.values(results.baseline?.reasoning ?? {}), ...results.models.flatMap((m) => Object.values(m.reasoning ?? {}))]) {
		response.score = 9.99;
		if (response.scorer) response.scorer.version = '1';
		for (const scenario of response.scenarios ?? []) {
			scenario.rubricVersion = '1';
			scenario.rubricScore = 9.99;
			scenario.quality = 9.99;
		}
	}
}

describe('rescoreStale', () => {
	it('re-scores answers of an older rubric version from their transcripts, without generating anything', async () => {
		harness = await compareHarness({claude: true, scenarios: 2});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		const fresh = outcome.models['qwen2.5:14b']?.trader?.score;
		const aged = harness.ctx.results.read();
		ageScores(aged);
		expect(formatComparisonTable(aged)).toContain('Stale quality scores');
		const requests = harness.sim.requests.length;

		const result = rescoreStale(aged, harness.dir, scenariosFrom(harness.ctx.promptsDir));

		expect(result).toEqual({rescored: 2 * 3 * 2, unreadable: 0});
		expect(harness.sim.requests.length).toBe(requests);
		const trader = aged.models[0]?.reasoning?.trader;
		expect(trader?.score).toBe(fresh);
		expect(trader?.scorer?.version).toBe(RUBRIC_VERSION);
		expect(trader?.scenarios?.every((s) => s.rubricVersion === RUBRIC_VERSION && s.rubricScore !== 9.99)).toBe(true);
		expect(formatComparisonTable(aged)).not.toContain('Stale quality scores');
	});

	it('leaves an answer whose transcript is gone as it was, and counts it', async () => {
		harness = await compareHarness({scenarios: 1});
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		const aged = harness.ctx.results.read();
		ageScores(aged);
		const bull = aged.models[0]?.reasoning?.bull;
		const first = bull?.scenarios?.[0];
		if (first) first.transcript = 'transcripts/qwen2.5_14b/missing.md';
		const result = rescoreStale(aged, harness.dir, scenariosFrom(harness.ctx.promptsDir));
		expect(result).toEqual({rescored: 2, unreadable: 1});
		expect(aged.models[0]?.reasoning?.bull?.score).toBe(9.99);
	});
});

describe('the report a run writes', () => {
	it('re-scores stale answers against the markets of --prompts-dir, not the bundled ones', async () => {
		harness = await compareHarness({scenarios: 1});
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		// Answers measured on a market only the user's prompts folder has.
		const custom = tempDir('trifecta-prompts-');
		cpSync(bundledPromptsDir(), custom, {recursive: true});
		writeFileSync(path.join(custom, 'markets', 'zz-custom.md'), readFileSync(path.join(custom, 'market-context.md'), 'utf8'));
		const aged = harness.ctx.results.read();
		ageScores(aged);
		for (const response of Object.values(aged.models[0]?.reasoning ?? {})) for (const scenario of response.scenarios ?? []) scenario.scenario = 'zz-custom';
		const tableAfter = async (promptsDir: string | undefined) => {
			const outputs = defaultOutputs({pipelineDir: tempDir(), docsDir: tempDir(), ...(promptsDir === undefined ? {} : {promptsDir})});
			const files = await outputs.report(structuredClone(aged), harness!.dir);
			return readFileSync(files.find((file) => file.endsWith('model_scaling_comparison.txt')) ?? '', 'utf8');
		};
		expect(await tableAfter(custom)).not.toContain('Stale quality scores');
		expect(await tableAfter(undefined)).toContain('Stale quality scores');
	});
});
