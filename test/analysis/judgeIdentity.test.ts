import {describe, expect, it} from 'vitest';
import {judgeIdentity, RUBRIC_LABEL} from '../../source/analysis/judgeIdentity.js';

describe('judgeIdentity', () => {
	it.each([
		// [judge recorded, baseline, kind, favours the baseline, note]
		['claude-sonnet-5-5', 'claude-sonnet-5-5', 'claude', true, /the baseline model itself: a judge favours its own answers/],
		['claude-opus-4-1', 'claude-sonnet-5-5', 'claude', false, /a Claude model other than the baseline \(claude-sonnet-5-5\)/],
		['openai:gpt-5.1', 'claude-sonnet-5-5', 'openai', false, /openai:gpt-5\.1 through an OpenAI-compatible endpoint, not the baseline model/],
		[null, 'claude-sonnet-5-5', 'rubric', false, /format-and-grounding check \(the offline rubric\).*not a judge/],
		[null, null, 'rubric', false, /never ranked with judged scores/],
	] as const)('%s beside %s -> %s', (judge, baseline, kind, favours, note) => {
		const identity = judgeIdentity(judge, baseline);
		expect(identity).toMatchObject({kind, favoursBaseline: favours});
		expect(identity.note).toMatch(note);
		expect(identity.label).toBe(judge ?? RUBRIC_LABEL);
	});
});
