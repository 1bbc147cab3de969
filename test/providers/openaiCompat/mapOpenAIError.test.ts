import {APIConnectionError, BadRequestError, InternalServerError} from 'openai';
import {describe, expect, it} from 'vitest';
import {mapOpenAIError} from '../../../source/providers/openaiCompat/mapOpenAIError.js';

const host = 'http://127.0.0.1:11434';

describe('mapOpenAIError', () => {
	it('keys "does not support tools" on status and message even when the type says api_error (#6027)', () => {
		const body = {message: 'registry.ollama.ai/library/gemma3:4b does not support tools', type: 'api_error', param: null, code: null};
		const error = new BadRequestError(400, body, undefined, new Headers());
		expect(mapOpenAIError(error, {host, model: 'gemma3:4b'})).toMatchObject({kind: 'tools-unsupported', status: 400});
	});

	it('maps 503 to server-busy and connection errors to unreachable', () => {
		const busy = new InternalServerError(503, {message: 'server busy, please try again.  maximum pending requests exceeded'}, undefined, new Headers());
		expect(mapOpenAIError(busy, {host}).kind).toBe('server-busy');
		expect(mapOpenAIError(new APIConnectionError({message: 'Connection error.'}), {host})).toMatchObject({
			kind: 'unreachable',
			message: `Ollama is not running at ${host}`,
		});
	});
});
