// Which models compare and tools run: the ones named, after checking each is an Ollama model
// name (they go into URLs and file names), else every installed model of the ladder in order.
import {isValidModelName} from '../../models/catalog.js';
import type {Services} from '../types.js';

export type ModelChoice = {ok: true; models: string[]} | {ok: false; code: 1 | 2; message: string};

/** Checked before any service starts, so a typo costs nothing. */
export function invalidModelNames(args: string[]): string[] {
	return args.filter((name) => !isValidModelName(name));
}

export async function chooseModels(args: string[], services: Services): Promise<ModelChoice> {
	const invalid = invalidModelNames(args);
	if (invalid.length > 0) {
		return {ok: false, code: 2, message: `not a model name: ${invalid.join(', ')} (expected e.g. qwen2.5:32b)`};
	}
	if (args.length > 0) return {ok: true, models: [...new Set(args)]};
	const installed = new Set((await services.ollama.list({signal: services.signal})).map((model) => model.name));
	const models = services.settings.ladder.filter((name) => installed.has(name));
	if (models.length === 0) {
		return {
			ok: false,
			code: 1,
			message: `no ladder model is installed (ladder: ${services.settings.ladder.join(', ')}) — pull one with \`trifecta pull ${services.settings.ladder[0] ?? 'qwen2.5:14b'}\` or name the models to test.`,
		};
	}
	return {ok: true, models};
}
