// Files shaped differently from the fixture: other quoting, layouts and unrecognised shapes.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildHybridConfigs} from '../../source/output/configs/build.js';
import {patchHybridLlm} from '../../source/output/configs/patchHybridLlm.js';
import {patchRunAnalysis} from '../../source/output/configs/patchRunAnalysis.js';
import {patchTests} from '../../source/output/configs/patchTests.js';
import {applyPipelinePatch, planPipelinePatch} from '../../source/output/configs/patchPipeline.js';
import {completeResults} from './fixtureResults.js';
import {pipelineCopy, pythonParseError, snapshot, tempDir} from './helpers.js';

const doc = buildHybridConfigs(completeResults(), 'qwen2.5:32b');

function parseOk(source: string): string | null {
	const file = path.join(tempDir(), 'check.py');
	fs.writeFileSync(file, source);
	return pythonParseError(file);
}

const compact = `from dataclasses import dataclass

@dataclass
class HybridLLMConfig:
\ttool_provider: str
\ttool_model: str
\treasoning_quick_provider: str
\treasoning_quick_model: str
\treasoning_deep_provider: str
\treasoning_deep_model: str

CONFIGS = {
\t'all_cloud': HybridLLMConfig(tool_provider='anthropic', tool_model='claude-sonnet-4-5', reasoning_quick_provider='anthropic', reasoning_quick_model='claude-sonnet-4-5', reasoning_deep_provider='anthropic', reasoning_deep_model='claude-sonnet-4-5')  # no trailing comma
}
`;

describe('patching files in their own style', {timeout: 60_000}, () => {
	it('copies single quotes, tabs and one-line entries, and adds the missing comma', () => {
		const result = patchHybridLlm(compact, doc.configs, doc.model);
		expect(result.status).toBe('changed');
		if (result.status !== 'changed') return;
		expect(result.after).toContain(
			"\t'hybrid_qwen32': HybridLLMConfig(tool_provider='anthropic', tool_model='claude-sonnet-4-5-20250929', reasoning_quick_provider='ollama', reasoning_quick_model='qwen2.5:32b', reasoning_deep_provider='anthropic', reasoning_deep_model='claude-sonnet-4-5-20250929'),\n",
		);
		expect(result.after).toContain("reasoning_deep_model='claude-sonnet-4-5'),  # no trailing comma");
		expect(parseOk(result.after)).toBeNull();
		expect(patchHybridLlm(result.after, doc.configs, doc.model).status).toBe('unchanged');
	});

	it('keeps the keyword order of the existing entry', () => {
		const reordered = compact.replace(
			"tool_provider='anthropic', tool_model='claude-sonnet-4-5', ",
			'',
		).replace("reasoning_deep_model='claude-sonnet-4-5')", "reasoning_deep_model='claude-sonnet-4-5', tool_provider='anthropic', tool_model='claude-sonnet-4-5')");
		const result = patchHybridLlm(reordered, doc.configs, doc.model);
		expect(result.status === 'changed' && result.after).toContain("\t'hybrid_qwen32': HybridLLMConfig(reasoning_quick_provider='ollama'");
	});

	it('adds choices to a multi-line list, one per line, in its quotes', () => {
		const source = `import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument(\n    '--hybrid',\n    choices=[\n        'all_cloud',\n        'hybrid_qwen14'\n    ],\n)\n`;
		const result = patchRunAnalysis(source, ['hybrid_qwen32', 'hybrid_aggressive_qwen32']);
		expect(result.status).toBe('changed');
		if (result.status !== 'changed') return;
		expect(result.after).toContain("        'hybrid_qwen14',\n        'hybrid_qwen32',\n        'hybrid_aggressive_qwen32',\n    ],");
		expect(parseOk(result.after)).toBeNull();
		expect(patchRunAnalysis(result.after, ['hybrid_qwen32']).status).toBe('unchanged');
	});

	it('finds --hybrid after a short option and extends a tuple of choices', () => {
		const result = patchRunAnalysis('p.add_argument("-H", "--hybrid", choices=("all_cloud",), help="x")\n', ['hybrid_qwen32']);
		expect(result).toMatchObject({status: 'changed', after: 'p.add_argument("-H", "--hybrid", choices=("all_cloud", "hybrid_qwen32",), help="x")\n'});
	});

	it('leaves choices derived from CONFIGS alone', () => {
		const source = 'parser.add_argument("--hybrid", choices=sorted(CONFIGS), default="all_cloud")\n';
		expect(patchRunAnalysis(source, ['hybrid_qwen32'])).toMatchObject({status: 'unchanged', reason: expect.stringContaining('come from CONFIGS')});
	});

	it('reports an unrecognised --hybrid argument with the snippet to paste', () => {
		const result = patchRunAnalysis('parser.add_argument("--model")\n', ['hybrid_qwen32']);
		expect(result).toMatchObject({status: 'unrecognised', snippet: expect.stringContaining('"hybrid_qwen32",')});
	});

	it('needs an import of hybrid_llm to write a test', () => {
		expect(patchTests('def test_x():\n    assert True\n', doc.configs, doc.model).status).toBe('unrecognised');
		const result = patchTests("from src.hybrid_llm import CONFIGS\n\n\ndef test_x():\n\tassert 'a'\n", doc.configs, doc.model);
		expect(result.status === 'changed' && result.after).toContain("\tfrom src.hybrid_llm import CONFIGS as configs\n");
		expect(result.status === 'changed' && parseOk(result.after)).toBeNull();
	});
});

