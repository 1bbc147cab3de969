import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatReport, writeReport, REPORT_FILE_NAME, REPORT_SECTIONS} from '../../source/output/report.js';
import type {GitRunner} from '../../source/output/report/gitSection.js';
import {emptyResults} from '../../source/domain/schema.js';
import {completeResults, partialResults} from './fixtureResults.js';
import {tempDir} from './helpers.js';
import {markdownRow} from '../helpers/tables.js';

const NOW = new Date('2026-02-02T10:00:00.000Z');
const gitLog: GitRunner = () => ({ok: true, stdout: 'abc1234 Add hybrid_qwen14\ndef5678 Task 004 report\n'});
const noRepo: GitRunner = () => ({ok: false, error: 'fatal: not a git repository (or any of the parent directories): .git'});

/** The body of section n (1-based), up to the next section. */
function sectionOf(report: string, n: number): string {
	const start = report.indexOf(`## ${n}. ${REPORT_SECTIONS[n - 1]}`);
	expect(start).toBeGreaterThan(-1);
	const next = report.indexOf(`\n## ${n + 1}. `, start);
	return report.slice(start, next === -1 ? undefined : next);
}

function tableRow(section: string, first: string): string[] {
	const line = section.split('\n').find((candidate) => candidate.startsWith(`| ${first} |`));
	return line ? line.slice(2, -2).split(' | ') : [];
}

