// At 60x20 every option of every list is on screen or behind a "more" marker, and the row the
// cursor is on is always drawn: Enter never takes an option the user cannot see.
import {afterEach, describe, expect, it} from 'vitest';
import {type World, escalationWorld} from '../../experiment/strategy/fixtures.js';
import {harness} from '../../experiment/runner/fakes.js';
import {createRunner} from '../../../source/experiment/runner/index.js';
import {defaultOutputs} from '../../../source/experiment/runner/outputs.js';
import {tempDir} from '../../output/helpers.js';
import {pipelineRepo} from '../../output/gitRepo.js';
import {KEY, enterThrough} from './helpers.js';
import {renderSized} from './sizedRender.js';
import {doctorReport} from './doctorFixture.js';

const world: World = escalationWorld();

let unmount: (() => void) | null = null;
afterEach(() => {
	unmount?.();
	unmount = null;
});

type Ui = ReturnType<typeof renderSized>;

/** Walks the list from its first row to its last: each row the cursor reaches is on screen, in the live region's bounds. */
async function expectEveryOptionDrawn(ui: Ui, labels: string[]) {
	await ui.press(KEY.up.repeat(labels.length));
	for (const [index, label] of labels.entries()) {
		const live = ui.live();
		expect(live.length, `live region of ${live.length} lines:\n${live.join('\n')}`).toBeLessThanOrEqual(ui.stdout.rows - 1);
		const selected = live.filter((line) => line.startsWith('›'));
		expect(selected, `the cursor's row "${label}" on screen:\n${live.join('\n')}`).toHaveLength(1);
		expect(selected[0]).toContain(label.slice(0, 20));
		if (index < labels.length - 1) await ui.press(KEY.down);
	}
	await ui.press(KEY.up.repeat(labels.length));
}

describe('the wizard\'s Preflight at 60x20', () => {
	// It showed "Installed models (2)" and no rows: the list sat at the bottom and was cut.
	it('names every installed model, right under the Ollama line', async () => {
		const h = harness(world);
		const runner = await createRunner(h.deps(), h.steps, h.outputs);
		const ui = renderSized(runner, 60, 20, doctorReport);
		unmount = ui.unmount;
		await ui.until('Preflight');
		const live = ui.live().join('\n');
		expect(live).toMatch(new RegExp(`Installed \\(${doctorReport.models.length}\\)`));
		for (const model of doctorReport.models) expect(live.replace(/\s+/g, ' ')).toContain(model.name);
		await runner.close();
	});
});

describe('the wizard at 60x20: every list fits or scrolls', () => {
	it('draws every option of the escalation, the configs offer and the commit question', async () => {
		const h = harness(world);
		const pipelineDir = pipelineRepo();
		const real = defaultOutputs({pipelineDir, docsDir: tempDir()});
		const runner = await createRunner(h.deps(), h.steps, {...h.outputs, offer: real.offer, configs: real.configs, commitPlan: real.commitPlan, commit: real.commit});
		const ui = renderSized(runner, 60, 20, doctorReport);
		unmount = ui.unmount;
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1', 'Escalation after round 1']);
		await expectEveryOptionDrawn(ui, ['Escalate to qwen2.5:72b', 'Swap to llama3.3:70b', 'Skip: stop here']);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		await ui.press(KEY.enter);
		await ui.until('Hybrid configs for');
		await expectEveryOptionDrawn(ui, ['Write the configs file and patch', 'Show the diff', 'Write only the configs file', 'Skip: write nothing']);
		await ui.press(KEY.enter);
		await ui.until('Commit the configs in');
		await expectEveryOptionDrawn(ui, ['No: leave them uncommitted', 'Yes: run these commands']);
		await runner.close();
	});
});
