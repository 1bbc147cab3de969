// The built-in facts about the ladder models (docs/reference/ollama-wire.md §5), used when Ollama
// does not have a model yet and by the simulator. Ollama's own answers win when present.

export type CatalogEntry = {
	name: string;
	family: string;
	sizeBytes: number;
	parameterSize: string;
	quantization: string;
	contextLength: number;
	capabilities: string[];
	/** Weights layer digest (sha256 hex, 64 chars); the simulator uses it for pulls. */
	digest: string;
};

export const SEVENTY_B_CLASS_BYTES = 40e9;

export const catalog: readonly CatalogEntry[] = [
	{
		name: 'qwen2.5:14b',
		family: 'qwen2',
		sizeBytes: 8_988_124_069,
		parameterSize: '14.8B',
		quantization: 'Q4_K_M',
		contextLength: 32_768,
		capabilities: ['completion', 'tools'],
		digest: '2049f5674b1e92b4464e5729975c9689fcfbf0b0e4443ccf10b5339f370f9a54',
	},
	{
		name: 'mistral-small:22b',
		family: 'llama',
		sizeBytes: 12_569_170_041,
		parameterSize: '22.2B',
		quantization: 'Q4_0',
		contextLength: 32_768,
		capabilities: ['completion', 'tools'],
		digest: 'd0e8a3b1c37a5e22f0d6d5cf2e2d3e5c3b88fa3d48d8a81e0f2f8f3c8d2a1b77',
	},
	{
		name: 'qwen2.5:32b',
		family: 'qwen2',
		sizeBytes: 19_851_349_669,
		parameterSize: '32.8B',
		quantization: 'Q4_K_M',
		contextLength: 32_768,
		capabilities: ['completion', 'tools'],
		digest: 'eabc98a9bcbfce7fd70f3e07de599f8fda98120fefed5881934161ede8bd1a41',
	},
	{
		name: 'qwen2.5:72b',
		family: 'qwen2',
		sizeBytes: 47_415_724_545,
		parameterSize: '72.7B',
		quantization: 'Q4_K_M',
		contextLength: 32_768,
		capabilities: ['completion', 'tools'],
		digest: '6e7fdda508e91cb0f63de5c15ff79ac63a1584ccafd751c07ca12b7f442101b8',
	},
	{
		name: 'llama3.3:70b',
		family: 'llama',
		sizeBytes: 42_520_413_916,
		parameterSize: '70.6B',
		quantization: 'Q4_K_M',
		contextLength: 131_072,
		capabilities: ['completion', 'tools'],
		digest: '4824460d29f2058aaf6e1118a63a7a197a09bed509f0e7d4e2efb1ee273b447d',
	},
	{
		name: 'command-r:35b',
		family: 'command-r',
		sizeBytes: 18_854_228_000,
		parameterSize: '32.3B',
		quantization: 'Q4_0',
		contextLength: 131_072,
		capabilities: ['completion', 'tools'],
		digest: '76d4f6a0b7b3e2a1c7d1b8e2e5f6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e',
	},
];

/** The default ladder, in order of size as docs/DESIGN.md lists it. */
export const defaultLadder: readonly string[] = [
	'qwen2.5:14b',
	'mistral-small:22b',
	'qwen2.5:32b',
	'qwen2.5:72b',
	'llama3.3:70b',
	'command-r:35b',
];

export function catalogEntry(name: string): CatalogEntry | undefined {
	const wanted = name.includes(':') ? name : `${name}:latest`;
	return catalog.find((entry) => entry.name === wanted);
}

export function isSeventyBClass(sizeBytes: number): boolean {
	return sizeBytes > SEVENTY_B_CLASS_BYTES;
}

// The name rule lives in modelName.ts (one validator for every source of names); re-exported here
// because most callers already import the catalog.
export {checkModelName, isValidModelName} from '../domain/modelName.js';


/**
 * The family a model belongs to for "scale the same family or try another": the catalog's
 * family when it knows the model, else the name before the tag (gemma3:27b -> gemma3).
 */
export function familyOf(name: string): string {
	return catalogEntry(name)?.family ?? (name.split(':')[0] ?? name);
}
