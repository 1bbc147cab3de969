// Builds what commands need: providers (real, or the in-process simulator for --demo), the
// results store, settings (stored, then flags), preflight facts, and the cancel signal.
import {setMaxListeners} from 'node:events';
import {mkdirSync, rmSync} from 'node:fs';
import type {GlobalFlags, Services} from './types.js';
import {UsageError} from './errors.js';
import {defaultSettings, type Settings} from '../experiment/settings.js';
import {DEMO_DOWNLOAD_BYTES_PER_SECOND, demoClock, realClock} from '../experiment/clock.js';
import {catalogEntry, isOneAtATime} from '../models/catalog.js';
import {DEFAULT_CLAUDE_MODEL, SEED_CLAUDE_MODEL} from '../models/pipeline.js';
import type {ResultsFile} from '../domain/schema.js';
import {deprecationFor} from '../providers/claude/deprecation.js';
import {ProviderError} from '../providers/errors.js';
import type {JudgeProvider} from '../providers/types.js';
import {acquireResultsLock} from '../output/lock.js';
import {createResultsStore} from '../output/resultsStore.js';
import {collectSystemInfo, realProbes, simulatedSystemInfo} from '../system/collect.js';
import {servedBackend, servedLadder, servedSystem} from './servedServices.js';

export type ServiceOptions = {
	flags: GlobalFlags;
	overrides: Partial<Settings>;
	env: NodeJS.ProcessEnv;
	/** Stored settings (conf), and what went wrong reading them (a corrupt file set aside). */
	storedSettings: () => Promise<{settings: Settings; warnings: readonly string[]}>;
	/**
	 * What the command does with the results directory: 'write' takes its lock before anything is
	 * measured (a second trifecta refuses at once, naming the lock); 'runner' leaves the lock to the
	 * experiment runner; both check the results file is readable first. 'none' (doctor) does neither.
	 */
	results: 'write' | 'runner' | 'none';
};

/** Real-time pacing of the demo: 0.05 = twenty times faster than an M3 Max. TRIFECTA_DEMO_PACE=0 runs flat out. */
function demoPace(env: NodeJS.ProcessEnv): number {
	const raw = env['TRIFECTA_DEMO_PACE'];
	const pace = raw === undefined ? 0.05 : Number(raw);
	return Number.isFinite(pace) && pace >= 0 ? pace : 0.05;
}

/**
 * The bytes an interrupted pull of the earlier demo run left behind, per model: a real Ollama
 * keeps them and resumes from there, so the demo's fresh simulator is given them back.
 */
export function demoPartialPulls(results: ResultsFile | null): Record<string, number> {
	const partial: Record<string, number> = {};
	for (const model of results?.models ?? []) {
		const pull = model.pull;
		if (pull && (pull.status === 'canceled' || pull.status === 'failed') && pull.bytes > 0) partial[model.name] = pull.bytes;
	}
	return partial;
}

export type ServicesHandle = {services: Services; close(): Promise<void>};

const DEMO_PREINSTALLED = ['qwen2.5:14b', 'mistral-small:22b'];
/** --demo --backend openai: a GPU box serving the ladder with vLLM (served, so nothing is pulled). */
const DEMO_SERVED = ['qwen2.5:14b', 'qwen2.5:32b', 'qwen2.5:72b', 'llama3.3:70b'];

/**
 * The demo's simulator starts afresh in every process; a resumed demo must find the models its
 * earlier run pulled, as a real Ollama would keep them. Of the 70B-class ones only the latest
 * pull can still be there: the strategy deletes the first before pulling a second.
 */
export function demoInstalled(results: ResultsFile | null): string[] {
	const pulled = (results?.models ?? [])
		.filter((model) => model.pull?.status === 'pulled' || model.pull?.status === 'present')
		.sort((a, b) => (a.pull?.at ?? '').localeCompare(b.pull?.at ?? ''));
	const large = pulled.filter((model) => isOneAtATime(model.name, model.sizeBytes ?? catalogEntry(model.name)?.sizeBytes ?? 0));
	const kept = pulled.filter((model) => !large.includes(model) || model === large.at(-1)).map((model) => model.name);
	return [...new Set([...DEMO_PREINSTALLED, ...kept])];
}

/**
 * A baseline nobody chose on purpose: the built-in default, the pipeline's seed model, or any model
 * the SDK lists as deprecated (a stored choice that has since reached its end of life).
 */
function isAutomaticBaseline(model: string): boolean {
	return model === DEFAULT_CLAUDE_MODEL || model === SEED_CLAUDE_MODEL || deprecationFor(model) !== null;
}

