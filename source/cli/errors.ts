// Turns any failure into one clear line and an exit code: never a stack trace (unless
// TRIFECTA_DEBUG=1). The line itself comes from userMessage (system/userMessage.ts), the one place
// errors become text; this adds only what the exit needs: the code, and the framing of an
// interrupt or of an error trifecta did not expect.
import {ProviderError} from '../providers/errors.js';
import {isOwnError, isUserFacing, userMessage} from '../system/userMessage.js';
import {fsErrorMessage} from '../system/fsErrorMessage.js';

/** A command line trifecta cannot run: the message says which flag or argument, and exit code 2 follows. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export const EXIT = {ok: 0, failed: 1, usage: 2, decisionNeeded: 3, interrupted: 130} as const;

export function describeFailure(error: unknown): {message: string; code: number} {
	if (error instanceof UsageError) return {message: userMessage(error), code: EXIT.usage};
	if (error instanceof ProviderError && error.kind === 'canceled') {
		return {message: 'Interrupted. Results measured so far are kept; run the same command again to continue.', code: EXIT.interrupted};
	}
	const expected = isUserFacing(error) || fsErrorMessage(error) !== null || (error instanceof Error && isOwnError(error));
	return {message: expected ? userMessage(error) : `trifecta failed: ${userMessage(error)}`, code: EXIT.failed};
}
