// Builds the hybrid configs for one model with the evidence behind each: scores, decode rate,
// and what one pipeline run would take and cost, from the agent split of docs/reference/tradingagents.md §1.
import {catalogEntry} from '../../models/catalog.js';
import {costUsd} from '../../providers/claudePricing.js';
import {DEFAULT_CLAUDE_MODEL, PIPELINE_OUTPUT_TOKENS} from '../../models/pipeline.js';
import type {ModelResult, ResultsFile} from '../../domain/schema.js';
import {meanScore, traderScore} from '../textFormat.js';
import {configNames, assertSafeModelName} from './naming.js';
import type {ConfigAssumptions, ConfigEvidence, ConfigKind, HybridConfigEntry, HybridConfigsDocument, HybridLLMConfig} from './types.js';

export const AGENTS = {total: 12, quick: 10, deep: 2, tools: 4, quickWithoutTools: 6} as const;
export const PIPELINE_INPUT_TOKENS = 100_000;
/** Used only when the baseline's own rate was not measured; stated in the JSON. */
export const ASSUMED_CLAUDE_DECODE_RATE = 50;

export class NoModelError extends Error {
	override readonly name = 'NoModelError';
}

function localAgents(kind: ConfigKind): number {
	if (kind === 'hybrid') return AGENTS.quickWithoutTools;
	if (kind === 'aggressive') return AGENTS.quickWithoutTools + AGENTS.deep;
	return AGENTS.total;
}

function claudeModelOf(results: ResultsFile): string {
	return results.settings?.claudeModel ?? results.baseline?.model ?? DEFAULT_CLAUDE_MODEL;
}

function claudeRate(results: ResultsFile): {value: number; source: 'baseline measurement' | 'assumed'} {
	const reasoning = results.baseline?.status === 'ok' ? results.baseline.reasoning : undefined;
	const rates = [reasoning?.bull, reasoning?.bear, reasoning?.trader]
		.map((response) => response?.tokensPerSecond)
		.filter((rate): rate is number => typeof rate === 'number' && rate > 0);
	if (rates.length === 0) return {value: ASSUMED_CLAUDE_DECODE_RATE, source: 'assumed'};
	return {value: rates.reduce((sum, rate) => sum + rate, 0) / rates.length, source: 'baseline measurement'};
}

/** `servedUrl`: the inference server's /v1 when the model was measured there (--backend openai), else Ollama. */
function configFor(kind: ConfigKind, model: string, claude: string, servedUrl: string | null): HybridLLMConfig {
	const localProvider = servedUrl === null ? ('ollama' as const) : ('openai_compatible' as const);
	const local = (on: boolean) => (on ? {provider: localProvider, model} : {provider: 'anthropic' as const, model: claude});
	const tools = local(kind === 'aggressive-localtools');
	const deep = local(kind !== 'hybrid');
	return {
		tool_provider: tools.provider,
		tool_model: tools.model,
		reasoning_quick_provider: localProvider,
		reasoning_quick_model: model,
		reasoning_deep_provider: deep.provider,
		reasoning_deep_model: deep.model,
		...(servedUrl === null ? {} : {backend_url: servedUrl}),
	};
}

const DESCRIPTIONS: Record<ConfigKind, string> = {
	hybrid: 'Quick reasoning (bull, bear, trader, risk debaters) on the local model; tool-using analysts and deep reasoning (research and portfolio managers) on Claude.',
	aggressive: 'Quick and deep reasoning on the local model; only the tool-using analysts stay on Claude.',
	'aggressive-localtools': 'Everything local, analysts included: the model passed every tool-calling scenario on the OpenAI-compatible endpoint the pipeline uses.',
};

export function findModel(results: ResultsFile, model: string): ModelResult | undefined {
	return results.models.find((entry) => entry.name === model);
}

/** The model to build configs for: the one named, else the recommendation. */
export function chosenModel(results: ResultsFile, requested?: string): string {
	const model = requested ?? results.recommendation?.model ?? null;
	if (model === null) {
		throw new NoModelError(
			'No model is recommended in the results yet. Finish the experiment (trifecta run), or name the model: trifecta configs qwen2.5:32b',
		);
	}
	assertSafeModelName(model);
	return model;
}

