// The hostile-server matrix: an Ollama and an Anthropic look-alike on loopback that
// misbehave, run through the built CLI. Each case asserts the message and the exit code, that no
// ESC (0x1b) or NUL (0x00) byte from the server reaches stdout, stderr or any written file, that
// nothing is written outside its folder, and (for floods) that the process stays small and quick.
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {acquireResultsLock} from '../../source/output/lock.js';
import {hostileAnthropic, respond, rewriteJson, streamBytes} from './hostileServer.js';
import {hostileLab, type HostileLab, type HostileResult} from './hostileLab.js';
import {seedResults} from './harness.js';
import {waitFor} from '../helpers/testUtils.js';

const FIRST = 'qwen2.5:14b';
const SECOND = 'mistral-small:22b';
/** Window title, clear screen, NUL, a hyperlink and a carriage return: everything a terminal must never get raw. */
const EVIL = '\u001b]0;PWNED\u0007\u001b[2J\u0000\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\rX';
const MB = 1024 * 1024;
/** 200 MB, in kB as process.resourceUsage().maxRSS reports it. */
const MEMORY_LIMIT_KB = 200 * 1024;

let lab: HostileLab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

function noRawControls(what: string, bytes: Buffer): {what: string; esc: boolean; nul: boolean} {
	return {what, esc: bytes.includes(0x1b), nul: bytes.includes(0x00)};
}

/** No ESC or NUL in stdout, stderr or any file written; nothing outside its folder. */
function expectClean(current: HostileLab, result: HostileResult): void {
	const checks = [noRawControls('stdout', result.stdout), noRawControls('stderr', result.stderr), ...current.writtenFiles().map((file) => noRawControls(file, fs.readFileSync(file)))];
	expect(checks.filter((check) => check.esc || check.nul)).toEqual([]);
	expect(fs.readdirSync(current.outside)).toEqual([]);
}

function withEvil(value: unknown): unknown {
	return typeof value === 'string' ? `${value}${EVIL}` : value;
}

describe('escape sequences from the server', () => {
	it('in model names from /api/tags and the version: doctor prints none; --json keeps the exact text, escaped', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push(
			{path: '/api/tags', handle: rewriteJson((body) => ({...body, models: [...(body['models'] as object[]), {...(body['models'] as Record<string, unknown>[])[0], name: `evil${EVIL}:7b`, model: `evil${EVIL}:7b`}]}))},
			{path: '/api/version', handle: respond(200, JSON.stringify({version: `0.12.6${EVIL}`}))},
		);
		const plain = await lab.run(['doctor']);
		expect(plain.code).toBe(0);
		expect(plain.out).toContain('0.12.6');
		expectClean(lab, plain);

		const json = await lab.run(['doctor', '--json']);
		expect(json.code).toBe(0);
		expectClean(lab, json);
		expect(JSON.stringify(JSON.parse(json.out))).toContain('0.12.6\\u001b]0;PWNED\\u0007');
	});

	it('in model output and tool calls: transcripts, tables and the report hold none', async () => {
		lab = await hostileLab();
		const evilChat = rewriteJson((line) => {
			const message = line['message'] as Record<string, unknown> | undefined;
			if (!message) return line;
			const calls = (message['tool_calls'] as {function: {name: string; arguments: Record<string, unknown>}}[] | undefined)?.map((call) => ({
				function: {name: `${call.function.name}${EVIL}`, arguments: Object.fromEntries(Object.entries(call.function.arguments).map(([key, value]) => [key, withEvil(value)]))},
			}));
			return {...line, message: {...message, content: withEvil(message['content']), ...(calls ? {tool_calls: calls} : {})}};
		});
		lab.proxy.rules.push({path: '/api/chat', handle: evilChat});

		const compare = await lab.run(['compare', FIRST, '--no-claude']);
		expect(compare.err).not.toMatch(/TypeError|at .*\.js:\d+/);
		const tools = await lab.run(['tools', FIRST]);
		const report = await lab.run(['report']);
		expect(report.code).toBe(0);
		for (const result of [compare, tools, report]) expectClean(lab, result);
		const transcripts = lab.writtenFiles().filter((file) => file.includes(`${path.sep}transcripts${path.sep}`));
		expect(transcripts.length).toBeGreaterThan(0);
		// Made visible, not passed on: the NUL and CR became U+FFFD, the sequences are gone whole.
		expect(fs.readFileSync(transcripts[0]!, 'utf8')).toContain('link\uFFFDX');
		expect(fs.existsSync(path.join(lab.dir, 'tool_calling_scaling.txt'))).toBe(true);
	});

	it('in an error body: one clean line on stderr, exit 1', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/generate', handle: respond(500, JSON.stringify({error: `boom${EVIL}${'z'.repeat(10_000)}`}))});
		const result = await lab.run(['bench', FIRST]);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/Ollama failed \(500\): boom/);
		expect(result.err.length).toBeLessThan(2000);
		expectClean(lab, result);
	});
});

