// The one way an error becomes text for the user, wherever it is shown (the CLI's last line, a
// step's error event, the wizard's "step failed" page, a cell of the comparison): what happened
// and, where we know it, what to do. Never a stack trace. It lives in the lowest layer so every
// layer can use it; errors from higher layers are recognised by shape, not by class.
import {fsErrorMessage} from './fsErrorMessage.js';

/** An error that carries its own line for users (ProviderError, PullRefusedError): "what — what to do". */
export type UserFacingError = Error & {readonly userMessage: string};

export function isUserFacing(error: unknown): error is UserFacingError {
	return error instanceof Error && typeof (error as {userMessage?: unknown}).userMessage === 'string';
}

/**
 * Errors trifecta throws on purpose (UsageError, CorruptResultsError, ResultsLockedError…) are
 * named for what went wrong and their message already says what to do; Node's and a library's
 * generic ones (Error, TypeError…) are not ours, and say only what broke.
 */
export function isOwnError(error: Error): boolean {
	return /.Error$/.test(error.name) && !['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'AggregateError', 'SystemError'].includes(error.name);
}

export function userMessage(error: unknown): string {
	if (isUserFacing(error)) return error.userMessage;
	const fsMessage = fsErrorMessage(error);
	if (fsMessage !== null) return fsMessage;
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}
