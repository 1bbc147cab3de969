import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatReport} from '../../source/output/report.js';
import {rebuildOutputs} from '../../source/output/rebuild.js';
import {knownPipelineDir} from '../../source/output/report/gitSection.js';
import {completeResults} from './fixtureResults.js';
import {git, pipelineRepo} from './gitRepo.js';
import {tempDir} from './helpers.js';

const NOW = new Date('2026-02-02T10:00:00.000Z');

function section7(report: string): string {
	const start = report.indexOf('## 7. Git history');
	return report.slice(start, report.indexOf('\n## 8. ', start));
}

describe('the report at a glance', () => {
	const report = formatReport(completeResults(true), {pipelineDir: null, now: NOW});

	it('links the speed-vs-quality chart within the first screenful (24 lines), relative to the report', () => {
		const screen = report.split('\n').slice(0, 24).join('\n');
		expect(screen).toContain('](charts/speed-vs-quality.svg)');
		expect(screen).toMatch(/!\[Speed vs quality[^\]]*\]\(charts\/speed-vs-quality\.svg\)/);
		expect(screen).toContain('](charts/rate-vs-ceiling.svg)');
		expect(screen).toContain('](charts/quality-per-role.svg)');
	});

	it('ends with a glossary of the terms a reader meets', () => {
		const glossary = report.slice(report.indexOf('## Glossary'));
		expect(report.indexOf('## Glossary')).toBeGreaterThan(report.indexOf('## 8. Next steps'));
		for (const term of ['t/s', 'prefill', 'TTFT', 'ceiling', 'efficiency', 'compliance', 'judged quality', 'interval', 'practical']) expect(glossary).toContain(`- **${term}**:`);
		expect(glossary).toContain('(8 t/s)');
	});

	it('names the results file it was built from where it really is (the demo keeps it in its own folder)', () => {
		const resultsDir = tempDir();
		const files = rebuildOutputs(completeResults(true), {resultsDir, docsDir: path.join(tempDir(), 'docs')}, {pipelineDir: null, now: NOW});
		expect(fs.readFileSync(files.report, 'utf8')).toContain(`from ${path.join(resultsDir, 'scaling-results.json')} (record updated`);
		const root = tempDir();
		const usual = rebuildOutputs(completeResults(true), {resultsDir: path.join(root, 'results'), docsDir: path.join(root, 'docs')}, {pipelineDir: null, now: NOW});
		expect(fs.readFileSync(usual.report, 'utf8')).toContain('from results/scaling-results.json (record updated');
	});

	it('rebuilding writes the charts the report links, beside it', () => {
		const docsDir = path.join(tempDir(), 'docs');
		const files = rebuildOutputs(completeResults(true), {resultsDir: tempDir(), docsDir}, {pipelineDir: null, now: NOW});
		const text = fs.readFileSync(files.report, 'utf8');
		for (const chart of files.charts) {
			const relative = path.relative(docsDir, chart).split(path.sep).join('/');
			expect(text).toContain(`](${relative})`);
			expect(fs.readFileSync(chart, 'utf8')).toContain('<svg');
		}
		expect(files.charts).toHaveLength(3);
	});
});

describe('section 7: the pipeline repository history', () => {
	it('says when no pipeline is known and how to point at one', () => {
		const body = section7(formatReport(completeResults(), {pipelineDir: null, now: NOW}));
		expect(body).toContain('No pipeline repository is known');
		expect(body).toContain('--pipeline-dir DIR');
	});

	it("shows the pipeline's git log ending with the configs commit the user made", () => {
		const dir = pipelineRepo();
		fs.appendFileSync(path.join(dir, 'src/hybrid_llm.py'), '# configs\n');
		git(dir, 'commit', '-q', '-am', 'feat: add hybrid configs for llama3.3:70b');
		const hash = git(dir, 'rev-parse', '--short', 'HEAD').trim();
		const body = section7(formatReport(completeResults(), {pipelineDir: dir, now: NOW}));
		expect(body).toContain(`of the pipeline at ${dir}`);
		expect(body).toContain(`${hash} feat: add hybrid configs for llama3.3:70b`);
		expect(body).toContain('feat: hybrid_qwen14 config');
		expect(body).toContain(`The configs commit: \`${hash}\` feat: add hybrid configs for llama3.3:70b.`);
	});

	it('says how to commit the configs when the log has no configs commit for the recommended model', () => {
		const dir = pipelineRepo();
		const body = section7(formatReport(completeResults(), {pipelineDir: dir, now: NOW}));
		expect(body).toContain('No commit "feat: add hybrid configs for llama3.3:70b" among the one commit above');
		expect(body).toContain('trifecta configs --write --commit');
	});

	it('configs written but not committed (a failed or declined commit) are named as such, with the command that commits them', () => {
		const dir = pipelineRepo();
		fs.appendFileSync(path.join(dir, 'src/hybrid_llm.py'), '# configs\n');
		const body = section7(formatReport(completeResults(), {pipelineDir: dir, now: NOW}));
		expect(body).toContain('The configs are written but not committed (src/hybrid_llm.py)');
		expect(body).toContain(`trifecta configs --write --commit --yes --pipeline-dir ${dir}`);
		expect(body).not.toContain('write and commit the configs');
	});

	it('a named folder that is not a repository is said to be one', () => {
		const dir = tempDir();
		expect(section7(formatReport(completeResults(), {pipelineDir: dir, now: NOW}))).toContain(`${dir} is not a git repository`);
	});

	it('knows the pipeline when the user named it, or when the folder holds src/hybrid_llm.py', () => {
		const plain = tempDir();
		expect(knownPipelineDir(plain, true)).toBe(plain);
		expect(knownPipelineDir(plain, false)).toBeNull();
		const pipeline = pipelineRepo();
		expect(knownPipelineDir(pipeline, false)).toBe(pipeline);
	});
});
