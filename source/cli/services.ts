// Builds what commands need: providers (real, or the in-process simulator for --demo), the
// results store, settings (stored, then flags), preflight facts, and the cancel signal.
import {mkdirSync} from 'node:fs';
import type {GlobalFlags, Services} from './types.js';
import {defaultSettings, type Settings} from '../experiment/settings.js';
import {ProviderError} from '../providers/errors.js';
import {collectSystemInfo, realProbes, simulatedSystemInfo} from '../system/collect.js';

export type ServiceOptions = {
	flags: GlobalFlags;
	overrides: Partial<Settings>;
	env: NodeJS.ProcessEnv;
	/** Stored settings (conf); null in tests that do not want a store. */
	storedSettings: () => Promise<Settings>;
};

/** Real-time pacing of the demo: 0.05 = twenty times faster than an M3 Max. TRIFECTA_DEMO_PACE=0 runs flat out. */
function demoPace(env: NodeJS.ProcessEnv): number {
	const raw = env['TRIFECTA_DEMO_PACE'];
	const pace = raw === undefined ? 0.05 : Number(raw);
	return Number.isFinite(pace) && pace >= 0 ? pace : 0.05;
}

export type ServicesHandle = {services: Services; close(): Promise<void>};

export async function createServices(options: ServiceOptions): Promise<ServicesHandle> {
	const {flags, env} = options;
	const warnings: string[] = [];
	const warn = (message: string) => {
		if (!warnings.includes(message)) warnings.push(message);
	};
	const settings: Settings = {...defaultSettings, ...(await options.storedSettings()), ...options.overrides};
	const controller = new AbortController();
	mkdirSync(flags.resultsDir, {recursive: true});

	let host = flags.host;
	let anthropicBaseURL = env['ANTHROPIC_BASE_URL'];
	let apiKey = env['ANTHROPIC_API_KEY'];
	let closeSimulator: (() => Promise<void>) | null = null;
	if (flags.demo) {
		const {startSimulator} = await import('../simulator/index.js');
		const pace = demoPace(env);
		const simulator = await startSimulator({pace, pullBytesPerSecond: 2e9});
		host = simulator.url;
		anthropicBaseURL = simulator.anthropicUrl;
		// The demo's Claude is simulated too; a real key must never reach the simulator.
		apiKey = 'demo-key-simulated';
		closeSimulator = () => simulator.close();
	}

	const [{createOllamaProvider}, {createOpenAICompatProvider}, {claudeFromEnv}, {createResultsStore}] = await Promise.all([
		import('../providers/ollama/index.js'),
		import('../providers/openaiCompat.js'),
		import('../providers/claude.js'),
		import('../output/resultsStore.js'),
	]);
	const ollama = createOllamaProvider({host, warn});
	if (!(await ollama.ping())) {
		await closeSimulator?.();
		throw new ProviderError(
			'unreachable',
			`Ollama is not running at ${host}`,
			'start it with `ollama serve`, or try `trifecta --demo`',
		);
	}
	const claudeEnv: NodeJS.ProcessEnv = {...env, ANTHROPIC_API_KEY: apiKey};
	if (anthropicBaseURL) claudeEnv['ANTHROPIC_BASE_URL'] = anthropicBaseURL;
	const {provider: claude, skipReason} = claudeFromEnv({
		env: claudeEnv,
		model: settings.claudeModel,
		noClaude: !flags.claude,
		warn,
	});
	const system = flags.demo
		? simulatedSystemInfo(await realProbes.statfs(flags.resultsDir))
		: await collectSystemInfo({host, resultsDir: flags.resultsDir, bandwidthGBs: settings.bandwidthGBs});
	const services: Services = {
		ollama,
		openai: createOpenAICompatProvider({host}),
		claude,
		claudeSkipReason: skipReason,
		results: createResultsStore(flags.resultsDir, {simulated: flags.demo}),
		settings,
		system,
		simulated: flags.demo,
		signal: controller.signal,
		cancel: () => controller.abort(),
		warnings,
	};
	return {
		services,
		async close() {
			await closeSimulator?.();
		},
	};
}
