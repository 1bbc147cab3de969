import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {VerdictScreen, plotHeight} from '../../../source/app/wizard/screens/verdictScreen.js';
import {chartData} from '../../../source/output/charts/chartData.js';
import {testSettings} from '../../helpers/testSettings.js';
import {completeResults} from '../../output/fixtureResults.js';

const results = completeResults();
const data = {...chartData(results), threshold: 9, minRate: 8};

describe('the verdict screen’s speed-vs-quality plot', () => {
	it('takes the tallest height that fits, and none when not even the smallest does', () => {
		expect(plotHeight(data, 80, 200)).toBe(9);
		expect(plotHeight(data, 80, 3)).toBeNull();
		const small = plotHeight(data, 80, 12);
		expect(small === null || (small >= 3 && small < 9)).toBe(true);
	});

	it('is drawn whole when the page has room, and replaced by one line when it does not', () => {
		const tall = render(<VerdictScreen results={results} settings={testSettings} focus={null} title="Verdict — final" reason="Recommendation: x." width={80} rows={60} />);
		expect(tall.lastFrame()).toContain('Speed vs quality · decode t/s across');
		expect(tall.lastFrame()).not.toContain('the report has the plot');
		tall.unmount();
		const short = render(<VerdictScreen results={results} settings={testSettings} focus={null} title="Verdict — final" reason={'A long sentence. '.repeat(20)} width={80} rows={14} />);
		// Whole, wrapped at the page's width: the path was cut to "(doc…" at 80 columns.
		expect((short.lastFrame() ?? '').replace(/\s+/g, ' ')).toContain('Speed vs quality: the report has the plot (docs/charts/speed-vs-quality.svg); a taller terminal shows it here.');
		expect(short.lastFrame()).not.toContain('decode t/s across');
		short.unmount();
	});

	it('says what † beside a rate means, only when a rate has one', () => {
		const during = structuredClone(results);
		const first = during.models.find((model) => model.speed);
		if (!first?.speed) throw new Error('fixture without a benchmark');
		first.speed.duringDownload = 'qwen2.5:32b';
		const marked = render(<VerdictScreen results={during} settings={testSettings} focus={null} title="Verdict — final" reason="Recommendation: x." width={80} rows={60} />);
		expect(marked.lastFrame()).toMatch(new RegExp(`${first.name.replace(/[.]/g, '\\.')}\\s+[\\d.]+ †`));
		expect(marked.lastFrame()).toContain('† benchmarked while qwen2.5:32b downloaded (disk and network busy)');
		marked.unmount();
		const plain = render(<VerdictScreen results={results} settings={testSettings} focus={null} title="Verdict — final" reason="Recommendation: x." width={80} rows={60} />);
		expect(plain.lastFrame()).not.toContain('†');
		plain.unmount();
	});

	// At 80x24 the demo's verdict drew the bars' title, then the page's edge cut every bar.
	it('draws the trader dimension bars whole, or one line saying where they are, never a title without its bars', () => {
		const focused = structuredClone(results);
		const model = focused.models.find((entry) => entry.reasoning?.trader);
		if (!model?.reasoning?.trader) throw new Error('fixture without a trader answer');
		model.reasoning.trader.dimensions = ['Decision line', 'Stop-loss', 'Target', 'Sizing', 'Horizon'].map((label, index) => ({id: `d${index}`, label, points: 1, max: 2, note: ''}));
		const frame = (rows: number) => {
			const ui = render(<VerdictScreen results={focused} settings={testSettings} focus={model.name} title="Verdict — final" reason="Recommendation: x." width={80} rows={rows} />);
			const text = ui.lastFrame() ?? '';
			ui.unmount();
			return text;
		};
		const tall = frame(80);
		expect(tall).toContain(`${model.name} — trader points per dimension\n`);
		for (const label of ['Decision line', 'Stop-loss', 'Horizon']) expect(tall).toContain(label);
		const rows = tall.split('\n').length;
		// Two rows short of the whole panel: the pointer, and no bar.
		const short = frame(rows - 2);
		expect(short).toContain('trader points per dimension: in the report (§6)');
		expect(short).not.toContain('Stop-loss');
		expect(short.split('\n').length).toBeLessThanOrEqual(rows - 2);
	});
});
