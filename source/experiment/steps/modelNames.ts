// Ollama treats "qwen2.5", "Qwen2.5:latest" and "registry.ollama.ai/library/qwen2.5:latest" as the
// same model (defaults filled in, case folded: domain/modelName.ts); so do we when matching what
// the user typed against what the server lists.
import {modelNameKey} from '../../domain/modelName.js';
import type {InstalledModel} from '../../providers/types.js';

/** A key to compare names by, never shown: two names with one key are one model to Ollama. */
export function canonicalModelName(name: string): string {
	return modelNameKey(name);
}

export function findInstalled(installed: readonly InstalledModel[], model: string): InstalledModel | undefined {
	const wanted = canonicalModelName(model);
	return installed.find((entry) => canonicalModelName(entry.name) === wanted);
}
