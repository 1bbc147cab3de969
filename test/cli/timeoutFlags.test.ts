import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/flags.js';
import {UsageError} from '../../source/cli/errors.js';

const parse = (argv: string[]) => parseArgs(argv, {}, '/work/project');

describe('--load-timeout and --stall-timeout', () => {
	it('default to 900 s until the first byte and 120 s of silence inside a stream', () => {
		expect(parse(['bench', 'qwen2.5:14b']).flags.timeouts).toEqual({loadMs: 900_000, stallMs: 120_000});
	});

	it('take seconds, on every command', () => {
		expect(parse(['compare', '--load-timeout', '1800', '--stall-timeout', '30']).flags.timeouts).toEqual({loadMs: 1_800_000, stallMs: 30_000});
		expect(parse(['tools', '--stall-timeout', '2.5']).flags.timeouts?.stallMs).toBe(2500);
	});

	it.each([
		[['--load-timeout', 'soon'], '--load-timeout needs a number'],
		[['--stall-timeout', '0'], '--stall-timeout must be above 0'],
		[['--load-timeout', '-5'], '--load-timeout needs a number'],
	])('refuses %j', (args, message) => {
		expect(() => parse(['bench', 'qwen2.5:14b', ...args])).toThrow(UsageError);
		expect(() => parse(['bench', 'qwen2.5:14b', ...args])).toThrow(message);
	});
});
