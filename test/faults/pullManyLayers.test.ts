// A pull of thousands of layers on a terminal (a hostile or broken registry): the live screen and
// the plain lines both cost time in proportion to the pull's lines, so 5,000 layers finish in
// seconds (2,000 took 18.5 s, and 10,000 never finished, when every line re-walked every layer).
// The TTY case runs the built CLI under `script`, a real pseudo-terminal of 80x24.
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {defaultProfiles, profileFor} from '../../source/simulator/index.js';
import {CLI} from '../helpers/runCli.js';
import {faultLab, tempDir, type Lab} from './harness.js';

const MODEL = 'qwen2.5:32b';
const LAYERS = 5000;

let lab: Lab | null = null;
const dirs: string[] = [];
afterEach(async () => {
	await lab?.close();
	lab = null;
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function manyLayerLab(): Promise<Lab> {
	const base = profileFor(MODEL);
	const layers = Array.from({length: LAYERS}, (_, index) => ({...base.layers[0]!, digest: `sha256:${index.toString(16).padStart(64, '0')}`, size: 1000}));
	const profiles = [...defaultProfiles().filter((profile) => profile.name !== MODEL), {...base, layers, sizeBytes: LAYERS * 1000}];
	return faultLab({profiles});
}

function scriptAvailable(): boolean {
	try {
		execFileSync('script', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/** Runs `trifecta pull` on a pseudo-terminal; resolves with the exit code and the bytes drawn. */
function pullOnTerminal(current: Lab, timeoutMs: number): Promise<{code: number | null; drawn: number}> {
	const conf = tempDir('trifecta-tty-conf-');
	dirs.push(conf);
	const command = `stty rows 24 cols 80; exec '${process.execPath}' '${CLI}' pull ${MODEL} --host ${current.sim.url} --results-dir '${current.dir}'`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		env: {PATH: process.env['PATH'], HOME: process.env['HOME'], TERM: 'xterm-256color', XDG_CONFIG_HOME: conf, TRIFECTA_DEMO_PACE: '0'},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let drawn = 0;
	child.stdout.on('data', (chunk: Buffer) => (drawn += chunk.length));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the pull of ${LAYERS} layers did not finish in ${timeoutMs / 1000} s (${drawn} bytes drawn)`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, drawn});
		});
	});
}

describe(`a pull of ${LAYERS} layers`, () => {
	it('on a terminal: the live screen finishes, drawing each finished layer once', {timeout: 90_000}, async (ctx) => {
		if (!scriptAvailable()) ctx.skip('`script` (util-linux) is not installed: no pseudo-terminal to run the live screen on');
		lab = await manyLayerLab();
		const result = await pullOnTerminal(lab, 80_000);
		expect(result.code).toBe(0);
		expect(lab.sim.installed()).toContain(MODEL);
		// About one line per finished layer plus the frames: far from redrawing every layer per frame.
		expect(result.drawn).toBeLessThan(LAYERS * 400);
	});

	it('without a terminal: the plain lines finish', {timeout: 90_000}, async () => {
		lab = await manyLayerLab();
		const result = await lab.cli(['pull', MODEL], {timeoutMs: 80_000});
		expect(result.code).toBe(0);
		expect(lab.results().models.find((model) => model.name === MODEL)?.pull?.status).toBe('pulled');
	});
});
