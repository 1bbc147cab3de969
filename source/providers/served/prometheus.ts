// Prometheus text exposition (vLLM's /metrics), read for the few series a rate needs. Only sample
// lines are read (`name{labels} value`); HELP/TYPE comments and unparsable lines are skipped.

export type Sample = {name: string; labels: Record<string, string>; value: number};

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheus(text: string): Sample[] {
	const samples: Sample[] = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) continue;
		const match = SAMPLE.exec(line.trim());
		if (!match) continue;
		const value = Number(match[3]);
		if (!Number.isFinite(value)) continue;
		const labels: Record<string, string> = {};
		for (const label of (match[2] ?? '').matchAll(LABEL)) labels[label[1] ?? ''] = (label[2] ?? '').replace(/\\(.)/g, '$1');
		samples.push({name: match[1] ?? '', labels, value});
	}
	return samples;
}

/** The sum of a series over every label set for this model (vLLM adds an `engine` label per engine). */
export function seriesTotal(samples: readonly Sample[], name: string, model: string): number | null {
	let total: number | null = null;
	for (const sample of samples) {
		if (sample.name !== name) continue;
		if (sample.labels['model_name'] !== undefined && sample.labels['model_name'] !== model) continue;
		total = (total ?? 0) + sample.value;
	}
	return total;
}

/** The vLLM series a request's rates come from (docs/reference/servers.md; vLLM v1 engine names). */
export const VLLM_SERIES = {
	generationTokens: 'vllm:generation_tokens_total',
	promptTokens: 'vllm:prompt_tokens_total',
	decodeSeconds: 'vllm:request_decode_time_seconds_sum',
	decodeCount: 'vllm:request_decode_time_seconds_count',
	prefillSeconds: 'vllm:request_prefill_time_seconds_sum',
	ttftSeconds: 'vllm:time_to_first_token_seconds_sum',
} as const;

export type VllmReading = Record<keyof typeof VLLM_SERIES, number>;

/** The series for one model, or null when the server does not export them (not vLLM, or an older engine). */
export function vllmReading(samples: readonly Sample[], model: string): VllmReading | null {
	const reading: Partial<VllmReading> = {};
	for (const [key, name] of Object.entries(VLLM_SERIES) as [keyof VllmReading, string][]) {
		const value = seriesTotal(samples, name, model);
		if (value === null) return null;
		reading[key] = value;
	}
	return reading as VllmReading;
}

/**
 * One request's figures from two readings around it, run alone: vLLM times decode from the first
 * output token to the last, so the tokens decoded in it are all but the first.
 */
export function vllmDelta(before: VllmReading, after: VllmReading): {outputTokens: number; promptTokens: number; decodeSeconds: number; prefillSeconds: number; requests: number} | null {
	const requests = after.decodeCount - before.decodeCount;
	if (requests !== 1) return null;
	return {
		outputTokens: after.generationTokens - before.generationTokens,
		promptTokens: after.promptTokens - before.promptTokens,
		decodeSeconds: after.decodeSeconds - before.decodeSeconds,
		prefillSeconds: after.prefillSeconds - before.prefillSeconds,
		requests,
	};
}