describe('unrecognised pipeline shapes', {timeout: 60_000}, () => {
	it('changes nothing and returns the snippets when CONFIGS is not a dict literal', () => {
		const dir = pipelineCopy();
		fs.writeFileSync(path.join(dir, 'src/hybrid_llm.py'), 'from loader import load_configs\n\nCONFIGS = load_configs("configs.yaml")\n');
		const before = snapshot(dir);
		const plan = planPipelinePatch(dir, doc);
		expect(plan.changes).toEqual([]);
		expect(plan.snippets.map((snippet) => snippet.relative)).toEqual(['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py']);
		expect(plan.snippets[0]?.reason).toContain('CONFIGS');
		expect(plan.snippets[0]?.snippet).toContain('    "hybrid_qwen32": HybridLLMConfig(\n        tool_provider="anthropic",');
		expect(plan.snippets[1]?.snippet).toContain('"hybrid_aggressive_qwen32",');
		expect(plan.snippets[2]?.snippet).toContain('def test_hybrid_qwen32_configs_exist():');
		expect(parseOk(plan.snippets[0]?.snippet.replace(/^#.*\n/, 'CONFIGS = {\n') + '}\n')).toBeNull();
		applyPipelinePatch(plan);
		expect(snapshot(dir)).toEqual(before);
	});

	it('changes nothing when CONFIGS has no HybridLLMConfig entry to copy', () => {
		const dir = pipelineCopy();
		fs.writeFileSync(path.join(dir, 'src/hybrid_llm.py'), 'CONFIGS = {\n    "all_cloud": dict(tool_provider="anthropic"),\n}\n');
		const plan = planPipelinePatch(dir, doc);
		expect(plan.changes).toEqual([]);
		expect(plan.snippets[0]?.reason).toMatch(/no .*HybridLLMConfig/);
	});

	it('patches the configs but leaves an unrecognised run_analysis.py for a hand edit', () => {
		const dir = pipelineCopy();
		fs.writeFileSync(path.join(dir, 'src/run_analysis.py'), 'import sys\nNAME = sys.argv[1]\n');
		const plan = planPipelinePatch(dir, doc);
		expect(plan.changes.map((change) => change.relative)).toEqual(['src/hybrid_llm.py', 'tests/test_hybrid_llm.py']);
		expect(plan.snippets.map((snippet) => snippet.relative)).toEqual(['src/run_analysis.py']);
	});
});
