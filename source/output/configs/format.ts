// The configs and their evidence as plain text, for `trifecta configs` without --json.
import {SIMULATED_BANNER, NOT_MEASURED, duration, fixed, percent} from '../textFormat.js';
import type {HybridConfigsDocument} from './types.js';
import type {PipelinePatchPlan} from './patchPipeline.js';

export function formatConfigs(document: HybridConfigsDocument): string {
	const lines: string[] = [];
	if (document.simulated) lines.push(SIMULATED_BANNER, '');
	lines.push(`Hybrid configs for ${document.model} (Claude: ${document.claudeModel})`, '');
	for (const entry of document.configs) {
		const e = entry.evidence;
		const c = entry.config;
		lines.push(
			`${entry.name}`,
			`  ${entry.description}`,
			`  tools: ${c.tool_provider} ${c.tool_model} | quick: ${c.reasoning_quick_provider} ${c.reasoning_quick_model} | deep: ${c.reasoning_deep_provider} ${c.reasoning_deep_model}`,
			`  evidence: trader score ${fixed(e.traderScore)} (Claude ${fixed(e.baselineTraderScore)}, ${e.traderRelativeToBaseline === null ? NOT_MEASURED : percent(e.traderRelativeToBaseline)}), ` +
				`mean score ${fixed(e.meanScore)}, decode ${e.decodeRate === null ? NOT_MEASURED : `${fixed(e.decodeRate)} t/s`}${e.practical === false ? ' (impractical)' : ''}`,
			`  one pipeline run: ≈ ${duration(e.estimatedPipelineSeconds)}, Claude cost ${e.claudeCostUsdPerRun === null ? NOT_MEASURED : `$${e.claudeCostUsdPerRun.toFixed(2)}`} (${Math.round(e.localShare * 12)} of 12 agents local)`,
			'',
		);
	}
	lines.push(...document.notes.map((note) => `Note: ${note}`));
	lines.push(`Assumptions: ${document.assumptions.split} ${document.assumptions.wallTime}`);
	return `${lines.join('\n').trimEnd()}\n`;
}

/** What the patch will not do: entries already there, files whose shape needs a hand edit. */
export function formatPlanNotes(plan: PipelinePatchPlan): string {
	const lines: string[] = [];
	for (const note of plan.unchanged) lines.push(`${note.relative}: nothing to change (${note.reason}).`);
	for (const snippet of plan.snippets) {
		lines.push(`${snippet.relative}: not changed (${snippet.reason}). Paste this by hand:`, '', snippet.snippet.trimEnd(), '');
	}
	return lines.length === 0 ? '' : `${lines.join('\n').trimEnd()}\n`;
}
