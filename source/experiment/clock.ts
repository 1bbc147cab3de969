// The one clock every time figure of a run is read from (step spans, the Claude queue's spans,
// pull speed, the live rate gauge). Ollama's counters are in the server's time; on a real server
// that is the wall clock. The demo's simulator reports an M3 Max's counters while streaming faster
// (docs/DESIGN.md: the demo), so its clock is simulated time, the same time as its counters.
export type Clock = {
	/** Milliseconds on this run's clock (an arbitrary origin; differences only). */
	now(): number;
	/** The server reported work it did without spending real time on it (the demo flat out). */
	advance(ms: number): void;
};

export function realClock(real: () => number = () => performance.now()): Clock {
	return {now: real, advance: () => undefined};
}

/**
 * The demo's clock at `pace` real ms per simulated ms: real time divided by the pace. At pace 0
 * the simulator answers at once, so real time says nothing: the clock moves only by the server
 * time its counters report (a stream's tokens all arrive at one instant, so no live rate shows).
 */
export function demoClock(pace: number, real: () => number = () => performance.now()): Clock {
	if (pace > 0) return {now: () => real() / pace, advance: () => undefined};
	let advanced = 0;
	return {
		now: () => advanced,
		advance: (ms) => {
			if (Number.isFinite(ms) && ms > 0) advanced += ms;
		},
	};
}
