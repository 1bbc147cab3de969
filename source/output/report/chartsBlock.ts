// The charts at the top of the report: the speed-vs-quality picture in the first screenful, the
// others one click away. Links are relative so they work on GitHub and from a local checkout.
import {CHARTS, chartLink} from '../charts/index.js';

export function formatChartsBlock(): string {
	const main = CHARTS.speedQuality;
	return [
		`![${main.title}: each model's decode rate against its trader quality, with the minimum rate and the threshold](${chartLink(main.file)})`,
		'',
		`Charts: [${main.title}](${chartLink(main.file)}) · [${CHARTS.rateCeiling.title}](${chartLink(CHARTS.rateCeiling.file)}) · ` +
			`[${CHARTS.roleQuality.title}](${chartLink(CHARTS.roleQuality.file)})`,
	].join('\n');
}
