import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildHybridConfigs, NoModelError, ASSUMED_CLAUDE_DECODE_RATE} from '../../source/output/configs/build.js';
import {writeHybridConfigsJson} from '../../source/output/configs/json.js';
import {UnsafeNameError} from '../../source/output/errors.js';
import {completeResults, partialResults, tools} from './fixtureResults.js';
import {tempDir} from './helpers.js';

const CLAUDE = 'claude-sonnet-4-5-20250929';

describe('hybrid configs', () => {
	it('hybrid_*: tools and deep on Claude, quick local; aggressive: quick and deep local', () => {
		const doc = buildHybridConfigs(completeResults(), 'qwen2.5:32b', new Date('2026-01-01T00:00:00Z'));
		expect(doc.configs.map((entry) => entry.name)).toEqual(['hybrid_qwen32', 'hybrid_aggressive_qwen32']);
		expect(doc.configs[0]?.config).toEqual({
			tool_provider: 'anthropic',
			tool_model: CLAUDE,
			reasoning_quick_provider: 'ollama',
			reasoning_quick_model: 'qwen2.5:32b',
			reasoning_deep_provider: 'anthropic',
			reasoning_deep_model: CLAUDE,
		});
		expect(doc.configs[1]?.config).toMatchObject({tool_provider: 'anthropic', reasoning_deep_provider: 'ollama', reasoning_deep_model: 'qwen2.5:32b'});
		expect(doc.localToolsEligible).toBe(false);
		expect(doc.notes.join(' ')).toContain('passed 4/5');
	});

	it('computes the evidence from known inputs: wall time from the local rate, cost from list prices', () => {
		const doc = buildHybridConfigs(completeResults(), 'qwen2.5:32b');
		const hybrid = doc.configs[0]?.evidence;
		const aggressive = doc.configs[1]?.evidence;
		// Baseline responses all decode at 25 t/s in the fixture.
		expect(doc.assumptions.claudeDecodeRate).toEqual({value: 25, source: 'baseline measurement'});
		// hybrid: 6 of 12 agents local -> 10K tokens at 12.3 t/s + 10K at 25 t/s.
		expect(hybrid?.localShare).toBe(0.5);
		expect(hybrid?.estimatedPipelineSeconds).toBeCloseTo(10_000 / 12.3 + 10_000 / 25, 6);
		// 50K input * $3/M + 10K output * $15/M
		expect(hybrid?.claudeCostUsdPerRun).toBeCloseTo(0.3, 10);
		// aggressive: 8 of 12 local.
		expect(aggressive?.estimatedPipelineSeconds).toBeCloseTo((20_000 * 8) / 12 / 12.3 + (20_000 * 4) / 12 / 25, 6);
		expect(aggressive?.claudeCostUsdPerRun).toBeCloseTo(0.2, 10);
		expect(hybrid).toMatchObject({traderScore: 8.7, baselineTraderScore: 9.8, decodeRate: 12.3, practical: true});
		expect(hybrid?.meanScore).toBeCloseTo((8.4 + 8.2 + 8.7) / 3, 10);
		expect(hybrid?.traderRelativeToBaseline).toBeCloseTo(8.7 / 9.8, 10);
	});

	it('offers the local-tools variant only when every /v1 scenario passed, and says so', () => {
		const doc = buildHybridConfigs(completeResults());
		expect(doc.model).toBe('llama3.3:70b');
		expect(doc.localToolsEligible).toBe(true);
		const local = doc.configs[2];
		expect(local?.name).toBe('hybrid_aggressive_llama70_localtools');
		expect(local?.config.tool_provider).toBe('ollama');
		expect(local?.evidence.claudeCostUsdPerRun).toBe(0);
		expect(local?.evidence.estimatedPipelineSeconds).toBeCloseTo(20_000 / 6.4, 6);
		expect(doc.notes[0]).toContain('passed all 5 tool-calling scenarios');

		const results = completeResults();
		const llama = results.models[2];
		if (llama?.toolCalling) llama.toolCalling.openai = tools(4);
		expect(buildHybridConfigs(results).configs).toHaveLength(2);
	});

	it('states its assumptions and uses the assumed Claude rate without a baseline', () => {
		const results = partialResults();
		const doc = buildHybridConfigs(results, 'qwen2.5:14b');
		expect(doc.assumptions.claudeDecodeRate).toEqual({value: ASSUMED_CLAUDE_DECODE_RATE, source: 'assumed'});
		expect(doc.assumptions.tokensPerRun).toEqual({input: 100_000, output: 20_000});
		expect(doc.assumptions.agents).toEqual({total: 12, quick: 10, deep: 2, tools: 4, quickWithoutTools: 6});
		// No speed for qwen2.5:14b in the partial record: no wall time, but the cost is still known.
		expect(doc.configs[0]?.evidence.estimatedPipelineSeconds).toBeNull();
		expect(doc.configs[0]?.evidence.claudeCostUsdPerRun).toBeCloseTo(0.3, 10);
		expect(doc.configs[0]?.evidence.baselineTraderScore).toBeNull();
	});

	it('refuses without a recommendation, and refuses hostile names', () => {
		expect(() => buildHybridConfigs(partialResults())).toThrow(NoModelError);
		expect(() => buildHybridConfigs(completeResults(), 'qwen"; import os; os.system("x") #')).toThrow(UnsafeNameError);
		const results = completeResults();
		if (results.settings) results.settings.claudeModel = 'claude"); evil(';
		expect(() => buildHybridConfigs(results)).toThrow(UnsafeNameError);
	});

	it('writes results/hybrid-configs.json', () => {
		const dir = tempDir();
		const doc = buildHybridConfigs(completeResults(true));
		const file = writeHybridConfigsJson(dir, doc);
		const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
		expect(file.endsWith('hybrid-configs.json')).toBe(true);
		expect(onDisk.simulated).toBe(true);
		expect(onDisk.configs.map((entry: {name: string}) => entry.name)).toEqual(['hybrid_llama70', 'hybrid_aggressive_llama70', 'hybrid_aggressive_llama70_localtools']);
		expect(onDisk.assumptions.split).toContain('4 tool-using analysts');
	});
});
