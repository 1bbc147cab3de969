// The report says where every speed figure came from: Ollama's counters, or an inference server's
// own timings, its /metrics, or the client's clock (--backend openai).
import {describe, expect, it} from 'vitest';
import {formatReport, REPORT_SECTIONS} from '../../source/output/report.js';
import {speedSummaryLines} from '../../source/app/state/speedSummary.js';
import {completeResults} from './fixtureResults.js';

const NOW = new Date('2026-02-02T10:00:00.000Z');
const noRepo = () => ({ok: false as const, error: 'not a git repository'});

function section1(results: ReturnType<typeof completeResults>): string {
	const report = formatReport(results, {cwd: '/repo', git: noRepo, now: NOW});
	return report.slice(report.indexOf(`## 1. ${REPORT_SECTIONS[0]}`), report.indexOf(`## 2. ${REPORT_SECTIONS[1]}`));
}

describe('rate source in the report and on the bench screen', () => {
	it('results from before (no source recorded) are Ollama\'s counters', () => {
		expect(section1(completeResults())).toContain("Speed is the decode rate from Ollama's own counters (eval_count / eval_duration);");
	});

	it('a vLLM run names the source and the server', () => {
		const results = completeResults();
		for (const model of results.models) if (model.speed) Object.assign(model.speed, {rateSource: 'server-metrics', server: 'vLLM 0.11.0 at http://gpu:8000'});
		expect(section1(results)).toContain("Speed is the decode rate from the server's /metrics read around each rep (vLLM decode tokens / decode seconds), measured on vLLM 0.11.0 at http://gpu:8000;");
	});

	it('mixed sources name the models of each', () => {
		const results = completeResults();
		const measured = results.models.filter((model) => model.speed);
		Object.assign(measured[0]!.speed!, {rateSource: 'client-timed'});
		const text = section1(results);
		expect(text).toContain(`client-timed: first to last token, with the server's usage.completion_tokens for ${measured[0]!.name}`);
		expect(text).toContain("Ollama's own counters (eval_count / eval_duration) for");
	});

	it('the bench summary says the source, and a served model\'s memory is not "/api/ps"', () => {
		const speed = completeResults().models.find((model) => model.speed)!.speed!;
		expect(speedSummaryLines(speed)).toContain("rates    from Ollama's own counters (eval_count / eval_duration)");
		const served = {...speed, rateSource: 'server-timings' as const, memory: null};
		const lines = speedSummaryLines(served);
		expect(lines).toContain("rates    from the server's own timings (llama.cpp predicted_n / predicted_ms)");
		expect(lines).toContain('memory   not reported by the server');
	});
});

describe('the report header on a served backend', () => {
	it('names the inference server and the URL the pipeline reaches, not an Ollama version', () => {
		const results = completeResults();
		results.environment = {...results.environment!, backend: {kind: 'openai', url: 'http://gpu:8000/v1', server: 'vLLM 0.11.0 at http://gpu:8000'}};
		const report = formatReport(results, {cwd: '/repo', git: noRepo, now: NOW});
		expect(report).toContain('- Inference server: vLLM 0.11.0 at http://gpu:8000 (--backend openai; the pipeline reaches it at http://gpu:8000/v1)');
		expect(report).not.toContain('- Ollama version:');
	});
});
