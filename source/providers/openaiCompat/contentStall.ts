// The stall timer of a /v1 stream, reset by progress only. The byte-level timer (network/timeouts.ts)
// restarts on every chunk, so a server that sends `: ping` comments or empty deltas forever would hold
// a command open; here only content, reasoning, a tool call or the finish reason count as progress.
import type {FiredTimeout} from '../network/timeouts.js';

export class ContentStall {
	private readonly controller = new AbortController();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private firedTimeout: FiredTimeout | null = null;

	constructor(private readonly stallMs: number) {}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	get fired(): FiredTimeout | null {
		return this.firedTimeout;
	}

	/** The headers arrived: from now on, silence in content counts. */
	start(): void {
		this.progress();
	}

	progress(): void {
		this.clear();
		if (!(this.stallMs > 0) || !Number.isFinite(this.stallMs)) return;
		this.timer = setTimeout(() => {
			this.firedTimeout = {phase: 'stall', ms: this.stallMs};
			this.controller.abort(new Error('stall timeout'));
		}, this.stallMs);
		this.timer.unref?.();
	}

	clear(): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
	}
}
