// The wizard end to end in a real pseudo-terminal of 80x24: the built CLI against the demo
// simulator, walked with keystrokes through round 1, quit at the escalation, resumed, escalated,
// then the configs offer: the diff shown, Write, the pipeline patched. Never a full-screen clear.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/runCli.js';
import {waitFor} from '../helpers/testUtils.js';
import type {ResultsFile} from '../../source/domain/schema.js';
import {tempDir} from './headless.js';
import {pipelineCopy} from '../output/helpers.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const ESC = '\u001B';

type Session = {
	pty: IPty;
	/** Waits for text printed after the last thing waited for. */
	see(text: string, ms?: number): Promise<void>;
	/** Which of these appears first (after the last thing waited for). */
	first(texts: string[], ms?: number): Promise<string>;
	key(sequence: string): Promise<void>;
	exited: Promise<number>;
	screen(): string;
	/** Everything written, escape sequences included. */
	raw(): string;
};

function start(dir: string, pipelineDir: string): Session {
	const pty = spawn(process.execPath, [CLI, '--demo', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs'), '--pipeline-dir', pipelineDir, '--threshold', '9.9'], {
		name: 'xterm-256color',
		cols: 80,
		rows: 24,
		cwd: dir,
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'xdg'), TERM: 'xterm-256color', NO_COLOR: '1', TRIFECTA_DEMO_PACE: '0'},
	});
	let output = '';
	let raw = '';
	let mark = 0;
	pty.onData((data) => {
		raw += data;
		output += stripAnsi(data);
	});
	const exited = new Promise<number>((resolve) => pty.onExit(({exitCode}) => resolve(exitCode)));
	/** The earliest of `texts` printed after the mark (text only ever appends, so it stays the earliest). */
	const earliest = (texts: string[]) => {
		const rest = output.slice(mark);
		return texts.map((text) => ({text, at: rest.indexOf(text)})).filter((hit) => hit.at !== -1).sort((a, b) => a.at - b.at)[0];
	};
	const first = async (texts: string[], ms = 20_000) => {
		await waitFor(() => earliest(texts) !== undefined, () => `one of ${JSON.stringify(texts)}; screen so far:\n${output.slice(-3000)}`, ms);
		const hit = earliest(texts);
		if (hit === undefined) throw new Error('unreachable: waitFor saw it');
		mark += hit.at + hit.text.length;
		return hit.text;
	};
	return {
		pty,
		first,
		see: async (text, ms) => {
			await first([text], ms);
		},
		key: async (sequence) => {
			// What the terminal shows from here on answers this key, not a redraw from before it.
			mark = output.length;
			const sent = raw.length;
			pty.write(sequence);
			// Resolves once the key has drawn something (or ended the program): the next key then
			// lands on the screen this one brought. A key nothing answers fails here, by name.
			let ended = false;
			void exited.then(() => {
				ended = true;
			});
			await waitFor(() => ended || raw.length > sent, () => `the screen to change after the key ${JSON.stringify(sequence)}; screen so far:\n${output.slice(-3000)}`, 20_000);
		},
		exited,
		screen: () => output,
		raw: () => raw,
	};
}

const results = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as ResultsFile;

describe.runIf(existsSync(CLI))('the wizard in a real terminal', () => {
	it('walks round 1, quits at the escalation, resumes there and escalates to the end', async () => {
		const dir = tempDir('trifecta-pty-');
		const pipeline = pipelineCopy();

		const first = start(dir, pipeline);
		await first.see('Preflight');
		expect(first.screen()).toContain('SIMULATED');
		await first.key(ENTER);
		await first.see('Plan — the ladder');
		await first.key(ENTER);
		await first.see('Verdict — round 1: qwen2.5:32b', 60_000);
		await first.key(ENTER);
		await first.see('Escalation after round 1');
		await first.key('q');
		await first.see('Quit trifecta?');
		await first.key('y');
		// Quit before the end: interrupted, 130 (partial results kept).
		expect(await first.exited).toBe(130);
		// The last frame drawn after the question says the wizard quit (the output is the whole stream).
		expect(first.screen().slice(first.screen().lastIndexOf('Quit trifecta?'))).toContain('Quit. Quitting keeps every result');
		expect(first.screen()).toContain(`Run \`trifecta --demo --results-dir ${dir} --pipeline-dir ${pipeline}\` again to resume`);
		const afterQuit = results(dir);
		expect(afterQuit.rounds).toEqual([]);
		expect(afterQuit.models.find((model) => model.name === 'qwen2.5:32b')?.speed).toBeDefined();

		const second = start(dir, pipeline);
		await second.see('Preflight');
		await second.key(ENTER);
		await second.see('Plan — the ladder');
		await second.key(ENTER);
		await second.see('Verdict — round 1: qwen2.5:32b', 60_000);
		// Resumed at the decision: no measurement of round 1 ran again. (The demo's simulator starts
		// afresh in each process, so it may pull the 32B again; a real Ollama keeps it.)
		expect(second.screen()).not.toContain('round 1 · bench');
		expect(second.screen()).not.toContain('round 1 · compare');
		expect(second.screen()).not.toContain('round 1 · tools');
		await second.key(ENTER);
		await second.see('Escalation after round 1');
		await second.key(ENTER);
		// Each page is answered once: Ink redraws a page several times, so the next page is waited for
		// by name rather than by any title that may still be arriving from the one before.
		for (;;) {
			const next = await second.first(['Verdict — final', 'Verdict — round 2', 'Make room for'], 90_000);
			if (next === 'Verdict — final') break;
			await second.key(ENTER);
			if (next === 'Verdict — round 2') {
				await second.see('Escalation after round 2');
				await second.key(ENTER);
			}
		}
		await second.key(ENTER);
		await second.see('Hybrid configs for');
		expect(existsSync(path.join(dir, 'hybrid-configs.json'))).toBe(false);
		// Show the diff (in its own view; Esc back to the offer), then Write.
		await second.key(DOWN);
		await second.key(ENTER);
		await second.see('+++ b/src/hybrid_llm.py');
		await second.key(ESC);
		await second.see('› Show the diff');
		await second.key(UP);
		await second.key(ENTER);
		await second.see('Done');
		await second.see('Files written:');
		await second.key(ENTER);
		expect(await second.exited).toBe(0);
		expect(readFileSync(path.join(pipeline, 'src/hybrid_llm.py'), 'utf8')).toMatch(/"hybrid_(qwen72|llama70|qwen32)"/);
		// A frame as tall as the terminal makes Ink clear the screen and the scrollback: never.
		for (const session of [first, second]) expect(session.raw()).not.toContain('\u001B[2J');

		const final = results(dir);
		expect(final.simulated).toBe(true);
		expect(final.rounds[0]).toMatchObject({round: 1, decision: 'escalate'});
		expect(final.rounds.some((record) => record.decision === 'recommend' || record.decision === 'ceiling')).toBe(true);
		expect(existsSync(path.join(dir, 'hybrid-configs.json'))).toBe(final.recommendation?.model !== null);
		expect(readFileSync(path.join(dir, 'docs', 'TASK_005_REPORT.md'), 'utf8')).toContain('SIMULATED');
		expect(second.screen()).toContain(path.join(pipeline, 'src/hybrid_llm.py'));
	}, 240_000);
});
