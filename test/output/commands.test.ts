import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createReportCommand} from '../../source/cli/commands/report.js';
import {configsCommand, createConfigsCommand} from '../../source/cli/commands/configs.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import type {ResultsFile} from '../../source/domain/schema.js';
import {completeResults} from './fixtureResults.js';
import {commandInput, fakeIO, pipelineCopy, snapshot, tempDir} from './helpers.js';

function resultsDirWith(results: ResultsFile): string {
	const dir = path.join(tempDir(), 'results');
	createResultsStore(dir, {simulated: results.simulated}).update((draft) => Object.assign(draft, results));
	return dir;
}

const reportCommand = createReportCommand({cwd: () => '/not-a-repo', git: () => ({ok: false, error: 'fatal: not a git repository'}), now: () => new Date('2026-02-02T00:00:00Z')});

describe('trifecta report', () => {
	it('rebuilds the report and both text tables from the results file and prints their paths', async () => {
		const resultsDir = resultsDirWith(completeResults(true));
		const docsDir = path.join(tempDir(), 'docs');
		const io = fakeIO();
		expect(await reportCommand.run(commandInput({resultsDir, docsDir}, io))).toBe(0);
		const written = [path.join(docsDir, 'TASK_005_REPORT.md'), path.join(resultsDir, 'model_scaling_comparison.txt'), path.join(resultsDir, 'tool_calling_scaling.txt')];
		for (const file of written) {
			expect(io.out()).toContain(file);
			expect(fs.readFileSync(file, 'utf8')).toContain('SIMULATED');
		}
		expect(fs.readFileSync(written[0] ?? '', 'utf8')).toContain('## 8. Next steps');
	});

	it('prints one JSON document with --json', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const io = fakeIO();
		expect(await reportCommand.run(commandInput({resultsDir, docsDir: path.join(tempDir(), 'd'), json: true}, io))).toBe(0);
		const parsed = JSON.parse(io.out());
		expect(parsed.simulated).toBe(false);
		expect(fs.existsSync(parsed.written.report)).toBe(true);
	});

	it('fails clearly when there is no results file, writing nothing', async () => {
		const resultsDir = path.join(tempDir(), 'results');
		const docsDir = path.join(tempDir(), 'docs');
		const io = fakeIO();
		expect(await reportCommand.run(commandInput({resultsDir, docsDir}, io))).toBe(1);
		expect(io.err()).toContain(`No results file at ${path.join(resultsDir, 'scaling-results.json')}`);
		expect(io.err()).toContain('--results-dir');
		expect(fs.existsSync(docsDir)).toBe(false);
	});

	it('fails clearly on a corrupt results file and leaves it untouched', async () => {
		const resultsDir = tempDir();
		const file = path.join(resultsDir, 'scaling-results.json');
		fs.writeFileSync(file, 'not json');
		const io = fakeIO();
		expect(await reportCommand.run(commandInput({resultsDir, docsDir: path.join(tempDir(), 'docs')}, io))).toBe(1);
		expect(io.err()).toContain(file);
		expect(io.err()).not.toMatch(/\n\s+at /);
		expect(fs.readFileSync(file, 'utf8')).toBe('not json');
	});
});

