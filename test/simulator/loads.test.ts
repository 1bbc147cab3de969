// The simulator's runner lifecycle, as Ollama's scheduler has it (server/sched.go, v0.32): a
// model in use never expires, keep_alive counts from the end of its last request, a request at
// another num_ctx reloads it, and every load is logged for the orchestration figures.
import {describe, expect, it} from 'vitest';
import {parseKeepAlive as parse, type KeepAlive} from '../../source/simulator/keepAlive.js';
import {profileFor} from '../../source/simulator/profiles.js';
import {SimState} from '../../source/simulator/state.js';

const MODEL = 'qwen2.5:14b';

/** A keep_alive the engine would accept (it answers an invalid one 400 before it uses a model). */
function parseKeepAlive(value: string | undefined): Exclude<KeepAlive, {kind: 'invalid'}> {
	const keepAlive = parse(value);
	if (keepAlive.kind === 'invalid') throw new Error(keepAlive.message);
	return keepAlive;
}

function state(timeScale = 0): SimState {
	return new SimState([profileFor(MODEL)], [MODEL], timeScale);
}

describe('simulated runner lifecycle', () => {
	it('keeps a model loaded while a request runs longer than its keep_alive, and counts from the end', () => {
		const sim = state();
		const profile = sim.profile(MODEL)!;
		expect(sim.use(profile, 8192, parseKeepAlive('5m'), 0)).toEqual({cold: true});
		expect(sim.loadedNames(10 * 60_000)).toEqual([MODEL]);
		sim.release(profile, 10 * 60_000);
		expect(sim.loadedNames(14 * 60_000)).toEqual([MODEL]);
		expect(sim.loadedNames(15 * 60_000 + 1)).toEqual([]);
	});

	it('reuses a warm model at the same num_ctx and reloads it at another, logging each load', () => {
		const sim = state();
		const profile = sim.profile(MODEL)!;
		sim.use(profile, 8192, parseKeepAlive('60m'), 0);
		sim.release(profile, 1);
		expect(sim.use(profile, 8192, parseKeepAlive('60m'), 2)).toEqual({cold: false});
		sim.release(profile, 3);
		expect(sim.use(profile, 32768, parseKeepAlive(undefined), 4)).toEqual({cold: true});
		expect(sim.loadLog().map((load) => load.numCtx)).toEqual([8192, 32768]);
	});

	it('runs keep_alive on the simulated clock when paced', () => {
		const sim = state(0.01);
		const profile = sim.profile(MODEL)!;
		sim.use(profile, 8192, parseKeepAlive('10m'), 0);
		sim.release(profile, 0);
		// 10 simulated minutes at a pace of 0.01 are 6 real seconds.
		expect(sim.loadedNames(5_999)).toEqual([MODEL]);
		expect(sim.loadedNames(6_001)).toEqual([]);
	});
});
