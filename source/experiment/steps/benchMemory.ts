// Memory pressure while the model is loaded: /api/ps tells how much of it sits in GPU memory
// (below all of it means partial CPU offload, where decode speed collapses), and the machine's
// free RAM says whether it is about to swap.
import {formatBytes, formatPercent} from '../../analysis/units.js';
import type {MemoryRecord} from '../../domain/schema.js';
import type {LoadedModel} from '../../providers/types.js';
import {canonicalModelName} from './modelNames.js';

export type RamReading = {freeBytes: number; totalBytes: number};

export const LOW_RAM_SHARE = 0.1;

export function memoryRecord(loaded: readonly LoadedModel[], model: string, ram: RamReading | null): MemoryRecord | null {
	const wanted = canonicalModelName(model);
	const entry = loaded.find((candidate) => canonicalModelName(candidate.name) === wanted);
	if (!entry) return null;
	return {
		residentBytes: entry.sizeBytes,
		vramBytes: entry.sizeVramBytes,
		gpuShare: entry.sizeBytes > 0 ? entry.sizeVramBytes / entry.sizeBytes : 0,
		contextLength: entry.contextLength,
		freeRamBytes: ram?.freeBytes ?? null,
		totalRamBytes: ram?.totalBytes ?? null,
	};
}

export function offloadWarning(model: string, memory: MemoryRecord): string | null {
	if (memory.vramBytes >= memory.residentBytes) return null;
	return (
		`PARTIAL CPU OFFLOAD: only ${formatPercent(memory.gpuShare)} of ${model} (${formatBytes(memory.vramBytes)} of ` +
		`${formatBytes(memory.residentBytes)}) is in GPU memory, so decode speed collapses — use a smaller --num-ctx, ` +
		'unload other models, or raise the GPU memory limit (sudo sysctl iogpu.wired_limit_mb=<MB>).'
	);
}

export function lowRamWarning(ram: RamReading | null): string | null {
	if (!ram || ram.totalBytes <= 0) return null;
	const share = ram.freeBytes / ram.totalBytes;
	if (share >= LOW_RAM_SHARE) return null;
	return (
		`Free RAM is low: ${formatBytes(ram.freeBytes)} of ${formatBytes(ram.totalBytes)} (${formatPercent(share)}) — ` +
		'the machine may swap and the rates suffer; close other apps or models and re-run.'
	);
}
