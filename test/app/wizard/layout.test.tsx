// The wizard at 80x24 and 120x40: every page keeps its title and table header on the screen,
// the live region stays below the terminal's height (Ink clears the whole screen otherwise),
// no line is wider than the terminal, a resize re-lays it out, and a burst of keys in one write
// moves the cursor once per key.
import {afterEach, describe, expect, it} from 'vitest';
import {type World, escalationWorld} from '../../experiment/strategy/fixtures.js';
import {harness} from '../../experiment/runner/fakes.js';
import {KEY, enterThrough} from './helpers.js';
import {renderSized} from './sizedRender.js';
import {doctorReport} from './doctorFixture.js';
import {focusRow} from '../../helpers/testUtils.js';

const world: World = escalationWorld();

let unmount: (() => void) | null = null;
afterEach(() => {
	unmount?.();
	unmount = null;
});

type Ui = ReturnType<typeof renderSized>;

/** What a user at this terminal sees of the page: its title, its header, nothing cut or wrapped. */
function expectFits(ui: Ui, title: string, header?: RegExp) {
	const {columns, rows} = ui.stdout;
	const live = ui.live();
	expect(live.length, `live region of ${live.length} lines in ${rows} rows:\n${live.join('\n')}`).toBeLessThanOrEqual(rows - 1);
	const screen = ui.screen();
	expect(screen.some((line) => line.includes(title)), `"${title}" on screen:\n${screen.join('\n')}`).toBe(true);
	if (header) expect(screen.some((line) => header.test(line)), `header ${header} on screen:\n${screen.join('\n')}`).toBe(true);
	for (const line of live) expect(line.length, `wider than ${columns}: "${line}"`).toBeLessThanOrEqual(columns);
	// Ink wraps prose at word boundaries: no line of the live region starts with a space it did not mean
	// (the verdict plot's y-axis labels are right-aligned on purpose: " 9.0┤").
	expect(live.filter((line) => /^ \S/.test(line) && !/^ {1,2}[•✓!›↑↓]/.test(line) && !/^ +[\d.]+[┤┼]/.test(line))).toEqual([]);
}

describe.each([
	[80, 24],
	[120, 40],
])('the wizard at %ix%i', (columns, rows) => {
	it('keeps every page’s title and header on screen, from preflight to done', async () => {
		const h = harness(world);
		const runner = await h.start();
		const ui = renderSized(runner, columns, rows, doctorReport);
		unmount = ui.unmount;
		await ui.until('Preflight');
		// The wizard's Preflight lists the models as wrapped rows under the Ollama line (the table is doctor's).
		expectFits(ui, 'Preflight', /Installed \(\d+\)/);
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		expectFits(ui, 'Plan — the ladder', /on\s+model\s+size\s+installed/);
		// The plan's sentences leave room for every model and setting: nothing scrolled away.
		expect(ui.screen().join('\n')).toMatch(/Claude model/);
		expect(ui.screen().join('\n')).not.toMatch(/↓ \d+ more/);
		// A ticked model no round measures is named, in view with the rest.
		expect(ui.screen().join('\n')).toContain('Not measured: command-r:35b, not installed');
		await ui.press('?');
		await ui.until('Keys');
		expectFits(ui, 'Keys');
		await ui.press('?');
		await ui.press(KEY.enter);
		await ui.until('Verdict — round 1: qwen2.5:32b');
		expectFits(ui, 'Verdict — round 1', /^model\s+t\/s\s+trader\s+relative\s+outcome\s+tools/);
		expect(ui.screen().some((line) => line.startsWith('qwen2.5:32b'))).toBe(true);
		expect(ui.screen().join(' ')).toContain('Decision: an escalation is offered on the next screen');
		await ui.press(KEY.enter);
		await ui.until('Escalation after round 1');
		expectFits(ui, 'Escalation after round 1');
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		expectFits(ui, 'Verdict — final', /^model\s+t\/s/);
		await ui.press(KEY.enter);
		await ui.until('Hybrid configs for qwen2.5:72b');
		expectFits(ui, 'Hybrid configs for qwen2.5:72b');
		await ui.press(KEY.enter);
		await ui.until('Done');
		expectFits(ui, 'Done');
		await runner.close();
	});

	it('keeps a running step’s title on screen', async () => {
		const h = harness(world);
		h.hold.bench = 'wait-cancel';
		const runner = await h.start();
		const ui = renderSized(runner, columns, rows, doctorReport);
		unmount = ui.unmount;
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Round 1 · Benchmark']);
		expectFits(ui, 'Round 1 · Benchmark · qwen2.5:14b');
		await ui.press(KEY.esc);
		await ui.until('Step canceled');
		expectFits(ui, 'Step canceled');
		await runner.close();
	});
});