describe('TASK_005 report from a complete results file (baseline, escalation)', () => {
	const report = formatReport(completeResults(true), {cwd: '/repo', git: gitLog, now: NOW});

	it('is marked SIMULATED at the top and states Ollama version, options and repetitions', () => {
		expect(report.split('\n')[0]).toContain('SIMULATED');
		expect(report).toContain('# TASK 005: local model scaling report (SIMULATED)');
		expect(report).toContain('- Ollama version: 0.12.6 at http://127.0.0.1:11434');
		expect(report).toContain('temperature 0, seed 42, num_ctx 8192, num_predict 512; one untimed warm-up, then 3 timed repetitions');
		expect(report).toContain('Generated 2026-02-02T10:00:00.000Z');
		expect(report).toContain('memory bandwidth 400 GB/s');
	});

	it('has the eight sections in order', () => {
		const positions = REPORT_SECTIONS.map((title, index) => report.indexOf(`## ${index + 1}. ${title}`));
		expect(positions.every((position) => position > -1)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});

	it('1: the benchmark table carries size, speed ± sd, ceiling, efficiency, tools, words and risk levels', () => {
		const row = markdownRow(sectionOf(report, 1), 'qwen2.5:32b');
		expect(row).toEqual({
			'model': 'qwen2.5:32b', 'size GB': '19.9', 'speed t/s (mean ± sd)': '12.3 ± 0.4', 'ceiling t/s': '20.1', 'efficiency': '61%', 'tools native': '5/5', 'tools openai': '4/5',
			'bull words': '900', 'bear words': '850', 'trader words': '400', 'decision': 'BUY', 'stop-loss': '244.10', 'target': '290.00', 'sizing': '5% of portfolio', 'trader score': '8.7',
		});
		const baseline = markdownRow(sectionOf(report, 1), 'claude:claude-sonnet-4-5-20250929 (baseline)');
		expect(baseline['trader words']).toBe('650');
		expect([baseline['size GB'], baseline['speed t/s (mean ± sd)'], baseline['tools openai']]).toEqual(['-', '-', '-']);
		expect(sectionOf(report, 1)).toContain('$0.1234');
		// Every prefill figure names the prompt it was read over, in the server's own tokens.
		expect(sectionOf(report, 1)).toContain("Prefill (reading the prompt; the token counts are Ollama's own prompt_eval_count): qwen2.5:14b 300.0 t/s over 975 prompt tokens;");
	});

	// One definition, one name: the relative score (10 x local / Claude on the same judge calls), its
	// interval, n and outcome; no "mean vs Claude" dividing scores of other kinds.
	it('2: ranks by trader score relative to Claude, with the outcome and why', () => {
		const quality = sectionOf(report, 2);
		expect(quality).toContain('relative score 10 by definition; absolute trader quality 9.8');
		expect(quality).toContain('Relative score = 10 × local / Claude, both judged in the same calls');
		expect(tableRow(quality, '1')).toEqual(['1', 'llama3.3:70b', '9.3', '12', 'meets', '9.3', 'not measured', '0 %', 'judge claude-sonnet-4-5-20250929']);
		expect(tableRow(quality, '3')).toEqual(['3', 'qwen2.5:14b', '8.1', '12', 'misses', '8.1', 'not measured', '0 %', 'judge claude-sonnet-4-5-20250929']);
		expect(quality).toMatch(/^- qwen2\.5:32b: misses: relative 8\.7, n=12 over 3 of 3 markets, threshold 9\.0: the whole interval is below the threshold\.$/m);
		expect(quality).not.toMatch(/vs Claude|mean quality/);
	});

	it('3: weighs the 70B against the 32B with the pipeline estimate and the practical flag', () => {
		const tradeoff = sectionOf(report, 3);
		expect(tableRow(tradeoff, 'llama3.3:70b')).toEqual(['llama3.3:70b', '6.4', 'NO (< 8 t/s)', '52.1 min', '9.3 (meets)']);
		expect(tradeoff).toContain('+0.6 points');
		expect(tradeoff).toContain('1.9x slower');
		expect(tradeoff).toContain('Worth it for quality: only the 70B-class model reaches the threshold of 9.');
		expect(tradeoff).toContain('impractical for all 12 agents');
	});

	it('4: recommends the model with its reason, the decisions and the configs with evidence', () => {
		const rec = sectionOf(report, 4);
		expect(rec).toContain('**Recommended model: llama3.3:70b**');
		expect(rec).toContain('closes the gap (trader 9.3 >= 9.0)');
		expect(rec).toContain('Round 1 (qwen2.5:32b): escalate → llama3.3:70b.');
		expect(tableRow(rec, 'hybrid_llama70')).toEqual(['hybrid_llama70', 'anthropic claude-sonnet-4-5-20250929', 'ollama llama3.3:70b', 'anthropic claude-sonnet-4-5-20250929', '32.7 min', '$0.30']);
		expect(markdownRow(rec, 'hybrid_aggressive_llama70_localtools')['Claude cost per run']).toBe('$0.00');
		expect(rec).toContain('all on Claude the run would cost $0.60');
	});

	it('5: assesses the quality gap and the bandwidth ceiling for 70B-class sizes', () => {
		const ceiling = sectionOf(report, 5);
		expect(ceiling).toContain('Best local trader score: 9.3 relative to Claude (llama3.3:70b; Claude = 10, so the gap is 0.7 points). It meets the threshold of 9.');
		// Ceiling 400e9 / 47_415_724_545 = 8.44 t/s. Prediction: rate x bytes weighted by bytes squared over the
		// other measured models: for qwen2.5:72b (1808 x 272.1 + 394 x 244.2 + 80.8 x 221.1) / 2283 = 265.5 GB/s
		// -> 5.6 t/s, +-10 % (llama3.3:70b measured, same class); for llama3.3:70b from the 14B and 32B only
		// 240.3 / 42.5 = 5.7 t/s, +-20 % (extrapolated to a bigger class).
		expect(tableRow(ceiling, 'qwen2.5:72b')).toEqual(['qwen2.5:72b', '47.4', '8.4', '5.6 (5.0–6.2) from the rates measured now', 'not measured', 'unlikely']);
		expect(tableRow(ceiling, 'llama3.3:70b')).toEqual(['llama3.3:70b', '42.5', '9.4', '5.7 (4.5–6.8) from the rates measured now', '6.4', 'no (measured)']);
		expect(ceiling).toContain('at most 50.0 GB at the bandwidth ceiling: larger local models cannot be practical');
		expect(ceiling).toContain('At the rates measured here, models above about 33.2 GB are likely below 8 t/s.');
	});

	it('4, 5 and 8 quote the recommendation, ceiling and next-step sentences verbatim', () => {
		const results = completeResults(true);
		const nextStep = 'Run one full analysis with --hybrid hybrid_qwen32 and score it against all_cloud.';
		results.recommendation = {
			model: 'qwen2.5:32b',
			practical: true,
			belowThreshold: true,
			reason: 'qwen2.5:32b is recommended below threshold: the best practical model scores 8.7.',
			ceiling: 'llama3.3:70b reaches 9.3 but runs at 6.4 t/s (minimum 8 t/s): quality is reachable, not at a usable speed on this machine.',
			nextStep,
			configs: ['hybrid_qwen32', 'hybrid_aggressive_qwen32'],
		};
		const text = formatReport(results, {cwd: '/repo', git: gitLog, now: NOW});
		expect(sectionOf(text, 4)).toContain(`**Recommended model: qwen2.5:32b** (below threshold)\n\n${results.recommendation.reason}`);
		expect(sectionOf(text, 4)).not.toContain('Recommended model: llama3.3:70b');
		expect(sectionOf(text, 5)).toContain(`**Ceiling:** ${results.recommendation.ceiling}`);
		expect(sectionOf(text, 8)).toMatch(new RegExp(`^- ${nextStep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
		expect(sectionOf(text, 8)).toContain('--hybrid hybrid_qwen32');
		// Below the threshold the next step names the gap to the threshold; no second "gap to Claude"
		// figure for the same question (the demo's §8 said 2.0 points, then 2.1).
		expect(sectionOf(text, 8)).not.toContain('remaining gap to Claude');
	});

	it('6: embeds the detailed table and each trader excerpt', () => {
		const detail = sectionOf(report, 6);
		expect(detail).toMatch(/qwen2\.5:32b\s+trader\s+8\.7\s+judge claude-sonnet-4-5-20250929\s+8\.7, n=12/);
		// The rubric's bull and bear scores in their own table, after the judged one.
		expect(detail.indexOf('Offline rubric 0-10')).toBeGreaterThan(detail.indexOf('judged against Claude'));
		expect(detail.slice(detail.indexOf('Offline rubric 0-10'))).toMatch(/qwen2\.5:32b\s+bull\s+8\.4\s+format-and-grounding check\s+–/);
		expect(detail).toMatch(/qwen2\.5:32b\s+trader\s+–\s+400\s+12\s+10\s+2\s+BUY\s+244\.10\s+290\.00\s+5% of portfolio\s+42\.5/);
		expect(detail).toContain('**llama3.3:70b**: 400 words, 2,400 characters.');
		expect(detail).toContain('trader llama3.3:70b tail: stop-loss 244.10, target 290. FINAL TRANSACTION PROPOSAL: **BUY**');
	});

	it('7 and 8: git log and next steps', () => {
		expect(sectionOf(report, 7)).toContain('abc1234 Add hybrid_qwen14');
		const next = sectionOf(report, 8);
		expect(next).toContain('**Ready with a caveat:** llama3.3:70b');
		expect(next).toContain('--hybrid hybrid_llama70');
		expect(next).toContain('SIMULATED');
	});

	it('names the think level of a model that cannot turn its reasoning off beside the others\' think false', () => {
		const results = completeResults(true);
		const [first, second] = results.models;
		if (first?.speed) first.speed.options.think = false;
		if (second?.speed) second.speed.options.think = 'low';
		const text = formatReport(results, {cwd: '/repo', git: gitLog, now: NOW});
		expect(text).toContain(
			`num_predict 512, think false, think "low" for ${second?.name} (the lowest level it accepts: its reasoning cannot be turned off and counts in its decode rate and TTFT); one untimed warm-up`,
		);
	});

	it('names the think each reasoning-comparison cell was sent with, beside the benchmark\'s', () => {
		const results = completeResults(true);
		const [first, second] = results.models;
		expect(formatReport(results, {cwd: '/repo', git: gitLog, now: NOW})).not.toContain('Reasoning comparison sent to thinking models');
		for (const response of Object.values(first?.reasoning ?? {})) if (response) response.think = false;
		for (const response of Object.values(second?.reasoning ?? {})) if (response) response.think = 'low';
		const text = formatReport(results, {cwd: '/repo', git: gitLog, now: NOW});
		expect(text).toContain(
			`- Reasoning comparison sent to thinking models: think false for ${first?.name}; think "low" for ${second?.name} (its reasoning cannot be turned off and counts in its answers' rate and TTFT)`,
		);
	});

	it('is not marked SIMULATED for a real run', () => {
		const real = formatReport(completeResults(false), {cwd: '/repo', git: gitLog, now: NOW});
		expect(real).not.toContain('SIMULATED');
		expect(sectionOf(real, 8)).toContain('**Ready with a caveat:**');
	});
});

describe('TASK_005 report from partial results', () => {
	const report = formatReport(partialResults(), {cwd: '/somewhere', git: noRepo, now: NOW});

	it('says "not measured" and why the baseline is missing instead of failing', () => {
		expect(report).toContain('- Ollama version: not recorded');
		expect(report).toContain('Benchmark options: not measured');
		const row = markdownRow(sectionOf(report, 1), 'qwen2.5:32b');
		expect([row['speed t/s (mean ± sd)'], row['ceiling t/s'], row['efficiency'], row['tools native'], row['tools openai']]).toEqual(['not measured', '-', '-', 'not tested', 'not tested']);
		expect(sectionOf(report, 1)).toContain('Claude baseline skipped: ANTHROPIC_API_KEY is not set.');
		// Only the offline rubric scored it: listed apart, never ranked with judged scores, no relative score.
		expect(sectionOf(report, 2)).toContain('No trader answer was judged against Claude');
		expect(tableRow(sectionOf(report, 2), 'qwen2.5:14b')).toEqual(['qwen2.5:14b', '7.2', 'not measured']);
		expect(sectionOf(report, 3)).toContain('No 70B-class model was scored');
		expect(sectionOf(report, 4)).toContain('No recommendation recorded yet');
		expect(sectionOf(report, 5)).toContain('Memory bandwidth is not measured');
		expect(sectionOf(report, 6)).toContain('baseline skipped: ANTHROPIC_API_KEY is not set');
		expect(sectionOf(report, 7)).toContain('/somewhere is not a git repository');
		expect(sectionOf(report, 8)).toContain('**Not ready for a full pipeline run:** no local model is recommended yet.');
		expect(sectionOf(report, 8)).toContain('trifecta bench qwen2.5:14b qwen2.5:32b');
		expect(report).not.toMatch(/NaN|undefined|null/);
	});

	it('handles an empty record', () => {
		const empty = formatReport(emptyResults(false), {cwd: '/x', git: noRepo, now: NOW});
		expect(sectionOf(empty, 1)).toContain('No model has been measured yet.');
		expect(sectionOf(empty, 5)).toContain('No local model has a trader score relative to Claude yet');
		expect(empty).not.toMatch(/NaN|undefined/);
	});

	it('writes docs/TASK_005_REPORT.md, creating the folder', () => {
		const docs = path.join(tempDir(), 'docs');
		const file = writeReport(docs, partialResults(), {cwd: '/x', git: noRepo, now: NOW});
		expect(file).toBe(path.join(docs, REPORT_FILE_NAME));
		expect(fs.readFileSync(file, 'utf8')).toBe(formatReport(partialResults(), {cwd: '/x', git: noRepo, now: NOW}));
	});
});
