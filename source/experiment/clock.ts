// The one clock every time figure of a run is read from (step spans, the Claude queue's spans,
// pull speed, the live rate gauge). Ollama's counters are in the server's time; on a real server
// that is the wall clock. The demo's simulator reports an M3 Max's counters while streaming faster
// (docs/DESIGN.md: the demo), so its clock is simulated time, the same time as its counters.
export type Clock = {
	/** Milliseconds on this run's clock (an arbitrary origin; differences only). */
	now(): number;
	/** The server reported work it did without spending real time on it (the demo flat out). */
	advance(ms: number): void;
	/** A download moved `bytes`: on the demo flat out, the time they take at the demo's download rate. */
	transferred(bytes: number): void;
};

export function realClock(real: () => number = () => performance.now()): Clock {
	return {now: real, advance: () => undefined, transferred: () => undefined};
}

/** The demo's download rate in simulated time: its simulator sends this many bytes per real second divided by the pace. */
export const DEMO_DOWNLOAD_BYTES_PER_SECOND = 100e6;

/**
 * The demo's clock at `pace` real ms per simulated ms: real time divided by the pace. At pace 0
 * the simulator answers at once, so real time says nothing: the clock moves only by the server
 * time its counters report (a stream's tokens all arrive at one instant, so no live rate shows)
 * and by the bytes a pull moves, at the demo's download rate.
 */
export function demoClock(pace: number, real: () => number = () => performance.now()): Clock {
	if (pace > 0) return {now: () => real() / pace, advance: () => undefined, transferred: () => undefined};
	let advanced = 0;
	const advance = (ms: number) => {
		if (Number.isFinite(ms) && ms > 0) advanced += ms;
	};
	// A pull has no server counters: without this, 20 GB would arrive in no time at all.
	return {now: () => advanced, advance, transferred: (bytes) => advance((bytes / DEMO_DOWNLOAD_BYTES_PER_SECOND) * 1000)};
}
