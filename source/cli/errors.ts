// Turns any failure into one clear line and an exit code: never a stack trace (unless
// TRIFECTA_DEBUG=1), and "what happened — what to do" wherever we know what to do.
import {ProviderError} from '../providers/errors.js';
import {UsageError} from './flags.js';
import {fsErrorMessage} from '../system/fsErrorMessage.js';

export const EXIT = {ok: 0, failed: 1, usage: 2, decisionNeeded: 3, interrupted: 130} as const;

export function describeFailure(error: unknown): {message: string; code: number} {
	if (error instanceof UsageError) return {message: error.message, code: EXIT.usage};
	if (error instanceof ProviderError) {
		if (error.kind === 'canceled') {
			return {message: 'Interrupted. Results measured so far are kept; run the same command again to continue.', code: EXIT.interrupted};
		}
		return {message: error.userMessage, code: EXIT.failed};
	}
	const fsMessage = fsErrorMessage(error);
	if (fsMessage !== null) return {message: fsMessage, code: EXIT.failed};
	if (error instanceof Error) {
		// Our own errors (results file corrupt or locked, prompts missing…) already say what to do.
		const ours = /Error$/.test(error.name) && error.name !== 'Error' && error.name !== 'TypeError' && error.name !== 'SyntaxError';
		return {message: ours ? error.message : `trifecta failed: ${error.message}`, code: EXIT.failed};
	}
	return {message: `trifecta failed: ${String(error)}`, code: EXIT.failed};
}
