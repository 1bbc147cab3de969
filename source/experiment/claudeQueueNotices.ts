// The Claude queue as every command builds it: its pauses said where the user is looking. A pause
// is a warning naming the reason, how long the API asked for and when requests resume; while it
// lasts, the time left is counted down (a screen replaces the last tick, plain lines print each), so a wait never
// reads as a hang or a stall. A burst of short pauses for one reason is said once, not per request.
import {ClaudeQueue, type ClaudeQueueOptions} from './claudeQueue.js';
import type {Emit} from './events.js';

/** Every countdown notice starts so: a screen keeps only the latest, so it reads as one ticking line. */
export const CLAUDE_COUNTDOWN_PREFIX = 'Claude requests paused by the rate limit';

/** The same reason again within this long is the same spell of rate limiting, already said. */
const REPEAT_AFTER_MS = 30_000;

function clock(at: Date): string {
	return at.toTimeString().slice(0, 8);
}

function seconds(ms: number): string {
	return ms < 1000 ? 'a moment' : `${Math.ceil(ms / 1000)} s`;
}

export function announcedClaudeQueue(emit: Emit, options: Omit<ClaudeQueueOptions, 'onBackoff' | 'onCountdown'> = {}): ClaudeQueue {
	let last: {reason: string; at: number; until: number} | null = null;
	return new ClaudeQueue({
		...options,
		onBackoff: (ms, reason) => {
			const now = Date.now();
			const until = now + ms;
			// Said again when the reason changes, when it has been a while, or when the wait grows.
			if (last && last.reason === reason && now - last.at < REPEAT_AFTER_MS && until <= last.until + 1000) return;
			last = {reason, at: now, until};
			emit({type: 'warning', message: `${reason} — pausing Claude requests for ${seconds(ms)} (until ${clock(new Date(until))}), then trying again; nothing measured is lost`});
		},
		onCountdown: (remainingMs) => emit({type: 'warning', message: `${CLAUDE_COUNTDOWN_PREFIX}: resuming in ${Math.ceil(remainingMs / 1000)} s`}),
	});
}
