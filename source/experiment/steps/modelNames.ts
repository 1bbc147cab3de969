// Ollama treats "qwen2.5" and "qwen2.5:latest" as the same model; so do we when matching
// what the user typed against what the server lists.
import type {InstalledModel} from '../../providers/types.js';

export function canonicalModelName(name: string): string {
	const lastSegment = name.slice(name.lastIndexOf('/') + 1);
	return lastSegment.includes(':') ? name : `${name}:latest`;
}

export function findInstalled(installed: readonly InstalledModel[], model: string): InstalledModel | undefined {
	const wanted = canonicalModelName(model);
	return installed.find((entry) => canonicalModelName(entry.name) === wanted);
}
