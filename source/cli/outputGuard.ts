// The last line of defence between trifecta and the user's terminal or pipe. Without a TTY (plain
// lines, --json, CI) every write to stdout and stderr goes through the one sanitiser, so no escape
// sequence from a server (nor one of ours) reaches a log or a pipe, and no piece of the API key
// either; stderr lines are sanitised on a TTY too (Ink owns stdout there and sanitises what it draws).
// With --json it also keeps the promise of one JSON document on stdout: a command that fails
// without printing one gets {"error": {"message", "code"}}.
import type {Writable} from 'node:stream';
import {jsonText, sanitizeText} from '../system/sanitize.js';

type Stream = Writable & {isTTY?: boolean; columns?: number};

export type OutputGuard<O extends Stream, E extends Stream> = {
	stdout: O;
	stderr: E;
	/** With --json and nothing on stdout yet: prints the failure document. */
	finish(code: number, fallbackMessage?: string): void;
};

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
	let wroteStdout = false;
	let lastError = '';
	const guardedStdout = options.plain
		? sanitizing(stdout, (text) => {
				if (text.length > 0) wroteStdout = true;
			})
		: stdout;
	const guardedStderr = sanitizing(stderr, (text) => {
		if (text.trim() !== '') lastError = text.trim();
	});
	return {
		stdout: guardedStdout,
		stderr: guardedStderr,
		finish(code, fallbackMessage) {
			if (!options.json || code === 0 || wroteStdout) return;
			wroteStdout = true;
			const message = fallbackMessage ?? (lastError || `trifecta exited with code ${code}`);
			stdout.write(`${jsonText({error: {message, code}})}\n`);
		},
	};
}
