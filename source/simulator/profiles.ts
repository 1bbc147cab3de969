// The six ladder models as an M3 Max (40-core GPU, 400 GB/s, 128 GB) would serve them:
// real sizes and quantizations from the catalog, decode rates at 65-80 % of the bandwidth bound
// (docs/reference/ollama-wire.md §6), and GGUF architecture facts for /api/show and the KV estimate.
import {catalog, catalogEntry} from '../models/catalog.js';
import type {CatalogEntry, CatalogName} from '../models/catalog.js';
import {sha256Hex} from './hashing.js';
import type {QualityTier, SimArchitecture, SimModelProfile, ToolBehaviour} from './types.js';

type Tuning = {
	evalRate: number;
	promptEvalRate: number;
	loadMs: number;
	quality: QualityTier;
	tools: ToolBehaviour;
	architecture: SimArchitecture;
	/** Which small blobs (template, license, ...) this model shares with its siblings. */
	blobGroup: string;
	license: string;
	/** The template's default system prompt, when it has one. */
	defaultSystem?: string;
};

/** qwen2.5's chat template inserts this when a request has no system message. */
const QWEN_SYSTEM = 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.';

// Keyed by catalog name: a catalog entry without its tuning does not compile (it would otherwise
// be served as a generic 4.9 GB model, and every figure about it would be wrong).
const tuning: Record<CatalogName, Tuning> = {
	'qwen2.5:14b': {
		evalRate: 30.2,
		promptEvalRate: 362,
		loadMs: 4_100,
		quality: 'partial',
		tools: 'good',
		architecture: {name: 'qwen2', parameterCount: 14_770_033_664, blockCount: 48, embeddingLength: 5120, headCount: 40, headCountKv: 8},
		blobGroup: 'qwen2.5',
		license: 'apache-2.0',
		defaultSystem: QWEN_SYSTEM,
	},
	'mistral-small:22b': {
		evalRate: 22.1,
		promptEvalRate: 241,
		loadMs: 6_300,
		quality: 'partial',
		tools: 'leaky',
		architecture: {name: 'llama', parameterCount: 22_247_282_688, blockCount: 56, embeddingLength: 6144, headCount: 48, headCountKv: 8},
		blobGroup: 'mistral-small',
		license: 'mrl',
	},
	'qwen2.5:32b': {
		evalRate: 14.5,
		promptEvalRate: 163,
		loadMs: 9_200,
		quality: 'good',
		tools: 'good',
		architecture: {name: 'qwen2', parameterCount: 32_763_876_352, blockCount: 64, embeddingLength: 5120, headCount: 40, headCountKv: 8},
		blobGroup: 'qwen2.5',
		license: 'apache-2.0',
		defaultSystem: QWEN_SYSTEM,
	},
	'qwen2.5:72b': {
		evalRate: 5.9,
		promptEvalRate: 71,
		loadMs: 26_400,
		quality: 'excellent',
		tools: 'good',
		architecture: {name: 'qwen2', parameterCount: 72_706_203_648, blockCount: 80, embeddingLength: 8192, headCount: 64, headCountKv: 8},
		blobGroup: 'qwen2.5',
		license: 'qwen',
		defaultSystem: QWEN_SYSTEM,
	},
	'llama3.3:70b': {
		evalRate: 6.8,
		promptEvalRate: 76,
		loadMs: 24_300,
		quality: 'good',
		tools: 'good',
		architecture: {name: 'llama', parameterCount: 70_553_706_496, blockCount: 80, embeddingLength: 8192, headCount: 64, headCountKv: 8},
		blobGroup: 'llama3.3',
		license: 'llama3.3',
	},
	'command-r:35b': {
		evalRate: 15.1,
		promptEvalRate: 152,
		loadMs: 9_800,
		quality: 'good',
		tools: 'good',
		architecture: {name: 'command-r', parameterCount: 32_296_476_672, blockCount: 40, embeddingLength: 8192, headCount: 64, headCountKv: 8},
		blobGroup: 'command-r',
		license: 'cc-by-nc-4.0',
	},
};

// Byte sizes of the small blobs of an Ollama library manifest (template, system, license, params).
const SMALL_BLOBS: {kind: string; size: number}[] = [
	{kind: 'template', size: 1_482},
	{kind: 'license', size: 11_343},
	{kind: 'params', size: 96},
];
const CONFIG_BLOB_SIZE = 487;

function blobDigest(seed: string): string {
	return `sha256:${sha256Hex(`trifecta-sim-blob:${seed}`)}`;
}

/**
 * Manifest layers: the weights, the small blobs shared within a family (so pulling a second
 * qwen2.5 model finds its template already present), and the model's own config blob last.
 */
export function buildLayers(name: string, sizeBytes: number, weightsDigest: string, blobGroup: string, license: string): SimModelProfile['layers'] {
	const small = SMALL_BLOBS.map((blob) => ({
		digest: blobDigest(blob.kind === 'license' ? `license:${license}` : `${blob.kind}:${blobGroup}`),
		size: blob.size,
	}));
	const smallTotal = small.reduce((sum, blob) => sum + blob.size, 0) + CONFIG_BLOB_SIZE;
	const weights = {digest: `sha256:${weightsDigest}`, size: Math.max(1, sizeBytes - smallTotal)};
	return [weights, ...small, {digest: blobDigest(`config:${name}`), size: CONFIG_BLOB_SIZE}];
}

