// --backend openai end to end, through the built CLI, against a vLLM-like and a llama.cpp-like server:
// doctor names the server, its version and models and what it cannot know; bench records where its
// rates come from; tools tests the pipeline's /v1 path only; nothing is ever sent to /api/*.
import fs, {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/types.js';
import {runCli} from '../helpers/runCli.js';

describe.each([
	['vllm', 'vLLM', '0.11.0', 'server-metrics'],
	['llama.cpp', 'llama.cpp (llama-server)', 'b6550-5f7e166c', 'server-timings'],
] as const)('--backend openai against %s', (flavour, name, version, rateSource) => {
	let sim: SimulatorHandle;
	let configHome: string;
	let resultsDir: string;
	const env = () => ({XDG_CONFIG_HOME: configHome});

	beforeAll(async () => {
		sim = await startSimulator({server: {flavour}, installed: ['qwen2.5:14b', 'qwen2.5:32b']});
		configHome = mkdtempSync(path.join(os.tmpdir(), 'trifecta-conf-'));
		resultsDir = mkdtempSync(path.join(os.tmpdir(), 'trifecta-results-'));
	});
	afterAll(async () => sim.close());

	it('doctor --json names the server and version, lists the served models with their context, and says what it cannot know', async () => {
		const result = await runCli(['doctor', '--json', '--backend', 'openai', '--host', `${sim.url}/v1`, '--results-dir', resultsDir, '--no-claude'], {env: env()});
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as {server: {name: string; version: string; models: {id: string; contextLength: number | null}[]; cannotKnow: string[]}};
		expect(report.server.name).toBe(name);
		expect(report.server.version).toBe(version);
		expect(report.server.models.map((model) => model.id)).toEqual(['qwen2.5:14b', 'qwen2.5:32b']);
		for (const model of report.server.models) expect(model.contextLength).toBeGreaterThan(0);
		expect(report.server.cannotKnow.join('\n')).toMatch(/RAM, free disk and memory bandwidth/);
		expect(report.server.cannotKnow.join('\n')).toMatch(/nothing is pulled or deleted/);
	});

	it('doctor on a terminal shows the server, not Ollama', async () => {
		const result = await runCli(['doctor', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir, '--no-claude'], {env: env()});
		expect(result.code).toBe(0);
		// One sentence, whatever the terminal width wrapped.
		expect(result.stdout.replace(/\s+/g, ' ')).toContain(`${name} answers at ${sim.url}/v1, version ${version}`);
		expect(result.stdout).toContain('Served models (2)');
		expect(result.stdout).not.toMatch(/Ollama/);
	});

	it('bench --json records the rate source and the server', async () => {
		const result = await runCli(['bench', 'qwen2.5:14b', '--json', '--reps', '2', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir, '--no-claude'], {env: env(), timeoutMs: 60_000});
		expect(result.code).toBe(0);
		const out = JSON.parse(result.stdout) as {models: {name: string; speed: {rateSource: string; server: string; evalRate: {mean: number}}}[]};
		expect(out.models[0]?.speed.rateSource).toBe(rateSource);
		expect(out.models[0]?.speed.server).toBe(`${name} ${version} at ${sim.url}`);
		expect(out.models[0]?.speed.evalRate.mean).toBeGreaterThan(20);
		expect(result.stderr).toContain('rates    from the server');
		// Recorded as a run records it: configs written after a standalone bench name the server.
		const saved = JSON.parse(fs.readFileSync(path.join(resultsDir, 'scaling-results.json'), 'utf8')) as {environment?: {backend?: {kind: string; url: string}}};
		expect(saved.environment?.backend).toMatchObject({kind: 'openai', url: `${sim.url}/v1`});
	});

	it('tools tests /v1 only and says the native checks were skipped', async () => {
		const result = await runCli(['tools', 'qwen2.5:14b', '--json', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir, '--no-claude'], {env: env(), timeoutMs: 60_000});
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/Native \/api\/chat checks skipped/);
		expect(sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
	});

	it('compare runs the three roles against the served model', async () => {
		const result = await runCli(['compare', 'qwen2.5:14b', '--json', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir, '--no-claude'], {env: env(), timeoutMs: 90_000});
		expect(result.code).toBe(0);
		const out = JSON.parse(result.stdout) as {models: {name: string; reasoning?: Record<string, {status: string}>}[]};
		const reasoning = out.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning;
		for (const role of ['bull', 'bear', 'trader']) expect(reasoning?.[role]?.status).toBe('ok');
		expect(sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
	});

	it('pull never downloads: a served model has nothing to pull, another one is said to be served on the server', async () => {
		const served = await runCli(['pull', 'qwen2.5:14b', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir], {env: env()});
		expect(served.code).toBe(0);
		expect(served.stderr).toContain(`qwen2.5:14b is served by ${name} ${version} at ${sim.url}: nothing to pull.`);
		const other = await runCli(['pull', 'qwen2.5:72b', '--json', '--backend', 'openai', '--host', sim.url, '--results-dir', resultsDir], {env: env()});
		expect(other.code).toBe(1);
		expect(JSON.parse(other.stdout)).toMatchObject({model: 'qwen2.5:72b', status: 'failed', error: {code: 'not-served'}});
		expect(other.stderr).toMatch(/serving another model is done on the server/);
		expect(sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
	});

	it('a host where no server answers is a clear failure naming what was asked', async () => {
		const result = await runCli(['doctor', '--backend', 'openai', '--host', 'http://127.0.0.1:9', '--results-dir', resultsDir], {env: env()});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/No OpenAI-compatible server answers GET http:\/\/127\.0\.0\.1:9\/v1\/models/);
	});
});

describe('--backend flag', () => {
	it('openai without --host is a usage error that says what to give', async () => {
		const result = await runCli(['doctor', '--backend', 'openai']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--backend openai needs --host/);
	});

	it('an unknown backend is a usage error', async () => {
		const result = await runCli(['doctor', '--backend', 'vllm']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--backend must be 'ollama' or 'openai'/);
	});
});
