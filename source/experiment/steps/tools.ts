// The tool-calling test: each model on native /api/chat and on /v1/chat/completions,
// five scenarios each. Results are persisted after every endpoint so Ctrl+C or a dead server
// never loses what was measured; the text grid is written at the end.
import type {EndpointToolResult, ToolCallingResult} from '../../domain/schema.js';
import type {ThinkSetting} from '../../providers/types.js';
import {writeToolTable} from '../../output/toolTable.js';
import type {Endpoint} from '../events.js';
import type {StepContext} from './context.js';
import {isCanceled} from '../../providers/errors.js';
import {modelEntry} from './modelEntry.js';
import {canonicalModelName} from './modelNames.js';
import {thinkOptionFor} from './thinkOption.js';
import {unloadQuietly} from './unloadQuietly.js';
import {createToolDriver} from './toolDrivers.js';
import {runEndpoint} from './toolEndpoint.js';
import {userMessage} from '../../system/userMessage.js';

export const TOOL_ENDPOINTS: readonly Endpoint[] = ['native', 'openai'];

/** Ollama turns a thinking model's reasoning off on /v1 with reasoning_effort "none" from v0.12.4 (openai/openai.go). */
export const V1_THINK_OFF_SINCE = '0.12.4';

function atLeast(version: string, minimum: string): boolean {
	const parts = (text: string) => text.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
	const have = parts(version);
	const want = parts(minimum);
	for (let index = 0; index < 3; index++) if ((have[index] ?? 0) !== (want[index] ?? 0)) return (have[index] ?? 0) > (want[index] ?? 0);
	return true;
}

/**
 * What /v1 can ask of a thinking model so both endpoints test the same thing: reasoning_effort "none"
 * (the pipeline's openai_reasoning_effort carries the same value) where the server takes it, else
 * the model's default, said once.
 */
/** What the native run's `think` is, in the words a tool result records. */
function thinkingOf(think: ThinkSetting | undefined): EndpointToolResult['thinking'] {
	if (think === undefined || think === true) return undefined;
	return think === false ? 'off' : think === 'low' ? 'low' : undefined;
}

async function v1Thinking(ctx: StepContext, model: string, think: ThinkSetting | undefined): Promise<{effort?: string; thinking?: EndpointToolResult['thinking']}> {
	// A served backend's requests carry the chat template's enable_thinking:false (servedProvider.ts).
	if (think === undefined || think === true || ctx.servedBy) return {};
	let version = '';
	try {
		version = await ctx.ollama.version({signal: ctx.signal});
	} catch (error) {
		if (isCanceled(error)) throw error;
	}
	if (version !== '' && atLeast(version, V1_THINK_OFF_SINCE)) return {effort: think === false ? 'none' : think, thinking: thinkingOf(think)};
	ctx.emit({
		type: 'warning',
		message: `${model} thinks by default on /v1: Ollama ${version || '(version unknown)'} cannot turn it off there (reasoning_effort "none" needs v${V1_THINK_OFF_SINCE}), while /api/chat sends think:false; the two endpoints' results are not like for like`,
	});
	return {thinking: 'model default'};
}

export async function runTools(ctx: StepContext, models: string[]): Promise<Record<string, ToolCallingResult>> {
	const results: Record<string, ToolCallingResult> = {};
	// A served backend has no native Ollama API: its /v1 test is the pipeline's own path.
	const endpoints = ctx.servedBy ? TOOL_ENDPOINTS.filter((endpoint) => endpoint === 'openai') : TOOL_ENDPOINTS;
	ctx.emit({type: 'tools:start', models: [...models], endpoints: [...endpoints]});
	if (ctx.servedBy) ctx.emit({type: 'info', message: `Native /api/chat checks skipped: ${ctx.servedBy} has no Ollama API; /v1/chat/completions is the path the pipeline's openai_compatible provider takes.`});
	try {
		for (const model of models) {
			const result: ToolCallingResult = {at: new Date().toISOString()};
			results[model] = result;
			try {
				const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
				for (const endpoint of endpoints) {
					const v1 = endpoint === 'openai' ? await v1Thinking(ctx, model, think) : {thinking: thinkingOf(think)};
					const driver = createToolDriver(ctx, model, endpoint, think, v1.effort);
					const measured = await runEndpoint(model, endpoint, driver, ctx.emit);
					if (v1.thinking) measured.thinking = v1.thinking;
					if (measured.supported) measured.contextLength = await contextOf(ctx, model, endpoint);
					result[endpoint] = measured;
					ctx.emit({type: 'tools:endpoint-done', model, endpoint, result: measured});
					persist(ctx, model, result);
				}
			} finally {
				// Inside a round the runner unloads the model once, when the round moves on.
				if (!ctx.round?.keepLoaded) await unloadQuietly(ctx, model);
			}
			ctx.emit({type: 'tools:done', model, result});
		}
	} finally {
		writeTableQuietly(ctx);
	}
	return results;
}

/**
 * The context the endpoint's run used, from /api/ps while the model is still loaded; on /v1 a
 * context other than the native run's pinned num_ctx is said, since the two runs then differ.
 */
async function contextOf(ctx: StepContext, model: string, endpoint: Endpoint): Promise<number | null> {
	let contextLength: number | null = null;
	try {
		const loaded = (await ctx.ollama.ps({signal: ctx.signal})).find((entry) => canonicalModelName(entry.name) === canonicalModelName(model));
		contextLength = loaded?.contextLength ?? null;
	} catch (error) {
		if (isCanceled(error)) throw error;
		return null;
	}
	if (endpoint === 'openai' && contextLength !== null && contextLength !== ctx.settings.numCtx) {
		ctx.emit({
			type: 'warning',
			message: `${model} ran /v1 at a context of ${contextLength} tokens (the server's default; /v1 cannot set num_ctx), not the ${ctx.settings.numCtx} pinned on /api/chat: the two endpoints' results are not like for like`,
		});
	}
	return contextLength;
}

function writeTableQuietly(ctx: StepContext): void {
	try {
		writeToolTable(ctx.results.dir, ctx.results.read());
	} catch (error) {
		ctx.emit({type: 'warning', message: `could not write the tool-calling grid: ${userMessage(error)}`});
	}
}

function persist(ctx: StepContext, model: string, result: ToolCallingResult): void {
	ctx.results.update((draft) => {
		modelEntry(draft, model).toolCalling = structuredClone(result);
	});
}
