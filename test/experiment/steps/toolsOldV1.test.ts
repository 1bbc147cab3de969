// Ollama before v0.11.4 keeps only the content of a string-content assistant turn on /v1 and drops its
// tool_calls (openai/openai.go, fromChatRequest); LangChain sends `content: null` beside tool calls, which
// that version keeps. The "use the tool's result" scenario must test the conversation the pipeline sends.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {profileFor} from '../../../source/simulator/index.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {runTools} from '../../../source/experiment/steps/tools.js';
import type {ToolCallingResult} from '../../../source/domain/schema.js';
import {stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

describe.each(['0.11.3', '0.11.4', '0.32.15'])('Ollama %s on /v1: a tool result after the call', (version) => {
	let harness: StepHarness;
	let results: Record<string, ToolCallingResult>;

	beforeAll(async () => {
		harness = await stepHarness({sim: {version, profiles: [profileFor('good-tools:8b', {tools: 'good'})], installed: ['good-tools:8b']}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url, maxRetries: 0});
		results = await runTools(harness.ctx, ['good-tools:8b']);
	});
	afterAll(async () => harness.close());

	it('the model answers with the result, on /v1 as on /api/chat', () => {
		for (const endpoint of ['native', 'openai'] as const) {
			const useResult = results['good-tools:8b']?.[endpoint]?.scenarios.find((scenario) => scenario.id === 'use-result');
			expect(useResult, endpoint).toMatchObject({outcome: 'pass'});
		}
	});

	it('the assistant turn that made the call goes out with content null, as LangChain sends it', () => {
		const turns = harness.sim.requests
			.filter((request) => request.path === '/v1/chat/completions')
			.flatMap((request) => (request.body as {messages: {role: string; content: unknown; tool_calls?: unknown[]}[]}).messages)
			.filter((message) => message.role === 'assistant' && (message.tool_calls?.length ?? 0) > 0);
		expect(turns.length).toBeGreaterThan(0);
		for (const turn of turns) expect(turn.content).toBeNull();
	});
});