describe('trifecta configs', () => {
	it('shows the configs with evidence and always writes hybrid-configs.json', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir}, io))).toBe(0);
		expect(io.out()).toContain('hybrid_llama70');
		expect(io.out()).toContain('trader score 9.3 (Claude 9.8, 95%)');
		const json = JSON.parse(fs.readFileSync(path.join(resultsDir, 'hybrid-configs.json'), 'utf8'));
		expect(json.model).toBe('llama3.3:70b');
	});

	it('prints only the configs JSON on stdout with --json', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir, json: true}, io, ['qwen2.5:32b']))).toBe(0);
		const parsed = JSON.parse(io.out());
		expect(parsed.configs.map((entry: {name: string}) => entry.name)).toEqual(['hybrid_qwen32', 'hybrid_aggressive_qwen32']);
	});

	it('--write without a TTY and without --yes shows the diff, writes nothing and exits 3 naming --yes', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const pipelineDir = pipelineCopy();
		const before = snapshot(pipelineDir);
		const io = fakeIO(false);
		expect(await configsCommand.run(commandInput({resultsDir, pipelineDir, write: true}, io))).toBe(3);
		expect(io.out()).toContain('+    "hybrid_llama70": HybridLLMConfig(');
		expect(io.err()).toContain('--yes');
		expect(snapshot(pipelineDir)).toEqual(before);
	});

	it('--write --yes patches the pipeline once; a second run changes nothing', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const pipelineDir = pipelineCopy();
		const io = fakeIO(false);
		expect(await configsCommand.run(commandInput({resultsDir, pipelineDir, write: true, yes: true}, io))).toBe(0);
		expect(fs.readFileSync(path.join(pipelineDir, 'src/hybrid_llm.py'), 'utf8')).toContain('"hybrid_aggressive_llama70_localtools": HybridLLMConfig(');
		expect(io.out()).toContain('.trifecta.bak');
		const after = snapshot(pipelineDir);
		const again = fakeIO(false);
		expect(await configsCommand.run(commandInput({resultsDir, pipelineDir, write: true, yes: true}, again))).toBe(0);
		expect(again.out()).toContain('Nothing to write');
		expect(snapshot(pipelineDir)).toEqual(after);
	});

	it('--write --yes: the stored next step stops asking to write the configs; one about another model is left alone', async () => {
		const asked = 'Write the configs into the pipeline (trifecta configs --write) and run one full analysis with --hybrid hybrid_llama70 to confirm the quality at pipeline scale.';
		const results = completeResults();
		if (results.recommendation) results.recommendation.nextStep = asked;
		const resultsDir = resultsDirWith(results);
		expect(await configsCommand.run(commandInput({resultsDir, pipelineDir: pipelineCopy(), write: true, yes: true}, fakeIO(false)))).toBe(0);
		const stored = createResultsStore(resultsDir, {simulated: false}).read().recommendation;
		expect(stored?.nextStep).toBe('The configs are in the pipeline: run one full analysis with --hybrid hybrid_llama70 to confirm the quality at pipeline scale.');
		// Configs for a model that is not the recommended one: the recommendation's sentence stays.
		const other = resultsDirWith(results);
		expect(await configsCommand.run(commandInput({resultsDir: other, pipelineDir: pipelineCopy(), write: true, yes: true}, fakeIO(false), ['qwen2.5:32b']))).toBe(0);
		expect(createResultsStore(other, {simulated: false}).read().recommendation?.nextStep).toBe(asked);
	});

	it('asks on a terminal and writes nothing when the answer is no', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const pipelineDir = pipelineCopy();
		const before = snapshot(pipelineDir);
		const questions: string[] = [];
		const command = createConfigsCommand({ask: async (question) => (questions.push(question), false)});
		const io = fakeIO(true);
		expect(await command.run(commandInput({resultsDir, pipelineDir, write: true}, io))).toBe(0);
		expect(questions[0]).toContain('Apply these changes to 3 file(s)');
		expect(io.out()).toContain('Nothing written.');
		expect(snapshot(pipelineDir)).toEqual(before);
	});

	it('says so when the directory holds no pipeline', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir, pipelineDir: tempDir(), write: true, yes: true}, io))).toBe(0);
		expect(io.out()).toContain('src/hybrid_llm.py not found');
	});

	it('refuses a hostile model name as a usage error and writes nothing', async () => {
		const resultsDir = resultsDirWith(completeResults());
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir}, io, ['qwen"; import os; os.system("x") #']))).toBe(2);
		expect(io.err()).toContain('Refusing the model name');
		expect(fs.existsSync(path.join(resultsDir, 'hybrid-configs.json'))).toBe(false);
	});

	it('explains what to do when nothing is recommended yet', async () => {
		const results = completeResults();
		results.recommendation = null;
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: resultsDirWith(results)}, io))).toBe(1);
		expect(io.err()).toContain('trifecta configs qwen2.5:32b');
	});
});
