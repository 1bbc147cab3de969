// The whole experiment as plain stderr lines (trifecta run, and the wizard without a TTY): each
// step's own lines, plus where the strategy stands: rounds, decisions with their reasons, offers.
import type {RunnerEvent} from '../../experiment/runner/index.js';
import type {CandidateFacts, EscalationOffer} from '../../experiment/strategy/index.js';
import type {Recommendation, ResultsFile} from '../../domain/schema.js';
import {createBenchLines} from './benchLines.js';
import {createCompareLines} from './compareLines.js';
import {createPullLines} from './pullLines.js';
import {toolsLine} from './toolsLines.js';
import {noticeLine} from './noticeLine.js';
import {NEVER_TWO} from '../../models/tiers.js';

export type RunLineFormatter = (event: RunnerEvent) => string | null;

function gb(bytes: number): string {
	return `${(bytes / 1e9).toFixed(1)} GB`;
}

function rate(value: number): string {
	return value.toFixed(1);
}

/** One candidate as the offer shows it: predicted speed first, then the ceiling, fit, and any delete it needs. */
export function candidateLine(candidate: CandidateFacts): string {
	const disk = candidate.installed
		? 'installed'
		: candidate.fitsDisk === null
			? 'disk not checked (remote Ollama)'
			: candidate.fitsDisk
				? 'fits on disk'
				: 'does NOT fit on disk';
	const ram = candidate.fitsRam ? 'fits in RAM' : 'does NOT fit in RAM';
	const predicted =
		candidate.predictedRate === null || candidate.predictedRange === null
			? 'speed not predictable yet (nothing benchmarked)'
			: `predicted ${rate(candidate.predictedRate)} t/s (${rate(candidate.predictedRange[0])}–${rate(candidate.predictedRange[1])}, from ${candidate.predictedFrom ?? 'this machine'})${candidate.predictedPractical ? '' : ', below the minimum'}`;
	const ceiling = candidate.ceilingRate === null ? '' : `, ceiling ${rate(candidate.ceilingRate)} t/s`;
	const remove = candidate.mustDeleteFirst ? `; deletes ${candidate.mustDeleteFirst} first` : '';
	return `${candidate.model} (${gb(candidate.sizeBytes)}): ${predicted}${ceiling}; ${ram}, ${disk}${remove}`;
}

export function offerLines(offer: EscalationOffer): string[] {
	return [
		`decision needed after round ${offer.afterRound}: ${offer.reason}`,
		...offer.candidates.map((candidate) => `  ${candidate.model === offer.recommended ? '→' : ' '} ${candidateLine(candidate)}`),
		`  default: ${offer.defaultChoice === 'accept' ? `escalate to ${offer.recommended}` : 'skip (record the ceiling)'}`,
	];
}

/**
 * The verdict's three sentences with their labels: the strings stored with the recommendation,
 * shown verbatim by the verdict and done screens, `run`, the report and --json.
 */
export function verdictSentences(recommendation: Recommendation | null): [label: string, text: string][] {
	if (recommendation === null) return [['Recommendation', 'none recorded yet.']];
	return [
		['Recommendation', recommendation.reason],
		...(recommendation.ceiling ? [['Ceiling', recommendation.ceiling] as [string, string]] : []),
		...(recommendation.nextStep ? [['Next step', recommendation.nextStep] as [string, string]] : []),
	];
}

/**
 * Each measured model's threshold outcome, as the record holds it (models[].thresholdCheck, the
 * same object --json carries): "qwen2.5:32b: meets — relative 9.7 [9.4–10.0], n=12 over 3 of 3 markets …".
 */
export function outcomeLines(results: ResultsFile): string[] {
	return results.models.flatMap((model) => {
		const check = model.thresholdCheck;
		return check ? [`quality ${model.name}: ${check.outcome} — ${check.reasons.join('; ')}`] : [];
	});
}

/** The verdict as `run` prints it on stderr. */
export function verdictLines(recommendation: Recommendation | null): string[] {
	return verdictSentences(recommendation).map(([label, text]) => `${label.toLowerCase()}: ${text}`);
}

export function createRunLines(): RunLineFormatter {
	const pull = createPullLines();
	const bench = createBenchLines();
	const compare = createCompareLines();
	return (event) => {
		if (event.type.startsWith('pull:')) return pull(event as Parameters<typeof pull>[0]);
		if (event.type.startsWith('bench:')) return bench(event as Parameters<typeof bench>[0]);
		if (event.type.startsWith('compare:')) return compare(event as Parameters<typeof compare>[0]);
		if (event.type.startsWith('tools:')) return toolsLine(event as Parameters<typeof toolsLine>[0]);
		switch (event.type) {
			case 'warning':
			case 'info':
			case 'step-error':
				return noticeLine(event);
			case 'strategy:step-start': {
				const {action} = event;
				// A pull shown again while the local lane waits for it (no keys of its own) is the same step: no second header.
				if (action.step === 'pull' && Object.keys(action.keys).length === 0) return null;
				const what = action.models.length > 0 ? action.models.join(', ') : 'Claude baseline';
				return `── round ${action.round} · ${action.step} · ${what}${action.baseline && action.models.length > 0 ? ' + Claude' : ''}`;
			}
			case 'strategy:decision': {
				const {record} = event;
				// A ceiling record names the ceiling model and, separately, what is recommended instead.
				const what =
					record.decision === 'ceiling'
						? `ceiling at ${record.model ?? 'no model'}, recommending ${record.chosen ?? 'no local model'}`
						: `${record.decision}${record.chosen ? ` → ${record.chosen}` : ''}`;
				return `decision (round ${record.round}): ${what} — ${record.reason}`;
			}
			case 'strategy:deleted':
				return `deleted ${event.model} to make room (${NEVER_TWO})`;
			case 'strategy:written':
				return event.files.length === 0 ? null : `wrote ${event.files.join(', ')}`;
			case 'strategy:update':
				return null;
		}
		return null;
	};
}
