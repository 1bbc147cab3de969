import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildHybridConfigs} from '../../source/output/configs/build.js';
import {applyPipelinePatch, formatPlanDiff, patchPipeline, planPipelinePatch, BACKUP_SUFFIX} from '../../source/output/configs/patchPipeline.js';
import {UnsafeNameError} from '../../source/output/errors.js';
import {completeResults} from './fixtureResults.js';
import {FIXTURE_PIPELINE, pipelineCopy, pythonParseError, snapshot} from './helpers.js';

const qwen32 = () => buildHybridConfigs(completeResults(), 'qwen2.5:32b');
const llama70 = () => buildHybridConfigs(completeResults(), 'llama3.3:70b');

function python(dir: string, code: string): string {
	return execFileSync('python3', ['-c', code], {cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

// python3 starts slowly on a loaded machine; the default 20 s is too tight for the import checks.
describe('pipeline patch on the fixture', {timeout: 60_000}, () => {
	it('adds the configs, the --hybrid choices and a test; the result parses and works as Python', () => {
		const dir = pipelineCopy();
		const vendorBefore = snapshot(path.join(dir, 'vendor'));
		const plan = planPipelinePatch(dir, qwen32());
		expect(plan.found).toBe(true);
		expect(plan.snippets).toEqual([]);
		expect(plan.changes.map((change) => change.relative)).toEqual(['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py']);
		const diff = formatPlanDiff(plan);
		expect(diff).toContain('+    "hybrid_qwen32": HybridLLMConfig(');
		expect(diff).toContain('+        reasoning_quick_model="qwen2.5:32b",');
		expect(diff).toContain('+        choices=["all_cloud", "hybrid_qwen14", "hybrid_qwen32", "hybrid_aggressive_qwen32"],');
		expect(diff).toContain('+def test_hybrid_qwen32_configs_exist():');

		applyPipelinePatch(plan);
		expect(pythonParseError(...['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py'].map((file) => path.join(dir, file)))).toBeNull();
		// Import the patched modules and run the appended test: valid syntax is not enough.
		const output = python(
			dir,
			[
				'import sys',
				'sys.path[:0] = ["src", "tests"]',
				'import hybrid_llm as h, run_analysis as r, test_hybrid_llm as t',
				'c = h.CONFIGS["hybrid_aggressive_qwen32"]',
				'print(len(h.CONFIGS), c.reasoning_deep_provider, c.reasoning_deep_model, c.tool_provider)',
				'print(r.parse_args(["AAPL", "--hybrid", "hybrid_qwen32"]).hybrid)',
				't.test_hybrid_qwen32_configs_exist()',
				'print("ok")',
			].join('\n'),
		);
		expect(output.trim().split('\n')).toEqual(['4 ollama qwen2.5:32b anthropic', 'hybrid_qwen32', 'ok']);
		expect(snapshot(path.join(dir, 'vendor'))).toEqual(vendorBefore);
	});

	it('keeps a backup of each changed file and changes nothing on a second run', () => {
		const dir = pipelineCopy();
		const original = fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8');
		const applied = applyPipelinePatch(planPipelinePatch(dir, qwen32()));
		expect(applied.backups).toHaveLength(3);
		expect(fs.readFileSync(path.join(dir, `src/hybrid_llm.py${BACKUP_SUFFIX}`), 'utf8')).toBe(original);
		const after = snapshot(dir);
		const second = planPipelinePatch(dir, qwen32());
		expect(second.changes).toEqual([]);
		expect(second.unchanged.map((note) => note.relative)).toEqual(['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py']);
		expect(applyPipelinePatch(second)).toEqual({written: [], backups: []});
		expect(snapshot(dir)).toEqual(after);
	});

	it('a second model adds its own entries once, and the first backup (the original) is kept', () => {
		const dir = pipelineCopy();
		const original = fs.readFileSync(path.join(dir, 'src/run_analysis.py'), 'utf8');
		applyPipelinePatch(planPipelinePatch(dir, qwen32()));
		applyPipelinePatch(planPipelinePatch(dir, llama70()));
		const source = fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8');
		expect(source.match(/"hybrid_qwen32":/g)).toHaveLength(1);
		expect(source).toContain('"hybrid_aggressive_llama70_localtools": HybridLLMConfig(');
		expect(pythonParseError(path.join(dir, 'src/hybrid_llm.py'))).toBeNull();
		expect(fs.readFileSync(path.join(dir, `src/run_analysis.py${BACKUP_SUFFIX}`), 'utf8')).toBe(original);
	});

	it('never touches vendor/, even when a pipeline file is a symlink into it', () => {
		const dir = pipelineCopy();
		fs.rmSync(path.join(dir, 'src/hybrid_llm.py'));
		fs.symlinkSync(path.join(dir, 'vendor/langchain_shim/hybrid_llm.py'), path.join(dir, 'src/hybrid_llm.py'));
		const before = snapshot(dir);
		const plan = planPipelinePatch(dir, qwen32());
		expect(plan.changes).toEqual([]);
		expect(plan.snippets[0]?.reason).toContain('vendor/');
		applyPipelinePatch(plan);
		expect(snapshot(dir)).toEqual(before);
	});

	it('refuses a dangling .trifecta.bak symlink (it would create a file anywhere), naming it, and writes nothing', () => {
		const dir = pipelineCopy();
		const outside = fs.mkdtempSync(path.join(path.dirname(dir), 'outside-'));
		const backup = path.join(dir, `src/hybrid_llm.py${BACKUP_SUFFIX}`);
		fs.symlinkSync(path.join(outside, 'new-file'), backup);
		const before = fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8');
		const plan = planPipelinePatch(dir, qwen32());
		expect(() => applyPipelinePatch(plan)).toThrow(/symbolic link .*hybrid_llm\.py\.trifecta\.bak/);
		expect(fs.readdirSync(outside)).toEqual([]);
		expect(fs.readFileSync(path.join(dir, 'src/hybrid_llm.py'), 'utf8')).toBe(before);
	});

	it('does nothing when the directory holds no pipeline', () => {
		const plan = planPipelinePatch(path.join(FIXTURE_PIPELINE, 'tests'), qwen32());
		expect(plan).toMatchObject({found: false, changes: [], snippets: []});
	});

	it('asks before writing: a refused confirmation writes nothing', async () => {
		const dir = pipelineCopy();
		const before = snapshot(dir);
		let shown = '';
		const result = await patchPipeline(dir, qwen32(), (_plan, diff) => {
			shown = diff;
			return false;
		});
		expect(shown).toContain('+    "hybrid_aggressive_qwen32": HybridLLMConfig(');
		expect(result.applied).toBeNull();
		expect(snapshot(dir)).toEqual(before);
		const accepted = await patchPipeline(dir, qwen32(), () => true);
		expect(accepted.applied?.written).toHaveLength(3);
	});

	it('refuses to apply a plan when the file changed after the diff was shown', () => {
		const dir = pipelineCopy();
		const plan = planPipelinePatch(dir, qwen32());
		fs.appendFileSync(path.join(dir, 'src/run_analysis.py'), '# edited meanwhile\n');
		const before = snapshot(dir);
		expect(() => applyPipelinePatch(plan)).toThrow(/changed since the diff was shown/);
		expect(snapshot(dir)).toEqual(before);
	});

	it('refuses a hostile model name before anything is written into code', () => {
		const dir = pipelineCopy();
		const before = snapshot(dir);
		const hostile = qwen32();
		const entry = hostile.configs[0];
		if (entry) entry.config.reasoning_quick_model = 'qwen"; import os; os.system("x") #';
		expect(() => planPipelinePatch(dir, hostile)).toThrow(UnsafeNameError);
		const badName = qwen32();
		if (badName.configs[1]) badName.configs[1].name = 'hybrid_x": evil, "y';
		expect(() => planPipelinePatch(dir, badName)).toThrow(/config name/);
		expect(snapshot(dir)).toEqual(before);
	});
});
