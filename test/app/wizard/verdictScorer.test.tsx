import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {VerdictScreen} from '../../../source/app/wizard/screens/verdictScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import type {ResultsFile} from '../../../source/domain/schema.js';
import {formatQualitySection} from '../../../source/output/report/qualitySection.js';
import {completeResults} from '../../output/fixtureResults.js';

/** The complete fixture with every trader answer judged by `judgeModel`. */
function judgedBy(judgeModel: string): ResultsFile {
	const results = completeResults();
	for (const model of results.models) {
		const trader = model.reasoning?.trader;
		if (trader) trader.scorer = {kind: 'judge', version: '3', judgeModel, baseline: null};
	}
	if (results.baseline) results.baseline.judge = {model: judgeModel, calls: 18, cached: 0, failed: 0, costUsd: 0.3, usage: {inputTokens: 1, outputTokens: 1}};
	return results;
}

const verdict = (results: ResultsFile) =>
	render(<VerdictScreen results={results} settings={defaultSettings} focus={null} title="Verdict — final" reason="Recommendation: x." width={100} rows={80} />).lastFrame() ?? '';

describe('who scored quality, on the verdict screen and in the report', () => {
	it('says when the judge is the baseline model, which favours Claude', () => {
		const results = judgedBy('claude-sonnet-4-5-20250929');
		expect(verdict(results).replace(/\s+/g, ' ')).toContain('Judged by claude-sonnet-4-5-20250929, the baseline model itself: a judge favours its own answers');
		expect(formatQualitySection(results)).toContain('the baseline model itself: a judge favours its own answers');
	});

	it('names an OpenAI-compatible judge as one without self-preference', () => {
		const results = judgedBy('openai:gpt-5.1');
		expect(verdict(results).replace(/\s+/g, ' ')).toContain('Judged by openai:gpt-5.1 through an OpenAI-compatible endpoint, not the baseline model');
		expect(formatQualitySection(results)).toContain('Judge openai:gpt-5.1: 18 calls');
	});

	it('calls rubric scores a format-and-grounding check, not a judge', () => {
		// The complete fixture's traders are judged; scored by the rubric alone here.
		const results = completeResults();
		for (const model of results.models) {
			const trader = model.reasoning?.trader;
			if (trader) Object.assign(trader, {scoreSource: 'rubric', scorer: {kind: 'rubric', version: '3', judgeModel: null, baseline: null}});
		}
		expect(verdict(results).replace(/\s+/g, ' ')).toContain('Quality is a format-and-grounding check (the offline rubric)');
	});
});

describe('the report never ranks rubric scores with judged ones', () => {
	it('lists a model only the rubric scored apart from the judged ranking', () => {
		const results = judgedBy('claude-sonnet-4-5-20250929');
		const rubricOnly = results.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.trader;
		if (rubricOnly) rubricOnly.scorer = {kind: 'rubric', version: '3', judgeModel: null, baseline: null};
		const section = formatQualitySection(results);
		const ranking = section.slice(section.indexOf('| rank'), section.indexOf('Scored only by the format-and-grounding check'));
		expect(ranking).toContain('qwen2.5:32b');
		expect(ranking).not.toContain('qwen2.5:14b');
		// Its own table, after the judged ranking: never ranked with judged scores.
		expect(section.slice(section.indexOf('Scored only by the format-and-grounding check'))).toMatch(/not ranked with the judged scores[\s\S]*\| qwen2\.5:14b \| 8\.1 \|/);
	});
});