export function buildHybridConfigs(results: ResultsFile, requested?: string, now: Date = new Date()): HybridConfigsDocument {
	const model = chosenModel(results, requested);
	const entry = findModel(results, model);
	const names = configNames(model, entry?.parameterSize ?? catalogEntry(model)?.parameterSize);
	const claude = claudeModelOf(results);
	assertSafeModelName(claude);
	const claudeDecode = claudeRate(results);
	const openai = entry?.toolCalling?.openai;
	const localToolsEligible = Boolean(openai && openai.supported && openai.total > 0 && openai.passed === openai.total);
	const baselineTrader = results.baseline?.status === 'ok' ? traderScore(results.baseline.reasoning) : null;
	const rate = entry?.speed?.evalRate.mean ?? null;
	const served = results.environment?.backend ?? null;

	const kinds: ConfigKind[] = localToolsEligible ? ['hybrid', 'aggressive', 'aggressive-localtools'] : ['hybrid', 'aggressive'];
	const nameOf: Record<ConfigKind, string> = {hybrid: names.hybrid, aggressive: names.aggressive, 'aggressive-localtools': names.aggressiveLocalTools};

	const configs: HybridConfigEntry[] = kinds.map((kind) => {
		const localShare = localAgents(kind) / AGENTS.total;
		const claudeShare = 1 - localShare;
		const localSeconds = rate !== null && rate > 0 ? (PIPELINE_OUTPUT_TOKENS * localShare) / rate : null;
		const evidence: ConfigEvidence = {
			model,
			traderScore: traderScore(entry?.reasoning),
			meanScore: meanScore(entry?.reasoning),
			baselineTraderScore: baselineTrader,
			traderRelativeToBaseline: baselineTrader && traderScore(entry?.reasoning) !== null ? (traderScore(entry?.reasoning) ?? 0) / baselineTrader : null,
			decodeRate: rate,
			practical: entry?.practical ?? null,
			openaiToolCalling: openai ? {passed: openai.passed, total: openai.total, supported: openai.supported} : null,
			localShare,
			estimatedPipelineSeconds: localSeconds === null ? null : localSeconds + (PIPELINE_OUTPUT_TOKENS * claudeShare) / claudeDecode.value,
			claudeCostUsdPerRun: claudeShare === 0 ? 0 : costUsd(claude, PIPELINE_INPUT_TOKENS * claudeShare, PIPELINE_OUTPUT_TOKENS * claudeShare),
		};
		return {name: nameOf[kind], kind, description: DESCRIPTIONS[kind], config: configFor(kind, model, claude, served?.url ?? null), evidence};
	});

	const notes: string[] = [];
	if (localToolsEligible) {
		notes.push(`${model} passed all ${openai?.total} tool-calling scenarios on the OpenAI-compatible endpoint, so ${names.aggressiveLocalTools} runs the analysts locally too.`);
	} else if (openai) {
		notes.push(`${model} passed ${openai.passed}/${openai.total} tool-calling scenarios on the OpenAI-compatible endpoint: tools stay on Claude.`);
	} else {
		notes.push(`Tool calling was not measured for ${model}: tools stay on Claude.`);
	}
	if (served) notes.push(`${model} was measured on ${served.server}: the local tiers use the pipeline's openai_compatible provider with backend_url ${served.url}.`);
	if (rate === null) notes.push(`The decode rate of ${model} was not measured: wall-time estimates are null.`);
	if (entry?.practical === false) notes.push(`${model} is below the minimum decode rate: flagged impractical for a 12-agent pipeline.`);

	const assumptions: ConfigAssumptions = {
		agents: {...AGENTS},
		tokensPerRun: {input: PIPELINE_INPUT_TOKENS, output: PIPELINE_OUTPUT_TOKENS},
		split: 'Tokens are split evenly across the 12 agents: 4 tool-using analysts (tool_*), 6 other quick agents (reasoning_quick_*), 2 deep agents (reasoning_deep_*).',
		claudeDecodeRate: claudeDecode,
		wallTime: 'Output tokens of local agents / the local mean decode rate + output tokens of Claude agents / the Claude decode rate; prefill, tool latency and load time are not counted.',
		cost: `List prices for ${claude} (claudePricing) on the input and output tokens of the agents that run on Claude.`,
	};

	return {
		schemaVersion: 1,
		generatedAt: now.toISOString(),
		simulated: results.simulated,
		model,
		claudeModel: claude,
		localToolsEligible,
		notes,
		assumptions,
		configs,
	};
}
