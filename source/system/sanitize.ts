// The one sanitiser for text that came from outside (model output, names, versions, error
// bodies, tool names and arguments) on its way to a terminal or a file (docs/reference/terminal.md §6).
// Escape sequences are removed whole; every other control character, C1 code and bidi override
// becomes U+FFFD, so nothing can retitle the window, plant a link, clear the screen, overwrite a
// line (CR, BS), reorder what is read (Trojan Source, bidi marks) or hide text from the reader
// (zero-width spaces, a BOM mid-text, Unicode TAG characters that smuggle invisible ASCII).
// Newline and tab are kept. Zero-width joiners stay in prose, where emoji and several scripts need
// them, and are refused on one line (a name that looks like another).
import stripAnsi from 'strip-ansi';
import {redactSecrets} from './redact.js';

export const REPLACEMENT = '\uFFFD';

// C0 except \t and \n, DEL, C1; bidi embeddings, overrides, isolates and marks (LRM, RLM, ALM); the
// line and paragraph separators; invisible characters: zero-width space, word joiner and the
// invisible operators, the BOM (zero-width no-break space), the Mongolian vowel separator, and
// the TAG block.
const INVISIBLE = '\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2028\\u2029\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u{E0000}-\\u{E007F}';
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${INVISIBLE}]`, 'gu');
// The same with newline and tab, and the zero-width (non-)joiners.
// eslint-disable-next-line no-misleading-character-class -- the joiners are listed alone on purpose: they are what is matched
const UNSAFE_INLINE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F\\u200C\\u200D${INVISIBLE}]`, 'gu');
// Characters that must be escaped in JSON text so a file or --json output carries none raw (JSON.stringify escapes only C0).
const JSON_UNSAFE = new RegExp(`[\\u007F-\\u009F${INVISIBLE}]`, 'gu');

/** Multi-line text (a model's answer, an error body): escapes removed, controls made visible, secrets redacted. */
export function sanitizeText(text: string): string {
	// Fast path: the common case (plain text, no ESC or controls) is returned as it is, bar redaction.
	const cleaned = UNSAFE.test(text) ? stripAnsi(text.replace(/\r\n/g, '\n')).replace(UNSAFE, REPLACEMENT) : text;
	UNSAFE.lastIndex = 0;
	return redactSecrets(cleaned);
}

/** Text shown on one line (a name, a version, an error message in a table cell): newline and tab become a space too. */
export function sanitizeInline(text: string): string {
	return sanitizeText(text).replace(/[\n\t]/g, ' ').replace(/[\u200C\u200D]/g, REPLACEMENT);
}

/** True when the text holds nothing sanitizeInline would change (names can be checked without altering them). */
export function isPrintableInline(text: string): boolean {
	const found = UNSAFE_INLINE.test(text);
	UNSAFE_INLINE.lastIndex = 0;
	return !found;
}

/** Values whose producer already sanitised every string in them (see markClean). */
const CLEAN = new WeakSet<object>();

/**
 * Marks a value whose strings its producer has already sanitised, so sanitizeDeep passes it on
 * without walking it again: a list of thousands of pull layers, re-sent with every progress line,
 * would otherwise be walked whole for each line. Returns the value.
 */
export function markClean<T extends object>(value: T): T {
	CLEAN.add(value);
	return value;
}

/**
 * Every string inside a plain value (an event, a record) sanitised; other values as they are.
 * Copies only what it changes: a clean value comes back as the same object. Every streamed token
 * passes through here on its way to a screen, and a copy per token was most of what a long stream
 * allocated with the UI on (test/bench/run.ts, peak RSS at 100k tokens).
 */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitizeText(value) as T;
	if (typeof value === 'object' && value !== null && CLEAN.has(value)) return value;
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
	// Astral characters (the TAG block) as their UTF-16 pair, as JSON spells them.
	const escape = (char: string) => [...Array(char.length).keys()].map((index) => `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');
	const text = JSON.stringify(value, null, indent).replace(JSON_UNSAFE, escape);
	return redactSecrets(text);
}
