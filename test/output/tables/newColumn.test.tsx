// A new benchmark column is one line in the spec: it appears in the wizard's verdict table, the
// report's section 1 and benchmark.csv, with no other file touched.
import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import {render} from 'ink-testing-library';
import {parse} from 'csv-parse/sync';
import {VerdictScreen} from '../../../source/app/wizard/screens/verdictScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import {benchmarkTable, toCsv} from '../../../source/output/csvExport.js';
import {formatBenchmarkSection} from '../../../source/output/report/benchmarkSection.js';
import type * as Spec from '../../../source/output/tables/benchmarkSpec.js';
import {completeResults} from '../fixtureResults.js';
import {markdownRow, terminalRows} from '../../helpers/tables.js';

vi.mock('../../../source/output/tables/benchmarkSpec.js', async (importOriginal) => {
	const original = await importOriginal<typeof Spec>();
	// The one line a newcomer adds:
	const added: Spec.BenchmarkColumn = {key: 'prefill', header: 'prefill', unit: 't/s', value: (row) => row.model?.speed?.promptEvalRate.mean ?? null};
	return {...original, BENCHMARK_COLUMNS: [...original.BENCHMARK_COLUMNS, added]};
});

const results = completeResults();
const prefill = results.models.find((model) => model.name === 'qwen2.5:32b')?.speed?.promptEvalRate.mean;

describe('a column added to the benchmark spec', () => {
	it('has a known figure to show', () => {
		expect(typeof prefill).toBe('number');
	});

	it('appears in the terminal verdict table, by its header', () => {
		const {lastFrame, unmount} = render(<VerdictScreen results={results} settings={defaultSettings} focus={null} title="Verdict" reason="x" width={160} rows={60} />);
		const rows = terminalRows(lastFrame() ?? '', 'model');
		unmount();
		const row = rows.find((candidate) => candidate['model'] === 'qwen2.5:32b');
		expect(row?.['prefill (t/s)']).toBe(prefill?.toFixed(1));
		expect(rows.find((candidate) => candidate['model'] === 'Claude (baseline)')?.['prefill (t/s)']).toBe('–');
	});

	it('appears in the report’s benchmark table, by its header', () => {
		const section = formatBenchmarkSection(results);
		expect(markdownRow(section, 'qwen2.5:32b')['prefill (t/s)']).toBe(prefill?.toFixed(1));
		expect(markdownRow(section, 'claude:claude-sonnet-4-5-20250929 (baseline)')['prefill (t/s)']).toBe('-');
	});

	it('appears in benchmark.csv as a number, the unit in its header', () => {
		const rows = parse(toCsv(benchmarkTable(results)), {columns: true}) as Array<Record<string, string>>;
		expect(Number(rows.find((row) => row['model'] === 'qwen2.5:32b')?.['prefill (t/s)'])).toBe(prefill);
	});
});
