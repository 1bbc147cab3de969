// Checks made before a pull starts: enough free disk on Ollama's models volume (with a 10 %
// margin), and the "never two 70B-class models" rule of the strategy. Pure: the step supplies
// what Ollama and preflight already know.
import {isOneAtATime} from '../../models/catalog.js';
import {ONE_AT_A_TIME_WORDS} from '../../models/tiers.js';
import type {InstalledModel} from '../../providers/types.js';
import type {SystemInfo} from '../../system/types.js';
import {formatBytes} from '../../analysis/units.js';

export const DISK_MARGIN = 0.1;

/** A pull refused before it starts; `userMessage` says what happened and what to do. */
export class PullRefusedError extends Error {
	override readonly name = 'PullRefusedError';
	readonly hint: string;

	constructor(message: string, hint: string) {
		super(message);
		this.hint = hint;
	}

	get userMessage(): string {
		return `${this.message} — ${this.hint}`;
	}
}

/** Bytes needed on disk for a model of this size, margin included. */
export function bytesNeeded(modelBytes: number): number {
	return Math.ceil(modelBytes * (1 + DISK_MARGIN));
}

/**
 * Null when the disk is fine or cannot be judged (Ollama on another machine, size or free space
 * unknown); otherwise the refusal.
 */
export function diskRefusal(
	model: string,
	modelBytes: number | null,
	system: SystemInfo,
	/** Bytes of this model already on disk (cached layers, a resumed partial download). */
	alreadyOnDisk = 0,
): PullRefusedError | null {
	if (!system.ollamaIsLocal || system.modelsDisk === null || modelBytes === null || modelBytes <= 0) return null;
	const needed = bytesNeeded(modelBytes) - alreadyOnDisk;
	const free = system.modelsDisk.freeBytes;
	if (free >= needed) return null;
	return new PullRefusedError(
		`Not enough disk to pull ${model}: it needs ${formatBytes(needed)} (${formatBytes(modelBytes)} + 10 % margin${alreadyOnDisk > 0 ? `, less ${formatBytes(alreadyOnDisk)} already here` : ''}) but ${system.modelsDisk.path} has ${formatBytes(free)} free`,
		`free ${formatBytes(needed - free)} (e.g. \`ollama rm\` a model you no longer need) and run the pull again`,
	);
}

/**
 * The strategy never holds two such models: warn when another one is installed and the
 * model being pulled is one too (or its size is unknown, so it may be).
 */
export function seventyBWarning(model: string, modelBytes: number | null, installed: readonly InstalledModel[]): string | null {
	if (modelBytes !== null && !isOneAtATime(model, modelBytes)) return null;
	const others = installed.filter((entry) => entry.name !== model && isOneAtATime(entry.name, entry.sizeBytes));
	if (others.length === 0) return null;
	const names = others.map((entry) => `${entry.name} (${formatBytes(entry.sizeBytes)})`).join(', ');
	return `Another ${ONE_AT_A_TIME_WORDS} model is installed: ${names}. The strategy never holds two — consider \`ollama rm\` before pulling ${model}.`;
}
