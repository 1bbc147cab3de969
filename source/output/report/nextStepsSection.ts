// Section 8: whether the team can run the full pipeline with the recommended config, and what is left.
import fs from 'node:fs';
import path from 'node:path';
import type {ResultsFile} from '../../domain/schema.js';
import {PIPELINE_FILES} from '../configs/patchPipeline.js';
import {fixed} from '../textFormat.js';
import {checkOf, threshold} from './facts.js';
import {recommendedConfigs} from './recommendationSection.js';

/** The pipeline's CONFIGS file names `config` (quoted, as a dict key): the configs are written there. */
function inPipeline(pipelineDir: string | null, config: string): boolean {
	if (pipelineDir === null) return false;
	try {
		const text = fs.readFileSync(path.join(pipelineDir, PIPELINE_FILES.configs), 'utf8');
		return text.includes(`"${config}"`) || text.includes(`'${config}'`);
	} catch {
		return false;
	}
}

export function formatNextStepsSection(results: ResultsFile, pipelineDir: string | null = null): string {
	const steps: string[] = [];
	const rec = results.recommendation;
	const model = rec?.model ? results.models.find((entry) => entry.name === rec.model) : undefined;
	// The relative score and its outcome, as every surface shows them (never the absolute judged level).
	const check = model ? checkOf(results, model) : null;
	const score = check?.value ?? null;
	const limit = threshold(results);
	const document = recommendedConfigs(results);
	const first = typeof document === 'string' ? null : document.configs[0]?.name ?? null;
	let ready: string;
	// The next-step sentence stored with the recommendation comes first, word for word.
	if (rec?.nextStep) ready = rec.nextStep;
	else if (!rec?.model) ready = '**Not ready for a full pipeline run:** no local model is recommended yet.';
	else if (limit !== null && check !== null && check.outcome !== 'meets') ready = `**Not ready:** ${rec.model}'s trader score relative to Claude (${score === null ? 'not judged' : fixed(score)}) ${check.outcome === 'misses' ? 'misses' : 'is inconclusive against'} the threshold of ${limit}.`;
	else if (model?.practical === false) ready = `**Ready with a caveat:** ${rec.model} reaches the quality bar but is below the minimum decode rate; run \`${first ?? 'its hybrid config'}\` once and time it before adopting it.`;
	else ready = `**Ready for a full pipeline run** with \`--hybrid ${first ?? rec.model}\`.`;
	steps.push(ready);
	const run = `\`python src/run_analysis.py AAPL --hybrid ${first}\`, and score its output against the all_cloud run.`;
	if (first) steps.push(inPipeline(pipelineDir, first) ? `The configs are in the pipeline: run ${run}` : `Write the configs into the pipeline: \`trifecta configs --write\` (shows the diff first), then ${run}`);
	if (results.baseline?.status !== 'ok') steps.push('Run the comparison with ANTHROPIC_API_KEY set so the scores can be read against the Claude baseline (`trifecta compare`).');
	const unbenched = results.models.filter((entry) => !entry.speed).map((entry) => entry.name);
	if (unbenched.length > 0) steps.push(`Benchmark the models with no speed yet: \`trifecta bench ${unbenched.join(' ')}\`.`);
	const untested = results.models.filter((entry) => !entry.toolCalling?.openai).map((entry) => entry.name);
	if (untested.length > 0) steps.push(`Test tool calling where it was not measured: \`trifecta tools ${untested.join(' ')}\`.`);
	// Below the threshold, the ready line already names the gap that matters (to the threshold): a
	// second gap, to Claude, would read as a second figure for the same thing.
	if (rec?.model && score !== null && score < 10 && check?.outcome === 'meets') steps.push(`The remaining gap to Claude (${fixed(10 - score)} points of relative trader score, Claude = 10) is what the full pipeline run should confirm or refute.`);
	if (results.simulated) steps.push('These figures are SIMULATED: repeat the experiment against the real Ollama before acting on them.');
	return steps.map((step) => `- ${step}`).join('\n');
}
