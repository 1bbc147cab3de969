import {describe, expect, it} from 'vitest';
import {isLoopbackHost, normaliseHost, parseArgs} from '../../source/cli/flags.js';
import {UsageError} from '../../source/cli/errors.js';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseArgs(argv, env, '/work/project');

describe('parseArgs', () => {
	it('resolves the host from --host, then OLLAMA_HOST, then the default', () => {
		expect(parse(['doctor']).flags.host).toBe('http://127.0.0.1:11434');
		expect(parse(['doctor'], {OLLAMA_HOST: '0.0.0.0:5555'}).flags.host).toBe('http://127.0.0.1:5555');
		expect(parse(['doctor', '--host', 'http://gpu-box:11434'], {OLLAMA_HOST: 'x:1'}).flags.host).toBe('http://gpu-box:11434');
	});

	it('defaults results and docs to the working directory', () => {
		const {flags} = parse(['report']);
		expect(flags.resultsDir).toBe('/work/project/results');
		expect(flags.docsDir).toBe('/work/project/docs');
	});

	it('keeps --demo output in one folder in the cache directory unless --results-dir is given', () => {
		const cache = process.env['XDG_CACHE_HOME'];
		process.env['XDG_CACHE_HOME'] = '/home/someone/.cache';
		try {
			if (process.platform === 'linux') expect(parse(['--demo']).flags.resultsDir).toBe('/home/someone/.cache/trifecta-nodejs/demo');
		} finally {
			if (cache === undefined) delete process.env['XDG_CACHE_HOME'];
			else process.env['XDG_CACHE_HOME'] = cache;
		}
		// The same folder every run: that is what lets the demo resume.
		expect(parse(['--demo']).flags.resultsDir).toBe(parse(['--demo']).flags.resultsDir);
		expect(parse(['--demo', '--results-dir', 'out']).flags.resultsDir).toBe('/work/project/out');
		// Its report never lands in the working directory's docs/.
		expect(parse(['--demo', '--results-dir', 'out']).flags.docsDir).toBe('/work/project/out/docs');
		expect(parse(['--demo']).flags.docsDir).toMatch(/trifecta-nodejs\/demo\/docs$/);
		expect(parse(['--demo', '--docs-dir', 'd']).flags.docsDir).toBe('/work/project/d');
	});

	it('takes --fresh only with the demo’s own folder', () => {
		expect(parse(['--demo', '--fresh']).flags.fresh).toBe(true);
		expect(() => parse(['--fresh'])).toThrow('--fresh starts the demo over: it goes with --demo.');
		expect(() => parse(['--demo', '--fresh', '--results-dir', 'out'])).toThrow(/with --results-dir, remove or change that folder yourself/);
	});

	it('turns setting flags into overrides', () => {
		const {overrides} = parse(['run', '--reps', '5', '--num-ctx', '4096', '--threshold', '8.5', '--min-rate', '6', '--ladder', 'qwen2.5:14b, qwen2.5:32b']);
		expect(overrides).toEqual({reps: 5, numCtx: 4096, threshold: 8.5, minRate: 6, ladder: ['qwen2.5:14b', 'qwen2.5:32b']});
	});

	it('reads --no-claude as claude false', () => {
		expect(parse(['compare', '--no-claude']).flags.claude).toBe(false);
		expect(parse(['compare']).flags.claude).toBe(true);
	});

	it.each([
		[['frobnicate'], /Unknown command 'frobnicate'/],
		[['doctor', '--frob'], /Unknown flag --frob/],
		[['doctor', '--write'], /--write belongs to `trifecta configs`/],
		[['bench', '--reps', 'three', 'qwen2.5:14b'], /--reps needs a whole number/],
		[['bench', '--reps', '0', 'qwen2.5:14b'], /--reps must be at least 1/],
		[['bench', '--threshold', '11', 'qwen2.5:14b'], /--threshold must be at most 10/],
		[['pull'], /needs a model name/],
		[['doctor', 'extra'], /takes no argument 'extra'/],
		[['doctor', '--host', 'http://['], /--host 'http:\/\/\[' is not a URL/],
		[['doctor', '--claude-model', 'gpt-4o'], /is not a Claude model id/],
		[['doctor', '--host', 'ftp://10.0.0.2'], /--host "ftp:\/\/10\.0\.0\.2" would contact 10\.0\.0\.2(:\d+)? over ftp; Ollama speaks only http:\/\/ or https:\/\//],
		[['doctor', '--host', 'file:///etc/passwd'], /over file; Ollama speaks only http/],
		[['doctor', '--host', 'http://user:pw@10.0.0.2'], /must not carry a user name or password/],
		[['bench', '--num-ctx', '1', 'qwen2.5:14b'], /--num-ctx must be at least 256/],
		[['bench', '--reps', '0x10', 'qwen2.5:14b'], /--reps needs a whole number/],
		[['bench', '--reps', '1e1', 'qwen2.5:14b'], /--reps needs a whole number/],
		[['bench', '--threshold', '0x5', 'qwen2.5:14b'], /--threshold needs a number/],
		[['run', '--ladder', 'qwen2.5:14b,$(reboot)'], /--ladder: "\$\(reboot\)" is not a model name/],
		[['run', '--ladder', '../../etc:x'], /--ladder: .* is not a model name/],
		[['run', '--claude-model', 'claude-x\u001b]0;t\u0007'], /is not a Claude model id/],
		[['bench', '--reps', '1', '--reps', '2', 'qwen2.5:14b'], /The flag --reps can only be set once\. Run `trifecta --help`/],
	])('refuses %j with one line naming the problem', (argv, message) => {
		let caught: unknown;
		try {
			parse(argv);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UsageError);
		expect((caught as Error).message).toMatch(message);
		expect((caught as Error).message).not.toContain('\n');
	});
});

describe('server URLs from the environment', () => {
	it.each([
		[{ANTHROPIC_BASE_URL: 'http://admin:pass@127.0.0.1:8080'}, 'ANTHROPIC_BASE_URL must not carry a user name or password (it is shown in messages and stored in the results): use http://127.0.0.1:8080'],
		[{OPENAI_BASE_URL: 'https://u:p@vllm.example/v1'}, 'OPENAI_BASE_URL must not carry a user name or password (it is shown in messages and stored in the results): use https://vllm.example/v1'],
		[{OPENAI_BASE_URL: 'https://token@vllm.example'}, 'OPENAI_BASE_URL must not carry a user name or password (it is shown in messages and stored in the results): use https://vllm.example'],
		[{ANTHROPIC_BASE_URL: 'ftp://admin:pass@10.0.0.2:2121'}, 'ANTHROPIC_BASE_URL would contact 10.0.0.2:2121 over ftp; only http:// or https:// work (e.g. https://api.anthropic.com).'],
		[{ANTHROPIC_BASE_URL: 'admin:pass@127.0.0.1'}, 'ANTHROPIC_BASE_URL is not an http:// or https:// URL (expected e.g. https://api.anthropic.com): fix or unset it.'],
		[{ANTHROPIC_BASE_URL: 'http://127.0.0.1:0'}, 'ANTHROPIC_BASE_URL names port 0, which no server listens on (expected e.g. https://api.anthropic.com).'],
		[{ANTHROPIC_BASE_URL: 'http://127.0.0.1:70000'}, 'ANTHROPIC_BASE_URL is not an http:// or https:// URL (expected e.g. https://api.anthropic.com): fix or unset it.'],
		[{OLLAMA_HOST: 'http://admin:pass@127.0.0.1:11434'}, 'OLLAMA_HOST must not carry a user name or password (it is shown in messages): use http://127.0.0.1:11434'],
	])('refuses %j as a usage error that repeats no secret', (env, message) => {
		let caught: unknown;
		try {
			parse(['doctor'], env);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UsageError);
		expect((caught as Error).message).toBe(message);
		expect((caught as Error).message).not.toMatch(/admin|pass@|u:p@|token@/);
	});

	it('takes a plain URL, and an empty variable as unset', () => {
		expect(() => parse(['doctor'], {ANTHROPIC_BASE_URL: 'https://gateway.example/anthropic', OPENAI_BASE_URL: ''})).not.toThrow();
		expect(() => parse(['doctor'], {OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1'})).not.toThrow();
	});
});

describe('normaliseHost', () => {
	it.each([
		['localhost', 'http://localhost:11434'],
		[':5555', 'http://127.0.0.1:5555'],
		['http://10.0.0.2', 'http://10.0.0.2'],
		['https://ollama.example', 'https://ollama.example'],
		['127.0.0.1:11434/', 'http://127.0.0.1:11434'],
		['0.0.0.0:11434', 'http://127.0.0.1:11434'],
	])('%s → %s', (raw, expected) => {
		expect(normaliseHost(raw)).toBe(expected);
	});
});

describe('isLoopbackHost', () => {
	it.each([
		['http://127.0.0.1:11434', true],
		['http://localhost:11434', true],
		['http://[::1]:11434', true],
		['http://10.0.0.2:11434', false],
		['https://ollama.example', false],
	])('%s → %s', (origin, expected) => {
		expect(isLoopbackHost(origin)).toBe(expected);
	});
});