describe('floods', () => {
	it('a 100 MB line fails as "response line too long" within seconds and under 200 MB', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/generate', handle: streamBytes('{"model":"qwen2.5:14b","response":"', 'x', 100 * MB)});
		const result = await lab.run(['bench', FIRST]);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/sent a response line too long: over 1 MB/);
		expect(result.elapsedMs).toBeLessThan(20_000);
		expect(result.maxRssKb).not.toBeNull();
		expect(result.maxRssKb!).toBeLessThan(MEMORY_LIMIT_KB);
		expectClean(lab, result);
	});

	it('an endless stream of 2 kB tokens during compare is cut off; memory stays under 200 MB', async () => {
		lab = await hostileLab();
		const token = `{"model":"qwen2.5:14b","message":{"role":"assistant","content":"${'t'.repeat(2048)}"},"done":false}\n`;
		lab.proxy.rules.push({path: '/api/chat', handle: streamBytes('', token, 1e12)});
		const result = await lab.run(['compare', FIRST, '--no-claude']);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/more than 4 MB of text|past \d+ tokens/);
		expect(result.maxRssKb!).toBeLessThan(MEMORY_LIMIT_KB);
		expectClean(lab, result);
	});

	it('a 200 MB /api/tags fails as too large, is not echoed, and stays under 200 MB', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/tags', handle: streamBytes('{"models":[', ' ', 200 * MB, 'application/json')});
		const result = await lab.run(['bench', FIRST]);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/sent a response too large \(list\): over 8 MB/);
		expect(result.out).toBe('');
		expect(result.err.length).toBeLessThan(2000);
		expect(result.maxRssKb!).toBeLessThan(MEMORY_LIMIT_KB);
		expectClean(lab, result);
	});
});

describe('bad lines and counters', () => {
	it('a line that looks like an object but is not JSON is an error of that model, not dropped; ollama-js prints nothing', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({
			path: '/api/generate',
			model: SECOND,
			handle: respond(200, '{"response":"a","done":false}\n{oops\u001b[2J}\n{"response":"","done":true,"done_reason":"stop","eval_count":1,"eval_duration":1000000}\n', 'application/x-ndjson'),
		});
		const result = await lab.run(['bench', FIRST, SECOND]);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/sent a response line that is not JSON \(\{oops\}\)/);
		expect(result.err + result.out).not.toContain('invalid json');
		expect(fs.readFileSync(path.join(lab.dir, 'scaling-results.json'), 'utf8')).toContain(`"name": "${FIRST}"`);
		expectClean(lab, result);
	});

	it('implausible counters make that rep an error quoting the numbers; the other model and the load time stay sane', async () => {
		lab = await hostileLab();
		const counters = (change: Record<string, number>) => rewriteJson((line) => (line['done'] === true ? {...line, ...change} : line));
		lab.proxy.rules.push(
			// Only the warm-up (the first request): its load time is what a negative load_duration would corrupt.
			{path: '/api/generate', model: FIRST, times: 1, handle: counters({load_duration: -5e9})},
			{path: '/api/generate', model: SECOND, handle: counters({eval_count: 1e308})},
		);
		const result = await lab.run(['bench', FIRST, SECOND, '--json']);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/implausible counters loading qwen2\.5:14b \(load_duration is negative \(-5000000000\)\); the load time is not recorded/);
		expect(result.err).toMatch(/implausible counters for mistral-small:22b: eval_count 1\.000e\+308 in eval_duration \d+ ns is .* t\/s, over 10000 t\/s/);
		const raw = fs.readFileSync(path.join(lab.dir, 'scaling-results.json'), 'utf8');
		expect(raw).not.toMatch(/Infinity|NaN|-5000/);
		const stored = JSON.parse(raw) as {models: {name: string; speed?: {loadMs: number; evalRate: {samples: number[]}}}[]};
		const first = stored.models.find((model) => model.name === FIRST);
		expect(first?.speed?.evalRate.samples).toHaveLength(1);
		expect(first?.speed?.loadMs).toBeGreaterThanOrEqual(0);
		expect(stored.models.find((model) => model.name === SECOND)?.speed).toBeUndefined();
		expect(() => JSON.parse(result.out) as unknown).not.toThrow();
		expectClean(lab, result);
	});
});

describe('the API key', () => {
	const KEY = 'sk-ant-api03-Hostile-Matrix-Key-0123456789abcdef';
	it('no 12-character piece of it, in any case, is shown or written when Claude echoes it back', async () => {
		lab = await hostileLab();
		const anthropic = await hostileAnthropic(400, {
			type: 'error',
			error: {type: 'invalid_request_error', message: `model not enabled for ${KEY.slice(0, -5).toUpperCase()}${EVIL} (key ${KEY.slice(8, 30).toLowerCase()})`},
		});
		try {
			const result = await lab.run(['compare', FIRST], {env: {ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url}});
			expect(result.err).toMatch(/The Claude API rejected the request \(400\): model not enabled for \[redacted\]/);
			const everything = [result.out, result.err, ...lab.writtenFiles().map((file) => fs.readFileSync(file, 'utf8'))].join('\n').toLowerCase();
			const leaked: string[] = [];
			for (let start = 0; start + 12 <= KEY.length; start++) if (everything.includes(KEY.slice(start, start + 12).toLowerCase())) leaked.push(KEY.slice(start, start + 12));
			expect(leaked).toEqual([]);
			expectClean(lab, result);
		} finally {
			await anthropic.close();
		}
	});
});

