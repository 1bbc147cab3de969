// The hybrid configs document (results/hybrid-configs.json) and the pipeline's HybridLLMConfig.
/** openai_compatible: the pipeline's provider for vLLM, LM Studio, llama.cpp (docs/reference/tradingagents.md §2). */
export type LlmProvider = 'anthropic' | 'ollama' | 'openai_compatible';

/** Field for field the pipeline's dataclass, in its order. */
export type HybridLLMConfig = {
	tool_provider: LlmProvider;
	tool_model: string;
	reasoning_quick_provider: LlmProvider;
	reasoning_quick_model: string;
	reasoning_deep_provider: LlmProvider;
	reasoning_deep_model: string;
	/**
	 * The server's /v1 for the local tiers on openai_compatible; absent for Ollama. The pipeline's
	 * dataclass gets this field, defaulting to None, when it has none (patchHybridLlm.ts).
	 */
	backend_url?: string;
};

/** The field the patch adds to the pipeline's HybridLLMConfig for served models. */
export const BACKEND_URL_FIELD = 'backend_url';

export const HYBRID_FIELDS: readonly Exclude<keyof HybridLLMConfig, 'backend_url'>[] = [
	'tool_provider',
	'tool_model',
	'reasoning_quick_provider',
	'reasoning_quick_model',
	'reasoning_deep_provider',
	'reasoning_deep_model',
];

export type ConfigKind = 'hybrid' | 'aggressive' | 'aggressive-localtools';

export type ConfigEvidence = {
	model: string;
	traderScore: number | null;
	meanScore: number | null;
	baselineTraderScore: number | null;
	/** traderScore / baselineTraderScore */
	traderRelativeToBaseline: number | null;
	decodeRate: number | null;
	practical: boolean | null;
	/** passed/total on the OpenAI-compatible endpoint, or null when not tested. */
	openaiToolCalling: {passed: number; total: number; supported: boolean} | null;
	/** Share of the run's output tokens produced by the local model, 0..1. */
	localShare: number;
	/** One pipeline run, seconds; null when the rates it needs were not measured. */
	estimatedPipelineSeconds: number | null;
	claudeCostUsdPerRun: number | null;
};

export type HybridConfigEntry = {
	name: string;
	kind: ConfigKind;
	description: string;
	config: HybridLLMConfig;
	evidence: ConfigEvidence;
};

export type ConfigAssumptions = {
	agents: {total: number; quick: number; deep: number; tools: number; quickWithoutTools: number};
	tokensPerRun: {input: number; output: number};
	split: string;
	claudeDecodeRate: {value: number; source: 'baseline measurement' | 'assumed'};
	wallTime: string;
	cost: string;
};

export type HybridConfigsDocument = {
	schemaVersion: 1;
	generatedAt: string;
	simulated: boolean;
	model: string;
	claudeModel: string;
	/** Whether the model passed every tool-calling scenario on /v1 (the endpoint the pipeline uses). */
	localToolsEligible: boolean;
	notes: string[];
	assumptions: ConfigAssumptions;
	configs: HybridConfigEntry[];
};
