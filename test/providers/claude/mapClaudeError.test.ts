import {APIError, AuthenticationError, OverloadedError} from '@anthropic-ai/sdk';
import {describe, expect, it} from 'vitest';
import {mapClaudeError} from '../../../source/providers/claude/mapClaudeError.js';

const apiKey = 'sk-ant-api03-very-secret-key';
const ctx = {apiKey, baseURL: 'https://api.anthropic.com'};

describe('mapClaudeError', () => {
	it('never repeats the API key, even when the server echoes it', () => {
		const echoed = new APIError(400, {error: {type: 'invalid_request_error', message: `bad header ${apiKey}`}}, undefined, new Headers());
		const mapped = mapClaudeError(echoed, ctx);
		expect(mapped.kind).toBe('bad-request');
		expect(mapped.userMessage).not.toContain(apiKey);
		expect(mapped.userMessage).toContain('[redacted]');
	});

	it('tells a mid-stream overloaded error (no status) from a 529 before the stream', () => {
		const midStream = new APIError(undefined, {type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}}, undefined, undefined);
		expect(mapClaudeError(midStream, ctx).kind).toBe('claude-stream-error');
		const before = new OverloadedError(529, {type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}}, undefined, new Headers());
		expect(mapClaudeError(before, ctx).kind).toBe('claude-overloaded');
	});

	it('401 says to check ANTHROPIC_API_KEY', () => {
		const denied = new AuthenticationError(401, {error: {type: 'authentication_error', message: 'invalid x-api-key'}}, undefined, new Headers());
		expect(mapClaudeError(denied, ctx)).toMatchObject({kind: 'claude-auth', hint: expect.stringContaining('ANTHROPIC_API_KEY')});
	});
});
