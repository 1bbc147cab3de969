// The one sanitiser for text that came from outside (model output, names, versions, error
// bodies, tool names and arguments) on its way to a terminal or a file (docs/reference/terminal.md §6).
// Escape sequences are removed whole; every other control character, C1 code and bidi override
// becomes U+FFFD, so nothing can retitle the window, plant a link, clear the screen, overwrite a
// line (CR, BS) or reorder what is read (Trojan Source). Newline and tab are kept.
import stripAnsi from 'strip-ansi';
import {redactSecrets} from './redact.js';

export const REPLACEMENT = '\uFFFD';

// C0 except \t and \n, DEL, C1, bidi embeddings/overrides/isolates, and the line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g; // eslint-disable-line no-control-regex -- control characters are what this matches
const UNSAFE_INLINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g; // eslint-disable-line no-control-regex -- same, newline and tab included
// Characters that must be escaped in JSON text so a file or --json output carries none raw (JSON.stringify escapes only C0).
const JSON_UNSAFE = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** Multi-line text (a model's answer, an error body): escapes removed, controls made visible, secrets redacted. */
export function sanitizeText(text: string): string {
	// Fast path: the common case (plain text, no ESC or controls) is returned as it is, bar redaction.
	const cleaned = UNSAFE.test(text) ? stripAnsi(text.replace(/\r\n/g, '\n')).replace(UNSAFE, REPLACEMENT) : text;
	UNSAFE.lastIndex = 0;
	return redactSecrets(cleaned);
}

/** Text shown on one line (a name, a version, an error message in a table cell): newline and tab become a space too. */
export function sanitizeInline(text: string): string {
	return sanitizeText(text).replace(/[\n\t]/g, ' ');
}

/** True when the text holds nothing sanitizeInline would change (names can be checked without altering them). */
export function isPrintableInline(text: string): boolean {
	const found = UNSAFE_INLINE.test(text);
	UNSAFE_INLINE.lastIndex = 0;
	return !found;
}

/**
 * Every string inside a plain value (an event, a record) sanitised; other values as they are.
 * Copies only what it changes: a clean value comes back as the same object. Every streamed token
 * passes through here on its way to a screen, and a copy per token was most of what a long stream
 * allocated with the UI on (test/bench/run.ts, peak RSS at 100k tokens).
 */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitizeText(value) as T;
	if (Array.isArray(value)) {
		let out: unknown[] | null = null;
		for (let index = 0; index < value.length; index++) {
			const item: unknown = value[index];
			const clean = sanitizeDeep(item);
			if (clean !== item) (out ??= value.slice())[index] = clean;
		}
		return (out ?? value) as T;
	}
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const record = value as Record<string, unknown>;
		let out: Record<string, unknown> | null = null;
		for (const key in record) {
			const item = record[key];
			const clean = sanitizeDeep(item);
			if (clean !== item) (out ??= {...record})[key] = clean;
		}
		return (out ?? value) as T;
	}
	return value;
}

/**
 * JSON text for a file or --json output: the exact strings, with DEL, C1 and bidi controls escaped
 * as \uXXXX (JSON.stringify leaves them raw) and secrets redacted.
 */
export function jsonText(value: unknown, indent = 2): string {
	const text = JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return redactSecrets(text);
}
