// Just enough of Python's lexical rules to find matching brackets and top-level commas without
// being fooled by brackets inside strings or comments. Not a parser: callers treat anything
// unexpected as "shape not recognised" and change nothing.

const OPEN = '([{';
const CLOSE = ')]}';

/** Index just past the string literal starting at `start` (a quote, possibly after a prefix). */
function skipString(source: string, start: number): number {
	const quote = source[start] ?? '';
	const triple = source.startsWith(quote.repeat(3), start);
	const delimiter = triple ? quote.repeat(3) : quote;
	let index = start + delimiter.length;
	while (index < source.length) {
		const char = source[index];
		if (char === '\\') {
			index += 2;
			continue;
		}
		if (!triple && char === '\n') return index;
		if (source.startsWith(delimiter, index)) return index + delimiter.length;
		index += 1;
	}
	return source.length;
}

export type CodeVisitor = (char: string, index: number, depth: number) => boolean | void;

/**
 * Walks code characters (not strings, not comments) from `start` to `end`, with the bracket depth
 * relative to `start`. The visitor returns true to stop; the stop index is returned, else -1.
 */
export function walkCode(source: string, start: number, end: number, visit: CodeVisitor): number {
	let depth = 0;
	let index = start;
	while (index < end) {
		const char = source[index] ?? '';
		if (char === '#') {
			const newline = source.indexOf('\n', index);
			index = newline === -1 ? end : newline;
			continue;
		}
		if (char === '"' || char === "'") {
			if (visit(char, index, depth) === true) return index;
			index = skipString(source, index);
			continue;
		}
		if (OPEN.includes(char)) depth += 1;
		if (CLOSE.includes(char)) depth -= 1;
		if (visit(char, index, depth) === true) return index;
		index += 1;
	}
	return -1;
}

/** Index of the bracket closing the one at `open`, or -1. */
export function matchingBracket(source: string, open: number): number {
	return walkCode(source, open, source.length, (char, _index, depth) => CLOSE.includes(char) && depth === 0);
}

/** Splits the text between brackets at its top-level commas (empty trailing part dropped). */
export function splitTopLevel(inner: string): string[] {
	const parts: string[] = [];
	let last = 0;
	walkCode(inner, 0, inner.length, (char, index, depth) => {
		if (char === ',' && depth === 0) {
			parts.push(inner.slice(last, index));
			last = index + 1;
		}
	});
	parts.push(inner.slice(last));
	return parts.filter((part, index) => index < parts.length - 1 || stripComments(part).trim() !== '');
}

/** The text with comments removed (strings kept), for shape checks. */
export function stripComments(text: string): string {
	let out = '';
	let index = 0;
	while (index < text.length) {
		const char = text[index] ?? '';
		if (char === '#') {
			const newline = text.indexOf('\n', index);
			index = newline === -1 ? text.length : newline;
			continue;
		}
		if (char === '"' || char === "'") {
			const after = skipString(text, index);
			out += text.slice(index, after);
			index = after;
			continue;
		}
		out += char;
		index += 1;
	}
	return out;
}

/** Index of the last code character (not whitespace, not comment) in [start, end), or -1. */
export function lastCodeChar(source: string, start: number, end: number): number {
	let last = -1;
	walkCode(source, start, end, (char, index) => {
		if (char === '"' || char === "'") {
			last = skipString(source, index) - 1;
			return;
		}
		if (!/\s/.test(char)) last = index;
	});
	return last;
}

/** The string literal's value when `text` is exactly one simple string literal, else null. */
export function simpleString(text: string): {value: string; quote: string} | null {
	const match = /^\s*(["'])([^"'\\\n]*)\1\s*$/.exec(text);
	return match ? {quote: match[1] ?? '"', value: match[2] ?? ''} : null;
}

export function lineStart(source: string, index: number): number {
	return source.lastIndexOf('\n', index - 1) + 1;
}

export function indentOfLine(source: string, index: number): string {
	const start = lineStart(source, index);
	return /^[ \t]*/.exec(source.slice(start))?.[0] ?? '';
}

/** Whether only whitespace precedes `index` on its line. */
export function startsLine(source: string, index: number): boolean {
	return source.slice(lineStart(source, index), index).trim() === '';
}
