// The preflight report: what `trifecta doctor` prints and the wizard's first screen shows.
import type {ClaudeProvider, InstalledModel, LoadedModel, OllamaProvider} from '../../providers/types.js';
import type {SystemInfo} from '../../system/types.js';
import type {ServedBackend, Services} from '../../experiment/services.js';

export type DoctorModel = InstalledModel & {sizeGB: number};

export type DoctorReport = {
	simulated: boolean;
	host: string;
	ollama: {reachable: true; version: string};
	models: DoctorModel[];
	loaded: (LoadedModel & {gpuShare: number})[];
	system: SystemInfo;
	anthropicApiKey: 'set' | 'missing';
	claude: {model: string; baseline: 'enabled' | 'skipped'; skipReason: string | null; deprecation: string | null};
	warnings: string[];
	/** --backend openai: the inference server measured instead of Ollama, and what trifecta cannot know of it. */
	server?: ServedBackend & {cannotKnow: string[]};
};

/** Said by doctor and the wizard's preflight for a served backend: what a client of /v1 cannot see. */
export const SERVED_UNKNOWNS = [
	"the server's RAM, free disk and memory bandwidth (its machine is not this one; --bandwidth GB/s gives the ceiling)",
	'which models could be served next: serving another model is done on the server, so nothing is pulled or deleted',
	'per-model memory and GPU offload (the server has no /api/ps)',
];

export function gigabytes(bytes: number): number {
	return Math.round((bytes / 1e9) * 100) / 100;
}

export async function buildDoctorReport(input: {
	host: string;
	simulated: boolean;
	ollama: OllamaProvider;
	system: SystemInfo;
	claude: ClaudeProvider | null;
	claudeModel: string;
	claudeSkipReason: string | null;
	apiKeySet: boolean;
	signal?: AbortSignal;
}): Promise<DoctorReport> {
	const opts = input.signal ? {signal: input.signal} : {};
	const [version, installed, loaded] = await Promise.all([
		input.ollama.version(opts),
		input.ollama.list(opts),
		input.ollama.ps(opts),
	]);
	const deprecation = input.claude?.deprecation() ?? null;
	const warnings: string[] = [];
	if (deprecation) {
		warnings.push(`${deprecation} Choose another baseline with --claude-model <id>.`);
	}
	if (input.system.bandwidthGBs === null) {
		warnings.push('Memory bandwidth is unknown on this machine, so speed ceilings are not shown. Pass --bandwidth <GB/s>.');
	}
	const lowRam = input.system.freeRamBytes / input.system.totalRamBytes < 0.1;
	if (lowRam) warnings.push('Free RAM is under 10 %: close other apps before benchmarking, or rates will collapse.');
	const loadedWithShare = loaded.map((model) => ({
		...model,
		gpuShare: model.sizeBytes > 0 ? model.sizeVramBytes / model.sizeBytes : 0,
	}));
	for (const model of loadedWithShare) {
		if (model.gpuShare < 1) {
			warnings.push(
				`${model.name} is partly offloaded to the CPU (${Math.round(model.gpuShare * 100)} % on the GPU): its speed will collapse.`,
			);
		}
	}
	return {
		simulated: input.simulated,
		host: input.host,
		ollama: {reachable: true, version},
		models: installed.map((model) => ({...model, sizeGB: gigabytes(model.sizeBytes)})),
		loaded: loadedWithShare,
		system: input.system,
		anthropicApiKey: input.apiKeySet ? 'set' : 'missing',
		claude: {
			model: input.claudeModel,
			baseline: input.claude ? 'enabled' : 'skipped',
			skipReason: input.claudeSkipReason,
			deprecation,
		},
		warnings,
	};
}

/** The report for a CLI session: its providers and machine facts, plus what went wrong at start-up. */
export async function doctorReportFor(services: Services): Promise<DoctorReport> {
	const report = await buildDoctorReport({
		host: services.ollama.host,
		simulated: services.simulated,
		ollama: services.ollama,
		system: services.system,
		claude: services.claude,
		claudeModel: services.settings.claudeModel,
		claudeSkipReason: services.claudeSkipReason,
		apiKeySet: services.simulated || Boolean(process.env['ANTHROPIC_API_KEY']),
		signal: services.signal,
	});
	for (const warning of services.warnings) if (!report.warnings.includes(warning)) report.warnings.push(warning);
	if (services.served) {
		report.server = {...services.served, cannotKnow: [...SERVED_UNKNOWNS]};
		// The machine-bandwidth warning is about this machine, which is not the one measured.
		report.warnings = report.warnings.filter((warning) => !warning.startsWith('Memory bandwidth is unknown on this machine') && !warning.startsWith('Free RAM is under 10 %'));
	}
	return report;
}