/**
 * What the Models API says the key can use (once per run): the ids to offer and the newest Sonnet.
 * Null offline or when the API refuses the listing: the built-in defaults stand.
 */
async function claudeCatalogue(apiKey: string, baseURL: string | undefined, signal: AbortSignal): Promise<{offered: string[]; usable: Set<string>; newest: string | null} | null> {
	const {isUsableClaudeModel, listClaudeModels, newestSonnet, offeredClaudeModels} = await import('../providers/claude/baselineModel.js');
	const models = await listClaudeModels({apiKey, ...(baseURL ? {baseURL} : {}), signal});
	if (!models) return null;
	return {offered: offeredClaudeModels(models), usable: new Set(models.filter((model) => isUsableClaudeModel(model)).map((model) => model.id)), newest: newestSonnet(models)};
}

export async function createServices(options: ServiceOptions): Promise<ServicesHandle> {
	const {flags, env} = options;
	const warnings: string[] = [];
	const listeners = new Set<(message: string) => void>();
	const warn = (message: string) => {
		if (!warnings.includes(message)) warnings.push(message);
		// Repeats too: a second busy spell later in the run is news to whoever is watching.
		for (const listener of listeners) listener(message);
	};
	// Only the demo's own folder (flags refuses --fresh with --results-dir): its results, report and
	// settings, cleared before the settings stored there are read.
	if (flags.demo && flags.fresh) rmSync(flags.resultsDir, {recursive: true, force: true});
	const stored = await options.storedSettings();
	for (const warning of stored.warnings) warn(warning);
	const settings: Settings = {...defaultSettings, ...stored.settings, ...options.overrides};
	const controller = new AbortController();
	// Concurrent waits on one cancel (answers waiting for Claude's, the Claude queue, each request)
	// pass Node's default of 10 listeners, and its warning would print over the screen.
	setMaxListeners(0, controller.signal);
	mkdirSync(flags.resultsDir, {recursive: true});
	const results = createResultsStore(flags.resultsDir, {simulated: flags.demo});
	const pace = flags.demo ? demoPace(env) : 0;

	let host = flags.host;
	let anthropicBaseURL = env['ANTHROPIC_BASE_URL'];
	let apiKey = env['ANTHROPIC_API_KEY'];
	let closeSimulator: (() => Promise<void>) | null = null;
	if (flags.demo) {
		const {startSimulator} = await import('../simulator/index.js');
		let earlier: ResultsFile | null = null;
		try {
			earlier = results.read();
		} catch {
			// A corrupt results file is reported below, or by the command that needs it, with what to do.
		}
		const simulator = await startSimulator({
			pace,
			// The demo's download rate in simulated time, at any pace (flat out, the clock adds it).
			pullBytesPerSecond: pace > 0 ? DEMO_DOWNLOAD_BYTES_PER_SECOND / pace : DEMO_DOWNLOAD_BYTES_PER_SECOND,
			installed: flags.backend === 'openai' ? DEMO_SERVED : demoInstalled(earlier),
			partialPulls: flags.backend === 'openai' ? {} : demoPartialPulls(earlier),
			...(flags.backend === 'openai' ? {server: {flavour: 'vllm' as const}} : {}),
		});
		host = simulator.url;
		anthropicBaseURL = simulator.anthropicUrl;
		// The demo's Claude is simulated too; a real key must never reach the simulator.
		apiKey = 'demo-key-simulated';
		closeSimulator = () => simulator.close();
	}

	const [{createOllamaProvider}, {lazyOpenAICompatProvider}, {claudeFromEnv}] = await Promise.all([
		import('../providers/ollama/index.js'),
		import('../providers/lazy.js'),
		import('../providers/claude/claudeFromEnv.js'),
	]);
	const timeouts = flags.timeouts;
	const servedSetup = flags.backend === 'openai' ? await servedBackend(host, env, timeouts, closeSimulator) : null;
	const ollama = servedSetup?.provider ?? createOllamaProvider({host, warn, ...(timeouts ? {timeouts} : {})});
	if (!servedSetup && !(await ollama.ping())) {
		await closeSimulator?.();
		throw new ProviderError(
			'unreachable',
			`Ollama is not running at ${host}`,
			// Started through the quick start (`npm start`), the flag has to pass through npm.
			`start it with \`ollama serve\`, or try \`${env['npm_lifecycle_event'] === 'start' ? 'npm start -- --demo' : 'trifecta --demo'}\``,
		);
	}
	if (servedSetup) {
		const ladder = servedLadder(servedSetup.backend, options.overrides.ladder, warn);
		if (ladder.length === 0) {
			await closeSimulator?.();
			throw new UsageError(`--ladder names no model ${servedSetup.backend.label} serves; it serves: ${servedSetup.backend.models.map((model) => model.id).join(', ') || 'none'}`);
		}
		settings.ladder = ladder;
		if (settings.roundOne !== null && !ladder.includes(settings.roundOne)) settings.roundOne = null;
	}
	let claudeModels: readonly string[] | undefined;
	if (flags.claude && apiKey?.trim()) {
		const catalogue = await claudeCatalogue(apiKey.trim(), anthropicBaseURL?.trim() || undefined, controller.signal);
		if (catalogue && catalogue.offered.length > 0) claudeModels = catalogue.offered;
		if (options.overrides.claudeModel === undefined) {
			// A stored choice the key can no longer use (retired since) would fail every call: the newest stands in, said so.
			const gone = catalogue !== null && catalogue.usable.size > 0 && !isAutomaticBaseline(settings.claudeModel) && !catalogue.usable.has(settings.claudeModel);
			if (gone) warn(`The stored Claude model ${settings.claudeModel} is not among the models your key can use now; using ${catalogue.newest ?? DEFAULT_CLAUDE_MODEL} instead (choose another with --claude-model)`);
			if (gone || isAutomaticBaseline(settings.claudeModel)) settings.claudeModel = catalogue?.newest ?? DEFAULT_CLAUDE_MODEL;
		}
	}
	const claudeEnv: NodeJS.ProcessEnv = {...env, ANTHROPIC_API_KEY: apiKey};
	if (anthropicBaseURL) claudeEnv['ANTHROPIC_BASE_URL'] = anthropicBaseURL;
	const {provider: claude, skipReason} = claudeFromEnv({
		env: claudeEnv,
		model: settings.claudeModel,
		noClaude: !flags.claude,
		...(timeouts ? {timeouts} : {}),
		// doctor and compare show the deprecation from provider.deprecation(); the copy the SDK
		// prints at the first request would say it a second time.
		warn: (message) => {
			if (message !== deprecationFor(settings.claudeModel)) warn(message);
		},
	});
	// --judge openai:<model>: the judge on an OpenAI-compatible endpoint; the demo's is the simulator's /v1.
	let judgeProvider: JudgeProvider | null = null;
	let judgeSkipReason: string | null = null;
	if (settings.judge === 'openai' && settings.judgeModel) {
		const {openAiJudgeFromEnv} = await import('../providers/openaiJudge/fromEnv.js');
		const judgeEnv = flags.demo ? {OPENAI_BASE_URL: `${host}/v1`, OPENAI_API_KEY: 'demo-key-simulated'} : env;
		({provider: judgeProvider, skipReason: judgeSkipReason} = await openAiJudgeFromEnv(judgeEnv, settings.judgeModel));
	}
	let releaseHeld: (() => Promise<void>) | null = null;
	try {
		// A results file that cannot be read would refuse every measurement at its first write:
		// say so before anything is measured (CorruptResultsError names the file; it stays untouched).
		if (options.results !== 'none') results.read();
		if (options.results === 'write') releaseHeld = await acquireResultsLock(flags.resultsDir);
	} catch (error) {
		await closeSimulator?.();
		throw error;
	}
	const machine = flags.demo
		? simulatedSystemInfo(await realProbes.statfs(flags.resultsDir))
		: await collectSystemInfo({host, resultsDir: flags.resultsDir, bandwidthGBs: settings.bandwidthGBs});
	// The server's machine is not this one: its RAM, disk and bandwidth are unknown unless --bandwidth says.
	const system = servedSetup ? servedSystem(machine, settings.bandwidthGBs) : machine;
	const services: Services = {
		ollama,
		openai: lazyOpenAICompatProvider({
			host,
			...(timeouts ? {timeouts} : {}),
			// The tool test's thinking setting matches the served benchmark and comparison (servedProvider.ts).
			...(servedSetup ? {serverName: servedSetup.backend.name, apiKey: env['OPENAI_COMPATIBLE_API_KEY'] ?? '', extra: () => ({chat_template_kwargs: {enable_thinking: false}})} : {}),
		}),
		...(servedSetup ? {served: servedSetup.backend} : {}),
		claude,
		claudeSkipReason: skipReason,
		judgeProvider,
		judgeSkipReason,
		results,
		settings,
		...(claudeModels ? {claudeModels} : {}),
		system,
		simulated: flags.demo,
		clock: flags.demo ? demoClock(pace) : realClock(),
		signal: controller.signal,
		cancel: () => controller.abort(),
		warnings,
		onWarning(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
	return {
		services,
		async close() {
			await releaseHeld?.();
			await closeSimulator?.();
		},
	};
}
