// The report's title block: SIMULATED marking, when and how the figures were measured.
import {experimentTimeLine} from '../../analysis/timing.js';
import type {ResultsFile} from '../../domain/schema.js';
import {NOT_MEASURED, SIMULATED_BANNER} from '../textFormat.js';

/**
 * The `think` the reps sent: false for thinking models, but a level for a model that cannot turn
 * its reasoning off (gpt-oss: "low"), named per model since its rate and TTFT include reasoning.
 */
function thinkPart(results: ResultsFile): string {
	const sent = results.models.flatMap((model) => {
		const think = model.speed?.options.think;
		return think === null || think === undefined ? [] : [{name: model.name, think}];
	});
	const off = sent.find((entry) => typeof entry.think === 'boolean');
	const levels = sent.filter((entry) => typeof entry.think === 'string');
	const parts = [
		...(off ? [`think ${String(off.think)}`] : []),
		...(levels.length > 0
			? [`think ${levels.map((entry) => `"${entry.think}" for ${entry.name}`).join(', ')} (the lowest level it accepts: its reasoning cannot be turned off and counts in its decode rate and TTFT)`]
			: []),
	];
	return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

/**
 * The `think` the reasoning comparison's requests sent, as recorded with each role, beside the
 * benchmark's: gpt-oss answers at "low", and that reasoning is in its answers' rate and TTFT.
 */
function compareThinkLine(results: ResultsFile): string[] {
	const sent = results.models.flatMap((model) => {
		const levels = new Set(Object.values(model.reasoning ?? {}).flatMap((response) => (response?.think === null || response?.think === undefined ? [] : [response.think])));
		return [...levels].map((think) => ({name: model.name, think}));
	});
	if (sent.length === 0) return [];
	const off = sent.filter((entry) => typeof entry.think === 'boolean');
	const levels = sent.filter((entry) => typeof entry.think === 'string');
	const parts = [
		...(off.length > 0 ? [`think ${String(off[0]!.think)} for ${off.map((entry) => entry.name).join(', ')}`] : []),
		...(levels.length > 0 ? [`think ${levels.map((entry) => `"${entry.think}" for ${entry.name}`).join(', ')} (its reasoning cannot be turned off and counts in its answers' rate and TTFT)`] : []),
	];
	return [`- Reasoning comparison sent to thinking models: ${parts.join('; ')}`];
}

function optionsLine(results: ResultsFile): string {
	const options = results.models.map((model) => model.speed?.options).filter((value) => value !== undefined);
	const first = options[0];
	if (!first) return `- Benchmark options: ${NOT_MEASURED} (no model was benchmarked)`;
	const same = options.every((o) => o.temperature === first.temperature && o.seed === first.seed && o.num_ctx === first.num_ctx && o.num_predict === first.num_predict && o.reps === first.reps);
	return [
		`- Benchmark options: temperature ${first.temperature}, seed ${first.seed}, num_ctx ${first.num_ctx}, num_predict ${first.num_predict}` +
			`${thinkPart(results)}; one untimed warm-up, then ${first.reps} timed repetitions (mean ± sample sd)` +
			`${same ? '' : ' (options differ between models; see scaling-results.json)'}`,
		`- Benchmark prompt: "${first.prompt}"`,
	].join('\n');
}

function timeLines(results: ResultsFile): string[] {
	const line = experimentTimeLine(results.timing?.runs);
	const during = results.models.filter((model) => model.speed?.duringDownload || (model.duringDownload && Object.keys(model.duringDownload).length > 0));
	return [
		...(line ? [`- Time: ${line}`] : []),
		...(during.length > 0
			? [`- Measured while another model downloaded (disk and network busy; marked † below): ${during.map((model) => model.name).join(', ')}`]
			: []),
	];
}

/** `resultsFile`: where the record is, as the reader should find it (default: results/ beside docs/). */
export function formatHeader(results: ResultsFile, now: Date, resultsFile = 'results/scaling-results.json'): string {
	const env = results.environment;
	const settings = results.settings;
	const lines = [
		...(results.simulated ? [`> **${SIMULATED_BANNER}**`, ''] : []),
		`# TASK 005: local model scaling report${results.simulated ? ' (SIMULATED)' : ''}`,
		'',
		`Generated ${now.toISOString()} from ${resultsFile} (record updated ${results.updatedAt}).`,
		'',
		env?.backend
			? `- Inference server: ${env.backend.server} (--backend openai; the pipeline reaches it at ${env.backend.url}); its machine's RAM and bandwidth are not known to trifecta`
			: `- Ollama version: ${env?.ollamaVersion ?? 'not recorded'}${env ? ` at ${env.host}` : ''}`,
		`- ${env?.backend ? 'This machine' : 'Machine'}: ${env?.chip ?? 'chip not recorded'}, memory bandwidth ${env?.bandwidthGBs === null || env?.bandwidthGBs === undefined ? NOT_MEASURED : `${env.bandwidthGBs} GB/s`}, ` +
			`RAM ${env?.totalRamBytes ? `${Math.round(env.totalRamBytes / 1024 ** 3)} GB` : NOT_MEASURED}${env ? ` (${env.platform})` : ''}`,
		optionsLine(results),
		...compareThinkLine(results),
		settings
			? `- Decision settings: trader score threshold ${settings.threshold}, minimum decode rate ${settings.minRate} t/s, Claude baseline ${settings.claudeModel}, reasoning num_ctx ${settings.numCtx}`
			: '- Decision settings: not recorded',
		...timeLines(results),
	];
	return lines.join('\n');
}
