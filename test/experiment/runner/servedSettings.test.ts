// A settings change in the wizard on a served backend (--backend openai) keeps the stored ladder:
// the served ladder is what that server serves, and must not become the Ollama ladder of the next run.
import {describe, expect, it} from 'vitest';
import {createRunner} from '../../../source/experiment/runner/index.js';
import {openSettingsStore} from '../../../source/experiment/settingsStore.js';
import {roundOneWorld} from '../strategy/fixtures.js';
import {harness} from './fakes.js';

describe('settings changes on a served backend', () => {
	it('store the new threshold but not the served ladder', async () => {
		const h = harness(roundOneWorld());
		const store = openSettingsStore({cwd: h.confDir});
		const stored = store.read();
		const base = h.deps();
		const served = {label: 'vLLM 0.11.0 at http://gpu:8000', name: 'vLLM', version: '0.11.0', models: [{id: 'Qwen/Qwen2.5-72B-Instruct', contextLength: 32_768, parameterSize: '72B', sizeBytes: 0}]};
		const runner = await createRunner({...base, services: {...base.services, served}}, h.steps, h.outputs);
		runner.updateSettings({...base.services.settings, ladder: ['Qwen/Qwen2.5-72B-Instruct'], threshold: 8.5});
		const after = store.read();
		expect(after.threshold).toBe(8.5);
		expect(after.ladder).toEqual(stored.ladder);
	});
});
