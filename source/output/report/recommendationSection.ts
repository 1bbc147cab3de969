// Section 4: the recommended model, the decisions that led to it, and its hybrid configs.
import type {ResultsFile} from '../../domain/schema.js';
import {buildHybridConfigs} from '../configs/build.js';
import type {HybridConfigsDocument, HybridLLMConfig} from '../configs/types.js';
import {NOT_MEASURED, duration, fixed} from '../textFormat.js';
import {mdTable} from './markdown.js';
import {userMessage} from '../../system/userMessage.js';

function tier(config: HybridLLMConfig, provider: keyof HybridLLMConfig, model: keyof HybridLLMConfig): string {
	return `${config[provider]} ${config[model]}`;
}

/** The configs for the recommended model, or why there are none. */
export function recommendedConfigs(results: ResultsFile): HybridConfigsDocument | string {
	if (!results.recommendation?.model) return 'No model is recommended yet, so no hybrid config is proposed.';
	try {
		return buildHybridConfigs(results, results.recommendation.model, new Date(results.updatedAt));
	} catch (error) {
		return `The configs could not be built: ${userMessage(error)}`;
	}
}

export function formatRecommendationSection(results: ResultsFile): string {
	const parts: string[] = [];
	const rec = results.recommendation;
	if (rec) {
		// The sentence is the one every screen, `run` and --json show: stored once, quoted verbatim.
		const mark = rec.belowThreshold ? ' (below threshold)' : rec.practical === false ? ' (flagged impractical: below the minimum decode rate)' : '';
		parts.push(rec.model ? `**Recommended model: ${rec.model}**${mark}\n\n${rec.reason}` : `**No local model is recommended.**\n\n${rec.reason}`);
	} else {
		parts.push('No recommendation recorded yet: the experiment has not reached its decision step.');
	}
	if (results.rounds.length > 0) {
		parts.push(
			'Decisions taken:\n\n' +
				results.rounds
					.map((round) => {
						const what = round.decision === 'ceiling' ? `ceiling, recommending ${round.chosen ?? 'no local model'}` : `${round.decision}${round.chosen ? ` → ${round.chosen}` : ''}`;
						return `- Round ${round.round}${round.model ? ` (${round.model})` : ''}: ${what}. ${round.reason}`;
					})
					.join('\n'),
		);
	}
	const document = recommendedConfigs(results);
	if (typeof document === 'string') {
		parts.push(document);
		return parts.join('\n\n');
	}
	const rows = document.configs.map((entry) => [
		entry.name,
		tier(entry.config, 'tool_provider', 'tool_model'),
		tier(entry.config, 'reasoning_quick_provider', 'reasoning_quick_model'),
		tier(entry.config, 'reasoning_deep_provider', 'reasoning_deep_model'),
		duration(entry.evidence.estimatedPipelineSeconds),
		entry.evidence.claudeCostUsdPerRun === null ? NOT_MEASURED : `$${entry.evidence.claudeCostUsdPerRun.toFixed(2)}`,
	]);
	const allCloudCost = document.configs[0] ? allCloud(document) : null;
	parts.push(
		mdTable(['config', 'tools (4 analysts)', 'quick reasoning (6 agents)', 'deep reasoning (2 agents)', 'pipeline run (est.)', 'Claude cost per run'], rows),
		document.notes.map((note) => `- ${note}`).join('\n'),
		`Estimates assume ${document.assumptions.tokensPerRun.input / 1000}K input and ${document.assumptions.tokensPerRun.output / 1000}K output tokens per run split evenly over the 12 agents, ` +
			`Claude at ${fixed(document.assumptions.claudeDecodeRate.value)} t/s (${document.assumptions.claudeDecodeRate.source})` +
			`${allCloudCost === null ? '' : `; all on Claude the run would cost $${allCloudCost.toFixed(2)}`}. Full evidence: results/hybrid-configs.json (\`trifecta configs\`).`,
	);
	return parts.join('\n\n');
}

function allCloud(document: HybridConfigsDocument): number | null {
	const first = document.configs[0];
	const cost = first?.evidence.claudeCostUsdPerRun;
	if (!first || cost === null || cost === undefined || first.evidence.localShare >= 1) return null;
	return cost / (1 - first.evidence.localShare);
}
