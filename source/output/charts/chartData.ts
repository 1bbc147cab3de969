// The one view of the results record the charts (SVG and terminal) draw from. Every chart reads
// this, never the record, so a change in how quality is scored is picked up here in one place.
import type {ModelResult, ReasoningResult, ResultsFile, Role, ScoredResponse} from '../../domain/schema.js';

export const ROLES: Role[] = ['bull', 'bear', 'trader'];

/** A 95 % interval around a mean (several market contexts); null with a single measurement. */
export type Interval = {low: number; high: number};

export type ScorePoint = {value: number; interval: Interval | null};

export type ChartModel = {
	name: string;
	/** Mean decode rate and sample sd, t/s; null until benchmarked. */
	rate: {mean: number; sd: number} | null;
	/** Bandwidth ceiling, t/s; null when the bandwidth is unknown. */
	ceiling: number | null;
	/** The quality the threshold applies to: the trader's relative score (10 = Claude), null when not judged. */
	quality: ScorePoint | null;
	roles: Record<Role, ScorePoint | null>;
};

export type ChartData = {
	simulated: boolean;
	models: ChartModel[];
	/** The Claude baseline, when it ran. */
	claude: {label: string; quality: number | null; roles: Record<Role, number | null>} | null;
	threshold: number | null;
	minRate: number | null;
};

/**
 * One role's quality as the charts show it. Today a role has one rubric score; the judged quality
 * brings a per-market mean with its 95 % interval: read those fields here.
 */
export function scorePoint(response: ScoredResponse | undefined): ScorePoint | null {
	if (!response || response.status !== 'ok' || response.score === null) return null;
	// Several markets give a 95 % interval around the mean; one market, a bare point.
	const quality = response.quality;
	return {value: response.score, interval: quality && quality.n > 1 ? {low: quality.low, high: quality.high} : null};
}

/** The trader's relative score (10 x local / Claude, same judge calls) with its interval: what the threshold reads. */
export function relativePoint(response: ScoredResponse | undefined): ScorePoint | null {
	const relative = response?.status === 'ok' ? response.relative : null;
	if (!relative) return null;
	return {value: relative.mean, interval: relative.n > 1 && relative.low !== relative.high ? {low: relative.low, high: relative.high} : null};
}

function roles(reasoning: ReasoningResult | undefined): Record<Role, ScorePoint | null> {
	return {bull: scorePoint(reasoning?.bull), bear: scorePoint(reasoning?.bear), trader: scorePoint(reasoning?.trader)};
}

function chartModel(model: ModelResult): ChartModel {
	const rate = model.speed?.evalRate;
	const byRole = roles(model.reasoning);
	return {
		name: model.name,
		rate: rate ? {mean: rate.mean, sd: rate.sd} : null,
		ceiling: model.speed?.ceilingRate ?? null,
		quality: relativePoint(model.reasoning?.trader),
		roles: byRole,
	};
}

export function chartData(results: ResultsFile): ChartData {
	const baseline = results.baseline;
	let claude: ChartData['claude'] = null;
	const judged = results.models.some((model) => relativePoint(model.reasoning?.trader) !== null);
	if (baseline?.status === 'ok') {
		const byRole = roles(baseline.reasoning);
		claude = {
			label: `Claude (${baseline.model.replace(/^claude-/, '')})`,
			// On the relative scale Claude is 10 by definition.
			quality: judged ? 10 : null,
			roles: {bull: byRole.bull?.value ?? null, bear: byRole.bear?.value ?? null, trader: byRole.trader?.value ?? null},
		};
	}
	return {
		simulated: results.simulated,
		models: results.models.map(chartModel),
		claude,
		threshold: results.settings?.threshold ?? null,
		minRate: results.settings?.minRate ?? null,
	};
}
