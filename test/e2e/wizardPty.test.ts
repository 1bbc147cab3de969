// The wizard end to end in a real pseudo-terminal: the built CLI against the demo simulator,
// walked with keystrokes through round 1, quit at the escalation, resumed, escalated to the end.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/runCli.js';
import type {ResultsFile} from '../../source/output/schema.js';
import {tempDir} from './headless.js';

const ENTER = '\r';

type Session = {
	pty: IPty;
	/** Waits for text printed after the last thing waited for. */
	see(text: string, ms?: number): Promise<void>;
	/** Which of these appears first (after the last thing waited for). */
	first(texts: string[], ms?: number): Promise<string>;
	key(sequence: string): Promise<void>;
	exited: Promise<number>;
	screen(): string;
};

function start(dir: string): Session {
	const pty = spawn(process.execPath, [CLI, '--demo', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], {
		name: 'xterm-256color',
		cols: 80,
		rows: 50,
		cwd: dir,
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'xdg'), TERM: 'xterm-256color', NO_COLOR: '1', TRIFECTA_DEMO_PACE: '0'},
	});
	let output = '';
	let mark = 0;
	pty.onData((data) => (output += stripAnsi(data)));
	const exited = new Promise<number>((resolve) => pty.onExit(({exitCode}) => resolve(exitCode)));
	const first = async (texts: string[], ms = 20_000) => {
		const started = Date.now();
		for (;;) {
			const rest = output.slice(mark);
			const hits = texts.map((text) => ({text, at: rest.indexOf(text)})).filter((hit) => hit.at !== -1).sort((a, b) => a.at - b.at);
			const hit = hits[0];
			if (hit) {
				mark += hit.at + hit.text.length;
				return hit.text;
			}
			if (Date.now() - started > ms) throw new Error(`none of ${JSON.stringify(texts)} appeared; screen so far:\n${output.slice(-3000)}`);
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	};
	return {
		pty,
		first,
		see: async (text, ms) => {
			await first([text], ms);
		},
		key: async (sequence) => {
			// Give Ink a moment to subscribe the new screen's handler before the key lands.
			await new Promise((resolve) => setTimeout(resolve, 150));
			pty.write(sequence);
		},
		exited,
		screen: () => output,
	};
}

const results = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as ResultsFile;

describe.runIf(existsSync(CLI))('the wizard in a real terminal', () => {
	it('walks round 1, quits at the escalation, resumes there and escalates to the end', async () => {
		const dir = tempDir('trifecta-pty-');

		const first = start(dir);
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
		expect(await first.exited).toBe(0);
		expect(first.screen()).toContain('Start trifecta again to resume');
		const afterQuit = results(dir);
		expect(afterQuit.rounds).toEqual([]);
		expect(afterQuit.models.find((model) => model.name === 'qwen2.5:32b')?.speed).toBeDefined();

		const second = start(dir);
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
		for (;;) {
			const next = await second.first(['Verdict — final', 'Escalation after round 2', 'Verdict — round 2', 'Make room for'], 90_000);
			if (next === 'Verdict — final') break;
			await second.key(ENTER);
		}
		await second.key(ENTER);
		await second.see('Hybrid configs');
		// The demo's sample pipeline can take the configs: leave it unpatched here.
		if (second.screen().includes('Patch it?')) await second.key('n');
		await second.key(ENTER);
		await second.see('Done');
		await second.key(ENTER);
		expect(await second.exited).toBe(0);

		const final = results(dir);
		expect(final.simulated).toBe(true);
		expect(final.rounds[0]).toMatchObject({round: 1, decision: 'escalate'});
		expect(final.rounds.some((record) => record.decision === 'recommend' || record.decision === 'ceiling')).toBe(true);
		expect(existsSync(path.join(dir, 'hybrid-configs.json'))).toBe(final.recommendation?.model !== null);
		expect(readFileSync(path.join(dir, 'docs', 'TASK_005_REPORT.md'), 'utf8')).toContain('SIMULATED');
		expect(second.screen()).toContain('Written: ');
	}, 240_000);
});
