import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/flags.js';
import {UsageError} from '../../source/cli/errors.js';

const parse = (argv: string[]) => parseArgs(argv, {}, '/work/project');

describe('--judge and --judge-model', () => {
	it.each([
		[['compare'], {}],
		[['compare', '--judge', 'rubric'], {judge: 'rubric'}],
		[['compare', '--judge', 'claude'], {judge: 'claude'}],
		[['compare', '--judge', 'openai:gpt-5.1'], {judge: 'openai', judgeModel: 'gpt-5.1'}],
		[['compare', '--judge', 'openai:qwen2.5:72b'], {judge: 'openai', judgeModel: 'qwen2.5:72b'}],
		[['compare', '--judge', 'openai:meta-llama/Llama-3.3-70B-Instruct'], {judge: 'openai', judgeModel: 'meta-llama/Llama-3.3-70B-Instruct'}],
		// Any Claude id, not only the baseline's family or a dated one.
		[['compare', '--judge-model', 'claude-opus-4-1'], {judgeModel: 'claude-opus-4-1'}],
		[['compare', '--judge-model', 'claude-haiku-4-5-20251001'], {judgeModel: 'claude-haiku-4-5-20251001'}],
	])('%j -> %j', (argv, expected) => {
		const {overrides} = parse(argv);
		expect({judge: overrides.judge, judgeModel: overrides.judgeModel}).toEqual({judge: undefined, judgeModel: undefined, ...expected});
	});

	it.each([
		[['compare', '--judge', 'gpt-5.1'], /--judge must be 'claude', 'rubric' or 'openai:<model>'/],
		[['compare', '--judge', 'openai:'], /needs the model an OpenAI-compatible endpoint serves/],
		[['compare', '--judge', 'openai:bad model'], /needs the model/],
		[['compare', '--judge', 'openai:gpt-5.1', '--judge-model', 'claude-opus-4-1'], /--judge-model names a Claude judge; with --judge openai:gpt-5.1/],
		[['compare', '--judge-model', 'gpt-5.1'], /not a Claude model id \(for another judge: --judge openai:<model>\)/],
	])('%j is a usage error', (argv, message) => {
		expect(() => parse(argv)).toThrow(UsageError);
		expect(() => parse(argv)).toThrow(message);
	});
});
