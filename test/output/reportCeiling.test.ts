// Report §5 agrees with what the screens said and with its own table: the prediction shown is the
// one the escalation offer made before the pull, a size limit never contradicts a measured rate,
// and the best score names every model that reached it.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatReport} from '../../source/output/report.js';
import {completeResults, judged} from './fixtureResults.js';
import {pipelineCopy} from './helpers.js';

const NOW = new Date('2026-02-02T10:00:00.000Z');

function section5(report: string): string {
	const start = report.indexOf('## 5. ');
	return report.slice(start, report.indexOf('\n## 6. ', start));
}

describe('report §5: the ceiling', () => {
	it('shows the prediction recorded with the offer, before the pull, not one recomputed after it', () => {
		const results = completeResults();
		const first = results.rounds[0];
		if (first === undefined) throw new Error('fixture has round 1');
		results.rounds[0] = {...first, predictions: [{model: 'llama3.3:70b', rate: 6.0, low: 4.8, high: 7.2, from: 'qwen2.5:32b at 12.3 t/s'}, {model: 'qwen2.5:72b', rate: 5.0, low: 4.0, high: 6.0, from: null}]};
		// A later offer (after round 2) predicted qwen2.5:72b again, from more measurements: that is the one decided on.
		const second = results.rounds[1];
		if (second) results.rounds[1] = {...second, predictions: [{model: 'qwen2.5:72b', rate: 5.6, low: 5.0, high: 6.2, from: 'llama3.3:70b at 6.4 t/s'}]};
		const body = section5(formatReport(results, {pipelineDir: null, now: NOW}));
		const row = body.split('\n').find((line) => line.startsWith('| llama3.3:70b'));
		expect(row).toContain('6.0 (4.8–7.2) at the offer');
		expect(row).toContain('| 6.4 |');
		expect(body.split('\n').find((line) => line.startsWith('| qwen2.5:72b'))).toContain('5.6 (5.0–6.2) at the offer');
		// Without any recorded offer, the figure is labelled as computed now.
		const none = section5(formatReport(completeResults(), {pipelineDir: null, now: NOW}));
		expect(none.split('\n').find((line) => line.startsWith('| qwen2.5:72b'))).toMatch(/\d+\.\d \(\d+\.\d–\d+\.\d\) from the rates measured now/);
	});

	it('never says larger models cannot be practical beside one measured practical', () => {
		const results = completeResults();
		const llama = results.models.find((model) => model.name === 'llama3.3:70b');
		if (llama?.speed === undefined) throw new Error('fixture has llama3.3:70b measured');
		llama.speed.evalRate.mean = 8.9;
		llama.practical = true;
		// A heavier model measured slow pulls the rate x bytes trend below llama3.3:70b's size.
		results.models.push({...structuredClone(llama), name: 'qwen2.5:72b', sizeBytes: 47_415_724_800, speed: {...structuredClone(llama.speed), evalRate: {mean: 5.0, sd: 0.1, samples: [5.0]}}, practical: false});
		const body = section5(formatReport(results, {pipelineDir: null, now: NOW}));
		// A hard limit (the bandwidth ceiling) may say "cannot"; never one below a size measured practical.
		for (const [, limit] of body.matchAll(/at most ([\d.]+) GB[^.]*: larger local models cannot be practical/g)) expect(Number(limit)).toBeGreaterThan(42.5);
		expect(body).toContain('llama3.3:70b (42.5 GB) measured 8.9 t/s');
	});

	it('names every model that shares the best trader score, and does not say scores rise with size when the largest score no higher', () => {
		const results = completeResults();
		for (const name of ['qwen2.5:32b', 'llama3.3:70b']) {
			const model = results.models.find((entry) => entry.name === name);
			if (model?.reasoning?.trader) model.reasoning.trader = judged(model.reasoning.trader, 9.6);
		}
		const body = section5(formatReport(results, {pipelineDir: null, now: NOW}));
		expect(body).toContain('Best local trader score: 9.6 relative to Claude (qwen2.5:32b, llama3.3:70b;');
		expect(body).not.toContain('Scores rise with size');
		expect(body).toContain('no higher than qwen2.5:32b');
	});
});

describe('report §8: next steps never ask for what was done', () => {
	const section8 = (report: string) => report.slice(report.indexOf('## 8. '), report.indexOf('\n## Glossary'));

	it('does not ask to write the configs once the pipeline has them', () => {
		const dir = pipelineCopy();
		fs.appendFileSync(path.join(dir, 'src/hybrid_llm.py'), '\n# "hybrid_llama70": {...}\n');
		const body = section8(formatReport(completeResults(), {pipelineDir: dir, now: NOW}));
		expect(body).not.toContain('Write the configs into the pipeline');
		expect(body).toContain('python src/run_analysis.py AAPL --hybrid hybrid_llama70');
	});

	it('asks to write them while the pipeline has not got them', () => {
		const body = section8(formatReport(completeResults(), {pipelineDir: pipelineCopy(), now: NOW}));
		expect(body).toContain('Write the configs into the pipeline: `trifecta configs --write`');
	});
});
