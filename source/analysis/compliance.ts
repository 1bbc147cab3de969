// Compliance: can the pipeline use this answer? Checks and counts, shown beside the quality score
// and never folded into it (a missing decision line is a compliance failure, not a quality of 0).
import type {Compliance, ComplianceCheck, ResponseMetrics, Role} from '../domain/schema.js';

function check(id: string, label: string, pass: boolean | null, note: string): ComplianceCheck {
	return {id, label, pass, note};
}

function level(value: number | null): string {
	return value === null ? 'none' : value.toLocaleString('en-US', {maximumFractionDigits: 2});
}

export function complianceOf(role: Role, metrics: ResponseMetrics): Compliance {
	const checks: ComplianceCheck[] = [];
	const figuresOk = metrics.figures > 0 && metrics.grounded >= metrics.unsupported;
	checks.push(check('grounded', 'Figures grounded', figuresOk, `${metrics.grounded} grounded, ${metrics.unsupported} unsupported of ${metrics.figures}`));
	if (role === 'trader') {
		const decision = metrics.decision ?? (metrics.decisionNote === 'contradictory' ? 'contradictory' : 'none');
		checks.push(check('decision', 'Decision line', metrics.decision !== null, decision));
		checks.push(check('stopLoss', 'Stop-loss', metrics.stopLoss !== null, level(metrics.stopLoss)));
		checks.push(check('target', 'Target', metrics.target !== null, level(metrics.target)));
		checks.push(check('sizing', 'Sizing', metrics.positionSizing !== null, metrics.positionSizing?.slice(0, 40) ?? 'none'));
		checks.push(check('horizon', 'Horizon', metrics.timeHorizon !== null, metrics.timeHorizon?.slice(0, 40) ?? 'none'));
		// HOLD has no direction to check; that is not a failure.
		const coherent = metrics.decision === 'HOLD' ? null : metrics.levelsCoherent === true;
		checks.push(check('coherent', 'Levels coherent', coherent, metrics.levelsCoherent === null ? 'not checkable' : metrics.levelsCoherent ? 'yes' : 'wrong side'));
	}
	const decided = checks.filter((c) => c.pass !== null);
	return {
		words: metrics.words,
		figures: metrics.figures,
		grounded: metrics.grounded,
		unsupported: metrics.unsupported,
		checks,
		passed: decided.filter((c) => c.pass === true).length,
		total: decided.length,
	};
}

/** "6/7 checks" for tables. */
export function complianceSummary(compliance: Compliance | null | undefined): string {
	return compliance ? `${compliance.passed}/${compliance.total}` : '–';
}
