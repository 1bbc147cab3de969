import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {defaultSettings} from '../../source/experiment/settings.js';
import {applySettingsFlags, openSettingsStore} from '../../source/experiment/settingsStore.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'trifecta-settings-'));

describe('settings store', () => {
	it('starts from the defaults and keeps what was written', () => {
		const cwd = tmp();
		expect(openSettingsStore({cwd}).read()).toEqual(defaultSettings);
		openSettingsStore({cwd}).write({...defaultSettings, threshold: 8.5, ladder: ['qwen2.5:32b', 'qwen2.5:72b'], roundOne: 'qwen2.5:32b'});
		const again = openSettingsStore({cwd}).read();
		expect(again.threshold).toBe(8.5);
		expect(again.roundOne).toBe('qwen2.5:32b');
		expect(again.ladder).toEqual(['qwen2.5:32b', 'qwen2.5:72b']);
	});

	it('sets a corrupt file aside with a warning and uses the defaults', () => {
		const cwd = tmp();
		writeFileSync(path.join(cwd, 'config.json'), '{"settings": {"threshold": 8');
		const store = openSettingsStore({cwd, now: () => new Date('2026-01-02T03:04:05.000Z')});
		expect(store.read()).toEqual(defaultSettings);
		expect(store.warnings[0]).toMatch(/could not be read.*config\.json\.corrupt-2026-01-02T03-04-05-000Z/);
		expect(readdirSync(cwd)).toContain('config.json.corrupt-2026-01-02T03-04-05-000Z');
		expect(readFileSync(path.join(cwd, 'config.json.corrupt-2026-01-02T03-04-05-000Z'), 'utf8')).toBe('{"settings": {"threshold": 8');
		store.write({...defaultSettings, reps: 5});
		expect(openSettingsStore({cwd}).read().reps).toBe(5);
	});

	it('replaces invalid stored values by the defaults and names them', () => {
		const cwd = tmp();
		writeFileSync(path.join(cwd, 'config.json'), JSON.stringify({settings: {threshold: 'high', reps: 4, ladder: ['bad name;rm'], roundOne: '$(rm -rf)'}}));
		const store = openSettingsStore({cwd});
		const settings = store.read();
		expect(settings.threshold).toBe(defaultSettings.threshold);
		expect(settings.ladder).toEqual(defaultSettings.ladder);
		expect(settings.reps).toBe(4);
		expect(settings.roundOne).toBeNull();
		expect(store.warnings.join('\n')).toMatch(/invalid ladder, roundOne, threshold/);
	});

	it('keeps progress per results file', () => {
		const cwd = tmp();
		const store = openSettingsStore({cwd});
		store.writeProgress({resultsPath: '/a/results/scaling-results.json', done: {'bench:qwen2.5:32b': 'reps=3'}, updatedAt: 'now'});
		store.writeProgress({resultsPath: '/b/scaling-results.json', done: {}, updatedAt: 'now'});
		expect(openSettingsStore({cwd}).readProgress('/a/results/scaling-results.json')?.done).toEqual({'bench:qwen2.5:32b': 'reps=3'});
		expect(openSettingsStore({cwd}).readProgress('/c.json')).toBeNull();
	});

	it('applies only the flags that were given', () => {
		const next = applySettingsFlags(defaultSettings, {threshold: 8, reps: undefined});
		expect(next.threshold).toBe(8);
		expect(next.reps).toBe(defaultSettings.reps);
	});
});
