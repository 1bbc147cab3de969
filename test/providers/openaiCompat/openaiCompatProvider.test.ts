// The /v1/chat/completions path the pipeline's LangChain ChatOpenAI takes, against the simulator.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import type {ChatMessage, OpenAICompatProvider, ToolSchema} from '../../../source/providers/types.js';
import {profileFor, startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

let sim: SimulatorHandle;
let openai: OpenAICompatProvider;
let consoleSpies: ReturnType<typeof vi.spyOn>[];

beforeEach(async () => {
	sim = await startSimulator({
		profiles: [profileFor('qwen2.5:14b'), profileFor('gemma3:4b', {tools: 'unsupported'})],
		installed: ['qwen2.5:14b', 'gemma3:4b'],
	});
	openai = createOpenAICompatProvider({host: sim.url, maxRetries: 0});
	consoleSpies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(async () => {
	for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
	vi.restoreAllMocks();
	await sim.close();
});

const stockTool: ToolSchema = {
	type: 'function',
	function: {
		name: 'get_stock_data',
		description: 'Price history for a ticker',
		parameters: {type: 'object', properties: {symbol: {type: 'string'}, start_date: {type: 'string'}, end_date: {type: 'string'}}, required: ['symbol']},
	},
};

const toolQuestion: ChatMessage[] = [{role: 'user', content: 'Get the last 30 days of stock data for AAPL.'}];

describe('OpenAI-compatible adapter', () => {
	it('streams a plain answer with finish_reason, usage, ttft and elapsed time', async () => {
		const result = await openai.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Explain the bull case for Apple stock.'}], temperature: 0, seed: 42, maxTokens: 256});
		expect(result.content.length).toBeGreaterThan(20);
		expect(result.toolCalls).toEqual([]);
		expect(result.finishReason).toBe('stop');
		expect(result.usage?.completionTokens).toBeGreaterThan(0);
		expect(result.usage?.promptTokens).toBeGreaterThan(0);
		expect(result.ttftMs).not.toBeNull();
		expect(result.elapsedMs).toBeGreaterThanOrEqual(result.ttftMs!);
		const sent = sim.requests.find((request) => request.path === '/v1/chat/completions');
		expect(sent?.body).toMatchObject({stream: true, stream_options: {include_usage: true}, temperature: 0, seed: 42, max_tokens: 256});
	});

	it('parses tool-call arguments from the JSON string and keeps the raw string', async () => {
		const result = await openai.chat({model: 'qwen2.5:14b', messages: toolQuestion, tools: [stockTool], temperature: 0});
		expect(result.finishReason).toBe('tool_calls');
		expect(result.toolCalls).toHaveLength(1);
		const [call] = result.toolCalls;
		expect(call?.name).toBe('get_stock_data');
		expect(call?.arguments).toMatchObject({symbol: 'AAPL'});
		expect(typeof call?.rawArguments).toBe('string');
		expect(JSON.parse(call!.rawArguments!)).toEqual(call?.arguments);
	});

	it('sends a tool result back in the shape the endpoint accepts', async () => {
		const first = await openai.chat({model: 'qwen2.5:14b', messages: toolQuestion, tools: [stockTool]});
		const call = first.toolCalls[0]!;
		const second = await openai.chat({
			model: 'qwen2.5:14b',
			tools: [stockTool],
			messages: [
				...toolQuestion,
				{role: 'assistant', content: '', toolCalls: [call]},
				{role: 'tool', content: '{"close": 227.52, "change_30d": "+4.1%"}', toolCallId: call.id, toolName: call.name},
			],
		});
		const body = sim.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.body as {messages: unknown[]};
		expect(body.messages[1]).toMatchObject({role: 'assistant', tool_calls: [{id: call.id, type: 'function', function: {name: 'get_stock_data', arguments: call.rawArguments}}]});
		expect(body.messages[2]).toMatchObject({role: 'tool', tool_call_id: call.id});
		expect(second.finishReason).not.toBeNull();
	});

	it('lists models by id', async () => {
		expect((await openai.listModels()).sort()).toEqual(['gemma3:4b', 'qwen2.5:14b']);
	});

	it('tools-unsupported: 400 "does not support tools", keyed on status and message', async () => {
		await expect(openai.chat({model: 'gemma3:4b', messages: toolQuestion, tools: [stockTool]})).rejects.toMatchObject({kind: 'tools-unsupported', status: 400});
	});

	it('model-not-found: 404 with a pull hint', async () => {
		await expect(openai.chat({model: 'qwen2.5:72b', messages: toolQuestion})).rejects.toMatchObject({
			kind: 'model-not-found',
			status: 404,
			hint: 'pull it with `trifecta pull qwen2.5:72b`',
		});
	});

	it('server-busy: 503 once the SDK retries are used up', async () => {
		sim.injectOllamaFault({kind: 'busy', times: 1}, '/v1/chat/completions');
		await expect(openai.chat({model: 'qwen2.5:14b', messages: toolQuestion})).rejects.toMatchObject({kind: 'server-busy', status: 503});
	});

	it('unreachable: the server is gone', async () => {
		const url = sim.url;
		await sim.close();
		await expect(openai.chat({model: 'qwen2.5:14b', messages: toolQuestion})).rejects.toMatchObject({kind: 'unreachable', message: `Ollama is not running at ${url}`});
	});

	it.each([false, true])('a connection cut mid-answer (reset: %s) says so, not "unexpected error" or "not running"', async (reset) => {
		sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 3, reset}, '/v1/chat/completions');
		const error = await openai.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Explain the bull case for Apple stock.'}]}).catch((thrown: unknown) => thrown);
		expect(error).toMatchObject({kind: 'stream-incomplete', message: `The connection to Ollama at ${sim.url} was reset or closed mid-answer; the partial answer was not kept`});
		expect(String((error as Error).message)).not.toMatch(/not running|Unexpected/);
	});

	it('canceled: aborting the signal mid-stream throws instead of returning half an answer', async () => {
		sim.injectOllamaFault({kind: 'stall', afterChunks: 2}, '/v1/chat/completions');
		const controller = new AbortController();
		const pending = openai.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Explain the bull case for Apple stock.'}]}, {signal: controller.signal});
		await vi.waitFor(() => expect(sim.requests.some((request) => request.path === '/v1/chat/completions')).toBe(true));
		setTimeout(() => controller.abort(), 20);
		await expect(pending).rejects.toMatchObject({kind: 'canceled'});
		await vi.waitFor(() => expect(sim.requests.find((request) => request.path === '/v1/chat/completions')?.aborted).toBe(true));
	});
});

describe('OpenAI-compatible adapter: a server that is not Ollama', () => {
	it('an SSE line that never ends is cut off past the size cap, before the SDK buffers it all', async () => {
		const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
		let sent = 0;
		// One `data:` line that never ends: the SDK's line decoder would hold all of it.
		const endless: typeof fetch = async () =>
			new Response(
				new ReadableStream<Uint8Array>({
					start: (controller) => controller.enqueue(new TextEncoder().encode('data: {"choices":[{"delta":{"content":"')),
					pull: (controller) => {
						sent += chunk.byteLength;
						controller.enqueue(chunk);
					},
				}),
				{status: 200, headers: {'content-type': 'text/event-stream'}},
			);
		const provider = createOpenAICompatProvider({host: 'http://127.0.0.1:9', maxRetries: 0, fetch: endless});
		const error = await provider.chat({model: 'qwen2.5:14b', messages: toolQuestion, maxTokens: 64}).then(
			() => null,
			(caught: unknown) => caught as {kind: string; message: string},
		);
		expect(error).toMatchObject({kind: 'in-band'});
		expect(error?.message).toMatch(/sent more than 16 MB for one response; it was cut off/);
		// Read no further than the cap and what was in flight.
		expect(sent).toBeLessThan(20 * 1024 * 1024);
	});
});
