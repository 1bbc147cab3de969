import type {StepContext} from './context.js';

/**
 * Frees the model's memory before the next one loads, also after Ctrl+C (so no signal: the
 * request is tiny). A failure here must not hide the results.
 */
export async function unloadQuietly(ctx: StepContext, model: string): Promise<void> {
	try {
		await ctx.ollama.unload(model);
	} catch {
		ctx.emit({type: 'warning', message: `could not unload ${model}; it stays in memory until Ollama's keep-alive expires`});
	}
}
