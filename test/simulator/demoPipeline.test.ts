import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {demoPipelineDir, ensureDemoPipeline} from '../../source/simulator/pipeline/demoPipeline.js';
import {pipelineFor} from '../../source/cli/pipelineFolder.js';
import {planPipelinePatch} from '../../source/output/configs/patchPipeline.js';
import {buildHybridConfigs} from '../../source/output/configs/build.js';
import {gitLog} from '../../source/system/git.js';
import {completeResults} from '../output/fixtureResults.js';
import {commandInput, fakeIO, tempDir} from '../output/helpers.js';

describe('the demo sample pipeline', () => {
	it('is a git repository beside the results with one commit, which trifecta can patch', () => {
		const resultsDir = tempDir();
		const dir = ensureDemoPipeline(resultsDir);
		expect(dir).toBe(demoPipelineDir(resultsDir));
		const log = gitLog(dir, 5);
		expect(log.kind === 'log' && log.lines).toEqual([expect.stringMatching(/^[0-9a-f]+ feat: add hybrid configs for qwen2\.5:14b \(SIMULATED sample pipeline\)$/)]);
		expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('SIMULATED');
		const plan = planPipelinePatch(dir, buildHybridConfigs(completeResults()));
		expect(plan.found).toBe(true);
		expect(plan.changes.map((change) => change.relative).sort()).toEqual(['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py']);
	});

	it('is made once: a second call keeps what the user committed there', () => {
		const resultsDir = tempDir();
		const dir = ensureDemoPipeline(resultsDir);
		fs.appendFileSync(path.join(dir, 'src/hybrid_llm.py'), '# edited\n');
		ensureDemoPipeline(resultsDir);
		expect(fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8')).toContain('# edited');
	});

	it('is the pipeline for --demo without --pipeline-dir; a named folder wins', () => {
		const resultsDir = tempDir();
		const flags = commandInput({demo: true, resultsDir}, fakeIO()).flags;
		expect(pipelineFor(flags, false)).toEqual({pipelineDir: '.', pipelineDirNamed: false});
		expect(pipelineFor(flags)).toEqual({pipelineDir: demoPipelineDir(resultsDir), pipelineDirNamed: true});
		expect(pipelineFor(flags, false).pipelineDir).toBe(demoPipelineDir(resultsDir));
		expect(pipelineFor({...flags, pipelineDir: '/p', pipelineDirNamed: true})).toEqual({pipelineDir: '/p', pipelineDirNamed: true});
	});
});
