// One function turns an error into the line a user reads; the CLI's exit mapping only frames it.
import {describe, expect, it} from 'vitest';
import {describeFailure, EXIT} from '../../source/cli/errors.js';
import {UsageError} from '../../source/cli/errors.js';
import {PullRefusedError} from '../../source/experiment/steps/pullPreflight.js';
import {CorruptResultsError} from '../../source/output/errors.js';
import {ProviderError} from '../../source/providers/errors.js';
import {userMessage} from '../../source/system/userMessage.js';

const unreachable = new ProviderError('unreachable', 'Ollama is not running at http://127.0.0.1:11434', 'start it with `ollama serve`');
const refused = new PullRefusedError('Not enough disk for llama3.3:70b (46.9 GB needed, 20.0 GB free)', 'free some space or delete a model');

describe('userMessage', () => {
	it.each([
		['a provider error: what happened — what to do', unreachable, 'Ollama is not running at http://127.0.0.1:11434 — start it with `ollama serve`'],
		['a refused pull, by its shape (a higher layer’s class)', refused, 'Not enough disk for llama3.3:70b (46.9 GB needed, 20.0 GB free) — free some space or delete a model'],
		['our own error: its message already says what to do', new UsageError('--reps needs a whole number'), '--reps needs a whole number'],
		['a plain Error: its message, no stack', new Error('socket hang up'), 'socket hang up'],
		['an Error without a message: its name', new TypeError(''), 'TypeError'],
		['a thrown string', 'boom', 'boom'],
		['a thrown undefined', undefined, 'undefined'],
	])('%s', (_case, error, expected) => {
		expect(userMessage(error)).toBe(expected);
		expect(userMessage(error)).not.toMatch(/\n\s+at /);
	});
});

describe('describeFailure (the CLI exit) uses it', () => {
	it.each([
		['usage', new UsageError('Unknown flag --foo.'), {message: 'Unknown flag --foo.', code: EXIT.usage}],
		['provider', unreachable, {message: userMessage(unreachable), code: EXIT.failed}],
		['refused pull', refused, {message: userMessage(refused), code: EXIT.failed}],
		['canceled', new ProviderError('canceled', 'canceled', ''), {message: expect.stringMatching(/^Interrupted\. Results measured so far are kept/) as unknown as string, code: EXIT.interrupted}],
		['unexpected', new TypeError('x is not a function'), {message: 'trifecta failed: x is not a function', code: EXIT.failed}],
	])('%s', (_case, error, expected) => {
		expect(describeFailure(error)).toEqual(expected);
	});

	it('keeps our own errors unframed (they say what to do)', () => {
		const corrupt = new CorruptResultsError('/tmp/r/scaling-results.json', 'it is not valid JSON');
		expect(describeFailure(corrupt)).toEqual({message: corrupt.message, code: EXIT.failed});
	});
});
