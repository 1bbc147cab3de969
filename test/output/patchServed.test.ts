// Configs for a model measured on an inference server (--backend openai): the pipeline's
// openai_compatible provider with the server's /v1 as backend_url. The pipeline's HybridLLMConfig has
// no such field, so the patch adds one defaulting to None: every existing entry loads unchanged.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildHybridConfigs} from '../../source/output/configs/build.js';
import {applyPipelinePatch, formatPlanDiff, planPipelinePatch} from '../../source/output/configs/patchPipeline.js';
import {completeResults} from './fixtureResults.js';
import {pipelineCopy, pythonParseError} from './helpers.js';

const URL = 'http://10.0.0.7:8000/v1';

function servedResults() {
	const results = completeResults();
	results.environment = {...results.environment!, backend: {kind: 'openai', url: URL, server: 'vLLM 0.11.0 at http://10.0.0.7:8000'}};
	return results;
}

describe('configs for a served model', {timeout: 60_000}, () => {
	it('name openai_compatible and the server URL for the local tiers; Claude tiers keep no URL', () => {
		const doc = buildHybridConfigs(servedResults(), 'qwen2.5:32b');
		const [hybrid, aggressive] = doc.configs;
		expect(hybrid?.config).toMatchObject({reasoning_quick_provider: 'openai_compatible', reasoning_deep_provider: 'anthropic', tool_provider: 'anthropic', backend_url: URL});
		expect(aggressive?.config).toMatchObject({reasoning_quick_provider: 'openai_compatible', reasoning_deep_provider: 'openai_compatible', backend_url: URL});
		expect(doc.notes.join(' ')).toContain(`openai_compatible provider with backend_url ${URL}`);
		// Measured on Ollama: unchanged, no URL.
		expect(buildHybridConfigs(completeResults(), 'qwen2.5:32b').configs[0]?.config).not.toHaveProperty('backend_url');
	});

	it('the patch adds backend_url to the dataclass with a default; old and new entries load, and the added test passes', () => {
		const dir = pipelineCopy();
		const plan = planPipelinePatch(dir, buildHybridConfigs(servedResults(), 'qwen2.5:32b'));
		const diff = formatPlanDiff(plan);
		expect(diff).toContain('+    backend_url: "str | None" = None');
		expect(diff).toContain('+        reasoning_quick_provider="openai_compatible",');
		expect(diff).toContain(`+        backend_url="${URL}",`);
		expect(diff).toContain(`+        assert configs[name].backend_url == "${URL}"`);
		applyPipelinePatch(plan);
		expect(pythonParseError(...['src/hybrid_llm.py', 'tests/test_hybrid_llm.py'].map((file) => path.join(dir, file)))).toBeNull();
		const output = execFileSync(
			'python3',
			[
				'-c',
				[
					'import sys',
					'sys.path[:0] = ["src", "tests"]',
					'import hybrid_llm as h, test_hybrid_llm as t',
					'print(h.CONFIGS["all_cloud"].backend_url, h.CONFIGS["hybrid_qwen14"].reasoning_quick_provider)',
					'c = h.CONFIGS["hybrid_qwen32"]',
					'print(c.reasoning_quick_provider, c.backend_url)',
					't.test_hybrid_qwen32_configs_exist()',
					't.test_hybrid_qwen14_runs_quick_reasoning_locally()',
					'print("ok")',
				].join('\n'),
			],
			{cwd: dir, encoding: 'utf8'},
		);
		expect(output.trim().split('\n')).toEqual(['None ollama', `openai_compatible ${URL}`, 'ok']);
	});

	it('a second write changes nothing (the field is added once)', () => {
		const dir = pipelineCopy();
		applyPipelinePatch(planPipelinePatch(dir, buildHybridConfigs(servedResults(), 'qwen2.5:32b')));
		const after = fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8');
		expect(after.match(/backend_url: "str \| None" = None/g)).toHaveLength(1);
		expect(planPipelinePatch(dir, buildHybridConfigs(servedResults(), 'qwen2.5:32b')).changes).toEqual([]);
	});

	it('a URL that could break out of a Python string is refused before anything is written', () => {
		const doc = buildHybridConfigs(servedResults(), 'qwen2.5:32b');
		for (const entry of doc.configs) entry.config.backend_url = 'http://x/v1", __import__("os").system("id"), "';
		expect(() => planPipelinePatch(pipelineCopy(), doc)).toThrow(/Refusing backend_url/);
	});
});
