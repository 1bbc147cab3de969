import {mkdtempSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/types.js';
import {runCli} from '../helpers/runCli.js';

let sim: SimulatorHandle;
let configHome: string;
let resultsDir: string;

beforeAll(async () => {
	sim = await startSimulator({installed: ['qwen2.5:14b', 'mistral-small:22b']});
	configHome = mkdtempSync(path.join(os.tmpdir(), 'trifecta-conf-'));
	resultsDir = mkdtempSync(path.join(os.tmpdir(), 'trifecta-results-'));
});
afterAll(async () => {
	await sim.close();
});

/** A port nothing listens on: bind one, then free it. */
async function deadPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('trifecta doctor', () => {
	it('--json prints the version and every model with size, parameters, quantization and capabilities', async () => {
		const result = await runCli(['doctor', '--json', '--host', sim.url, '--results-dir', resultsDir], {env: {XDG_CONFIG_HOME: configHome}});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as {
			ollama: {version: string};
			models: {name: string; sizeBytes: number; sizeGB: number; parameterSize: string; quantization: string; capabilities: string[]}[];
			anthropicApiKey: string;
		};
		expect(report.ollama.version).toBe('0.32.15');
		const qwen = report.models.find((model) => model.name === 'qwen2.5:14b');
		expect(qwen).toMatchObject({sizeBytes: 8_988_124_069, sizeGB: 8.99, parameterSize: '14.8B', quantization: 'Q4_K_M'});
		expect(qwen?.capabilities).toContain('tools');
		expect(report.models.map((model) => model.name).sort()).toEqual(['mistral-small:22b', 'qwen2.5:14b']);
		expect(report.anthropicApiKey).toBe('missing');
	});

	it('defaults the baseline to the newest Sonnet the key can use (Models API), never the deprecated seed model', async () => {
		const result = await runCli(['doctor', '--json', '--host', sim.url, '--results-dir', resultsDir], {
			env: {XDG_CONFIG_HOME: configHome, ANTHROPIC_API_KEY: 'sk-ant-doctor-test-0123456789', ANTHROPIC_BASE_URL: sim.anthropicUrl},
		});
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as {claude: {model: string; deprecation: string | null}};
		expect(report.claude).toMatchObject({model: 'claude-sonnet-5-5', deprecation: null});
	});

	it('says the key is set without ever printing it, and warns once that a chosen seed baseline is deprecated', async () => {
		const secret = 'sk-ant-doctor-test-0123456789';
		const result = await runCli(['doctor', '--host', sim.url, '--results-dir', resultsDir, '--claude-model', 'claude-sonnet-4-5-20250929'], {
			env: {XDG_CONFIG_HOME: configHome, ANTHROPIC_API_KEY: secret, ANTHROPIC_BASE_URL: sim.anthropicUrl},
		});
		expect(result.code).toBe(0);
		expect(result.stdout + result.stderr).not.toContain(secret);
		expect(result.stdout).toMatch(/Anthropic key\s+set/);
		expect(result.stdout).toMatch(/deprecated[\s\S]*--claude-model/);
		expect(result.stdout.match(/is deprecated/g)).toHaveLength(1);
		expect(result.stdout).toContain('qwen2.5:14b');
	});

	it('explains how to start Ollama when nothing listens, exit 1, no stack trace', async () => {
		const port = await deadPort();
		const result = await runCli(['doctor', '--host', `http://127.0.0.1:${port}`, '--results-dir', resultsDir], {env: {XDG_CONFIG_HOME: configHome}});
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe(
			`Ollama is not running at http://127.0.0.1:${port} — start it with \`ollama serve\`, or try \`trifecta --demo\``,
		);
		expect(result.stdout).toBe('');
	});

	it('started with `npm start` (the quick start), the hint says how to pass --demo through npm', async () => {
		const port = await deadPort();
		const result = await runCli(['--host', `http://127.0.0.1:${port}`, '--results-dir', resultsDir], {
			env: {XDG_CONFIG_HOME: configHome, npm_lifecycle_event: 'start'},
		});
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe(`Ollama is not running at http://127.0.0.1:${port} — start it with \`ollama serve\`, or try \`npm start -- --demo\``);
	});

	it('--demo works without any Ollama and says SIMULATED', async () => {
		const result = await runCli(['doctor', '--demo', '--results-dir', resultsDir], {env: {XDG_CONFIG_HOME: configHome}});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('SIMULATED');
		expect(result.stdout).toContain('Apple M3 Max');
		expect(result.stdout).toContain('400 GB/s');
	});
});

describe('usage', () => {
	it('--help lists every command', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		for (const command of ['doctor', 'pull', 'bench', 'compare', 'tools', 'run', 'report', 'configs']) {
			expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
		}
	});

	it('--version prints the version', async () => {
		const result = await runCli(['--version']);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('a bad flag or command exits 2 with one line naming it', async () => {
		const badFlag = await runCli(['doctor', '--nope']);
		expect(badFlag.code).toBe(2);
		expect(badFlag.stderr.trim()).toBe('Unknown flag --nope. Run `trifecta --help` for the options.');
		const badCommand = await runCli(['benchmark']);
		expect(badCommand.code).toBe(2);
		expect(badCommand.stderr.trim()).toBe("Unknown command 'benchmark'. Run `trifecta --help` for the list of commands.");
	});
});
