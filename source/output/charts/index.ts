// The report's charts, built from the results record alone and written beside the report in
// docs/charts/, so `trifecta report` redraws them from saved results.
import path from 'node:path';
import type {ResultsFile} from '../../domain/schema.js';
import {writeFileAtomic} from '../atomicWrite.js';
import {chartData} from './chartData.js';
import {RATE_CEILING_FILE, rateCeilingChart} from './rateCeilingChart.js';
import {ROLE_QUALITY_FILE, roleQualityChart} from './roleQualityChart.js';
import {SPEED_QUALITY_FILE, speedQualityChart} from './speedQualityChart.js';

export {chartData, type ChartData, type ChartModel} from './chartData.js';

/** Charts live in this folder under the docs directory; the report links them relative to itself. */
export const CHARTS_DIR = 'charts';

export const CHARTS = {
	speedQuality: {file: SPEED_QUALITY_FILE, title: 'Speed vs quality'},
	rateCeiling: {file: RATE_CEILING_FILE, title: 'Decode rate against the bandwidth ceiling'},
	roleQuality: {file: ROLE_QUALITY_FILE, title: 'Quality per role against Claude'},
} as const;

/** The relative link from the report (in the docs directory) to a chart. */
export function chartLink(file: string): string {
	return `${CHARTS_DIR}/${file}`;
}

export function buildCharts(results: ResultsFile): Array<{file: string; svg: string}> {
	const data = chartData(results);
	return [
		{file: SPEED_QUALITY_FILE, svg: speedQualityChart(data)},
		{file: RATE_CEILING_FILE, svg: rateCeilingChart(data)},
		{file: ROLE_QUALITY_FILE, svg: roleQualityChart(data)},
	];
}

export function writeCharts(docsDir: string, results: ResultsFile): string[] {
	const root = path.resolve(docsDir);
	const dir = path.join(root, CHARTS_DIR);
	return buildCharts(results).map(({file, svg}) => {
		const target = path.join(dir, file);
		writeFileAtomic(target, svg, {root});
		return target;
	});
}
