// @anthropic-ai/sdk console.warn()s when a request names a deprecated model (messages.create, no
// logger involved, so `logLevel`/`logger` cannot silence it). Under Ink that text would land on
// top of the frame. We read the SDK's own table to answer deprecation() without a request, and
// capture the synchronous warn during create() so it goes to the app's warning sink instead.
import {createRequire} from 'node:module';
import path from 'node:path';

const MIGRATE = 'Please migrate to a newer model. Visit https://docs.anthropic.com/en/docs/resources/model-deprecations for more information.';

function loadDeprecatedModels(): Record<string, string> {
	try {
		// The table is internal (not in the package's exports map), so it is loaded by file path.
		const require = createRequire(import.meta.url);
		const sdkEntry = require.resolve('@anthropic-ai/sdk');
		const table = require(path.join(path.dirname(sdkEntry), 'internal', 'data', 'deprecated-models.js')) as {DEPRECATED_MODELS?: unknown};
		if (table.DEPRECATED_MODELS && typeof table.DEPRECATED_MODELS === 'object') return table.DEPRECATED_MODELS as Record<string, string>;
	} catch {
		// A future SDK may move the table; captured warnings still reach the user.
	}
	return {};
}

let deprecatedModels: Record<string, string> | undefined;

/** The SDK's deprecation warning for a model, on one line, or null when the SDK has none. */
export function deprecationFor(model: string): string | null {
	deprecatedModels ??= loadDeprecatedModels();
	const endOfLife = Object.hasOwn(deprecatedModels, model) ? deprecatedModels[model] : undefined;
	return endOfLife ? `The model '${model}' is deprecated and will reach end-of-life on ${endOfLife}. ${MIGRATE}` : null;
}

/** Collapses the SDK's multi-line warning into one line for the UI. */
export function oneLine(text: string): string {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => (/[.!?]$/.test(line) ? line : `${line}.`))
		.join(' ');
}

/**
 * Runs `fn` with console.warn redirected to `sink`. Only for synchronous SDK entry points: the
 * swap lasts exactly as long as `fn` runs, so no unrelated output can be swallowed.
 */
export function captureConsoleWarn<T>(fn: () => T, sink: (message: string) => void): T {
	const original = console.warn;
	console.warn = (...args: unknown[]) => sink(oneLine(args.map(String).join(' ')));
	try {
		return fn();
	} finally {
		console.warn = original;
	}
}
