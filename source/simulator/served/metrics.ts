// vLLM's Prometheus /metrics as its v1 engine exports them (docs.vllm.ai "Production Metrics", v0.10+;
// vllm/v1/metrics/loggers.py): counters vllm:prompt_tokens_total and vllm:generation_tokens_total,
// histograms with _bucket/_sum/_count for vllm:time_to_first_token_seconds,
// vllm:request_prefill_time_seconds and vllm:request_decode_time_seconds (first output token to last),
// every series labelled model_name and engine. A request's figures are added when it finishes.
import type {Counters} from '../completion.js';

type ModelSeries = {promptTokens: number; generationTokens: number; ttft: number; prefill: number; decode: number; requests: number};

export class ServedMetrics {
	private readonly byModel = new Map<string, ModelSeries>();

	record(model: string, counters: Counters): void {
		const series = this.byModel.get(model) ?? {promptTokens: 0, generationTokens: 0, ttft: 0, prefill: 0, decode: 0, requests: 0};
		const n = counters.eval_count;
		series.promptTokens += counters.prompt_eval_count;
		series.generationTokens += n;
		series.prefill += counters.prompt_eval_duration / 1e9;
		series.ttft += (counters.load_duration + counters.prompt_eval_duration) / 1e9;
		// The first token comes out of the prefill; decode time runs from it to the last one.
		series.decode += n > 1 ? ((counters.eval_duration / 1e9) * (n - 1)) / n : 0;
		series.requests += 1;
		this.byModel.set(model, series);
	}

	/** The exposition text, as GET /metrics serves it. */
	vllmText(): string {
		const lines: string[] = [];
		const label = (model: string) => `model_name="${model.replace(/["\\]/g, '\\$&')}",engine="0"`;
		const counter = (name: string, help: string, pick: (series: ModelSeries) => number) => {
			lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
			for (const [model, series] of this.byModel) lines.push(`${name}{${label(model)}} ${pick(series)}`);
		};
		const histogram = (name: string, help: string, pick: (series: ModelSeries) => number) => {
			lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
			for (const [model, series] of this.byModel) {
				lines.push(`${name}_bucket{${label(model)},le="+Inf"} ${series.requests}`, `${name}_count{${label(model)}} ${series.requests}`, `${name}_sum{${label(model)}} ${pick(series)}`);
			}
		};
		lines.push('# HELP vllm:num_requests_running Number of requests in model execution batches.', '# TYPE vllm:num_requests_running gauge');
		for (const model of this.byModel.keys()) lines.push(`vllm:num_requests_running{${label(model)}} 0.0`);
		counter('vllm:prompt_tokens_total', 'Number of prefill tokens processed.', (series) => series.promptTokens);
		counter('vllm:generation_tokens_total', 'Number of generation tokens processed.', (series) => series.generationTokens);
		histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', (series) => series.ttft);
		histogram('vllm:request_prefill_time_seconds', 'Histogram of time spent in PREFILL phase for request.', (series) => series.prefill);
		histogram('vllm:request_decode_time_seconds', 'Histogram of time spent in DECODE phase for request.', (series) => series.decode);
		return `${lines.join('\n')}\n`;
	}
}

/** llama-server's `timings` for one request (tools/server/README.md; prompt_* and predicted_*). */
export function llamaTimings(counters: Counters): Record<string, number> {
	const promptMs = counters.prompt_eval_duration / 1e6;
	const predictedMs = counters.eval_duration / 1e6;
	return {
		cache_n: 0,
		prompt_n: counters.prompt_eval_count,
		prompt_ms: promptMs,
		prompt_per_token_ms: counters.prompt_eval_count > 0 ? promptMs / counters.prompt_eval_count : 0,
		prompt_per_second: promptMs > 0 ? (counters.prompt_eval_count / promptMs) * 1000 : 0,
		predicted_n: counters.eval_count,
		predicted_ms: predictedMs,
		predicted_per_token_ms: counters.eval_count > 0 ? predictedMs / counters.eval_count : 0,
		predicted_per_second: predictedMs > 0 ? (counters.eval_count / predictedMs) * 1000 : 0,
	};
}
