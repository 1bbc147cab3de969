// The simulated server's version decides behaviours that changed between Ollama releases; each
// rule below names the release it comes from (docs/reference/ollama-wire.md and a reading of
// server/routes.go, api/types.go, openai/openai.go and the runners).

/** [major, minor, patch] of "0.12.4", "v0.30.0-rc2", ...; unparsable parts are 0. */
export function parseVersion(version: string): [number, number, number] {
	const [major = 0, minor = 0, patch = 0] = version
		.replace(/^v/, '')
		.split(/[.-]/)
		.slice(0, 3)
		.map((part) => Number.parseInt(part, 10) || 0);
	return [major, minor, patch];
}

/** True when `version` is `minimum` or newer. */
export function atLeast(version: string, minimum: string): boolean {
	const have = parseVersion(version);
	const want = parseVersion(minimum);
	for (let index = 0; index < 3; index++) {
		const a = have[index] ?? 0;
		const b = want[index] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

/** How a thinking-capable model treats `think` on this server. */
export type ThinkingMode =
	/** The reasoning goes to `message.thinking` / `thinking` / `delta.reasoning`. */
	| 'separate'
	/** The reasoning stays inside `content` as <think>...</think>. */
	| 'inline'
	| 'off';

export function thinkingMode(version: string, think: unknown): ThinkingMode {
	const off = think === false || think === 'false';
	// Before v0.9.0 there was no `think` field: thinking models wrote <think> blocks into content, always.
	if (!atLeast(version, '0.9.0')) return 'inline';
	if (off) return 'off';
	const asked = think === true || (typeof think === 'string' && think !== '');
	if (asked) return 'separate';
	// think absent: v0.9.0-v0.12.3 left the model's <think> block in content; from v0.12.4 a
	// thinking-capable model thinks by default, into the separate field (routes.go:2619).
	return atLeast(version, '0.12.4') ? 'separate' : 'inline';
}

/** gpt-oss runs on the harmony format (server/routes.go shouldUseHarmony: family "gptoss" or "gpt-oss"). */
export function usesHarmony(family: string): boolean {
	return family === 'gptoss' || family === 'gpt-oss';
}

/**
 * How much a harmony model reasons for `think`, relative to its medium level. Harmony's Reasoning
 * field knows only low / medium / high ("max" is mapped to high, routes.go); `think: false`, true
 * or absent leave the template's default, medium (api/types.go ThinkValue.String gives "" for
 * false and "medium" for true). So the reasoning cannot be switched off, only made short.
 */
export function harmonyReasoningShare(think: unknown): number {
	if (think === 'low') return 0.25;
	if (think === 'high' || think === 'max') return 2.5;
	return 1;
}

/**
 * The num_ctx a request without one runs at: 2048 before v0.6.7, 4096 until v0.15.4, then a tier
 * by GPU memory (under 23 GiB 4k, under 47 GiB 32k, else 256k; routes.go:2040-2058), capped at
 * the model's trained context (sched.go:161). The simulated M3 Max (128 GB, Metal's working set
 * about 75 %) is in the top tier.
 */
export function defaultNumCtx(version: string, trainedContext: number, gpuMemoryGiB = 96): number {
	if (!atLeast(version, '0.6.7')) return 2048;
	if (!atLeast(version, '0.15.5')) return 4096;
	const tier = gpuMemoryGiB < 23 ? 4096 : gpuMemoryGiB < 47 ? 32_768 : 262_144;
	return Math.min(tier, trainedContext);
}

/**
 * On /v1, parallel tool calls all carry `index` 0 from several built-in parsers: qwen3's until
 * v0.17.4, the others until v0.20.6.
 */
export function parallelCallsShareIndex(version: string, family: string): boolean {
	return family.startsWith('qwen3') ? !atLeast(version, '0.17.5') : !atLeast(version, '0.20.7');
}

/**
 * Whether prompt_eval_count includes the tokens served from the prompt cache (while
 * prompt_eval_duration times only the fresh ones). From v0.4.0 the Go runners count every prompt
 * input: `numPromptInputs: len(inputs)` is set before LoadCacheSlot trims the cached prefix
 * (llama/runner/runner.go v0.4.0; runner/ollamarunner/runner.go v0.20.0:197). From v0.30
 * llama-server reports cache_n + prompt_n (llm/llama_server.go:1503-1513). Before v0.4.0 the C++
 * ext_server reported only the tokens it processed (n_prompt_tokens_processed,
 * llm/ext_server/server.cpp v0.3.0), so a fully cached prompt gave 0, omitted (ollama/ollama#5370).
 */
export function countsCachedPromptTokens(version: string): boolean {
	return atLeast(version, '0.4.0');
}

/**
 * The eval_duration the runner reports for `tokens` generated tokens, given the time decoding them
 * took. Every runner starts its decode clock at the first token (it comes out of prompt
 * processing): the Go runners reset `startedAt` when numPredicted reaches 1
 * (runner/ollamarunner/runner.go v0.20.0:743-746), so one token is 0 ns, omitted; from v0.30
 * llama-server's predicted_ms (llm/llama_server.go:1726) has llama.cpp's floor of 1 µs
 * (t_token_generation = max(1, ...) µs), so one token is 1000 ns.
 */
export function reportedEvalDuration(version: string, tokens: number, nsPerToken: number): number {
	if (tokens <= 0) return 0;
	const timed = Math.round((tokens - 1) * nsPerToken);
	return atLeast(version, '0.30.0') ? Math.max(1000, timed) : timed;
}

/**
 * Before v0.11.4, /v1 keeps only the content of an assistant turn whose content is a string and drops
 * its tool_calls; only a turn with no content (null) keeps them (openai/openai.go fromChatRequest, v0.11.3).
 * Tool results are not matched to their call by tool_call_id either until v0.11.4.
 */
export function v1DropsToolCallsOfTextTurns(version: string): boolean {
	return !atLeast(version, '0.11.4');
}

/**
 * The `think` a /v1 request's reasoning_effort becomes: from v0.12.4 "none" is think:false and the
 * levels pass through (openai/openai.go, the validated list); before, the value went through as given.
 */
export function thinkFromReasoningEffort(version: string, effort: unknown): unknown {
	if (typeof effort !== 'string' || effort === '') return undefined;
	if (atLeast(version, '0.12.4') && effort === 'none') return false;
	return effort;
}
