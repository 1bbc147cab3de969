// The ProviderError a call ends with; a success or any other error fails the test.
import {ProviderError} from '../../source/providers/errors.js';

export async function failureOf(run: () => Promise<unknown>): Promise<ProviderError> {
	try {
		await run();
	} catch (error) {
		if (error instanceof ProviderError) return error;
		throw error;
	}
	throw new Error('expected a failure');
}

/** Reads a provider's stream to its end (or its error), for `failureOf(() => drain(stream))`. */
export async function drain<T>(stream: AsyncIterable<T>): Promise<void> {
	for await (const event of stream) void event;
}
