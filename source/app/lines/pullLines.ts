// Pull events as plain stderr lines for non-interactive runs. Progress is throttled to one
// line per layer per 10 % (a 47 GB pull would otherwise print thousands of lines).
import type {NoticeEvent, PullEvent} from '../../experiment/events.js';
import type {PullResult} from '../../domain/schema.js';
import {formatBytes, formatTransferRate, shortDigest} from '../../analysis/units.js';

export type PullLineFormatter = (event: PullEvent | NoticeEvent) => string | null;

const STEP = 10;
/** Status lines without a digest worth one line each (the layer lines say "pulling <digest>"). */
const PHASES = new Set(['pulling manifest', 'verifying sha256 digest', 'writing manifest', 'removing unused layers', 'removing any unused layers']);

/** How a pull ended; also the pull's line in the wizard's scrollback. */
export function pullDoneLine(model: string, result: PullResult): string {
	switch (result.status) {
		case 'present':
			return `${model} is already installed — pull skipped.`;
		case 'pulled':
			return `pulled ${model}: ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s`;
		case 'failed':
		case 'canceled':
			return result.error ?? `pull of ${model} ${result.status}`;
	}
}

export function createPullLines(): PullLineFormatter {
	const printedStep = new Map<string, number>();
	const printedPhases = new Set<string>();
	let started = 0;
	let startCompleted: number | null = null;

	return (event) => {
		switch (event.type) {
			case 'pull:start':
				printedStep.clear();
				printedPhases.clear();
				startCompleted = null;
				return `pulling ${event.model}${event.expectedBytes === null ? '' : ` (${formatBytes(event.expectedBytes)})`}`;
			case 'pull:progress': {
				const {update} = event;
				const lines: string[] = [];
				if (PHASES.has(update.status) && !printedPhases.has(update.status)) {
					printedPhases.add(update.status);
					lines.push(`  ${update.status}`);
				}
				if (startCompleted === null && update.layers.length > 0) {
					startCompleted = update.completed;
					started = update.at;
				}
				// Only the layer this line moved can have crossed a step (the rest are as they were).
				for (const layer of update.changed ? [update.changed.layer] : update.layers) {
					if (layer.total <= 0) continue;
					const percent = Math.min(100, Math.floor((layer.completed / layer.total) * 100));
					const step = Math.floor(percent / STEP);
					const before = printedStep.get(layer.digest);
					if (before !== undefined && step <= before) continue;
					printedStep.set(layer.digest, step);
					const seconds = (update.at - started) / 1000;
					const rate = seconds > 0 && startCompleted !== null ? (update.completed - startCompleted) / seconds : null;
					const speed = percent >= 100 ? '' : `  ${formatTransferRate(rate)}`;
					lines.push(
						`  ${shortDigest(layer.digest)} ${String(percent).padStart(3)}%  ${formatBytes(layer.completed)} / ${formatBytes(layer.total)}${speed}`,
					);
				}
				return lines.length > 0 ? lines.join('\n') : null;
			}
			case 'pull:done':
				return pullDoneLine(event.model, event.result);
			case 'warning':
				return `warning: ${event.message}`;
			case 'info':
				return null;
			case 'step-error':
				return `error: ${event.message}`;
		}
	};
}
