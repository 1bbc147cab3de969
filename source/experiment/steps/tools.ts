// The tool-calling test (issue 5): each model on native /api/chat and on /v1/chat/completions,
// five scenarios each. Results are persisted after every endpoint so Ctrl+C or a dead server
// never loses what was measured; the text grid is written at the end.
import type {ToolCallingResult} from '../../output/schema.js';
import {writeToolTable} from '../../output/toolTable.js';
import type {Endpoint} from '../events.js';
import type {StepContext} from './context.js';
import {modelEntry} from './modelEntry.js';
import {thinkLookup} from './thinkOption.js';
import {unloadQuietly} from './unloadQuietly.js';
import {createToolDriver} from './toolDrivers.js';
import {runEndpoint} from './toolEndpoint.js';

export const TOOL_ENDPOINTS: readonly Endpoint[] = ['native', 'openai'];

export async function runTools(ctx: StepContext, models: string[]): Promise<Record<string, ToolCallingResult>> {
	const results: Record<string, ToolCallingResult> = {};
	ctx.emit({type: 'tools:start', models: [...models], endpoints: [...TOOL_ENDPOINTS]});
	try {
		const think = await thinkLookup(ctx.ollama, ctx.signal);
		for (const model of models) {
			const result: ToolCallingResult = {at: new Date().toISOString()};
			results[model] = result;
			try {
				for (const endpoint of TOOL_ENDPOINTS) {
					const driver = createToolDriver(ctx, model, endpoint, think(model));
					const measured = await runEndpoint(model, endpoint, driver, ctx.emit);
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

function writeTableQuietly(ctx: StepContext): void {
	try {
		writeToolTable(ctx.results.dir, ctx.results.read());
	} catch (error) {
		ctx.emit({type: 'warning', message: `could not write the tool-calling grid: ${error instanceof Error ? error.message : String(error)}`});
	}
}

function persist(ctx: StepContext, model: string, result: ToolCallingResult): void {
	ctx.results.update((draft) => {
		modelEntry(draft, model).toolCalling = structuredClone(result);
	});
}
