// The plan screen's Claude model row offers what the Models API lists for the key, and only the
// built-in current models offline: never a retired id.
import {describe, expect, it} from 'vitest';
import {planKey, planModels} from '../../../source/app/wizard/screens/planScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import {CLAUDE_FALLBACK_MODELS} from '../../../source/models/pipeline.js';

/** Every id the Claude model row offers, pressing right from the default until it comes round. */
function offered(claudeModels?: readonly string[]): string[] {
	let settings = defaultSettings;
	const row = planModels(settings).length + 4;
	const seen = [settings.claudeModel];
	for (let press = 0; press < 20; press++) {
		settings = planKey(settings, row, 'right', claudeModels).settings;
		if (settings.claudeModel === seen[0]) break;
		seen.push(settings.claudeModel);
	}
	return seen;
}

describe('the plan screen’s Claude model row', () => {
	it('offline: the built-in current models, none retired', () => {
		expect(offered()).toEqual([...CLAUDE_FALLBACK_MODELS]);
		for (const retired of ['claude-opus-4-1-20250805', 'claude-sonnet-4-20250514']) expect(offered()).not.toContain(retired);
	});

	it('with a key: what the Models API listed', () => {
		expect(offered(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-sonnet-5'])).toEqual(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-sonnet-5']);
	});
});