function fromCatalog(entry: CatalogEntry, tune: Tuning): SimModelProfile {
	return {
		name: entry.name,
		sizeBytes: entry.sizeBytes,
		family: entry.family,
		parameterSize: entry.parameterSize,
		quantization: entry.quantization,
		contextLength: entry.contextLength,
		capabilities: [...entry.capabilities],
		layers: buildLayers(entry.name, entry.sizeBytes, entry.digest, tune.blobGroup, tune.license),
		evalRate: tune.evalRate,
		promptEvalRate: tune.promptEvalRate,
		loadMs: tune.loadMs,
		gpuShare: 1,
		quality: tune.quality,
		tools: tune.tools,
		architecture: {...tune.architecture},
		...(tune.defaultSystem ? {defaultSystem: tune.defaultSystem} : {}),
	};
}

/**
 * A thinking-capable model off the ladder (qwen3:32b, Q4_K_M, 20.2 GB, 40k trained context): it
 * reasons before answering unless sent think:false, as Ollama serves it by version (version.ts).
 */
export function thinkingProfile(name = 'qwen3:32b'): SimModelProfile {
	const sizeBytes = 20_201_253_588;
	return {
		name,
		sizeBytes,
		family: 'qwen3',
		parameterSize: '32.8B',
		quantization: 'Q4_K_M',
		contextLength: 40_960,
		capabilities: ['completion', 'tools', 'thinking'],
		layers: buildLayers(name, sizeBytes, sha256Hex(`trifecta-sim-weights:${name}`), 'qwen3', 'apache-2.0'),
		evalRate: 14.1,
		promptEvalRate: 158,
		loadMs: 9_400,
		gpuShare: 1,
		quality: 'good',
		tools: 'good',
		architecture: {name: 'qwen3', parameterCount: 32_762_123_264, blockCount: 64, embeddingLength: 5120, headCount: 64, headCountKv: 8},
		reasoningTokens: 600,
	};
}

/**
 * gpt-oss: an MoE reasoning model on the harmony format. Its reasoning has levels (low / medium /
 * high) and `think: false` does not turn it off: Ollama's gpt-oss template falls back to
 * "Reasoning: medium" (server/routes.go shouldUseHarmony, v0.11+). `reasoningTokens` is its
 * medium level.
 */
export function gptOssProfile(name = 'gpt-oss:20b'): SimModelProfile {
	const sizeBytes = 13_780_154_624;
	return {
		name,
		sizeBytes,
		family: 'gptoss',
		parameterSize: '20.9B',
		quantization: 'MXFP4',
		contextLength: 131_072,
		capabilities: ['completion', 'tools', 'thinking'],
		layers: buildLayers(name, sizeBytes, sha256Hex(`trifecta-sim-weights:${name}`), 'gptoss', 'apache-2.0'),
		evalRate: 58,
		promptEvalRate: 900,
		loadMs: 5_200,
		gpuShare: 1,
		quality: 'good',
		tools: 'good',
		architecture: {name: 'gptoss', parameterCount: 20_914_757_184, blockCount: 24, embeddingLength: 2880, headCount: 64, headCountKv: 8},
		reasoningTokens: 400,
	};
}

/** A plausible profile for a name outside the ladder (tests invent models like 'tiny:1b'). */
function genericProfile(name: string): SimModelProfile {
	const sizeBytes = 4_920_000_000;
	const family = 'llama';
	return {
		name,
		sizeBytes,
		family,
		parameterSize: '8.0B',
		quantization: 'Q4_K_M',
		contextLength: 131_072,
		capabilities: ['completion', 'tools'],
		layers: buildLayers(name, sizeBytes, sha256Hex(`trifecta-sim-weights:${name}`), `generic:${name}`, `generic:${name}`),
		evalRate: 50.7,
		promptEvalRate: 590,
		loadMs: 2_400,
		gpuShare: 1,
		quality: 'partial',
		tools: 'good',
		architecture: {name: family, parameterCount: 8_030_261_248, blockCount: 32, embeddingLength: 4096, headCount: 32, headCountKv: 8},
	};
}

function tuningOf(name: string): Tuning | undefined {
	return Object.hasOwn(tuning, name) ? tuning[name as CatalogName] : undefined;
}

export function defaultProfiles(): SimModelProfile[] {
	return catalog.map((entry) => fromCatalog(entry, tuning[entry.name]));
}

/**
 * The default profile for `name` (or a generic one), with any field overridden. A new size
 * without new layers rebuilds the layers so they still sum to sizeBytes; making tools
 * 'unsupported' drops the tools capability unless capabilities are given too.
 */
export function profileFor(name: string, overrides: Partial<SimModelProfile> = {}): SimModelProfile {
	const entry = catalogEntry(name);
	const tune = entry ? tuningOf(entry.name) : undefined;
	const base = entry && tune ? fromCatalog(entry, tune) : name === 'qwen3:32b' ? thinkingProfile() : name.startsWith('gpt-oss') ? gptOssProfile(name) : genericProfile(name);
	const profile: SimModelProfile = {...base, ...overrides, name};
	if (overrides.sizeBytes !== undefined && overrides.layers === undefined) {
		const weights = (base.layers[0]?.digest ?? `sha256:${sha256Hex(name)}`).replace(/^sha256:/, '');
		profile.layers = buildLayers(name, overrides.sizeBytes, weights, tune?.blobGroup ?? `generic:${name}`, tune?.license ?? `generic:${name}`);
	}
	if (overrides.capabilities === undefined && overrides.tools !== undefined) {
		const without = base.capabilities.filter((capability) => capability !== 'tools');
		profile.capabilities = overrides.tools === 'unsupported' ? without : [...without, 'tools'];
	}
	return profile;
}

/** fp16 KV-cache bytes per token of context: 4 x blocks x kv heads x head dim (docs/reference/ollama-wire.md §5). */
export function kvBytesPerToken(profile: SimModelProfile): number {
	const arch = profile.architecture;
	if (!arch) return 0.25e6;
	return 4 * arch.blockCount * arch.headCountKv * (arch.embeddingLength / arch.headCount);
}
