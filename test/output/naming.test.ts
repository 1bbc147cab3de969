import {describe, expect, it} from 'vitest';
import {configNames, modelFamily, sizeFromParameterSize} from '../../source/output/configs/naming.js';
import {ConfigNamingError, UnsafeNameError} from '../../source/output/errors.js';

describe('config naming', () => {
	it.each([
		['qwen2.5:32b', 'hybrid_qwen32', 'hybrid_aggressive_qwen32'],
		['qwen2.5:72b', 'hybrid_qwen72', 'hybrid_aggressive_qwen72'],
		['llama3.3:70b', 'hybrid_llama70', 'hybrid_aggressive_llama70'],
		['command-r:35b', 'hybrid_commandr35', 'hybrid_aggressive_commandr35'],
		['mistral-small:22b', 'hybrid_mistralsmall22', 'hybrid_aggressive_mistralsmall22'],
		['qwen2.5:14b', 'hybrid_qwen14', 'hybrid_aggressive_qwen14'],
		['qwen2.5:32b-instruct-q8_0', 'hybrid_qwen32', 'hybrid_aggressive_qwen32'],
		['library/qwen2.5:72b-instruct-q4_K_M', 'hybrid_qwen72', 'hybrid_aggressive_qwen72'],
		['qwen2.5:1.5b', 'hybrid_qwen1_5', 'hybrid_aggressive_qwen1_5'],
	])('%s -> %s / %s', (model, hybrid, aggressive) => {
		const names = configNames(model);
		expect(names.hybrid).toBe(hybrid);
		expect(names.aggressive).toBe(aggressive);
		expect(names.aggressiveLocalTools).toBe(`${aggressive}_localtools`);
	});

	it('takes the size of an unsized tag from the parameter size Ollama reported', () => {
		expect(configNames('llama3.3:latest', '70.6B').hybrid).toBe('hybrid_llama70');
		expect(configNames('llama3.3', '70.6B').aggressive).toBe('hybrid_aggressive_llama70');
		expect(sizeFromParameterSize('14.8B')).toBe('14');
		expect(sizeFromParameterSize('unknown')).toBeNull();
	});

	it('refuses clearly when the size is unknown', () => {
		expect(() => configNames('llama3.3:latest')).toThrow(ConfigNamingError);
		expect(() => configNames('llama3.3:latest', null)).toThrow(/trifecta bench llama3.3:latest/);
	});

	it('derives families from versioned and hyphenated names', () => {
		expect(modelFamily('qwen2.5:32b')).toBe('qwen');
		expect(modelFamily('command-r:35b')).toBe('commandr');
		expect(modelFamily('mistral-small:22b')).toBe('mistralsmall');
		expect(modelFamily('deepseek-r1:70b')).toBe('deepseekr1');
	});

	it('refuses a hostile model name before building anything', () => {
		expect(() => configNames('qwen"; import os; os.system("x") #')).toThrow(UnsafeNameError);
		expect(() => configNames("qwen2.5:32b'),\n    'evil': __import__('os')")).toThrow(/Refusing the model name/);
	});
});
