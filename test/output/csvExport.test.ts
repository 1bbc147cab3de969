import fs from 'node:fs';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {CSV_FILES, benchmarkTable, reasoningTable, toCsv, toolsTable, writeCsvExports} from '../../source/output/csvExport.js';
import {createReportCommand} from '../../source/cli/commands/report.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {completeResults, partialResults} from './fixtureResults.js';
import {commandInput, fakeIO, tempDir} from './helpers.js';

function read(file: string): Array<Record<string, string>> {
	return parse(fs.readFileSync(file, 'utf8'), {columns: true}) as Array<Record<string, string>>;
}

describe('CSV exports for a spreadsheet', () => {
	const dir = tempDir();
	const [benchmark, reasoning, tools] = writeCsvExports(dir, completeResults(true)).map(read);

	it('writes the three files into the results directory', () => {
		for (const file of Object.values(CSV_FILES)) expect(fs.existsSync(path.join(dir, file))).toBe(true);
	});

	it('benchmark.csv: one row per model, units in the header, figures as numbers', () => {
		expect(benchmark?.map((row) => row['model'])).toEqual(['qwen2.5:14b', 'qwen2.5:32b', 'llama3.3:70b']);
		const llama = benchmark?.[2] ?? {};
		expect(Number(llama['decode mean (t/s)'])).toBe(6.4);
		expect(Number(llama['decode sd (t/s)'])).toBe(0.4);
		expect(Number(llama['ceiling (t/s)'])).toBe(9.4);
		expect(llama['decode samples (t/s)']).toBe('6 6.4 6.800000000000001');
		expect(llama['practical']).toBe('no');
		expect(llama['simulated']).toBe('yes');
		expect(Number(llama['size (bytes)'])).toBe(42_520_413_916);
		// The prefill rate beside the prompt it was read over, as the server counted it.
		expect(Number(llama['prefill mean (t/s)'])).toBe(300);
		expect(Number(llama['prefill prompt (tokens)'])).toBe(975);
	});

	it('reasoning.csv: one row per model x role x market, the Claude baseline included', () => {
		// Three models and Claude: bull and bear on one market, the judged trader on three (3 x 5 + 3).
		expect(reasoning).toHaveLength(18);
		const trader = reasoning?.find((row) => row['model'] === 'qwen2.5:32b' && row['role'] === 'trader') ?? {};
		expect(Number(trader['score (0-10)'])).toBe(8.7);
		expect(trader['market']).toBe('market-context');
		expect(trader['decision']).toBe('BUY');
		expect(Number(trader['stop-loss ($)'])).toBe(244.1);
		expect(trader['position sizing']).toBe('5% of portfolio');
		expect(reasoning?.filter((row) => row['model'] === 'claude:claude-sonnet-4-5-20250929').map((row) => row['role'])).toEqual(['bull', 'bear', 'trader']);
	});

	it('reasoning.csv: a score over three markets has a row for each market, each with its own score and the mean it counts toward', () => {
		const results = completeResults(true);
		const trader = results.models.find((model) => model.name === 'qwen2.5:32b')?.reasoning?.trader;
		if (!trader) throw new Error('fixture has a qwen2.5:32b trader answer');
		const base = {status: 'ok' as const, rubricScore: null, dimensions: [], metrics: trader.metrics, compliance: null, judge: null, scorer: null};
		trader.scenarios = [
			{...base, scenario: 'market-context', quality: 8.0, transcript: 'transcripts/a.md'},
			{...base, scenario: 'earnings-miss', quality: 9.0, transcript: 'transcripts/b.md', metrics: trader.metrics ? {...trader.metrics, decision: 'SELL'} : null},
			{...base, scenario: 'range-bound', quality: 9.1, transcript: 'transcripts/c.md'},
		];
		const rows = parse(toCsv(reasoningTable(results)), {columns: true}) as Array<Record<string, string>>;
		const mine = rows.filter((row) => row['model'] === 'qwen2.5:32b' && row['role'] === 'trader');
		expect(mine.map((row) => row['market'])).toEqual(['market-context', 'earnings-miss', 'range-bound']);
		expect(mine.map((row) => Number(row['score (0-10)']))).toEqual([8, 9, 9.1]);
		expect(mine.map((row) => row['decision'])).toEqual(['BUY', 'SELL', 'BUY']);
		expect(mine.map((row) => row['transcript'])).toEqual(['transcripts/a.md', 'transcripts/b.md', 'transcripts/c.md']);
		expect(mine.map((row) => `${row['mean score over markets (0-10)']} n=${row['markets (n)']}`)).toEqual(['8.7 n=3', '8.7 n=3', '8.7 n=3']);
	});

	it('tools.csv: one row per model x endpoint x scenario', () => {
		expect(tools).toHaveLength(30);
		const failed = tools?.find((row) => row['model'] === 'qwen2.5:14b' && row['endpoint'] === 'openai' && row['scenario'] === 'structured-output') ?? {};
		expect(failed['outcome']).toBe('fail');
		expect(failed['reason']).toBe('leaked into text');
		expect(Number(failed['latency (ms)'])).toBe(900);
	});

	it('keeps hostile names intact through a CSV parser and defuses spreadsheet formulas', () => {
		const results = partialResults();
		const first = results.models[0];
		if (first) first.name = 'a "quoted", multi\nline name';
		const second = results.models[1];
		if (second) second.name = '=HYPERLINK("http://x")';
		const rows = parse(toCsv(benchmarkTable(results)), {columns: true}) as Array<Record<string, string>>;
		expect(rows.map((row) => row['model'])).toEqual(['a "quoted", multi\nline name', '\'=HYPERLINK("http://x")']);
		expect(rows[1]?.['decode mean (t/s)']).toBe('');
	});

	it('writes headers even with nothing measured', () => {
		const empty = partialResults();
		empty.models = [];
		expect(toCsv(reasoningTable(empty)).split('\n')[0]).toContain('score (0-10)');
		expect(toCsv(toolsTable(empty)).trim().split('\n')).toHaveLength(1);
	});
});

describe('trifecta report --csv', () => {
	it('writes the three CSV files beside the results and lists them', async () => {
		const resultsDir = path.join(tempDir(), 'results');
		createResultsStore(resultsDir, {simulated: false}).update((draft) => Object.assign(draft, completeResults()));
		const io = fakeIO();
		const command = createReportCommand({cwd: () => tempDir(), now: () => new Date('2026-02-02T00:00:00Z')});
		expect(await command.run(commandInput({resultsDir, docsDir: path.join(tempDir(), 'docs'), csv: true}, io))).toBe(0);
		for (const file of Object.values(CSV_FILES)) {
			expect(io.out()).toContain(path.join(resultsDir, file));
			expect(fs.existsSync(path.join(resultsDir, file))).toBe(true);
		}
	});

	it('writes no CSV without --csv', async () => {
		const resultsDir = path.join(tempDir(), 'results');
		createResultsStore(resultsDir, {simulated: false}).update((draft) => Object.assign(draft, completeResults()));
		const command = createReportCommand({cwd: () => tempDir()});
		expect(await command.run(commandInput({resultsDir, docsDir: path.join(tempDir(), 'docs')}, fakeIO()))).toBe(0);
		expect(fs.existsSync(path.join(resultsDir, CSV_FILES.benchmark))).toBe(false);
	});
});
