// The tool-calling test: each model on native /api/chat and on /v1/chat/completions,
// five scenarios each. Results are persisted after every endpoint so Ctrl+C or a dead server
// never loses what was measured; the text grid is written at the end.
import type {ToolCallingResult} from '../../domain/schema.js';
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

export async function runTools(ctx: StepContext, models: string[]): Promise<Record<string, ToolCallingResult>> {
	const results: Record<string, ToolCallingResult> = {};
	ctx.emit({type: 'tools:start', models: [...models], endpoints: [...TOOL_ENDPOINTS]});
	try {
		for (const model of models) {
			const result: ToolCallingResult = {at: new Date().toISOString()};
			results[model] = result;
			try {
				const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
				for (const endpoint of TOOL_ENDPOINTS) {
					const driver = createToolDriver(ctx, model, endpoint, think);
					const measured = await runEndpoint(model, endpoint, driver, ctx.emit);
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
