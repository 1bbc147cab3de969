import {describe, expect, it} from 'vitest';
import {scoreResponse} from '../../source/analysis/rubric.js';
import {groundFigures} from '../../source/analysis/grounding.js';
import {countWords} from '../../source/analysis/textMetrics.js';
import type {Role} from '../../source/domain/schema.js';
import {benchPrompt} from '../../source/prompts/bench.js';
import {bundledPromptsDir, loadPrompts, renderRolePrompt} from '../../source/prompts/load.js';
import {simulatedReply, truncateToTokens} from '../../source/simulator/texts.js';
import type {QualityTier} from '../../source/simulator/types.js';

const prompts = loadPrompts(bundledPromptsDir());
const MODELS = ['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b', 'qwen2.5:72b', 'llama3.3:70b', 'command-r:35b'];
const BIG = 100_000;

function reply(model: string, quality: QualityTier, role: Role, maxTokens = BIG): string {
	const {system, user} = renderRolePrompt(role, prompts, role === 'bear' ? 'Bull Analyst: buy it.' : undefined);
	return simulatedReply({model, quality, maxTokens, messages: [{role: 'system', content: system}, {role: 'user', content: user}]});
}

function score(role: Role, text: string): number {
	return scoreResponse({role, text, context: prompts.context}).score;
}

describe('simulatedReply calibration against the rubric', () => {
	for (const role of ['trader', 'bull', 'bear'] as const) {
		it.each(MODELS)(`${role}: tiers keep their order for %s`, (model) => {
			const scores = {
				excellent: score(role, reply(model, 'excellent', role)),
				good: score(role, reply(model, 'good', role)),
				partial: score(role, reply(model, 'partial', role)),
				vague: score(role, reply(model, 'vague', role)),
			};
			// The rubric no longer pays for length: a shorter but complete 'good' answer may come close to 'excellent'.
			expect(scores.excellent).toBeGreaterThanOrEqual(9.3);
			expect(scores.good).toBeGreaterThanOrEqual(7.5);
			expect(scores.good).toBeLessThanOrEqual(scores.excellent);
			expect(scores.partial).toBeLessThan(scores.good);
			expect(scores.vague).toBeLessThanOrEqual(3);
		});
	}

	it('gives each tier the elements it promises', () => {
		const measure = (quality: QualityTier) => scoreResponse({role: 'trader', text: reply('qwen2.5:32b', quality, 'trader'), context: prompts.context}).metrics;
		expect(measure('excellent')).toMatchObject({decision: 'BUY', entry: 269.8, stopLoss: 262, target: 295.4, levelsCoherent: true, unsupported: 0});
		expect(measure('good')).toMatchObject({decision: 'BUY', levelsCoherent: true, unsupported: 1});
		expect(measure('partial')).toMatchObject({decision: 'BUY', stopLoss: null, target: null});
		expect(measure('vague')).toMatchObject({decision: null, stopLoss: null, target: null, figures: 0});
	});

	it('writes long debate arguments (7-8K chars) at the excellent tier and about 60% of that at good', () => {
		for (const role of ['bull', 'bear'] as const) {
			const excellent = reply('qwen2.5:72b', 'excellent', role);
			expect(excellent.length).toBeGreaterThanOrEqual(7_000);
			expect(excellent.length).toBeLessThanOrEqual(8_000);
			const ratio = reply('qwen2.5:72b', 'good', role).length / excellent.length;
			expect(ratio).toBeGreaterThan(0.55);
			expect(ratio).toBeLessThan(0.65);
		}
		const trader = reply('qwen2.5:72b', 'excellent', 'trader');
		expect(trader.length).toBeGreaterThan(1_600);
		expect(trader.length).toBeLessThan(2_000);
	});
});

describe('simulatedReply behaviour', () => {
	it('is deterministic per model and differs between models', () => {
		expect(reply('qwen2.5:32b', 'excellent', 'bull')).toBe(reply('qwen2.5:32b', 'excellent', 'bull'));
		const texts = new Set(MODELS.map((model) => reply(model, 'excellent', 'trader')));
		expect(texts.size).toBeGreaterThan(2);
	});

	it('answers the bench prompt with a grounded ~230-word bull case', () => {
		const text = simulatedReply({model: 'qwen2.5:32b', quality: 'good', maxTokens: BIG, messages: [{role: 'user', content: benchPrompt('3f9a')}]});
		expect(countWords(text)).toBeGreaterThanOrEqual(210);
		expect(countWords(text)).toBeLessThanOrEqual(250);
		const grounding = groundFigures(text, prompts.context);
		expect(grounding.grounded).toBeGreaterThanOrEqual(20);
		expect(grounding.unsupported).toBe(0);
	});

	it('fits maxTokens', () => {
		const text = reply('qwen2.5:32b', 'excellent', 'bull', 50);
		expect(text.match(/\S+\s*/g)).toHaveLength(50);
		expect(reply('qwen2.5:32b', 'excellent', 'bull').startsWith(text)).toBe(true);
		expect(truncateToTokens('a b c', 0)).toBe('');
		expect(truncateToTokens('a b c', 5)).toBe('a b c');
	});

	it('gives a short generic answer using the numbers of the last user message otherwise', () => {
		const text = simulatedReply({
			model: 'qwen2.5:14b',
			quality: 'excellent',
			maxTokens: BIG,
			messages: [
				{role: 'system', content: 'You are a helpful assistant.'},
				{role: 'user', content: 'The tool says AAPL closed at $271.35 on volume of 48,200,000.'},
			],
		});
		expect(text).toContain('$271.35');
		expect(text).toContain('48,200,000');
		expect(countWords(text)).toBeLessThan(60);
	});
});

describe('simulatedReply role detection', () => {
	it('recognises a template sent as a single user message', () => {
		const {system, user} = renderRolePrompt('trader', prompts);
		const text = simulatedReply({model: 'qwen2.5:32b', quality: 'excellent', maxTokens: BIG, messages: [{role: 'user', content: `${system}\n\n${user}`}]});
		expect(text).toContain('FINAL TRANSACTION PROPOSAL: **BUY**');
	});
});
