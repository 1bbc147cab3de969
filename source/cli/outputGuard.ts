// The last line of defence between trifecta and the user's terminal or pipe. Without a TTY (plain
// lines, --json, CI) every write to stdout and stderr goes through the one sanitiser, so no escape
// sequence from a server (nor one of ours) reaches a log or a pipe, and no piece of the API key
// either; stderr lines are sanitised on a TTY too (Ink owns stdout there and sanitises what it draws).
// With --json it also keeps the promise of one JSON document on stdout, which carries the error of a
// command that fails: the document is held until the exit code is known, then written with
// `error: {message, code}` beside whatever it measured (or alone when the command printed none).
import type {Writable} from 'node:stream';
import {jsonText, sanitizeText} from '../system/sanitize.js';

type Stream = Writable & {isTTY?: boolean; columns?: number};

export type OutputGuard<O extends Stream, E extends Stream> = {
	stdout: O;
	stderr: E;
	/**
	 * Writes what --json held back: on a failure (code not 0), with `error: {message, code}` added
	 * unless the command set one; the message is `fallbackMessage`, else the last line on stderr.
	 * Once: later calls do nothing.
	 */
	finish(code: number, fallbackMessage?: string): void;
};

type ErrorField = {message: string; code: number};

/** The held document with the failure added: an object gets the field, anything else is replaced. */
function withError(held: string, error: ErrorField): string {
	let document: unknown;
	try {
		document = held.trim() === '' ? null : JSON.parse(held);
	} catch {
		document = null;
	}
	if (typeof document !== 'object' || document === null || Array.isArray(document)) return `${jsonText({error})}\n`;
	if ('error' in document) return held;
	return `${jsonText({...document, error})}\n`;
}

function sanitizing<S extends Stream>(stream: S, onWrite: (text: string) => void): S {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
		const clean = sanitizeText(text);
		onWrite(clean);
		// The rest is (encoding?, callback?): the encoding no longer applies to the cleaned string.
		const callback = rest.find((item): item is () => void => typeof item === 'function');
		return callback ? stream.write(clean, callback) : stream.write(clean);
	};
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

export function guardOutput<O extends Stream, E extends Stream>(stdout: O, stderr: E, options: {json: boolean; plain: boolean}): OutputGuard<O, E> {
	let held = '';
	let finished = false;
	let lastError = '';
	// --json: the document waits for the exit code (see finish); plain: written as it comes.
	const holding: Stream = options.json
		? new Proxy(stdout, {
				get(target, property) {
					if (property === 'write') {
						return (chunk: unknown, ...rest: unknown[]): boolean => {
							if (finished) return target.write(chunk as string);
							held += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
							rest.find((item): item is () => void => typeof item === 'function')?.();
							return true;
						};
					}
					const value: unknown = Reflect.get(target, property, target);
					return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
				},
			})
		: stdout;
	const guardedStdout = (options.plain ? sanitizing(holding, () => undefined) : holding) as O;
	const guardedStderr = sanitizing(stderr, (text) => {
		const lines = text.split('\n').filter((line) => line.trim() !== '');
		if (lines.length > 0) lastError = lines[lines.length - 1]!.trim();
	});
	return {
		stdout: guardedStdout,
		stderr: guardedStderr,
		finish(code, fallbackMessage) {
			if (finished || !options.json) return;
			finished = true;
			const text = code === 0 ? held : withError(held, {message: fallbackMessage ?? (lastError || `trifecta exited with code ${code}`), code});
			if (text !== '') stdout.write(text);
		},
	};
}
