import {describe, expect, it} from 'vitest';
import {fileGroups} from '../../../source/app/lines/fileGroups.js';

describe('the files a run wrote, as the done screen lists them', () => {
	it('a real run writes into the pipeline folder: one group, paths relative to it, backups counted', () => {
		const files = [
			'/p/results/hybrid-configs.json',
			'/p/src/hybrid_llm.py',
			'/p/src/run_analysis.py',
			'/p/src/hybrid_llm.py.trifecta.bak',
			'/p/src/run_analysis.py.trifecta.bak',
			'/p/docs/TASK_005_REPORT.md',
			'/p/docs/charts/speed-vs-quality.svg',
			'/p/results/model_scaling_comparison.txt',
		];
		// The report's folder is the outermost here only if no file sits higher: /p/results and /p/src do not hold /p/docs.
		expect(fileGroups(files)).toEqual([
			'/p/results/: hybrid-configs.json, model_scaling_comparison.txt',
			'/p/src/: hybrid_llm.py, run_analysis.py',
			'/p/docs/: TASK_005_REPORT.md, charts/speed-vs-quality.svg',
			'and 2 backups of the patched files beside them (*.trifecta.bak)',
		]);
	});

	it('a file in an outer folder gathers every file below it', () => {
		expect(fileGroups(['/p/a.json', '/p/docs/r.md', '/p/docs/charts/c.svg', '/q/x.txt'])).toEqual(['/p/: a.json, docs/r.md, docs/charts/c.svg', '/q/: x.txt']);
	});

	it('lists every file it is given, once', () => {
		const files = Array.from({length: 14}, (_, index) => `/r/docs/f${index}.svg`);
		const [line] = fileGroups([...files, ...files]);
		for (const file of files) expect(line).toContain(file.slice('/r/docs/'.length));
		expect(fileGroups([...files, ...files])).toHaveLength(1);
		expect(fileGroups([])).toEqual([]);
	});
});
