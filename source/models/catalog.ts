// The built-in facts about the ladder models (docs/reference/ollama-wire.md §5), used when Ollama
// does not have a model yet and by the simulator. Ollama's own answers win when present. Each
// entry names its tier (models/tiers.ts): which models round one measures and which are escalation
// steps is the catalog's word, not a size cut-off.
import {TIERS, tierBySize, type Tier, type TierSpec} from './tiers.js';

export type CatalogEntry = {
	name: string;
	family: string;
	sizeBytes: number;
	parameterSize: string;
	quantization: string;
	contextLength: number;
	capabilities: readonly string[];
	/** Weights layer digest (sha256 hex, 64 chars); the simulator uses it for pulls. */
	digest: string;
	tier: Tier;
};

export const catalog = [
	{
		name: 'qwen2.5:14b',
		family: 'qwen2',
		sizeBytes: 8_988_124_069,
		parameterSize: '14.8B',
		quantization: 'Q4_K_M',
		contextLength: 32_768,
		capabilities: ['completion', 'tools'],
		digest: '2049f5674b1e92b4464e5729975c9689fcfbf0b0e4443ccf10b5339f370f9a54',
		tier: 'base',
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
		tier: 'base',
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
		tier: 'base',
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
		tier: 'large',
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
		tier: 'large',
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
		tier: 'base',
	},
] as const satisfies readonly CatalogEntry[];

/** A name the catalog knows: what the simulator's tuning is keyed by, so none can be missing. */
export type CatalogName = (typeof catalog)[number]['name'];

/** The default ladder: the catalog in its order, as docs/DESIGN.md lists it. */
export const defaultLadder: readonly string[] = catalog.map((entry) => entry.name);

export function catalogEntry(name: string): CatalogEntry | undefined {
	const wanted = name.includes(':') ? name : `${name}:latest`;
	return (catalog as readonly CatalogEntry[]).find((entry) => entry.name === wanted);
}

/** The catalog's tier for `name`; for a model it does not know, the tier its size suggests. */
export function tierOf(name: string, sizeBytes: number): TierSpec & {tier: Tier} {
	const tier = catalogEntry(name)?.tier ?? tierBySize(sizeBytes);
	return {tier, ...TIERS[tier]};
}

/** Never two installed at once (the 70B class): the memory rule of round 2. */
export function isOneAtATime(name: string, sizeBytes: number): boolean {
	return tierOf(name, sizeBytes).oneAtATime;
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