describe('files outside their folder', () => {
	it('a symlinked results/transcripts is refused, naming the link; nothing lands where it points', async () => {
		lab = await hostileLab();
		fs.symlinkSync(lab.outside, path.join(lab.dir, 'transcripts'));
		const result = await lab.run(['compare', FIRST, '--no-claude']);
		expect(result.code).toBe(1);
		expect(result.err).toContain(`symbolic link ${path.join(lab.dir, 'transcripts')}`);
		expect(fs.readdirSync(lab.outside)).toEqual([]);
	});
});

async function closedPort(): Promise<string> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

type ErrorDocument = {error: {message: string; code: number}};

function errorDocument(result: HostileResult): ErrorDocument {
	const parsed = JSON.parse(result.out) as ErrorDocument;
	expect(parsed.error.code).toBe(result.code);
	return parsed;
}

describe('--json prints one JSON document on failure too', () => {
	it('Ollama unreachable: exit 1', async () => {
		lab = await hostileLab();
		const result = await lab.run(['bench', FIRST, '--json'], {host: await closedPort()});
		expect(result.code).toBe(1);
		expect(errorDocument(result).error.message).toMatch(/^Ollama is not running at http:\/\/127\.0\.0\.1:\d+/);
	});

	it('a corrupt results file: exit 1, the file untouched', async () => {
		lab = await hostileLab();
		fs.writeFileSync(path.join(lab.dir, 'scaling-results.json'), '{"models": [');
		const result = await lab.run(['bench', FIRST, '--json']);
		expect(result.code).toBe(1);
		expect(errorDocument(result).error.message).toMatch(/cannot be read/);
		expect(fs.readFileSync(path.join(lab.dir, 'scaling-results.json'), 'utf8')).toBe('{"models": [');
	});

	it('the results lock held by another trifecta: exit 1', async () => {
		lab = await hostileLab();
		seedResults(lab.dir, [FIRST]);
		const release = await acquireResultsLock(lab.dir);
		try {
			const result = await lab.run(['bench', FIRST, '--json']);
			expect(result.code).toBe(1);
			expect(errorDocument(result).error.message).toMatch(/Another trifecta is running/);
		} finally {
			await release();
		}
	});

	it('the results dir is a file: exit 1, a human message naming it', async () => {
		lab = await hostileLab();
		const file = path.join(lab.dir, 'not-a-dir');
		fs.writeFileSync(file, 'x');
		const result = await lab.run(['bench', FIRST, '--json'], {resultsDir: file});
		expect(result.code).toBe(1);
		const {message} = errorDocument(result).error;
		expect(message).toContain(file);
		expect(message).not.toMatch(/\bE[A-Z]{4,}\b/);
	});

	// Root ignores folder permissions, so there is nothing to refuse when the tests run as root.
	it.skipIf(process.getuid?.() === 0)('a read-only results folder: exit 1, "Permission denied" naming the path, no errno text', async () => {
		lab = await hostileLab();
		const readOnly = path.join(lab.dir, 'locked');
		fs.mkdirSync(readOnly);
		fs.chmodSync(readOnly, 0o500);
		try {
			const result = await lab.run(['bench', FIRST, '--json'], {resultsDir: readOnly});
			expect(result.code).toBe(1);
			const {message} = errorDocument(result).error;
			expect(message).toMatch(new RegExp(`^Permission denied writing ${readOnly.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
			expect(message).not.toMatch(/\bEACCES\b/);
		} finally {
			fs.chmodSync(readOnly, 0o700);
		}
	});

	it('Ctrl+C: exit 130 with one document', async () => {
		lab = await hostileLab();
		// A generation that never answers: the run is waiting when the interrupt comes.
		let waiting = false;
		lab.proxy.rules.push({
			path: '/api/generate',
			// Once: the unload after the cancel goes through.
			times: 1,
			handle: () => {
				waiting = true;
				return new Promise<void>(() => undefined);
			},
		});
		const running = lab.start(['bench', FIRST, '--json']);
		await waitFor(() => waiting, 'the bench request to reach the server', 20_000);
		running.child.kill('SIGINT');
		const result = await running.done;
		expect(result.code).toBe(130);
		expect(() => JSON.parse(result.out) as unknown).not.toThrow();
	});

	it('a bad flag: exit 2 with the error document; --host ftp:// names the host it would contact', async () => {
		lab = await hostileLab();
		const result = await lab.run(['doctor', '--json'], {host: 'ftp://10.1.2.3'});
		expect(result.code).toBe(2);
		expect(errorDocument(result).error.message).toMatch(/would contact 10\.1\.2\.3 over ftp; Ollama speaks only http:\/\/ or https:\/\//);
	});
});