describe('the wizard and the terminal', () => {
	it('lays the verdict out again when the terminal shrinks, and grows back', async () => {
		const h = harness(world);
		const runner = await h.start();
		const ui = renderSized(runner, 120, 40, doctorReport);
		unmount = ui.unmount;
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1']);
		const wide = ui.live();
		await ui.resize(60, 16);
		await ui.until('Verdict — round 1');
		expectFits(ui, 'Verdict — round 1', /^model\s+t\/s/);
		expect(Math.max(...wide.map((line) => line.length))).toBeGreaterThan(60);
		await ui.resize(100, 30);
		expectFits(ui, 'Verdict — round 1', /^model\s+t\/s/);
		expect(Math.max(...ui.live().map((line) => line.length))).toBeGreaterThan(60);
		await runner.close();
	});

	// At 60x20 the demo's verdict (its judge note is four rows there) stopped mid-phrase at the
	// page's bottom edge, with nothing to say more was there; this world's verdict is shorter, so 60x16.
	it('says so when a page is cut to fit a short terminal', async () => {
		const h = harness(world);
		const runner = await h.start();
		const ui = renderSized(runner, 60, 16, doctorReport);
		unmount = ui.unmount;
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1']);
		await ui.until('cut to fit');
		expectFits(ui, 'Verdict — round 1', /^model\s+t\/s/);
		const live = ui.live();
		const footer = live.findIndex((line) => line.includes('Enter continue'));
		expect(live.slice(0, footer).filter((line) => line.trim() !== '').at(-1)).toBe('… (cut to fit: a taller terminal shows all of it)');
		await runner.close();
	});

	it('moves the cursor once per key when several keys arrive in one write', async () => {
		const h = harness(world);
		const runner = await h.start();
		const ui = renderSized(runner, 80, 24);
		unmount = ui.unmount;
		await ui.until('Preflight');
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		// How many rows down Threshold is, found one key at a time; then the burst goes back up and down again.
		const cursorLine = () => ui.live().find((line) => /^\s*›/.test(line));
		const top = cursorLine();
		const rows = await focusRow(ui, 'Threshold');
		expect(rows).toBeGreaterThan(1);
		await ui.press(KEY.up.repeat(rows));
		expect(cursorLine()).toBe(top);
		await ui.press(KEY.down.repeat(rows));
		expect(ui.live().join('\n')).toMatch(/› {2}Threshold\s+‹ 9\.0 relative to Claude \(trader\) ›/);
		// Two steps right in one write: 9.0 -> 10.0 (0.5 a step).
		await ui.press(KEY.right.repeat(2));
		expect(ui.live().join('\n')).toMatch(/‹ 10\.0 relative to Claude \(trader\) ›/);
		await ui.press(KEY.left.repeat(2));
		await ui.press(KEY.up.repeat(rows));
		await ui.press(KEY.enter);
		await ui.until('Verdict — round 1');
		// Enter twice in one write: the second lands on the next page, not on the same one twice.
		await ui.press(KEY.enter);
		await ui.until('Escalation after round 1');
		await ui.press(KEY.down.repeat(2));
		expect(ui.live().join('\n')).toMatch(/› Skip: stop here/);
		await ui.press(`${KEY.up}${KEY.up}${KEY.up}${KEY.down}`);
		expect(ui.live().join('\n')).toMatch(/› Swap to llama3\.3:70b/);
		await runner.close();
	});

	it('answers a question once when Enter arrives twice in one write', async () => {
		const h = harness(world);
		const runner = await h.start();
		const ui = renderSized(runner, 80, 24);
		unmount = ui.unmount;
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1', 'Escalation after round 1']);
		await ui.press(`${KEY.down}${KEY.enter}${KEY.enter}`);
		await ui.until('Verdict — final');
		await runner.close();
		expect(runner.state().results.rounds.filter((record) => record.round === 1).map((record) => record.decision)).toEqual(['swap']);
	});
});
